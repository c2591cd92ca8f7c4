# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.tests import new_test_user, tagged

from .common import MANAGER_GROUP, USER_GROUP
from .common_tour import JobCoachingTourCase


@tagged("post_install", "-at_install")
class TestReportingUi(JobCoachingTourCase):
    """The coordinator's first hour: every file, the dashboard, a partner's feedback."""

    def _dashboard_and_partner_feedback(self, lang):
        coordinator = self._tour_user(
            "jc_tour_coordinator", MANAGER_GROUP, lang, name="Tour Coordinator"
        )
        agent = new_test_user(self.env, login=f"jc_tour_other_{lang}", groups=USER_GROUP)
        self.env["job_coaching.beneficiary"].create(
            {"first_name": "Other Agent", "last_name": "File", "user_id": agent.id}
        )
        # A zone of its own: nobody else lives in it.
        zone = self.env["job_coaching.zone"].create(
            {
                "name": "Tour zone",
                "code": "TOUR",
                "zip": "1090",
                "city": "Jette",
                "date_start": "2018-01-01",
                "date_end": "2022-12-31",
                "street_ids": [(0, 0, {"name": "Rue du Tour", "name_nl": "Tourstraat"})],
            }
        )
        person = self.env["job_coaching.beneficiary"].create(
            {
                "first_name": "Tour",
                "last_name": "Person",
                "birth_date": "1990-01-01",
                "street": "Rue du Tour 1",
                "zip": "1090",
                "city": "Jette",
                "user_id": coordinator.id,
            }
        )
        self.assertEqual(person.zone_id, zone)
        yesterday = fields.Datetime.now().replace(microsecond=0) - timedelta(days=1)
        self.env["job_coaching.session"].create(
            {
                "beneficiary_id": person.id,
                "user_id": coordinator.id,
                "start": yesterday,
                "stop": yesterday + timedelta(hours=1),
                "state": "done",
            }
        )
        today = fields.Date.today()
        self.env["job_coaching.target"].create(
            {
                "name": "Tour target",
                "kind": "accompanied",
                "value": 4,
                "date_from": today - timedelta(days=30),
                "date_to": today + timedelta(days=30),
                "zone_id": zone.id,
            }
        )
        self.env["res.partner"].create({"name": "Tour Association", "is_company": True})
        self.start_tour("/odoo", "job_coaching_reporting", login=coordinator.login)
        feedback = self.env["job_coaching.partner.feedback"].search(
            [("partner_id.name", "=", "Tour Association")]
        )
        self.assertEqual(
            (feedback.rating, feedback.comment, feedback.user_id),
            ("4", "Young people come back motivated", coordinator),
        )

    def test_dashboard_and_partner_feedback_in_french(self):
        self._dashboard_and_partner_feedback("fr_FR")

    def test_dashboard_and_partner_feedback_in_dutch(self):
        self._dashboard_and_partner_feedback("nl_BE")
