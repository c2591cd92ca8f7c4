# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import _, fields, models
from odoo.exceptions import UserError


class JobCoachingStaffCostWizard(models.TransientModel):
    _name = "job_coaching.staff.cost.wizard"
    _description = "Post Personnel Cost"
    _inherit = ["job_coaching.record"]

    subsidy_id = fields.Many2one("job_coaching.subsidy", required=True)
    month = fields.Selection(
        [
            ("1", "January"),
            ("2", "February"),
            ("3", "March"),
            ("4", "April"),
            ("5", "May"),
            ("6", "June"),
            ("7", "July"),
            ("8", "August"),
            ("9", "September"),
            ("10", "October"),
            ("11", "November"),
            ("12", "December"),
        ],
        required=True,
        default=lambda self: str(self._default_last_month().month),
    )
    year = fields.Integer(required=True, default=lambda self: self._default_last_month().year)

    def _default_last_month(self):
        return fields.Date.context_today(self).replace(day=1) - relativedelta(months=1)

    def action_post(self):
        self.ensure_one()
        if not 1900 < self.year < 3000:
            raise UserError(_("Give the year as four digits, e.g. 2019."))
        month = fields.Date.to_date(f"{self.year}-{int(self.month):02d}-01")
        postings = self.subsidy_id.allocation_ids._post_cost(month)
        if not postings:
            raise UserError(
                _(
                    "No staff allocation of %(subsidy)s covers %(month)s: nothing to post.",
                    subsidy=self.subsidy_id.display_name,
                    month=month.strftime("%m/%Y"),
                )
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": _(
                    "Personnel cost of %(month)s posted: %(count)s line(s).",
                    month=month.strftime("%m/%Y"),
                    count=len(postings),
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
