# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from ..models.job_coaching_zone_street import street_match_key
from .common import JobCoachingCase


@tagged("post_install", "-at_install")
class TestZoneMatching(JobCoachingCase):
    def _lives_in_zone(self, street, zip_code="1090"):
        return self._create_beneficiary(street=street, zip=zip_code).in_zone

    def test_french_names(self):
        for street in ("Rue Esseghem 10", "12, rue Esseghem", "Avenue Charles Woeste 130 bte 4"):
            with self.subTest(street=street):
                self.assertTrue(self._lives_in_zone(street))

    def test_dutch_names(self):
        for street in ("Esseghemstraat 10", "Charles Woestelaan 5 bus 2", "Leopold I-straat 300"):
            with self.subTest(street=street):
                self.assertTrue(self._lives_in_zone(street))

    def test_abbreviations(self):
        for street in (
            "Av. Charles Woeste 3",
            "av Charles Woeste 3",
            "Bd de Smet de Naeyer 2",
            "bd. de Smet de Naeyer 2",
            "Esseghemstr. 5",
            "R. Esseghem 5",
            "Av. Ch. Woeste 96",
            "r. J. Lahaye 4",
            "Rue Léopold 1er 12",
        ):
            with self.subTest(street=street):
                self.assertTrue(self._lives_in_zone(street))

    def test_case_accents_and_punctuation(self):
        for street in (
            "RUE LEOPOLD IER 300",
            "rue léopold ier",
            "Rue Esseghem, 10A",
            "rue-esseghem 10/2",
        ):
            with self.subTest(street=street):
                self.assertTrue(self._lives_in_zone(street))

    def test_outside_the_zone(self):
        for street in ("Rue Antoine Dansaert 12", "Rue Esseghemme 10", "Avenue de Jette 3", ""):
            with self.subTest(street=street):
                self.assertFalse(self._lives_in_zone(street))

    def test_another_postcode_is_outside(self):
        self.assertFalse(self._lives_in_zone("Rue Esseghem 10", zip_code="1000"))
        # Without a postcode the street decides.
        self.assertTrue(self._lives_in_zone("Rue Esseghem 10", zip_code=False))

    def test_key_folding(self):
        self.assertEqual(street_match_key("Esseghemstr. 5"), street_match_key("Esseghemstraat"))
        self.assertEqual(
            street_match_key("Charles Woeste laan"), street_match_key("Charles Woestelaan")
        )
        self.assertEqual(
            street_match_key("12, Av. Charles-Woeste"), street_match_key("avenue charles woeste")
        )

    def test_editing_the_streets_moves_people(self):
        person = self._create_beneficiary(street="Rue Dansaert 12")
        self.assertFalse(person.in_zone)
        self.assertIn("outside the zone", person.ineligibility_reason)
        self.zone.write(
            {"street_ids": [(0, 0, {"name": "Rue Dansaert", "name_nl": "Dansaertstraat"})]}
        )
        self.assertTrue(person.in_zone)
        self.assertEqual(person.zone_id, self.zone)
        self.assertTrue(person.is_eligible)
        self.zone.street_ids.filtered(lambda s: s.name == "Rue Dansaert").unlink()
        self.assertFalse(person.in_zone)

    def test_archived_zone_does_not_count(self):
        person = self._create_beneficiary(street="Rue Esseghem 1")
        self.assertTrue(person.in_zone)
        self.zone.active = False
        self.assertFalse(person.in_zone)

    def test_zone_of_another_company_does_not_count(self):
        other = self.env["res.company"].create({"name": "CPAS de Laeken"})
        self.zone.company_id = other
        self.assertFalse(self._lives_in_zone("Rue Esseghem 1"))
