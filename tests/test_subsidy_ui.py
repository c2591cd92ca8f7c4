# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time

from odoo.tests import HttpCase, new_test_user, tagged

from .common import FINANCE_GROUP
from .common_tour import JobCoachingTourCase


@tagged("post_install", "-at_install")
class TestSubsidyUi(HttpCase):
    # The server's today (the browser's clock does not matter: the form's
    # defaults are the server's). The tour types a budget line for 2030.
    @freeze_time("2026-03-10 10:00:00", tick=True)
    def test_budget_and_personnel_cost_through_the_form(self):
        finance = new_test_user(
            self.env, login="jc_tour_finance", groups=FINANCE_GROUP, name="Tour Finance"
        )
        subsidy = self.env["job_coaching.subsidy"].create(
            {
                "name": "Tour subsidy",
                "reference": "TOUR 01",
                "funder_id": self.env["res.partner"].create({"name": "Tour Region"}).id,
                # The period covers the month posted (February 2026) and 2030.
                "date_start": "2026-01-01",
                "date_end": "2030-12-31",
            }
        )
        subsidy.action_create_analytic_accounts()
        subsidy.action_activate()
        self.env["job_coaching.staff.allocation"].create(
            {
                "subsidy_id": subsidy.id,
                "employee_id": self.env["hr.employee"].create({"name": "Tour Agent"}).id,
                "fte": 0.5,
                "date_start": "2026-01-01",
                "date_end": "2030-12-31",
                "monthly_cost": 3000,
            }
        )
        self.start_tour(
            f"/odoo/action-job_coaching.job_coaching_subsidy_action/{subsidy.id}",
            "job_coaching_subsidy_budget",
            login=finance.login,
        )
        line = subsidy.line_ids.filtered(lambda line: not line.is_unbudgeted)
        self.assertEqual(
            (line.year, line.category, line.amount_planned), (2030, "operations", 1500)
        )
        # Last month (February 2026) posted by default; its personnel cost has
        # no budget line: it shows as unbudgeted.
        unbudgeted = subsidy.line_ids - line
        self.assertEqual(
            (unbudgeted.year, unbudgeted.category, unbudgeted.amount_actual),
            (2026, "personnel", 1500),
        )
        posting = self.env["job_coaching.staff.cost.posting"].search(
            [("subsidy_id", "=", subsidy.id)]
        )
        self.assertEqual(posting.month, date(2026, 2, 1))
        self.assertEqual(posting.amount, 1500)


@tagged("post_install", "-at_install")
class TestSubsidyCostUi(JobCoachingTourCase):
    """Finance records an equipment cost on the subsidy, from the menu, with
    the subsidy's cost form."""

    @freeze_time("2026-03-10 10:00:00", tick=True)
    def _record_an_equipment_cost(self, lang):
        finance = self._tour_user("jc_tour_finance", FINANCE_GROUP, lang, name="Tour Finance")
        subsidy = self.env["job_coaching.subsidy"].create(
            {
                "name": "Tour subsidy",
                "reference": "TOUR 01",
                "funder_id": self.env["res.partner"].create({"name": "Tour Region"}).id,
                "date_start": "2026-01-01",
                "date_end": "2026-12-31",
            }
        )
        subsidy.action_create_analytic_accounts()
        subsidy.action_activate()
        self.start_tour("/odoo", "job_coaching_subsidy_equipment_cost", login=finance.login)
        line = self.env["account.analytic.line"].search(
            [("name", "=", "Laptop for the office hours"), ("create_uid", "=", finance.id)]
        )
        account = subsidy.equipment_account_id
        self.assertEqual(line[account.plan_id._column_name()], account)
        self.assertEqual(line.amount, -1250)
        self.assertEqual(line.subsidy_approval_ref, "DRU/2026/17")
        self.assertEqual(line.create_uid, finance)
        # The form's default: the server's today (Brussels), inside the period.
        self.assertEqual(line.date, date(2026, 3, 10))
        self.assertEqual(subsidy.analytic_line_count, 1)

    def test_record_an_equipment_cost_in_french(self):
        self._record_an_equipment_cost("fr_FR")

    def test_record_an_equipment_cost_in_dutch(self):
        self._record_an_equipment_cost("nl_BE")
