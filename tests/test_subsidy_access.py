# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_subsidy import SubsidyCase


@tagged("post_install", "-at_install")
class TestSubsidyAccess(SubsidyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.subsidy.line_ids = [
            (0, 0, {"category": "operations", "year": 2019, "amount_planned": 1500})
        ]
        cls.allocation = cls.Allocation.create(
            {
                "subsidy_id": cls.subsidy.id,
                "employee_id": cls.employee.id,
                "fte": 0.5,
                "date_start": "2019-01-01",
                "date_end": "2019-12-31",
                "monthly_cost": 3000,
            }
        )
        cls._cost(cls.subsidy, "operations", "2019-02-01", 120)

    def test_finance_has_full_rights(self):
        Subsidy = self.Subsidy.with_user(self.finance)
        subsidy = Subsidy.create(
            {
                "name": "Finance subsidy",
                "funder_id": self.funder.id,
                "date_start": "2019-01-01",
                "date_end": "2019-12-31",
                "line_ids": [(0, 0, {"category": "personnel", "year": 2019, "amount_planned": 10})],
            }
        )
        subsidy.action_create_analytic_accounts()
        subsidy.action_activate()
        allocation = self.Allocation.with_user(self.finance).create(
            {
                "subsidy_id": subsidy.id,
                "employee_id": self.employee.id,
                "fte": 0.5,
                "date_start": "2019-01-01",
                "date_end": "2019-12-31",
                "monthly_cost": 20,
            }
        )
        allocation._post_cost("2019-05-01")
        self.assertEqual(subsidy.line_ids.amount_actual, 10)
        self.assertEqual(subsidy.analytic_line_count, 1)
        lines = self.AnalyticLine.search(subsidy.action_view_analytic_lines()["domain"])
        self.assertEqual(lines, allocation.posting_ids.analytic_line_id)
        subsidy.line_ids.amount_planned = 20
        self.env.invalidate_all()
        self.assertEqual(self.subsidy.with_user(self.finance).amount_actual, 120)

    def test_manager_reads_but_does_not_write(self):
        # What the coordinator's own request reads: nothing from the cache.
        self.env.invalidate_all()
        subsidy = self.subsidy.with_user(self.coordinator)
        self.assertEqual(subsidy.amount_actual, 120)
        self.assertEqual(subsidy.line_ids.amount_planned, 1500)
        self.assertEqual(subsidy.allocation_ids.employee_id.name, "Test Agent")
        self.assertEqual(subsidy.analytic_line_count, 1)
        subsidy.read(["personnel_account_id", "funder_id"])
        with self.assertRaises(AccessError):
            subsidy.write({"name": "Renamed"})
        with self.assertRaises(AccessError):
            subsidy.line_ids.write({"amount_planned": 1})
        with self.assertRaises(AccessError):
            self.allocation.with_user(self.coordinator).write({"fte": 1})
        self.assertEqual(self.subsidy.name, "Test - Job Coaching")

    def test_user_has_no_access(self):
        with self.assertRaises(AccessError):
            self.Subsidy.with_user(self.agent).search([])
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.subsidy.with_user(self.agent).read(["name"])
        with self.assertRaises(AccessError):
            self.BudgetLine.with_user(self.agent).search([])
        with self.assertRaises(AccessError):
            self.Allocation.with_user(self.agent).search([])
        with self.assertRaises(AccessError):
            self.env["job_coaching.staff.cost.posting"].with_user(self.agent).search([])

    def test_analytic_rights_of_each_group(self):
        """Security: analytic accounts and lines: agents none, coordinators
        read, finance all."""
        account = self.subsidy.operations_account_id
        line = self.AnalyticLine.search([(account.plan_id._column_name(), "=", account.id)])
        self.assertEqual(line.amount, -120)
        Account = self.env["account.analytic.account"]
        # Agents: nothing.
        for model in ("account.analytic.account", "account.analytic.line"):
            with self.assertRaises(AccessError), mute_logger("odoo.models"):
                self.env[model].with_user(self.agent).search([])
        # Coordinators read, change nothing.
        self.env.invalidate_all()
        self.assertEqual(
            line.with_user(self.coordinator).read(["amount"]), [{"id": line.id, "amount": -120.0}]
        )
        self.assertEqual(
            account.with_user(self.coordinator).read(["name"])[0]["name"], account.name
        )
        for attempt in (
            lambda: line.with_user(self.coordinator).write({"amount": -1}),
            lambda: line.with_user(self.coordinator).unlink(),
            lambda: account.with_user(self.coordinator).write({"name": "Renamed"}),
            lambda: Account.with_user(self.coordinator).create(
                {"name": "Coordinator's", "plan_id": account.plan_id.id}
            ),
            lambda: self.AnalyticLine.with_user(self.coordinator).create(
                {
                    "name": "Forged",
                    "date": "2019-03-01",
                    "amount": -5,
                    account.plan_id._column_name(): account.id,
                }
            ),
        ):
            with self.assertRaises(AccessError), mute_logger("odoo.models"):
                attempt()
        # Finance: everything.
        new_account = Account.with_user(self.finance).create(
            {"name": "Finance's", "plan_id": account.plan_id.id}
        )
        new_line = self.AnalyticLine.with_user(self.finance).create(
            {
                "name": "Typed by hand",
                "date": "2019-03-01",
                "amount": -30,
                account.plan_id._column_name(): account.id,
            }
        )
        new_line.with_user(self.finance).write({"amount": -40})
        self.env.invalidate_all()
        self.assertEqual(self.subsidy.with_user(self.finance).amount_actual, 160)
        new_line.with_user(self.finance).unlink()
        new_account.with_user(self.finance).unlink()
        self.assertEqual((new_line.exists(), new_account.exists()), (self.AnalyticLine, Account))

    def test_finance_reads_the_names_of_employees(self):
        """Security: finance reads employees' names (for staff allocations)."""
        self.env.invalidate_all()
        self.assertEqual(
            self.employee.with_user(self.finance).read(["name"]),
            [{"id": self.employee.id, "name": "Test Agent"}],
        )
        self.assertEqual(self.allocation.with_user(self.finance).employee_id.name, "Test Agent")

    def test_finance_sees_no_beneficiary(self):
        self._create_beneficiary()
        with self.assertRaises(AccessError):
            self.Beneficiary.with_user(self.finance).search([])

    def test_other_company_subsidies_are_invisible(self):
        other = self.env["res.company"].create({"name": "CPAS de Koekelberg"})
        foreign = self.Subsidy.create(
            {
                "name": "Foreign",
                "funder_id": self.funder.id,
                "company_id": other.id,
                "date_start": "2019-01-01",
                "date_end": "2019-12-31",
            }
        )
        self.assertNotIn(foreign, self.Subsidy.with_user(self.finance).search([]))
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            foreign.with_user(self.finance).read(["name"])
