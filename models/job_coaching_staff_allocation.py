# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare, format_date

from .job_coaching_team_thread import FINANCE_GROUP, MANAGER_GROUP


def month_starts(date_start, date_end):
    """First day of each calendar month touched by the period."""
    month = date_start.replace(day=1)
    while month <= date_end:
        yield month
        month += relativedelta(months=1)


class JobCoachingStaffAllocation(models.Model):
    _name = "job_coaching.staff.allocation"
    _description = "Staff Allocation"
    _inherit = ["job_coaching.team.thread", "job_coaching.input.guard"]
    _order = "subsidy_id, date_start, id"
    _check_company_auto = True
    # Allocations a call of the monthly posting cron handles (Odoo's runner calls it again).
    _cron_batch_size = 200

    subsidy_id = fields.Many2one(
        "job_coaching.subsidy", required=True, ondelete="restrict", index=True, tracking=True
    )
    company_id = fields.Many2one(related="subsidy_id.company_id", store=True)
    currency_id = fields.Many2one(related="subsidy_id.currency_id")
    employee_id = fields.Many2one("hr.employee", required=True, check_company=True, tracking=True)
    role = fields.Char(tracking=True, help="The role and grade, e.g. Insertion agent (BH1).")
    fte = fields.Float(
        string="FTE",
        digits=(3, 2),
        default=1.0,
        required=True,
        tracking=True,
        help="Share of a full-time job spent on the project, e.g. 0.5 for half-time.",
    )
    date_start = fields.Date(string="Start", required=True, tracking=True)
    date_end = fields.Date(string="End", required=True, tracking=True)
    monthly_cost = fields.Monetary(
        string="Monthly Employer Cost",
        tracking=True,
        help="Full-time monthly employer cost; the posted cost is this amount times the FTE.",
    )
    month_count = fields.Integer(string="Months", compute="_compute_amount_planned", store=True)
    amount_planned = fields.Monetary(
        string="Planned Personnel Cost", compute="_compute_amount_planned", store=True
    )
    posting_ids = fields.One2many(
        "job_coaching.staff.cost.posting", "allocation_id", string="Postings"
    )
    amount_posted = fields.Monetary(string="Posted", compute="_compute_amount_posted")

    @api.depends("date_start", "date_end", "monthly_cost", "fte")
    def _compute_amount_planned(self):
        for allocation in self:
            months = (
                len(list(month_starts(allocation.date_start, allocation.date_end)))
                if allocation.date_start and allocation.date_end
                else 0
            )
            allocation.month_count = months
            allocation.amount_planned = (
                sum(
                    allocation._monthly_amount(month)
                    for month in month_starts(allocation.date_start, allocation.date_end)
                )
                if months
                else 0.0
            )

    @api.depends("posting_ids.amount")
    def _compute_amount_posted(self):
        for allocation in self:
            allocation.amount_posted = sum(allocation.posting_ids.mapped("amount"))

    @api.model
    def _team_groups(self):
        # Money, not social data: finance and the coordinators follow it.
        return (FINANCE_GROUP, MANAGER_GROUP)

    @api.depends("employee_id", "role", "subsidy_id")
    def _compute_display_name(self):
        for allocation in self:
            allocation.display_name = " - ".join(
                filter(None, [allocation.employee_id.name, allocation.role])
            )

    @api.constrains("fte", "monthly_cost")
    def _check_amounts(self):
        for allocation in self:
            if not 0 < allocation.fte <= 1:
                raise ValidationError(
                    _(
                        "The working time of %(employee)s must be above 0 and at most 1 FTE "
                        "(%(fte)s given).",
                        employee=allocation.employee_id.name,
                        fte=allocation.fte,
                    )
                )
            if allocation.monthly_cost < 0:
                raise ValidationError(
                    _(
                        "The monthly employer cost of %(employee)s cannot be negative.",
                        employee=allocation.employee_id.name,
                    )
                )

    @api.constrains("date_start", "date_end", "subsidy_id")
    def _check_period(self):
        for allocation in self:
            subsidy = allocation.subsidy_id
            if allocation.date_end < allocation.date_start:
                raise ValidationError(
                    _(
                        "The allocation of %(employee)s ends before it starts.",
                        employee=allocation.employee_id.name,
                    )
                )
            if allocation.date_start < subsidy.date_start or allocation.date_end > subsidy.date_end:
                raise ValidationError(
                    _(
                        "The allocation of %(employee)s must lie within the period of the "
                        "subsidy %(subsidy)s (%(start)s to %(end)s).",
                        employee=allocation.employee_id.name,
                        subsidy=subsidy.display_name,
                        start=format_date(self.env, subsidy.date_start),
                        end=format_date(self.env, subsidy.date_end),
                    )
                )

    @api.constrains("employee_id", "fte", "date_start", "date_end")
    def _check_employee_full_time(self):
        """An employee works at most 1 FTE in any month, across every subsidy."""
        others = self.search(
            [
                ("employee_id", "in", self.employee_id.ids),
                ("date_start", "<=", max(self.mapped("date_end"))),
                ("date_end", ">=", min(self.mapped("date_start"))),
            ]
        )
        by_employee = others.grouped("employee_id")
        for allocation in self:
            for month in month_starts(allocation.date_start, allocation.date_end):
                month_end = month + relativedelta(months=1, days=-1)
                covering = by_employee[allocation.employee_id].filtered(
                    lambda other, start=month, end=month_end: (
                        other.date_start <= end and other.date_end >= start
                    )
                )
                total = sum(covering.mapped("fte"))
                if float_compare(total, 1.0, precision_digits=2) > 0:
                    raise ValidationError(
                        _(
                            "%(employee)s would work %(fte)s FTE in %(month)s across the "
                            "subsidies (%(subsidies)s): at most 1 FTE.",
                            employee=allocation.employee_id.name,
                            fte=round(total, 2),
                            month=month.strftime("%m/%Y"),
                            subsidies=", ".join(covering.subsidy_id.mapped("display_name")),
                        )
                    )

    def _month_share(self, month):
        """Share of ``month`` (its first day) the allocation covers, in calendar days:
        1 for a whole month, 17/31 for an allocation that starts on 15 March."""
        self.ensure_one()
        month_end = month + relativedelta(months=1, days=-1)
        first = max(month, self.date_start)
        last = min(month_end, self.date_end)
        if last < first:
            return 0.0
        return ((last - first).days + 1) / month_end.day

    def _monthly_amount(self, month=None, cost=None):
        """Cost of ``month`` on the subsidy: the full-time ``cost`` (the monthly
        employer cost by default) times the FTE, prorated to the days covered."""
        self.ensure_one()
        share = self._month_share(month) if month else 1.0
        full = self.monthly_cost if cost is None else cost
        return self.currency_id.round(full * self.fte * share)

    def _post_cost(self, month, skip_posted=False):
        """Post the personnel cost of ``month`` (any date in it) of the allocations that
        cover it, as analytic lines on their subsidy's personnel account.

        A month already posted is refused, or left out with ``skip_posted``.
        :return: the postings created
        """
        month = fields.Date.to_date(month).replace(day=1)
        month_end = month + relativedelta(months=1, days=-1)
        allocations = self.filtered(
            lambda allocation: allocation.date_start <= month_end and allocation.date_end >= month
        )
        Posting = self.env["job_coaching.staff.cost.posting"]
        posted = Posting.search(
            [("allocation_id", "in", allocations.ids), ("month", "=", month)]
        ).allocation_id
        if posted and not skip_posted:
            raise UserError(
                _(
                    "The personnel cost of %(month)s is already posted for %(names)s.",
                    month=month.strftime("%m/%Y"),
                    names=", ".join(posted.mapped("display_name")),
                )
            )
        allocations -= posted
        # The payroll file loaded for the month replaces the estimate.
        allocations -= allocations._with_payroll(month)
        missing_account = allocations.subsidy_id.filtered(lambda s: not s.personnel_account_id)
        if missing_account:
            raise UserError(
                _(
                    "Create the analytic accounts of the subsidy %(subsidy)s before posting "
                    "its personnel cost.",
                    subsidy=missing_account[0].display_name,
                )
            )
        line_vals = []
        for allocation in allocations:
            account = allocation.subsidy_id.personnel_account_id
            line_vals.append(
                {
                    "name": _(
                        "Personnel cost %(month)s - %(name)s (%(fte)s FTE)",
                        month=month.strftime("%m/%Y"),
                        name=allocation.display_name,
                        fte=allocation.fte,
                    ),
                    "date": month_end,
                    "amount": -allocation._monthly_amount(month),
                    "unit_amount": allocation.fte,
                    "company_id": allocation.company_id.id,
                    account.root_plan_id._column_name(): account.id,
                }
            )
        # The postings first: a month posted twice at the same time fails on their unique
        # key, before the cost lines touch the subsidy's budget lines.
        postings = Posting.create(
            [{"allocation_id": allocation.id, "month": month} for allocation in allocations]
        )
        postings.flush_recordset()
        lines = self.env["account.analytic.line"].create(line_vals)
        for posting, line in zip(postings, lines, strict=True):
            posting.write({"amount": -line.amount, "analytic_line_id": line.id})
        return postings

    def _with_payroll(self, month):
        """The allocations whose employee's payroll of ``month`` is loaded."""
        # sudo: whether a payroll line exists is enough, its amounts are not read
        loaded = (
            self.env["job_coaching.payroll.line"]
            .sudo()
            .search([("employee_id", "in", self.employee_id.ids), ("month", "=", month)])
        )
        return self.filtered(lambda allocation: allocation.employee_id in loaded.employee_id)

    @api.model
    def _cron_post_personnel_cost(self):
        """Post last month's personnel cost of the active subsidies, once.

        One batch of allocations per call, its progress reported to the
        scheduler: Odoo's cron runner commits after each call and calls again
        while some remain.
        """
        month = fields.Date.context_today(self).replace(day=1) - relativedelta(months=1)
        domain = [
            ("subsidy_id.state", "=", "active"),
            ("subsidy_id.personnel_account_id", "!=", False),
            ("date_start", "<=", month + relativedelta(months=1, days=-1)),
            ("date_end", ">=", month),
            ("posting_ids", "not any", [("month", "=", month)]),
        ]
        allocations = self.search(domain, order="id", limit=self._cron_batch_size)
        remaining = self.search_count(domain) - len(allocations)
        allocations._post_cost(month, skip_posted=True)
        self.env["ir.cron"]._notify_progress(done=len(allocations), remaining=remaining)
