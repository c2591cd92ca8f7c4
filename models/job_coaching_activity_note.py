# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class JobCoachingActivityNote(models.Model):
    """What the coordinator writes in the funder's activity report of a period
    and zone: the difficulties met and the outlook, in French and Dutch, and
    the feedback quoted."""

    _name = "job_coaching.activity.note"
    _description = "Job Coaching Activity Report Comment"
    _inherit = ["job_coaching.input.guard", "job_coaching.period"]
    _order = "date_from desc, id desc"
    _rec_name = "date_from"
    _check_company_auto = True

    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To", required=True)
    zone_id = fields.Many2one("job_coaching.zone", check_company=True, index=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    difficulties = fields.Text(translate=True)
    outlook = fields.Text(translate=True)
    feedback_ids = fields.Many2many(
        "job_coaching.partner.feedback",
        "job_coaching_activity_note_feedback_rel",
        "note_id",
        "feedback_id",
        string="Feedback Quoted",
        check_company=True,
        help="The feedback whose comments the report quotes, chosen by the coordinator.",
    )

    @api.constrains("date_from", "date_to", "zone_id", "company_id")
    def _check_period(self):
        self._check_ends_after_start("date_from", "date_to")
        groups = self._read_group(
            [
                ("company_id", "in", self.company_id.ids),
                ("date_from", "in", self.mapped("date_from")),
            ],
            ["company_id", "date_from:day", "date_to:day", "zone_id"],
            ["__count"],
        )
        if any(count > 1 for *_key, count in groups):
            raise ValidationError(
                _("The difficulties and outlook of this period and zone are already written.")
            )

    def _period_name(self):
        return _("The period")

    @api.model
    def _find(self, date_from, date_to, zone):
        """The comment of a period and zone of the current company, if written."""
        return self.search(
            [
                ("company_id", "=", self.env.company.id),
                ("date_from", "=", date_from),
                ("date_to", "=", date_to),
                ("zone_id", "=", zone.id),
            ],
            limit=1,
        )
