# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models

from .job_coaching_team_thread import FINANCE_GROUP

APPROVAL_STATES = [
    ("not_needed", "Not Needed"),
    ("missing", "Missing"),
    ("late", "Late"),
    ("approved", "Prior Approval"),
]
# Fields whose change can change what a subsidy's purchase needs.
APPROVAL_FIELDS = {
    "amount",
    "date",
    "partner_id",
    "ref",
    "move_line_id",
    "subsidy_purchase_ref",
    "subsidy_approval_ref",
    "subsidy_approval_date",
}


class AccountAnalyticLine(models.Model):
    _inherit = "account.analytic.line"

    subsidy_purchase_ref = fields.Char(
        string="Purchase Reference",
        copy=False,
        help="The supplier's reference of the purchase (e.g. the invoice number). Lines "
        "with the same supplier and reference are one purchase, judged as a whole against "
        "the subsidy's approval threshold.",
    )
    subsidy_approval_ref = fields.Char(
        string="Funder's Approval",
        copy=False,
        help="Reference of the funder's prior written approval of this investment.",
    )
    subsidy_approval_date = fields.Date(
        string="Approval Date",
        copy=False,
        help="Date of the funder's written approval: it must come before the expense.",
    )
    subsidy_approval_state = fields.Selection(
        APPROVAL_STATES,
        string="Funder's Approval Status",
        compute="_compute_subsidy_approval",
        help="Investments of a subsidy above its threshold (the whole purchase counts) need "
        "the funder's written approval dated before the expense.",
    )
    subsidy_approval_warning = fields.Char(
        string="Approval Warning", compute="_compute_subsidy_approval"
    )

    @api.depends(
        "amount",
        "date",
        "partner_id",
        "subsidy_purchase_ref",
        "subsidy_approval_ref",
        "subsidy_approval_date",
    )
    def _compute_subsidy_approval(self):
        self.subsidy_approval_state = "not_needed"
        self.subsidy_approval_warning = False
        lines = self.filtered("id")
        if not lines:
            return
        # sudo: the status is read by whoever reads the cost line (an accountant), even
        # without access to the subsidies.
        subsidies = self.env["job_coaching.subsidy"].sudo()._get_investment_subsidies(lines)
        for purchase in subsidies._get_investment_purchases():
            for line in purchase["lines"] & lines:
                line.subsidy_approval_state = purchase["state"]
                line.subsidy_approval_warning = purchase["warning"]

    # Purchases
    def _subsidy_purchase_key(self):
        """What makes lines one purchase: the journal entry when the accounting posts
        them, else the supplier and its reference, else the line alone."""
        self.ensure_one()
        move_line = self["move_line_id"] if "move_line_id" in self._fields else False
        if move_line and move_line.move_id:
            return ("move", move_line.move_id.id)
        ref = self.subsidy_purchase_ref or (self["ref"] if "ref" in self._fields else False)
        if self.partner_id and ref and ref.strip():
            return ("ref", self.partner_id.commercial_partner_id.id, ref.strip().casefold())
        return ("line", self.id)

    # Budget
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
        A cost in a year without a budget line for its category gets an unbudgeted line,
        so that it shows wherever the subsidy's totals do; an unbudgeted line left
        without cost goes away.
        """
        if not keys:
            return
        # sudo: whoever posts costs (an accountant) need not read subsidies.
        BudgetLine = self.env["job_coaching.subsidy.line"].sudo()
        account_ids = list({account_id for account_id, __ in keys})
        budget_lines = BudgetLine.search([("analytic_account_id", "in", account_ids)]).filtered(
            lambda line: (line.analytic_account_id.id, line.year) in keys
        )
        budget_lines |= BudgetLine._create_unbudgeted(keys - set(budget_lines._budget_keys()))
        if budget_lines:
            # The compute cannot depend on analytic lines: run it, its values are written.
            budget_lines._compute_amount_actual()
            budget_lines.filtered(
                lambda line: (
                    line.is_unbudgeted
                    and line.currency_id.is_zero(line.amount_actual)
                    and not line.amount_planned
                )
            ).unlink()

    # Prior approval of investments
    def _check_subsidy_approvals(self):
        """When a cost is recorded or changed, ask finance to act on each purchase of a
        subsidy that needs the funder's approval and lacks it, or got it late; close the
        request once the approval is in order."""
        # sudo: an accountant posting costs need not read subsidies; the activity goes
        # to the subsidy's finance team.
        subsidies = self.env["job_coaching.subsidy"].sudo()._get_investment_subsidies(self)
        if not subsidies:
            return
        purchases = [
            purchase
            for purchase in subsidies._get_investment_purchases(states=None)
            if purchase["lines"] & self
        ]
        if not purchases:
            return
        todo = self.env.ref("mail.mail_activity_data_todo")
        open_activities = (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "job_coaching.subsidy"),
                    ("res_id", "in", subsidies.ids),
                    ("activity_type_id", "=", todo.id),
                ]
            )
        )
        finance_users = self.env.ref(FINANCE_GROUP).users
        for purchase in purchases:
            subsidy = purchase["subsidy"]
            summary = _("Funder's approval: %(purchase)s", purchase=purchase["label"])
            existing = open_activities.filtered(
                lambda act, s=subsidy, t=summary: act.res_id == s.id and act.summary == t
            )
            if purchase["state"] in ("missing", "late"):
                if existing:
                    existing.note = purchase["warning"]
                    continue
                team = finance_users.filtered(lambda u, s=subsidy: s.company_id in u.company_ids)
                user = self.env.user if self.env.user in team else team[:1]
                subsidy.activity_schedule(
                    activity_type_id=todo.id,
                    summary=summary,
                    note=purchase["warning"],
                    user_id=(user or subsidy.create_uid).id,
                )
            elif existing:
                existing.action_feedback(feedback=_("The prior approval is recorded."))

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._refresh_subsidy_budget(lines._subsidy_budget_keys())
        lines._check_subsidy_approvals()
        return lines

    def write(self, vals):
        plan_fields = set(self._get_plan_fnames())
        if not {"amount", "date", *plan_fields, *APPROVAL_FIELDS} & set(vals):
            return super().write(vals)
        keys = self._subsidy_budget_keys()
        res = super().write(vals)
        if {"amount", "date", *plan_fields} & set(vals):
            self._refresh_subsidy_budget(keys | self._subsidy_budget_keys())
        self._check_subsidy_approvals()
        return res

    def unlink(self):
        keys = self._subsidy_budget_keys()
        res = super().unlink()
        self._refresh_subsidy_budget(keys)
        return res
