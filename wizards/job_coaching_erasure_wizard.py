# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from ..models.job_coaching_erasure_log import REQUESTERS


class JobCoachingErasureWizard(models.TransientModel):
    _name = "job_coaching.erasure.wizard"
    _description = "Anonymise Beneficiaries"
    _inherit = ["job_coaching.record"]

    beneficiary_ids = fields.Many2many(
        "job_coaching.beneficiary", string="Beneficiaries", required=True
    )
    requested_by = fields.Selection(
        [(key, label) for key, label in REQUESTERS if key != "retention"],
        required=True,
        default="person",
    )
    reason = fields.Text(
        required=True,
        help="The request or decision behind the erasure. It is kept in the log of "
        "erasures: write no name or other data of the person in it.",
    )

    def action_anonymise(self):
        self.ensure_one()
        self.beneficiary_ids._anonymise(self.requested_by, self.reason)
        return {"type": "ir.actions.act_window_close"}
