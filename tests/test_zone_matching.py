# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from ..models.job_coaching_zone_street import street_match_key
from ..tools import house_number
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


@tagged("post_install", "-at_install")
class TestZoneStreetParts(JobCoachingCase):
    """A boundary avenue counts on its side of the perimeter, a long street
    between two house numbers."""

    def _line(self, name, side="both", number_from=0, number_to=0):
        return self.env["job_coaching.zone.street"].create(
            {
                "zone_id": self.zone.id,
                "name": name,
                "side": side,
                "number_from": number_from,
                "number_to": number_to,
            }
        )

    def _in_zone(self, street):
        return self._create_beneficiary(street=street).in_zone

    def test_house_numbers(self):
        for street, number in (
            ("Avenue Charles Woeste 130 bte 4", 130),
            ("12, rue Esseghem", 12),
            ("Rue Esseghem 12A", 12),
            ("Rue Esseghem 12 bte 3", 12),
            ("Esseghemstraat 12 bus 3", 12),
            ("rue-esseghem 12/3", 12),
            ("Rue Esseghem 12-14", 12),
            ("Rue Léopold 1er 7", 7),
            ("Rue Léopold 1er", 0),
            ("Rue du 11 Novembre 5", 5),
            ("Rue Esseghem", 0),
        ):
            with self.subTest(street=street):
                self.assertEqual(house_number(street), number)

    def test_one_side_of_a_boundary_avenue(self):
        self._line("Avenue de Jette", side="odd")
        for street, inside in (
            ("Avenue de Jette 13", True),
            ("Avenue de Jette 15A", True),
            ("Avenue de Jette 13 bte 2", True),
            ("Jetselaan 1", False),  # no Dutch name on the line
            ("Avenue de Jette 14", False),
            ("Avenue de Jette 12A", False),
            ("Avenue de Jette 14 bte 13", False),  # the box is not the number
            ("Avenue de Jette", False),  # which side: unknown
        ):
            with self.subTest(street=street):
                self.assertEqual(self._in_zone(street), inside)

    def test_a_range_of_house_numbers(self):
        self._line("Rue Dansaert", number_from=10, number_to=20)
        self._line("Rue Vandenpeereboom", number_from=50)
        for street, inside in (
            ("Rue Dansaert 9", False),
            ("Rue Dansaert 10", True),
            ("Rue Dansaert 15", True),
            ("Rue Dansaert 20/3", True),
            ("Rue Dansaert 20", True),
            ("Rue Dansaert 21", False),
            ("Rue Vandenpeereboom 49", False),
            ("Rue Vandenpeereboom 50", True),
            ("Rue Vandenpeereboom 350", True),
        ):
            with self.subTest(street=street):
                self.assertEqual(self._in_zone(street), inside)

    def test_a_street_of_two_lines(self):
        # The odd side whole, the even side up to number 40.
        self._line("Rue Dansaert", side="odd")
        self._line("Rue Dansaert", side="even", number_to=40)
        for street, inside in (
            ("Rue Dansaert 41", True),
            ("Rue Dansaert 101", True),
            ("Rue Dansaert 40", True),
            ("Rue Dansaert 2", True),
            ("Rue Dansaert 42", False),
        ):
            with self.subTest(street=street):
                self.assertEqual(self._in_zone(street), inside)

    def test_what_a_street_line_refuses(self):
        with (
            self.assertRefused(ValidationError, "ends at number 10 before it starts at 20"),
            self.cr.savepoint(),
        ):
            self._line("Rue Dansaert", number_from=20, number_to=10)
        self._line("Rue Dansaert", side="odd", number_to=31)
        for side, number_from, number_to in (
            ("both", 0, 0),  # the whole street again
            ("odd", 31, 0),  # number 31 twice
            ("both", 20, 22),  # number 21 twice
        ):
            with (
                self.subTest(side=side, number_from=number_from, number_to=number_to),
                self.assertRefused(ValidationError, "appears twice"),
                self.cr.savepoint(),
            ):
                self._line("Rue Dansaert", side, number_from, number_to)
        # Sides or numbers of their own.
        self._line("Rue Dansaert", side="even")
        self._line("Rue Dansaert", side="odd", number_from=33)
        self.assertEqual(len(self.zone.street_ids.filtered(lambda s: s.name == "Rue Dansaert")), 3)

    def test_editing_a_line_moves_people_and_their_current_period(self):
        line = self._line("Avenue de Jette", side="odd")
        person = self._create_beneficiary(street="Avenue de Jette 14")
        self.assertFalse(person.in_zone)
        line.side = "both"
        self.assertTrue(person.in_zone)
        self.assertEqual(person.situation_ids.zone_id, self.zone)
        line.write({"side": "both", "number_from": 1, "number_to": 10})
        self.assertFalse(person.in_zone)
        self.assertFalse(person.situation_ids.in_zone)
