# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
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
        # Undated rules of the test (Young <36: 312, Middle 36-49: 468, Senior
        # 50+: 624), start Monday 2 March 2026; days of a 6-day week (Monday to
        # Saturday), the bracket of the age on the end.
        cases = [
            # birth date, working time, rule, days, planned end
            # 312 = 52 weeks x 6: Saturday of the 52nd week, start + 51 weeks + 5 days
            ("1996-01-01", 1.0, "Young", 312, date(2027, 2, 27)),
            # 36 on 2027-02-27 itself, the end day: the bracket of the end is Middle
            # 468 = 78 x 6: start + 77 weeks + 5 days = 2027-08-28 (age 36)
            ("1991-02-27", 1.0, "Middle", 468, date(2027, 8, 28)),
            # 36 on 2027-02-28, the day after the 312-day end: still Young
            ("1991-02-28", 1.0, "Young", 312, date(2027, 2, 27)),
            # 55: 624 = 104 x 6: start + 103 weeks + 5 days = 2028-02-26
            ("1971-01-01", 1.0, "Senior", 624, date(2028, 2, 26)),
            # half time: 312 / 0.5 = 624 days, as long as the Senior full time
            ("1996-01-01", 0.5, "Young", 312, date(2028, 2, 26)),
            # 80 %: 312 / 0.8 = 390 = 65 x 6: start + 64 weeks + 5 days = 2027-05-29
            ("1996-01-01", 0.8, "Young", 312, date(2027, 5, 29)),
            # 624 / 0.5 = 1248 = 208 x 6: start + 207 weeks + 5 days = 2030-02-23
            ("1971-01-01", 0.5, "Senior", 624, date(2030, 2, 23)),
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
        # a week later: 2027-02-27 + 7 days
        self.assertEqual(contract.date_end, date(2027, 3, 6))
        self.rules.filtered(lambda r: r.name == "Young").working_days = 5
        contract.date_start = START
        # 5 days of a 6-day week from Monday: Friday
        self.assertEqual(contract.date_end, date(2026, 3, 6))

    def test_overridden_end_needs_a_reason(self):
        contract = self._create_contract(self.person)
        with self.assertRefused(ValidationError, "differs from the computed one"):
            contract.date_end = date(2027, 6, 30)
        self.assertEqual(contract.date_end, date(2027, 2, 27))
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
                # start 2026-03-02 + 362 days // 2 = 181 days
                "Mid-term evaluation": date(2026, 8, 30),
                "Prepare the exit": date(2027, 1, 27),
                "Follow-up after the contract": date(2027, 3, 27),
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
        with freeze_time("2027-02-27"):
            contract.action_end()
        self.assertEqual(contract.state, "ended")
        self.assertEqual(contract.date_end_actual, date(2027, 2, 27))
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

        for day in ("2026-03-01", "2027-02-28"):
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
        with self.assertRefused(ValidationError, "valid at the same time"):
            self.env["job_coaching.art60.duration.rule"].create(
                {"name": "Clash", "age_min": 30, "age_max": 40, "working_days": 100}
            )


@tagged("post_install", "-at_install")
@freeze_time("2026-03-02")
class TestArt60Duration(EmploymentCase):
    """The duration of art. 60 §7 under the two rule sets of the law, on
    hand-computed end dates. Days are days of a 6-day week (Monday to
    Saturday): from a Monday, day 6n is the Saturday of week n, i.e. start +
    (n - 1) weeks + 5 days."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rules.active = False
        Rule = cls.env["job_coaching.art60.duration.rule"]
        before = {"date_to": "2026-02-28", "legal_source": "AR 25.11.1991, art. 30"}
        cls.rule_set_before = Rule.create(
            [
                {"name": "Old <36", "age_min": 0, "age_max": 35, "working_days": 312, **before},
                {"name": "Old 36-49", "age_min": 36, "age_max": 49, "working_days": 468, **before},
                {"name": "Old 50+", "age_min": 50, "age_max": 0, "working_days": 624, **before},
            ]
        )
        cls.rule_2026 = Rule.create(
            {
                "name": "2026 every age",
                "date_from": "2026-03-01",
                "age_min": 0,
                "working_days": 312,
                "reference_months": 36,
                "legal_source": "Loi-programme 18.07.2025",
            }
        )

    def _contract(self, birth_date, start, **vals):
        person = self._create_beneficiary(first_name="Worker", birth_date=birth_date)
        return self._create_contract(person, date_start=start, **vals)

    def _assert_duration(self, contract, rule_name, age_at_end, end):
        self.assertEqual(contract.duration_rule_id.name, rule_name)
        self.assertEqual(contract.age_at_end, age_at_end)
        self.assertEqual(contract.date_end_computed, end)
        self.assertEqual(contract.date_end, end)

    def test_before_march_2026_each_bracket_by_the_age_at_the_end(self):
        # Start Monday 3 March 2025, the rules valid until 28 February 2026.
        cases = [
            # 29 at the start; 312 = 52 x 6: 2025-03-03 + 51 weeks + 5 days
            # = 2026-02-28, aged 30 then
            ("1995-06-15", "Old <36", 30, date(2026, 2, 28)),
            # 45; 468 = 78 x 6: + 77 weeks + 5 days = + 544 days = 2026-08-29
            ("1980-01-01", "Old 36-49", 46, date(2026, 8, 29)),
            # 55; 624 = 104 x 6: + 103 weeks + 5 days = + 726 days = 2027-02-27
            ("1970-01-01", "Old 50+", 57, date(2027, 2, 27)),
        ]
        for birth_date, rule, age, end in cases:
            with self.subTest(birth_date=birth_date):
                self._assert_duration(self._contract(birth_date, "2025-03-03"), rule, age, end)

    def test_a_birthday_during_the_contract_moves_to_the_next_bracket(self):
        # Start Monday 3 March 2025.
        cases = [
            # 35 at the start; 312 days end on 2026-02-28, the 36th birthday:
            # 36 at the end, so 468 days: 2026-08-29, still 36.
            ("1990-02-28", 35, "Old 36-49", 36, date(2026, 8, 29)),
            # 35 at the start, 36 on 2026-03-01, the day after the 312-day end:
            # 312 days suffice.
            ("1990-03-01", 35, "Old <36", 35, date(2026, 2, 28)),
            # 49 at the start; 468 days end on 2026-08-29, aged 51: 624 days,
            # ending 2027-02-27, aged 51 (two birthdays on the way).
            ("1975-06-01", 49, "Old 50+", 51, date(2027, 2, 27)),
        ]
        for birth_date, age_start, rule, age, end in cases:
            with self.subTest(birth_date=birth_date):
                contract = self._contract(birth_date, "2025-03-03")
                self.assertEqual(contract.age_at_start, age_start)
                self._assert_duration(contract, rule, age, end)

    def test_from_march_2026_every_age_needs_312_days(self):
        # Start Monday 2 March 2026: 312 days end on 2026-03-02 + 362 days
        # = 2027-02-27 (Saturday), whatever the age.
        for birth_date, age in (("2000-05-05", 26), ("1985-05-05", 41), ("1960-05-05", 66)):
            with self.subTest(birth_date=birth_date):
                contract = self._contract(birth_date, "2026-03-02")
                self._assert_duration(contract, "2026 every age", age, date(2027, 2, 27))

    def test_a_start_on_either_side_of_1_march_2026(self):
        # Born 1970: 56 on both starts.
        # Friday 27 February 2026, old rules, 50+: 624 days. Fri (1), Sat (2),
        # then Monday 2 March is day 3: 624 - 3 = 621 = 103 x 6 + 3, so
        # 2026-03-02 + 103 weeks + 3 days = 2028-02-24 (a Thursday).
        before = self._contract("1970-01-01", "2026-02-27")
        self._assert_duration(before, "Old 50+", 58, date(2028, 2, 24))
        # Monday 2 March 2026, the loi-programme: 312 days, 2027-02-27.
        after = self._contract("1970-01-01", "2026-03-02")
        self._assert_duration(after, "2026 every age", 57, date(2027, 2, 27))
        # The first runs across the change and says which rules it follows.
        text = before.duration_explanation
        self.assertIn("Rule set in force on 02/27/2026", text)
        self.assertIn("valid until 02/28/2026", text)
        self.assertIn("AR 25.11.1991, art. 30", text)
        self.assertIn("Other rules take effect on 03/01/2026", text)
        self.assertIn("it keeps the rules in force on its start date", text)
        self.assertIn("Loi-programme 18.07.2025", after.duration_explanation)
        self.assertNotIn("Other rules take effect", after.duration_explanation)

    def test_half_time_stretches_the_period_and_says_so(self):
        # 312 / 0.5 = 624 days = 104 x 6: 2026-03-02 + 103 weeks + 5 days
        # = 2028-02-26.
        contract = self._contract("2000-05-05", "2026-03-02", working_time=0.5)
        self._assert_duration(contract, "2026 every age", 27, date(2028, 2, 26))
        self.assertEqual(contract.contract_days, 624)
        self.assertIn(
            "Part time (50%): a week of this contract counts for 3.0 days of work instead of "
            "6, so it runs 624 days (104.0 weeks)",
            contract.duration_explanation,
        )

    def test_days_already_worked_reduce_the_days_still_needed(self):
        # 312 - 100 = 212 days = 35 x 6 + 2: 2026-03-02 + 35 weeks = Monday
        # 2026-11-02 (day 211), Tuesday 2026-11-03 is day 212.
        contract = self._contract("2000-05-05", "2026-03-02", days_already_worked=100)
        self.assertEqual(contract.days_still_needed, 212)
        self._assert_duration(contract, "2026 every age", 26, date(2026, 11, 3))
        self.assertIn(
            "100 days already worked: 212 days still needed.", contract.duration_explanation
        )
        # At half time: 212 / 0.5 = 424 = 70 x 6 + 4: + 70 weeks = Monday
        # 2027-07-05 (day 421), Thursday 2027-07-08 is day 424.
        contract.working_time = 0.5
        self.assertEqual(contract.date_end, date(2027, 7, 8))
        # Someone who already has the days needs no contract for them.
        contract.days_already_worked = 400
        self.assertFalse(contract.date_end_computed)
        self.assertIn("already has the days", contract.duration_explanation)
        with self.assertRefused(ValidationError, "cannot be negative"):
            contract.days_already_worked = -1

    def test_a_suspension_pushes_the_planned_end(self):
        # 2027-02-27 + 14 suspended days = 2027-03-13.
        contract = self._contract("2000-05-05", "2026-03-02", suspension_days=14)
        self._assert_duration(contract, "2026 every age", 26, date(2027, 3, 13))
        self.assertIn("Suspended 14 days", contract.duration_explanation)

    def test_suspending_and_resuming_counts_the_days(self):
        contract = self._contract("2000-05-05", "2026-03-02")
        contract.action_start()
        with freeze_time("2026-06-01"):
            contract.action_suspend()
        self.assertEqual(contract.suspended_on, date(2026, 6, 1))
        with freeze_time("2026-06-15"):
            contract.action_resume()
        # 1 to 15 June: 14 days; 2027-02-27 + 14 = 2027-03-13
        self.assertEqual(contract.suspension_days, 14)
        self.assertFalse(contract.suspended_on)
        self.assertEqual(contract.date_end, date(2027, 3, 13))
        with self.assertRefused(AccessError, "set by the application"):
            contract.with_user(self.agent).write({"suspended_on": "2026-01-01"})

    def test_rules_of_two_periods_may_share_ages_not_a_date(self):
        Rule = self.env["job_coaching.art60.duration.rule"]
        # Same ages, the day after the 2026 set starts: refused.
        with self.assertRefused(ValidationError, "valid at the same time"):
            Rule.create(
                {"name": "Clash", "date_from": "2027-01-01", "age_min": 30, "working_days": 100}
            )
        with self.assertRefused(
            ValidationError, "“Backwards” ends before it starts: set its end after 01/01/2020"
        ):
            Rule.create(
                {
                    "name": "Backwards",
                    "date_from": "2020-01-01",
                    "date_to": "2019-01-01",
                    "age_min": 30,
                    "working_days": 100,
                }
            )
        # Before every set: accepted, and it applies to a contract of that time.
        self.rule_set_before.write({"date_from": "2000-01-01"})
        Rule.create({"name": "Ancient", "date_to": "1999-12-31", "age_min": 0, "working_days": 10})
        contract = self._contract("1970-01-01", "1999-03-01")
        # 10 days from Monday 1 March 1999: Mon-Sat (6), Mon-Thu (4) = 11 March
        self._assert_duration(contract, "Ancient", 29, date(1999, 3, 11))

    def test_the_shipped_rule_sets(self):
        ref = self.env.ref
        before = (
            ref("job_coaching.art60_duration_rule_under_36")
            | ref("job_coaching.art60_duration_rule_36_49")
            | ref("job_coaching.art60_duration_rule_50_plus")
        )
        self.assertEqual(before.mapped("working_days"), [312, 468, 624])
        self.assertEqual(set(before.mapped("date_to")), {date(2026, 2, 28)})
        after = ref("job_coaching.art60_duration_rule_2026")
        self.assertEqual(
            (after.date_from, after.date_to, after.age_min, after.age_max, after.working_days),
            (date(2026, 3, 1), False, 0, 0, 312),
        )
        self.assertIn("18 July 2025", after.legal_source)
        self.assertEqual(len(before), 3)
        self.assertEqual([bool(source) for source in before.mapped("legal_source")], [True] * 3)
