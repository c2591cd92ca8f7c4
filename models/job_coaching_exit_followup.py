# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class JobCoachingExitFollowup(models.Model):
    _name = "job_coaching.exit.followup"
    _description = "Post-exit Follow-up"
    _inherit = [
        "job_coaching.team.thread",
        "mail.activity.mixin",
        "job_coaching.file.record",
        "job_coaching.input.guard",
    ]
    _order = "date_due, id"

    exit_id = fields.Many2one("job_coaching.exit", required=True, ondelete="cascade", index=True)
    beneficiary_id = fields.Many2one(related="exit_id.beneficiary_id", store=True, index=True)
    user_id = fields.Many2one(related="exit_id.beneficiary_id.user_id", string="Agent")
    company_id = fields.Many2one(related="exit_id.company_id", store=True)
    offset_months = fields.Selection(
        [("3", "+3 months"), ("6", "+6 months")], string="Delay", required=True
    )
    date_due = fields.Date(string="Due On", required=True)
    date_done = fields.Date(string="Done On", tracking=True)
    still_employed = fields.Boolean(tracking=True)
    employer = fields.Char(string="Where", help="Employer, school or place the person is at.")
    notes = fields.Text()

    _sql_constraints = [
        (
            "exit_offset_uniq",
            "UNIQUE (exit_id, offset_months)",
            "An exit is followed up once at each delay.",
        ),
    ]

    @api.depends("exit_id", "offset_months")
    def _compute_display_name(self):
        labels = dict(self._fields["offset_months"]._description_selection(self.env))
        for followup in self:
            followup.display_name = _(
                "%(person)s, %(delay)s",
                person=followup.beneficiary_id.name or "",
                delay=labels.get(followup.offset_months, ""),
            )

    @api.constrains("date_done", "exit_id")
    def _check_date_done(self):
        for followup in self:
            if followup.date_done and followup.date_done < followup.exit_id.date:
                raise ValidationError(
                    _(
                        "The follow-up of %(person)s is done before the exit (%(date)s): "
                        "check the date.",
                        person=followup.beneficiary_id.name,
                        date=followup.exit_id.date,
                    )
                )

    def action_done(self):
        for followup in self:
            if not followup.date_done:
                followup.date_done = fields.Date.context_today(self)
        self.activity_feedback(["mail.mail_activity_data_call"])
