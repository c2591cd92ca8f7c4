# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common_subsidy import SubsidyCase


@tagged("post_install", "-at_install")
class TestStaffAllocation(SubsidyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.subsidy.action_activate()
        cls.subsidy.line_ids = [
            (0, 0, {"category": "personnel", "year": 2018, "amount_planned": 6667}),
        ]
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
        cls.Posting = cls.env["job_coaching.staff.cost.posting"]

    def _allocate(self, subsidy=None, **vals):
        return self.Allocation.create(
            {
                "subsidy_id": (subsidy or self.subsidy).id,
                "employee_id": self.employee.id,
                "fte": 0.5,
                "date_start": "2018-01-01",
                "date_end": "2018-12-31",
                "monthly_cost": 3000,
                **vals,
            }
        )

    def test_planned_personnel_cost(self):
        self.assertEqual(self.allocation.month_count, 46)
        self.assertAlmostEqual(self.allocation.amount_planned, 46 * 1666.67)
        self.assertEqual(self.allocation.display_name, "Test Agent - Insertion agent (BH1)")

    def test_more_than_one_fte_across_subsidies_is_refused(self):
        other = self._create_subsidy(reference="TST 02")
        # Half-time elsewhere fits.
        self._allocate(other, date_start="2019-01-01", date_end="2019-12-31")
        with self.assertRefused(ValidationError, r"1\.0?1 FTE in 03/2019.*at most 1 FTE"):
            self._allocate(other, fte=0.01, date_start="2019-03-01", date_end="2019-03-31")
        self.assertEqual(self.Allocation.search_count([("employee_id", "=", self.employee.id)]), 2)
        # Before September 2018, the first allocation does not count.
        self._allocate(other, date_start="2018-01-01", date_end="2018-08-31", fte=0.5)

    def test_bad_allocations_are_refused(self):
        with self.assertRefused(ValidationError, "above 0 and at most 1 FTE"):
            self._allocate(fte=0)
        with self.assertRefused(ValidationError, "at most 1 FTE"):
            self._allocate(fte=1.2, date_start="2018-01-01", date_end="2018-01-31")
        with self.assertRefused(ValidationError, "cannot be negative"):
            self._allocate(monthly_cost=-1, date_end="2018-08-31")
        with self.assertRefused(ValidationError, "within the period of the subsidy"):
            self._allocate(date_start="2017-12-01", date_end="2018-01-31")
        with self.assertRefused(ValidationError, "ends before it starts"):
            self._allocate(date_start="2018-05-01", date_end="2018-04-01")
        self.assertEqual(
            self.Allocation.search([("employee_id", "=", self.employee.id)]), self.allocation
        )

    def test_posting_a_month_once(self):
        postings = self.allocation._post_cost(date(2018, 9, 15))
        self.assertEqual(postings.month, date(2018, 9, 1))
        self.assertAlmostEqual(postings.amount, 1666.67)
        line = postings.analytic_line_id
        self.assertEqual(line.date, date(2018, 9, 30))
        self.assertAlmostEqual(line.amount, -1666.67)
        self.assertEqual(line._get_analytic_accounts(), self.subsidy.personnel_account_id)
        self.assertAlmostEqual(self._line(self.subsidy, "personnel", 2018).amount_actual, 1666.67)

        with self.assertRefused(UserError, "09/2018 is already posted for Test Agent"):
            self.allocation._post_cost(date(2018, 9, 1))
        self.assertEqual(len(self.allocation.posting_ids), 1)
        self.assertEqual(self.subsidy.analytic_line_count, 1)
        self.assertAlmostEqual(self._line(self.subsidy, "personnel", 2018).amount_actual, 1666.67)

    def test_undoing_a_posting_removes_its_cost(self):
        posting = self.allocation._post_cost(date(2018, 11, 1))
        line = posting.analytic_line_id
        posting.with_user(self.finance).unlink()
        self.assertFalse(line.exists())
        self.assertEqual(self._line(self.subsidy, "personnel", 2018).amount_actual, 0)
        again = self.allocation._post_cost(date(2018, 11, 1))
        self.assertEqual(self.allocation.posting_ids, again)
        self.assertEqual((again.month, again.amount), (date(2018, 11, 1), 1666.67))

    def test_the_database_refuses_a_second_posting_of_a_month(self):
        """Two concurrent postings both pass the check; the UNIQUE constraint stops one."""
        self.allocation._post_cost(date(2018, 10, 1))
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.env.cr.savepoint():
            self.Posting.create({"allocation_id": self.allocation.id, "month": "2018-10-01"})

    def test_no_posting_outside_the_allocation(self):
        self.assertFalse(self.allocation._post_cost(date(2018, 8, 1)))
        self.assertFalse(self.allocation._post_cost(date(2022, 7, 1)))
        self.assertFalse(self.allocation.posting_ids)
        self.assertEqual(self.subsidy.analytic_line_count, 0)

    def test_the_monthly_posting_is_inactive_until_enabled(self):
        cron = self.env.ref("job_coaching.ir_cron_post_personnel_cost")
        self.assertEqual(
            (cron.active, cron.interval_number, cron.interval_type),
            (False, 1, "months"),
        )

    @freeze_time("2018-11-10")
    def test_post_through_the_wizard(self):
        wizard = Form(
            self.env["job_coaching.staff.cost.wizard"]
            .with_user(self.finance)
            .with_context(default_subsidy_id=self.subsidy.id)
        )
        self.assertEqual((wizard.month, wizard.year), ("10", 2018))
        wizard.save().action_post()
        self.assertEqual(self.allocation.posting_ids.month, date(2018, 10, 1))
        # The same month again is refused.
        with self.assertRefused(UserError, "already posted"):
            Form(
                self.env["job_coaching.staff.cost.wizard"]
                .with_user(self.finance)
                .with_context(default_subsidy_id=self.subsidy.id)
            ).save().action_post()
        # A month no allocation covers says so.
        wizard = Form(
            self.env["job_coaching.staff.cost.wizard"].with_context(
                default_subsidy_id=self.subsidy.id
            )
        )
        wizard.month = "1"
        with self.assertRefused(UserError, "covers 01/2018"):
            wizard.save().action_post()
        self.assertEqual(len(self.allocation.posting_ids), 1)

    def test_monthly_cron_posts_last_month_once(self):
        cron = self.env.ref("job_coaching.ir_cron_post_personnel_cost")
        self.assertFalse(cron.active)
        with freeze_time("2019-02-03"):
            self.Allocation._cron_post_personnel_cost()
            self.Allocation._cron_post_personnel_cost()
        self.assertEqual(self.allocation.posting_ids.month, date(2019, 1, 1))
        # A draft subsidy is left alone.
        self.subsidy.action_reset_to_draft()
        with freeze_time("2019-03-03"):
            self.Allocation._cron_post_personnel_cost()
        self.assertEqual(len(self.allocation.posting_ids), 1)
