# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import itertools
import logging
from datetime import date, datetime, timedelta

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import FINANCE_GROUP, MANAGER_GROUP, USER_GROUP
from .common_rpc import RpcError, json_rpc

_logger = logging.getLogger(__name__)

INJECTION = "'); DROP TABLE job_coaching_beneficiary; --"
# Values that make the ORM fail with an internal error (a traceback) for each
# type of field: the add-on must answer them with a message. Values the ORM
# stores as they come are not here (a long text, a year 1 date, 1.5 for an
# integer, "yes" for a boolean, an x2many command it ignores).
BAD_VALUES = {
    "char": [12, ["list"], {"a": 1}, "nul\x00byte"],
    "text": [12, ["list"], "nul\x00byte"],
    "html": [12, ["list"]],
    "integer": ["abc", 2**40, [1]],
    "float": ["abc", [1.0]],
    "monetary": ["abc", [1.0]],
    "date": ["2026-02-30", "not a date", 20260101, ["2026-01-01"]],
    "datetime": ["2026-13-01 25:00:00", "yesterday", 1, ["2026-01-01"]],
    "selection": ["no_such_value", 1, INJECTION],
    "many2one": ["abc", -1, 2**31 - 1, [1], 1.5],
    "many2many": ["abc", 1, [(6, 0, "abc")], [(0, 0, "abc")]],
    "one2many": ["abc", 1, [(0, 0, "abc")], [(1, "abc")]],
}
# Stored models of the add-on that each role may create, at the least: a model
# that drops out of the registry walk below (renamed, made abstract) fails here.
MIN_MODELS = {"agent": 20, "coordinator": 8, "finance": 4}
EN = {"lang": "en_US"}
NOT_A_CONDITION = "This search cannot be run: %s is not a condition."
# Malformed searches and their one answer: a ValidationError with this message
# (the terms come back as JSON lists).
BAD_DOMAINS = [
    ([("no_such_field", "=", 1)], NOT_A_CONDITION % "['no_such_field', '=', 1]"),
    ([("name", "no_such_operator", "x")], NOT_A_CONDITION % "['name', 'no_such_operator', 'x']"),
    ([(INJECTION, "=", 1)], NOT_A_CONDITION % repr([INJECTION, "=", 1])),
    ("not a domain", "A search needs a list of conditions."),
    ([("id", "in", "abc")], NOT_A_CONDITION % "['id', 'in', 'abc']"),
    # a path that goes on through a field that leads nowhere
    (
        [("create_date.no_such_part", "=", 1)],
        NOT_A_CONDITION % "['create_date.no_such_part', '=', 1]",
    ),
    ([("id.name", "=", 1)], NOT_A_CONDITION % "['id.name', '=', 1]"),
]


