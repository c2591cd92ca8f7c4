# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import copy
from datetime import date

from freezegun import freeze_time

from odoo.tests import Form, tagged
from odoo.tools import SQL, escape_psql

from ..tools import make_register_number
from .common_employment import EmploymentCase

FIRST = "Ysolinde"
LAST = "Brackwaterhoek"
OLD_LAST = "Vandoorselaere"  # the name the file was opened under
NISS = make_register_number(date(2000, 9, 15), 123)
NISS_COMPACT = NISS.replace(".", "").replace("-", "")
PHONE_TYPED = "0487 31 62 95"
PHONE_STORED = "+32487316295"
MOBILE_TYPED = "0493 72 18 46"
MOBILE_STORED = "+32493721846"
EMAIL = "ysolinde.bw@example.org"
STREET = "Rue Jules Lahaye 317"
# Typed about the person in the records of the file.
PIIS = "PIIS/2026/YB-4471"
TUTOR = "Marguerite Oudenaarde"
WHERE = "Bakkerij Zonnebloem"
OTHER_LAST = "Wolkenstijn"
PERIOD = ("2025-07-01", "2026-06-30")


@freeze_time("2026-06-20")
@tagged("post_install", "-at_install")
class TestErasureScan(EmploymentCase):
    """After *Anonymise*, no text, varchar or jsonb column of the whole
    database holds anything typed about the person, and the activity report
    counts the same."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The chatter as in production: tracked values, subscriptions, mails.
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))
        for name in ("Beneficiary", "Application", "Contract", "Evaluation", "Exit", "Followup"):
            setattr(cls, name, cls.env[getattr(cls, name)._name])
        cls.coordinator.notification_type = "email"
        cls.agent_2.notification_type = "inbox"
        cls.place = cls.env["res.partner"].create(
            {"name": "Maison de quartier", "is_company": True, "is_job_coaching_partner": True}
        )
        cls.other = cls._create_beneficiary(
            first_name="Quirinus",
            last_name=OTHER_LAST,
            birth_date="1988-02-02",
            street="Rue Esseghem 5",
        )
        cls.other.with_user(cls.agent).message_post(
            body=f"Called Quirinus {OTHER_LAST}.", message_type="comment"
        )

    def _build_file(self):
        """One file with every kind of record, as an agent fills it in."""
        agent = self.agent
        person = self._create_beneficiary(
            first_name=FIRST,
            last_name=OLD_LAST,
            birth_date="2000-09-14",
            street=STREET,
            phone=PHONE_TYPED,
            mobile=MOBILE_TYPED,
            email=EMAIL,
            intake_date="2025-09-01",
            note=f"<p>{FIRST} prefers to be called on {MOBILE_TYPED}</p>",
            skills=f"Baker, like her father {OLD_LAST}",
        ).with_user(agent)
        # An old name and a wrong birth date corrected: both tracked (once the
        # file is saved: the request that creates a record does not track it).
        self.env.cr.flush()
        person.write({"last_name": LAST, "niss": NISS})
        self.assertEqual(str(person.birth_date), "2000-09-15")
        person.message_post(
            body=f"Called {FIRST} {LAST} on {PHONE_TYPED}, register number {NISS_COMPACT}.",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=(self.coordinator | self.agent_2).partner_id.ids,
            attachments=[(f"Letter {LAST}.txt", f"Dear {FIRST} {LAST}, {STREET}".encode())],
        )
        person.activity_schedule(
            "mail.mail_activity_data_todo",
            summary=f"Call {FIRST} back",
            note=f"<p>{LAST} asks about the training</p>",
            user_id=agent.id,
        )
        self.env["ir.attachment"].with_user(agent).create(
            {
                "name": f"CV {FIRST} {LAST}.txt",
                "res_model": person._name,
                "res_id": person.id,
                "raw": f"{FIRST} {LAST}, {STREET}, {EMAIL}".encode(),
                "mimetype": "text/plain",
            }
        )
        # sudo: a mail of the application to the person (no user sends it by hand)
        self.env["mail.mail"].sudo().create(
            {
                "subject": f"Your appointment, {FIRST} {LAST}",
                "body_html": f"<p>Dear {FIRST}, see you on Tuesday.</p>",
                "email_to": EMAIL,
                "model": person._name,
                "res_id": person.id,
            }
        )
        # Sessions, one with a social note and an activity.
        Session = self.env["job_coaching.session"].with_user(agent)
        sessions = Session.create(
            [
                {
                    "beneficiary_id": person.id,
                    "kind": "intake",
                    "start": "2025-09-10 09:00:00",
                    "stop": "2025-09-10 10:00:00",
                    "summary": f"<p>{FIRST} lives at {STREET}</p>",
                },
                {
                    "beneficiary_id": person.id,
                    "start": "2026-03-10 09:00:00",
                    "stop": "2026-03-10 10:00:00",
                    "summary": f"<p>{LAST} found a training</p>",
                },
            ]
        )
        sessions.action_done()
        sessions[1].message_post(body=f"{FIRST} was on time.", message_type="comment")
        sessions[1].activity_schedule(
            "mail.mail_activity_data_todo", summary=f"Send the CV of {LAST}", user_id=agent.id
        )
        self.env["job_coaching.social.note"].with_user(agent).create(
            {"session_id": sessions[0].id, "body": f"<p>Debts; {FIRST} {LAST} lives alone</p>"}
        )
        # The insertion plan with its PIIS, actions and reviews.
        plan = (
            self.env["job_coaching.insertion.plan"]
            .with_user(agent)
            .create(
                {
                    "beneficiary_id": person.id,
                    "job_title": "Baker",
                    "strengths": f"{FIRST} is punctual",
                    "piis_reference": PIIS,
                    "piis_signature_date": "2025-09-15",
                    "motivation_start": "2",
                    "self_confidence_start": "2",
                    "next_review_date": "2026-07-01",
                    "action_ids": [
                        (
                            0,
                            0,
                            {
                                "name": f"Forklift course for {FIRST}",
                                "action_type": "training",
                                "date_start": "2025-11-03",
                                "result": f"{LAST} passed",
                                "certificate": base64.b64encode(f"{FIRST} {LAST}".encode()),
                                "certificate_filename": f"certificate_{LAST}.txt",
                            },
                        )
                    ],
                    "review_ids": [
                        (
                            0,
                            0,
                            {
                                "date": day,
                                "motivation": motivation,
                                "self_confidence": "3",
                                "comment": f"{FIRST} said so",
                            },
                        )
                        for day, motivation in (("2026-02-01", "2"), ("2026-05-01", "4"))
                    ],
                }
            )
        )
        plan.action_ids.action_start()
        # An application, the art. 60 contract, its tutor and an evaluation.
        vacancy = self._create_vacancy()
        application = self.Application.with_user(agent).create(
            {"vacancy_id": vacancy.id, "beneficiary_id": person.id}
        )
        # sudo: why a person is proposed is the ranking's (a read-only field)
        application.sudo().match_reasons = f"{FIRST} lives at {STREET}"
        application.action_send()
        application.write({"employer_rating": "4", "employer_feedback": f"{FIRST} is kind"})
        contract = self._create_contract(person, user=agent, date_start="2025-10-06", tutor=TUTOR)
        contract.action_start()
        with Form(self.Evaluation.with_user(agent)) as form:
            form.contract_id = contract
            form.evaluation_type = "mid_term"
            form.date = date(2026, 1, 5)
            form.comments = f"{FIRST} learns fast"
            with form.line_ids.edit(0) as line:
                line.score = 4
                line.comment = f"{LAST} is always on time"
        # The exit into a job and its follow-up at +3 months.
        exit_ = self.Exit.with_user(agent).create(
            {
                "beneficiary_id": person.id,
                "date": "2026-01-15",
                "reason": "job",
                "contract_type": "open_ended",
                "employer_id": self.employer.id,
                "notes": f"{FIRST} signed on {STREET}",
            }
        )
        self.Exit._cron_create_followups()
        followup = self.Followup.search([("exit_id", "=", exit_.id)])
        self.assertEqual(followup.mapped("offset_months"), ["3"])
        followup.with_user(agent).write(
            {
                "date_done": "2026-04-20",
                "still_employed": True,
                "employer": WHERE,
                "notes": f"{FIRST} is doing well",
            }
        )
        # A workshop attended and an office-hours visit under the person's name.
        workshop = self._create_workshop(agent)
        self.env["job_coaching.workshop.registration"].with_user(agent).create(
            {"workshop_id": workshop.id, "beneficiary_id": person.id, "attendance": "attended"}
        )
        office_hours = (
            self.env["job_coaching.office.hours"]
            .with_user(agent)
            .create(
                {
                    "date": "2022-05-03",
                    "half_day": "morning",
                    "place_id": self.place.id,
                    "zone_id": self.zone.id,
                }
            )
        )
        self.env["job_coaching.office.hours.visit"].with_user(agent).create(
            {
                "office_hours_id": office_hours.id,
                "beneficiary_id": person.id,
                "visitor_name": f"{FIRST} {LAST}",
                "comment": f"Came with {TUTOR}",
            }
        )
        return person.with_user(self.env.user)

    def _scan(self, secrets):
        """{(table, column, secret)} of every text, varchar and jsonb column
        of the whole database that holds one of the secrets."""
        self.env.cr.flush()  # what a commit would write: tracked values, bus notifications
        self.env.flush_all()
        columns = {}
        for table, column in self.env.execute_query(
            SQL(
                """
                SELECT c.table_name, c.column_name
                  FROM information_schema.columns c
                  JOIN information_schema.tables t
                    ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                 WHERE c.table_schema = current_schema()
                   AND t.table_type = 'BASE TABLE'
                   AND c.data_type IN ('text', 'character varying', 'jsonb')
                """
            )
        ):
            columns.setdefault(table, []).append(column)
        self.assertGreater(len(columns), 100, "the scan reads the whole database")
        patterns = [f"%{escape_psql(secret)}%" for secret in secrets]
        hits = set()
        for table, names in columns.items():
            texts = [SQL("%s::text", SQL.identifier(name)) for name in names]
            rows = self.env.execute_query(
                SQL(
                    "SELECT %s FROM %s WHERE %s",
                    SQL(", ").join(texts),
                    SQL.identifier(table),
                    SQL(" OR ").join(SQL("%s ILIKE ANY(%s)", text, patterns) for text in texts),
                )
            )
            for row in rows:
                for name, value in zip(names, row, strict=True):
                    for secret in secrets:
                        if value and secret.lower() in value.lower():
                            hits.add((table, name, secret))
        return hits

    def _report(self):
        # The agent's files only: the test's own data, not the database's.
        values = (
            self.env["report.job_coaching.activity"]
            .with_user(self.coordinator)
            ._get_activity_values(*PERIOD, user_ids=self.agent.ids)
        )
        return copy.deepcopy(values)

    def test_nothing_of_the_person_is_left_in_the_database(self):
        person = self._build_file()
        secrets = [
            FIRST,
            LAST,
            OLD_LAST,
            NISS,
            NISS_COMPACT,
            PHONE_TYPED,
            PHONE_STORED,
            MOBILE_TYPED,
            MOBILE_STORED,
            EMAIL,
            STREET,
            PIIS,
            TUTOR,
            WHERE,
        ]
        before = self._scan([*secrets, OTHER_LAST])
        self.assertEqual(
            {secret for _table, _column, secret in before},
            {*secrets, OTHER_LAST},
            "each secret is in the database before the erasure",
        )
        found_in = {table for table, _column, _secret in before}
        for table in (
            "job_coaching_beneficiary",
            "mail_message",
            "mail_tracking_value",
            "mail_activity",
            "mail_mail",
            "ir_attachment",
            "job_coaching_session",
            "job_coaching_social_note",
            "job_coaching_insertion_plan",
            "job_coaching_plan_action",
            "job_coaching_art60_contract",
            "job_coaching_art60_evaluation_line",
            "job_coaching_application",
            "job_coaching_exit_followup",
            "job_coaching_office_hours_visit",
            "job_coaching_situation",
        ):
            self.assertIn(table, found_in)
        Tracking = self.env["mail.tracking.value"].sudo()
        birth_tracked = [
            ("old_value_datetime", ">=", "2000-09-14"),
            ("old_value_datetime", "<", "2000-09-15"),
        ]
        self.assertEqual(Tracking.search_count(birth_tracked), 1, "the birth date is tracked")
        report = self._report()
        self.assertEqual(report["totals"]["session_done"], 2)
        self.assertEqual(report["youth_reviewed"], 1)
        youth = next(row for row in report["age_group"] if row["key"] == "18_25")
        self.assertEqual(youth["session_done"], 2)

        wizard = Form(
            self.env["job_coaching.erasure.wizard"]
            .with_user(self.coordinator)
            .with_context(default_beneficiary_ids=person.ids)
        )
        wizard.requested_by = "person"
        wizard.reason = "Letter of 12 June 2026"
        wizard.save().action_anonymise()

        self.assertEqual(self._scan(secrets), set())
        self.assertEqual(Tracking.search_count(birth_tracked), 0)
        self.assertTrue(self._scan([OTHER_LAST]), "the scan finds what is still there")
        self.assertEqual(self._report(), report, "the activity report changed")
        self.assertTrue(person.erased)
        # Born 15 September 2000, the person is 25 from 15 September 2025 to
        # 14 September 2026. The latest date of the file in that year before
        # the birthday is the plan's next review, 1 July 2026: the day after
        # it is kept (1 January would count the session of 10 March 2026 and
        # the first review at 26, out of the youth).
        self.assertEqual(str(person.birth_date), "2000-07-02")
        self.assertEqual((person.age, person.is_youth, person.in_zone), (25, True, True))


@freeze_time("2026-06-20")
@tagged("post_install", "-at_install")
class TestRetention(EmploymentCase):
    """The retention anonymises closed files only: the last exit is older than
    the retention period and nothing happened on the file after it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].sudo().set_param("job_coaching.retention_years", "5")

    def _file(self, name, *exits, **vals):
        person = self._create_beneficiary(first_name=name, intake_date="2015-03-02", **vals)
        for day in exits:
            self.Exit.create({"beneficiary_id": person.id, "date": day, "reason": "other"})
        return person

    def _session(self, person, day):
        return (
            self.env["job_coaching.session"]
            .with_user(self.agent)
            .create(
                {"beneficiary_id": person.id, "start": f"{day} 09:00:00", "stop": f"{day} 10:00:00"}
            )
        )

    def test_only_closed_files_are_anonymised(self):
        # Closed: the last exit is more than 5 years old (before 2021-06-20)
        # and everything on the file is older than that exit.
        closed = self._file("Closed", "2016-06-01")
        self._session(closed, "2016-01-11")
        twice = self._file("Twice", "2014-05-05", "2016-06-01")
        self._session(twice, "2015-02-02")  # between the two exits
        # Reopened after an old exit, each in its own way.
        by_session = self._file("BySession", "2016-06-01")
        self._session(by_session, "2026-03-10")
        by_planned_session = self._file("ByPlannedSession", "2016-06-01")
        self._session(by_planned_session, "2026-09-01")
        by_plan = self._file("ByPlan", "2016-06-01")
        self.env["job_coaching.insertion.plan"].with_user(self.agent).create(
            {"beneficiary_id": by_plan.id}
        )
        by_contract = self._file("ByContract", "2016-06-01")
        self._create_contract(by_contract, user=self.agent, date_start="2026-03-02")
        by_application = self._file("ByApplication", "2016-06-01")
        self.Application.with_user(self.agent).create(
            {"vacancy_id": self._create_vacancy().id, "beneficiary_id": by_application.id}
        )
        by_workshop = self._file("ByWorkshop", "2016-06-01")
        workshop = self._create_workshop()
        self.env["job_coaching.workshop.registration"].with_user(self.agent).create(
            {"workshop_id": workshop.id, "beneficiary_id": by_workshop.id}
        )
        by_intake = self._file("ByIntake", "2016-06-01")
        by_intake.intake_date = "2025-01-06"
        # Not past the retention: the exit is 5 years old to the day.
        recent = self._file("Recent", "2021-06-20")
        # No exit: an open file.
        never_left = self._file("NeverLeft")
        everyone = (
            closed
            | twice
            | by_session
            | by_planned_session
            | by_plan
            | by_contract
            | by_application
            | by_workshop
            | by_intake
            | recent
            | never_left
        )
        names = dict(zip(everyone.ids, everyone.mapped("first_name"), strict=True))

        self.Beneficiary._cron_apply_retention()
        self.env.invalidate_all()

        erased = everyone.with_context(active_test=False).filtered("erased")
        self.assertEqual(erased, closed | twice)
        untouched = everyone - erased
        self.assertEqual(len(untouched), 9)
        for person in untouched:
            self.assertEqual(person.first_name, names[person.id])
            self.assertTrue(person.active)
        logs = self.env["job_coaching.erasure.log"].search(
            [("beneficiary_ref", "in", everyone.ids)]
        )
        self.assertEqual(sorted(logs.mapped("beneficiary_ref")), sorted((closed | twice).ids))
        self.assertEqual(set(logs.mapped("requested_by")), {"retention"})

    def test_the_files_due_are_found_in_a_few_queries(self):
        """The number of queries does not grow with the number of files."""
        Beneficiary = self.Beneficiary.with_context(active_test=False)
        limit = date(2021, 6, 20)
        first = self._file("First", "2016-06-01")
        self._session(first, "2026-03-10")
        self.env.flush_all()
        queries = self._count_queries(lambda: Beneficiary._retention_due(limit))
        more = self.Beneficiary
        for index in range(6):
            person = self._file(f"More{index}", "2016-06-01")
            self._session(person, f"2026-03-{11 + index}" if index % 2 else f"2016-01-{12 + index}")
            more |= person
        self.env.flush_all()
        self.assertEqual(self._count_queries(lambda: Beneficiary._retention_due(limit)), queries)
        due = Beneficiary._retention_due(limit) & (first | more)
        self.assertEqual(due, more.filtered(lambda p: p.first_name in ("More0", "More2", "More4")))

    def _count_queries(self, function):
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        function()
        return self.env.cr.sql_log_count - before
