# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import JobCoachingCase


@tagged("post_install", "-at_install")
@freeze_time("2026-06-15")
class TestInsertionPlan(JobCoachingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Plan = cls.env["job_coaching.insertion.plan"]
        cls.person = cls._create_beneficiary()
        cls.provider = cls.env["res.partner"].create(
            {"name": "Training centre", "is_company": True, "is_job_coaching_partner": True}
        )

    def _plan(self, **vals):
        return self.Plan.with_user(self.agent).create({"beneficiary_id": self.person.id, **vals})

    def test_plan_through_the_form_defines_the_project(self):
        form = Form(self.Plan.with_user(self.agent))
        form.beneficiary_id = self.person
        form.strengths = "Punctual, likes teamwork"
        form.constraint_childcare = True
        form.motivation_start = "2"
        form.self_confidence_start = "3"
        plan = form.save()
        self.assertEqual(self.person.stage_id, self.stage_intake)
        with Form(plan) as edit:
            edit.job_title = "Kitchen assistant"
            edit.sector = "Catering"
        self.assertEqual(self.person.stage_id.pathway_step, "project")
        self.assertEqual(plan.motivation_current, "2")

    def test_one_active_plan_per_person(self):
        first = self._plan(job_title="Cook")
        with self.assertRefused(ValidationError, "already has an active insertion plan"):
            self._plan(job_title="Driver")
        self.assertEqual(self.Plan.search_count([("beneficiary_id", "=", self.person.id)]), 1)
        first.active = False
        second = self._plan(job_title="Driver")
        with self.assertRefused(ValidationError, "already has an active insertion plan"):
            first.active = True
        self.assertTrue(second.active)

    def test_latest_review_stored_on_the_plan(self):
        plan = self._plan(motivation_start="1", self_confidence_start="2")
        with Form(plan.with_user(self.agent)) as form:
            with form.review_ids.new() as review:
                review.date = "2026-05-01"
                review.motivation = "4"
                review.self_confidence = "3"
            with form.review_ids.new() as review:
                review.date = "2026-03-01"
                review.motivation = "2"
                review.self_confidence = "2"
        self.assertEqual(plan.motivation_current, "4")
        self.assertEqual(plan.self_confidence_current, "3")
        self.assertEqual(str(plan.last_review_date), "2026-05-01")
        self.assertEqual(
            self.Plan.search([("motivation_current", "=", "4"), ("id", "=", plan.id)]), plan
        )

    def test_review_date_schedules_an_activity(self):
        plan = self._plan(next_review_date="2026-07-01")
        activity = plan.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(str(activity.date_deadline), "2026-07-01")
        self.assertEqual(activity.user_id, self.agent)
        plan.next_review_date = "2026-07-15"
        self.assertEqual(len(plan.activity_ids), 1)
        self.assertEqual(str(plan.activity_ids.date_deadline), "2026-07-15")

    def test_piis_warning(self):
        plan = self._plan(piis_reference="PIIS-1", piis_signature_date="2025-06-01")

        def review(day, piis=True):
            plan.write(
                {
                    "review_ids": [
                        (
                            0,
                            0,
                            {
                                "date": day,
                                "motivation": "3",
                                "self_confidence": "3",
                                "is_piis_evaluation": piis,
                            },
                        )
                    ]
                }
            )

        review("2025-08-01")
        review("2025-12-01")
        review("2026-03-01", piis=False)
        self.assertIn("Only 2 PIIS evaluation(s)", plan.piis_warning)
        review("2026-05-01")
        plan.invalidate_recordset(["piis_warning"])
        self.assertFalse(plan.piis_warning)
        # The first year not yet over: no warning yet.
        with freeze_time("2025-12-15"):
            recent = self.Plan.with_user(self.agent).create(
                {
                    "beneficiary_id": self._create_beneficiary(first_name="Other").id,
                    "piis_signature_date": "2025-06-01",
                }
            )
            self.assertFalse(recent.piis_warning)
        recent.invalidate_recordset(["piis_warning"])
        self.assertIn("Only 0 PIIS evaluation(s)", recent.piis_warning)

    def test_actions_move_the_file_to_training(self):
        plan = self._plan(job_title="Cook")
        with Form(plan.with_user(self.agent)) as form, form.action_ids.new() as action:
            action.action_type = "training"
            action.name = "Kitchen training"
            action.provider_id = self.provider
            action.date_start = "2026-07-01"
            action.date_end = "2026-12-01"
        action = plan.action_ids
        self.assertEqual(action.state, "planned")
        self.assertEqual(self.person.stage_id.pathway_step, "project")
        action.action_start()
        self.assertEqual(self.person.stage_id.pathway_step, "training")
        action.write({"state": "done", "result": "Certificate obtained"})
        self.assertEqual(self.person.stage_id.pathway_step, "training")
        # A social action under way does not make a training.
        other = self._create_beneficiary(first_name="Other")
        other_plan = self.Plan.with_user(self.agent).create({"beneficiary_id": other.id})
        other_plan.action_ids = [
            (0, 0, {"name": "Housing", "action_type": "social", "state": "ongoing"})
        ]
        self.assertEqual(other.stage_id, self.stage_intake)

    def test_action_end_before_start_refused(self):
        plan = self._plan()
        with self.assertRefused(ValidationError, "ends before it starts"):
            plan.action_ids = [
                (0, 0, {"name": "Course", "date_start": "2026-07-01", "date_end": "2026-06-01"})
            ]
        self.assertFalse(plan.action_ids)

    @mute_logger("odoo.models", "odoo.addons.base.models.ir_rule")
    def test_other_agent_and_finance_cannot_read_the_plan(self):
        plan = self._plan(
            job_title="Cook", review_ids=[(0, 0, {"motivation": "3", "self_confidence": "3"})]
        )
        for user in (self.agent_2, self.finance):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                plan.with_user(user).read(["job_title"])
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                plan.review_ids.with_user(user).read(["comment"])
        self.env.invalidate_all()
        self.assertEqual(plan.with_user(self.coordinator).job_title, "Cook")
        action = self.person.with_user(self.agent).action_open_insertion_plan()
        self.assertEqual(action["res_id"], plan.id)
