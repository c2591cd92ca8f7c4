# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The long scheduled jobs run in batches through Odoo's own cron runner: one
batch per call, progress reported, committed after each batch, called again
while some remain; a crash keeps the batches already done."""

from datetime import date
from unittest.mock import patch

from freezegun import freeze_time

from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import JobCoachingCase
from .common_employment import EmploymentCase
from .common_subsidy import SubsidyCase


class CronRunnerMixin:
    def _run_cron(self, xmlid):
        """Run a scheduled action as Odoo's cron worker does (``_process_job``:
        a cursor of its own, a commit after each call), inside the test's
        transaction; return the progress it reported, call after call."""
        cron = self.env.ref(xmlid)
        Progress = self.env["ir.cron.progress"].sudo()
        before = Progress.search([("cron_id", "=", cron.id)])
        self.env.flush_all()
        job = {
            **cron.read(load=None)[0],
            "done": 0,
            "remaining": 0,
            "timed_out_counter": 0,
        }
        self.registry.enter_test_mode(self.cr)
        try:
            with mute_logger("odoo.addons.base.models.ir_cron"):
                self.registry["ir.cron"]._process_job(
                    self.registry.db_name, self.registry.cursor(), job
                )
        finally:
            self.registry.leave_test_mode()
        self.env.invalidate_all()
        progress = Progress.search([("cron_id", "=", cron.id)], order="id") - before
        return [(p.done, p.remaining) for p in progress]


@tagged("post_install", "-at_install")
class TestFollowupCron(CronRunnerMixin, EmploymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time("2026-01-15"):
            cls.people = cls.Beneficiary.browse()
            for index in range(5):
                cls.people |= cls._create_beneficiary(
                    first_name=f"Leaver {index}", birth_date="1990-01-01"
                )
            cls.exits = cls.Exit.create(
                [
                    {"beneficiary_id": person.id, "reason": "training", "date": "2026-01-15"}
                    for person in cls.people
                ]
            )

    def test_followups_in_batches_with_progress(self):
        batch_2 = patch.object(type(self.Exit), "_cron_batch_size", 2)
        with batch_2, freeze_time("2026-04-15 10:00"):
            progress = self._run_cron("job_coaching.ir_cron_exit_followup")
        # 5 exits due at +3 months, 2 at a time: 3 calls, each committed.
        self.assertEqual(progress, [(2, 3), (2, 1), (1, 0)])
        self.assertEqual(len(self.Followup.search([("exit_id", "in", self.exits.ids)])), 5)
        self.assertEqual(set(self.exits.followup_ids.mapped("offset_months")), {"3"})
        # Both delays due at once: 10 follow-ups, the +3 ones first.
        with batch_2, freeze_time("2026-08-01 10:00"):
            progress = self._run_cron("job_coaching.ir_cron_exit_followup")
        self.assertEqual(progress, [(2, 3), (2, 1), (1, 0)])
        self.assertEqual(len(self.exits.followup_ids), 10)

    def test_crash_keeps_the_batches_already_done(self):
        Followup = type(self.Followup)
        schedule = Followup.activity_schedule
        calls = []

        def activity_schedule(followup, *args, **kwargs):
            calls.append(followup.id)
            if len(calls) == 5:
                raise RuntimeError("mail server down")
            return schedule(followup, *args, **kwargs)

        with (
            patch.object(type(self.Exit), "_cron_batch_size", 2),
            patch.object(Followup, "activity_schedule", activity_schedule),
            freeze_time("2026-04-15 10:00"),
        ):
            progress = self._run_cron("job_coaching.ir_cron_exit_followup")
        # The third call crashed and was rolled back; the first two stay.
        self.assertEqual(progress, [(2, 3), (2, 1), (0, 0)])
        self.assertEqual(len(self.exits.followup_ids), 4)
        self.assertEqual(len(self.exits.followup_ids.activity_ids), 4)


@tagged("post_install", "-at_install")
class TestPostingCron(CronRunnerMixin, SubsidyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.subsidy.action_activate()
        cls.subsidy.line_ids = [
            (0, 0, {"category": "personnel", "year": 2019, "amount_planned": 20000}),
        ]
        cls.allocations = cls.Allocation.create(
            [
                {
                    "subsidy_id": cls.subsidy.id,
                    "employee_id": cls.env["hr.employee"].create({"name": f"Agent {index}"}).id,
                    "role": "Insertion agent",
                    "fte": 0.5,
                    "date_start": "2018-09-01",
                    "date_end": "2022-06-30",
                    "monthly_cost": 3000,
                }
                for index in range(3)
            ]
        )

    def test_monthly_posting_in_batches(self):
        with (
            patch.object(type(self.Allocation), "_cron_batch_size", 2),
            freeze_time("2019-02-03 10:00"),
        ):
            progress = self._run_cron("job_coaching.ir_cron_post_personnel_cost")
            self.assertEqual(progress, [(2, 1), (1, 0)])
            postings = self.allocations.posting_ids
            self.assertEqual(postings.mapped("month"), [date(2019, 1, 1)] * 3)
            # 3000 a month at half time, once each.
            self.assertEqual(postings.mapped("amount"), [1500.0] * 3)
            # Run again: nothing left, nothing posted twice.
            self.assertEqual(self._run_cron("job_coaching.ir_cron_post_personnel_cost"), [(0, 0)])
        self.assertEqual(len(self.allocations.posting_ids), 3)


@tagged("post_install", "-at_install")
class TestAgeCron(CronRunnerMixin, JobCoachingCase):
    def test_birthdays_in_batches(self):
        with freeze_time("2026-06-15"):
            people = self.Beneficiary.browse()
            for index in range(3):
                people |= self._create_beneficiary(
                    first_name=f"Born {index}", birth_date="2000-06-16"
                )
            other = self._create_beneficiary(first_name="Other", birth_date="2000-06-17")
            self.env.flush_all()  # the ages of that day
        self.assertEqual(people.mapped("age"), [25, 25, 25])
        with (
            patch.object(type(self.Beneficiary), "_cron_batch_size", 2),
            freeze_time("2026-06-16 10:00"),
        ):
            progress = self._run_cron("job_coaching.ir_cron_beneficiary_age")
            self.assertEqual(progress, [(2, 1), (1, 0)])
            self.assertEqual(people.mapped("age"), [26, 26, 26])
            self.assertEqual(people.mapped("is_youth"), [False] * 3)
            self.assertEqual(other.age, 25)
            # Ages up to date: the next run has nothing to do.
            self.assertEqual(self._run_cron("job_coaching.ir_cron_beneficiary_age"), [(0, 0)])
