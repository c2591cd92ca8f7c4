# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import http
from odoo.http import content_disposition, request

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# The workbooks, by their address /job_coaching/<kind>/<id>/<document>.xlsx:
# the model of the record, its method that builds the workbook, and the name
# of the file.
WORKBOOKS = {
    ("subsidy", "justification"): (
        "job_coaching.subsidy",
        "_get_justification_xlsx",
        lambda subsidy: f"{subsidy.reference or subsidy.name} - justification.xlsx",
    ),
    ("activity_report", "statistics"): (
        "job_coaching.activity.report.wizard",
        "_get_xlsx",
        lambda wizard: f"activity-{wizard.date_from}-{wizard.date_to}.xlsx",
    ),
    ("beneficiary", "access_request"): (
        "job_coaching.beneficiary",
        "_get_access_request_xlsx",
        lambda person: f"access-request-{person.id}.xlsx",
    ),
}


class JobCoachingWorkbookController(http.Controller):
    """The add-on's workbooks, each built by its record as the logged-in user:
    the access rights and record rules decide who gets which."""

    @http.route(
        "/job_coaching/<string:kind>/<int:record_id>/<string:document>.xlsx",
        type="http",
        auth="user",
    )
    def workbook_xlsx(self, kind, record_id, document):
        if (kind, document) not in WORKBOOKS:
            raise request.not_found()
        model, build, filename = WORKBOOKS[kind, document]
        # One answer for a record that does not exist and one the user may
        # not read: the address tells nothing of others' records.
        record = request.env[model].browse(record_id).exists()
        if not record or not record.has_access("read"):
            raise request.not_found()
        content = getattr(record, build)()
        return request.make_response(
            content,
            headers=[
                ("Content-Type", XLSX_TYPE),
                ("Content-Disposition", content_disposition(filename(record))),
            ],
        )
