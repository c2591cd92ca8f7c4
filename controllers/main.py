# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import http
from odoo.http import content_disposition, request

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class JobCoachingWorkbookController(http.Controller):
    """The add-on's workbooks, each built by its record as the logged-in user:
    the access rights and record rules decide who gets which."""

    def _workbook(self, model, record_id, build, filename):
        record = request.env[model].browse(record_id).exists()
        if not record:
            raise request.not_found()
        record.check_access("read")
        content = getattr(record, build)()
        return request.make_response(
            content,
            headers=[
                ("Content-Type", XLSX_TYPE),
                ("Content-Disposition", content_disposition(filename(record))),
            ],
        )

    @http.route(
        "/job_coaching/subsidy/<int:subsidy_id>/justification.xlsx", type="http", auth="user"
    )
    def subsidy_justification_xlsx(self, subsidy_id):
        return self._workbook(
            "job_coaching.subsidy",
            subsidy_id,
            "_get_justification_xlsx",
            lambda subsidy: f"{subsidy.reference or subsidy.name} - justification.xlsx",
        )

    @http.route(
        "/job_coaching/activity_report/<int:wizard_id>/statistics.xlsx", type="http", auth="user"
    )
    def activity_report_xlsx(self, wizard_id):
        return self._workbook(
            "job_coaching.activity.report.wizard",
            wizard_id,
            "_get_xlsx",
            lambda wizard: f"activity-{wizard.date_from}-{wizard.date_to}.xlsx",
        )

    @http.route(
        "/job_coaching/beneficiary/<int:beneficiary_id>/access_request.xlsx",
        type="http",
        auth="user",
    )
    def beneficiary_access_request_xlsx(self, beneficiary_id):
        return self._workbook(
            "job_coaching.beneficiary",
            beneficiary_id,
            "_get_access_request_xlsx",
            lambda person: f"access-request-{person.id}.xlsx",
        )
