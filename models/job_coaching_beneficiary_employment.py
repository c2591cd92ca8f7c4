# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The employment part of a file: its art. 60 contracts, applications and
exits, as smart buttons."""

from odoo import fields, models


class JobCoachingBeneficiary(models.Model):
    _inherit = "job_coaching.beneficiary"

    art60_contract_ids = fields.One2many(
        "job_coaching.art60.contract", "beneficiary_id", string="Art. 60 Contracts"
    )
    art60_contract_count = fields.Integer(compute="_compute_employment_counts")
    application_count = fields.Integer(compute="_compute_employment_counts")
    exit_count = fields.Integer(compute="_compute_employment_counts")

    def _compute_employment_counts(self):
        counts = {}
        for model in (
            "job_coaching.art60.contract",
            "job_coaching.application",
            "job_coaching.exit",
        ):
            counts[model] = self._count_linked(model, "beneficiary_id")
        for beneficiary in self:
            beneficiary.art60_contract_count = counts["job_coaching.art60.contract"].get(
                beneficiary, 0
            )
            beneficiary.application_count = counts["job_coaching.application"].get(beneficiary, 0)
            beneficiary.exit_count = counts["job_coaching.exit"].get(beneficiary, 0)

    def _action_open_employment(self, xmlid):
        return self._action_open_linked(xmlid, "beneficiary_id")

    def action_open_art60_contracts(self):
        return self._action_open_employment("job_coaching.job_coaching_art60_contract_action")

    def action_open_applications(self):
        return self._action_open_employment("job_coaching.job_coaching_application_action")

    def action_open_exits(self):
        return self._action_open_employment("job_coaching.job_coaching_exit_action")
