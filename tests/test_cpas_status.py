# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time
from lxml import etree

from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common_employment import EmploymentCase

NEW_STATUSES = {
    "unemployment_excluded": "Excluded from unemployment benefits",
    "unemployment_benefits": "On unemployment benefits",
    "sickness_disability": "Sickness or disability benefits",
    "no_income": "No income",
}


@tagged("post_install", "-at_install")
@freeze_time("2021-04-15 12:00:00")
class TestCpasStatus(EmploymentCase):
    """The people the 2026 unemployment reform brings to the CPAS: their
    statuses in the file, the filters, the activity report; art. 60 stays
    for integration income and equivalent aid."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.people = {
            status: cls._create_beneficiary(
                first_name=status.replace("_", " ").title(), **{"cpas_status": status}
            )
            for status in (*NEW_STATUSES, "ris")
        }

    def test_no_art60_contract_without_integration_income_or_equivalent_aid(self):
        Contract = self.Contract.with_user(self.agent)
        for status in NEW_STATUSES:
            with (
                self.subTest(status=status),
                self.assertRefused(ValidationError, "neither the integration income"),
            ):
                Contract.create(self._contract_vals(self.people[status]))
        self.assertFalse(
            self.Contract.search([("beneficiary_id.cpas_status", "in", list(NEW_STATUSES))])
        )
        # The same person, once on integration income, may be placed.
        person = self.people["unemployment_excluded"]
        person.with_user(self.agent).cpas_status = "ris"
        contract = Contract.create(self._contract_vals(person))
        self.assertEqual(
            self.Contract.search([("beneficiary_id", "=", person.id)]),
            contract.with_user(self.env.user),
        )

    def test_the_search_filters_find_each_status(self):
        arch = etree.fromstring(
            self.env.ref("job_coaching.job_coaching_beneficiary_view_search").arch
        )
        domains = {
            node.get("name"): safe_eval(node.get("domain"))
            for node in arch.iter("filter")
            if node.get("name", "").startswith("cpas_")
        }
        expected = {
            "cpas_aid": "ris",
            "cpas_unemployment_excluded": "unemployment_excluded",
            "cpas_unemployment_benefits": "unemployment_benefits",
            "cpas_sickness_disability": "sickness_disability",
            "cpas_no_income": "no_income",
        }
        self.assertEqual(set(domains), set(expected))
        mine = [("id", "in", [p.id for p in self.people.values()])]
        for name, status in expected.items():
            with self.subTest(filter=name):
                found = self.Beneficiary.with_user(self.agent).search(mine + domains[name])
                self.assertEqual(found, self.people[status])

    def test_the_activity_report_labels_each_status(self):
        # One session done in March 2021 for each person: one accompanied per status.
        self.env["job_coaching.session"].create(
            [
                {
                    "beneficiary_id": person.id,
                    "user_id": self.agent.id,
                    "start": f"2021-03-10 {8 + hour:02d}:00:00",
                    "stop": f"2021-03-10 {9 + hour:02d}:00:00",
                    "kind": "follow_up",
                    "state": "done",
                }
                for hour, person in enumerate(self.people.values())
            ]
        )
        values = self.env["report.job_coaching.activity"]._get_activity_values(
            "2021-03-01", "2021-03-31"
        )
        rows = {row["label"]: row["accompanied"] for row in values["cpas_status"]}
        self.assertEqual(
            rows,
            {"Integration income (RIS)": 1, **dict.fromkeys(NEW_STATUSES.values(), 1)},
        )
        # They are known to the CPAS: none of them is new.
        self.assertEqual(values["cpas_known"], {"new": 0, "known": 5})
