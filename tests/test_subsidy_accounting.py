# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Costs posted by Odoo's accounting count as the subsidy's actuals.

The add-on does not depend on ``account``: these tests run in a second
database where ``account`` is installed beside it (``scripts/test`` runs them
with the tag ``job_coaching_account`` and leaves them out of the main run).
"""

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common_subsidy import SubsidyCase


@tagged("post_install", "-at_install", "job_coaching_account")
class TestSubsidyAccounting(SubsidyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if "account.move" not in cls.env:
            raise RuntimeError("These tests need Odoo's accounting (account) installed.")
        if not cls.company.chart_template:
            cls.env["account.chart.template"].try_loading(
                "generic_coa", company=cls.company, install_demo=False
            )
        cls.expense = cls.env["account.account"].search(
            [("account_type", "=", "expense"), ("company_ids", "in", cls.company.ids)], limit=1
        )
        cls.supplier = cls.env["res.partner"].create({"name": "Office Supplies SA"})
        cls.personnel = cls.subsidy.personnel_account_id
        cls.operations = cls.subsidy.operations_account_id
        cls.equipment = cls.subsidy.equipment_account_id
        cls.subsidy.write(
            {
                "line_ids": [
                    Command.create({"category": c, "year": 2019, "amount_planned": 10000})
                    for c in ("personnel", "operations", "equipment")
                ]
            }
        )

    def _bill(self, lines, move_type="in_invoice", date="2019-03-15"):
        """A vendor bill (or refund) of ``lines`` = [(price, {account: percent})], posted."""
        move = self.env["account.move"].create(
            {
                "move_type": move_type,
                "partner_id": self.supplier.id,
                "invoice_date": date,
                "date": date,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": f"Line {index}",
                            "account_id": self.expense.id,
                            "quantity": 1,
                            "price_unit": price,
                            "tax_ids": [Command.clear()],
                            "analytic_distribution": {
                                str(account.id): percent
                                for account, percent in distribution.items()
                            },
                        }
                    )
                    for index, (price, distribution) in enumerate(lines)
                ],
            }
        )
        move.action_post()
        return move

    def _actual(self, category):
        return self._line(self.subsidy, category, 2019).amount_actual

    def test_vendor_bill_counts_by_its_share(self):
        # 1 200 all on operations; 800 split 25 % operations / 75 % personnel.
        self._bill(
            [(1200, {self.operations: 100}), (800, {self.operations: 25, self.personnel: 75})]
        )
        self.assertAlmostEqual(self._actual("operations"), 1200 + 200)
        self.assertAlmostEqual(self._actual("personnel"), 600)
        self.assertAlmostEqual(self._actual("equipment"), 0)
        self.assertAlmostEqual(self.subsidy.amount_actual, 2000)

    def test_refund_reduces_the_actuals(self):
        self._bill([(1000, {self.operations: 100})])
        self._bill([(300, {self.operations: 100})], move_type="in_refund")
        self.assertAlmostEqual(self._actual("operations"), 700)

    def test_miscellaneous_entry_counts(self):
        """A reclassification typed as a journal entry: 500 of another expense
        moved onto the subsidy, 40 % personnel, 60 % operations."""
        other = self.expense.copy({"code": "619999"})
        move = self.env["account.move"].create(
            {
                "move_type": "entry",
                "date": "2019-06-30",
                "line_ids": [
                    Command.create(
                        {
                            "name": "Reclassification",
                            "account_id": self.expense.id,
                            "debit": 500,
                            "analytic_distribution": {
                                str(self.personnel.id): 40,
                                str(self.operations.id): 60,
                            },
                        }
                    ),
                    Command.create(
                        {"name": "Reclassification", "account_id": other.id, "credit": 500}
                    ),
                ],
            }
        )
        move.action_post()
        self.assertAlmostEqual(self._actual("personnel"), 200)
        self.assertAlmostEqual(self._actual("operations"), 300)
        # Cancelling the entry takes its cost back.
        move.button_draft()
        self.assertAlmostEqual(self._actual("personnel"), 0)
        self.assertAlmostEqual(self._actual("operations"), 0)

    def test_equipment_bill_above_threshold_waits_for_approval(self):
        self.subsidy.approval_threshold = 5000
        self.subsidy.action_activate()
        # 4 000 is below the threshold; 6 000 is not.
        self._bill([(4000, {self.equipment: 100})])
        self.assertFalse(self.subsidy.unapproved_investment_ids)
        bill = self._bill([(6000, {self.equipment: 100})], date="2019-04-02")
        van = bill.invoice_line_ids.analytic_line_ids
        # A new request reads the investments afresh.
        self.subsidy.invalidate_recordset(["unapproved_investment_ids"])
        self.assertEqual(self.subsidy.unapproved_investment_ids, van)
        self.assertAlmostEqual(self._actual("equipment"), 10000)
        with self.assertRaisesRegex(ValidationError, "cannot be closed"):
            self.subsidy.action_close()
        van.write({"subsidy_approval_ref": "DRU/2019/7", "subsidy_approval_date": "2019-03-20"})
        self.subsidy.invalidate_recordset(["unapproved_investment_ids"])
        self.assertFalse(self.subsidy.unapproved_investment_ids)
        self.subsidy.action_close()
        self.assertEqual(self.subsidy.state, "closed")

    def test_finance_posts_a_bill(self):
        """Finance with Odoo's billing rights posts a bill; the subsidy's actual follows
        although the accountant cannot read the budget lines' computation inputs."""
        self.finance.groups_id |= self.env.ref("account.group_account_invoice")
        self.env = self.env(user=self.finance)
        self._bill([(250, {self.operations: 100})])
        self.assertAlmostEqual(self._actual("operations"), 250)
