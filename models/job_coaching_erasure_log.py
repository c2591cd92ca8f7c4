# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

REQUESTERS = [
    ("person", "The person"),
    ("dpo", "Data protection officer"),
    ("coordinator", "Coordinator"),
    ("retention", "Retention period"),
    ("other", "Other"),
]


class JobCoachingErasureLog(models.Model):
    """The trace of an erasure: who asked, who did it, why. It holds no
    personal data, only the number of the file that was anonymised."""

    _name = "job_coaching.erasure.log"
    _description = "Erasure of a Beneficiary's Personal Data"
    _inherit = ["job_coaching.input.guard"]
    _order = "date desc, id desc"

    date = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True)
    requested_by = fields.Selection(REQUESTERS, required=True, readonly=True)
    executed_by_id = fields.Many2one("res.users", required=True, readonly=True, ondelete="restrict")
    reason = fields.Text(required=True, readonly=True)
    beneficiary_ref = fields.Integer(
        string="File Number",
        readonly=True,
        aggregator=False,
        help="The database number of the anonymised file (no name: it was erased).",
    )
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, default=lambda self: self.env.company
    )
