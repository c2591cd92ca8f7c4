# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Time what the web client asks of job_coaching on a populated database.

Run inside ``odoo shell`` (``scripts/benchmark`` does it): ``env`` is given.
Each case runs once to warm the caches, then JC_RUNS times (default 7) in a
fresh environment cache; it prints the median, the spread (min-max) and the
SQL queries of one run, server-side, as a table. Nothing is written: the
transaction is rolled back.
"""

import os
import statistics
import sys
import time as clock
import tracemalloc
from datetime import date, datetime, time, timedelta

RUNS = int(os.environ.get("JC_RUNS", "7"))

# The activity report's numbers for a period (totals, people accompanied once,
# the breakdowns by zone, age group, CPAS status and referral channel, art. 60
# outcomes), written by hand in SQL over the same event view: the anchor the
# report service is measured against.
HAND_SQL = """
WITH ev AS (
    SELECT * FROM job_coaching_activity_report
     WHERE date BETWEEN %(date_from)s AND %(date_to)s AND company_id = %(company_id)s
)
SELECT in_zone, age_group, cpas_status, referral_channel_id, NULL AS outcome,
       sum(intake), sum(session_done), sum(no_show), sum(appointment_request),
       sum(workshop_attended), sum(training_action), sum(art60_started), sum(art60_ended),
       sum(application_hired), sum(exit_to_job), sum(exit_to_training),
       sum(followup_employed_3m), sum(followup_employed_6m),
       count(DISTINCT beneficiary_id) FILTER (WHERE session_done > 0),
       count(DISTINCT beneficiary_id) FILTER (
           WHERE art60_started > 0 OR application_hired > 0 OR exit_to_job > 0),
       count(DISTINCT beneficiary_id) FILTER (WHERE art60_started > 0),
       count(DISTINCT beneficiary_id) FILTER (WHERE application_hired > 0),
       count(DISTINCT beneficiary_id) FILTER (WHERE exit_to_job > 0),
       count(DISTINCT beneficiary_id) FILTER (WHERE exit_to_training > 0),
       count(DISTINCT beneficiary_id) FILTER (WHERE workshop_attended > 0)
  FROM ev
 GROUP BY GROUPING SETS ((), (in_zone), (age_group), (cpas_status), (referral_channel_id))
UNION ALL
SELECT NULL, NULL, NULL, NULL, art60_outcome, count(*),
       0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
  FROM ev WHERE art60_ended > 0 GROUP BY art60_outcome
"""

# The columns of the activities (mail.activity.mixin) in a list view.
ACTIVITY_SPEC = {
    "activity_ids": {"fields": {}},
    "activity_exception_decoration": {},
    "activity_exception_icon": {},
    "activity_state": {},
    "activity_summary": {},
    "activity_type_icon": {},
    "activity_type_id": {"fields": {"display_name": {}}},
}
LIST_SPEC = {
    "name": {},
    "niss_masked": {},
    "birth_date": {},
    "age": {},
    "is_youth": {},
    "city": {},
    "in_zone": {},
    "is_eligible": {},
    "cpas_status": {},
    "referral_channel_id": {"fields": {"display_name": {}}},
    "intake_date": {},
    "stage_id": {"fields": {"display_name": {}}},
    "user_id": {"fields": {"display_name": {}}},
    "mobile": {},
    "company_id": {"fields": {"display_name": {}}},
    **ACTIVITY_SPEC,
}
PARTNER_LIST_SPEC = {
    "complete_name": {},
    "phone": {},
    "email": {},
    "user_id": {"fields": {"display_name": {}}},
    "city": {},
    "state_id": {"fields": {"display_name": {}}},
    "country_id": {"fields": {"display_name": {}}},
    "vat": {},
    "category_id": {"fields": {"display_name": {}, "color": {}}},
    "company_id": {"fields": {"display_name": {}}},
    **ACTIVITY_SPEC,
}


# The fields the session calendar reads (its arch, as the web client asks).
CALENDAR_FIELDS = (
    "display_name",
    "start",
    "stop",
    "beneficiary_id",
    "kind",
    "location",
    "state",
    "user_id",
)


def calendar_week(moment):
    """The calendar's domain for the week (Monday to Sunday) of ``moment``."""
    monday = datetime.combine(moment.date() - timedelta(days=moment.weekday()), time.min)
    return [("start", "<=", monday + timedelta(days=7)), ("stop", ">=", monday)]


def list_page(records, domain, spec):
    """A list view's first page: 80 rows, counted up to 10,000."""
    return records.web_search_read(domain, spec, limit=80, count_limit=10001)


