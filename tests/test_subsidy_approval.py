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
        # 5,000 by default.
        self.assertEqual(self.subsidy.approval_threshold, 5000)
        laptop = self._cost(self.subsidy, "equipment", "2018-06-01", 1480)
        self.assertFalse(self.subsidy.unapproved_investment_ids)
        self.subsidy.approval_threshold = 1000
        self.assertEqual(self.subsidy.unapproved_investment_ids, laptop)

    # Prior: the approval must be dated before the expense.
    def test_approval_dated_after_the_expense_is_late(self):
        van = self._cost(
            self.subsidy,
            "equipment",
            "2018-06-01",
            12000,
            name="Van",
            subsidy_approval_ref="DRU/2018/9",
            subsidy_approval_date="2018-06-15",
        )
        self.assertEqual(van.subsidy_approval_state, "late")
        self.assertIn("not a prior approval", van.subsidy_approval_warning)
        self.assertEqual(self.subsidy.late_investment_ids, van)
        self.assertFalse(self.subsidy.unapproved_investment_ids)
        data = self.subsidy._get_justification_data()
        self.assertEqual([i["state"] for i in data["investments"]], ["late"])
        # An approval of the expense's own day, or before it, is prior.
        van.subsidy_approval_date = "2018-06-01"
        self.subsidy.invalidate_recordset(["late_investment_ids"])
        van.invalidate_recordset(["subsidy_approval_state"])
        self.assertEqual(van.subsidy_approval_state, "approved")
        self.assertFalse(self.subsidy.late_investment_ids)

    def test_a_purchase_split_over_lines_is_judged_as_a_whole(self):
        supplier = self.env["res.partner"].create({"name": "Garage Test", "is_company": True})
        other_supplier = self.env["res.partner"].create({"name": "Other", "is_company": True})
        # 2,000 + 2,000 + 1,500.50 = 5,500.50 for one invoice: above 5,000, each line below.
        parts = self.AnalyticLine
        for date, amount in (("2018-06-01", 2000), ("2018-06-03", 2000), ("2018-06-05", 1500.5)):
            parts |= self._cost(
                self.subsidy,
                "equipment",
                date,
                amount,
                partner_id=supplier.id,
                subsidy_purchase_ref="INV-2018-044",
            )
        # Same reference at another supplier, another reference at the same one: apart.
        apart = self._cost(
            self.subsidy,
            "equipment",
            "2018-06-02",
            4000,
            partner_id=other_supplier.id,
            subsidy_purchase_ref="INV-2018-044",
        )
        apart |= self._cost(
            self.subsidy,
            "equipment",
            "2018-06-02",
            4000,
            partner_id=supplier.id,
            subsidy_purchase_ref="INV-2018-045",
        )
        self.assertEqual(self.subsidy.unapproved_investment_ids, parts)
        self.assertEqual(set(parts.mapped("subsidy_approval_state")), {"missing"})
        self.assertEqual(set(apart.mapped("subsidy_approval_state")), {"not_needed"})
        self.assertIn("5,500.50", parts[2].subsidy_approval_warning)
        # One approval for the purchase, dated after its first line: late for all of it.
        parts[2].write({"subsidy_approval_ref": "DRU/44", "subsidy_approval_date": "2018-06-02"})
        parts.invalidate_recordset(["subsidy_approval_state"])
        self.subsidy.invalidate_recordset(["unapproved_investment_ids", "late_investment_ids"])
        self.assertFalse(self.subsidy.unapproved_investment_ids)
        self.assertEqual(self.subsidy.late_investment_ids, parts)
        parts[2].subsidy_approval_date = "2018-05-31"
        parts.invalidate_recordset(["subsidy_approval_state"])
        self.assertEqual(set(parts.mapped("subsidy_approval_state")), {"approved"})

    def test_recording_the_cost_asks_finance_to_act(self):
        van = self._cost(self.subsidy, "equipment", "2018-06-01", 12000, name="Van")
        # Finance records the cost of another purchase: the activity is theirs.
        laptops = self.AnalyticLine.with_user(self.finance).create(
            {
                "name": "Laptops",
                "date": "2018-07-01",
                "amount": -5200,
                self.subsidy.equipment_account_id.root_plan_id._column_name(): (
                    self.subsidy.equipment_account_id.id
                ),
            }
        )
        activities = self.subsidy.activity_ids
        self.assertEqual(len(activities), 2)
        self.assertEqual(
            activities.filtered(lambda a: a.summary == "Funder's approval: Laptops").user_id,
            self.finance,
        )
        self.assertIn("Van", " ".join(activities.mapped("summary")))
        # Recording the approval again does not ask twice; a prior approval closes it.
        laptops.with_user(self.finance).subsidy_approval_ref = "DRU/50"
        self.assertEqual(len(self.subsidy.activity_ids), 2)
        laptops.with_user(self.finance).subsidy_approval_date = "2018-06-20"
        self.assertEqual(self.subsidy.activity_ids.mapped("summary"), ["Funder's approval: Van"])
        # An approval after the expense keeps the request open, with the reason.
        van.write({"subsidy_approval_ref": "DRU/51", "subsidy_approval_date": "2018-06-02"})
        self.assertIn("not a prior approval", str(self.subsidy.activity_ids.note))
