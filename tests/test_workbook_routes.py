# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, new_test_user, tagged

from .common import FINANCE_GROUP
from .common_subsidy import SubsidyCase

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@tagged("post_install", "-at_install")
class TestWorkbookRoutes(SubsidyCase, HttpCase):
    """The workbooks' addresses, over HTTP, as the web client asks them: the
    user who may read the record gets the workbook; anyone else gets the same
    404 as for a record that does not exist."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        other = cls.env["res.company"].create({"name": "CPAS Other"})
        cls.finance_other = new_test_user(
            cls.env,
            login="jc_finance_other",
            groups=FINANCE_GROUP,
            company_id=other.id,
            company_ids=[other.id],
        )
        cls.missing_id = cls.subsidy.search([], order="id desc", limit=1).id + 1000

    def _get(self, login, subsidy_id, document="justification"):
        self.authenticate(login, login)
        return self.url_open(f"/job_coaching/subsidy/{subsidy_id}/{document}.xlsx")

    def test_finance_gets_the_justification(self):
        response = self._get("jc_finance", self.subsidy.id)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], XLSX_TYPE)
        self.assertIn("TST%2001%20-%20justification.xlsx", response.headers["Content-Disposition"])
        self.assertEqual(response.content[:2], b"PK")  # a workbook is a zip

    def test_out_of_reach_is_answered_as_missing(self):
        missing = self._get("jc_finance_other", self.missing_id)
        self.assertEqual(missing.status_code, 404)
        for login in ("jc_finance_other", "jc_agent"):
            with self.subTest(login=login):
                response = self._get(login, self.subsidy.id)
                self.assertEqual(response.status_code, 404)
                self.assertEqual(response.text, missing.text)

    def test_unknown_workbook(self):
        self.assertEqual(self._get("jc_finance", self.subsidy.id, "statistics").status_code, 404)
