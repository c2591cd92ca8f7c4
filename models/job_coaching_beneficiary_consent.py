# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Consent by purpose on a file; withdrawing the sharing with employers takes
the person out of the candidates proposed for vacancies."""

from odoo import api, fields, models


class JobCoachingBeneficiary(models.Model):
    _inherit = "job_coaching.beneficiary"

    consent_ids = fields.One2many("job_coaching.consent", "beneficiary_id", string="Consents")
    employer_sharing_refused = fields.Boolean(
        string="Refuses Sharing with Employers",
        compute="_compute_employer_sharing_refused",
        store=True,
        index=True,
    )

    @api.depends("consent_ids.purpose", "consent_ids.date_withdrawn")
    def _compute_employer_sharing_refused(self):
        for person in self:
            employers = person.consent_ids.filtered(lambda c: c.purpose == "employers")
            person.employer_sharing_refused = bool(employers) and not any(
                not consent.date_withdrawn for consent in employers
            )
