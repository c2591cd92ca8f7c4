# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common_employment import EmploymentCase


@tagged("post_install", "-at_install")
class TestExitFollowup(EmploymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.worker = cls._create_beneficiary(first_name="Worker", birth_date="1990-01-01")
        cls.leaver = cls._create_beneficiary(first_name="Leaver", birth_date="1990-01-01")
        cls.Exit = cls.Exit.with_user(cls.agent)

    def _followups(self, exit_):
        return {
            f.offset_months: f.date_due for f in self.Followup.search([("exit_id", "=", exit_.id)])
        }

    @freeze_time("2026-01-15")
    def _record_exits(self):
        with Form(self.Exit) as form:
            form.beneficiary_id = self.worker
            form.reason = "job"
            form.contract_type = "open_ended"
            form.employer_id = self.employer
        into_job = form.save()
        lost = self.Exit.create(
            {"beneficiary_id": self.leaver.id, "reason": "lost_contact", "date": "2026-01-15"}
        )
        return into_job, lost

    def test_exit_moves_the_file(self):
        into_job, _lost = self._record_exits()
        self.assertEqual(into_job.date, date(2026, 1, 15))
        self.assertEqual(self.worker.stage_id, self.env.ref("job_coaching.stage_follow_up"))
        self.assertEqual(self.leaver.stage_id, self.env.ref("job_coaching.stage_closed"))

    def test_cron_creates_each_followup_once_when_due(self):
        into_job, lost = self._record_exits()
        cron = self.env["job_coaching.exit"]._cron_create_followups
        with freeze_time("2026-04-14"):
            cron()
        self.assertEqual(self._followups(into_job), {})
        with freeze_time("2026-04-15"):
            cron()
            cron()
        self.assertEqual(self._followups(into_job), {"3": date(2026, 4, 15)})
        # Nobody follows up a lost contact.
        self.assertEqual(self._followups(lost), {})
        followup = self.Followup.search([("exit_id", "=", into_job.id)])
        activity = followup.activity_ids
        self.assertEqual(activity.user_id, self.agent)
        self.assertEqual(activity.date_deadline, date(2026, 4, 15))
        self.assertEqual(activity.summary, "Follow-up at +3 months")

        # The cron missed some days: both delays come at once, only once.
        with freeze_time("2026-08-01"):
            cron()
            cron()
        self.assertEqual(
            self._followups(into_job), {"3": date(2026, 4, 15), "6": date(2026, 7, 15)}
        )
        six = self.Followup.search([("exit_id", "=", into_job.id), ("offset_months", "=", "6")])
        self.assertEqual(six.activity_ids.date_deadline, date(2026, 8, 1))

        with freeze_time("2026-08-02"):
            followup.with_user(self.agent).write(
                {"still_employed": True, "employer": "Test Kitchen"}
            )
            followup.with_user(self.agent).action_done()
        self.assertEqual(followup.date_done, date(2026, 8, 2))
        self.assertFalse(followup.activity_ids)

    def test_one_followup_per_exit_and_delay(self):
        into_job, _lost = self._record_exits()
        vals = {"exit_id": into_job.id, "offset_months": "3", "date_due": "2026-04-15"}
        self.Followup.create(vals)
        with (
            self.assertRefused(IntegrityError, "exit_offset_uniq|once at each delay"),
            mute_logger("odoo.sql_db"),
        ):
            self.Followup.create(vals)

    @freeze_time("2026-01-15")
    def test_bad_exits_refused(self):
        with self.assertRefused(ValidationError, "give its contract type"):
            self.Exit.create({"beneficiary_id": self.worker.id, "reason": "job"})
        with self.assertRefused(ValidationError, "in the future"):
            self.Exit.create(
                {"beneficiary_id": self.worker.id, "reason": "training", "date": "2026-02-01"}
            )
        self.assertFalse(self.Exit.search([("beneficiary_id", "=", self.worker.id)]))
        self.assertEqual(self.worker.stage_id, self.stage_intake)

    def test_file_with_employment_history_cannot_be_deleted(self):
        self._record_exits()
        with self.assertRefused(UserError, "archive them instead"):
            self.worker.unlink()
        self.assertEqual(self.Beneficiary.search([("id", "=", self.worker.id)]), self.worker)
