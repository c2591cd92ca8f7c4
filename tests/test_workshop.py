# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

from .common import JobCoachingCase


@tagged("post_install", "-at_install")
@freeze_time("2026-06-15 12:00:00")
class TestWorkshop(JobCoachingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Workshop = cls.env["job_coaching.workshop"]
        cls.Registration = cls.env["job_coaching.workshop.registration"]
        cls.people = cls.Beneficiary
        for index in range(3):
            cls.people |= cls._create_beneficiary(first_name=f"Person{index}")

    def _workshop(self, **vals):
        return self._create_workshop(**{"capacity": 2, **vals})

    def _register(self, workshop, person, **vals):
        return self.Registration.with_user(self.agent).create(
            {"workshop_id": workshop.id, "beneficiary_id": person.id, **vals}
        )

    def test_end_follows_the_start(self):
        """Two hours by default, in the form as over RPC; an end typed after the
        start stays."""
        form = Form(self.Workshop.with_user(self.agent))
        form.name = "Interview"
        form.start = "2026-06-11 09:00:00"
        self.assertEqual(str(form.stop), "2026-06-11 11:00:00")
        form.stop = "2026-06-11 12:30:00"
        workshop = form.save()
        self.assertEqual(str(workshop.stop), "2026-06-11 12:30:00")
        workshop.write({"start": "2026-06-11 10:00:00"})
        self.assertEqual(str(workshop.stop), "2026-06-11 12:30:00")
        workshop.write({"start": "2026-06-12 09:00:00"})
        self.assertEqual(str(workshop.stop), "2026-06-12 11:00:00")
        created = self.Workshop.with_user(self.agent).create(
            {"name": "No end", "topic": "cv", "start": "2026-06-13 14:00:00"}
        )
        self.assertEqual(str(created.stop), "2026-06-13 16:00:00")

    def test_capacity_enforced(self):
        workshop = self._workshop()
        self._register(workshop, self.people[0])
        self._register(workshop, self.people[1])
        self.assertEqual(workshop.seats_taken, 2)
        with self.assertRefused(ValidationError, "is full"):
            self._register(workshop, self.people[2])
        self.assertEqual(self.Registration.search_count([("workshop_id", "=", workshop.id)]), 2)
        with self.assertRefused(ValidationError, "is full"):
            workshop.capacity = 1
        self.assertEqual(workshop.capacity, 2)
        workshop.capacity = 3
        self._register(workshop, self.people[2])
        self.assertEqual(workshop.seats_taken, 3)

    def test_capacity_through_the_form(self):
        workshop = self._workshop(capacity=1)
        form = Form(workshop.with_user(self.agent))
        for person in self.people[:2]:
            with form.registration_ids.new() as line:
                line.beneficiary_id = person
        with self.assertRefused(ValidationError, "is full"):
            form.save()
        self.assertFalse(workshop.registration_ids)

    def test_attendance_recorded_after_the_workshop_only(self):
        future = self._workshop(start="2026-06-20 09:00:00", stop="2026-06-20 12:00:00")
        registration = self._register(future, self.people[0])
        for attendance in ("attended", "absent", "excused"):
            with self.subTest(attendance=attendance):
                with self.assertRefused(ValidationError, "has not taken place yet"):
                    registration.attendance = attendance
                self.assertEqual(registration.attendance, "registered")
        with self.assertRefused(ValidationError, "has not taken place yet"):
            self._register(future, self.people[1], attendance="attended")
        past = self._workshop()
        done = self._register(past, self.people[0])
        done.attendance = "attended"
        self.assertEqual(past.attended_count, 1)

    def test_attendance_counted_on_the_beneficiary(self):
        first = self._workshop(capacity=5)
        second = self._workshop(name="Interview", topic="interview", capacity=5)
        person = self.people[0]
        self._register(first, person, attendance="attended")
        self._register(second, person, attendance="absent")
        self._register(second, self.people[1], attendance="attended")
        self.assertEqual(person.workshop_attended_count, 1)
        self.people.invalidate_recordset(["workshop_attended_count"])
        with self.assertQueryCount(1):
            self.assertEqual(self.people.mapped("workshop_attended_count"), [1, 1, 0])
        action = person.action_open_workshop_registrations()
        self.assertEqual(len(self.Registration.search(action["domain"])), 2)

    def test_end_before_start_refused(self):
        with self.assertRefused(ValidationError, "ends before it starts"):
            self._workshop(stop="2026-06-10 08:00:00")

    @mute_logger("odoo.models", "odoo.addons.base.models.ir_rule")
    def test_workshops_shared_registrations_follow_the_caseload(self):
        workshop = self._workshop(capacity=5)
        registration = self._register(workshop, self.people[0])
        # Every agent sees the workshop and its seats, not who registered
        # (what a request of that agent reads: the cache is shared by the test's users).
        self.env.invalidate_all()
        self.assertEqual(workshop.with_user(self.agent_2).seats_taken, 1)
        self.assertFalse(workshop.with_user(self.agent_2).registration_ids)
        with self.assertRaises(AccessError):
            registration.with_user(self.agent_2).read(["beneficiary_id"])
        with self.assertRaises(AccessError):
            registration.with_user(self.finance).read(["beneficiary_id"])
        with self.assertRaises(AccessError):
            workshop.with_user(self.finance).read(["name"])
        self.env.invalidate_all()
        self.assertEqual(workshop.with_user(self.coordinator).registration_ids, registration)


@tagged("post_install", "-at_install")
@freeze_time("2026-12-02 08:00:00")
class TestWorkshopFirstHour(JobCoachingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent.tz = "Europe/Brussels"
        cls.Workshop = cls.env["job_coaching.workshop"]
        cls.Registration = cls.env["job_coaching.workshop.registration"]
        cls.person = cls._create_beneficiary()
        cls.upcoming = cls.Workshop.create(
            {
                "name": "Interview practice",
                "start": "2026-12-08 09:00:00",
                "stop": "2026-12-08 11:00:00",
            }
        )
        cls.past = cls.Workshop.create(
            {"name": "Past CV", "start": "2026-11-20 09:00:00", "stop": "2026-11-20 11:00:00"}
        )
        cls.other_company = cls.env["res.company"].create({"name": "CPAS de Koekelberg"})
        cls.elsewhere = cls.Workshop.create(
            {
                "name": "Elsewhere",
                "start": "2026-12-08 09:00:00",
                "stop": "2026-12-08 11:00:00",
                "company_id": cls.other_company.id,
            }
        )

    def _offered(self, form):
        """The workshops the form's workshop field offers, as the web client
        evaluates the field's domain on the record being edited."""
        field = self.Registration._fields["workshop_id"]
        domain = safe_eval(field._description_domain(self.env), {"company_id": form.company_id.id})
        return self.Workshop.with_user(self.agent).search(domain)

    def test_registration_from_the_file_offers_the_company_workshops(self):
        # The file's button opens registrations with the file as default.
        action = self.person.with_user(self.agent).action_open_workshop_registrations()
        Registration = self.Registration.with_user(self.agent).with_context(**action["context"])
        form = Form(Registration)
        self.assertEqual(form.company_id, self.company)
        self.assertIn(self.upcoming, self._offered(form))
        self.assertNotIn(self.elsewhere, self._offered(form))
        form.workshop_id = self.upcoming
        registration = form.save()
        self.assertEqual(registration.workshop_id, self.upcoming)
        self.assertEqual(registration.company_id, self.company)
        self.assertEqual(self.upcoming.seats_taken, 1)
        self.assertEqual(self.person.workshop_registered_count, 1)
        self.assertEqual(self.person.workshop_attended_count, 0)

    def test_registration_to_a_workshop_of_another_company_refused(self):
        with self.assertRefused(UserError, "[Cc]ompan"):
            self.Registration.create(
                {"workshop_id": self.elsewhere.id, "beneficiary_id": self.person.id}
            )

    def test_past_workshops_are_closed(self):
        self.assertEqual(self.past.state, "planned")
        self.Workshop._cron_close_past_workshops()
        self.assertEqual(self.past.state, "done")
        self.assertEqual(self.upcoming.state, "planned")
        # A closed workshop is no longer offered for registration.
        form = Form(
            self.Registration.with_user(self.agent).with_context(
                default_beneficiary_id=self.person.id
            )
        )
        self.assertNotIn(self.past, self._offered(form))
        self.assertIn(self.upcoming, self._offered(form))

    def test_attendance_refusal_shows_the_local_time(self):
        with self.assertRefused(ValidationError, "has not taken place yet") as caught:
            self.Registration.with_user(self.agent).create(
                {
                    "workshop_id": self.upcoming.id,
                    "beneficiary_id": self.person.id,
                    "attendance": "attended",
                }
            )
        self.assertIn("12/08/2026 10:00:00", str(caught.exception))
