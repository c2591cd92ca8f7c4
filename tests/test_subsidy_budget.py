# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from pathlib import Path

from lxml import etree
from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_subsidy import MAGRITTE_BUDGET, SubsidyCase


@tagged("post_install", "-at_install")
class TestSubsidyBudget(SubsidyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.subsidy.line_ids = [
            (0, 0, {"category": "personnel", "year": 2019, "amount_planned": 20000}),
            (0, 0, {"category": "operations", "year": 2019, "amount_planned": 1500}),
            (0, 0, {"category": "operations", "year": 2020, "amount_planned": 1500}),
        ]

    def test_analytic_accounts_created_once_under_the_subsidies_plan(self):
        plan = self.env.ref("job_coaching.analytic_plan_subsidies")
        accounts = self.subsidy._get_accounts()
        self.assertEqual(len(accounts), 3)
        self.assertEqual(accounts.plan_id, plan)
        self.assertEqual(self.subsidy.personnel_account_id.name, "TST 01 - Personnel")
        self.subsidy.action_create_analytic_accounts()
        self.assertEqual(self.subsidy._get_accounts(), accounts)
        self.assertEqual(
            self._line(self.subsidy, "operations", 2019).analytic_account_id,
            self.subsidy.operations_account_id,
        )

    def test_actuals_flow_into_the_right_year_and_category(self):
        self._cost(self.subsidy, "operations", "2019-03-01", 200)
        self._cost(self.subsidy, "operations", "2019-12-31", 100.5)
        self._cost(self.subsidy, "operations", "2020-01-01", 40)
        self._cost(self.subsidy, "personnel", "2019-06-30", 1666.67)
        # A refund (positive amount) reduces the cost; another subsidy's cost does not count.
        self._cost(self.subsidy, "operations", "2019-05-01", -50)
        other = self._create_subsidy(reference="TST 02", budget={"operations": {2019: 900}})
        self._cost(other, "operations", "2019-05-01", 700)

        operations_2019 = self._line(self.subsidy, "operations", 2019)
        self.assertAlmostEqual(operations_2019.amount_actual, 250.5)
        self.assertAlmostEqual(operations_2019.amount_remaining, 1249.5)
        self.assertAlmostEqual(operations_2019.consumption, 16.7)
        self.assertFalse(operations_2019.is_over_budget)
        self.assertAlmostEqual(self._line(self.subsidy, "operations", 2020).amount_actual, 40)
        self.assertAlmostEqual(self._line(self.subsidy, "personnel", 2019).amount_actual, 1666.67)
        self.assertAlmostEqual(self._line(other, "operations", 2019).amount_actual, 700)
        self.assertAlmostEqual(self.subsidy.amount_planned, 23000)
        self.assertAlmostEqual(self.subsidy.amount_actual, 1957.17)
        self.assertAlmostEqual(self.subsidy.amount_remaining, 21042.83)
        self.assertEqual(self.subsidy.analytic_line_count, 5)

    def test_actuals_follow_changes_of_the_analytic_lines(self):
        cost = self._cost(self.subsidy, "operations", "2019-03-01", 1600)
        line_2019 = self._line(self.subsidy, "operations", 2019)
        line_2020 = self._line(self.subsidy, "operations", 2020)
        self.assertTrue(line_2019.is_over_budget)
        cost.date = "2020-02-01"
        self.assertEqual(line_2019.amount_actual, 0)
        self.assertEqual(line_2020.amount_actual, 1600)
        cost.amount = -100
        self.assertEqual(line_2020.amount_actual, 100)
        self.assertFalse(line_2020.is_over_budget)
        cost.unlink()
        self.assertEqual(line_2020.amount_actual, 0)
        self.assertEqual(self.subsidy.amount_actual, 0)

    def test_costs_before_the_budget_line_count_when_it_is_added(self):
        self._cost(self.subsidy, "operations", "2021-04-01", 300)
        self.subsidy.line_ids = [
            (0, 0, {"category": "operations", "year": 2021, "amount_planned": 1500})
        ]
        self.assertEqual(self._line(self.subsidy, "operations", 2021).amount_actual, 300)

    def test_actuals_are_read_in_one_query_per_plan(self):
        other = self._create_subsidy(reference="TST 02", budget=MAGRITTE_BUDGET)
        for subsidy in self.subsidy | other:
            self._cost(subsidy, "operations", "2019-03-01", 10)
            self._cost(subsidy, "personnel", "2020-03-01", 10)
        lines = (self.subsidy | other).line_ids
        # 14 budget lines and the unbudgeted line of self.subsidy's personnel cost of 2020.
        self.assertEqual(len(lines), 15)
        self.assertEqual(lines.filtered("is_unbudgeted").year, 2020)
        self.env.flush_all()
        self.env.invalidate_all()
        lines = self.BudgetLine.browse(lines.ids)
        # The lines, their accounts and plan, one _read_group for every line, then the
        # subsidies' currency (Monetary rounding): the same for 1 line or 1,000.
        with self.assertQueryCount(9):
            lines._compute_amount_actual()
        # 2 x operations 2019, 2 x personnel 2020 (one of them unbudgeted).
        self.assertEqual(sum(lines.mapped("amount_actual")), 40)

    def test_budget_line_outside_the_period_is_refused(self):
        count = len(self.subsidy.line_ids)
        with self.assertRefused(ValidationError, "2023 is outside the period"):
            self.BudgetLine.create(
                {"subsidy_id": self.subsidy.id, "category": "operations", "year": 2023}
            )
        with self.assertRefused(ValidationError, "2017 is outside the period"):
            self._line(self.subsidy, "operations", 2019).year = 2017
        self.assertEqual(len(self.subsidy.line_ids), count)
        self.assertEqual(self._line(self.subsidy, "operations", 2019).year, 2019)

    def test_budget_against_actuals_pivot_and_graph(self):
        """Actuals: *Budget against Actuals* gives the pivot and graph of every
        subsidy's lines: planned and actual by year and category."""
        action = self.env.ref("job_coaching.job_coaching_subsidy_line_action")
        self.assertEqual(action.view_mode, "pivot,graph,list")
        self._cost(self.subsidy, "operations", "2019-03-01", 400)
        self._cost(self.subsidy, "operations", "2020-03-01", 250)
        self._cost(self.subsidy, "personnel", "2019-05-31", 1000)
        Lines = self.BudgetLine.with_user(self.finance)
        groups = Lines._read_group(
            [("subsidy_id", "=", self.subsidy.id), ("year", "in", (2019, 2020))],
            ["year", "category"],
            ["amount_planned:sum", "amount_actual:sum"],
        )
        self.assertEqual(
            {(year, category): (planned, actual) for year, category, planned, actual in groups},
            {
                (2019, "personnel"): (20000, 1000),
                (2019, "operations"): (1500, 400),
                (2020, "operations"): (1500, 250),
            },
        )

    def test_negative_planned_amount_is_refused(self):
        with self.assertRefused(ValidationError, "cannot be negative"):
            self._line(self.subsidy, "operations", 2019).amount_planned = -1
        self.assertEqual(self._line(self.subsidy, "operations", 2019).amount_planned, 1500)

    def test_two_lines_for_the_same_year_and_category_are_refused(self):
        # The database refuses it, whatever the path (see TestSubsidyRpc for the message).
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.env.cr.savepoint():
            self.BudgetLine.create(
                {"subsidy_id": self.subsidy.id, "category": "operations", "year": 2019}
            )
        self.assertEqual(len(self.subsidy.line_ids), 3)

    def test_subsidy_period_must_be_ordered(self):
        with self.assertRefused(ValidationError, "ends before it starts"):
            self.subsidy.date_end = "2017-12-31"

    def test_seeded_budget_totals(self):
        """The demo file's budget (read from the file, not from the database) gives the
        figures granted: 85,000; per year; per category."""
        demo = etree.parse(
            str(Path(__file__).parents[1] / "demo" / "job_coaching_subsidy_demo.xml")
        )
        budget = {}
        for record in demo.iterfind("record[@model='job_coaching.subsidy.line']"):
            values = {field.get("name"): field.text for field in record.iterfind("field")}
            budget.setdefault(values["category"], {})[int(values["year"])] = float(
                values["amount_planned"]
            )
        self.assertEqual(budget, MAGRITTE_BUDGET)
        subsidy = self._create_subsidy(reference="MAG 03", budget=budget)
        self.assertEqual(subsidy.amount_planned, 85000)
        per_year = {
            year["year"]: year["planned"] for year in subsidy._get_justification_data()["years"]
        }
        self.assertEqual(per_year, {2018: 9750, 2019: 21500, 2020: 21500, 2021: 21500, 2022: 10750})
        per_category = {
            category: sum(
                subsidy.line_ids.filtered(lambda line, c=category: line.category == c).mapped(
                    "amount_planned"
                )
            )
            for category in MAGRITTE_BUDGET
        }
        self.assertEqual(per_category, {"personnel": 76667, "operations": 5833, "equipment": 2500})
