# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

# Who gives feedback on the project, as the activity report counts them.
FEEDBACK_SOURCES = [
    ("partner", "Partner organisation"),
    ("employer", "Employer"),
    ("user_employer", "Art. 60 user employer"),
    ("tutor", "Art. 60 tutor"),
]
RATINGS = [
    ("1", "1 - Poor"),
    ("2", "2 - Fair"),
    ("3", "3 - Good"),
    ("4", "4 - Very good"),
    ("5", "5 - Excellent"),
]


class JobCoachingPartnerFeedback(models.Model):
    """What a partner organisation, an employer, an art. 60 user employer or
    a tutor says of the project: words about the project that the
    coordinator may quote in the funder's report, never about a person."""

    _name = "job_coaching.partner.feedback"
    _description = "Partner Feedback"
    _inherit = ["job_coaching.team.thread", "job_coaching.input.guard"]
    _order = "date desc, id desc"
    _rec_name = "partner_id"
    _check_company_auto = True

    partner_id = fields.Many2one("res.partner", required=True, index=True, tracking=True)
    source = fields.Selection(
        FEEDBACK_SOURCES,
        required=True,
        default="partner",
        tracking=True,
        help="Who gives it: the activity report counts the feedback of each source.",
    )
    contact_name = fields.Char(
        string="Given By",
        help="The person who spoke for the organisation (a tutor, a manager): kept with the "
        "feedback, never printed in the report.",
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    rating = fields.Selection(RATINGS, tracking=True)
    comment = fields.Text(
        help="What they say of the project, in words the coordinator may quote in the "
        "funder's report: name no person accompanied."
    )
    user_id = fields.Many2one(
        "res.users", string="Collected By", default=lambda self: self.env.user, index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
