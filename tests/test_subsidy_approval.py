# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common_subsidy import SubsidyCase


@tagged("post_install", "-at_install")
class TestSubsidyApproval(SubsidyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.subsidy.action_activate()

    def test_investment_above_threshold_needs_an_approval(self):
        at_threshold = self._cost(self.subsidy, "equipment", "2018-05-01", 5000)
        above = self._cost(self.subsidy, "equipment", "2018-06-01", 5000.01)
        # Operating costs never need an approval.
        self._cost(self.subsidy, "operations", "2018-06-01", 9000)
        self.assertEqual(self.subsidy.unapproved_investment_ids, above)
        self.assertEqual(self.subsidy.unapproved_investment_count, 1)
        self.assertNotIn(at_threshold, self.subsidy.unapproved_investment_ids)

    def test_unapproved_investment_blocks_closing(self):
        van = self._cost(self.subsidy, "equipment", "2018-06-01", 12000, name="Van")
        with self.assertRefused(ValidationError, "cannot be closed.*Van"):
            self.subsidy.action_close()
        self.assertEqual(self.subsidy.state, "active")
        # Writing the state directly (an import, RPC) is refused the same way.
        with self.assertRefused(ValidationError, "cannot be closed"):
            self.subsidy.write({"state": "closed"})
        self.assertEqual(self.subsidy.state, "active")
        # A reference without a date is not an approval.
        van.subsidy_approval_ref = "DRU/2018/123"
        self.subsidy.invalidate_recordset(["unapproved_investment_ids"])
        with self.assertRefused(ValidationError, "cannot be closed"):
            self.subsidy.action_close()
        van.subsidy_approval_date = "2018-05-15"
        self.subsidy.invalidate_recordset(["unapproved_investment_ids"])
        self.assertFalse(self.subsidy.unapproved_investment_ids)
        self.subsidy.action_close()
        self.assertEqual(self.subsidy.state, "closed")

    def test_threshold_is_configurable(self):
        laptop = self._cost(self.subsidy, "equipment", "2018-06-01", 1480)
        self.assertFalse(self.subsidy.unapproved_investment_ids)
        self.subsidy.approval_threshold = 1000
        self.assertEqual(self.subsidy.unapproved_investment_ids, laptop)
