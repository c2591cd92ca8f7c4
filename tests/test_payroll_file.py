# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Personnel cost from the social secretariat's payroll file, and the monthly
posting from staff allocations prorated to the days covered."""

import csv
import io

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import file_open, mute_logger

from .common_subsidy import SubsidyCase

COLUMNS = ["Employee", "Month", "Gross Salary", "Employer Charges", "Total Cost"]
FIELDS = ["employee_id", "month", "gross", "employer_charges", "total_cost"]


@tagged("post_install", "-at_install")
class TestPayrollFile(SubsidyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Payroll = cls.env["job_coaching.payroll.line"]
        cls.subsidy.action_activate()
        # Half-time on the project from 15 March to 20 June 2019.
        cls.allocation = cls.Allocation.create(
            {
                "subsidy_id": cls.subsidy.id,
                "employee_id": cls.employee.id,
                "fte": 0.5,
                "date_start": "2019-03-15",
                "date_end": "2019-06-20",
                "monthly_cost": 3100,
            }
        )
        cls.unallocated = cls.env["hr.employee"].create({"name": "Not On The Project"})
        cls.personnel = cls.subsidy.personnel_account_id

    def _personnel_cost(self):
        lines = self.AnalyticLine.search([("auto_account_id", "=", self.personnel.id)])
        return round(-sum(lines.mapped("amount")), 2)

    # ------------------------------------------------------------------
    # Proration of the monthly posting
    # ------------------------------------------------------------------

    def test_posting_prorates_a_month_started_or_ended_midway(self):
        # March: 17 days of 31 (15 to 31): 3100 x 0.5 x 17 / 31 = 850.00.
        march = self.allocation._post_cost("2019-03-10")
        self.assertAlmostEqual(march.amount, 850.00)
        # April, whole: 3100 x 0.5 = 1550.00.
        self.assertAlmostEqual(self.allocation._post_cost("2019-04-01").amount, 1550.00)
        # June: 20 days of 30: 3100 x 0.5 x 20 / 30 = 1033.33.
        self.assertAlmostEqual(self.allocation._post_cost("2019-06-30").amount, 1033.33)
        self.assertAlmostEqual(self._personnel_cost(), 850.00 + 1550.00 + 1033.33)
        # Planned: March + April + May + June.
        self.assertAlmostEqual(self.allocation.amount_planned, 850.00 + 1550.00 * 2 + 1033.33)

    # ------------------------------------------------------------------
    # The payroll file through Odoo's import
    # ------------------------------------------------------------------

    def _import(self, rows, user=None, dryrun=False):
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
        wizard = (
            self.env["base_import.import"]
            .with_user(user or self.finance)
            .create(
                {
                    "res_model": "job_coaching.payroll.line",
                    "file": out.getvalue().encode(),
                    "file_name": "payroll.csv",
                    "file_type": "text/csv",
                }
            )
        )
        options = {
            "has_headers": True,
            "separator": ",",
            "quoting": '"',
            "date_format": "%Y-%m-%d",
            "float_decimal_separator": ".",
            "float_thousand_separator": "",
        }
        preview = wizard.parse_preview(options)
        self.assertNotIn("error", preview, preview)
        self.assertEqual([preview["matches"][i][0] for i in range(len(COLUMNS))], FIELDS)
        with mute_logger(
            "odoo.sql_db", "odoo.models", "odoo.addons.base_import.models.base_import"
        ):
            return wizard.execute_import(FIELDS, COLUMNS, options, dryrun=dryrun)

    def test_payroll_file_posts_the_real_cost(self):
        # The estimate of April was posted first: the payroll replaces it.
        self.allocation._post_cost("2019-04-01")
        self.assertAlmostEqual(self._personnel_cost(), 1550.00)
        result = self._import(
            [
                ["Test Agent", "2019-03-01", "3000", "1000", "4000"],
                ["Test Agent", "2019-04-01", "3100", "1050", "4150"],
            ]
        )
        self.assertFalse(result["messages"], result["messages"])
        march, april = self.Payroll.browse(result["ids"]).sorted("month")
        # March: 4000 x 0.5 x 17 / 31 = 1096.77; April: 4150 x 0.5 = 2075.00.
        self.assertAlmostEqual(march.amount_posted, 1096.77)
        self.assertAlmostEqual(april.amount_posted, 2075.00)
        self.assertAlmostEqual(self._personnel_cost(), 1096.77 + 2075.00)
        self.assertFalse(self.allocation.posting_ids)
        # The monthly posting leaves a month with a payroll alone.
        self.assertFalse(self.allocation._post_cost("2019-04-01"))
        self.assertAlmostEqual(self._personnel_cost(), 1096.77 + 2075.00)
        # Undoing the row takes its cost back.
        april.with_user(self.finance).unlink()
        self.assertAlmostEqual(self._personnel_cost(), 1096.77)

    def test_refused_rows_are_named_with_the_reason(self):
        self._import([["Test Agent", "2019-04-01", "3100", "1050", "4150"]])
        result = self._import(
            [
                ["Test Agent", "2019-05-01", "3100", "1050", "4150"],
                ["Nobody Known", "2019-05-01", "3100", "1050", "4150"],
                ["Not On The Project", "2019-05-01", "3100", "1050", "4150"],
                ["Test Agent", "2019-04-01", "3100", "1050", "4150"],
                ["Test Agent", "2019-06-01", "3100", "1050", "-10"],
            ]
        )
        self.assertFalse(result["ids"])
        by_row = {}
        for message in result["messages"]:
            by_row.setdefault(message["record"], []).append(message["message"])
        self.assertLessEqual({1, 2, 3, 4}, set(by_row), result["messages"])
        self.assertIn("Nobody Known", " ".join(by_row[1]))
        self.assertIn("allocated to no subsidy", " ".join(by_row[2]))
        self.assertIn("already loaded", " ".join(by_row[3]))
        self.assertIn("negative", " ".join(by_row[4]))
        # Nothing of the file was loaded: May is not there.
        self.assertFalse(self.Payroll.search([("month", "=", "2019-05-01")]))

    def test_a_month_twice_in_the_same_file_is_refused(self):
        result = self._import(
            [
                ["Test Agent", "2019-05-01", "3100", "1050", "4150"],
                ["Test Agent", "2019-05-31", "3100", "1050", "4150"],
            ]
        )
        self.assertFalse(result["ids"])
        self.assertIn("already loaded", " ".join(m["message"] for m in result["messages"]))

    def test_test_run_loads_nothing(self):
        result = self._import([["Test Agent", "2019-05-01", "3100", "1050", "4150"]], dryrun=True)
        self.assertFalse(result["messages"], result["messages"])
        self.assertFalse(self.Payroll.search([]))
        self.assertEqual(self._personnel_cost(), 0)

    def test_agents_and_coordinators_do_not_load_salaries(self):
        self._import([["Test Agent", "2019-04-01", "3100", "1050", "4150"]])
        with self.assertRaises(AccessError):
            self.Payroll.with_user(self.agent).search([]).mapped("total_cost")
        for user in (self.agent, self.coordinator):
            with self.subTest(user=user.login):
                result = self._import(
                    [["Test Agent", "2019-05-01", "3100", "1050", "4150"]], user=user
                )
                self.assertFalse(result["ids"])
        self.assertFalse(self.Payroll.search([("month", "=", "2019-05-01")]))

    def test_template_ships(self):
        [template] = self.Payroll.get_import_templates()
        path = template["template"].lstrip("/")
        with file_open(path, "rb") as handle:
            content = handle.read()
        wizard = self.env["base_import.import"].create(
            {
                "res_model": "job_coaching.payroll.line",
                "file": content,
                "file_name": path.rsplit("/", 1)[-1],
                "file_type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            }
        )
        preview = wizard.parse_preview({"has_headers": True})
        self.assertNotIn("error", preview, preview)
        self.assertEqual([preview["matches"][i][0] for i in range(len(COLUMNS))], FIELDS)
