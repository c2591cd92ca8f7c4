# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import USER_GROUP
from .common_tour import JobCoachingTourCase


@tagged("post_install", "-at_install")
class TestUi(JobCoachingTourCase):
    """An agent registers a walk-in and plans the intake, from the menu."""

    def _register_a_walk_in_and_plan_the_intake(self, lang):
        agent = self._tour_user("jc_tour_agent", USER_GROUP, lang, name="Tour Agent")
        self.start_tour("/odoo", "job_coaching_beneficiary_intake", login=agent.login)
        person = self.env["job_coaching.beneficiary"].search([("last_name", "=", "Tour")])
        self.assertEqual(person.first_name, "Amel")
        self.assertEqual(person.niss, "95.04.12-001.13")
        self.assertEqual(person.mobile, "+32470998877")
        self.assertEqual(person.user_id, agent)
        self.assertTrue(person.in_zone)
        self.assertTrue(person.is_eligible)
        session = person.session_ids
        self.assertEqual(len(session), 1)
        self.assertEqual((session.kind, session.state), ("intake", "planned"))
        self.assertEqual(session.user_id, agent)

    def test_register_a_walk_in_and_plan_the_intake_in_french(self):
        self._register_a_walk_in_and_plan_the_intake("fr_FR")

    def test_register_a_walk_in_and_plan_the_intake_in_dutch(self):
        self._register_a_walk_in_and_plan_the_intake("nl_BE")
