# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from xmlrpc.client import Fault

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import FINANCE_GROUP, USER_GROUP
from .common_subsidy import SubsidyCase


@tagged("post_install", "-at_install")
class TestSubsidyCostWizard(SubsidyCase):
    """Finance records a cost from the subsidy (2018-2022)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.subsidy.line_ids = [
            (0, 0, {"category": "operations", "year": 2019, "amount_planned": 1500}),
            (0, 0, {"category": "equipment", "year": 2019, "amount_planned": 8000}),
        ]
        cls.subsidy.action_activate()
        cls.supplier = cls.env["res.partner"].create({"name": "Bureau Test", "is_company": True})

    def _form(self, user=None):
        action = self.subsidy.with_user(user or self.finance).action_record_cost()
        Wizard = self.env[action["res_model"]].with_user(user or self.finance)
        return Form(Wizard.with_context(**action["context"]))

    @freeze_time("2019-05-06")
    def test_a_positive_amount_is_recorded_as_a_cost(self):
        form = self._form()
        self.assertEqual(str(form.date), "2019-05-06")
        self.assertEqual(form.category, "operations")
        self.assertEqual(form.analytic_account_id, self.subsidy.operations_account_id)
        form.name = "Room rental"
        form.partner_id = self.supplier
        form.amount = 120
        self.assertFalse(form.approval_warning)
        form.save().action_record()
        line = self.AnalyticLine.search([("name", "=", "Room rental")])
        self.assertEqual(line.amount, -120)
        self.assertEqual(line.date.isoformat(), "2019-05-06")
        self.assertEqual(line._get_analytic_accounts(), self.subsidy.operations_account_id)
        self.assertEqual(self._line(self.subsidy, "operations", 2019).amount_actual, 120)
        self.assertEqual(self.subsidy.amount_actual, 120)

    @freeze_time("2026-03-10")
    def test_the_date_stays_inside_the_period(self):
        form = self._form()
        # Today is after the period: the date defaults to its last day.
        self.assertEqual(str(form.date), "2022-12-31")
        form.name = "Late invoice"
        form.amount = 50
        form.date = "2023-01-05"
        with self.assertRefused(ValidationError, "outside the period"):
            form.save()
        self.assertFalse(self.AnalyticLine.search([("name", "=", "Late invoice")]))

    def test_a_negative_or_zero_amount_is_refused(self):
        for amount in (-120, 0):
            form = self._form()
            form.name = "Refund?"
            form.date = "2019-03-01"
            form.amount = amount
            with self.assertRefused(ValidationError, "positive amount"):
                form.save()

    def test_the_approval_warning_shows_before_saving(self):
        # 3,000 already recorded on the supplier's invoice F-77.
        self._cost(
            self.subsidy,
            "equipment",
            "2019-04-01",
            3000,
            partner_id=self.supplier.id,
            subsidy_purchase_ref="F-77",
        )
        form = self._form()
        form.category = "equipment"
        self.assertEqual(form.analytic_account_id, self.subsidy.equipment_account_id)
        form.name = "Desks"
        form.date = "2019-04-02"
        form.partner_id = self.supplier
        form.amount = 2500
        self.assertFalse(form.approval_warning)
        # The second part of the same invoice: 5,500.00 in all.
        form.purchase_ref = "F-77"
        self.assertIn("5,500.00", form.approval_warning)
        self.assertIn("needs the funder's written approval", form.approval_warning)
        form.approval_ref = "DRU/2019/12"
        form.approval_date = "2019-04-10"
        self.assertIn("not a prior approval", form.approval_warning)
        form.approval_date = "2019-03-20"
        self.assertFalse(form.approval_warning)
        form.approval_date = "2019-04-10"
        result = form.save().action_record()
        self.assertEqual(result["params"]["type"], "warning")
        self.assertEqual(len(self.subsidy.late_investment_ids), 2)

    def test_a_closed_subsidy_takes_no_cost(self):
        form = self._form()
        form.name = "After closing"
        form.date = "2019-03-01"
        form.amount = 10
        wizard = form.save()
        self.subsidy.action_close()
        with self.assertRefused(UserError, "closed"):
            wizard.action_record()

    def test_agents_cannot_open_it(self):
        Wizard = self.env["job_coaching.subsidy.cost.wizard"].with_user(self.agent)
        # The form is finance's...
        with self.assertRaises(AccessError):
            Wizard.create({"name": "x", "amount": 1, "date": "2019-03-01"})
        # ...and the agent may not even name the subsidy.
        with self.assertRefused(ValidationError, "no such record that you may use"):
            Wizard.create(
                {"subsidy_id": self.subsidy.id, "name": "x", "amount": 1, "date": "2019-03-01"}
            )


@tagged("post_install", "-at_install")
class TestSubsidyCostWizardRpc(HttpCase):
    """The cost form over XML-RPC: finance records, others are refused."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.finance = new_test_user(
            cls.env, login="jc_cw_finance", password="jc_cw_finance_pw", groups=FINANCE_GROUP
        )
        cls.agent = new_test_user(
            cls.env, login="jc_cw_agent", password="jc_cw_agent_pw", groups=USER_GROUP
        )
        cls.portal = new_test_user(
            cls.env, login="jc_cw_portal", password="jc_cw_portal_pw", groups="base.group_portal"
        )
        other = cls.env["res.company"].create({"name": "CPAS de Koekelberg"})
        cls.foreign_finance = new_test_user(
            cls.env,
            login="jc_cw_foreign",
            password="jc_cw_foreign_pw",
            groups=FINANCE_GROUP,
            company_id=other.id,
            company_ids=[(6, 0, other.ids)],
        )
        funder = cls.env["res.partner"].create({"name": "Rpc Region", "is_company": True})
        cls.subsidy = cls.env["job_coaching.subsidy"].create(
            {
                "name": "Rpc subsidy",
                "reference": "RPC 02",
                "funder_id": funder.id,
                "date_start": "2019-01-01",
                "date_end": "2019-12-31",
                "line_ids": [
                    (0, 0, {"category": "operations", "year": 2019, "amount_planned": 900})
                ],
            }
        )
        cls.subsidy.action_create_analytic_accounts()
        cls.subsidy.action_activate()
        cls.vals = {
            "subsidy_id": cls.subsidy.id,
            "category": "operations",
            "name": "Coffee for the workshop",
            "date": "2019-02-12",
            "amount": 42.5,
        }

    def _rpc(self, login, method, *args):
        uid = self.env["res.users"].search([("login", "=", login)]).id
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname,
            uid,
            f"{login}_pw",
            "job_coaching.subsidy.cost.wizard",
            method,
            list(args),
        )

    def _costs(self):
        return self.env["account.analytic.line"].search([("name", "=", "Coffee for the workshop")])

    def test_finance_records_a_cost(self):
        wizard_id = self._rpc("jc_cw_finance", "create", [self.vals])[0]
        self._rpc("jc_cw_finance", "action_record", [wizard_id])
        self.assertEqual(self._costs().amount, -42.5)
        self.assertEqual(self.subsidy.line_ids.amount_actual, 42.5)

    @mute_logger("odoo.http")
    def test_a_date_outside_the_period_is_refused(self):
        with self.assertRaises(Fault) as caught:
            self._rpc("jc_cw_finance", "create", [{**self.vals, "date": "2020-01-02"}])
        self.assertIn("outside the period", caught.exception.faultString)
        self.assertFalse(self._costs())

    @mute_logger("odoo.http", "odoo.addons.base.models.ir_model")
    def test_others_are_refused(self):
        for login in ("jc_cw_agent", "jc_cw_portal", "jc_cw_foreign"):
            with self.subTest(login=login), self.assertRaises(Fault) as caught:
                wizard_id = self._rpc(login, "create", [self.vals])[0]
                self._rpc(login, "action_record", [wizard_id])
            self.assertRegex(
                caught.exception.faultString, "not allowed|no such record that you may use"
            )
        self.assertFalse(self._costs())
