# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io
from xmlrpc.client import Fault

import openpyxl

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import FINANCE_GROUP, USER_GROUP


@tagged("post_install", "-at_install")
class TestSubsidyRpc(HttpCase):
    """Bad input through XML-RPC, and the workbook's download route."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.finance = new_test_user(
            cls.env, login="jc_rpc_finance", password="jc_rpc_finance_pw", groups=FINANCE_GROUP
        )
        cls.agent = new_test_user(
            cls.env, login="jc_rpc_agent", password="jc_rpc_agent_pw", groups=USER_GROUP
        )
        funder = cls.env["res.partner"].create({"name": "Rpc Region", "is_company": True})
        cls.subsidy = cls.env["job_coaching.subsidy"].create(
            {
                "name": "Rpc subsidy",
                "reference": "RPC 01",
                "funder_id": funder.id,
                "date_start": "2019-01-01",
                "date_end": "2019-12-31",
                "line_ids": [
                    (0, 0, {"category": "personnel", "year": 2019, "amount_planned": 900})
                ],
            }
        )
        cls.subsidy.action_create_analytic_accounts()
        cls.subsidy.action_activate()
        cls.env["job_coaching.staff.allocation"].create(
            {
                "subsidy_id": cls.subsidy.id,
                "employee_id": cls.env["hr.employee"].create({"name": "Rpc Agent"}).id,
                "fte": 0.5,
                "date_start": "2019-01-01",
                "date_end": "2019-12-31",
                "monthly_cost": 3000,
            }
        )

    def _rpc(self, model, method, *args):
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname, self.finance.id, "jc_rpc_finance_pw", model, method, list(args)
        )

    @mute_logger("odoo.http", "odoo.sql_db")
    def test_duplicate_budget_line_over_xmlrpc(self):
        with self.assertRaises(Fault) as caught:
            self._rpc(
                "job_coaching.subsidy.line",
                "create",
                [{"subsidy_id": self.subsidy.id, "category": "personnel", "year": 2019}],
            )
        self.assertIn("one budget line per year and category", caught.exception.faultString)
        self.assertEqual(len(self.subsidy.line_ids), 1)

    @mute_logger("odoo.http")
    def test_posting_a_month_twice_over_xmlrpc(self):
        vals = {"subsidy_id": self.subsidy.id, "month": "3", "year": 2019}
        wizard_id = self._rpc("job_coaching.staff.cost.wizard", "create", [vals])[0]
        self._rpc("job_coaching.staff.cost.wizard", "action_post", [wizard_id])
        wizard_id = self._rpc("job_coaching.staff.cost.wizard", "create", [vals])[0]
        with self.assertRaises(Fault) as caught:
            self._rpc("job_coaching.staff.cost.wizard", "action_post", [wizard_id])
        self.assertIn("03/2019 is already posted", caught.exception.faultString)
        postings = self.env["job_coaching.staff.cost.posting"].search(
            [("subsidy_id", "=", self.subsidy.id)]
        )
        self.assertEqual(len(postings), 1)
        self.assertEqual(self.subsidy.line_ids.amount_actual, 1500)

    def test_download_the_workbook(self):
        url = self.subsidy.action_export_xlsx()["url"]
        self.authenticate("jc_rpc_finance", "jc_rpc_finance_pw")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        workbook = openpyxl.load_workbook(io.BytesIO(response.content))
        self.assertEqual(workbook["Budget"]["C6"].value, 900)
        self.authenticate("jc_rpc_agent", "jc_rpc_agent_pw")
        with mute_logger("odoo.http"):
            response = self.url_open(url)
        # answered as a subsidy that does not exist (TestWorkbookRoutes)
        self.assertEqual(response.status_code, 404)