def form_spec(env, user):
    """The fields the beneficiary form reads for ``user``, as the web client
    asks for them (the view the user gets, without the fields of other groups)."""
    model = env["job_coaching.beneficiary"].with_user(user)
    view = model.get_views([(False, "form")])["views"]["form"]
    spec = {}
    for name in view["arch"].split('name="')[1:]:
        field = name.split('"', 1)[0]
        if field in model._fields and field not in spec:
            relational = model._fields[field].type in ("many2one", "many2many", "one2many")
            spec[field] = {"fields": {"display_name": {}}} if relational else {}
    return spec


class Bench:
    def __init__(self, env):
        self.env = env
        self.rows = []

    def measure(self, label, func, target=None):
        """Time ``func``; add a row and return the median in milliseconds."""
        cr = self.env.cr
        func()  # warm-up
        timings, queries = [], 0
        for _run in range(RUNS):
            self.env.invalidate_all()
            before = cr.sql_log_count
            started = clock.perf_counter()
            func()
            timings.append((clock.perf_counter() - started) * 1000)
            queries = cr.sql_log_count - before
        median = statistics.median(timings)
        spread = f"{min(timings):.1f}-{max(timings):.1f}"
        self.rows.append((label, f"{median:.1f} ms", spread, str(queries), target or ""))
        return median

    def value(self, label, text, target=None):
        self.rows.append((label, text, "", "", target or ""))

    def print(self, title):
        out = sys.stdout
        out.write(f"\n{title}\n")
        out.write(f"{'case':<56} {'median':>12} {'min-max (ms)':>15} {'queries':>8}  target\n")
        out.write("-" * 110 + "\n")
        for label, value, spread, queries, target in self.rows:
            out.write(f"{label:<56} {value:>12} {spread:>15} {queries:>8}  {target}\n")
        out.flush()


