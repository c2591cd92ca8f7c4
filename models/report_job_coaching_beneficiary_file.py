# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import api, models


class ReportJobCoachingBeneficiaryFile(models.AbstractModel):
    """The beneficiary file: what the printing user may read of each person,
    read as that user (record rules decide, e.g. which social notes)."""

    _name = "report.job_coaching.report_beneficiary_file"
    _description = "Beneficiary File Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["job_coaching.beneficiary"].browse(docids)
        docs.check_access("read")
        exits = defaultdict(lambda: self.env["job_coaching.exit"])
        for exit_ in self.env["job_coaching.exit"].search([("beneficiary_id", "in", docs.ids)]):
            exits[exit_.beneficiary_id.id] |= exit_
        notes = defaultdict(lambda: self.env["job_coaching.social.note"])
        Note = self.env["job_coaching.social.note"]
        if Note.has_access("read"):
            for note in Note.search([("beneficiary_id", "in", docs.ids)]):
                notes[note.beneficiary_id.id] |= note
        return {
            "doc_ids": docs.ids,
            "doc_model": "job_coaching.beneficiary",
            "docs": docs,
            "exits": exits,
            "notes": notes,
        }
