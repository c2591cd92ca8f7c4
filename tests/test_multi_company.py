# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import FINANCE_GROUP, MANAGER_GROUP, USER_GROUP
from .common_employment import EmploymentCase


@tagged("post_install", "-at_install")
class TestTwoCompanies(EmploymentCase):
    """Two CPAS in one database: the people, sessions, art. 60 contracts and
    subsidies of one are out of reach of every user of the other, whatever
    their group, through a search and through a read by id."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other = cls.env["res.company"].create({"name": "CPAS de Koekelberg"})
        only_other = {"company_id": cls.other.id, "company_ids": [(6, 0, cls.other.ids)]}
        cls.other_agent = new_test_user(
            cls.env, login="jc_k_agent", groups=USER_GROUP, name="Agent K", **only_other
        )
        cls.other_coordinator = new_test_user(
            cls.env, login="jc_k_coord", groups=MANAGER_GROUP, name="Coord K", **only_other
        )
        cls.other_finance = new_test_user(
            cls.env, login="jc_k_finance", groups=FINANCE_GROUP, name="Finance K", **only_other
        )
        cls.funder = cls.env["res.partner"].create({"name": "Region", "is_company": True})
        cls.records = cls._records(cls.company, cls.agent)
        cls.other_records = cls._records(cls.other, cls.other_agent)

    @classmethod
    def _records(cls, company, agent):
        person = cls._create_beneficiary(
            first_name=f"Person of {company.name}", company_id=company.id, user_id=agent.id
        )
        session = cls.env["job_coaching.session"].create(
            {
                "beneficiary_id": person.id,
                "user_id": agent.id,
                "start": "2026-06-16 09:00:00",
                "stop": "2026-06-16 10:00:00",
            }
        )
        contract = cls._create_contract(person, company_id=company.id)
        subsidy = cls.env["job_coaching.subsidy"].create(
            {
                "name": f"Subsidy of {company.name}",
                "funder_id": cls.funder.id,
                "company_id": company.id,
                "date_start": "2019-01-01",
                "date_end": "2019-12-31",
            }
        )
        return {
            "job_coaching.beneficiary": person,
            "job_coaching.session": session,
            "job_coaching.art60.contract": contract,
            "job_coaching.subsidy": subsidy,
        }

    def _assert_out_of_reach(self, user, records):
        for model, record in records.items():
            with self.subTest(user=user.login, model=model):
                self.assertNotIn(record, self.env[model].with_user(user).search([]))
                with self.assertRaises(AccessError), mute_logger("odoo.models"):
                    record.with_user(user).read(["display_name"])

    def test_users_of_one_company_never_reach_the_other(self):
        social = ["job_coaching.beneficiary", "job_coaching.session", "job_coaching.art60.contract"]
        for user, models in (
            (self.other_agent, social),
            (self.other_coordinator, social),
            (self.other_finance, ["job_coaching.subsidy"]),
        ):
            self._assert_out_of_reach(user, {m: self.records[m] for m in models})
        for user, models in (
            (self.agent, social),
            (self.coordinator, social),
            (self.finance, ["job_coaching.subsidy"]),
        ):
            self._assert_out_of_reach(user, {m: self.other_records[m] for m in models})

    def test_each_company_sees_its_own(self):
        """The same users do reach their own company's records: the refusals
        above come from the company rules, not from a lack of rights."""
        for user, records, models in (
            (self.other_coordinator, self.other_records, ["job_coaching.beneficiary"]),
            (self.other_agent, self.other_records, ["job_coaching.session"]),
            (self.coordinator, self.records, ["job_coaching.art60.contract"]),
            (self.finance, self.records, ["job_coaching.subsidy"]),
            (self.other_finance, self.other_records, ["job_coaching.subsidy"]),
        ):
            for model in models:
                self.assertIn(records[model], self.env[model].with_user(user).search([]))
                records[model].with_user(user).read(["display_name"])

    def test_finance_reads_no_social_data_in_either_company(self):
        for user in (self.finance, self.other_finance):
            for model in ("job_coaching.beneficiary", "job_coaching.session"):
                with self.assertRaises(AccessError), mute_logger("odoo.models"):
                    self.env[model].with_user(user).search([])