def bench_users(env):
    """The coordinator and the first agent of one CPAS (JC_CPAS, a number;
    the middle one by default) of the populated database."""
    Users = env["res.users"]
    coordinators = Users.search([("login", "=like", "bench_coordinator_%")], order="login")
    if not coordinators:
        sys.exit("No bench users: run scripts/populate first.")
    number = int(os.environ.get("JC_CPAS") or (len(coordinators) + 1) // 2)
    coordinator = Users.search([("login", "=", f"bench_coordinator_{number:03d}")])
    agent = Users.search(
        [("login", "=like", f"bench_agent_{number:03d}_%")], order="login", limit=1
    )
    return coordinator, agent


def run(env):
    env = env(context={"lang": "en_US", "tz": "Europe/Brussels"})
    coordinator, agent = bench_users(env)
    company = coordinator.company_id
    Beneficiary = env["job_coaching.beneficiary"]
    total = Beneficiary.search_count([])
    companies = env["res.company"].search_count([])
    partners = env["res.partner"].search_count([])
    bench = Bench(env)

    as_coordinator = Beneficiary.with_user(coordinator)
    as_agent = Beneficiary.with_user(agent)
    in_cpas = as_coordinator.search_count([])
    caseload = as_agent.search_count([])
    some = as_agent.search([], limit=1, order="id desc")
    niss = some.niss

    list_ms = bench.measure(
        f"beneficiary list, coordinator of one CPAS ({in_cpas} files), 80 rows + count",
        lambda: list_page(as_coordinator, [], LIST_SPEC),
        "<= 150 ms",
    )
    bench.measure(
        f"beneficiary list, agent, 'My caseload' ({caseload} files), 80 rows + count",
        lambda: list_page(as_agent, [("user_id", "=", agent.id)], LIST_SPEC),
        "<= 150 ms",
    )
    partner_ms = bench.measure(
        "res.partner list (Odoo's own), same coordinator, 80 rows + count",
        lambda: list_page(env["res.partner"].with_user(coordinator), [], PARTNER_LIST_SPEC),
    )
    bench.value("  beneficiary list / partner list", f"{list_ms / partner_ms:.2f}x", "<= 1.5x")
    spec = form_spec(env, agent)
    bench.measure(
        "beneficiary form with its smart buttons",
        lambda: as_agent.browse(some.id).web_read(spec),
        "<= 100 ms",
    )
    bench.measure(
        "search by name (ilike), 80 rows",
        lambda: list_page(as_coordinator, [("name", "ilike", some.name[:8])], LIST_SPEC),
    )
    bench.measure(
        "name_search by name (a many2one's dropdown), agent",
        lambda: as_agent.name_search(some.name[:8], limit=8),
        "<= 100 ms",
    )
    bench.measure(
        "search by register number",
        lambda: as_coordinator.web_search_read(
            [("niss_search", "=", niss.replace(".", "").replace("-", ""))], LIST_SPEC, limit=80
        ),
        "<= 20 ms",
    )

    session_spec = {
        "start": {},
        "stop": {},
        "beneficiary_id": {"fields": {"display_name": {}}},
        "user_id": {"fields": {"display_name": {}}},
        "kind": {},
        "location": {},
        "state": {},
        "requested_by": {},
        "duration": {},
    }
    Session = env["job_coaching.session"]
    sessions = Session.search_count([])
    bench.measure(
        f"session list, coordinator, 80 rows + count ({sessions} sessions in all)",
        lambda: list_page(Session.with_user(coordinator), [], session_spec),
        "<= 150 ms",
    )
    bench.measure(
        "session list, agent, own sessions, 80 rows + count",
        lambda: list_page(Session.with_user(agent), [("user_id", "=", agent.id)], session_spec),
        "<= 150 ms",
    )
    last = Session.with_user(agent).search([("user_id", "=", agent.id)], limit=1).start
    week = calendar_week(last)
    calendar_fields = list(CALENDAR_FIELDS)
    bench.measure(
        "session calendar, agent, a week of own sessions",
        lambda: Session.with_user(agent).search_read(
            [("user_id", "=", agent.id), *week], calendar_fields
        ),
        "<= 100 ms",
    )
    bench.measure(
        "session calendar, coordinator, a week of the CPAS",
        lambda: Session.with_user(coordinator).search_read(week, calendar_fields),
        "<= 150 ms",
    )
    vacancy = env["job_coaching.vacancy"].search(
        [("state", "=", "open"), ("company_id", "=", company.id)], limit=1
    )
    Match = env["job_coaching.candidate.match"]
    if vacancy:
        for user, whose in (
            (coordinator, "coordinator (the CPAS's files)"),
            (agent, "agent (own caseload)"),
        ):
            bench.measure(
                f"matching candidates for a vacancy, {whose}",
                lambda user=user: Match.with_user(user)._rank_candidates(vacancy),
                "<= 1 s",
            )

    # -- reporting: a year of activity ------------------------------------------
    year = date.today().year - 1
    date_from, date_to = date(year, 1, 1), date(year, 12, 31)
    Report = env["report.job_coaching.activity"].with_user(coordinator)
    report_ms = bench.measure(
        f"activity report numbers, one CPAS, year {year}",
        lambda: Report._get_activity_values(date_from, date_to),
        "<= 2 s",
    )
    sql_ms = bench.measure(
        "  the same numbers, hand-written SQL (one query)",
        lambda: (
            env.cr.execute(
                HAND_SQL, {"date_from": date_from, "date_to": date_to, "company_id": company.id}
            )
            or env.cr.fetchall()
        ),
    )
    bench.value("  report numbers / hand-written SQL", f"{report_ms / sql_ms:.2f}x", "<= 3x")
    wizard = (
        env["job_coaching.activity.report.wizard"]
        .with_user(coordinator)
        .create({"date_from": date_from, "date_to": date_to})
    )
    report_action = env.ref("job_coaching.action_report_activity")
    bench.measure(
        "activity report, rendered HTML",
        lambda: (
            env["ir.actions.report"]
            .with_user(coordinator)
            ._render_qweb_html(report_action, wizard.ids)
        ),
        "<= 5 s",
    )
    bench.measure("statistics workbook (XLSX)", wizard._get_xlsx, "<= 5 s")
    tracemalloc.start()
    wizard._get_xlsx()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    bench.value("  workbook peak memory (Python)", f"{peak / 2**20:.1f} MB", "<= 300 MB")
    Analysis = env["job_coaching.activity.report"].with_user(coordinator)
    bench.measure(
        "dashboard: analysis grouped by month and zone, a year",
        lambda: Analysis.read_group(
            [("date", ">=", date_from), ("date", "<=", date_to)],
            ["__count"],
            ["date:month", "in_zone"],
            lazy=False,
        ),
    )
    Target = env["job_coaching.target"].with_user(coordinator)
    bench.measure(
        "dashboard: targets with their progress",
        lambda: Target.web_search_read(
            [], {"name": {}, "kind": {}, "value": {}, "current_value": {}, "progress": {}}
        ),
    )

    def intake():
        with env.cr.savepoint(flush=False) as savepoint:
            as_agent.create(
                [
                    {
                        "first_name": "Bench",
                        "last_name": f"Intake {index}",
                        "birth_date": "1990-05-17",
                        "street": "Rue Esseghem 12",
                        "zip": "1090",
                        "mobile": "0470 12 34 56",
                        "cpas_status": "ris",
                    }
                    for index in range(50)
                ]
            )
            env.flush_all()
            savepoint.rollback()

    intake_ms = bench.measure("batch intake, 50 beneficiaries in one create", intake)
    bench.value("  beneficiaries per second", f"{50_000 / intake_ms:.0f}/s", ">= 100/s")
    bench.print(
        f"job_coaching benchmark: {total} beneficiaries in {companies} companies, "
        f"{partners} partners; {coordinator.login} ({company.name}) and {agent.login}; "
        f"{RUNS} runs"
    )
    env.cr.rollback()


if "env" in globals():
    run(env)  # noqa: F821 - given by odoo shell
