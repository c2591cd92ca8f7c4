# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common_employment import EmploymentCase

START = date(2026, 3, 2)  # a Monday


@tagged("post_install", "-at_install")
@freeze_time("2026-03-02")
class TestArt60Contract(EmploymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person = cls._create_beneficiary(first_name="Worker", birth_date="1996-01-01")

    def _person(self, **vals):
        return self._create_beneficiary(first_name="Other", **vals)

    def test_planned_end_for_each_age_bracket_and_working_time(self):
        cases = [
            # birth date, working time, rule, days, planned end
            ("1996-01-01", 1.0, "Young", 312, date(2027, 5, 11)),  # 30: 62 weeks + 2 days
            ("1990-03-03", 1.0, "Young", 312, date(2027, 5, 11)),  # 35, the eve of 36
            ("1990-03-02", 1.0, "Middle", 468, date(2027, 12, 15)),  # 36 that day
            ("1971-01-01", 1.0, "Senior", 624, date(2028, 7, 20)),  # 55
            ("1996-01-01", 0.5, "Young", 312, date(2028, 7, 20)),  # half time: twice as long
            ("1996-01-01", 0.8, "Young", 312, date(2027, 8, 27)),  # 390 working days
            ("1971-01-01", 0.5, "Senior", 624, date(2030, 12, 11)),
        ]
        for birth_date, working_time, rule, days, end in cases:
            with self.subTest(birth_date=birth_date, working_time=working_time):
                person = self._person(birth_date=birth_date)
                contract = self._create_contract(person, working_time=working_time)
                self.assertEqual(contract.duration_rule_id.name, rule)
                self.assertEqual(contract.required_days, days)
                self.assertEqual(contract.date_end_computed, end)
                self.assertEqual(contract.date_end, end)

    def test_planned_end_follows_a_changed_rule_and_start(self):
        contract = self._create_contract(self.person)
        with Form(contract) as form:
            form.date_start = date(2026, 3, 9)
        self.assertEqual(contract.date_end, date(2027, 5, 18))
        self.rules.filtered(lambda r: r.name == "Young").working_days = 5
        contract.date_start = START
        self.assertEqual(contract.date_end, date(2026, 3, 6))

    def test_overridden_end_needs_a_reason(self):
        contract = self._create_contract(self.person)
        with self.assertRefused(ValidationError, "differs from the computed one"):
            contract.date_end = date(2027, 6, 30)
        self.assertEqual(contract.date_end, date(2027, 5, 11))
        contract.write({"date_end": date(2027, 6, 30), "date_end_reason": "Sick leave made up."})
        self.assertEqual(contract.date_end, date(2027, 6, 30))

    def test_bad_input_refused(self):
        Contract = self.Contract.with_user(self.agent)
        count = self.Contract.search_count([])
        with self.assertRefused(ValidationError, "at least half time"):
            Contract.create(self._contract_vals(self.person, working_time=0.4))
        with self.assertRefused(ValidationError, "at least half time"):
            Contract.create(self._contract_vals(self.person, working_time=1.2))
        no_aid = self._person(cpas_status="known_no_aid")
        with self.assertRefused(ValidationError, "neither the integration income"):
            Contract.create(self._contract_vals(no_aid))
        with self.assertRefused(ValidationError, "ends .* before it starts"):
            Contract.create(
                self._contract_vals(
                    self.person, date_end="2026-02-01", date_end_reason="Typing error"
                )
            )
        with self.assertRefused(ValidationError, "cannot be negative"):
            Contract.create(self._contract_vals(self.person, employer_contribution=-10))
        with self.assertRefused(ValidationError, "name that employer"):
            Contract.create(self._contract_vals(self.person, user_employer_id=False))
        self.assertEqual(self.Contract.search_count([]), count)
        Contract.create(
            self._contract_vals(
                self.person, placement="internal", user_employer_id=False, working_time=0.5
            )
        )

    def test_overlapping_running_contracts_refused(self):
        first = self._create_contract(self.person)
        first.action_start()
        second = self._create_contract(self.person, date_start="2026-09-01")
        with self.assertRefused(ValidationError, "already has an article 60"):
            second.action_start()
        self.assertEqual(second.state, "draft")
        self.assertFalse(second.activity_ids)
        # Once the first ended early, the next one may run after it.
        first.write(
            {
                "outcome": "dropped_out",
                "end_reason": "Moved to Liège",
                "date_end_actual": "2026-08-31",
            }
        )
        first.action_end()
        self.assertEqual(first.state, "ended_early")
        second.action_start()
        self.assertEqual(second.state, "running")

    def test_every_transition_and_the_activities_of_the_start(self):
        contract = self._create_contract(self.person, user=self.agent)
        self.assertEqual(contract.state, "draft")
        contract.action_start()
        self.assertEqual(contract.state, "running")
        self.assertEqual(self.person.stage_id, self.stage_employment)
        activities = {a.summary: a for a in contract.activity_ids}
        self.assertEqual(
            {summary: a.date_deadline for summary, a in activities.items()},
            {
                "Mid-term evaluation": date(2026, 10, 5),
                "Prepare the exit": date(2027, 4, 11),
                "Follow-up after the contract": date(2027, 6, 11),
            },
        )
        self.assertEqual(contract.activity_ids.user_id, self.agent)
        with self.assertRefused(UserError, "cannot be started"):
            contract.action_start()
        contract.action_suspend()
        self.assertEqual(contract.state, "suspended")
        with self.assertRefused(UserError, "cannot be suspended"):
            contract.action_suspend()
        contract.action_resume()
        self.assertEqual(contract.state, "running")
        with self.assertRefused(UserError, "Choose the outcome"):
            contract.action_end()
        contract.outcome = "unemployment_rights"
        with freeze_time("2027-05-11"):
            contract.action_end()
        self.assertEqual(contract.state, "ended")
        self.assertEqual(contract.date_end_actual, date(2027, 5, 11))
        with self.assertRefused(UserError, "cannot be ended"):
            contract.action_end()

    def test_ending_early_needs_a_reason(self):
        contract = self._create_contract(self.person)
        contract.action_start()
        contract.outcome = "hired_elsewhere"
        with freeze_time("2026-06-15"), self.assertRefused(UserError, "write the end reason"):
            contract.action_end()
        self.assertEqual(contract.state, "running")
        contract.end_reason = "Hired on an open-ended contract by a bakery."
        with freeze_time("2026-06-15"):
            contract.action_end()
        self.assertEqual(contract.state, "ended_early")
        self.assertEqual(contract.date_end_actual, date(2026, 6, 15))

    def test_evaluation_inside_the_contract_with_criteria(self):
        contract = self._create_contract(self.person)
        contract.action_start()
        with Form(self.Evaluation.with_context(default_contract_id=contract.id)) as form:
            form.evaluation_type = "mid_term"
            form.date = date(2026, 10, 6)
            self.assertEqual(len(form.line_ids), 2)
            with form.line_ids.edit(0) as line:
                line.score = 4
            with form.line_ids.edit(1) as line:
                line.score = 3
            form.comments = "Good progress."
            form.next_step = "Dutch course."
        evaluation = form.save()
        self.assertEqual(evaluation.line_ids.criterion_id, self.criteria)
        self.assertEqual(evaluation.score, 3.5)
        self.assertEqual(evaluation.evaluator_id, self.env.user)
        self.assertEqual(contract.evaluation_count, 1)

        for day in ("2026-03-01", "2027-05-12"):
            with self.subTest(day=day), self.assertRefused(ValidationError, "outside the contract"):
                self.Evaluation.create(
                    {"contract_id": contract.id, "evaluation_type": "other", "date": day}
                )
        with self.assertRefused(ValidationError, "between 1 and 5"):
            evaluation.line_ids[0].score = 6
        self.assertEqual(contract.evaluation_count, 1)

    def test_contract_from_a_hire(self):
        vacancy = self._create_vacancy()
        application = self.Application.create(
            {"vacancy_id": vacancy.id, "beneficiary_id": self.person.id}
        )
        application.action_hire()
        action = application.action_create_art60_contract()
        with Form(self.Contract.with_context(**action["context"])) as form:
            self.assertEqual(form.job_title, "Kitchen assistant")
            self.assertEqual(form.user_employer_id, self.employer)
        contract = form.save()
        self.assertEqual(contract.application_id, application)
        self.assertEqual(contract.date_start, START)

    def test_duration_rules_must_not_overlap(self):
        with self.assertRefused(ValidationError, "overlap"):
            self.env["job_coaching.art60.duration.rule"].create(
                {"name": "Clash", "age_min": 30, "age_max": 40, "working_days": 100}
            )
