# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import http
from odoo.http import content_disposition, request


class JobCoachingAccessRequestController(http.Controller):
    @http.route(
        "/job_coaching/beneficiary/<int:beneficiary_id>/access_request.xlsx",
        type="http",
        auth="user",
    )
    def beneficiary_access_request_xlsx(self, beneficiary_id):
        person = request.env["job_coaching.beneficiary"].browse(beneficiary_id).exists()
        if not person:
            raise request.not_found()
        person.check_access("read")
        content = person._get_access_request_xlsx()
        return request.make_response(
            content,
            headers=[
                (
                    "Content-Type",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ),
                ("Content-Disposition", content_disposition(f"access-request-{person.id}.xlsx")),
            ],
        )
