# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The appointment as the person reads it: the printed letter and the e-mail
reminder of the day before. Both carry the date, the place, what to bring and
the agent's name, nothing about the person's situation. The reminder goes
straight to the person's address (never through the chatter, which stays
inside the team) and is logged like a print."""

from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.tools import format_date, format_time

DEFAULT_TZ = "Europe/Brussels"


class JobCoachingSession(models.Model):
    _inherit = "job_coaching.session"

    what_to_bring = fields.Text(
        help="Printed on the appointment letter and in the reminder, e.g. identity card, "
        "CV. Nothing about the person's situation.",
    )
    reminder_sent = fields.Boolean(
        readonly=True,
        copy=False,
        help="An e-mail reminder was sent to the person the day before.",
    )
    no_show_rate = fields.Float(
        string="No-show Rate (%)",
        compute="_compute_no_show_rate",
        store=True,
        aggregator="avg",
        help="100 for a missed appointment, 0 otherwise: averaged over appointments "
        "held or missed, it gives the share missed.",
    )

    @api.depends("state")
    def _compute_no_show_rate(self):
        for session in self:
            session.no_show_rate = 100.0 if session.state == "no_show" else 0.0

    # ------------------------------------------------------------------
    # What the person reads
    # ------------------------------------------------------------------

    def _letter_tz(self):
        self.ensure_one()
        return self.user_id.tz or self.env.user.tz or DEFAULT_TZ

    def _letter_values(self):
        """The neutral content of the letter and the reminder, in the person's language."""
        self.ensure_one()
        lang = self.beneficiary_id.lang or self.env.lang
        session = self.with_context(lang=lang)
        tz = self._letter_tz()
        start = pytz.utc.localize(self.start).astimezone(pytz.timezone(tz))
        stop = pytz.utc.localize(self.stop).astimezone(pytz.timezone(tz))
        locations = dict(session._fields["location"]._description_selection(session.env))
        company = self.company_id
        # sudo: the letter names the agent and the office, not personal data of the file
        agent = self.user_id.sudo()
        return {
            "lang": lang,
            "name": self.beneficiary_id.name,
            "date": format_date(session.env, start.date(), lang_code=lang, date_format="full"),
            "start": format_time(
                session.env, start.time(), tz=tz, time_format="short", lang_code=lang
            ),
            "stop": format_time(
                session.env, stop.time(), tz=tz, time_format="short", lang_code=lang
            ),
            "place": locations.get(self.location),
            "address": self.location == "pef_office"
            and company.partner_id._display_address(without_company=False),
            "what_to_bring": self.what_to_bring or "",
            "agent": agent.name,
            "company": company.name,
            "company_phone": company.phone or "",
        }

    # ------------------------------------------------------------------
    # Reminders
    # ------------------------------------------------------------------

    @api.model
    def _reminder_domain(self, day):
        """Planned sessions of ``day`` (UTC bounds widened by the local offset) of
        people who agreed to e-mail reminders and have an address."""
        start = datetime.combine(day, time.min) - timedelta(hours=14)
        stop = datetime.combine(day, time.max) + timedelta(hours=14)
        return [
            ("state", "=", "planned"),
            ("reminder_sent", "=", False),
            ("start", ">=", start),
            ("start", "<=", stop),
            ("beneficiary_id.email_reminder_consent", "=", True),
            ("beneficiary_id.email", "!=", False),
            ("beneficiary_id.active", "=", True),
        ]

    @api.model
    def _cron_send_reminders(self):
        """E-mail the people who agreed to it about their appointment of tomorrow."""
        tomorrow = fields.Date.context_today(self) + timedelta(days=1)
        sessions = self.search(self._reminder_domain(tomorrow)).filtered(
            lambda s: (
                pytz.utc.localize(s.start).astimezone(pytz.timezone(s._letter_tz())).date()
                == tomorrow
            )
        )
        sessions._send_reminders()

    def _send_reminders(self):
        if not self:
            return self.env["mail.mail"]
        QWeb = self.env["ir.qweb"]
        mail_vals = []
        for session in self:
            values = session._letter_values()
            lang_env = session.with_context(lang=values["lang"]).env
            body = QWeb.with_context(lang=values["lang"])._render(
                "job_coaching.session_reminder_email", {"letter": values}
            )
            mail_vals.append(
                {
                    # Straight to the person: no model, no record, no follower, no
                    # chatter message — the file's thread stays inside the team.
                    "email_to": session.beneficiary_id.email,
                    "email_from": session.company_id.email_formatted
                    or self.env.user.email_formatted,
                    "subject": lang_env._(
                        "Reminder: your appointment on %(date)s", date=values["date"]
                    ),
                    "body_html": body,
                    "auto_delete": True,
                }
            )
        # sudo: the scheduled action writes the queue and stamps a read-only flag
        mails = self.env["mail.mail"].sudo().create(mail_vals)
        self.sudo().write({"reminder_sent": True})
        self.env["job_coaching.access.log"].sudo().create(
            {
                "user_id": self.env.uid,
                "what": self.env._("Appointment reminder (e-mail)"),
                "model": self._name,
                "record_count": len(self),
                "record_ids": ",".join(map(str, self.ids)),
                "company_id": self.company_id[:1].id or self.env.company.id,
            }
        )
        return mails
