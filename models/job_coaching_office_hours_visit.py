# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, fields, models
from odoo.exceptions import UserError


class JobCoachingOfficeHoursVisit(models.Model):
    _name = "job_coaching.office.hours.visit"
    _description = "Office Hours Visit"
    _inherit = ["job_coaching.file.record", "job_coaching.input.guard"]
    _order = "office_hours_id desc, id"
    _check_company_auto = True

    office_hours_id = fields.Many2one(
        "job_coaching.office.hours", required=True, ondelete="cascade", index=True
    )
    beneficiary_id = fields.Many2one(
        "job_coaching.beneficiary",
        ondelete="restrict",
        index=True,
        check_company=True,
        help="Empty for an anonymous walk-in, who is only counted.",
    )
    visitor_name = fields.Char(
        help="What the walk-in said of themselves, to prefill a file if they come in.",
    )
    topic = fields.Selection(
        [
            ("information", "Information on the project"),
            ("job_search", "Job search, CV"),
            ("training", "Training"),
            ("administrative", "Administrative help"),
            ("social", "Social question"),
            ("other", "Other"),
        ],
        required=True,
        default="information",
    )
    comment = fields.Char()
    date = fields.Date(related="office_hours_id.date", store=True)
    company_id = fields.Many2one(
        related="office_hours_id.company_id", store=True, index=True, precompute=True
    )

    def action_convert_to_intake(self):
        """Open a new file for a walk-in, prefilled; the visit is linked to it."""
        self.ensure_one()
        if self.beneficiary_id:
            raise UserError(
                _("This visit is already linked to %(name)s.", name=self.beneficiary_id.name)
            )
        first_name, _sep, last_name = (self.visitor_name or "").strip().partition(" ")
        return {
            "type": "ir.actions.act_window",
            "name": _("New intake"),
            "res_model": "job_coaching.beneficiary",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": {
                "default_first_name": first_name,
                "default_last_name": last_name,
                "default_user_id": self.office_hours_id.user_id.id,
                "default_referral_channel_id": self.env.ref(
                    "job_coaching.referral_channel_office_hours"
                ).id,
                "default_referral_partner_id": self.office_hours_id.place_id.id,
                "default_office_hours_visit_ids": [fields.Command.link(self.id)],
            },
        }
