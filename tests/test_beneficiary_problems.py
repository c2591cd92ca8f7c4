# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import Form, HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import USER_GROUP, JobCoachingCase
from .common_rpc import RpcError, json_rpc

# A register number whose check digits do not match its first nine (…28 is right).
BAD_CHECK_DIGITS = "85.07.30-033.29"


@tagged("post_install", "-at_install")
@freeze_time("2026-03-02")
class TestBeneficiaryProblemsTogether(JobCoachingCase):
    """One save tells every problem of a file: a line per field, named by its label."""

    def test_every_bad_field_named_in_one_message(self):
        count = self.Beneficiary.search_count([])
        with self.assertRaises(ValidationError) as caught:
            self._create_beneficiary(
                niss=BAD_CHECK_DIGITS, birth_date="2030-01-01", mobile="12", email="nadia@"
            )
        self.assertEqual(
            str(caught.exception).split("\n"),
            [
                "Register Number: 85.07.30-033.29 is not a valid national register or BIS "
                "number: its last two digits (the check digits) do not match the first nine, "
                "or the date it holds does not exist. Copy it again from the identity card "
                "(e.g. 85.07.30-033.28).",
                "Birth Date: The birth date of Nadia Test (2030-01-01) is in the future: "
                "check the date.",
                "Mobile: 12 is not a valid mobile number. Write it as dialled from Belgium "
                "(0470 12 34 56, 02 123 45 67) or with its country code (+32 470 12 34 56).",
                "Email: nadia@ is not a valid email address.",
            ],
        )
        self.assertEqual(self.Beneficiary.search_count([]), count)

    def test_the_form_lists_the_problems_while_typing(self):
        form = Form(self.Beneficiary.with_user(self.agent))
        # a blank form: nothing to correct yet (empty required fields are
        # flagged by the form when saving)
        self.assertFalse(form.file_problems)
        form.first_name = "Nadia"
        form.last_name = "Test"
        form.niss = BAD_CHECK_DIGITS
        form.mobile_display = "12"
        form.email = "nadia@"
        self.assertEqual(
            [line.split(": ", 1)[0] for line in form.file_problems.split("\n")],
            ["Register Number", "Mobile", "Email"],
        )
        form.niss = "85.07.30-033.28"
        form.mobile_display = "0470 12 34 56"
        form.email = "nadia@example.com"
        self.assertFalse(form.file_problems)

    def test_register_number_message_names_the_check_digits(self):
        # Eleven digits, the right count: what is wrong is the check.
        with self.assertRaises(ValidationError) as caught:
            self._create_beneficiary(niss=BAD_CHECK_DIGITS)
        message = str(caught.exception)
        self.assertIn("(the check digits) do not match the first nine", message)
        self.assertNotIn("digits long", message)
        self.assertEqual(message.count("\n"), 0)

    def test_write_reports_every_bad_field_and_keeps_the_file(self):
        person = self._create_beneficiary(mobile="0470 12 34 56", email="nadia@example.com")
        with self.assertRaises(ValidationError) as caught:
            person.write({"first_name": "  ", "phone": "abc", "email": "no-at-sign", "zip": "1080"})
        lines = str(caught.exception).split("\n")
        self.assertEqual(
            [line.split(": ", 1)[0] for line in lines], ["First Name", "Phone", "Email"]
        )
        self.assertIn("A beneficiary needs a first name and a last name.", lines[0])
        self.assertIn("abc is not a valid phone number", lines[1])
        self.assertIn("no-at-sign is not a valid email address", lines[2])
        self.assertEqual(
            (person.first_name, person.phone, person.email, person.mobile, person.zip),
            ("Nadia", False, "nadia@example.com", "+32470123456", "1090"),
        )

    def test_a_single_problem_is_one_line(self):
        with self.assertRaises(ValidationError) as caught:
            self._create_beneficiary(birth_date="1850-01-01")
        self.assertEqual(
            str(caught.exception),
            "Birth Date: The birth date of Nadia Test (1850-01-01) is more than 120 years ago: "
            "check the year.",
        )


@tagged("post_install", "-at_install")
class TestBeneficiaryProblemsOverRpc(HttpCase):
    """An agent's client sends bad data over JSON-RPC in French: one clear
    French message naming each field, and nothing saved."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_BE")
        cls.env["ir.module.module"]._load_module_terms(["job_coaching"], ["fr_BE"], overwrite=True)
        cls.agent = new_test_user(
            cls.env, login="jc_problems_agent", password="jc_problems_agent", groups=USER_GROUP
        )

    @mute_logger("odoo.http")
    def test_bad_fields_over_json_rpc_in_french(self):
        Beneficiary = self.env["job_coaching.beneficiary"]
        count = Beneficiary.search_count([])
        vals = {
            "first_name": "Rpc",
            "last_name": "Person",
            "street": "Rue Esseghem 1",
            "niss": BAD_CHECK_DIGITS,
            "mobile": "12",
            "email": "rpc@",
        }
        with self.assertRaises(RpcError) as caught:
            json_rpc(
                self,
                self.agent,
                "jc_problems_agent",
                "job_coaching.beneficiary",
                "create",
                [[vals]],
                {"context": {"lang": "fr_BE"}},
            )
        error = caught.exception
        self.assertTrue(error.clean, error.data)
        self.assertEqual(error.data["name"], "odoo.exceptions.ValidationError")
        lines = error.message.split("\n")
        self.assertEqual(len(lines), 3, lines)
        # Each line: the field's French label, then the French message.
        for line, label, problem in zip(
            lines,
            ("Numéro de registre national", "GSM", "E-mail"),
            (
                "85.07.30-033.29 n'est pas un numéro de registre national ou BIS valide : ses "
                "deux derniers chiffres (les chiffres de contrôle)",
                "12 n'est pas un numéro de gsm valide.",
                "rpc@ n'est pas une adresse e-mail valide.",
            ),
            strict=True,
        ):
            self.assertTrue(line.startswith(label), line)
            self.assertIn(problem, line)
        self.assertEqual(Beneficiary.search_count([]), count)
