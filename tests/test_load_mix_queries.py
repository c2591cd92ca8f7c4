# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The requests of the HTTP load (scripts/benchmark_http.py), each as the web
client sends it, cost the same number of queries whether 2 records or 20 are
concerned, and no more than a fixed bound."""

from datetime import date, datetime, timedelta

from freezegun import freeze_time
from lxml import etree

from odoo.tests import tagged

from odoo.addons.job_coaching.tools import make_register_number

from .common_employment import EmploymentCase

WEEK_START = datetime(2026, 6, 8)


def web_specification(model, view_type):
    """The specification the web client sends for ``model``'s default view of
    ``view_type``, for the user of ``model``'s environment: the view's fields
    outside the subviews of x2many fields, relational ones with their display
    name, x2many ones with their subview's fields (40 rows)."""
    result = model.get_views([(False, view_type)])
    models = result["models"]

    def walk(node, fields, spec):
        for child in node:
            if child.tag == "field":
                field = fields.get(child.get("name"))
                if field is None:
                    continue
                if field["type"] in ("one2many", "many2many"):
                    subviews = [c for c in child if c.tag in ("list", "kanban")]
                    inner = {}
                    if subviews:
                        walk(subviews[0], models[field["relation"]]["fields"], inner)
                        spec[field["name"]] = {"fields": inner, "limit": 40}
                    else:
                        spec[field["name"]] = {"fields": {"display_name": {}}}
                elif field["type"] == "many2one":
                    spec[field["name"]] = {"fields": {"display_name": {}}}
                else:
                    spec[field["name"]] = {}
            elif isinstance(child.tag, str):
                walk(child, fields, spec)

    arch = etree.fromstring(result["views"][view_type]["arch"])
    spec = {"display_name": {}} if view_type == "form" else {}
    walk(arch, models[model._name]["fields"], spec)
    return spec


