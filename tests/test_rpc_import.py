# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date
from xmlrpc.client import Fault

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.job_coaching.tools import make_register_number

from .common import USER_GROUP


@tagged("post_install", "-at_install")
class TestRpcAndImport(HttpCase):
    """Bad input through XML-RPC and imports: a clear message, nothing saved."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent = new_test_user(
            cls.env, login="jc_rpc_agent", password="jc_rpc_agent_pw", groups=USER_GROUP
        )
        cls.Beneficiary = cls.env["job_coaching.beneficiary"]

    def _rpc(self, method, *args, **kwargs):
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname,
            self.agent.id,
            "jc_rpc_agent_pw",
            "job_coaching.beneficiary",
            method,
            list(args),
            kwargs,
        )

    def _vals(self, **vals):
        return {"first_name": "Rpc", "last_name": "Person", "street": "Rue Esseghem 1", **vals}

    @mute_logger("odoo.http", "odoo.sql_db")
    def test_bad_input_over_xmlrpc(self):
        count = self.Beneficiary.search_count([])
        cases = {
            "not a valid national register": {"niss": "85.07.30-033.29"},
            "in the future": {"birth_date": "2999-01-01"},
            "more than 120 years ago": {"birth_date": "1850-01-01"},
            "not a valid mobile": {"mobile": "12"},
            "first name and a last name": {"first_name": " "},
            "already accompanied by Actiris": {"actiris_accompanied": True},
        }
        for message, vals in cases.items():
            with self.subTest(message=message), self.assertRaises(Fault) as caught:
                self._rpc("create", [self._vals(**vals)])
            self.assertIn(message, caught.exception.faultString)
            self.assertNotIn("Traceback", caught.exception.faultString.split("\n")[0])
        with self.assertRaises(Fault) as caught:
            self._rpc("create", [{"last_name": "No first name"}])
        self.assertIn("first_name", caught.exception.faultString)
        self.assertEqual(self.Beneficiary.search_count([]), count)

    @mute_logger("odoo.http", "odoo.sql_db")
    def test_duplicate_register_number_over_xmlrpc(self):
        number = make_register_number(date(1985, 7, 30), 33)
        self._rpc("create", [self._vals(niss=number)])
        with self.assertRaises(Fault) as caught:
            self._rpc("create", [self._vals(niss="85073003328", first_name="Again")])
        self.assertIn("already registered", caught.exception.faultString)
        self.assertEqual(self.Beneficiary.search_count([("niss", "=", number)]), 1)

    def test_write_over_xmlrpc_keeps_the_record(self):
        [person_id] = self._rpc("create", [self._vals(mobile="0470 12 34 56")])
        with self.assertRaises(Fault), mute_logger("odoo.http"):
            self._rpc("write", [person_id], {"mobile": "abc", "first_name": "Changed"})
        person = self.Beneficiary.browse(person_id)
        self.assertEqual((person.first_name, person.mobile), ("Rpc", "+32470123456"))

    def test_agent_reads_the_register_numbers_of_the_caseload_in_bulk(self):
        """Data protection: an agent reads the full number of the files of
        their caseload in bulk through the API, not those of another agent."""
        numbers = [make_register_number(date(1990, 1, day), 40 + day) for day in (1, 2)]
        ids = self._rpc("create", [self._vals(niss=number) for number in numbers])
        other = new_test_user(self.env, login="jc_rpc_other", groups=USER_GROUP)
        theirs = self.Beneficiary.create(
            self._vals(niss=make_register_number(date(1990, 1, 3), 43), user_id=other.id)
        )
        found = self._rpc("search_read", [("id", "in", [*ids, theirs.id])], ["niss"])
        self.assertEqual(
            sorted((row["id"], row["niss"]) for row in found),
            sorted(zip(ids, numbers, strict=True)),
        )

    def test_import_reports_each_bad_row_and_saves_nothing(self):
        Beneficiary = self.Beneficiary.with_user(self.agent)
        count = Beneficiary.search_count([])
        fields = ["first_name", "last_name", "niss", "mobile", "street"]
        rows = [
            [
                "Good",
                "Row",
                make_register_number(date(1990, 1, 1), 11),
                "0470 11 11 11",
                "Rue Esseghem 2",
            ],
            ["Bad", "Number", "85.07.30-033.29", "", "Rue Esseghem 3"],
            ["Bad", "Phone", "", "123", "Rue Esseghem 4"],
        ]
        with mute_logger("odoo.models", "odoo.sql_db"):
            result = Beneficiary.load(fields, rows)
        self.assertFalse(result["ids"])
        messages = " ".join(m["message"] for m in result["messages"])
        self.assertIn("not a valid national register", messages)
        self.assertIn("not a valid mobile", messages)
        self.assertEqual(Beneficiary.search_count([]), count)

    def test_import_of_good_rows(self):
        Beneficiary = self.Beneficiary.with_user(self.agent)
        result = Beneficiary.load(
            ["first_name", "last_name", "niss", "mobile", "street", "zip"],
            [
                [
                    "Imported",
                    "One",
                    make_register_number(date(1990, 1, 1), 11),
                    "0470 11 11 11",
                    "Esseghemstr. 2",
                    "1090",
                ],
                ["Imported", "Two", "", "", "Rue Dansaert 5", "1000"],
            ],
        )
        self.assertEqual(len(result["ids"]), 2, result["messages"])
        people = Beneficiary.browse(result["ids"])
        self.assertEqual(people.mapped("mobile"), ["+32470111111", False])
        self.assertEqual(people.mapped("user_id"), self.agent)
