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

    def test_the_refusal_names_the_record_in_the_users_language(self):
        """The kind of record in the user's language (not the model's English
        description), and the start in that language's date format."""
        self.env["res.lang"]._activate_lang("fr_BE")
        self.env["ir.module.module"].search([("name", "=", "job_coaching")])._update_translations(
            ["fr_BE"]
        )
        self.coordinator.lang = "fr_BE"
        target = (
            self.env["job_coaching.target"]
            .with_user(self.coordinator)
            .create(
                {
                    "name": "Accueils de mars",
                    "kind": "accompanied",
                    "value": 5,
                    "date_from": "2026-03-01",
                    "date_to": "2026-03-31",
                    "zone_id": self.zone.id,
                }
            )
        )
        with self.assertRefused(ValidationError, "se termine avant de commencer") as caught:
            target.with_context(lang="fr_BE").write({"date_to": "2026-02-28"})
        self.assertEqual(
            str(caught.exception),
            "Objectif Job Coaching « Accueils de mars » se termine avant de commencer : "
            "indiquez une fin après le 01/03/2026.",
        )
