# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io
from datetime import datetime

import openpyxl
from lxml import html

from odoo.tests import tagged

from .common_subsidy import MAGRITTE_BUDGET, SubsidyCase


@tagged("post_install", "-at_install")
class TestSubsidyReport(SubsidyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.subsidy.line_ids = [
            (0, 0, {"category": category, "year": year, "amount_planned": amount})
            for category, amounts in MAGRITTE_BUDGET.items()
            for year, amount in amounts.items()
        ]
        cls.subsidy.action_activate()
        cls.allocation = cls.Allocation.create(
            {
                "subsidy_id": cls.subsidy.id,
                "employee_id": cls.employee.id,
                "role": "Insertion agent (BH1)",
                "fte": 0.5,
                "date_start": "2018-09-01",
                "date_end": "2022-06-30",
                "monthly_cost": 3333.33,
            }
        )
        cls.allocation._post_cost("2018-09-01")
        cls._cost(cls.subsidy, "operations", "2018-10-15", 245.80, name="Leaflets")
        cls._cost(
            cls.subsidy,
            "equipment",
            "2018-09-20",
            6000,
            name="Van",
            subsidy_approval_ref="DRU/2018/7",
            subsidy_approval_date="2018-09-01",
        )

    def test_justification_renders(self):
        content, __ = (
            self.env["ir.actions.report"]
            .with_user(self.finance)
            ._render_qweb_html("job_coaching.report_subsidy_justification", self.subsidy.ids)
        )
        tree = html.fromstring(content)
        text = " ".join(tree.text_content().split())
        self.assertIn("TST 01", text)
        total = tree.xpath("//tr[contains(@class, 'o_subsidy_total')]")[0]
        cells = [" ".join(td.text_content().split()) for td in total.xpath("td")]
        self.assertIn("85,000.00", cells[2])
        self.assertIn("7,912.47", cells[3])
        years = tree.xpath("//tr[contains(@class, 'o_subsidy_year_total')]")
        self.assertEqual(len(years), 5)
        self.assertIn("9,750.00", years[0].text_content())
        self.assertIn("Insertion agent (BH1)", text)
        self.assertIn("Leaflets", text)
        self.assertIn("DRU/2018/7", text)

    def test_workbook_holds_the_numbers(self):
        content = self.subsidy.with_user(self.finance)._get_justification_xlsx()
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        self.assertEqual(workbook.sheetnames, ["Budget", "Staff", "Cost Lines", "Investments"])
        budget = [
            row for row in workbook["Budget"].iter_rows(min_row=6, values_only=True) if row[0]
        ]
        rows = {(row[0], row[1]): row[2:5] for row in budget}
        self.assertFalse([row[5] for row in budget if row[5]], "nothing is unbudgeted here")
        self.assertEqual(rows[(2018, "Personnel")], (6667, 1666.67, 5000.33))
        self.assertEqual(rows[(2018, "Operations")], (583, 245.8, 337.2))
        self.assertEqual(rows[(2018, "Equipment and investment")], (2500, 6000, -3500))
        self.assertEqual(rows[(2018, "Total")][0], 9750)
        for year in (2019, 2020, 2021):
            self.assertEqual(rows[(year, "Total")], (21500, 0, 21500))
        self.assertEqual(rows[(2022, "Total")], (10750, 0, 10750))
        self.assertEqual(rows[("All years", "Personnel")][0], 76667)
        self.assertEqual(rows[("All years", "Operations")][0], 5833)
        self.assertEqual(rows[("All years", "Total")][:2], (85000, 7912.47))

        staff = list(workbook["Staff"].iter_rows(min_row=2, values_only=True))
        self.assertEqual(
            staff,
            [
                (
                    "Test Agent",
                    "Insertion agent (BH1)",
                    0.5,
                    datetime(2018, 9, 1),
                    datetime(2022, 6, 30),
                    3333.33,
                    76666.82,
                    1666.67,
                )
            ],
        )
        costs = list(workbook["Cost Lines"].iter_rows(min_row=2, values_only=True))
        self.assertEqual(
            [row[1] for row in costs], ["Equipment and investment", "Personnel", "Operations"]
        )
        self.assertAlmostEqual(sum(row[4] for row in costs), 7912.47)
        investments = list(workbook["Investments"].iter_rows(min_row=2, values_only=True))
        self.assertEqual(
            investments, [(datetime(2018, 9, 20), "Van", 6000, "DRU/2018/7", datetime(2018, 9, 1))]
        )