@tagged("post_install", "-at_install")
class TestHostileInput(HttpCase):
    """Drive every model of the add-on that a role may create over JSON-RPC,
    as that role, with malformed values: every call is refused with a clean
    error (a message, no traceback) and no row changes."""

    # model: a factory of valid values, to which one bad value is added. Every
    # stored model of the add-on that a role may create needs one.
    FACTORIES = {
        "job_coaching.beneficiary": lambda self: {
            "first_name": "Hostile",
            "last_name": "Input",
            "street": "Rue Esseghem 1",
        },
        # (a new person would add a period of their own: one file, a day each)
        "job_coaching.situation": lambda self: {
            "beneficiary_id": self.person.id,
            "date_from": str(date(2019, 1, 1) + timedelta(days=next(self.seq))),
            "street": "Rue Esseghem 3",
            "cpas_status": "ris",
        },
        "job_coaching.zone": lambda self: {
            "name": "Hostile zone",
            "date_start": "2020-01-01",
            "date_end": "2021-01-01",
        },
        "job_coaching.zone.street": lambda self: {
            "name": "Rue Hostile",
            "zone_id": self.env["job_coaching.zone"].search([], limit=1).id,
        },
        "job_coaching.stage": lambda self: {"name": "Hostile stage"},
        "job_coaching.referral.channel": lambda self: {"name": "Hostile channel"},
        "job_coaching.referral.destination": lambda self: {"name": "Hostile destination"},
        # Accompaniment
        "job_coaching.session": lambda self: {
            "beneficiary_id": self.person.id,
            "user_id": self.user.id,
            **self._slot(),
        },
        "job_coaching.social.note": lambda self: {
            "session_id": self.session.id,
            "body": "<p>Hostile note</p>",
        },
        "job_coaching.office.hours": lambda self: {
            "date": str(self.zone.date_start + timedelta(days=next(self.seq) % 300)),
            "half_day": "morning",
            "place_id": self.place.id,
            "zone_id": self.zone.id,
            "user_id": self.user.id,
        },
        "job_coaching.office.hours.visit": lambda self: {
            "office_hours_id": self.office_hours.id,
            "topic": self._first("job_coaching.office.hours.visit", "topic"),
        },
        "job_coaching.outreach.presence": lambda self: {
            "name": "Hostile party",
            "date": "2026-01-15",
            "zone_id": self.zone.id,
            "user_id": self.user.id,
            "hours": 2.0,
            "people_reached": 5,
            "beneficiary_ids": [(6, 0, self._person().ids)],
        },
        "job_coaching.insertion.plan": lambda self: {"beneficiary_id": self._person().id},
        "job_coaching.plan.review": lambda self: {
            "plan_id": self.plan.id,
            "date": "2026-01-15",
            "motivation": self._first("job_coaching.plan.review", "motivation"),
            "self_confidence": self._first("job_coaching.plan.review", "self_confidence"),
        },
        "job_coaching.plan.action": lambda self: {
            "plan_id": self.plan.id,
            "name": "Hostile action",
            "action_type": self._first("job_coaching.plan.action", "action_type"),
        },
        "job_coaching.workshop": lambda self: {
            "name": "Hostile workshop",
            "topic": self._first("job_coaching.workshop", "topic"),
            **self._slot(),
        },
        "job_coaching.workshop.registration": lambda self: {
            "workshop_id": self.workshop.id,
            "beneficiary_id": self._person().id,
        },
        # Employment
        "job_coaching.vacancy": lambda self: {
            "title": "Hostile vacancy",
            "employer_id": self.employer.id,
            "contract_type": "art60",
            "positions": 5,
        },
        "job_coaching.application": lambda self: {
            "vacancy_id": self.vacancy.id,
            "beneficiary_id": self._person().id,
        },
        "job_coaching.art60.contract": lambda self: {
            "beneficiary_id": self._person().id,
            "placement": "user_employer",
            "user_employer_id": self.employer.id,
            "job_title": "Hostile job",
            "date_start": "2026-03-02",
        },
        "job_coaching.art60.duration.rule": lambda self: {
            "name": "Hostile rule",
            "age_min": 20,
            "age_max": 30,
            "working_days": 100,
            "active": False,
        },
        "job_coaching.art60.evaluation": lambda self: {
            "contract_id": self.contract.id,
            "evaluation_type": "mid_term",
            "date": "2026-04-01",
        },
        "job_coaching.art60.evaluation.line": lambda self: {
            "evaluation_id": self.evaluation.id,
            "criterion_id": self.env["job_coaching.evaluation.criterion"]
            .create({"name": f"Hostile criterion {next(self.seq)}"})
            .id,
        },
        "job_coaching.evaluation.criterion": lambda self: {"name": "Hostile criterion"},
        "job_coaching.exit": lambda self: {
            "beneficiary_id": self._person().id,
            "date": "2025-01-15",
            "reason": "training",
        },
        "job_coaching.exit.followup": lambda self: {
            "exit_id": self.env["job_coaching.exit"]
            .create({"beneficiary_id": self._person().id, "date": "2025-01-15", "reason": "other"})
            .id,
            "offset_months": "3",
            "date_due": "2025-04-15",
        },
        # Data protection
        "job_coaching.consent": lambda self: {
            "beneficiary_id": self._person().id,
            "purpose": "employers",
        },
        "job_coaching.partner.feedback": lambda self: {
            "partner_id": self.place.id,
            "date": "2026-01-15",
            "rating": "4",
        },
        # Reporting
        "job_coaching.target": lambda self: {
            "name": "Hostile target",
            "kind": "accompanied",
            "value": 10,
            "date_from": "2026-01-01",
            "date_to": "2026-12-31",
        },
        "job_coaching.activity.note": lambda self: {
            "date_from": str(date(2026, 1, 1) + timedelta(days=next(self.seq) % 300)),
            "date_to": "2026-12-31",
        },
        # Subsidy
        "job_coaching.payroll.line": lambda self: {
            "employee_id": self.allocation.employee_id.id,
            "month": f"2019-{next(self.seq) % 12 + 1:02d}-01",
            "total_cost": 3000.0,
        },
        "job_coaching.subsidy": lambda self: {
            "name": "Hostile subsidy",
            "funder_id": self.funder.id,
            "date_start": "2018-01-01",
            "date_end": "2022-12-31",
        },
        "job_coaching.subsidy.line": lambda self: {
            "subsidy_id": self._subsidy().id,
            "year": 2019,
            "category": "operations",
        },
        "job_coaching.staff.allocation": lambda self: {
            "subsidy_id": self.subsidy.id,
            "employee_id": self.env["hr.employee"]
            .create({"name": f"Hostile employee {next(self.seq)}"})
            .id,
            "fte": 0.5,
            "monthly_cost": 3000.0,
            "date_start": "2019-01-01",
            "date_end": "2019-12-31",
        },
        "job_coaching.staff.cost.posting": lambda self: {
            "allocation_id": self.allocation.id,
            "month": str(datetime(2000 + next(self.seq) % 90, 1, 1).date()),
            "amount": 1500.0,
        },
    }

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # One plain user per role, whose password is their login.
        cls.user, cls.coordinator, cls.finance = (
            new_test_user(cls.env, login=login, password=login, groups=group)
            for login, group in (
                ("jc_hostile_agent", USER_GROUP),
                ("jc_hostile_coordinator", MANAGER_GROUP),
                ("jc_hostile_finance", FINANCE_GROUP),
            )
        )
        cls.seq = itertools.count()
        cls.zone = cls.env["job_coaching.zone"].create(
            {"name": "Hostile home", "date_start": "2018-01-01", "date_end": "2022-12-31"}
        )
        cls.person = cls._person()
        cls.session = cls.env["job_coaching.session"].create(
            {"beneficiary_id": cls.person.id, "user_id": cls.user.id, **cls._slot()}
        )
        cls.place = cls.env["res.partner"].create(
            {"name": "Hostile room", "is_company": True, "is_job_coaching_partner": True}
        )
        cls.office_hours = cls.env["job_coaching.office.hours"].create(
            {
                "date": "2018-02-01",
                "half_day": "afternoon",
                "place_id": cls.place.id,
                "zone_id": cls.zone.id,
                "user_id": cls.user.id,
            }
        )
        cls.plan = cls.env["job_coaching.insertion.plan"].create({"beneficiary_id": cls.person.id})
        cls.workshop = cls.env["job_coaching.workshop"].create(
            {
                "name": "Hostile CV",
                "topic": cls._first("job_coaching.workshop", "topic"),
                "capacity": 500,
                **cls._slot(),
            }
        )
        cls.employer = cls.env["res.partner"].create(
            {"name": "Hostile Kitchen", "is_company": True, "is_employer": True}
        )
        cls.vacancy = cls.env["job_coaching.vacancy"].create(
            {
                "title": "Hostile cook",
                "employer_id": cls.employer.id,
                "contract_type": "art60",
                "positions": 500,
            }
        )
        cls.contract = cls.env["job_coaching.art60.contract"].create(
            {
                "beneficiary_id": cls.person.id,
                "placement": "user_employer",
                "user_employer_id": cls.employer.id,
                "job_title": "Cook",
                "date_start": "2026-03-02",
            }
        )
        cls.evaluation = cls.env["job_coaching.art60.evaluation"].create(
            {"contract_id": cls.contract.id, "evaluation_type": "other", "date": "2026-03-10"}
        )
        cls.funder = cls.env["res.partner"].create({"name": "Hostile Region", "is_company": True})
        cls.subsidy = cls._subsidy()
        cls.allocation = cls.env["job_coaching.staff.allocation"].create(
            {
                "subsidy_id": cls.subsidy.id,
                "employee_id": cls.env["hr.employee"].create({"name": "Hostile agent"}).id,
                "fte": 0.5,
                "monthly_cost": 3000.0,
                "date_start": "2018-01-01",
                "date_end": "2022-12-31",
            }
        )

    @classmethod
    def _person(cls):
        """A new person (several records allow one per person)."""
        number = next(cls.seq)
        return cls.env["job_coaching.beneficiary"].create(
            {
                "first_name": f"Hostile{number}",
                "last_name": "Person",
                "birth_date": "1990-01-01",
                "cpas_status": "ris",
                "user_id": cls.user.id,
            }
        )

    @classmethod
    def _slot(cls):
        """A new hour (an agent is not booked twice)."""
        start = datetime(2026, 1, 5, 8) + timedelta(hours=2 * next(cls.seq))
        return {"start": str(start), "stop": str(start + timedelta(hours=1))}

    @classmethod
    def _subsidy(cls):
        return cls.env["job_coaching.subsidy"].create(
            {
                "name": f"Hostile subsidy {next(cls.seq)}",
                "funder_id": cls.funder.id,
                "date_start": "2018-01-01",
                "date_end": "2022-12-31",
            }
        )

    @classmethod
    def _first(cls, model, name):
        return cls.env[model]._fields[name]._description_selection(cls.env)[0][0]

    def _call(self, model, method, *args, **kwargs):
        return json_rpc(self, self.caller, self.caller.login, model, method, args, kwargs)

    def _snapshot(self, model):
        Model = self.env[model].with_context(active_test=False)
        records = Model.search([])
        names = [
            f
            for f, field in Model._fields.items()
            if field.store and f not in ("write_date", "__last_update")
        ]
        return records.read(names)

    def _injected_searches(self, model):
        """Valid searches carrying the injection as a value: on the model's own
        text fields and through a link to another model."""
        Model = self.env[model]
        texts = [
            name
            for name, field in Model._fields.items()
            if field.type == "char" and field.store and not field.groups
        ]
        return [[(name, "=", INJECTION)] for name in texts[:2]] + [
            [("create_uid.login", "=", INJECTION)]
        ]

    def _fields_to_try(self, model):
        Model = self.env[model]
        for name, field in Model._fields.items():
            # Read-only and computed fields too: the user may not set them at
            # all, a malformed value least of all.
            if field.type in BAD_VALUES and field.store:
                if name in ("id", "create_uid", "create_date", "write_uid", "write_date"):
                    continue
                if name.startswith(("message_", "activity_", "website_message")):
                    continue
                yield name, field

    def _creatable(self, user):
        """The stored models of the add-on (not wizards, not SQL views) that
        ``user`` may create, read from the registry."""
        names = set()
        for name in self.env.registry:
            Model = self.env[name]
            if (
                Model._original_module == "job_coaching"
                and not (Model._abstract or Model._transient)
                and Model._auto
                and Model.with_user(user).has_access("create")
            ):
                names.add(name)
        return names

    def _assert_refused_cleanly(self, role, user, models):
        self.assertGreaterEqual(len(models), MIN_MODELS[role], sorted(models))
        missing = sorted(set(models) - set(self.FACTORIES))
        self.assertFalse(missing, f"no factory of valid values for {missing}")
        self.caller = user
        tried, unclean, accepted_bad, bad_searches = 0, [], [], []
        for model in sorted(models):
            factory = self.FACTORIES[model]
            record_id = self._call(model, "create", [factory(self)])[0]
            before = self._snapshot(model)
            for name, field in self._fields_to_try(model):
                for bad in BAD_VALUES[field.type]:
                    for method, args in (
                        ("create", ([{**factory(self), name: bad}],)),
                        ("write", ([record_id], {name: bad})),
                    ):
                        tried += 1
                        try:
                            with mute_logger("odoo.http", "odoo.sql_db"):
                                self._call(model, method, *args)
                        except RpcError as error:
                            if not error.clean:
                                unclean.append(
                                    (model, method, name, repr(bad)[:40], error.data.get("name"))
                                )
                        else:
                            accepted_bad.append((model, method, name, repr(bad)[:40]))
                            self.env.invalidate_all()
                            break
            self.env.invalidate_all()
            if not accepted_bad:
                self.assertEqual(self._snapshot(model), before, f"rows of {model} changed")
            for domain, message in BAD_DOMAINS:
                tried += 1
                try:
                    with mute_logger("odoo.http"):
                        found = self._call(model, "search", domain, context=EN)
                except RpcError as error:
                    outcome = (error.data.get("name"), error.message)
                else:
                    outcome = ("accepted", found)
                if outcome != ("odoo.exceptions.ValidationError", message):
                    bad_searches.append((model, str(domain)[:40], outcome))
            # A valid search whose value is an injection finds nothing, and
            # the table is still there.
            for domain in self._injected_searches(model):
                tried += 1
                found = self._call(model, "search", domain, context=EN)
                if found != []:
                    bad_searches.append((model, str(domain)[:40], ("found", found)))
        _logger.info(
            "hostile input as %s: %s models, %s payloads tried, %s unclean errors, "
            "%s bad values accepted",
            role,
            len(models),
            tried,
            len(unclean),
            len(accepted_bad),
        )
        self.assertFalse(unclean, "\n".join(map(str, unclean[:40])))
        self.assertFalse(accepted_bad, "\n".join(map(str, accepted_bad[:40])))
        self.assertFalse(bad_searches, "\n".join(map(str, bad_searches[:40])))
        self.env.cr.execute("SELECT to_regclass('job_coaching_beneficiary')::text")
        self.assertEqual(self.env.cr.fetchone()[0], "job_coaching_beneficiary")
        self.assertGreater(tried, 20 * len(models))

    def test_agent(self):
        self._assert_refused_cleanly("agent", self.user, self._creatable(self.user))

    def test_coordinator(self):
        """What a coordinator creates and an agent does not (configuration)."""
        models = self._creatable(self.coordinator) - self._creatable(self.user)
        self._assert_refused_cleanly("coordinator", self.coordinator, models)

    def test_finance(self):
        self._assert_refused_cleanly("finance", self.finance, self._creatable(self.finance))
