# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import psycopg2
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import JobCoachingCase


@tagged("post_install", "-at_install")
@freeze_time("2026-06-15 08:00:00")
class TestSession(JobCoachingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Session = cls.env["job_coaching.session"]
        cls.person = cls._create_beneficiary()

    def _session(self, user=None, **vals):
        Session = self.Session.with_user(user or self.agent)
        return Session.create(
            {
                "beneficiary_id": self.person.id,
                "user_id": self.agent.id,
                "start": "2026-06-16 09:00:00",
                "stop": "2026-06-16 10:00:00",
                **vals,
            }
        )

    def test_planned_session_appears_in_the_agent_calendar(self):
        session = self._session(kind="intake", location="office_hours")
        event = session.event_id
        self.assertTrue(event)
        self.assertEqual(event.name, "Job coaching appointment")
        self.assertNotIn(self.person.last_name, event.name)
        self.assertEqual(event.privacy, "private")
        self.assertEqual(event.user_id, self.agent)
        self.assertEqual(event.partner_ids, self.agent.partner_id)
        self.assertEqual(
            (str(event.start), str(event.stop)), (str(session.start), str(session.stop))
        )
        self.assertEqual(session.duration, 1.0)

    def test_sessions_created_together_get_their_own_event(self):
        sessions = self.Session.with_user(self.coordinator).create(
            [
                {
                    "beneficiary_id": self.person.id,
                    "user_id": user.id,
                    "start": "2026-06-16 09:00:00",
                    "stop": "2026-06-16 10:00:00",
                }
                for user in (self.agent, self.agent_2)
            ]
        )
        self.assertEqual(len(sessions.event_id), 2)
        self.assertEqual(sessions.event_id.user_id, self.agent | self.agent_2)
        for session in sessions:
            self.assertEqual(session.event_id.user_id, session.user_id)

    def test_calendar_follows_reschedule_agent_change_and_cancel(self):
        session = self._session()
        event = session.event_id
        session.write({"start": "2026-06-17 13:00:00", "stop": "2026-06-17 14:30:00"})
        self.assertEqual(session.event_id, event)
        self.assertEqual(str(event.start), "2026-06-17 13:00:00")
        self.assertEqual(str(event.stop), "2026-06-17 14:30:00")
        self.assertEqual(session.duration, 1.5)
        session.user_id = self.agent_2
        self.assertEqual(event.user_id, self.agent_2)
        # Read as each user would, in their own request.
        self.env.invalidate_all()
        self.assertEqual(event.with_user(self.agent_2).partner_ids, self.agent_2.partner_id)
        # Other calendar readers see a busy slot, not even the neutral title.
        self.env.invalidate_all()
        self.assertEqual(event.with_user(self.internal).name, "Busy")
        self.assertFalse(event.with_user(self.internal).partner_ids)
        session.with_user(self.agent).write({"state": "cancelled", "cancelled_by": "beneficiary"})
        self.assertFalse(session.event_id)
        self.assertFalse(event.exists())
        self.assertEqual(session.cancelled_by, "beneficiary")

    def test_no_show_frees_the_slot_and_done_keeps_it(self):
        missed = self._session()
        missed_event = missed.event_id
        missed.action_no_show()
        self.assertFalse(missed_event.exists())
        held = self._session(start="2026-06-16 11:00:00", stop="2026-06-16 12:00:00")
        held_event = held.event_id
        held.action_done()
        self.assertEqual(held.event_id, held_event)
        self.assertTrue(held_event.exists())
        held.action_reset()
        self.assertEqual(held.state, "planned")

    def test_form_plans_a_session_and_keeps_its_duration(self):
        form = Form(self.Session.with_user(self.agent))
        form.beneficiary_id = self.person
        form.start = "2026-06-18 09:00:00"
        form.stop = "2026-06-18 10:30:00"
        session = form.save()
        self.assertEqual(session.user_id, self.agent)
        with Form(session) as edit:
            edit.start = "2026-06-19 14:00:00"
        self.assertEqual(str(session.stop), "2026-06-19 15:30:00")
        self.assertEqual(str(session.event_id.start), "2026-06-19 14:00:00")

    def test_end_before_start_refused(self):
        count = self.Session.search_count([])
        with self.assertRefused(ValidationError, "ends before it starts"):
            self._session(start="2026-06-16 10:00:00", stop="2026-06-16 09:00:00")
        self.assertEqual(self.Session.search_count([]), count)
        self.assertFalse(self.env["calendar.event"].search([("start", "=", "2026-06-16 10:00:00")]))

    def test_agent_booked_twice_refused(self):
        self._session()
        other = self._create_beneficiary(first_name="Other", birth_date="1990-01-01")
        with self.assertRefused(ValidationError, "already has a session"):
            self._session(
                beneficiary_id=other.id, start="2026-06-16 09:30:00", stop="2026-06-16 10:30:00"
            )
        # Back to back is fine, and so is another agent at the same time.
        self._session(
            beneficiary_id=other.id, start="2026-06-16 10:00:00", stop="2026-06-16 11:00:00"
        )
        self._session(user=self.coordinator, beneficiary_id=other.id, user_id=self.agent_2.id)
        # A cancelled session frees the slot.
        cancelled = self._session(start="2026-06-16 14:00:00", stop="2026-06-16 15:00:00")
        cancelled.action_cancel()
        self._session(start="2026-06-16 14:00:00", stop="2026-06-16 15:00:00")
        self.assertEqual(self.Session.search_count([("user_id", "=", self.agent.id)]), 4)

    def test_rescheduling_onto_a_busy_slot_refused(self):
        self._session()
        second = self._session(start="2026-06-16 11:00:00", stop="2026-06-16 12:00:00")
        with self.assertRefused(ValidationError, "already has a session"):
            second.write({"start": "2026-06-16 09:00:00", "stop": "2026-06-16 10:00:00"})
        self.assertEqual(str(second.start), "2026-06-16 11:00:00")
        self.assertEqual(str(second.event_id.start), "2026-06-16 11:00:00")

    def test_session_for_archived_beneficiary_refused(self):
        archived = self._create_beneficiary(first_name="Gone", birth_date="1991-02-02")
        archived.active = False
        with self.assertRefused(ValidationError, "archived"):
            self._session(beneficiary_id=archived.id)
        self.assertFalse(self.Session.search([("beneficiary_id", "=", archived.id)]))

    def test_intake_done_moves_to_assessment(self):
        self.assertEqual(self.person.stage_id, self.stage_intake)
        session = self._session(kind="intake")
        self.assertEqual(self.person.stage_id, self.stage_intake)
        session.with_user(self.agent).action_done()
        self.assertEqual(self.person.stage_id.pathway_step, "assessment")
        # A follow-up done does not move the file, and the agent can still move it back.
        self.person.stage_id = self.stage_intake
        self._session(start="2026-06-16 11:00:00", stop="2026-06-16 12:00:00").action_done()
        self.assertEqual(self.person.stage_id, self.stage_intake)

    def test_stage_change_is_tracked(self):
        # Odoo does not track records created in the same transaction: end it first.
        self.env.flush_all()
        self.cr.flush()
        person = self.person.with_context(tracking_disable=False)
        session = self._session(kind="intake").with_context(tracking_disable=False)
        session.action_done()
        self.assertEqual(person.stage_id.pathway_step, "assessment")
        self.env.flush_all()
        self.cr.flush()
        tracked = self.env["mail.tracking.value"].search(
            [
                ("mail_message_id.model", "=", "job_coaching.beneficiary"),
                ("mail_message_id.res_id", "=", person.id),
                ("field_id.name", "=", "stage_id"),
            ]
        )
        self.assertEqual(tracked.new_value_char, person.stage_id.name)

    def test_appointment_request(self):
        self.assertFalse(self._session().is_appointment_request)
        asked = self._session(
            requested_by="beneficiary", start="2026-06-16 11:00:00", stop="2026-06-16 12:00:00"
        )
        self.assertTrue(asked.is_appointment_request)
        asked.requested_by = "partner"
        self.assertTrue(asked.is_appointment_request)

    def test_smart_button_count_last_and_next(self):
        held = self._session(start="2026-06-10 09:00:00", stop="2026-06-10 10:00:00")
        held.action_done()
        self._session()
        self._session(start="2026-06-20 09:00:00", stop="2026-06-20 10:00:00")
        person = self.person.with_user(self.agent)
        self.assertEqual(person.session_count, 3)
        self.assertEqual(str(person.last_session_date), "2026-06-10 09:00:00")
        self.assertEqual(str(person.next_session_date), "2026-06-16 09:00:00")
        action = person.action_open_sessions()
        self.assertEqual(self.Session.search(action["domain"]).beneficiary_id, self.person)

    def test_session_stats_batched(self):
        people = self.Beneficiary
        for index in range(5):
            person = self._create_beneficiary(first_name=f"Batch{index}")
            self._session(
                beneficiary_id=person.id,
                start=f"2026-06-2{index} 09:00:00",
                stop=f"2026-06-2{index} 10:00:00",
            )
            people |= person
        people.invalidate_recordset(["session_count"])
        with self.assertQueryCount(3):
            self.assertEqual(people.mapped("session_count"), [1] * 5)
            people.mapped("next_session_date")
            people.mapped("last_session_date")

    @mute_logger("odoo.models")
    def test_other_agent_and_finance_cannot_read(self):
        session = self._session()
        with self.assertRaises(AccessError):
            session.with_user(self.agent_2).read(["summary"])
        with self.assertRaises(AccessError):
            session.with_user(self.finance).read(["summary"])
        with self.assertRaises(AccessError):
            self.Session.with_user(self.agent_2).create(
                {
                    "beneficiary_id": self.person.id,
                    "user_id": self.agent_2.id,
                    "start": "2026-06-22 09:00:00",
                    "stop": "2026-06-22 10:00:00",
                }
            )
        self.env.invalidate_all()
        self.assertEqual(session.with_user(self.coordinator).beneficiary_id, self.person)
        self.person.shared_user_ids = self.agent_2
        session.summary = "<p>Shared</p>"
        self.assertEqual(
            session.with_user(self.agent_2).read(["summary"]),
            [{"id": session.id, "summary": "<p>Shared</p>"}],
        )

    @mute_logger("odoo.sql_db")
    def test_beneficiary_with_sessions_cannot_be_deleted(self):
        session = self._session()
        with self.assertRefused(UserError, "archive them instead"):
            self.person.unlink()
        self.assertTrue(self.person.exists())
        # The database refuses too, whoever bypasses the check.
        with self.assertRaises(psycopg2.IntegrityError), self.cr.savepoint():
            self.person.with_context(_force_unlink=True).unlink()
        self.assertTrue(session.exists())


@tagged("post_install", "-at_install")
@freeze_time("2026-12-02 08:00:00")
class TestSessionFirstHour(JobCoachingCase):
    """What an agent in Brussels meets when planning sessions."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Session = cls.env["job_coaching.session"]
        cls.agent.tz = "Europe/Brussels"
        cls.person = cls._create_beneficiary()

    def _session(self, **vals):
        return self.Session.with_user(self.agent).create(
            {
                "beneficiary_id": self.person.id,
                "user_id": self.agent.id,
                # 10:00 to 11:30 in Brussels (UTC+1 in December)
                "start": "2026-12-08 09:00:00",
                "stop": "2026-12-08 10:30:00",
                **vals,
            }
        )

    def test_moving_the_start_keeps_the_duration(self):
        session = self._session()
        self.assertEqual(session.duration, 1.5)
        form = Form(session.with_user(self.agent))
        form.start = "2026-12-09 13:00:00"
        # The end moves in the form, before saving.
        self.assertEqual(str(form.stop), "2026-12-09 14:30:00")
        form.save()
        self.assertEqual(str(session.stop), "2026-12-09 14:30:00")
        self.assertEqual(session.duration, 1.5)
        # Over RPC as well: a new start alone keeps the duration.
        session.with_user(self.agent).write({"start": "2026-12-10 08:00:00"})
        self.assertEqual(str(session.stop), "2026-12-10 09:30:00")
        self.assertEqual(str(session.event_id.stop), "2026-12-10 09:30:00")
        # A new end changes the duration; a new duration moves the end.
        session.with_user(self.agent).write({"stop": "2026-12-10 10:00:00"})
        self.assertEqual(session.duration, 2.0)
        session.with_user(self.agent).write({"duration": 0.5})
        self.assertEqual(str(session.stop), "2026-12-10 08:30:00")
        # A start alone on create gives an hour.
        other = self.Session.with_user(self.agent).create(
            {
                "beneficiary_id": self.person.id,
                "user_id": self.agent.id,
                "start": "2026-12-11 13:00:00",
                "duration": 0.75,
            }
        )
        self.assertEqual(str(other.stop), "2026-12-11 13:45:00")

    def test_refusals_show_times_in_the_user_time_zone(self):
        self._session()
        with self.assertRefused(ValidationError, "already has a session") as caught:
            self._session(start="2026-12-08 09:30:00", stop="2026-12-08 10:00:00")
        message = str(caught.exception)
        # 09:00 UTC is 10:00 in Brussels, in the user's date format (en_US: 12/08/2026).
        self.assertIn("12/08/2026 10:00:00", message)
        self.assertIn("12/08/2026 11:30:00", message)
        self.assertNotIn("2026-12-08 09:00:00", message)
        with self.assertRefused(ValidationError, "ends before it starts") as caught:
            self._session(start="2026-12-09 09:00:00", stop="2026-12-09 08:00:00")
        self.assertIn("after 12/09/2026 10:00:00", str(caught.exception))
        # A French user reads the French format.
        self.env["res.lang"]._activate_lang("fr_FR")
        self.agent.lang = "fr_FR"
        french = self.Session.with_user(self.agent).with_context(lang="fr_FR")
        with self.assertRefused(ValidationError, "10/12/2026 10:00:00"):
            french.create(
                {
                    "beneficiary_id": self.person.id,
                    "start": "2026-12-10 09:00:00",
                    "stop": "2026-12-10 08:00:00",
                }
            )

    def test_first_session_of_a_file_is_the_intake(self):
        form = Form(self.Session.with_user(self.agent))
        form.beneficiary_id = self.person
        self.assertEqual(form.kind, "intake")
        form.start = "2026-12-08 09:00:00"
        first = form.save()
        self.assertEqual(first.kind, "intake")
        form = Form(self.Session.with_user(self.agent))
        form.beneficiary_id = self.person
        self.assertEqual(form.kind, "follow_up")
        # Over RPC, without a kind, the same.
        second = self._session(start="2026-12-15 09:00:00", stop="2026-12-15 10:00:00")
        self.assertEqual(second.kind, "follow_up")
        # From the file's button (a default file).
        newcomer = self._create_beneficiary(first_name="Newcomer", birth_date="1990-01-01")
        form = Form(
            self.Session.with_user(self.agent).with_context(default_beneficiary_id=newcomer.id)
        )
        self.assertEqual(form.kind, "intake")
        # A file whose only session was cancelled still needs its intake.
        cancelled = form.save()
        cancelled.with_user(self.agent).action_cancel()
        self.assertEqual(
            self._session(
                beneficiary_id=newcomer.id, start="2026-12-16 09:00:00", stop="2026-12-16 10:00:00"
            ).kind,
            "intake",
        )
        # A saved session keeps its kind when it moves to another file.
        second.with_user(self.agent).beneficiary_id = self._create_beneficiary(
            first_name="Third", birth_date="1992-02-02"
        )
        self.assertEqual(second.kind, "follow_up")
