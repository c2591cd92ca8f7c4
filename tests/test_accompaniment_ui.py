# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

from .common import USER_GROUP


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
        self.assertTrue(session.event_id)
        self.assertEqual(person.stage_id.pathway_step, "assessment")
        self.assertEqual(workshop.registration_ids.beneficiary_id, person)
        self.assertEqual(workshop.registration_ids.attendance, "attended")
        self.assertEqual(person.workshop_attended_count, 1)
