# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_amount, format_date

from .job_coaching_team_thread import FINANCE_GROUP, MANAGER_GROUP

CATEGORIES = [
    ("personnel", "Personnel"),
    ("operations", "Operations"),
    ("equipment", "Equipment and investment"),
]
CATEGORY_ACCOUNT_FIELDS = {
    "personnel": "personnel_account_id",
    "operations": "operations_account_id",
    "equipment": "equipment_account_id",
}


class JobCoachingSubsidy(models.Model):
    _name = "job_coaching.subsidy"
    _description = "Subsidy"
    _inherit = [
        "job_coaching.team.thread",
        "mail.activity.mixin",
        "job_coaching.input.guard",
        "job_coaching.period",
    ]
    _order = "date_start desc, reference, id"
    _check_company_auto = True

    # Identity
    name = fields.Char(required=True, tracking=True)
    reference = fields.Char(tracking=True, copy=False, help="The funder's reference, e.g. MAG 03.")
    funder_id = fields.Many2one("res.partner", required=True, tracking=True)
    programme = fields.Char(
        tracking=True, help="The programme that grants the subsidy, e.g. a neighbourhood contract."
    )
    zone_id = fields.Many2one("job_coaching.zone", check_company=True)
    date_start = fields.Date(string="Start", required=True, tracking=True)
    date_end = fields.Date(string="End", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, tracking=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        [("draft", "Draft"), ("active", "Active"), ("closed", "Closed")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    active = fields.Boolean(default=True)

    # Analytic accounts, one per budget category
    personnel_account_id = fields.Many2one(
        "account.analytic.account",
        check_company=True,
        copy=False,
        tracking=True,
    )
    operations_account_id = fields.Many2one(
        "account.analytic.account",
        check_company=True,
        copy=False,
        tracking=True,
    )
    equipment_account_id = fields.Many2one(
        "account.analytic.account",
        check_company=True,
        copy=False,
        tracking=True,
    )
    approval_threshold = fields.Monetary(
        default=5000.0,
        tracking=True,
        help="An investment cost above this amount needs the funder's prior written approval "
        "(reference and date) before the subsidy can be closed.",
    )

    # Budget
    line_ids = fields.One2many("job_coaching.subsidy.line", "subsidy_id", string="Budget Lines")
    allocation_ids = fields.One2many(
        "job_coaching.staff.allocation", "subsidy_id", string="Staff Allocations"
    )
    amount_planned = fields.Monetary(
        string="Planned", compute="_compute_amounts", store=True, tracking=True
    )
    amount_actual = fields.Monetary(string="Actual", compute="_compute_amounts", store=True)
    amount_remaining = fields.Monetary(string="Remaining", compute="_compute_amounts", store=True)
    analytic_line_count = fields.Integer(
        string="Cost Lines", compute="_compute_analytic_line_count"
    )
    allocation_count = fields.Integer(compute="_compute_allocation_count")
    unapproved_investment_ids = fields.Many2many(
        "account.analytic.line",
        string="Investments Awaiting Approval",
        compute="_compute_unapproved_investment_ids",
        help="Cost lines of purchases above the threshold without the funder's approval.",
    )
    unapproved_investment_count = fields.Integer(compute="_compute_unapproved_investment_ids")
    late_investment_ids = fields.Many2many(
        "account.analytic.line",
        string="Investments Approved Late",
        compute="_compute_unapproved_investment_ids",
        help="Cost lines of purchases above the threshold whose approval is dated after the "
        "expense: the approval was not prior.",
    )
    late_investment_count = fields.Integer(compute="_compute_unapproved_investment_ids")
    amount_unbudgeted = fields.Monetary(
        string="Unbudgeted",
        compute="_compute_amounts",
        store=True,
        help="Costs of a year and category without a budget line (included in Actual).",
    )

    @api.depends("line_ids.amount_planned", "line_ids.amount_actual", "line_ids.is_unbudgeted")
    def _compute_amounts(self):
        for subsidy in self:
            subsidy.amount_planned = sum(subsidy.line_ids.mapped("amount_planned"))
            subsidy.amount_actual = sum(subsidy.line_ids.mapped("amount_actual"))
            subsidy.amount_remaining = subsidy.amount_planned - subsidy.amount_actual
            subsidy.amount_unbudgeted = sum(
                subsidy.line_ids.filtered("is_unbudgeted").mapped("amount_actual")
            )

    @api.depends("personnel_account_id", "operations_account_id", "equipment_account_id")
    def _compute_analytic_line_count(self):
        counts = self._read_costs(self._get_accounts(), by_year=False, aggregate="__count")
        for subsidy in self:
            subsidy.analytic_line_count = sum(
                counts.get(account.id, 0) for account in subsidy._get_accounts()
            )

    @api.depends("allocation_ids")
    def _compute_allocation_count(self):
        for subsidy in self:
            subsidy.allocation_count = len(subsidy.allocation_ids)

    @api.depends("equipment_account_id", "approval_threshold")
    def _compute_unapproved_investment_ids(self):
        Line = self.env["account.analytic.line"]
        missing = dict.fromkeys(self, Line)
        late = dict(missing)
        for purchase in self._get_investment_purchases(states=("missing", "late")):
            target = missing if purchase["state"] == "missing" else late
            target[purchase["subsidy"]] |= purchase["lines"]
        for subsidy in self:
            subsidy.unapproved_investment_ids = missing[subsidy]
            subsidy.unapproved_investment_count = len(missing[subsidy])
            subsidy.late_investment_ids = late[subsidy]
            subsidy.late_investment_count = len(late[subsidy])

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        self._check_ends_after_start("date_start", "date_end")

    @api.constrains("approval_threshold")
    def _check_approval_threshold(self):
        if any(subsidy.approval_threshold < 0 for subsidy in self):
            raise ValidationError(_("The approval threshold cannot be negative."))

    @api.constrains("state")
    def _check_investments_approved(self):
        # Approvals are typed on the analytic lines: read them afresh.
        self.invalidate_recordset(
            ["unapproved_investment_ids", "unapproved_investment_count", "late_investment_ids"]
        )
        for subsidy in self.filtered(lambda s: s.state == "closed"):
            if subsidy.unapproved_investment_ids:
                raise ValidationError(
                    _(
                        "The subsidy %(name)s cannot be closed: %(count)s investment cost(s) "
                        "above %(threshold)s have no approval reference and date: %(lines)s.",
                        name=subsidy.display_name,
                        count=len(subsidy.unapproved_investment_ids),
                        threshold=subsidy.approval_threshold,
                        lines=", ".join(subsidy.unapproved_investment_ids.mapped("name")),
                    )
                )

    @api.model
    def _team_groups(self):
        # Money, not social data: finance and the coordinators follow it.
        return (FINANCE_GROUP, MANAGER_GROUP)

    @api.depends("name", "reference")
    def _compute_display_name(self):
        for subsidy in self:
            subsidy.display_name = (
                f"[{subsidy.reference}] {subsidy.name}" if subsidy.reference else subsidy.name
            )

    def write(self, vals):
        res = super().write(vals)
        if set(CATEGORY_ACCOUNT_FIELDS.values()) & set(vals):
            self._sync_unbudgeted_lines()
        return res

    # Actions
    def action_activate(self):
        self.write({"state": "active"})

    def action_close(self):
        self.write({"state": "closed"})

    def action_reopen(self):
        self.write({"state": "active"})

    def action_reset_to_draft(self):
        self.write({"state": "draft"})

    def action_create_analytic_accounts(self):
        """Create the missing analytic account of each budget category under the
        analytic plan of subsidies."""
        plan = self._get_analytic_plan()
        Account = self.env["account.analytic.account"]
        labels = self.env["job_coaching.subsidy.line"]._get_category_labels()
        for subsidy in self:
            label = subsidy.reference or subsidy.name
            for category in CATEGORY_ACCOUNT_FIELDS:
                fname = CATEGORY_ACCOUNT_FIELDS[category]
                if subsidy[fname]:
                    continue
                subsidy[fname] = Account.create(
                    {
                        "name": f"{label} - {labels[category]}",
                        "code": f"{label}-{category[:3].upper()}",
                        "plan_id": plan.id,
                        "company_id": subsidy.company_id.id,
                        "partner_id": subsidy.funder_id.id,
                    }
                )
        return True

    def action_view_analytic_lines(self):
        self.ensure_one()
        return self._action_open(
            "job_coaching.job_coaching_subsidy_analytic_line_action",
            [("auto_account_id", "in", self._get_accounts().ids)],
            {"search_default_group_date": 1},
        )

    def action_view_allocations(self):
        return self._action_open_linked(
            "job_coaching.job_coaching_staff_allocation_action", "subsidy_id"
        )

    def action_view_unapproved_investments(self):
        self.ensure_one()
        return self._action_open(
            "job_coaching.job_coaching_subsidy_analytic_line_action",
            [("id", "in", (self.unapproved_investment_ids | self.late_investment_ids).ids)],
        )

    def action_record_cost(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "job_coaching.job_coaching_subsidy_cost_wizard_action"
        )
        action["context"] = {"default_subsidy_id": self.id}
        return action

    # Business methods
    @api.model
    def _get_analytic_plan(self):
        """The analytic plan "Subsidies", recreated if it was deleted."""
        plan = self.env.ref("job_coaching.analytic_plan_subsidies", raise_if_not_found=False)
        if not plan:
            plan = self.env["account.analytic.plan"].create(
                {"name": _("Subsidies"), "default_applicability": "optional"}
            )
        return plan

    def _sync_unbudgeted_lines(self):
        """Unbudgeted lines for the costs already on accounts newly linked."""
        costs = self._read_costs(self._get_accounts())
        keys = {key for key, amount in costs.items() if amount}
        # sudo: the unbudgeted flag is the application's.
        budget_lines = self.env["job_coaching.subsidy.line"].sudo()
        budget_lines._create_unbudgeted(keys - set(self.line_ids._budget_keys()))

    def _get_accounts(self):
        return self.personnel_account_id | self.operations_account_id | self.equipment_account_id

    def _get_category_account(self, category):
        self.ensure_one()
        return self[CATEGORY_ACCOUNT_FIELDS[category]]

    @api.model
    def _read_costs(self, accounts, by_year=True, aggregate="amount:sum", domain=None):
        """Costs of analytic accounts, as ``{(account id, year): cost}`` (or
        ``{account id: value}`` without ``by_year``), one query per analytic plan.

        Costs are negative analytic amounts: they are returned positive.
        """
        result = defaultdict(float)
        Line = self.env["account.analytic.line"]
        for column, plan_accounts in accounts.grouped(
            lambda account: account.root_plan_id._column_name()
        ).items():
            groupby = [column, "date:year"] if by_year else [column]
            for group in Line._read_group(
                [(column, "in", plan_accounts.ids), *(domain or [])], groupby, [aggregate]
            ):
                value = group[-1]
                if aggregate.startswith("amount"):
                    value = -value
                key = (group[0].id, group[1].year) if by_year else group[0].id
                result[key] += value
        return result

    @api.model
    def _get_investment_subsidies(self, lines):
        """The subsidies whose equipment account the analytic lines are posted on."""
        accounts = self.env["account.analytic.account"]
        for line in lines:
            accounts |= line._get_analytic_accounts()
        if not accounts:
            return self.browse()
        return self.search([("equipment_account_id", "in", accounts.ids)])

    def _get_investment_purchases(self, states=("missing", "late", "approved")):
        """The purchases on the subsidies' equipment accounts, each judged as a whole
        against its subsidy's threshold: lines of one journal entry, or of one supplier
        and reference, make one purchase. A list of dicts with the subsidy, the lines,
        the amount, the expense date (the first line's), the approval and its state:
        ``not_needed``, ``missing``, ``late`` (approved after the expense), ``approved``.
        """
        accounts = self.equipment_account_id
        if not accounts:
            return []
        lines = self.env["account.analytic.line"].search(
            [("auto_account_id", "in", accounts.ids)], order="date, id"
        )
        purchases = []
        for subsidy in self.filtered("equipment_account_id"):
            groups = defaultdict(lambda: self.env["account.analytic.line"])
            for line in lines:
                if subsidy.equipment_account_id in line._get_analytic_accounts():
                    groups[line._subsidy_purchase_key()] |= line
            for group in groups.values():
                purchase = subsidy._judge_purchase(group)
                if states is None or purchase["state"] in states:
                    purchases.append(purchase)
        return purchases

    def _judge_purchase(self, lines):
        """One purchase of the subsidy: does it need the funder's prior approval, and
        was the approval given before the expense?"""
        self.ensure_one()
        amount = -sum(lines.mapped("amount"))
        date = min(lines.mapped("date"))
        approvals = lines.filtered(
            lambda line: line.subsidy_approval_ref and line.subsidy_approval_date
        ).sorted("subsidy_approval_date")
        approval = approvals[:1]
        first = lines[:1]
        ref = first.subsidy_purchase_ref or (first["ref"] if "ref" in first._fields else "")
        label = " - ".join(filter(None, [first.partner_id.display_name, ref])) or first.name
        values = {
            "subsidy": self,
            "lines": lines,
            "label": label or "",
            "amount": amount,
            "date": date,
            "approval_ref": approval.subsidy_approval_ref or "",
            "approval_date": approval.subsidy_approval_date,
            "warning": False,
        }
        amount_text = format_amount(self.env, amount, self.currency_id)
        if self.currency_id.compare_amounts(amount, self.approval_threshold) <= 0:
            values["state"] = "not_needed"
        elif not approval:
            values["state"] = "missing"
            values["warning"] = _(
                "The purchase %(purchase)s (%(amount)s) is above %(threshold)s: it needs the "
                "funder's written approval dated before %(date)s.",
                purchase=values["label"],
                amount=amount_text,
                threshold=format_amount(self.env, self.approval_threshold, self.currency_id),
                date=format_date(self.env, date),
            )
        elif approval.subsidy_approval_date > date:
            values["state"] = "late"
            values["warning"] = _(
                "The funder's approval %(approval)s of %(purchase)s (%(amount)s) is dated "
                "%(approval_date)s, after the expense of %(date)s: it is not a prior approval.",
                approval=approval.subsidy_approval_ref,
                purchase=values["label"],
                amount=amount_text,
                approval_date=format_date(self.env, approval.subsidy_approval_date),
                date=format_date(self.env, date),
            )
        else:
            values["state"] = "approved"
        return values
