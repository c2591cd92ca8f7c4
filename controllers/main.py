# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import http
from odoo.http import content_disposition, request


class JobCoachingSubsidyController(http.Controller):
    @http.route(
        "/job_coaching/subsidy/<int:subsidy_id>/justification.xlsx", type="http", auth="user"
    )
    def subsidy_justification_xlsx(self, subsidy_id):
        subsidy = request.env["job_coaching.subsidy"].browse(subsidy_id).exists()
        if not subsidy:
            raise request.not_found()
        subsidy.check_access("read")
        content = subsidy._get_justification_xlsx()
        filename = f"{subsidy.reference or subsidy.name} - justification.xlsx"
        return request.make_response(
            content,
            headers=[
                (
                    "Content-Type",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )


class JobCoachingActivityReportController(http.Controller):
    @http.route(
        "/job_coaching/activity_report/<int:wizard_id>/statistics.xlsx", type="http", auth="user"
    )
    def activity_report_xlsx(self, wizard_id):
        wizard = request.env["job_coaching.activity.report.wizard"].browse(wizard_id).exists()
        if not wizard:
            raise request.not_found()
        wizard.check_access("read")
        content = wizard._get_xlsx()
        filename = f"activity-{wizard.date_from}-{wizard.date_to}.xlsx"
        return request.make_response(
            content,
            headers=[
                (
                    "Content-Type",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )
