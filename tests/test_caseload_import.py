# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Moving in with the current caseload: a real CSV and a real XLSX file
through Odoo's standard import (base_import), as an agent does it."""

import csv
import io
from datetime import date

import xlsxwriter

from odoo.tests import tagged
from odoo.tools import file_open, mute_logger

from ..tools import make_register_number
from .common import JobCoachingCase

COLUMNS = [
    "First Name",
    "Last Name",
    "Register Number",
    "Mobile",
    "Street",
    "Zip",
    "City",
    "Agent",
]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FIELDS = ["first_name", "last_name", "niss", "mobile", "street", "zip", "city", "user_id"]


@tagged("post_install", "-at_install")
class TestCaseloadImport(JobCoachingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # One person already followed, whose number a file may carry again.
        cls.known_number = make_register_number(date(1980, 2, 3), 45)
        cls._create_beneficiary(
            first_name="Already", last_name="Here", niss=cls.known_number, birth_date="1980-02-03"
        )
        cls.n1 = make_register_number(date(1990, 1, 1), 11)
        cls.n2 = make_register_number(date(1991, 5, 6), 23)
        cls.n3 = make_register_number(date(1992, 7, 8), 35)

    # ------------------------------------------------------------------
    # Files, built as a spreadsheet program would write them
    # ------------------------------------------------------------------

    @staticmethod
    def _csv(rows):
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";")
        writer.writerow(COLUMNS)
        writer.writerows(rows)
        return out.getvalue().encode("utf-8")

    @staticmethod
    def _xlsx(rows):
        out = io.BytesIO()
        workbook = xlsxwriter.Workbook(out, {"in_memory": True})
        sheet = workbook.add_worksheet()
        sheet.write_row(0, 0, COLUMNS)
        for index, row in enumerate(rows, start=1):
            # Numbers typed as numbers, as a spreadsheet keeps them.
            sheet.write_row(index, 0, row)
        workbook.close()
        return out.getvalue()

    def _import(self, content, kind, dryrun=False, user=None):
        mimetypes = {
            "csv": "text/csv",
            "xlsx": XLSX,
        }
        wizard = (
            self.env["base_import.import"]
            .with_user(user or self.coordinator)
            .create(
                {
                    "res_model": "job_coaching.beneficiary",
                    "file": content,
                    "file_name": f"caseload.{kind}",
                    "file_type": mimetypes[kind],
                }
            )
        )
        options = {
            "has_headers": True,
            "separator": ";",
            "quoting": '"',
            "encoding": "utf-8",
            "date_format": "%Y-%m-%d",
            "float_thousand_separator": ",",
            "float_decimal_separator": ".",
        }
        preview = wizard.parse_preview(options)
        self.assertNotIn("error", preview, preview)
        # The headers of the file are recognised as the fields they name.
        matches = preview["matches"]
        self.assertEqual(
            [matches[index][0] for index in range(len(COLUMNS))],
            FIELDS,
            "the import did not recognise the columns",
        )
        with mute_logger(
            "odoo.sql_db", "odoo.models", "odoo.addons.base_import.models.base_import"
        ):
            return wizard.execute_import(FIELDS, COLUMNS, options, dryrun=dryrun)

    def _good_rows(self):
        return [
            # Register numbers in any punctuation, phones in local form,
            # French and Dutch street names of the zone.
            ["Amina", "One", self.n1.replace(".", "").replace("-", ""), "0470 12 34 56",
             "Rue Esseghem 4", "1090", "Jette", "Agent A"],
            ["Bram", "Two", self.n2.replace(".", " ").replace("-", " "), "0470/11.22.33",
             "Esseghemstraat 12", "1090", "Jette", "Agent B"],
            ["Chloé", "Three", self.n3, "", "Chaussée de Gand 100", "1080", "Molenbeek",
             "Agent A"],
        ]  # fmt: skip

    def _check_good_import(self, result):
        self.assertFalse(result["messages"], result["messages"])
        people = self.Beneficiary.browse(result["ids"]).sorted("last_name")
        self.assertEqual(people.mapped("last_name"), ["One", "Three", "Two"])
        self.assertEqual(people.mapped("niss"), [self.n1, self.n3, self.n2])
        self.assertEqual(people.mapped("mobile"), ["+32470123456", False, "+32470112233"])
        self.assertEqual(people.mapped("in_zone"), [True, False, True])
        self.assertEqual(people.mapped("zone_id"), self.zone + self.zone.browse() + self.zone)
        self.assertEqual([p.user_id.name for p in people], ["Agent A", "Agent A", "Agent B"])

    def test_csv_file(self):
        self._check_good_import(self._import(self._csv(self._good_rows()), "csv"))

    def test_xlsx_file(self):
        self._check_good_import(self._import(self._xlsx(self._good_rows()), "xlsx"))

    def _bad_rows(self):
        return [
            ["Good", "Row", self.n1, "0470 12 34 56", "Rue Esseghem 4", "1090", "Jette", "Agent A"],
            ["Bad", "Number", "85.07.30-033.29", "", "Rue Esseghem 5", "1090", "Jette", "Agent A"],
            ["Twice", "InFile", self.n1, "", "Rue Esseghem 6", "1090", "Jette", "Agent A"],
            ["Already", "InDatabase", self.known_number, "", "", "", "", "Agent B"],
            ["Unknown", "Agent", self.n2, "", "", "", "", "Nobody Known"],
        ]  # fmt: skip

    def _check_refusals(self, result):
        self.assertFalse(result["ids"])
        by_row = {}
        for message in result["messages"]:
            by_row.setdefault(message["record"], []).append(message["message"])
        self.assertLessEqual({1, 2, 3, 4}, set(by_row), result["messages"])
        # The good first row is held back only by its twin further down the file.
        for message in by_row.get(0, []):
            self.assertIn("given to two people at once", message)
        self.assertIn("not a valid national register", " ".join(by_row[1]))
        self.assertIn("already registered", " ".join(by_row[2]))
        self.assertIn("already registered", " ".join(by_row[3]))
        self.assertIn("Nobody Known", " ".join(by_row[4]))
        self.assertFalse(self.Beneficiary.search([("last_name", "in", ["Row", "Number"])]))

    def test_csv_refuses_row_by_row(self):
        self._check_refusals(self._import(self._csv(self._bad_rows()), "csv"))

    def test_xlsx_refuses_row_by_row(self):
        self._check_refusals(self._import(self._xlsx(self._bad_rows()), "xlsx"))

    def test_test_run_imports_nothing(self):
        count = self.Beneficiary.search_count([])
        result = self._import(self._xlsx(self._good_rows()), "xlsx", dryrun=True)
        self.assertFalse(result["messages"], result["messages"])
        self.assertEqual(len(result["ids"]), 3)
        self.assertEqual(self.Beneficiary.search_count([]), count)
        self.assertFalse(self.Beneficiary.search([("niss", "in", [self.n1, self.n2, self.n3])]))

    def test_agent_imports_only_into_own_caseload(self):
        """An agent who moves in a file for a colleague is refused on that row."""
        rows = self._good_rows()
        result = self._import(self._csv(rows), "csv", user=self.agent)
        self.assertFalse(result["ids"])
        refused = {message["record"] for message in result["messages"]}
        self.assertIn(1, refused)
        self.assertFalse(self.Beneficiary.search([("last_name", "=", "Two")]))
        # Her own rows go in once the colleague's row is left out.
        del rows[1]
        result = self._import(self._csv(rows), "csv", user=self.agent)
        self.assertFalse(result["messages"], result["messages"])
        self.assertEqual(len(result["ids"]), 2)

    def test_template_ships_and_imports(self):
        [template] = self.Beneficiary.get_import_templates()
        self.assertEqual(template["label"], "Import Template for Beneficiaries")
        path = template["template"].lstrip("/")
        with file_open(path, "rb") as handle:
            content = handle.read()
        wizard = (
            self.env["base_import.import"]
            .with_user(self.coordinator)
            .create(
                {
                    "res_model": "job_coaching.beneficiary",
                    "file": content,
                    "file_name": path.rsplit("/", 1)[-1],
                    "file_type": XLSX,
                }
            )
        )
        options = {"has_headers": True, "date_format": "%Y-%m-%d"}
        preview = wizard.parse_preview(options)
        self.assertNotIn("error", preview, preview)
        fields = [preview["matches"][index][0] for index in range(len(preview["headers"]))]
        # The columns the README names, in that order.
        self.assertEqual(
            fields,
            [
                "first_name",
                "last_name",
                "niss",
                "birth_date",
                "mobile",
                "email",
                "street",
                "zip",
                "city",
                "cpas_status",
                "user_id",
            ],
        )
        # The template's example rows go through a test run without an error.
        result = wizard.execute_import(fields, preview["headers"], options, dryrun=True)
        self.assertFalse(result["messages"], result["messages"])
        self.assertEqual(len(result["ids"]), 2)
        self.assertFalse(self.Beneficiary.search([("last_name", "in", ("Example", "Voorbeeld"))]))
