# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, new_test_user, tagged

from .common import USER_GROUP


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    def test_register_a_beneficiary_through_the_form(self):
        agent = new_test_user(self.env, login="jc_tour_agent", groups=USER_GROUP, name="Tour Agent")
        self.start_tour(
            "/odoo/action-job_coaching.job_coaching_beneficiary_action",
            "job_coaching_beneficiary_intake",
            login=agent.login,
        )
        person = self.env["job_coaching.beneficiary"].search([("last_name", "=", "Tour")])
        self.assertEqual(person.first_name, "Amel")
        self.assertEqual(person.niss, "95.04.12-001.13")
        self.assertEqual(person.mobile, "+32470998877")
        self.assertEqual(person.user_id, agent)
        self.assertTrue(person.in_zone)
        self.assertTrue(person.is_eligible)
