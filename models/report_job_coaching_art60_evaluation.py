# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class ReportJobCoachingArt60Evaluation(models.AbstractModel):
    """The art. 60 evaluation form, refused up front to who may not read it."""

    _name = "report.job_coaching.report_art60_evaluation"
    _description = "Article 60 Evaluation Form Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["job_coaching.art60.evaluation"].browse(docids)
        docs.check_access("read")
        return {"doc_ids": docs.ids, "doc_model": docs._name, "docs": docs}
