# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from .common import JobCoachingCase

# The budget of the Magritte subsidy as the issue gives it: {category: {year: planned}}.
MAGRITTE_BUDGET = {
    "personnel": {2018: 6667, 2019: 20000, 2020: 20000, 2021: 20000, 2022: 10000},
    "operations": {2018: 583, 2019: 1500, 2020: 1500, 2021: 1500, 2022: 750},
    "equipment": {2018: 2500},
}


class SubsidyCase(JobCoachingCase):
    """A funder, a subsidy 2018-2022 with its analytic accounts, an employee."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Subsidy = cls.env["job_coaching.subsidy"]
        cls.BudgetLine = cls.env["job_coaching.subsidy.line"]
        cls.Allocation = cls.env["job_coaching.staff.allocation"]
        cls.AnalyticLine = cls.env["account.analytic.line"]
        cls.funder = cls.env["res.partner"].create({"name": "Test Region", "is_company": True})
        cls.subsidy = cls._create_subsidy()
        cls.employee = cls.env["hr.employee"].create({"name": "Test Agent"})

    @classmethod
    def _create_subsidy(cls, budget=None, **vals):
        subsidy = cls.Subsidy.create(
            {
                "name": "Test - Job Coaching",
                "reference": "TST 01",
                "funder_id": cls.funder.id,
                "programme": "Test neighbourhood contract",
                "date_start": "2018-01-01",
                "date_end": "2022-12-31",
                "line_ids": [
                    (0, 0, {"category": category, "year": year, "amount_planned": amount})
                    for category, amounts in (budget or {}).items()
                    for year, amount in amounts.items()
                ],
                **vals,
            }
        )
        subsidy.action_create_analytic_accounts()
        return subsidy

    @classmethod
    def _cost(cls, subsidy, category, date, amount, **vals):
        """An analytic cost line, as the accounting would post it."""
        account = subsidy._get_category_account(category)
        return cls.AnalyticLine.create(
            {
                "name": vals.pop("name", f"Cost {category} {date}"),
                "date": date,
                "amount": -amount,
                account.root_plan_id._column_name(): account.id,
                **vals,
            }
        )

    def _line(self, subsidy, category, year):
        return subsidy.line_ids.filtered(
            lambda line: line.category == category and line.year == year
        )
