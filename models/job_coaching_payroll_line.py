# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date


class JobCoachingPayrollLine(models.Model):
    """One row of the social secretariat's monthly payroll file: what an employee
    cost the CPAS in a month. Loaded with Odoo's import; the cost goes to the
    personnel account of the subsidies the employee is allocated to, in place of
    the estimate from the allocation."""

    _name = "job_coaching.payroll.line"
    _description = "Payroll Line"
    _inherit = ["job_coaching.input.guard"]
    _order = "month desc, employee_id"
    _check_company_auto = True

    employee_id = fields.Many2one("hr.employee", required=True, check_company=True, index=True)
    month = fields.Date(required=True, help="The month paid: any day of it, kept as its first day.")
    gross = fields.Monetary(string="Gross Salary")
    employer_charges = fields.Monetary()
    total_cost = fields.Monetary(required=True, help="Total employer cost of the month.")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    analytic_line_ids = fields.Many2many(
        "account.analytic.line",
        "job_coaching_payroll_line_analytic_rel",
        "payroll_line_id",
        "analytic_line_id",
        string="Cost Lines",
        readonly=True,
        copy=False,
    )
    amount_posted = fields.Monetary(string="Posted to Subsidies", compute="_compute_amount_posted")

    _sql_constraints = [
        (
            "employee_month_unique",
            "UNIQUE(company_id, employee_id, month)",
            "The payroll of this employee for this month is already loaded: correct the "
            "loaded line instead of loading the month again.",
        ),
    ]

    @api.depends("analytic_line_ids.amount")
    def _compute_amount_posted(self):
        for line in self:
            line.amount_posted = -sum(line.analytic_line_ids.mapped("amount"))

    @api.depends("employee_id", "month")
    def _compute_display_name(self):
        for line in self:
            line.display_name = " - ".join(
                filter(None, [line.employee_id.name, line.month and line.month.strftime("%m/%Y")])
            )

    @api.constrains("gross", "employer_charges", "total_cost")
    def _check_amounts(self):
        for line in self:
            if min(line.gross, line.employer_charges, line.total_cost) < 0:
                raise ValidationError(
                    _(
                        "The payroll of %(employee)s for %(month)s has a negative amount.",
                        employee=line.employee_id.name,
                        month=line.month.strftime("%m/%Y"),
                    )
                )
            if line.currency_id.compare_amounts(line.total_cost, line.gross) < 0:
                raise ValidationError(
                    _(
                        "The total cost of %(employee)s for %(month)s (%(total)s) is below "
                        "the gross salary (%(gross)s): check the columns of the file.",
                        employee=line.employee_id.name,
                        month=line.month.strftime("%m/%Y"),
                        total=line.total_cost,
                        gross=line.gross,
                    )
                )

    @api.constrains("employee_id", "month")
    def _check_allocated(self):
        allocations = self._allocations()
        for line in self:
            if not allocations.filtered(lambda a, line=line: a.employee_id == line.employee_id):
                raise ValidationError(
                    _(
                        "%(employee)s is allocated to no subsidy in %(month)s: allocate the "
                        "employee (Staff Allocations) or leave the row out of the file.",
                        employee=line.employee_id.name,
                        month=format_date(self.env, line.month, date_format="MMMM y"),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_input(vals)  # types first: the month is read below
            if vals.get("month"):
                vals["month"] = fields.Date.to_date(vals["month"]).replace(day=1)
        self._check_months_free(
            [
                (
                    vals.get("employee_id"),
                    vals.get("month"),
                    vals.get("company_id") or self.env.company.id,
                )
                for vals in vals_list
            ]
        )
        lines = super().create(vals_list)
        lines._post()
        return lines

    def write(self, vals):
        self._check_input(vals)  # types first: the month is read below
        if vals.get("month"):
            vals["month"] = fields.Date.to_date(vals["month"]).replace(day=1)
        if {"employee_id", "month", "company_id"} & set(vals):
            self._check_months_free(
                [
                    (
                        vals.get("employee_id", line.employee_id.id),
                        vals.get("month", line.month),
                        vals.get("company_id", line.company_id.id),
                    )
                    for line in self
                ],
                exclude=self,
            )
        res = super().write(vals)
        if {"employee_id", "month", "total_cost"} & set(vals):
            self._unpost()
            self._post()
        return res

    def unlink(self):
        self._unpost()
        return super().unlink()

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": _("Import Template for the Payroll File"),
                "template": "/job_coaching/static/xls/job_coaching_payroll_line.xlsx",
            }
        ]

    @api.model
    def _check_months_free(self, keys, exclude=None):
        """Refuse a month loaded twice for an employee, in the file or in the database,
        before the database's own constraint answers with a message naming neither.

        :param keys: [(employee id, month, company id)] about to be written
        """
        keys = [
            (employee_id, fields.Date.to_date(month).replace(day=1), company_id)
            for employee_id, month, company_id in keys
            if employee_id and month
        ]
        if not keys:
            return
        domain = [
            ("employee_id", "in", [key[0] for key in keys]),
            ("month", "in", [key[1] for key in keys]),
        ]
        if exclude:
            domain.append(("id", "not in", exclude.ids))
        loaded = {
            (line.employee_id.id, line.month, line.company_id.id) for line in self.search(domain)
        }
        seen = set()
        for key in keys:
            if key in loaded or key in seen:
                raise ValidationError(
                    _(
                        "The payroll of %(employee)s for %(month)s is already loaded: correct "
                        "the loaded line instead of loading the month again.",
                        employee=self.env["hr.employee"].browse(key[0]).name,
                        month=key[1].strftime("%m/%Y"),
                    )
                )
            seen.add(key)

    def _allocations(self):
        """The staff allocations covering the employees and months of self."""
        if not self:
            return self.env["job_coaching.staff.allocation"]
        # sudo: finance loads the payroll; allocations are read for their share only
        candidates = (
            self.env["job_coaching.staff.allocation"]
            .sudo()
            .search(
                [
                    ("employee_id", "in", self.employee_id.ids),
                    ("date_start", "<=", max(self.mapped("month")) + relativedelta(months=1)),
                    ("date_end", ">=", min(self.mapped("month"))),
                ]
            )
        )
        return candidates.filtered(
            lambda a: any(
                line.employee_id == a.employee_id and a._month_share(line.month) > 0
                for line in self
            )
        )

    def _post(self):
        """Post each line's cost on the personnel account of the subsidies the
        employee works for that month (total cost x FTE x share of the month),
        in place of the estimate posted from the allocation."""
        allocations = self._allocations()
        Posting = self.env["job_coaching.staff.cost.posting"].sudo()
        estimates = Posting.search(
            [("allocation_id", "in", allocations.ids), ("month", "in", self.mapped("month"))]
        )
        # The estimate gives way to the real cost (its cost line goes with it).
        estimates.unlink()
        AnalyticLine = self.env["account.analytic.line"].sudo()
        for line in self:
            line_allocations = allocations.filtered(
                lambda a, line=line: (
                    a.employee_id == line.employee_id and a._month_share(line.month) > 0
                )
            )
            vals_list = []
            for allocation in line_allocations:
                account = allocation.subsidy_id.personnel_account_id
                if not account:
                    continue
                vals_list.append(
                    {
                        "name": _(
                            "Payroll %(month)s - %(name)s (%(fte)s FTE)",
                            month=line.month.strftime("%m/%Y"),
                            name=allocation.display_name,
                            fte=allocation.fte,
                        ),
                        "date": line.month + relativedelta(months=1, days=-1),
                        "amount": -allocation._monthly_amount(line.month, cost=line.total_cost),
                        "unit_amount": allocation.fte,
                        "company_id": line.company_id.id,
                        account.root_plan_id._column_name(): account.id,
                    }
                )
            # sudo: the cost lines are the application's, stamped on a read-only link
            line.sudo().analytic_line_ids = AnalyticLine.create(vals_list)

    def _unpost(self):
        # sudo: the cost lines are the application's
        lines = self.sudo().analytic_line_ids
        self.sudo().analytic_line_ids = [fields.Command.clear()]
        lines.unlink()
