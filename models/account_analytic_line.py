# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class AccountAnalyticLine(models.Model):
    _inherit = "account.analytic.line"

    subsidy_approval_ref = fields.Char(
        string="Funder's Approval",
        copy=False,
        help="Reference of the funder's prior written approval of this investment.",
    )
    subsidy_approval_date = fields.Date(string="Approval Date", copy=False)

    def _subsidy_budget_keys(self):
        """(analytic account id, year) of each line, for the budget lines to refresh."""
        return {
            (account.id, line.date.year)
            for line in self
            if line.date
            for account in line._get_analytic_accounts()
        }

    def _refresh_subsidy_budget(self, keys):
        """Recompute the actuals of the budget lines whose account and year changed.

        Budget lines read their actuals from analytic lines, which carry no link back.
        """
        if not keys:
            return
        # sudo: whoever posts costs (an accountant) need not read subsidies.
        BudgetLine = self.env["job_coaching.subsidy.line"].sudo()
        budget_lines = BudgetLine.search(
            [("analytic_account_id", "in", list({account_id for account_id, __ in keys}))]
        ).filtered(lambda line: (line.analytic_account_id.id, line.year) in keys)
        # The compute cannot depend on analytic lines: run it, its values are written.
        budget_lines._compute_amount_actual()

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._refresh_subsidy_budget(lines._subsidy_budget_keys())
        return lines

    def write(self, vals):
        if not {"amount", "date", *self._get_plan_fnames()} & set(vals):
            return super().write(vals)
        keys = self._subsidy_budget_keys()
        res = super().write(vals)
        self._refresh_subsidy_budget(keys | self._subsidy_budget_keys())
        return res

    def unlink(self):
        keys = self._subsidy_budget_keys()
        res = super().unlink()
        self._refresh_subsidy_budget(keys)
        return res
