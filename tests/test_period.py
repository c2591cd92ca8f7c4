# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import JobCoachingCase


@tagged("post_install", "-at_install")
class TestPeriodOrder(JobCoachingCase):
    """The one refusal of a record that ends before it starts
    (job_coaching.period): a period of dates may last a single day, a meeting
    must last; the refusal names the record and gives the start in the
    user's own date format."""

    def test_a_period_of_one_day_is_accepted_the_day_before_refused(self):
        target = (
            self.env["job_coaching.target"]
            .with_user(self.coordinator)
            .create(
                {
                    "name": "Intakes of 1 March",
                    "kind": "accompanied",
                    "value": 5,
                    "date_from": "2026-03-01",
                    "date_to": "2026-03-01",
                    "zone_id": self.zone.id,
                }
            )
        )
        self.assertEqual(str(target.date_to), "2026-03-01")
        with self.assertRefused(ValidationError, "ends before it starts") as caught:
            target.write({"date_to": "2026-02-28"})
        self.assertEqual(
            str(caught.exception),
            "Job Coaching Target “Intakes of 1 March” ends before it starts: "
            "set its end after 03/01/2026.",
        )
        self.assertEqual(str(target.date_to), "2026-03-01")

    def test_a_meeting_must_last(self):
        workshop = self._create_workshop()
        with self.assertRefused(
            ValidationError, "Table Emploi Workshop “Write your CV” ends before it starts"
        ) as caught:
            workshop.write({"stop": "2026-06-10 09:00:00"})
        # the start in the user's format, not ISO
        self.assertIn("06/10/2026", str(caught.exception))
        self.assertNotIn("2026-06-10", str(caught.exception))
        self.assertEqual(str(workshop.stop), "2026-06-10 12:00:00")
