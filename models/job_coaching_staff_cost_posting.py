# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class JobCoachingStaffCostPosting(models.Model):
    _name = "job_coaching.staff.cost.posting"
    _description = "Personnel Cost Posting"
    _inherit = ["job_coaching.input.guard"]
    _order = "month desc, id desc"
    _check_company_auto = True

    allocation_id = fields.Many2one(
        "job_coaching.staff.allocation", required=True, ondelete="restrict", index=True
    )
    subsidy_id = fields.Many2one(related="allocation_id.subsidy_id", store=True)
    employee_id = fields.Many2one(related="allocation_id.employee_id", store=True)
    company_id = fields.Many2one(related="allocation_id.company_id", store=True)
    currency_id = fields.Many2one(related="allocation_id.currency_id")
    month = fields.Date(required=True, help="First day of the month posted.")
    amount = fields.Monetary()
    analytic_line_id = fields.Many2one(
        "account.analytic.line", string="Cost Line", ondelete="set null", check_company=True
    )

    _sql_constraints = [
        (
            "allocation_month_unique",
            "UNIQUE(allocation_id, month)",
            "The personnel cost of this month is already posted for this allocation.",
        ),
    ]

    @api.depends("allocation_id", "month")
    def _compute_display_name(self):
        for posting in self:
            posting.display_name = (
                f"{posting.allocation_id.display_name} - {posting.month.strftime('%m/%Y')}"
                if posting.month
                else posting.allocation_id.display_name
            )

    def unlink(self):
        # Undoing a posting removes its cost line too, so the month can be posted again.
        lines = self.analytic_line_id
        res = super().unlink()
        lines.unlink()
        return res
