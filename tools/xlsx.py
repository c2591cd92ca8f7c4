# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Tables in an XLSX worksheet (xlsxwriter)."""

from datetime import date, datetime


def write_cell(sheet, row, col, value, cell_format=None):
    """Write one value by its type: nothing (a blank, formatted) for None,
    False or "", a date, a boolean, a number, else a text — never a formula
    or a link, whatever the text starts with."""
    if value is None or value is False or value == "":
        sheet.write_blank(row, col, None, cell_format)
    elif isinstance(value, bool):
        sheet.write_boolean(row, col, value, cell_format)
    elif isinstance(value, date | datetime):
        sheet.write_datetime(row, col, value, cell_format)
    elif isinstance(value, int | float):
        sheet.write_number(row, col, value, cell_format)
    else:
        sheet.write_string(row, col, str(value), cell_format)


def write_table(sheet, row, col, headers, rows, formats=None, header_format=None):
    """Write ``headers`` at (row, col), then one line per item of ``rows``,
    each value with the format of its column in ``formats`` (None: no format).

    Return the row where the next table may start, one blank row below.
    """
    sheet.write_row(row, col, headers, header_format)
    formats = formats or [None] * len(headers)
    for cells in rows:
        row += 1
        for offset, (value, cell_format) in enumerate(zip(cells, formats, strict=True)):
            write_cell(sheet, row, col + offset, value, cell_format)
    return row + 2
