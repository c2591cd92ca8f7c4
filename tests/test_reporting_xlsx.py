# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io
from datetime import date, datetime

import openpyxl
import xlsxwriter

from odoo.tests import BaseCase, tagged

from ..tools.xlsx import write_table


@tagged("post_install", "-at_install")
class TestReportingXlsx(BaseCase):
    """The one table writer of the three workbooks (statistics, justification,
    access request)."""

    def _read(self, headers, rows, formats=None):
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = workbook.add_worksheet("Table")
        bold = workbook.add_format({"bold": True})
        day = workbook.add_format({"num_format": "yyyy-mm-dd"})
        formats = [day if fmt == "day" else fmt for fmt in (formats or [])] or None
        next_row = write_table(sheet, 2, 1, headers, rows, formats, bold)
        workbook.close()
        sheet = openpyxl.load_workbook(io.BytesIO(output.getvalue()))["Table"]
        return next_row, sheet

    def test_values_by_type_from_the_given_cell(self):
        next_row, sheet = self._read(
            ["Text", "Date", "Number", "Empty", "Flag"],
            [
                ("Rue Esseghem", date(2021, 3, 1), 12.5, False, True),
                ("", datetime(2021, 3, 2, 10, 0), 0, None, True),
            ],
            [None, "day", None, None, None],
        )
        self.assertEqual(next_row, 6)  # two rows below the header at row 2, then a blank row
        rows = list(sheet.iter_rows(min_row=3, min_col=2, values_only=True))
        self.assertEqual(
            rows,
            [
                ("Text", "Date", "Number", "Empty", "Flag"),
                ("Rue Esseghem", datetime(2021, 3, 1), 12.5, None, True),
                (None, datetime(2021, 3, 2, 10, 0), 0, None, True),
            ],
        )
        self.assertTrue(sheet["B3"].font.b)
        self.assertEqual(sheet["C4"].number_format, "yyyy-mm-dd")

    def test_a_text_is_never_a_formula_or_a_link(self):
        """A description typed by a user ("=HYPERLINK(...)") stays a text."""
        _next_row, sheet = self._read(
            ["Description"], [('=HYPERLINK("http://evil.example","x")',), ("http://a.example",)]
        )
        self.assertEqual(sheet["B4"].data_type, "s")
        self.assertEqual(sheet["B4"].value, '=HYPERLINK("http://evil.example","x")')
        self.assertIsNone(sheet["B5"].hyperlink)
