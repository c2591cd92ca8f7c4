# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class JobCoachingFileEntry(models.AbstractModel):
    """A record written on one person's file: a session, a plan, a consent,
    a residence period, an application, a contract, an exit.

    It carries the link to the file, the file's agent and the file's company,
    and goes through the file-record layer (who may write on which file) and
    the input checks. A model whose company comes from elsewhere (a vacancy,
    a workshop, office hours) redefines ``company_id`` and asks for the
    company check on the file; a model with a chatter tracks the link.
    """

    _name = "job_coaching.file.entry"
    _description = "Entry of a Beneficiary's File"
    _inherit = ["job_coaching.file.record", "job_coaching.input.guard"]
    _check_company_auto = True

    beneficiary_id = fields.Many2one(
        "job_coaching.beneficiary",
        required=True,
        ondelete="restrict",
        index=True,
    )
    user_id = fields.Many2one(related="beneficiary_id.user_id", string="Agent")
    company_id = fields.Many2one(
        related="beneficiary_id.company_id", store=True, index=True, precompute=True
    )
