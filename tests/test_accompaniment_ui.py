# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

from .common import USER_GROUP
from .common_tour import JobCoachingTourCase


@tagged("post_install", "-at_install")
class TestAccompanimentUi(HttpCase):
    def test_plan_a_session_mark_it_done_and_record_attendance(self):
        agent = new_test_user(self.env, login="jc_tour_coach", groups=USER_GROUP, name="Tour Coach")
        person = self.env["job_coaching.beneficiary"].create(
            {"first_name": "Yara", "last_name": "Tourist", "user_id": agent.id}
        )
        last_week = fields.Datetime.now() - timedelta(days=7)
        workshop = self.env["job_coaching.workshop"].create(
            {
                "name": "Tour CV workshop",
                "start": last_week,
                "stop": last_week + timedelta(hours=2),
                "capacity": 5,
            }
        )
        self.start_tour(
            "/odoo/action-job_coaching.job_coaching_session_action",
            "job_coaching_accompaniment",
            login=agent.login,
        )
        session = self.env["job_coaching.session"].search([("beneficiary_id", "=", person.id)])
        self.assertEqual(session.state, "done")
        self.assertEqual(session.user_id, agent)
        self.assertEqual(session.event_id.user_id, agent)
        self.assertEqual(person.stage_id.pathway_step, "assessment")
        self.assertEqual(workshop.registration_ids.beneficiary_id, person)
        self.assertEqual(workshop.registration_ids.attendance, "attended")
        self.assertEqual(person.workshop_attended_count, 1)


@tagged("post_install", "-at_install")
class TestPlanAndWorkshopUi(JobCoachingTourCase):
    """An agent writes a plan and registers the person to a workshop from the
    person's file."""

    def _write_a_plan_and_register_to_a_workshop(self, lang):
        agent = self._tour_user("jc_tour_planner", USER_GROUP, lang, name="Tour Planner")
        person = self.env["job_coaching.beneficiary"].create(
            {"first_name": "Yara", "last_name": "Tourist", "user_id": agent.id}
        )
        # Dates computed on the server: next week's workshop, and one held
        # last month (closed, not offered).
        next_week = fields.Datetime.now().replace(microsecond=0) + timedelta(days=7)
        Workshop = self.env["job_coaching.workshop"]
        upcoming = Workshop.create(
            {"name": "Tour interview", "start": next_week, "stop": next_week + timedelta(hours=2)}
        )
        self.start_tour("/odoo", "job_coaching_plan_and_workshop", login=agent.login)
        plan = person.insertion_plan_ids
        self.assertEqual(plan.job_title, "Kitchen assistant")
        self.assertEqual(plan.action_ids.name, "Hygiene training")
        provider = plan.action_ids.provider_id
        self.assertEqual(provider.name, "Tour Training Centre")
        self.assertEqual(provider.create_uid, agent)
        registration = person.workshop_registration_ids
        self.assertEqual(registration.workshop_id, upcoming)
        self.assertEqual(registration.attendance, "registered")
        self.assertEqual(upcoming.seats_taken, 1)

    def test_write_a_plan_and_register_to_a_workshop_in_french(self):
        self._write_a_plan_and_register_to_a_workshop("fr_FR")

    def test_write_a_plan_and_register_to_a_workshop_in_dutch(self):
        self._write_a_plan_and_register_to_a_workshop("nl_BE")
