# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from odoo.addons.job_coaching.tools import make_register_number

from .common import JobCoachingCase


@tagged("post_install", "-at_install")
@freeze_time("2026-06-15")
class TestBeneficiaryIntake(JobCoachingCase):
    def test_register_number_formatted_and_birth_date_filled(self):
        number = make_register_number(date(1985, 7, 30), 33)
        person = self._create_beneficiary(
            niss=number.replace(".", "").replace("-", ""), birth_date=False
        )
        self.assertEqual(person.niss, "85.07.30-033.28")
        self.assertEqual(person.niss_kind, "nn")
        self.assertEqual(person.birth_date, date(1985, 7, 30))
        self.assertEqual(person.niss_masked, "85.07.30-***.**")
        self.assertEqual(person.age, 40)

    def test_register_number_of_the_2000s(self):
        person = self._create_beneficiary(
            niss=make_register_number(date(2005, 1, 9), 311), birth_date=False
        )
        self.assertEqual(person.birth_date, date(2005, 1, 9))

    def test_bis_number_accepted(self):
        number = make_register_number(date(1990, 3, 12), 45, bis_number=True)
        person = self._create_beneficiary(niss=number, birth_date="1990-03-12")
        self.assertEqual(person.niss_kind, "bis")
        self.assertEqual(person.niss, number)

    def test_invalid_register_number_refused(self):
        count = self.Beneficiary.search_count([])
        for bad in ("85.07.30-033.29", "1234", "85073003328999", "abcdefghijk"):
            with self.subTest(bad=bad), self.assertRefused(ValidationError, "not a valid"):
                self._create_beneficiary(niss=bad)
        self.assertEqual(self.Beneficiary.search_count([]), count)

    def test_register_number_must_match_birth_date(self):
        with self.assertRefused(ValidationError, "born on 1985-07-30"):
            self._create_beneficiary(
                niss=make_register_number(date(1985, 7, 30), 33), birth_date="1985-07-31"
            )

    def test_invalid_number_on_write_refused_and_value_kept(self):
        person = self._create_beneficiary(
            niss=make_register_number(date(1985, 7, 30), 33), birth_date=False
        )
        with self.assertRaises(ValidationError):
            person.write({"niss": "99.99.99-999.99"})
        self.assertEqual(person.niss, "85.07.30-033.28")

    def test_birth_date_in_future_refused(self):
        with self.assertRefused(ValidationError, "in the future"):
            self._create_beneficiary(birth_date="2026-06-16")

    def test_birth_date_over_120_years_refused(self):
        with self.assertRefused(ValidationError, "more than 120 years ago"):
            self._create_beneficiary(birth_date="1906-06-14")
        person = self._create_beneficiary(birth_date="1906-06-15")
        self.assertEqual(person.age, 120)

    def test_phones_stored_in_e164(self):
        person = self._create_beneficiary(phone="02 426 12 34", mobile="0470/12.34.56")
        self.assertEqual(person.phone, "+3224261234")
        self.assertEqual(person.mobile, "+32470123456")
        person.mobile = "+33 6 12 34 56 78"
        self.assertEqual(person.mobile, "+33612345678")

    def test_phone_read_in_the_persons_country(self):
        france = self.env.ref("base.fr")
        person = self._create_beneficiary(country_id=france.id, mobile="06 12 34 56 78")
        self.assertEqual(person.mobile, "+33612345678")

    def test_invalid_phone_refused(self):
        count = self.Beneficiary.search_count([])
        for bad in ("12", "0470 12 34", "not a phone"):
            with self.subTest(bad=bad), self.assertRefused(ValidationError, "not a valid"):
                self._create_beneficiary(mobile=bad)
        self.assertEqual(self.Beneficiary.search_count([]), count)
        person = self._create_beneficiary(mobile="0470 12 34 56")
        with self.assertRaises(ValidationError):
            person.phone = "abc"
        self.assertFalse(person.phone)

    def test_invalid_email_refused(self):
        with self.assertRefused(ValidationError, "not a valid email"):
            self._create_beneficiary(email="nadia@")
        person = self._create_beneficiary(email=" nadia@example.com ")
        self.assertEqual(person.email, "nadia@example.com")

    def test_names_required(self):
        with self.assertRefused(ValidationError, "first name and a last name"):
            self._create_beneficiary(first_name="   ")
        person = self._create_beneficiary(first_name="  Nadia ", last_name=" El   Amrani ")
        self.assertEqual(person.name, "Nadia El Amrani")

    def test_defaults(self):
        person = self.Beneficiary.with_user(self.agent).create(
            {"first_name": "Sam", "last_name": "Default"}
        )
        self.assertEqual(person.user_id, self.agent)
        self.assertEqual(person.stage_id, self.stage_intake)
        self.assertEqual(person.intake_date, date(2026, 6, 15))
        self.assertEqual(person.country_id, self.env.ref("base.be"))
        self.assertEqual(person.company_id, self.company)

    def test_consent_records_who(self):
        person = self.Beneficiary.with_user(self.agent).create(
            self._beneficiary_vals(consent_date="2026-06-15", user_id=self.agent.id)
        )
        self.assertEqual(person.consent_user_id, self.agent)

    def test_intake_through_the_form(self):
        form = Form(self.Beneficiary.with_user(self.agent))
        form.first_name = "Layla"
        form.last_name = "Form"
        form.niss = make_register_number(date(2002, 2, 20), 14)
        form.street = "Esseghemstraat 3"
        form.zip = "1090"
        form.mobile_display = "0488 11 22 33"
        form.cpas_status = "equivalent_aid"
        form.referral_channel_id = self.env.ref("job_coaching.referral_channel_outreach")
        person = form.save()
        self.assertEqual(person.birth_date, date(2002, 2, 20))
        self.assertTrue(person.in_zone)
        self.assertTrue(person.is_youth)
        self.assertTrue(person.is_eligible)
        self.assertEqual(person.mobile, "+32488112233")
