# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What the person reads from the project: the language of their letters and
whether they agreed to be reminded of their appointments by e-mail."""

from odoo import api, fields, models


class JobCoachingBeneficiary(models.Model):
    _inherit = "job_coaching.beneficiary"

    lang = fields.Selection(
        selection="_get_lang_selection",
        string="Letter Language",
        default=lambda self: self._default_lang(),
        help="The language of the appointment letters and reminders the person receives.",
    )
    email_reminder_consent = fields.Boolean(
        string="E-mail Reminders",
        compute="_compute_email_reminder_consent",
        store=True,
        help="The person agreed to be reminded of their appointments by e-mail "
        "(a consent in force for that purpose).",
    )

    @api.model
    def _get_lang_selection(self):
        return self.env["res.lang"].get_installed()

    @api.model
    def _default_lang(self):
        lang = self.env.company.partner_id.lang or self.env.lang
        installed = dict(self._get_lang_selection())
        return lang if lang in installed else False

    @api.depends("consent_ids.purpose", "consent_ids.date_withdrawn")
    def _compute_email_reminder_consent(self):
        for person in self:
            person.email_reminder_consent = any(
                consent.purpose == "email_reminders" and not consent.date_withdrawn
                for consent in person.consent_ids
            )
