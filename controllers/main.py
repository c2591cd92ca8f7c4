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
