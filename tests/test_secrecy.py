# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Secrecy by construction, played over real JSON-RPC by hostile users of two
CPAS in one database. The lists of models and fields come from the registry:
a model added tomorrow is attacked the day it exists (or the test says it
lacks a record to attack)."""

import itertools
from datetime import date, datetime, timedelta

from lxml import etree

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from ..tools import make_register_number
from .common import FINANCE_GROUP, MANAGER_GROUP, USER_GROUP
from .common_rpc import RpcError, json_rpc

LAYER_REFUSAL = "can only be recorded on a file of your caseload"
# Add-on models that hold no company on purpose: configuration shared by the
# CPAS of one database, never anybody's personal data.
SHARED_CONFIGURATION = {
    "job_coaching.stage",
    "job_coaching.referral.channel",
    "job_coaching.evaluation.criterion",
    "job_coaching.art60.duration.rule",
}
# Documents whose chatter is finance's (money, not social data).
FINANCE_THREADS = {"job_coaching.subsidy", "job_coaching.staff.allocation"}


@tagged("post_install", "-at_install")
class TestSecrecy(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.seq = itertools.count(1)
        cls.company_a = cls.env.company
        cls.company_k = cls.env["res.company"].create({"name": "CPAS de Koekelberg"})

        def user(login, groups, company):
            return new_test_user(
                cls.env,
                login=login,
                password=f"{login}_pw",
                groups=groups,
                name=login.replace("_", " ").title(),
                company_id=company.id,
                company_ids=[(6, 0, company.ids)],
                tz="Europe/Brussels",
                lang="en_US",
            )

        cls.agent = user("sec_agent", USER_GROUP, cls.company_a)
        cls.agent_2 = user("sec_agent_two", USER_GROUP, cls.company_a)
        cls.coordinator = user("sec_coordinator", MANAGER_GROUP, cls.company_a)
        cls.finance = user("sec_finance", FINANCE_GROUP, cls.company_a)
        cls.outsider = user("sec_outsider", "base.group_user", cls.company_a)
        cls.portal = user("sec_portal", "base.group_portal", cls.company_a)
        cls.agent_k = user("sec_agent_k", USER_GROUP, cls.company_k)
        cls.coordinator_k = user("sec_coordinator_k", MANAGER_GROUP, cls.company_k)

        cls.mine = cls._world(cls.company_a, cls.agent, "Mine")
        cls.theirs = cls._world(cls.company_a, cls.agent_2, "Theirs")
        cls.foreign = cls._world(cls.company_k, cls.agent_k, "Foreign")
        # Names that no refusal may ever tell the agent of "mine".
        cls.secrets = [
            cls.theirs["job_coaching.beneficiary"].last_name,
            cls.foreign["job_coaching.beneficiary"].last_name,
            cls.agent_2.name,
            cls.agent_k.name,
        ]

    # ------------------------------------------------------------------
    # The world: one file with everything that hangs on it, per agent
    # ------------------------------------------------------------------

    @classmethod
    def _world(cls, company, agent, tag):
        env = cls.env(context=dict(cls.env.context, allowed_company_ids=company.ids))
        n = next(cls.seq)
        zone = env["job_coaching.zone"].create(
            {
                "name": f"Zone {tag}",
                "company_id": company.id,
                "date_start": "2018-01-01",
                "date_end": "2030-12-31",
            }
        )
        person = env["job_coaching.beneficiary"].create(
            {
                "first_name": "Person",
                "last_name": f"Zorglub{tag}",
                "birth_date": "1990-05-17",
                "company_id": company.id,
                "user_id": agent.id,
                "cpas_status": "ris",
            }
        )
        start = datetime(2026, 1, 5, 8) + timedelta(days=n)
        session = env["job_coaching.session"].create(
            {
                "beneficiary_id": person.id,
                "user_id": agent.id,
                "start": str(start),
                "stop": str(start + timedelta(hours=1)),
            }
        )
        note = (
            env["job_coaching.social.note"]
            .with_user(agent)
            .with_company(company)
            .create({"session_id": session.id, "body": f"<p>Note {tag}</p>"})
            .sudo()
        )
        place = env["res.partner"].create(
            {"name": f"Room {tag}", "is_company": True, "is_job_coaching_partner": True}
        )
        office_hours = env["job_coaching.office.hours"].create(
            {
                "date": "2026-01-06",
                "half_day": "morning",
                "place_id": place.id,
                "zone_id": zone.id,
                "user_id": agent.id,
                "company_id": company.id,
            }
        )
        visit = env["job_coaching.office.hours.visit"].create(
            {
                "office_hours_id": office_hours.id,
                "beneficiary_id": person.id,
                "topic": cls._first("job_coaching.office.hours.visit", "topic"),
            }
        )
        presence = env["job_coaching.outreach.presence"].create(
            {
                "name": f"Party {tag}",
                "date": "2026-01-10",
                "zone_id": zone.id,
                "user_id": agent.id,
                "company_id": company.id,
                "hours": 3.0,
                "people_reached": 12,
                "beneficiary_ids": [(6, 0, person.ids)],
            }
        )
        plan = env["job_coaching.insertion.plan"].create({"beneficiary_id": person.id})
        review = env["job_coaching.plan.review"].create(
            {
                "plan_id": plan.id,
                "date": "2026-01-15",
                "motivation": cls._first("job_coaching.plan.review", "motivation"),
                "self_confidence": cls._first("job_coaching.plan.review", "self_confidence"),
            }
        )
        action = env["job_coaching.plan.action"].create(
            {
                "plan_id": plan.id,
                "name": f"Action {tag}",
                "action_type": cls._first("job_coaching.plan.action", "action_type"),
            }
        )
        workshop = env["job_coaching.workshop"].create(
            {
                "name": f"CV {tag}",
                "topic": cls._first("job_coaching.workshop", "topic"),
                "start": str(start + timedelta(days=30)),
                "stop": str(start + timedelta(days=30, hours=2)),
                "company_id": company.id,
            }
        )
        registration = env["job_coaching.workshop.registration"].create(
            {"workshop_id": workshop.id, "beneficiary_id": person.id}
        )
        employer = env["res.partner"].create(
            {"name": f"Kitchen {tag}", "is_company": True, "is_employer": True}
        )
        vacancy = env["job_coaching.vacancy"].create(
            {
                "title": f"Cook {tag}",
                "employer_id": employer.id,
                "contract_type": "art60",
                "company_id": company.id,
            }
        )
        application = env["job_coaching.application"].create(
            {"vacancy_id": vacancy.id, "beneficiary_id": person.id}
        )
        contract = env["job_coaching.art60.contract"].create(
            {
                "beneficiary_id": person.id,
                "placement": "user_employer",
                "user_employer_id": employer.id,
                "job_title": f"Cook {tag}",
                "date_start": "2026-03-02",
                "company_id": company.id,
            }
        )
        evaluation = env["job_coaching.art60.evaluation"].create(
            {"contract_id": contract.id, "evaluation_type": "other", "date": "2026-03-10"}
        )
        criterion = env["job_coaching.evaluation.criterion"].create({"name": f"Criterion {tag}"})
        evaluation_line = env["job_coaching.art60.evaluation.line"].create(
            {"evaluation_id": evaluation.id, "criterion_id": criterion.id, "score": 3}
        )
        destination = env["job_coaching.referral.destination"].create(
            {"name": f"Antenna {tag}", "company_id": company.id}
        )
        exit_ = env["job_coaching.exit"].create(
            {
                "beneficiary_id": person.id,
                "date": "2026-01-20",
                "reason": "training",
                "referral_destination_ids": [(6, 0, destination.ids)],
            }
        )
        followup = env["job_coaching.exit.followup"].create(
            {"exit_id": exit_.id, "offset_months": "3", "date_due": "2026-04-20"}
        )
        consent = env["job_coaching.consent"].create(
            {"beneficiary_id": person.id, "purpose": "employers"}
        )
        feedback = env["job_coaching.partner.feedback"].create(
            {
                "partner_id": employer.id,
                "rating": cls._first("job_coaching.partner.feedback", "rating"),
                "company_id": company.id,
            }
        )
        target = env["job_coaching.target"].create(
            {
                "name": f"Target {tag}",
                "company_id": company.id,
                **cls._required_defaults("job_coaching.target", ("name", "company_id")),
            }
        )
        funder = env["res.partner"].create({"name": f"Region {tag}", "is_company": True})
        subsidy = env["job_coaching.subsidy"].create(
            {
                "name": f"Subsidy {tag}",
                "funder_id": funder.id,
                "date_start": "2026-01-01",
                "date_end": "2027-12-31",
                "company_id": company.id,
            }
        )
        subsidy_line = env["job_coaching.subsidy.line"].create(
            {
                "subsidy_id": subsidy.id,
                "year": 2026,
                "category": "operations",
                "amount_planned": 100,
            }
        )
        allocation = env["job_coaching.staff.allocation"].create(
            {
                "subsidy_id": subsidy.id,
                "employee_id": env["hr.employee"]
                .create({"name": f"Employee {tag}", "company_id": company.id})
                .id,
                "fte": 0.5,
                "monthly_cost": 3000.0,
                "date_start": "2026-01-01",
                "date_end": "2026-12-31",
            }
        )
        payroll = env["job_coaching.payroll.line"].create(
            {
                "employee_id": allocation.employee_id.id,
                "month": "2026-02-01",
                "total_cost": 3200.0,
                "company_id": company.id,
            }
        )
        posting = env["job_coaching.staff.cost.posting"].create(
            {"allocation_id": allocation.id, "month": "2026-01-01", "amount": 1500.0}
        )
        env["job_coaching.access.log"].create(
            {"user_id": agent.id, "what": "Export", "model": person._name, "company_id": company.id}
        )
        erasure_log = env["job_coaching.erasure.log"].create(
            {
                "requested_by": "person",
                "executed_by_id": agent.id,
                "reason": "Test",
                "beneficiary_ref": person.id,
                "company_id": company.id,
            }
        )
        records = [
            zone,
            zone.street_ids.create({"zone_id": zone.id, "name": f"Rue {tag}"}),
            person,
            session,
            note,
            office_hours,
            visit,
            presence,
            plan,
            review,
            action,
            workshop,
            registration,
            vacancy,
            application,
            contract,
            evaluation,
            evaluation_line,
            destination,
            exit_,
            followup,
            consent,
            person.situation_ids,
            feedback,
            target,
            subsidy,
            subsidy_line,
            allocation,
            posting,
            payroll,
            env["job_coaching.access.log"].search([("company_id", "=", company.id)], limit=1),
            erasure_log,
            criterion,
            env["job_coaching.activity.note"].create(
                {
                    "date_from": f"2026-01-{n:02d}",
                    "date_to": "2026-12-31",
                    "company_id": company.id,
                    "difficulties": f"Difficulties {tag}",
                }
            ),
            env["job_coaching.stage"].search([], limit=1),
            env["job_coaching.referral.channel"].search([], limit=1),
            env["job_coaching.art60.duration.rule"].search([], limit=1),
        ]
        world = {record._name: record for record in records}
        world["job_coaching.activity.report"] = env["job_coaching.activity.report"].search(
            [("beneficiary_id", "=", person.id)], limit=1
        )
        return world

    @classmethod
    def _first(cls, model, name):
        return cls.env[model]._fields[name]._description_selection(cls.env)[0][0]

    @classmethod
    def _required_defaults(cls, model, skip):
        """Plain values for the other required fields of ``model``."""
        vals = {}
        for name, field in cls.env[model]._fields.items():
            if not field.required or name in skip or field.default or field.compute:
                continue
            if field.type == "selection":
                vals[name] = cls._first(model, name)
            elif field.type in ("integer", "float"):
                vals[name] = 10
            elif field.type == "date":
                vals[name] = "2026-01-01"
            elif field.type == "char":
                vals[name] = "Value"
        return vals

    # ------------------------------------------------------------------
    # JSON-RPC
    # ------------------------------------------------------------------

    def rpc(self, user, model, method, *args, **kwargs):
        kwargs.setdefault("context", {"lang": "en_US"})
        with mute_logger("odoo.http", "odoo.sql_db", "odoo.models", "odoo.addons.base"):
            return json_rpc(self, user, f"{user.login}_pw", model, method, args, kwargs)

    def assertRpcRefused(self, user, model, method, *args, message=None, **kwargs):
        """The call is refused with a clean error that names nobody secret."""
        with self.assertRaises(RpcError, msg=f"{user.login}: {model}.{method}{args}") as caught:
            self.rpc(user, model, method, *args, **kwargs)
        error = caught.exception
        self.assertTrue(error.clean, f"{model}.{method}: unclean error {error.data.get('name')}")
        for secret in self.secrets:
            if secret == user.name:
                continue  # Odoo's own refusals name the caller
            self.assertNotIn(secret, error.message, f"{model}.{method} told {secret!r}")
        if message:
            self.assertIn(message, error.message, f"{model}.{method}")
        return error

    def _assert_search_finds_nothing(self, user, model, record_id):
        """A search for the record finds nothing when the user may read the
        model (the rules hide it); without the right to read the model, the
        search itself is refused with an access error."""
        may_read = (
            self.env["ir.model.access"].with_user(user).check(model, "read", raise_exception=False)
        )
        if may_read:
            found = self.rpc(user, model, "search", [("id", "=", record_id)])
            self.assertEqual(found, [], f"{user.login} sees {model}")
        else:
            with self.assertRaises(RpcError, msg=f"{user.login} searches {model}") as caught:
                self.rpc(user, model, "search", [("id", "=", record_id)])
            self.assertEqual(caught.exception.data.get("name"), "odoo.exceptions.AccessError")
            self.assertIn("You are not allowed to access", caught.exception.message)

    def _stored(self, record, names):
        record = record.sudo().with_context(active_test=False)
        record.invalidate_recordset()
        return {name: record[name] for name in names}

    # ------------------------------------------------------------------
    # The registry
    # ------------------------------------------------------------------

    def _addon_models(self, transient=False):
        return sorted(
            name
            for name, model in self.registry.items()
            if name.startswith("job_coaching.")
            and not model._abstract
            and bool(model._transient) == transient
        )

    def _file_models(self, transient=False):
        FileRecord = self.registry["job_coaching.file.record"]
        return [
            m for m in self._addon_models(transient) if issubclass(self.registry[m], FileRecord)
        ]

    def _file_links(self, model):
        """Stored, writable many2one and many2many fields leading to a file
        or to a record of one."""
        FileRecord = self.registry["job_coaching.file.record"]
        return [
            name
            for name, field in self.env[model]._fields.items()
            if field.type in ("many2one", "many2many")
            and field.store
            and not field.readonly
            and (
                field.comodel_name == "job_coaching.beneficiary"
                or issubclass(self.registry[field.comodel_name], FileRecord)
            )
        ]

    def test_registry_is_covered(self):
        """Every model of the add-on has a record in the world to attack, and
        every record that hangs on a file is of the layer."""
        models = self._addon_models()
        self.assertGreaterEqual(len(models), 30)
        self.assertFalse(set(models) - set(self.mine), "models without a record to attack")
        for name in models:
            fields_ = self.env[name]._fields
            if "beneficiary_id" in fields_ and name != "job_coaching.activity.report":
                self.assertIn(name, self._file_models(), f"{name} hangs on a file")
        self.assertGreaterEqual(len(self._file_models()), 14)

    # ------------------------------------------------------------------
    # 1. Re-parenting after write, 2. messages that name people
    # ------------------------------------------------------------------

    def test_no_record_is_moved_onto_a_file_out_of_reach(self):
        tried = 0
        for model in self._file_models():
            links = self._file_links(model)
            self.assertTrue(links, f"{model} has no writable link to a file")
            record = self.mine[model]
            for name in links:
                comodel = self.env[model]._fields[name].comodel_name
                before = self._stored(record, links)
                for target in (self.theirs[comodel], self.foreign[comodel]):
                    tried += 1
                    self.assertRpcRefused(
                        self.agent,
                        model,
                        "write",
                        [record.id],
                        {name: self._link(model, name, target)},
                        message=LAYER_REFUSAL,
                    )
                self.assertEqual(self._stored(record, links), before, f"{model}.{name} moved")
        self.assertGreaterEqual(tried, 2 * 14)

    def test_nothing_is_recorded_on_a_file_out_of_reach(self):
        """Creating on another agent's or another CPAS's file is refused by the
        layer before any constraint runs: even values that break a constraint
        (dates out of order, a second record where one is unique) get the same
        neutral answer, which names nobody."""
        tried = 0
        for model in self._file_models() + self._file_models(transient=True):
            if model not in self.mine:
                continue
            base = self._create_vals(self.mine[model])
            links = [name for name in self._file_links(model) if base.get(name)]
            self.assertTrue(links, f"{model}: no link in its values")
            for world in (self.theirs, self.foreign):
                vals = dict(base)
                for name in links:
                    target = world[self.env[model]._fields[name].comodel_name]
                    vals[name] = self._link(model, name, target)
                # Their own record's values again: a second record where one
                # is unique ("already proposed", "one plan per person"…).
                again = self._create_vals(world[model])
                for variant in [*self._variants(model, vals), again]:
                    tried += 1
                    count = self.env[model].sudo().with_context(active_test=False).search_count([])
                    self.assertRpcRefused(
                        self.agent, model, "create", [variant], message=LAYER_REFUSAL
                    )
                    self.assertEqual(
                        self.env[model].sudo().with_context(active_test=False).search_count([]),
                        count,
                    )
        self.assertGreaterEqual(tried, 3 * 2 * 14)

    def _link(self, model, name, target):
        """The value of the link ``name`` of ``model`` that points at ``target``."""
        if self.env[model]._fields[name].type == "many2many":
            return [(4, target.id)]
        return target.id

    def _create_vals(self, record):
        """The values that would create ``record`` again, as a user may type
        them (with its links to files)."""
        record = record.sudo()
        vals = {}
        for name, field in record._fields.items():
            if field.type == "many2many" and name in self._file_links(record._name):
                vals[name] = [(6, 0, record[name].ids)]
                continue
            if (
                not field.store
                or field.readonly
                or field.type in ("one2many", "many2many", "binary")
                or name in ("id", "active", "company_id")
                or name.startswith(("message_", "activity_"))
            ):
                continue
            value = record[name]
            if field.type == "many2one":
                value = value.id
            elif field.type in ("date", "datetime"):
                value = value and str(value)
            if value not in (False, None, ""):
                vals[name] = value
        return vals

    def _variants(self, model, vals):
        """The values, and the values with every date set before 1901 (dates
        out of order for every constraint that compares them)."""
        dated = dict(vals)
        for name, field in self.env[model]._fields.items():
            if name in vals and field.type == "date":
                dated[name] = "1900-01-02"
            elif name in vals and field.type == "datetime":
                dated[name] = "1900-01-02 10:00:00" if name != "start" else "1900-01-03 10:00:00"
        return [vals, dated]

    def test_refusals_on_foreign_numbers_name_nobody(self):
        """The register-number check of a file of another agent names nobody;
        another CPAS's files are not even looked at."""
        number = make_register_number(date(1990, 5, 17), 33)
        foreign_number = make_register_number(date(1990, 5, 17), 75)
        self.theirs["job_coaching.beneficiary"].niss = number
        self.foreign["job_coaching.beneficiary"].niss = foreign_number
        error = self.assertRpcRefused(
            self.agent,
            "job_coaching.beneficiary",
            "create",
            [{"first_name": "Copy", "last_name": "Cat", "niss": number.replace(".", "")}],
        )
        self.assertIn("another file of the CPAS", error.message)
        created = self.rpc(
            self.agent,
            "job_coaching.beneficiary",
            "create",
            [{"first_name": "Same", "last_name": "Elsewhere", "niss": foreign_number}],
        )
        # Another CPAS's file is no business of this one: the number is taken here.
        self.assertEqual(
            self._stored(
                self.env["job_coaching.beneficiary"].browse(created), ["company_id", "niss"]
            ),
            {"company_id": self.company_a, "niss": foreign_number},
        )

    # ------------------------------------------------------------------
    # 4. Fields the user must not set
    # ------------------------------------------------------------------

    def _readonly_fields(self, model):
        """Stored fields read-only by definition or in every form view of the model."""
        Model = self.env[model]
        names = {
            name
            for name, field in Model._fields.items()
            if field.store and field.readonly and not field.inverse
        }
        for view in self.env["ir.ui.view"].search([("model", "=", model), ("type", "=", "form")]):
            arch = etree.fromstring(Model.get_view(view.id, "form")["arch"])
            # (fields the view only reads for its modifiers come invisible: not shown)
            for node in arch.xpath(
                "//field[(@readonly='1' or @readonly='True') and not(@invisible)]"
            ):
                if (
                    node.getparent().tag not in ("list", "kanban")
                    and node.get("name") in Model._fields
                ):
                    names.add(node.get("name"))
        skip = {"id", "create_uid", "create_date", "write_uid", "write_date", "display_name"}
        return sorted(
            name
            for name in names - skip
            if not name.startswith(("message_", "activity_", "website_"))
            and Model._fields[name].type not in ("one2many", "many2many", "binary", "properties")
        )

    def _forged(self, record, name):
        field = record._fields[name]
        current = record.sudo()[name]
        if field.type in ("char", "text", "html"):
            return "Forged"
        if field.type == "boolean":
            return not current
        if field.type in ("integer", "float", "monetary"):
            return (current or 0) + 7
        if field.type == "date":
            return "2001-02-03"
        if field.type == "datetime":
            return "2001-02-03 04:05:06"
        if field.type == "selection":
            values = [key for key, _l in field._description_selection(self.env) if key != current]
            return values[0] if values else None
        if field.type == "many2one":
            other = self.env[field.comodel_name].sudo().search([("id", "!=", current.id)], limit=1)
            return other.id or None
        return None

    def test_read_only_fields_are_refused_over_rpc(self):
        tried, forged = 0, []
        for model in self._addon_models():
            record = self.mine[model]
            attacker = (
                self.agent
                if record.with_user(self.agent).has_access("write")
                else (self.finance if record.with_user(self.finance).has_access("write") else None)
            )
            if attacker is None:
                continue
            for name in self._readonly_fields(model):
                value = self._forged(record, name)
                if value is None:
                    continue
                tried += 1
                before = self._stored(record, [name])
                try:
                    self.rpc(attacker, model, "write", [record.id], {name: value})
                except RpcError as error:
                    self.assertTrue(error.clean, f"{model}.{name}: {error.data.get('name')}")
                if self._stored(record, [name]) != before:
                    forged.append(f"{model}.{name}")
        self.assertFalse(forged, "read-only fields written over RPC")
        self.assertGreaterEqual(tried, 20)

    def test_anonymised_flag_and_override_stamp_cannot_be_forged(self):
        person = self.mine["job_coaching.beneficiary"]
        for vals in (
            {"erased": True},
            {"actiris_override_user_id": self.coordinator.id},
            {"actiris_override_date": "2026-01-01"},
            {"consent_user_id": self.coordinator.id},
        ):
            self.assertRpcRefused(self.agent, person._name, "write", [person.id], vals)
            self.assertRpcRefused(
                self.agent, person._name, "create", [{"first_name": "A", "last_name": "B", **vals}]
            )
        self.assertFalse(person.erased)
        consent = self.mine["job_coaching.consent"]
        consent.sudo().write({"date_given": "2026-01-01", "date_withdrawn": "2026-02-01"})
        self.assertRpcRefused(
            self.agent, consent._name, "write", [consent.id], {"date_withdrawn": False}
        )
        self.assertEqual(str(consent.sudo().date_withdrawn), "2026-02-01")

    def test_a_session_touches_only_its_own_calendar_event(self):
        session = self.mine["job_coaching.session"]
        private = self.env["calendar.event"].create(
            {
                "name": "Coordinator's private appointment",
                "start": "2026-02-02 10:00:00",
                "stop": "2026-02-02 11:00:00",
                "user_id": self.coordinator.id,
                "privacy": "private",
            }
        )
        self.assertRpcRefused(
            self.agent, session._name, "write", [session.id], {"event_id": private.id}
        )
        self.rpc(self.agent, session._name, "write", [session.id], {"location": "phone"})
        self.rpc(self.agent, session._name, "action_cancel", [session.id])
        self.assertTrue(private.exists())
        self.assertEqual(private.name, "Coordinator's private appointment")
        self.assertEqual(private.user_id, self.coordinator)

    # ------------------------------------------------------------------
    # 6. The chatter, 7. agents
    # ------------------------------------------------------------------

    def _threads(self):
        MailThread = self.registry["mail.thread"]
        return [m for m in self._addon_models() if issubclass(self.registry[m], MailThread)]

    def test_every_chatter_stays_inside_the_team(self):
        threads = self._threads()
        self.assertGreaterEqual(len(threads), 14)
        for model in threads:
            record = self.mine[model]
            finance_thread = model in FINANCE_THREADS
            member = self.finance if finance_thread else self.agent
            strangers = [self.outsider, self.portal, self.agent_k]
            strangers.append(self.agent if finance_thread else self.finance)
            messages = self.env["mail.message"].sudo().search_count([("model", "=", model)])
            followers = record.sudo().message_partner_ids
            for stranger in strangers:
                partner = stranger.partner_id.id
                self.assertRpcRefused(
                    member,
                    model,
                    "message_post",
                    [record.id],
                    body="Hello",
                    message_type="comment",
                    partner_ids=[partner],
                )
                self.assertRpcRefused(
                    member,
                    model,
                    "message_notify",
                    [record.id],
                    body="Hello",
                    partner_ids=[partner],
                )
                self.assertRpcRefused(
                    member, model, "message_subscribe", [record.id], partner_ids=[partner]
                )
            self.assertEqual(
                self.env["mail.message"].sudo().search_count([("model", "=", model)]), messages
            )
            record.invalidate_recordset()
            self.assertEqual(record.sudo().message_partner_ids, followers, model)
            # A team member of the document's company may be written to.
            colleague = self.coordinator.partner_id.id
            self.rpc(
                member,
                model,
                "message_post",
                [record.id],
                body="Team",
                message_type="comment",
                partner_ids=[colleague],
            )

    def test_activities_are_assigned_inside_the_team(self):
        # (Odoo checks that the assignee may read the document; the access
        # rights keep every document of the add-on inside its team.)
        for model in self._threads():
            record = self.mine[model]
            member = self.finance if model in FINANCE_THREADS else self.agent
            stranger = self.agent if model in FINANCE_THREADS else self.finance
            for user in (stranger, self.portal, self.agent_k):
                self.assertRpcRefused(
                    member,
                    "mail.activity",
                    "create",
                    [
                        {
                            "res_model_id": self.env["ir.model"]._get_id(model),
                            "res_id": record.id,
                            "summary": "Call back",
                            "user_id": user.id,
                        }
                    ],
                )
            self.assertFalse(
                self.env["mail.activity"]
                .sudo()
                .search([("res_model", "=", model), ("res_id", "=", record.id)])
                .filtered(lambda a, s=stranger: a.user_id == s)
            )

    def test_composer_cannot_write_outside_the_team(self):
        for model in self._threads():
            record = self.mine[model]
            member = self.finance if model in FINANCE_THREADS else self.agent
            for mode in ("comment", "mass_mail"):
                [composer] = self.rpc(
                    member,
                    "mail.compose.message",
                    "create",
                    [
                        {
                            "model": model,
                            "res_ids": str([record.id]),
                            "composition_mode": mode,
                            "subject": "Out",
                            "body": "<p>Out</p>",
                            "partner_ids": [(6, 0, [self.outsider.partner_id.id])],
                        }
                    ],
                )
                self.assertRpcRefused(
                    member, "mail.compose.message", "action_send_mail", [composer]
                )
            self.assertFalse(
                self.env["mail.mail"]
                .sudo()
                .search([("recipient_ids", "in", self.outsider.partner_id.ids)]),
                model,
            )

    def test_only_agents_of_the_company_are_agents(self):
        """Files and sessions accept as agent a Job Coaching user of their
        company: never finance, a portal user or another CPAS's agent — and
        finance never gets "You have been assigned to …"."""
        for model in ("job_coaching.beneficiary", "job_coaching.session"):
            record = self.mine[model]
            for stranger in (self.finance, self.portal, self.agent_k, self.outsider):
                self.assertRpcRefused(
                    self.coordinator, model, "write", [record.id], {"user_id": stranger.id}
                )
            self.assertEqual(record.sudo().user_id, self.agent)
        self.assertRpcRefused(
            self.coordinator,
            "job_coaching.beneficiary",
            "write",
            [self.mine["job_coaching.beneficiary"].id],
            {"shared_user_ids": [(4, self.finance.id)]},
        )
        self.assertFalse(
            self.env["mail.message"]
            .sudo()
            .search([("partner_ids", "in", self.finance.partner_id.ids)])
        )

    def test_double_booking_tells_no_other_file_s_times(self):
        """Booking a colleague who is busy with a file out of reach says they
        are busy, not when nor with whom; the coordinator is told the times."""
        theirs = self.theirs["job_coaching.session"]
        vals = {
            "beneficiary_id": self.mine["job_coaching.beneficiary"].id,
            "user_id": self.agent_2.id,
            "start": str(theirs.start + timedelta(minutes=15)),
            "stop": str(theirs.stop + timedelta(minutes=15)),
        }
        error = self.assertRpcRefused(self.agent, theirs._name, "create", [vals])
        self.assertIn("not free", error.message)
        self.assertNotIn(theirs.start.strftime("%H:%M"), error.message)
        self.assertNotIn(str(theirs.start.date()), error.message)
        with self.assertRaises(RpcError) as caught:
            self.rpc(self.coordinator, theirs._name, "create", [vals])
        self.assertIn("already has a session", caught.exception.message)

    def test_a_file_changes_company_only_by_a_coordinator(self):
        person = self.mine["job_coaching.beneficiary"]
        self.agent.company_ids = [(4, self.company_k.id)]
        self.assertRpcRefused(
            self.agent, person._name, "write", [person.id], {"company_id": self.company_k.id}
        )
        self.assertEqual(person.sudo().company_id, self.company_a)

    # ------------------------------------------------------------------
    # 3. Transient models, 7. companies, 5. notes and visits
    # ------------------------------------------------------------------

    def test_every_record_is_invisible_to_the_other_cpas(self):
        checked = 0
        for model in self._addon_models():
            if model in SHARED_CONFIGURATION:
                self.assertNotIn("company_id", self.env[model]._fields)
                continue
            self.assertIn("company_id", self.env[model]._fields, f"{model} has no company")
            record = self.mine[model]
            self.assertTrue(record, f"{model}: no record of company A")
            for stranger in (self.agent_k, self.coordinator_k):
                self._assert_search_finds_nothing(stranger, model, record.id)
                self.assertRpcRefused(stranger, model, "read", [record.id], ["display_name"])
            checked += 1
        self.assertGreaterEqual(checked, 26)

    def test_portal_and_finance_read_no_social_data(self):
        social = [m for m in self._addon_models() if m not in SHARED_CONFIGURATION]
        for model in social:
            record = self.mine[model]
            self.assertRpcRefused(self.portal, model, "read", [record.id], ["display_name"])
            if model in FINANCE_THREADS or model.startswith(
                (
                    "job_coaching.subsidy",
                    "job_coaching.staff",
                    "job_coaching.payroll",
                    "job_coaching.zone",
                )
            ):
                continue
            self.assertRpcRefused(self.finance, model, "read", [record.id], ["display_name"])

    def test_wizards_belong_to_their_creator(self):
        transient = self._addon_models(transient=True)
        self.assertGreaterEqual(len(transient), 6)
        vacancy = self.mine["job_coaching.vacancy"]
        [match] = self.rpc(
            self.agent, "job_coaching.candidate.match", "create", [{"vacancy_id": vacancy.id}]
        )
        [line] = self.rpc(
            self.agent,
            "job_coaching.candidate.match.line",
            "create",
            [
                {
                    "match_id": match,
                    "beneficiary_id": self.mine["job_coaching.beneficiary"].id,
                }
            ],
        )
        [erasure] = self.rpc(
            self.coordinator,
            "job_coaching.erasure.wizard",
            "create",
            [
                {
                    "beneficiary_ids": [(6, 0, self.mine["job_coaching.beneficiary"].ids)],
                    "requested_by": "person",
                    "reason": "Secret reason",
                }
            ],
        )
        [report] = self.rpc(self.agent, "job_coaching.activity.report.wizard", "create", [{}])
        for model, record_id, strangers in (
            ("job_coaching.candidate.match", match, (self.agent_2, self.coordinator, self.agent_k)),
            ("job_coaching.candidate.match.line", line, (self.agent_2, self.coordinator)),
            ("job_coaching.erasure.wizard", erasure, (self.coordinator_k,)),
            ("job_coaching.activity.report.wizard", report, (self.agent_2, self.coordinator)),
        ):
            for stranger in strangers:
                self._assert_search_finds_nothing(stranger, model, record_id)
        # A line cannot point at a file out of reach to read it back.
        self.assertRpcRefused(
            self.agent,
            "job_coaching.candidate.match.line",
            "create",
            [
                {
                    "match_id": match,
                    "beneficiary_id": self.theirs["job_coaching.beneficiary"].id,
                }
            ],
            message=LAYER_REFUSAL,
        )

    def test_notes_and_visits_only_on_files_of_the_caseload(self):
        for model, vals in (
            (
                "job_coaching.social.note",
                {
                    "beneficiary_id": self.theirs["job_coaching.beneficiary"].id,
                    "body": "<p>Reading back</p>",
                },
            ),
            (
                "job_coaching.office.hours.visit",
                {
                    "office_hours_id": self.mine["job_coaching.office.hours"].id,
                    "beneficiary_id": self.theirs["job_coaching.beneficiary"].id,
                    "topic": self._first("job_coaching.office.hours.visit", "topic"),
                },
            ),
        ):
            self.assertRpcRefused(self.agent, model, "create", [vals], message=LAYER_REFUSAL)

    def test_residence_history_of_another_file_is_out_of_reach(self):
        """Another agent's file: its residence and status periods are not
        found, not read, not written, and none is recorded on it."""
        model = "job_coaching.situation"
        theirs = self.theirs[model]
        self.assertTrue(theirs)
        for agent in (self.agent, self.agent_k):
            self.assertEqual(self.rpc(agent, model, "search", [("id", "=", theirs.id)]), [])
            self.assertRpcRefused(agent, model, "read", [theirs.id], ["street", "cpas_status"])
            self.assertRpcRefused(agent, model, "write", [theirs.id], {"date_from": "2026-01-02"})
        before = self._stored(theirs, ["date_from"])
        count = self.env[model].sudo().search_count([])
        self.assertRpcRefused(
            self.agent,
            model,
            "create",
            [
                {
                    "beneficiary_id": self.theirs["job_coaching.beneficiary"].id,
                    "date_from": "2026-01-02",
                    "street": "Rue Esseghem 1",
                    "cpas_status": "ris",
                }
            ],
            message=LAYER_REFUSAL,
        )
        self.assertEqual(self.env[model].sudo().search_count([]), count)
        self.assertEqual(self._stored(theirs, ["date_from"]), before)
        # Their own file's periods: the agent reads them.
        mine = self.mine[model]
        self.assertEqual(self.rpc(self.agent, model, "search", [("id", "=", mine.id)]), mine.ids)

    def test_application_keeps_vacancy_and_file_in_one_company(self):
        self.coordinator.company_ids = [(4, self.company_k.id)]
        self.assertRpcRefused(
            self.coordinator,
            "job_coaching.application",
            "create",
            [
                {
                    "vacancy_id": self.foreign["job_coaching.vacancy"].id,
                    "beneficiary_id": self.mine["job_coaching.beneficiary"].id,
                }
            ],
            context={"allowed_company_ids": [self.company_a.id, self.company_k.id]},
        )
