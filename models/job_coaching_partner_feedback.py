# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class JobCoachingPartnerFeedback(models.Model):
    """What an association or local partner says of the project."""

    _name = "job_coaching.partner.feedback"
    _description = "Partner Feedback"
    _inherit = ["job_coaching.team.thread", "job_coaching.input.guard"]
    _order = "date desc, id desc"
    _rec_name = "partner_id"
    _check_company_auto = True

    partner_id = fields.Many2one("res.partner", required=True, index=True, tracking=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    rating = fields.Selection(
        [
            ("1", "1 - Poor"),
            ("2", "2 - Fair"),
            ("3", "3 - Good"),
            ("4", "4 - Very good"),
            ("5", "5 - Excellent"),
        ],
        required=True,
        tracking=True,
    )
    comment = fields.Text()
    user_id = fields.Many2one(
        "res.users", string="Collected By", default=lambda self: self.env.user, index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
