# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

PURPOSES = [
    ("accompaniment", "Accompaniment"),
    ("employers", "Sharing with employers"),
    ("partners", "Sharing with partner organisations"),
    ("statistics", "Statistics for the funder"),
    ("email_reminders", "Appointment reminders by e-mail"),
]


class JobCoachingConsent(models.Model):
    """What the person agreed to, when, recorded by whom; and its withdrawal."""

    _name = "job_coaching.consent"
    _description = "Consent of a Beneficiary"
    _inherit = "job_coaching.file.entry"
    _order = "date_given desc, id desc"

    purpose = fields.Selection(PURPOSES, required=True)
    date_given = fields.Date(string="Given On", required=True, default=fields.Date.context_today)
    given_by_id = fields.Many2one(
        "res.users", string="Recorded By", required=True, default=lambda self: self.env.user
    )
    date_withdrawn = fields.Date(string="Withdrawn On", readonly=True, copy=False)
    withdrawn_by_id = fields.Many2one(
        "res.users", string="Withdrawal Recorded By", readonly=True, copy=False
    )
    active_consent = fields.Boolean(
        string="In Force", compute="_compute_active_consent", store=True
    )

    @api.depends("date_withdrawn")
    def _compute_active_consent(self):
        for consent in self:
            consent.active_consent = not consent.date_withdrawn

    @api.constrains("beneficiary_id", "purpose", "date_withdrawn", "date_given")
    def _check_one_in_force(self):
        in_force = self.search(
            [
                ("beneficiary_id", "in", self.beneficiary_id.ids),
                ("date_withdrawn", "=", False),
            ]
        )
        for consent in self:
            if consent.date_withdrawn and consent.date_withdrawn < consent.date_given:
                raise ValidationError(_("A consent is withdrawn after it was given."))
            twins = in_force.filtered(
                lambda other, c=consent: (
                    other.beneficiary_id == c.beneficiary_id and other.purpose == c.purpose
                )
            )
            if len(twins) > 1:
                raise ValidationError(
                    _(
                        "%(person)s already gave this consent: withdraw it before "
                        "recording a new one.",
                        person=consent.beneficiary_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        consents = super().create(vals_list)
        consents._post_on_file()
        return consents

    def action_withdraw(self):
        in_force = self.filtered("active_consent")
        in_force.check_access("write")
        # sudo: who withdrew and when is stamped by the application, never typed
        in_force.sudo().write(
            {"date_withdrawn": fields.Date.context_today(self), "withdrawn_by_id": self.env.uid}
        )
        in_force._post_on_file()

    def _post_on_file(self):
        """Leave the change in the file's chatter: consent is what an auditor asks about."""
        labels = dict(self._fields["purpose"]._description_selection(self.env))
        for consent in self:
            if consent.date_withdrawn:
                body = _(
                    "Consent withdrawn: %(purpose)s (%(date)s, recorded by %(user)s).",
                    purpose=labels[consent.purpose],
                    date=consent.date_withdrawn,
                    user=consent.withdrawn_by_id.name,
                )
            else:
                body = _(
                    "Consent given: %(purpose)s (%(date)s, recorded by %(user)s).",
                    purpose=labels[consent.purpose],
                    date=consent.date_given,
                    user=consent.given_by_id.name,
                )
            consent.beneficiary_id.message_post(body=body, subtype_xmlid="mail.mt_note")
