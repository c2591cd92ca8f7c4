# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged
from odoo.tools import mute_logger

from .common import USER_GROUP, JobCoachingCase


@tagged("post_install", "-at_install")
class TestOfficeHours(JobCoachingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.place = cls.env["res.partner"].create(
            {"name": "Maison de quartier", "is_company": True, "is_job_coaching_partner": True}
        )
        cls.OfficeHours = cls.env["job_coaching.office.hours"]

    def _office_hours(self, user=None, **vals):
        return self.OfficeHours.with_user(user or self.agent).create(
            {
                "date": "2021-03-02",
                "half_day": "morning",
                "place_id": self.place.id,
                "zone_id": self.zone.id,
                **vals,
            }
        )

    def test_office_hours_outside_the_zone_period_refused(self):
        count = self.OfficeHours.search_count([])
        for day in ("2017-12-31", "2023-01-01"):
            with self.subTest(day=day), self.assertRefused(ValidationError, "outside the period"):
                self._office_hours(date=day)
        self.assertEqual(self.OfficeHours.search_count([]), count)
        office_hours = self._office_hours(date="2022-12-31")
        with self.assertRefused(ValidationError, "outside the period"):
            office_hours.date = "2023-01-02"
        self.assertEqual(str(office_hours.date), "2022-12-31")

    def test_visits_logged_and_counted(self):
        office_hours = self._office_hours()
        person = self._create_beneficiary()
        with Form(office_hours.with_user(self.agent)) as form:
            with form.visit_ids.new() as visit:
                visit.topic = "information"
            with form.visit_ids.new() as visit:
                visit.topic = "training"
            with form.visit_ids.new() as visit:
                visit.topic = "job_search"
                visit.beneficiary_id = person
        self.assertEqual(office_hours.visit_count, 3)
        self.assertEqual(office_hours.walk_in_count, 2)
        self.assertEqual(person.office_hours_visit_ids.office_hours_id, office_hours)

    def test_walk_in_converts_into_an_intake(self):
        office_hours = self._office_hours()
        visit = (
            self.env["job_coaching.office.hours.visit"]
            .with_user(self.agent)
            .create({"office_hours_id": office_hours.id, "visitor_name": "Samir El Idrissi"})
        )
        action = visit.action_convert_to_intake()
        self.assertEqual(action["res_model"], "job_coaching.beneficiary")
        form = Form(self.Beneficiary.with_user(self.agent).with_context(**action["context"]))
        self.assertEqual(form.first_name, "Samir")
        self.assertEqual(form.last_name, "El Idrissi")
        self.assertEqual(
            form.referral_channel_id, self.env.ref("job_coaching.referral_channel_office_hours")
        )
        self.assertEqual(form.user_id, self.agent)
        form.street = "Rue Esseghem 3"
        form.zip = "1090"
        person = form.save()
        self.assertEqual(visit.beneficiary_id, person)
        self.assertEqual(office_hours.walk_in_count, 0)
        with self.assertRefused(UserError, "already linked"):
            visit.action_convert_to_intake()

    def test_wizard_period_is_the_zone_s_by_default(self):
        wizard = Form(self.env["job_coaching.office.hours.generate"].with_user(self.agent))
        wizard.zone_id = self.zone
        self.assertEqual(str(wizard.date_from), "2018-01-01")
        self.assertEqual(str(wizard.date_to), "2022-12-31")
        created = (
            self.env["job_coaching.office.hours.generate"]
            .with_user(self.agent)
            .create({"zone_id": self.zone.id, "place_id": self.place.id, "date_to": "2018-01-31"})
        )
        self.assertEqual(str(created.date_from), "2018-01-01")
        self.assertEqual(str(created.date_to), "2018-01-31")

    def test_wizard_plans_two_half_days_a_week(self):
        wizard = Form(self.env["job_coaching.office.hours.generate"].with_user(self.agent))
        wizard.zone_id = self.zone
        wizard.place_id = self.place
        wizard.date_from = "2021-03-01"  # a Monday
        wizard.date_to = "2021-03-28"  # four weeks
        self.assertEqual((wizard.weekday_1, wizard.half_day_1), ("1", "morning"))
        self.assertEqual((wizard.weekday_2, wizard.half_day_2), ("3", "afternoon"))
        action = wizard.save().action_generate()
        created = self.OfficeHours.search(action["domain"])
        self.assertEqual(len(created), 8)
        self.assertEqual({d.weekday() for d in created.mapped("date")}, {1, 3})
        self.assertEqual(
            set(created.filtered(lambda o: o.date.weekday() == 3).mapped("half_day")),
            {"afternoon"},
        )
        self.assertEqual(created.user_id, self.agent)
        # Run again: nothing planned twice.
        again = (
            self.env["job_coaching.office.hours.generate"]
            .with_user(self.agent)
            .create(
                {
                    "zone_id": self.zone.id,
                    "place_id": self.place.id,
                    "date_from": "2021-03-01",
                    "date_to": "2021-03-28",
                }
            )
        )
        self.assertFalse(self.OfficeHours.search(again.action_generate()["domain"]))

    def test_wizard_outside_the_zone_period_saves_nothing(self):
        wizard = (
            self.env["job_coaching.office.hours.generate"]
            .with_user(self.agent)
            .create(
                {
                    "zone_id": self.zone.id,
                    "place_id": self.place.id,
                    "date_from": "2022-12-20",
                    "date_to": "2023-01-10",
                }
            )
        )
        count = self.OfficeHours.search_count([])
        with self.assertRefused(ValidationError, "outside the period"):
            wizard.action_generate()
        self.assertEqual(self.OfficeHours.search_count([]), count)
        wizard.write({"date_from": "2021-03-10", "date_to": "2021-03-01"})
        with self.assertRefused(UserError, "ends before it starts"):
            wizard.action_generate()
        self.assertEqual(self.OfficeHours.search_count([]), count)

    def test_a_visit_is_read_by_the_host_and_by_the_agents_of_the_file(self):
        """Security: an office-hours visit belongs to the agent holding the
        office hours and to the agents of the visitor's file (own or shared)."""
        third = new_test_user(self.env, login="jc_agent_3", groups=USER_GROUP, name="Agent C")
        hours = self._office_hours(user=self.agent_2, user_id=self.agent_2.id)
        person = self._create_beneficiary(first_name="Visitor", user=self.agent)
        visit = (
            self.env["job_coaching.office.hours.visit"]
            .with_user(self.agent_2)
            .create({"office_hours_id": hours.id, "topic": "training"})
        )
        # A visitor of agent A's file at agent B's office hours (linked by the
        # coordinator: agent B may not record anything on A's file).
        visit.with_user(self.coordinator).beneficiary_id = person
        Visit = self.env["job_coaching.office.hours.visit"]
        for user, sees in ((self.agent_2, True), (self.agent, True), (third, False)):
            self.env.invalidate_all()
            with self.subTest(user=user.login):
                found = Visit.with_user(user).search([("id", "=", visit.id)])
                self.assertEqual(found, visit if sees else Visit)
        person.shared_user_ids = [(4, third.id)]
        self.env.invalidate_all()
        self.assertEqual(Visit.with_user(third).search([("id", "=", visit.id)]), visit)

    @mute_logger("odoo.models", "odoo.addons.base.models.ir_rule")
    def test_agents_see_their_own_office_hours(self):
        office_hours = self._office_hours()
        with self.assertRaises(AccessError):
            office_hours.with_user(self.agent_2).read(["date"])
        with self.assertRaises(AccessError):
            office_hours.with_user(self.finance).read(["date"])
        self.assertEqual(
            office_hours.with_user(self.coordinator).read(["date", "user_id"]),
            [
                {
                    "id": office_hours.id,
                    "date": office_hours.date,
                    "user_id": (self.agent.id, self.agent.name),
                }
            ],
        )
