# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io
import zipfile
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from odoo.addons.job_coaching.tools import make_register_number

from .common_employment import EMPLOYMENT_DEPENDENTS_FIRST, EmploymentCase

SECRET = "Debt mediation in progress"
REPORT = "job_coaching.report_beneficiary_access_request"
# Models that link to a file and are not records of the person: a wizard's
# ranked candidates (the creator's transient list) and the analysis (an SQL
# view over the records below).
NOT_THE_PERSONS = {"job_coaching.candidate.match.line", "job_coaching.activity.report"}


@freeze_time("2026-06-20")
@tagged("post_install", "-at_install")
class TestPersonRights(EmploymentCase):
    """Access request, erasure, retention and the log of prints and exports."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.niss = make_register_number(date(1995, 4, 12), 321)
        cls.person = cls._create_beneficiary(
            first_name="Samira",
            last_name="Haddouchi",
            niss=cls.niss,
            phone="0470 12 34 56",
            email="samira@example.com",
            note="<p>Lives with her sister</p>",
        )
        cls.other = cls._create_beneficiary(
            first_name="Jonas", last_name="Vermeulen", birth_date="1988-02-02"
        )
        cls.sessions, cls.notes = {}, {}
        for who in (cls.person, cls.other):
            session = (
                cls.env["job_coaching.session"]
                .with_user(cls.agent)
                .create(
                    {
                        "beneficiary_id": who.id,
                        "start": f"2026-06-{16 if who == cls.person else 17} 09:00:00",
                        "stop": f"2026-06-{16 if who == cls.person else 17} 10:00:00",
                        "summary": f"<p>Summary about {who.first_name}</p>",
                    }
                )
            )
            cls.sessions[who] = session
            cls.notes[who] = (
                cls.env["job_coaching.social.note"]
                .with_user(cls.agent)
                .create({"session_id": session.id, "body": f"<p>{SECRET} for {who.first_name}</p>"})
            )
            who.message_post(body=f"Called {who.first_name} back.", message_type="comment")
        cls.contract = cls._create_contract(cls.person)
        cls.export = cls.env.ref("base.group_allow_export")
        (cls.agent | cls.coordinator).groups_id = [(4, cls.export.id)]

    # Access request

    def _linked_models(self):
        """Every stored model with a stored link to a file, read from the
        registry (not from the helper the access request walks)."""
        found = {}
        for name, Model in self.registry.items():
            if Model._abstract:
                continue
            for field in Model._fields.values():
                if (
                    field.type == "many2one"
                    and field.comodel_name == "job_coaching.beneficiary"
                    and field.store
                ):
                    found.setdefault(name, field.name)
        return {name: link for name, link in found.items() if name not in NOT_THE_PERSONS}

    def _one_of_each(self, who, tag):
        """One record of every linked model on the file ``who``, built by hand
        (besides the session, its note and the contract of setUpClass)."""
        agent = self.agent
        office_hours = self.env["job_coaching.office.hours"].create(
            {
                "date": "2022-06-02" if tag == "mine" else "2022-06-04",
                "half_day": "morning",
                "place_id": self.room.id,
                "zone_id": self.zone.id,
                "user_id": agent.id,
            }
        )
        plan = self.env["job_coaching.insertion.plan"].create({"beneficiary_id": who.id})
        contract = (
            self.contract
            if who == self.person
            else self._create_contract(who, job_title=f"Job {tag}", date_start="2026-03-02")
        )
        evaluation = self.Evaluation.create(
            {
                "contract_id": contract.id,
                "date": "2026-04-01",
                "evaluation_type": "mid_term",
                "comments": f"Evaluation {tag}",
                "line_ids": [(0, 0, {"criterion_id": self.criteria[0].id, "score": 4})],
            }
        )
        exit_ = self.Exit.create(
            {"beneficiary_id": who.id, "date": "2026-06-18", "reason": "training"}
        )
        return {
            "job_coaching.session": self.sessions[who],
            "job_coaching.social.note": self.notes[who],
            "job_coaching.office.hours.visit": self.env["job_coaching.office.hours.visit"].create(
                {"office_hours_id": office_hours.id, "beneficiary_id": who.id, "topic": "training"}
            ),
            "job_coaching.insertion.plan": plan,
            "job_coaching.plan.review": self.env["job_coaching.plan.review"].create(
                {
                    "plan_id": plan.id,
                    "date": "2026-05-05",
                    "motivation": "4",
                    "self_confidence": "3",
                }
            ),
            "job_coaching.plan.action": self.env["job_coaching.plan.action"].create(
                {"plan_id": plan.id, "name": f"Action {tag}", "action_type": "training"}
            ),
            "job_coaching.workshop.registration": self.env[
                "job_coaching.workshop.registration"
            ].create({"workshop_id": self.workshop.id, "beneficiary_id": who.id}),
            "job_coaching.application": self.Application.create(
                {"vacancy_id": self.vacancy.id, "beneficiary_id": who.id}
            ),
            "job_coaching.art60.contract": contract,
            "job_coaching.art60.evaluation": evaluation,
            "job_coaching.art60.evaluation.line": evaluation.line_ids,
            "job_coaching.exit": exit_,
            "job_coaching.exit.followup": self.Followup.create(
                {"exit_id": exit_.id, "offset_months": "3", "date_due": "2026-09-18"}
            ),
            "job_coaching.consent": self.env["job_coaching.consent"].create(
                {"beneficiary_id": who.id, "purpose": "statistics"}
            ),
            # the file's first residence and status period, begun with the file
            "job_coaching.situation": self.env["job_coaching.situation"].search(
                [("beneficiary_id", "=", who.id)]
            ),
        }

    def _places(self):
        """A room, a workshop and a vacancy for the records of the files."""
        self.room = self.env["res.partner"].create(
            {"name": "Room", "is_company": True, "is_job_coaching_partner": True}
        )
        self.workshop = self.env["job_coaching.workshop"].create(
            {
                "name": "CV workshop",
                "topic": "cv",
                "start": "2026-06-25 09:00:00",
                "stop": "2026-06-25 11:00:00",
                "capacity": 10,
            }
        )
        self.vacancy = self._create_vacancy(positions=2)

    def test_access_request_holds_everything_about_the_person_only(self):
        self._places()
        linked = self._linked_models()
        # The registry's list, not an empty one: every record kind of a file.
        self.assertGreaterEqual(len(linked), 14, sorted(linked))
        mine = self._one_of_each(self.person, "mine")
        theirs = self._one_of_each(self.other, "theirs")
        self.assertEqual(sorted(mine), sorted(linked), "a linked model without a record here")
        for records in (mine, theirs):
            for model in linked:
                self.assertEqual(len(records[model]), 1, model)
        self.assertEqual({r[linked[m]] for m, r in mine.items()}, {self.person})
        self.assertEqual({r[linked[m]] for m, r in theirs.items()}, {self.other})
        self.sessions[self.person].message_post(body="Session moved.", message_type="comment")
        self.sessions[self.other].message_post(body="Other moved.", message_type="comment")

        sections = self.person.with_user(self.coordinator)._access_request_data()

        got = {}
        for section in sections:
            got.setdefault(section["model"], []).extend(section["records"])
        self.assertEqual(len(got.pop(self.Beneficiary._name)), 1)
        messages = got.pop("mail.message")
        # One row per record of the person, for every linked model: counted by hand.
        self.assertEqual({model: len(rows) for model, rows in got.items()}, dict.fromkeys(mine, 1))
        # Each row is the person's, none is the other person's.
        for model, rows in got.items():
            values = [value for _label, value in rows[0]]
            self.assertIn(self.person.display_name, values, model)
            self.assertNotIn(self.other.display_name, values, model)
        # The messages: those on the file and on its records, found here in SQL.
        threads = [(self.Beneficiary._name, self.person.id)] + [
            (model, record.id) for model, record in mine.items()
        ]
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT count(*) FROM mail_message WHERE (model, res_id) IN %s", [tuple(threads)]
        )
        self.assertEqual(len(messages), self.env.cr.fetchone()[0])
        bodies = " ".join(value for row in messages for label, value in row if label == "Message")
        for text in ("Called Samira back.", "Session moved.", "Consent given: Statistics"):
            self.assertIn(text, bodies)
        for text in ("Called Jonas back.", "Other moved."):
            self.assertNotIn(text, bodies)
        values = " ".join(str(value) for s in sections for r in s["records"] for _label, value in r)
        for text in (self.niss, "Samira", SECRET, "Summary about Samira", "Action mine"):
            self.assertIn(text, values)
        for text in ("Jonas", "Vermeulen", "Summary about Jonas", "Action theirs", "theirs"):
            self.assertNotIn(text, values)

    def test_coordinator_deletes_every_record_of_a_file(self):
        """Security: the coordinator has every right on the records of the
        files (another agent's included); the file itself, having a history,
        is archived, never deleted."""
        self._places()
        records = self._one_of_each(self.other, "theirs")
        self.assertEqual(sorted(records), sorted(self._linked_models()))
        ids = {model: record.ids for model, record in records.items()}
        ids["job_coaching.office.hours"] = records[
            "job_coaching.office.hours.visit"
        ].office_hours_id.ids
        ids["job_coaching.workshop"] = self.workshop.ids
        ids["job_coaching.vacancy"] = self.vacancy.ids
        deleted = dict(ids)
        self.env.invalidate_all()
        for model in (
            "job_coaching.social.note",
            "job_coaching.session",
            "job_coaching.office.hours.visit",
            "job_coaching.office.hours",
            "job_coaching.plan.review",
            "job_coaching.plan.action",
            "job_coaching.insertion.plan",
            "job_coaching.workshop.registration",
            "job_coaching.workshop",
            *EMPLOYMENT_DEPENDENTS_FIRST,
            "job_coaching.vacancy",
            "job_coaching.consent",
            "job_coaching.situation",
        ):
            self.env[model].with_user(self.coordinator).browse(ids.pop(model)).unlink()
        self.assertEqual(ids, {}, "a model of the file left out")
        self.env.flush_all()
        for model, model_ids in deleted.items():
            self.env.cr.execute(
                f"SELECT count(*) FROM {self.env[model]._table} WHERE id IN %s",
                [tuple(model_ids)],
            )
            self.assertEqual(self.env.cr.fetchone()[0], 0, f"{model} rows left")
        with self.assertRefused(UserError, "archive them instead"):
            self.other.with_user(self.coordinator).unlink()

    def test_access_request_pdf_and_xlsx(self):
        person = self.person.with_user(self.coordinator)
        html = (
            self.env["ir.actions.report"]
            .with_user(self.coordinator)
            ._render_qweb_html(REPORT, person.ids)[0]
            .decode()
        )
        self.assertIn("Haddouchi", html)
        self.assertIn(SECRET, html)
        self.assertNotIn("Vermeulen", html)
        content = person._get_access_request_xlsx()
        with zipfile.ZipFile(io.BytesIO(content)) as workbook:
            strings = workbook.read("xl/sharedStrings.xml").decode()
            sheets = [name for name in workbook.namelist() if name.startswith("xl/worksheets/")]
        self.assertIn("Haddouchi", strings)
        self.assertIn(SECRET, strings)
        self.assertNotIn("Vermeulen", strings)
        self.assertEqual(len(sheets), len(person._access_request_data()))
        logs = self.env["job_coaching.access.log"].search([("user_id", "=", self.coordinator.id)])
        self.assertEqual(len(logs), 2)
        self.assertEqual(set(logs.mapped("record_ids")), {str(self.person.id)})

    def test_only_a_coordinator_answers_an_access_request(self):
        with self.assertRefused(AccessError, "coordinator"):
            self.person.with_user(self.agent)._access_request_data()
        with self.assertRefused(AccessError, "coordinator"):
            self.person.with_user(self.agent).action_print_access_request()

    # Erasure

    def test_erasure_anonymises_and_keeps_the_statistics(self):
        person = self.person
        before = {
            name: person[name] for name in ("zip", "in_zone", "age", "is_youth", "cpas_status")
        }
        wizard = Form(
            self.env["job_coaching.erasure.wizard"]
            .with_user(self.coordinator)
            .with_context(default_beneficiary_ids=person.ids)
        )
        wizard.requested_by = "person"
        wizard.reason = "Letter of 12 June 2026"
        wizard.save().action_anonymise()
        self.env.invalidate_all()
        self.assertTrue(person.erased)
        self.assertFalse(person.active)
        self.assertNotIn("Haddouchi", person.name)
        self.assertFalse(
            person.niss or person.phone or person.email or person.street or person.note
        )
        self.assertEqual(str(person.birth_date), "1995-01-01")
        self.assertEqual({name: person[name] for name in before}, before, "the statistics changed")
        sessions = self.env["job_coaching.session"].search([("beneficiary_id", "=", person.id)])
        self.assertFalse(any(sessions.mapped("summary")))
        notes = self.env["job_coaching.social.note"].search([("beneficiary_id", "=", person.id)])
        self.assertNotIn(SECRET, notes.body)
        for text in ("Samira", "Haddouchi", SECRET):
            self.assertFalse(self.env["mail.message"].search_count([("body", "ilike", text)]))
        log = self.env["job_coaching.erasure.log"].search([("beneficiary_ref", "=", person.id)])
        self.assertEqual(
            (log.requested_by, log.executed_by_id, log.reason),
            ("person", self.coordinator, "Letter of 12 June 2026"),
        )
        # The other person is untouched.
        self.assertEqual(self.other.name, "Jonas Vermeulen")
        self.assertEqual(self.env["mail.message"].search_count([("body", "ilike", "Jonas")]), 1)

    def test_only_a_coordinator_anonymises(self):
        with self.assertRefused(AccessError, "not allowed"), mute_logger("odoo.models"):
            self.env["job_coaching.erasure.wizard"].with_user(self.agent).create(
                {"beneficiary_ids": self.person.ids, "requested_by": "person", "reason": "x"}
            )
        self.assertFalse(self.person.erased)

    # Retention

    def _numbers(self):
        Beneficiary = self.Beneficiary.with_context(active_test=False)
        return (
            Beneficiary._read_group(
                [], ["in_zone", "is_youth", "cpas_status", "zip"], ["__count", "age:sum"]
            ),
            self.Exit.with_context(active_test=False)._read_group(
                [], ["reason", "contract_type"], ["__count"]
            ),
        )

    def test_retention_anonymises_exactly_the_files_past_it(self):
        self.env["ir.config_parameter"].sudo().set_param("job_coaching.retention_years", "5")
        old = self._create_beneficiary(
            first_name="Old", birth_date="2003-09-01", intake_date="2020-09-01"
        )
        recent = self._create_beneficiary(
            first_name="Recent", birth_date="2002-01-01", intake_date="2020-09-01"
        )
        self.Exit.create({"beneficiary_id": old.id, "date": "2021-06-19", "reason": "training"})
        self.Exit.create({"beneficiary_id": recent.id, "date": "2021-06-20", "reason": "other"})
        self.assertTrue(old.is_youth)
        numbers = self._numbers()
        self.Beneficiary._cron_apply_retention()
        self.env.invalidate_all()
        self.assertTrue(old.erased)
        self.assertFalse(recent.erased or self.person.erased or self.other.erased)
        self.assertEqual(self._numbers(), numbers, "the statistics changed")
        log = self.env["job_coaching.erasure.log"].search([("beneficiary_ref", "=", old.id)])
        self.assertEqual(log.requested_by, "retention")
        # A second run finds nothing more to do.
        self.Beneficiary._cron_apply_retention()
        self.assertEqual(
            self.env["job_coaching.erasure.log"].search_count([("beneficiary_ref", "=", old.id)]),
            1,
        )

    def test_retention_is_five_years_by_default_through_a_daily_scheduled_action(self):
        """Retention: 5 years by default, applied by a daily scheduled action."""
        param = self.env.ref("job_coaching.config_retention_years")
        self.assertEqual((param.key, param.value), ("job_coaching.retention_years", "5"))
        defaults = self.env["res.config.settings"].default_get(["job_coaching_retention_years"])
        self.assertEqual(defaults["job_coaching_retention_years"], 5)
        cron = self.env.ref("job_coaching.ir_cron_apply_retention")
        self.assertEqual(
            (cron.model_id.model, cron.interval_number, cron.interval_type, cron.active),
            ("job_coaching.beneficiary", 1, "days", True),
        )
        # Without the parameter, 5 years all the same. Today is 2026-06-20: an
        # exit on 2021-06-19 is past 5 years, one on 2021-06-20 is not.
        param.unlink()
        past = self._create_beneficiary(first_name="Past", intake_date="2020-09-01")
        kept = self._create_beneficiary(first_name="Kept", intake_date="2020-09-01")
        self.Exit.create({"beneficiary_id": past.id, "date": "2021-06-19", "reason": "other"})
        self.Exit.create({"beneficiary_id": kept.id, "date": "2021-06-20", "reason": "other"})
        cron.method_direct_trigger()
        self.env.invalidate_all()
        self.assertEqual(
            (past.erased, kept.erased, self.person.erased, self.other.erased),
            (True, False, False, False),
        )
        self.assertEqual(past.with_context(active_test=False).active, False)
        log = self.env["job_coaching.erasure.log"].search([("beneficiary_ref", "=", past.id)])
        self.assertEqual(log.requested_by, "retention")

    def test_retention_setting_is_for_administrators(self):
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.env["res.config.settings"].with_user(self.coordinator).create(
                {"job_coaching_retention_years": 1}
            )
        self.assertEqual(
            self.env["ir.config_parameter"].sudo().get_param("job_coaching.retention_years"), "5"
        )

    def test_retention_setting(self):
        settings = self.env["res.config.settings"].create({"job_coaching_retention_years": 3})
        settings.execute()
        self.assertEqual(
            self.env["ir.config_parameter"].sudo().get_param("job_coaching.retention_years"), "3"
        )
        with self.assertRefused(ValidationError, "between 1 and 100"):
            self.env["res.config.settings"].create({"job_coaching_retention_years": 0})

    # Who printed or exported

    def test_exports_are_logged_and_the_log_is_read_only(self):
        self.person.with_user(self.agent).export_data(["name", "niss_masked"])
        log = self.env["job_coaching.access.log"].search([("user_id", "=", self.agent.id)])
        self.assertEqual(
            (log.what, log.model, log.record_count),
            ("Export", "job_coaching.beneficiary", 1),
        )
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.env["job_coaching.access.log"].with_user(self.agent).search([])
        as_coordinator = log.with_user(self.coordinator)
        self.assertEqual(as_coordinator.read(["what"])[0]["what"], "Export")
        for method, args in (("write", ({"what": "Nothing"},)), ("unlink", ())):
            with (
                self.subTest(method=method),
                self.assertRaises(AccessError),
                mute_logger("odoo.models"),
            ):
                getattr(as_coordinator, method)(*args)
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.env["job_coaching.access.log"].with_user(self.coordinator).create(
                {"user_id": self.agent.id, "what": "Forged", "model": "x"}
            )

    # Consent

    def test_withdrawn_employer_consent_takes_the_person_out_of_matching(self):
        vacancy = self._create_vacancy()
        person = self.person.with_user(self.agent)
        with Form(person) as form:
            with form.consent_ids.new() as line:
                line.purpose = "employers"
            with form.consent_ids.new() as line:
                line.purpose = "statistics"
        consent = person.consent_ids.filtered(lambda c: c.purpose == "employers")
        self.assertEqual(consent.given_by_id, self.agent)
        self.assertFalse(person.employer_sharing_refused)
        candidates = [
            line["beneficiary_id"]
            for line in vacancy.env["job_coaching.candidate.match"]
            .with_user(self.agent)
            ._rank_candidates(vacancy)
        ]
        self.assertIn(self.person.id, candidates)

        consent.action_withdraw()
        self.assertEqual(str(consent.date_withdrawn), "2026-06-20")
        self.assertEqual(consent.withdrawn_by_id, self.agent)
        self.assertTrue(self.person.employer_sharing_refused)
        candidates = [
            line["beneficiary_id"]
            for line in vacancy.env["job_coaching.candidate.match"]
            .with_user(self.agent)
            ._rank_candidates(vacancy)
        ]
        self.assertNotIn(self.person.id, candidates)
        self.assertIn(self.other.id, candidates)
        bodies = " ".join(self.person.message_ids.mapped("body"))
        self.assertIn("Consent withdrawn: Sharing with employers", bodies)
        self.assertIn("Consent given: Statistics for the funder", bodies)
        # A new consent puts the person back; two in force for one purpose are refused.
        self.env["job_coaching.consent"].with_user(self.agent).create(
            {"beneficiary_id": self.person.id, "purpose": "employers"}
        )
        self.assertFalse(self.person.employer_sharing_refused)
        with self.assertRefused(ValidationError, "already gave this consent"):
            self.env["job_coaching.consent"].with_user(self.agent).create(
                {"beneficiary_id": self.person.id, "purpose": "employers"}
            )

    def test_other_agent_cannot_read_the_consents(self):
        consent = self.env["job_coaching.consent"].create(
            {"beneficiary_id": self.person.id, "purpose": "accompaniment"}
        )
        for user in (self.agent_2, self.finance):
            with (
                self.subTest(user=user.login),
                self.assertRaises(AccessError),
                mute_logger("odoo.models", "odoo.addons.base.models.ir_rule"),
            ):
                consent.with_user(user).read(["purpose"])
