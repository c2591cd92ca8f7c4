# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .job_coaching_subsidy import CATEGORIES, CATEGORY_ACCOUNT_FIELDS


class JobCoachingSubsidyLine(models.Model):
    _name = "job_coaching.subsidy.line"
    _description = "Subsidy Budget Line"
    _inherit = ["job_coaching.input.guard"]
    _order = "subsidy_id, year, category"
    _check_company_auto = True

    subsidy_id = fields.Many2one(
        "job_coaching.subsidy", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="subsidy_id.company_id", store=True)
    currency_id = fields.Many2one(related="subsidy_id.currency_id")
    year = fields.Integer(required=True, aggregator=False)
    category = fields.Selection(CATEGORIES, required=True)
    analytic_account_id = fields.Many2one(
        "account.analytic.account",
        compute="_compute_analytic_account_id",
        store=True,
    )
    amount_planned = fields.Monetary(string="Planned")
    amount_actual = fields.Monetary(
        string="Actual",
        compute="_compute_amount_actual",
        store=True,
        help="Costs of the year on the category's analytic account (costs are negative "
        "analytic amounts, counted positive here).",
    )
    amount_remaining = fields.Monetary(
        string="Remaining", compute="_compute_amount_remaining", store=True
    )
    consumption = fields.Float(
        string="Consumption (%)", compute="_compute_amount_remaining", store=True, aggregator=False
    )
    is_over_budget = fields.Boolean(
        string="Over Budget", compute="_compute_amount_remaining", store=True
    )
    is_unbudgeted = fields.Boolean(
        string="Unbudgeted",
        readonly=True,
        copy=False,
        help="Added by the application for costs of a year and category that have no "
        "budget: give it a planned amount to budget it.",
    )

    _sql_constraints = [
        (
            "year_category_unique",
            "UNIQUE(subsidy_id, year, category)",
            "A subsidy has one budget line per year and category: change the existing line "
            "instead of adding another.",
        ),
    ]

    @api.depends(
        "category",
        "subsidy_id.personnel_account_id",
        "subsidy_id.operations_account_id",
        "subsidy_id.equipment_account_id",
    )
    def _compute_analytic_account_id(self):
        for line in self:
            line.analytic_account_id = (
                line.subsidy_id[CATEGORY_ACCOUNT_FIELDS[line.category]] if line.category else False
            )

    @api.depends("analytic_account_id", "year")
    def _compute_amount_actual(self):
        # Also recomputed when analytic lines change, see account.analytic.line.
        costs = self.env["job_coaching.subsidy"]._read_costs(self.analytic_account_id)
        for line in self:
            line.amount_actual = costs.get((line.analytic_account_id.id, line.year), 0.0)

    @api.depends("amount_planned", "amount_actual")
    def _compute_amount_remaining(self):
        for line in self:
            line.amount_remaining = line.amount_planned - line.amount_actual
            line.consumption = (
                100.0 * line.amount_actual / line.amount_planned if line.amount_planned else 0.0
            )
            line.is_over_budget = (
                line.currency_id.compare_amounts(line.amount_actual, line.amount_planned) > 0
            )

    @api.depends("subsidy_id", "year", "category")
    def _compute_display_name(self):
        categories = self._get_category_labels()
        for line in self:
            line.display_name = f"{line.subsidy_id.display_name} - {line.year} - " + (
                categories.get(line.category) or ""
            )

    @api.constrains("year", "subsidy_id", "is_unbudgeted")
    def _check_year(self):
        # Costs posted outside the period still show, as unbudgeted lines.
        for line in self.filtered(lambda line: not line.is_unbudgeted):
            subsidy = line.subsidy_id
            if not subsidy.date_start.year <= line.year <= subsidy.date_end.year:
                raise ValidationError(
                    _(
                        "The budget year %(year)s is outside the period of the subsidy "
                        "%(subsidy)s (%(start)s to %(end)s).",
                        year=line.year,
                        subsidy=subsidy.display_name,
                        start=subsidy.date_start,
                        end=subsidy.date_end,
                    )
                )

    @api.constrains("amount_planned")
    def _check_amount_planned(self):
        for line in self:
            if line.amount_planned < 0:
                raise ValidationError(
                    _(
                        "The planned amount of %(line)s cannot be negative.",
                        line=line.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        """Budgeting a year and category that holds unbudgeted costs gives its planned
        amount to the unbudgeted line rather than a second line."""
        # Only well-formed values are matched; the input checks refuse the others.
        keys = {
            (vals.get("subsidy_id"), vals.get("year"), vals.get("category")): index
            for index, vals in enumerate(vals_list)
            if isinstance(vals.get("subsidy_id"), int)
            and isinstance(vals.get("year"), int)
            and isinstance(vals.get("category"), str)
        }
        unbudgeted = self.browse()
        if keys:
            unbudgeted = self.search(
                [("is_unbudgeted", "=", True), ("subsidy_id", "in", [key[0] for key in keys])]
            ).filtered(lambda line: (line.subsidy_id.id, line.year, line.category) in keys)
        merged = {}
        for line in unbudgeted:
            index = keys[(line.subsidy_id.id, line.year, line.category)]
            vals = dict(vals_list[index])
            vals.pop("is_unbudgeted", None)
            line.write(
                {k: v for k, v in vals.items() if k not in ("subsidy_id", "year", "category")}
            )
            merged[index] = line
        created = iter(
            super().create([vals for index, vals in enumerate(vals_list) if index not in merged])
        )
        # In the order of the values given.
        return self.browse(
            [
                merged[index].id if index in merged else next(created).id
                for index in range(len(vals_list))
            ]
        )

    def write(self, vals):
        res = super().write(vals)
        if vals.get("amount_planned"):
            # sudo: the flag is the application's; a planned amount budgets the line.
            self.filtered("is_unbudgeted").sudo().is_unbudgeted = False
        return res

    @api.model
    def _create_unbudgeted(self, keys):
        """Unbudgeted lines for the (analytic account id, year) keys that have costs and
        belong to a subsidy's category account."""
        if not keys:
            return self.browse()
        account_ids = list({account_id for account_id, __ in keys})
        subsidies = self.env["job_coaching.subsidy"].search(
            [
                "|",
                "|",
                ("personnel_account_id", "in", account_ids),
                ("operations_account_id", "in", account_ids),
                ("equipment_account_id", "in", account_ids),
            ]
        )
        costs = subsidies._read_costs(subsidies._get_accounts())
        vals_list = []
        for subsidy in subsidies:
            for category, fname in CATEGORY_ACCOUNT_FIELDS.items():
                account = subsidy[fname]
                for account_id, year in keys:
                    if account.id == account_id and costs.get((account_id, year)):
                        vals_list.append(
                            {
                                "subsidy_id": subsidy.id,
                                "year": year,
                                "category": category,
                                "is_unbudgeted": True,
                            }
                        )
        return self.create(vals_list)

    def _budget_keys(self):
        return [(line.analytic_account_id.id, line.year) for line in self]

    @api.model
    def _get_category_labels(self):
        """The budget categories' labels, in the user's language."""
        return dict(self._fields["category"]._description_selection(self.env))
