# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _render_qweb_html(self, report_ref, docids, data=None):
        # PDF reports are rendered through here too: one trace per print.
        report = self._get_report(report_ref)
        if docids and self.env["job_coaching.beneficiary"]._is_personal_model(report.model):
            records = self.env[report.model].browse(docids)
            self.env["job_coaching.access.log"]._log(report.name, records)
        return super()._render_qweb_html(report_ref, docids, data=data)
