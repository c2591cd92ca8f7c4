# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import JobCoachingCase


@tagged("post_install", "-at_install")
@freeze_time("2026-06-15")
class TestEligibility(JobCoachingCase):
    def test_adult_resident_is_eligible(self):
        person = self._create_beneficiary(birth_date="1990-01-01")
        self.assertTrue(person.is_eligible)
        self.assertFalse(person.ineligibility_reason)
        self.assertEqual(person.age, 36)
        self.assertFalse(person.is_youth)

    def test_youth_bounds(self):
        cases = {
            "2008-06-15": (18, True),  # 18 today
            "2008-06-16": (17, False),  # 18 tomorrow
            "2000-06-16": (25, True),  # 26 tomorrow
            "2000-06-15": (26, False),  # 26 today
        }
        for birth_date, (age, youth) in cases.items():
            with self.subTest(birth_date=birth_date):
                person = self._create_beneficiary(birth_date=birth_date)
                self.assertEqual(person.age, age)
                self.assertEqual(person.is_youth, youth)

    def test_minor_is_not_eligible(self):
        person = self._create_beneficiary(birth_date="2010-01-01")
        self.assertFalse(person.is_eligible)
        self.assertEqual(person.ineligibility_reason, "under 18")

    def test_unknown_birth_date_or_address(self):
        person = self._create_beneficiary(birth_date=False, street=False)
        self.assertFalse(person.is_eligible)
        self.assertEqual(person.ineligibility_reason, "birth date unknown, address unknown")

    def test_outside_the_zone_is_not_eligible(self):
        person = self._create_beneficiary(street="Rue Antoine Dansaert 12", zip="1000")
        self.assertFalse(person.is_eligible)
        self.assertEqual(person.ineligibility_reason, "lives outside the zone")

    def test_registered_at_actiris_is_fine(self):
        person = self._create_beneficiary(actiris_registered=True)
        self.assertTrue(person.is_eligible)

    def test_accompanied_by_actiris_refused_for_an_agent(self):
        count = self.Beneficiary.search_count([])
        with self.assertRefused(ValidationError, "already accompanied by Actiris"):
            self._create_beneficiary(user=self.agent, actiris_accompanied=True)
        self.assertEqual(self.Beneficiary.search_count([]), count)
        person = self._create_beneficiary(user=self.agent)
        with self.assertRefused(ValidationError, "already accompanied by Actiris"):
            person.write({"actiris_accompanied": True})
        self.assertFalse(person.actiris_accompanied)

    def test_agent_cannot_write_the_override(self):
        person = self._create_beneficiary(user=self.agent)
        with self.assertRaises(AccessError):
            person.with_user(self.agent).write(
                {"actiris_accompanied": True, "actiris_override_reason": "I decide"}
            )

    def test_coordinator_override_with_reason(self):
        person = self._create_beneficiary(user=self.agent)
        as_coordinator = person.with_user(self.coordinator)
        with self.assertRefused(ValidationError, "Coordinator's Reason"):
            as_coordinator.write({"actiris_accompanied": True, "actiris_override_reason": "  "})
        as_coordinator.write(
            {
                "actiris_accompanied": True,
                "actiris_override_reason": "Actiris counsellor agrees: the project leads.",
            }
        )
        self.assertTrue(person.is_eligible)
        self.assertEqual(person.actiris_override_user_id, self.coordinator)
        self.assertEqual(str(person.actiris_override_date), "2026-06-15")

    def test_birthday_cron_updates_age_and_youth(self):
        person = self._create_beneficiary(birth_date="2000-06-16")
        self.assertEqual((person.age, person.is_youth), (25, True))
        with freeze_time("2026-06-16"):
            self.Beneficiary._cron_update_age()
            self.assertEqual((person.age, person.is_youth), (26, False))

    def test_birthday_cron_on_29_february(self):
        with freeze_time("2026-02-28"):
            person = self._create_beneficiary(birth_date="2008-02-29")
            self.Beneficiary._cron_update_age()
            self.assertEqual(person.age, 17)
            self.assertFalse(person.is_eligible)
        with freeze_time("2026-03-01"):
            self.Beneficiary._cron_update_age()
            self.assertEqual(person.age, 18)
            self.assertTrue(person.is_eligible)


@tagged("post_install", "-at_install")
class TestPathwayStep(JobCoachingCase):
    def test_move_forward_only(self):
        assessment = self.env.ref("job_coaching.stage_assessment")
        employment = self.env.ref("job_coaching.stage_employment")
        person = self._create_beneficiary()
        self.assertEqual(person.stage_id, self.stage_intake)
        person._move_to_step("assessment")
        self.assertEqual(person.stage_id, assessment)
        person._move_to_step("employment")
        self.assertEqual(person.stage_id, employment)
        person._move_to_step("assessment")
        self.assertEqual(person.stage_id, employment)
