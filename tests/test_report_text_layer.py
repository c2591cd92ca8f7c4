# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io
import shutil
import subprocess

from odoo import http
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools.pdf import PdfReader

from .common import MANAGER_GROUP

# A three-page report of text weighs a few dozen kilobytes; drawn as
# outlines it weighed 1.7 MB.
MAX_PDF_SIZE = 300_000


def pdf_text(pdf):
    """The text layer of ``pdf`` as a PDF reader finds it (poppler's
    pdftotext, which scripts/test installs; PyPDF2 1.x, Odoo's pin on Python
    3.10, reads no text from these fonts), its whitespace folded: (pages,
    text)."""
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    text = subprocess.run(
        ["pdftotext", "-q", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    return pages, " ".join(text.split())


@tagged("post_install", "-at_install")
class TestReportTextLayer(HttpCase):
    """The PDF reports print real text (to select, search, read aloud), not
    outlines of letters: rendered by the machine's wkhtmltopdf, with the
    report's stylesheets served by the running server."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.coordinator = new_test_user(
            cls.env, login="jc_text_layer", groups=MANAGER_GROUP, name="Text Layer", lang="en_US"
        )
        cls.env["job_coaching.zone"].search([]).active = False
        cls.zone = cls.env["job_coaching.zone"].create(
            {
                "name": "Text layer zone",
                "code": "TXT",
                "zip": "1090",
                "city": "Jette",
                "date_start": "2026-01-01",
                "date_end": "2026-12-31",
                "street_ids": [(0, 0, {"name": "Rue Esseghem", "name_nl": "Esseghemstraat"})],
            }
        )
        cls.env["job_coaching.target"].search([]).unlink()
        cls.env["job_coaching.target"].create(
            {
                "name": "People accompanied in the zone",
                "kind": "accompanied",
                "value": 137,
                "date_from": "2026-01-01",
                "date_to": "2026-12-31",
                "zone_id": cls.zone.id,
            }
        )
        cls.person = cls.env["job_coaching.beneficiary"].create(
            {
                "first_name": "Textlayer",
                "last_name": "Person",
                "birth_date": "1980-05-05",
                "street": "Rue Esseghem 10",
                "zip": "1090",
                "city": "Jette",
                "mobile": "0470 12 34 56",
                "user_id": cls.coordinator.id,
            }
        )

    def setUp(self):
        super().setUp()
        for program in ("wkhtmltopdf", "pdftotext"):
            if not shutil.which(program):
                self.skipTest(f"{program} is not installed: no PDF to print or read")
        # wkhtmltopdf fetches the stylesheets from this test's server.
        self.env["ir.config_parameter"].sudo().set_param("report.url", self.base_url())

    def _pdf(self, report, records):
        # What wkhtmltopdf asks the server for: without the report's
        # stylesheets it would print plain text whatever their fonts.
        requested = []
        serve = http.Application.__call__

        def record(application, environ, start_response):
            requested.append(environ.get("PATH_INFO", ""))
            return serve(application, environ, start_response)

        self.patch(http.Application, "__call__", record)
        Report = self.env["ir.actions.report"].with_user(self.coordinator)
        pdf, kind = Report.with_context(force_report_rendering=True)._render_qweb_pdf(
            report, records.ids
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        self.assertTrue(
            any("web.report_assets_common" in path for path in requested),
            f"the stylesheets were not fetched: {requested}",
        )
        return pdf

    def test_activity_report_is_text(self):
        wizard = (
            self.env["job_coaching.activity.report.wizard"]
            .with_user(self.coordinator)
            .create({"date_from": "2026-01-01", "date_to": "2026-12-31", "zone_id": self.zone.id})
        )
        pdf = self._pdf("job_coaching.action_report_activity", wizard)
        pages, text = pdf_text(pdf)
        self.assertIn("Activity Report", text)
        self.assertIn("Text layer zone", text)
        # the target typed above, expected 137 (the text layer keeps the
        # spans apart: a space may come before the colon)
        self.assertRegex(text, r"People accompanied in the zone ?: 137")
        self.assertLess(len(pdf), MAX_PDF_SIZE, f"{len(pdf)} bytes for {pages} page(s)")

    def test_beneficiary_file_is_text(self):
        pdf = self._pdf("job_coaching.action_report_beneficiary_file", self.person)
        pages, text = pdf_text(pdf)
        self.assertIn("Beneficiary File: Textlayer Person", text)
        self.assertIn("+32470123456", text)
        self.assertLess(len(pdf), MAX_PDF_SIZE, f"{len(pdf)} bytes for {pages} page(s)")
