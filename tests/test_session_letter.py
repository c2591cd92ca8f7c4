# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Appointment letters and e-mail reminders: what the person reads, in their
language, nothing about their situation; reminders only with consent, never
through the chatter; no-shows measurable with and without a reminder."""

import ast
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.base.models.ir_qweb import QWebException

from ..tools import make_register_number
from .common import JobCoachingCase


@tagged("post_install", "-at_install")
@freeze_time("2026-03-03 06:00:00")
class TestSessionLetter(JobCoachingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_BE")
        cls.env["res.lang"]._activate_lang("nl_BE")
        # The add-on's French and Dutch: the letter's own words are translated.
        cls.env["ir.module.module"].search([("name", "=", "job_coaching")])._update_translations(
            ["fr_BE", "nl_BE"]
        )
        cls.agent.tz = "Europe/Brussels"
        cls.agent_2.tz = "Europe/Brussels"
        cls.company.write({"phone": "+32 2 422 31 11", "email": "pef@cpas.example"})
        cls.Session = cls.env["job_coaching.session"]
        cls.AccessLog = cls.env["job_coaching.access.log"]
        cls.person = cls._create_beneficiary(
            first_name="Nadia",
            last_name="Secret",
            email="nadia@example.com",
            lang="fr_BE",
            niss=make_register_number(date(1995, 4, 12), 117),
            cpas_status="ris",
            note="<p>Debt mediation ongoing</p>",
        )
        cls._consent(cls.person)

    @classmethod
    def _consent(cls, person, purpose="email_reminders"):
        return cls.env["job_coaching.consent"].create(
            {"beneficiary_id": person.id, "purpose": purpose, "date_given": "2026-01-05"}
        )

    def _session(self, person=None, start="2026-03-04 09:00:00", stop=None, **vals):
        # 09:00 UTC is 10:00 in Brussels in March.
        stop = stop or start.replace(start[11:13], f"{int(start[11:13]) + 1:02d}", 1)
        return self.Session.with_user(self.agent).create(
            {
                "beneficiary_id": (person or self.person).id,
                "user_id": self.agent.id,
                "start": start,
                "stop": stop,
                "location": "pef_office",
                "what_to_bring": "Carte d'identité, CV",
                "summary": "<p>Talked about the debt mediation</p>",
                **vals,
            }
        )

    # ------------------------------------------------------------------
    # The letter
    # ------------------------------------------------------------------

    def _render(self, sessions, user=None):
        Report = self.env["ir.actions.report"].with_user(user or self.agent)
        html, __ = Report._render_qweb_html(
            "job_coaching.action_report_session_letter", sessions.ids
        )
        return html.decode()

    # The words of the letter's template, by letter language.
    WORDS = {
        "fr_BE": ("Rendez-vous", "Bien cordialement", "mercredi 4 mars 2026"),
        "nl_BE": ("Afspraak", "Met vriendelijke groeten", "woensdag 4 maart 2026"),
    }
    ENGLISH = ("Appointment</h2>", "Kind regards", "Wednesday")

    def test_letter_in_french(self):
        session = self._session()
        html = self._render(session)
        # Wednesday 4 March 2026, 10:00 in Brussels, in French: the template's
        # words too, whatever the agent's own language.
        for text in self.WORDS["fr_BE"]:
            self.assertIn(text, html)
        for text in self.ENGLISH:
            self.assertNotIn(text, html)
        self.assertIn("10:00", html)
        self.assertIn("Carte d&#39;identité, CV", html)
        self.assertIn("Agent A", html)
        self.assertIn("Nadia Secret", html)
        # Nothing about the person's situation.
        for secret in ("debt", "Debt", "RIS", "Integration income", "95.04.12"):
            self.assertNotIn(secret, html)

    def test_letter_in_dutch(self):
        self.person.lang = "nl_BE"
        html = self._render(self._session())
        for text in self.WORDS["nl_BE"]:
            self.assertIn(text, html)
        for text in (*self.ENGLISH, *self.WORDS["fr_BE"]):
            self.assertNotIn(text, html)

    def test_letter_language_defaults_from_the_company(self):
        self.company.partner_id.lang = "nl_BE"
        person = self._create_beneficiary(first_name="Jan", last_name="Nieuw")
        self.assertEqual(person.lang, "nl_BE")

    def test_print_is_logged(self):
        session = self._session()
        self._render(session)
        log = self.AccessLog.search([("model", "=", "job_coaching.session")])
        self.assertEqual(log.user_id, self.agent)
        self.assertEqual(log.record_ids, str(session.id))

    def test_agent_cannot_print_a_colleague_letter(self):
        person = self._create_beneficiary(first_name="Other", last_name="File", user=self.agent_2)
        session = self.Session.create(
            {
                "beneficiary_id": person.id,
                "user_id": self.agent_2.id,
                "start": "2026-03-04 09:00:00",
                "stop": "2026-03-04 10:00:00",
            }
        )
        # A request of its own: nothing read by the test is in the cache.
        self.env.invalidate_all()
        # QWeb wraps the refusal to read the session.
        with self.assertRaises(QWebException) as caught:
            self._render(session, user=self.agent)
        self.assertIsInstance(caught.exception.__cause__, AccessError)

    # ------------------------------------------------------------------
    # The reminder
    # ------------------------------------------------------------------

    def _run_cron(self):
        before = self.env["mail.mail"].search([])
        self.env.ref("job_coaching.ir_cron_session_reminder").method_direct_trigger()
        return self.env["mail.mail"].search([]) - before

    def test_reminder_only_with_consent_and_only_tomorrow(self):
        reminded = self._session()
        # Without consent, with a withdrawn consent, without address, the day after.
        no_consent = self._create_beneficiary(
            first_name="No", last_name="Consent", email="no@example.com"
        )
        withdrawn = self._create_beneficiary(
            first_name="Withdrew", last_name="Consent", email="withdrew@example.com"
        )
        self._consent(withdrawn).action_withdraw()
        no_address = self._create_beneficiary(first_name="No", last_name="Address")
        self._consent(no_address)
        others = (
            self._session(no_consent, start="2026-03-04 11:00:00")
            | self._session(withdrawn, start="2026-03-04 13:00:00")
            | self._session(no_address, start="2026-03-04 14:00:00")
            | self._session(start="2026-03-05 09:00:00")
        )
        sessions_messages = reminded.message_ids | self.person.message_ids

        mails = self._run_cron()

        self.assertEqual(len(mails), 1)
        self.assertEqual(mails.email_to, "nadia@example.com")
        # Straight to the person, not through a thread.
        self.assertFalse(mails.model)
        self.assertFalse(mails.res_id)
        self.assertFalse(mails.recipient_ids)
        self.assertEqual(reminded.message_ids | self.person.message_ids, sessions_messages)
        # Same neutral content as the letter, in French, the e-mail's own words too.
        for text in (
            "Nous vous rappelons votre rendez-vous de demain.",
            *self.WORDS["fr_BE"][1:],
        ):
            self.assertIn(text, mails.body_html)
        self.assertNotIn("reminder of your appointment", mails.body_html)
        self.assertIn("Agent A", mails.body_html)
        self.assertNotIn("debt", mails.body_html.lower())
        self.assertTrue(reminded.reminder_sent)
        self.assertFalse(any(others.mapped("reminder_sent")))
        # Logged like a print.
        log = self.AccessLog.search([("model", "=", "job_coaching.session")])
        self.assertEqual(log.record_ids, str(reminded.id))
        # Once.
        self.assertFalse(self._run_cron())

    def test_the_reminder_is_inactive_until_enabled(self):
        cron = self.env.ref("job_coaching.ir_cron_session_reminder")
        self.assertEqual(
            (cron.active, cron.interval_number, cron.interval_type, cron.model_id.model),
            (False, 1, "days", "job_coaching.session"),
        )

    def test_cancelled_session_gets_no_reminder(self):
        session = self._session()
        session.action_cancel()
        self.assertFalse(self._run_cron())

    def test_agent_cannot_mark_a_reminder_sent(self):
        session = self._session()
        with self.assertRaises(AccessError):
            session.with_user(self.agent).write({"reminder_sent": True})
        self.assertFalse(session.reminder_sent)

    # ------------------------------------------------------------------
    # Measuring no-shows
    # ------------------------------------------------------------------

    def test_no_show_rate_with_and_without_reminder(self):
        # Reminded: 1 missed of 4. Not reminded: 2 missed of 4. Cancelled: not counted.
        states = {
            True: ["no_show", "done", "done", "done"],
            False: ["no_show", "no_show", "done", "done", "cancelled"],
        }
        day = 10
        for reminder, session_states in states.items():
            for state in session_states:
                session = self._session(start=f"2026-02-{day:02d} 09:00:00")
                day += 1
                session.sudo().write({"reminder_sent": reminder, "state": state})
        action = self.env.ref("job_coaching.job_coaching_session_reminder_analysis_action")
        groups = self.Session.with_user(self.coordinator)._read_group(
            # The action's domain, on this test's sessions only.
            [*ast.literal_eval(action.domain), ("beneficiary_id", "=", self.person.id)],
            ["reminder_sent"],
            ["no_show_rate:avg", "__count"],
        )
        self.assertEqual(
            {reminder: (round(rate, 2), count) for reminder, rate, count in groups},
            {True: (25.0, 4), False: (50.0, 4)},
        )
