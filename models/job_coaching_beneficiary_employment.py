# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models

EMPLOYMENT_MODELS = (
    "job_coaching.application",
    "job_coaching.art60.contract",
    "job_coaching.exit",
)


class JobCoachingBeneficiary(models.Model):
    """The employment history of a file: it is archived, never deleted."""

    _inherit = "job_coaching.beneficiary"

    def _with_history(self):
        busy = super()._with_history()
        for model in EMPLOYMENT_MODELS:
            # sudo: another agent's application counts as history too
            linked = (
                self.env[model]
                .sudo()
                ._read_group([("beneficiary_id", "in", (self - busy).ids)], ["beneficiary_id"])
            )
            busy |= self.browse(beneficiary.id for (beneficiary,) in linked)
        return busy
