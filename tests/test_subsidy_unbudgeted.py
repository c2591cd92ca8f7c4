# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io

import openpyxl
from lxml import html

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common_subsidy import MAGRITTE_BUDGET, SubsidyCase


@tagged("post_install", "-at_install")
class TestSubsidyUnbudgeted(SubsidyCase):
    """A cost in a year without a budget line for its category: the issue's case. The
    budget has equipment in 2018 only; 6,000.00 of equipment falls in 2020."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.subsidy = cls._create_subsidy(reference="MAG 03", budget=MAGRITTE_BUDGET)
        cls.subsidy.action_activate()
        cls._cost(cls.subsidy, "personnel", "2019-06-30", 10000, name="Salary")
        cls._cost(cls.subsidy, "operations", "2019-10-15", 485.15, name="Leaflets")
        cls.laptops = cls._cost(
            cls.subsidy,
            "equipment",
            "2020-03-02",
            6000,
            name="Laptops",
            subsidy_approval_ref="DRU/2020/3",
            subsidy_approval_date="2020-02-20",
        )

    def test_the_cost_shows_as_an_unbudgeted_row(self):
        line = self._line(self.subsidy, "equipment", 2020)
        self.assertTrue(line.is_unbudgeted)
        self.assertEqual((line.amount_planned, line.amount_actual), (0, 6000))
        self.assertEqual(line.amount_remaining, -6000)
        # 10,000 + 485.15 + 6,000 = 16,485.15, of which 6,000 unbudgeted.
        self.assertAlmostEqual(self.subsidy.amount_actual, 16485.15)
        self.assertAlmostEqual(self.subsidy.amount_unbudgeted, 6000)
        self.assertAlmostEqual(self.subsidy.amount_remaining, 68514.85)
        # The pivot reads the budget lines: the same total, the unbudgeted part apart.
        groups = self.BudgetLine.with_user(self.finance).read_group(
            [("subsidy_id", "=", self.subsidy.id)],
            ["amount_actual:sum"],
            ["is_unbudgeted"],
        )
        actual = {group["is_unbudgeted"]: group["amount_actual"] for group in groups}
        self.assertAlmostEqual(actual[True], 6000)
        self.assertAlmostEqual(actual[False], 10485.15)

    def test_the_justification_does_not_contradict_itself(self):
        content, __ = (
            self.env["ir.actions.report"]
            .with_user(self.finance)
            ._render_qweb_html("job_coaching.report_subsidy_justification", self.subsidy.ids)
        )
        tree = html.fromstring(content)
        flagged = tree.xpath("//tr[contains(@class, 'o_subsidy_unbudgeted')]")
        self.assertEqual(len(flagged), 1)
        cells = [" ".join(td.text_content().split()) for td in flagged[0].xpath("td")]
        self.assertEqual(cells[0], "2020")
        self.assertIn("(unbudgeted)", cells[1])
        self.assertIn("6,000.00", cells[3])
        total = tree.xpath("//tr[contains(@class, 'o_subsidy_total')]")[0]
        self.assertIn("16,485.15", total.xpath("td")[3].text_content())
        costs = tree.xpath("//table[contains(@class, 'o_subsidy_costs')]/tbody/tr")
        self.assertEqual(len(costs), 3)

        workbook = openpyxl.load_workbook(
            io.BytesIO(self.subsidy.with_user(self.finance)._get_justification_xlsx())
        )
        budget = [
            row for row in workbook["Budget"].iter_rows(min_row=6, values_only=True) if row[0]
        ]
        rows = {(row[0], row[1]): row[2:] for row in budget}
        self.assertEqual(rows[(2020, "Equipment and investment")], (0, 6000, -6000, "Unbudgeted"))
        self.assertEqual(rows[(2020, "Total")][:3], (21500, 6000, 15500))
        self.assertEqual(rows[("All years", "Equipment and investment")][:3], (2500, 6000, -3500))
        self.assertEqual(rows[("All years", "Total")][:3], (85000, 16485.15, 68514.85))
        self.assertIn("6,000.00", rows[("All years", "Total")][3])
        cost_lines = list(workbook["Cost Lines"].iter_rows(min_row=2, values_only=True))
        self.assertAlmostEqual(sum(row[4] for row in cost_lines), 16485.15)

    def test_budgeting_the_year_takes_over_the_unbudgeted_row(self):
        line = self._line(self.subsidy, "equipment", 2020)
        self.BudgetLine.with_user(self.finance).create(
            {
                "subsidy_id": self.subsidy.id,
                "category": "equipment",
                "year": 2020,
                "amount_planned": 7000,
            }
        )
        self.assertEqual(self._line(self.subsidy, "equipment", 2020), line)
        self.assertFalse(line.is_unbudgeted)
        self.assertEqual((line.amount_planned, line.amount_actual), (7000, 6000))
        self.assertEqual(self.subsidy.amount_unbudgeted, 0)

    def test_the_row_follows_the_cost(self):
        line = self._line(self.subsidy, "equipment", 2020)
        # Moved into the budgeted year: the unbudgeted row goes, the 2018 line counts it.
        self.laptops.date = "2018-11-05"
        self.assertFalse(line.exists())
        self.assertEqual(self._line(self.subsidy, "equipment", 2018).amount_actual, 6000)
        # Posted after the subsidy's period: still shown, as unbudgeted.
        self.laptops.date = "2023-01-10"
        late = self._line(self.subsidy, "equipment", 2023)
        self.assertTrue(late.is_unbudgeted)
        self.assertEqual(late.amount_actual, 6000)
        self.assertAlmostEqual(self.subsidy.amount_actual, 16485.15)
        # But nobody budgets a year outside the period.
        with self.assertRefused(ValidationError, "2023 is outside the period"):
            late.with_user(self.finance).amount_planned = 100

    def test_the_flag_is_set_by_the_application_only(self):
        line = self._line(self.subsidy, "personnel", 2019)
        with self.assertRefused(AccessError, "set by the application"):
            line.with_user(self.finance).is_unbudgeted = True
        self.assertFalse(line.is_unbudgeted)