@tagged("post_install", "-at_install")
@freeze_time("2026-06-15 12:00:00")
class TestLoadMixQueries(EmploymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # As the web client saves: with the chatter's tracking.
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))
        cls.Beneficiary = cls.env["job_coaching.beneficiary"]
        cls.Session = cls.env["job_coaching.session"]
        cls.Workshop = cls.env["job_coaching.workshop"]
        cls.Registration = cls.env["job_coaching.workshop.registration"]
        cls.person = cls._create_beneficiary(first_name="Main")
        cls.serial = 0

    # -- helpers ---------------------------------------------------------

    def _queries(self, func):
        """Queries of a call of ``func`` with empty record caches, the writes it
        leaves pending included (two calls before warm the registry's caches)."""
        for _warm_up in range(2):
            self.env.flush_all()
            self.env.invalidate_all()
            func()
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        func()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def _people(self, count, **vals):
        people = self.Beneficiary
        for _index in range(count):
            type(self).serial += 1
            people |= self._create_beneficiary(
                first_name=f"Perf{self.serial}",
                niss=make_register_number(date(1990, 1, 1 + self.serial % 28), self.serial),
                birth_date=False,
                **vals,
            )
        return people

    def _sessions(self, person, count, start=WEEK_START, state="done"):
        """``count`` sessions of ``person`` with the agent, an hour apart."""
        first = self.Session.search_count([]) + 1
        return self.Session.create(
            [
                {
                    "beneficiary_id": person.id,
                    "user_id": self.agent.id,
                    "start": start + timedelta(hours=first + index),
                    "stop": start + timedelta(hours=first + index, minutes=45),
                    "state": state,
                }
                for index in range(count)
            ]
        )

    def _workshop(self, **vals):
        return self.Workshop.create(
            {
                "name": "Write your CV",
                "topic": "cv",
                "start": "2026-07-01 09:00:00",
                "capacity": 100,
                **vals,
            }
        )

    def _same(self, few, many, bound):
        self.assertEqual(few, many, "the queries grow with the number of records")
        self.assertLessEqual(many, bound)

    # -- reading ------------------------------------------------------------

    def test_caseload_list(self):
        Beneficiary = self.Beneficiary.with_user(self.agent)
        spec = web_specification(Beneficiary, "list")

        def read():
            Beneficiary.web_search_read(
                [("user_id", "=", self.agent.id)], spec, limit=80, count_limit=10001
            )

        self._people(1)
        few = self._queries(read)
        self._people(18)
        self._same(few, self._queries(read), 8)

    def test_coordinator_list(self):
        Beneficiary = self.Beneficiary.with_user(self.coordinator)
        spec = web_specification(Beneficiary, "list")

        def read():
            Beneficiary.web_search_read([], spec, limit=80, count_limit=10001)

        self._people(1)
        few = self._queries(read)
        self._people(18)
        self._same(few, self._queries(read), 8)

    def test_form_with_its_smart_buttons(self):
        """The whole form, as the agent gets it: its smart buttons count the
        sessions, workshops, contracts, applications and exits of the file."""
        Beneficiary = self.Beneficiary.with_user(self.agent)
        spec = web_specification(Beneficiary, "form")
        self.assertIn("session_count", spec)
        person = self.person.with_user(self.agent)
        workshops = self.Workshop.browse()
        for _index in range(20):
            workshops |= self._workshop()

        def grow(count):
            self._sessions(self.person, count)
            registered = len(self.person.workshop_registration_ids)
            for workshop in workshops[registered : registered + count]:
                self.Registration.create(
                    {"workshop_id": workshop.id, "beneficiary_id": self.person.id}
                )

        grow(2)
        few = self._queries(lambda: person.web_read(spec))
        grow(18)
        self.env.invalidate_all()
        self.assertEqual(person.session_count, 20)
        self._same(few, self._queries(lambda: person.web_read(spec)), 21)

    def test_name_search(self):
        Beneficiary = self.Beneficiary.with_user(self.agent)
        self._people(2)
        few = self._queries(lambda: Beneficiary.name_search("Perf", limit=8))
        self._people(18)
        self.assertEqual(len(Beneficiary.name_search("Perf", limit=8)), 8)
        self._same(few, self._queries(lambda: Beneficiary.name_search("Perf", limit=8)), 2)

    def test_search_by_register_number(self):
        """The list searched by the start of a register number (all these
        people were born in January 1990)."""
        Beneficiary = self.Beneficiary.with_user(self.agent)
        spec = web_specification(Beneficiary, "list")

        def search():
            return Beneficiary.web_search_read(
                [("niss_search", "ilike", "90.01.")], spec, limit=80, count_limit=10001
            )

        self._people(2)
        few = self._queries(search)
        self._people(18)
        self.assertEqual(search()["length"], 20)
        self._same(few, self._queries(search), 8)

    def test_calendar_week(self):
        Session = self.Session.with_user(self.agent)
        fields = ["display_name", "start", "stop", *web_specification(Session, "calendar")]
        week = [
            ("user_id", "=", self.agent.id),
            ("start", "<=", WEEK_START + timedelta(days=7)),
            ("stop", ">=", WEEK_START),
        ]
        people = self._people(20)
        for person in people[:2]:
            self._sessions(person, 1)
        few = self._queries(lambda: Session.search_read(week, fields))
        for person in people[2:]:
            self._sessions(person, 1)
        self.assertEqual(len(Session.search_read(week, fields)), 20)
        self._same(few, self._queries(lambda: Session.search_read(week, fields)), 5)

    # -- writing --------------------------------------------------------------

    def test_plan_a_session(self):
        Session = self.Session.with_user(self.agent)
        spec = web_specification(Session, "form")
        slot = [datetime(2026, 7, 1, 8)]

        def plan():
            slot[0] += timedelta(hours=1)
            Session.web_save(
                {
                    "beneficiary_id": self.person.id,
                    "user_id": self.agent.id,
                    "start": slot[0],
                    "stop": slot[0] + timedelta(minutes=45),
                    "location": "pef_office",
                },
                spec,
            )

        self._sessions(self.person, 2)
        few = self._queries(plan)
        self._sessions(self.person, 18)
        self._same(few, self._queries(plan), 35)

    def test_mark_the_session_held(self):
        planned = self._sessions(self.person, 40, start=datetime(2026, 6, 1), state="planned")
        pending = iter(planned.with_user(self.agent))

        def held():
            next(pending).action_done()

        self._sessions(self.person, 2)
        few = self._queries(held)
        self._sessions(self.person, 18)
        self._same(few, self._queries(held), 18)

    def test_register_for_a_workshop(self):
        Registration = self.Registration.with_user(self.agent)
        spec = web_specification(Registration, "form")
        workshop = self._workshop()
        people = iter(self._people(25))
        registered = []

        def register():
            person = next(people)
            Registration.web_save({"workshop_id": workshop.id, "beneficiary_id": person.id}, spec)
            registered.append(person)

        few = self._queries(register)  # the third person registered
        for _index in range(17):
            register()
        self.assertEqual(workshop.seats_taken, len(registered))
        self.assertEqual(len(registered), 20)
        self._same(few, self._queries(register), 14)

    # -- matching and the activity report -------------------------------------

    def test_matching(self):
        """Ranking the candidates (a button) and opening the ranking (the
        wizard's form) with 2 candidates or 20."""
        vacancy = self._create_vacancy().with_user(self.agent)
        Match = self.env["job_coaching.candidate.match"].with_user(self.agent)
        spec = web_specification(Match, "form")

        def match():
            action = vacancy.action_find_candidates()
            Match.browse(action["res_id"]).web_read(spec)

        self.person.active = False  # only the people made below
        self._people(2)
        few = self._queries(match)
        self._people(18)
        action = vacancy.action_find_candidates()
        self.assertEqual(len(Match.browse(action["res_id"]).line_ids), 20)
        self._same(few, self._queries(match), 18)

    def test_activity_report_html(self):
        """The report of a period as the coordinator prints it, with 2 people
        accompanied or 20."""
        Wizard = self.env["job_coaching.activity.report.wizard"].with_user(self.coordinator)
        report = self.env.ref("job_coaching.action_report_activity")
        Report = self.env["ir.actions.report"].with_user(self.coordinator)

        def render():
            wizard = Wizard.create({"date_from": "2026-06-01", "date_to": "2026-06-14"})
            Report._render_qweb_html(report, wizard.ids)

        people = self._people(20, intake_date="2026-06-02")
        for person in people[:2]:
            self._sessions(person, 1)
        few = self._queries(render)
        for person in people[2:]:
            self._sessions(person, 1)
        wizard = Wizard.create({"date_from": "2026-06-01", "date_to": "2026-06-14"})
        self.assertEqual(wizard._get_values()["accompanied"], 20)
        # the sections of the funder (referrals, presences, feedback, quotes) included
        self._same(few, self._queries(render), 40)
