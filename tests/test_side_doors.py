# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from odoo.addons.job_coaching.tools import make_register_number

from .common import JobCoachingCase

SECRET = "Debt mediation in progress"
SUMMARY = "Talked about the family situation"


@tagged("post_install", "-at_install")
class TestSideDoors(JobCoachingCase):
    """The register number and the social notes leave the file through no
    side door: chatter tracking, activities, calendar, templates, exports,
    followers or suggested recipients."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.niss = make_register_number(date(1995, 4, 12), 123)
        cls.person = cls._create_beneficiary(niss=cls.niss, email="nadia@example.com")
        export = cls.env.ref("base.group_allow_export")
        (cls.agent | cls.coordinator).groups_id = [(4, export.id)]

    def _session(self):
        return (
            self.env["job_coaching.session"]
            .with_user(self.agent)
            .with_context(tracking_disable=False)
            .create(
                {
                    "beneficiary_id": self.person.id,
                    "start": "2026-06-16 09:00:00",
                    "stop": "2026-06-16 10:00:00",
                    "summary": f"<p>{SUMMARY}</p>",
                }
            )
        )

    def _leaks(self, text):
        """Where ``text`` shows outside its own field: messages, tracking
        values, activities, calendar events."""
        self.env.flush_all()
        self.env.cr.precommit.run()  # tracking values are written at commit
        found = {}
        for model, names in (
            ("mail.message", ["body", "subject"]),
            ("mail.tracking.value", ["old_value_char", "new_value_char"]),
            ("mail.tracking.value", ["old_value_text", "new_value_text"]),
            ("mail.activity", ["summary", "note"]),
            ("calendar.event", ["name", "description", "location"]),
        ):
            domain = ["|"] * (len(names) - 1) + [(name, "ilike", text) for name in names]
            # sudo: look everywhere, whoever may read it
            Model = self.env[model].sudo().with_context(active_test=False)
            count = Model.search_count(domain)
            if count:
                found[model] = count
        return found

    def test_register_number_never_tracked(self):
        # A file created with tracking on, in this transaction: records created
        # with tracking disabled have their tracking discarded until commit.
        person = self.Beneficiary.with_context(tracking_disable=False).create(
            self._beneficiary_vals(
                first_name="Tracked",
                niss=make_register_number(date(1995, 4, 12), 789),
                user_id=self.agent.id,
            )
        )
        self.env.flush_all()
        self.env.cr.precommit.run()
        other = make_register_number(date(1995, 4, 12), 456)
        person = person.with_user(self.coordinator).with_context(tracking_disable=False)
        person.write({"niss": other, "first_name": "Renamed", "phone": "0470 12 34 56"})
        person.message_post(body="Address checked.", message_type="comment")
        digits = other.replace(".", "").replace("-", "")
        self.assertFalse(self._leaks(other[:8]))
        self.assertFalse(self._leaks(digits[:6]))
        tracked = self.env["mail.tracking.value"].search(
            [
                ("mail_message_id.model", "=", self.Beneficiary._name),
                ("mail_message_id.res_id", "=", person.id),
            ]
        )
        # The same write is tracked (the name): the check looks at real tracking.
        self.assertIn("first_name", tracked.field_id.mapped("name"))
        self.assertNotIn("niss", tracked.field_id.mapped("name"))

    def test_social_note_and_summary_stay_in_their_records(self):
        session = self._session()
        with Form(session) as form, form.social_note_ids.new() as line:
            line.body = f"<p>{SECRET}</p>"
        session.write({"summary": f"<p>{SUMMARY}, again</p>"})
        session.activity_schedule(
            "mail.mail_activity_data_todo", user_id=self.agent.id, summary="Call back"
        )
        self.assertFalse(self._leaks(SECRET))
        self.assertFalse(self._leaks(SUMMARY))
        self.assertIn(SECRET, session.social_note_ids.body)

    def test_calendar_event_is_neutral(self):
        session = self._session()
        event = session.event_id.sudo()
        self.assertEqual(event.name, "Job coaching appointment")
        for text in (self.person.first_name, self.person.last_name, self.niss, SUMMARY):
            self.assertNotIn(text, event.name or "")
            self.assertNotIn(text, str(event.description or ""))
        self.assertEqual(event.privacy, "private")
        self.assertEqual(event.partner_ids, self.agent.partner_id)

    def test_export_of_the_register_number_is_for_coordinators(self):
        as_agent = self.person.with_user(self.agent)
        with self.assertRefused(UserError, "Only a coordinator"):
            as_agent.export_data(["name", "niss"])
        session = self._session()
        with self.assertRefused(UserError, "Only a coordinator"):
            session.with_user(self.agent).export_data(["name", "beneficiary_id/niss"])
        rows = as_agent.export_data(["name", "niss_masked"])["datas"]
        self.assertEqual(rows, [[self.person.name, f"{self.niss[:9]}***.**"]])
        rows = self.person.with_user(self.coordinator).export_data(["niss"])["datas"]
        self.assertEqual(rows, [[self.niss]])

    def test_chatter_stays_internal(self):
        outsider = self.env["res.partner"].create({"name": "Nadia", "email": "nadia@example.com"})
        person = self.person.with_user(self.coordinator)
        with self.assertRefused(UserError, "stays inside the team"):
            person.message_subscribe(partner_ids=outsider.ids)
        with self.assertRefused(UserError, "stays inside the team"):
            person.message_post(body="Hello", partner_ids=outsider.ids, message_type="comment")
        self.assertNotIn(outsider, self.person.message_partner_ids)
        self.assertFalse(self.env["mail.message"].search([("partner_ids", "in", outsider.ids)]))
        # A colleague may follow the file; nobody is suggested as a recipient.
        person.message_subscribe(partner_ids=self.agent_2.partner_id.ids)
        self.assertIn(self.agent_2.partner_id, self.person.message_partner_ids)
        self.assertEqual(person._message_get_suggested_recipients(), [])
