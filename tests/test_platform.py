# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What the add-on needs of its platform: the register number check without
``stdnum.be.nn``/``bis`` (Odoo's python-stdnum pin on Python 3.10), phones
shown as people write them."""

from datetime import date
from unittest.mock import patch

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from ..tools import register_number
from ..tools.register_number import FALLBACK_BIS, FALLBACK_NN
from .common import JobCoachingCase

# Check digits computed by hand: 97 - (first 9 digits mod 97), with a "2" in
# front of them for people born from 2000.
NN_1985 = "85073003328"  # 30/07/1985, serial 033: 97 - 850730033 % 97 = 28
NN_2003 = "03021410170"  # 14/02/2003, serial 101: 97 - 2030214101 % 97 = 70
BIS_40 = "90430501190"  # 05/03/1990, sex known (month + 40): 97 - 904305011 % 97 = 90
BIS_20 = "90230501246"  # 05/03/1990, sex unknown (month + 20): 97 - 902305012 % 97 = 46
BIS_UNKNOWN = "00400100551"  # birth date unknown when issued: 97 - 4001005 % 97 = 51
BAD_MONTH = "85133003370"  # month 13, right check digits
BAD_CHECK = "85073003329"


@tagged("post_install", "-at_install")
@freeze_time("2026-06-15")
class TestRegisterNumberFallback(JobCoachingCase):
    def test_fallback_checks_as_the_register_does(self):
        self.assertEqual(FALLBACK_NN.format(NN_1985), "85.07.30-033.28")
        self.assertEqual(FALLBACK_NN.compact(" 85.07.30-033.28 "), NN_1985)
        expected = {
            # number: (valid NN, valid BIS, birth date)
            NN_1985: (True, False, date(1985, 7, 30)),
            NN_2003: (True, False, date(2003, 2, 14)),
            BIS_40: (False, True, date(1990, 3, 5)),
            BIS_20: (False, True, date(1990, 3, 5)),
            BIS_UNKNOWN: (False, True, None),
            BAD_MONTH: (False, False, None),
            BAD_CHECK: (False, False, None),
            "8507300332": (False, False, None),
            "8507300332X": (False, False, None),
        }
        for number, (nn_valid, bis_valid, birth_date) in expected.items():
            with self.subTest(number=number):
                self.assertEqual(FALLBACK_NN.is_valid(number), nn_valid)
                self.assertEqual(FALLBACK_BIS.is_valid(number), bis_valid)
                if nn_valid or bis_valid:
                    self.assertEqual(FALLBACK_NN.get_birth_date(number), birth_date)

    def test_born_from_2000_only_once_that_year_has_come(self):
        # 97 - 2280101001 % 97 = 11: valid for someone born on 1/1/2028, not before then.
        self.assertFalse(FALLBACK_NN.is_valid("28010100111"))
        with freeze_time("2028-01-02"):
            self.assertTrue(FALLBACK_NN.is_valid("28010100111"))
            self.assertEqual(FALLBACK_NN.get_birth_date("28010100111"), date(2028, 1, 1))

    def test_the_addon_works_on_the_fallback(self):
        with (
            patch.object(register_number, "nn", FALLBACK_NN),
            patch.object(register_number, "bis", FALLBACK_BIS),
        ):
            self.assertEqual(
                register_number.normalize_register_number("85 07 30 033 28"),
                ("85.07.30-033.28", "nn"),
            )
            self.assertEqual(
                register_number.normalize_register_number(BIS_40), ("90.43.05-011.90", "bis")
            )
            with self.assertRaises(ValueError):
                register_number.normalize_register_number(BAD_CHECK)
            self.assertIsNone(register_number.check_register_number(BIS_UNKNOWN))
            self.assertEqual(
                register_number.make_register_number(date(2003, 2, 14), 101), "03.02.14-101.70"
            )
            # The whole file: number formatted, birth date taken from it.
            vals = self._beneficiary_vals(niss="030214-101-70", user_id=self.agent.id)
            del vals["birth_date"]
            person = self.Beneficiary.create(vals)
            self.assertEqual((person.niss, person.niss_kind), ("03.02.14-101.70", "nn"))
            self.assertEqual(person.birth_date, date(2003, 2, 14))

    def test_fallback_agrees_with_the_library(self):
        try:
            from stdnum.be import bis, nn
        except ImportError:
            # python-stdnum < 1.19 (Odoo's pin on Python 3.10): the add-on runs
            # on the fallback, tested above.
            self.assertIs(register_number.nn, FALLBACK_NN)
            self.assertIs(register_number.bis, FALLBACK_BIS)
            return
        self.assertIs(register_number.nn, nn)
        # Every month code (unknown, +20, +40, out of range) and day edges, at
        # both centuries, with the right check digits and a wrong one.
        numbers = [NN_1985, NN_2003, BIS_40, BIS_20, BIS_UNKNOWN, BAD_MONTH, BAD_CHECK]
        for year in (0, 3, 26, 27, 85, 99):
            for month in range(0, 60, 3):
                for day in (0, 1, 29, 31):
                    base = f"{year:02d}{month:02d}{day:02d}017"
                    for prefix in ("", "2"):
                        check = 97 - int(prefix + base) % 97
                        numbers += [f"{base}{check:02d}", f"{base}{(check + 1) % 100:02d}"]
        checked = 0
        for number in numbers:
            for library, fallback in ((nn, FALLBACK_NN), (bis, FALLBACK_BIS)):
                valid = library.is_valid(number)
                self.assertEqual(fallback.is_valid(number), valid, number)
                if valid:
                    checked += 1
                    self.assertEqual(fallback.format(number), library.format(number))
                    self.assertEqual(
                        fallback.get_birth_date(number), library.get_birth_date(number), number
                    )
        self.assertGreater(checked, 100)


@tagged("post_install", "-at_install")
class TestPhoneDisplay(JobCoachingCase):
    def test_phones_shown_as_written_stored_in_e164(self):
        person = self._create_beneficiary(phone="02 426 12 34", mobile="0470 12 34 56")
        self.assertEqual((person.phone, person.mobile), ("+3224261234", "+32470123456"))
        self.assertEqual(person.phone_display, "+32 2 426 12 34")
        self.assertEqual(person.mobile_display, "+32 470 12 34 56")
        person.mobile = "+33 6 12 34 56 78"
        self.assertEqual(person.mobile_display, "+33 6 12 34 56 78")
        person.phone = False
        self.assertFalse(person.phone_display)

    def test_form_edits_the_display_and_stores_e164(self):
        person = self._create_beneficiary(mobile="0470 12 34 56")
        with Form(person.with_user(self.agent)) as form:
            self.assertEqual(form.mobile_display, "+32 470 12 34 56")
            form.mobile_display = "0488 11 22 33"
            form.phone_display = "02 426 12 34"
        self.assertEqual((person.mobile, person.phone), ("+32488112233", "+3224261234"))
        self.assertEqual(person.mobile_display, "+32 488 11 22 33")
        views = self.Beneficiary.get_views([(False, "list"), (False, "form")])["views"]
        for view_type in ("list", "form"):
            arch = views[view_type]["arch"]
            self.assertIn('name="mobile_display"', arch)
            self.assertNotIn('name="mobile"', arch)

    def test_display_field_opens_no_side_door(self):
        # Another agent's file: the display field is written and read under the
        # same rules as the number it shows.
        person = self._create_beneficiary(mobile="0470 12 34 56")
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            person.with_user(self.agent_2).write({"mobile_display": "0488 11 22 33"})
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            person.with_user(self.agent_2).read(["mobile_display"])
        self.assertEqual(person.mobile, "+32470123456")


@tagged("post_install", "-at_install")
class TestReportHeaderFooter(JobCoachingCase):
    def test_pdf_reports_hand_a_header_and_a_footer_to_wkhtmltopdf(self):
        # What Odoo passes to wkhtmltopdf (--header-html / --footer-html, one
        # body per file): the build with patched Qt prints them, Debian's
        # ignores them (README, Installation).
        people = self._create_beneficiary(first_name="Ana") | self._create_beneficiary(
            first_name="Bea", birth_date="1990-02-02"
        )
        Report = self.env["ir.actions.report"]
        html = Report._render_qweb_html(
            "job_coaching.report_beneficiary_file", people.ids, data={"report_type": "pdf"}
        )[0]
        bodies, res_ids, header, footer, _args = Report._prepare_html(
            html, report_model="job_coaching.beneficiary"
        )
        self.assertEqual(len(bodies), 2)
        self.assertEqual(sorted(res_ids), sorted(people.ids))
        self.assertIn(self.company.name, header + footer)
        self.assertIn('class="page"', footer)
        self.assertIn('class="topage"', footer)
