# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Load a multi-worker Odoo server the way the web client does, over HTTP.

Run by ``scripts/benchmark --http`` against the database filled by
``scripts/populate`` (its users' password is "bench"). Each simulated user
is a thread with its own browser session: it logs in through
/web/session/authenticate as one of the CPAS's agents or coordinators, then
sends, one after the other and without pause, the JSON-RPC requests the web
client sends for a working round (the beneficiary list, a form with its
smart buttons, a search by name and by register number, a week of the
session calendar, planning a session and marking it held, registering a
person for a workshop, the matching of a vacancy, the activity report),
for a fixed time, at each number of concurrent users.

The users are taken office by office: CPAS 1's coordinator and agents, then
CPAS 2's, and so on; alone, the one user works in turn as CPAS 1's agent and
coordinator. For each level it prints the throughput, the median and 95th
percentile of each call and the errors, then counts in the database the rows
the users wrote and compares them with the writes the server acknowledged.
The anchor: the same users loading only the beneficiary list and form, then
only Odoo's own contact list and form; the ratio of the 95th percentiles.

Standard library only (and psycopg2, which Odoo requires, for the counts).
"""

import argparse
import http.client
import json
import os
import random
import statistics
import sys
import threading
import time
import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta

import psycopg2

PASSWORD = "bench"
# The calls of a working round, in the order of the tables.
CALLS = [
    "beneficiary list",
    "beneficiary form",
    "name_search by name",
    "search by register number",
    "session calendar, a week",
    "plan a session",
    "mark the session held",
    "register for a workshop",
    "matching: rank the candidates",
    "matching: open the ranking",
    "activity report: wizard",
    "activity report: HTML",
]
LIST_FORM = ["beneficiary list", "beneficiary form"]
ANCHOR = ["contact list", "contact form"]


class RpcError(Exception):
    """An error reply (or an HTTP error) to a request."""


# ---------------------------------------------------------------------------
# One browser session
# ---------------------------------------------------------------------------


class Browser:
    """A user's session with the server: a cookie and the requests of the
    web client. A new connection per request, as a proxy without keep-alive
    in front of Odoo's workers does."""

    def __init__(self, host, port, db):
        self.host, self.port, self.db = host, port, db
        self.cookie = None
        self.context = {}
        self.uid = None
        self.company_id = None

    def _request(self, method, path, body=None):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=900)
        headers = {"Content-Type": "application/json"} if body is not None else {}
        if self.cookie:
            headers["Cookie"] = f"session_id={self.cookie}"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
            for name, value in response.getheaders():
                if name.lower() == "set-cookie" and value.startswith("session_id="):
                    self.cookie = value.split(";", 1)[0].split("=", 1)[1]
        finally:
            connection.close()
        if response.status != 200:
            raise RpcError(f"HTTP {response.status} on {path}: {data[:200]!r}")
        return data

    def json(self, path, params):
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "id": 1, "params": params})
        reply = json.loads(self._request("POST", path, body))
        if "error" in reply:
            error = reply["error"]
            data = error.get("data") or {}
            raise RpcError(f"{data.get('name', '')}: {data.get('message') or error.get('message')}")
        return reply.get("result")

    def authenticate(self, login):
        # Logging in is not measured and may be sent again: with 50 client
        # threads on two cores, a thread can stall between connecting and
        # sending longer than the worker waits for a request (2 s), and the
        # worker closes the connection unread.
        for attempt in range(3):
            try:
                info = self.json(
                    "/web/session/authenticate",
                    {"db": self.db, "login": login, "password": PASSWORD},
                )
                break
            except (http.client.RemoteDisconnected, ConnectionError):
                if attempt == 2:
                    raise
        if not info or not info.get("uid"):
            raise RpcError(f"{login} could not log in")
        self.uid = info["uid"]
        self.context = dict(info["user_context"])
        self.company_id = info["user_companies"]["current_company"]
        self.context["allowed_company_ids"] = [self.company_id]
        return info

    def call_kw(self, model, method, args, kwargs=None):
        kwargs = dict(kwargs or {})
        context = {**self.context, **kwargs.get("context", {})}
        if method in ("web_read", "web_search_read", "web_save"):
            context["bin_size"] = True  # as the web client: sizes, not file contents
        kwargs["context"] = context
        return self.json(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs},
        )

    def web_search_read(self, model, specification, domain):
        """The first page of a list view (80 rows, counted up to 10,000)."""
        return self.call_kw(
            model,
            "web_search_read",
            [],
            {
                "specification": specification,
                "domain": domain,
                "offset": 0,
                "limit": 80,
                "order": "",
                "count_limit": 10001,
            },
        )

    def web_read(self, model, ids, specification):
        return self.call_kw(model, "web_read", [ids], {"specification": specification})

    def web_save(self, model, vals, specification):
        """A new record saved from its form."""
        return self.call_kw(model, "web_save", [[], vals], {"specification": specification})

    def call_button(self, model, method, ids):
        return self.json(
            f"/web/dataset/call_button/{model}/{method}",
            {"model": model, "method": method, "args": [ids], "kwargs": {"context": self.context}},
        )

    def get(self, path):
        return self._request("GET", path)


# ---------------------------------------------------------------------------
# The specification the web client builds from a view
# ---------------------------------------------------------------------------


def view_spec(view, models):
    """The fields a view reads, as the web client's specification: the view's
    <field> elements outside the subviews of x2many fields, relational ones
    with their display name, x2many with their subview's fields (40 rows)."""
    fields = models[view["model"]]["fields"] if "model" in view else view["fields"]
    root = ET.fromstring(view["arch"])
    spec = {"display_name": {}} if root.tag == "form" else {}

    def walk(node, fields, spec):
        for child in node:
            if child.tag == "field":
                name = child.get("name")
                field = fields.get(name)
                if field is None:
                    continue
                if field["type"] in ("one2many", "many2many"):
                    sub = next((c for c in child if c.tag in ("list", "kanban")), None)
                    if sub is not None:
                        inner = {}
                        walk(sub, models[field["relation"]]["fields"], inner)
                        spec[name] = {"fields": inner, "limit": 40}
                    else:
                        spec[name] = {"fields": {"display_name": {}}}
                elif field["type"] == "many2one":
                    spec[name] = {"fields": {"display_name": {}}}
                else:
                    spec[name] = {}
            else:
                walk(child, fields, spec)

    walk(root, fields, spec)
    return spec


def load_specs(browser, model, view_types):
    """{view type: specification} of ``model``'s default views for the user."""
    result = browser.call_kw(
        model, "get_views", [], {"views": [[False, vt] for vt in view_types], "options": {}}
    )
    models = result["models"]
    specs = {}
    for view_type in view_types:
        view = dict(result["views"][view_type])
        view["model"] = model
        specs[view_type] = view_spec(view, models)
    return specs


# ---------------------------------------------------------------------------
# The simulated users
# ---------------------------------------------------------------------------


class Recorder:
    """Timings and errors of the requests, by call."""

    def __init__(self):
        self.lock = threading.Lock()
        self.timings = {}
        self.errors = {}
        self.messages = []

    def record(self, label, seconds, error=None):
        with self.lock:
            if error is None:
                self.timings.setdefault(label, []).append(seconds)
            else:
                self.errors[label] = self.errors.get(label, 0) + 1
                if len(self.messages) < 10:
                    self.messages.append(f"{label}: {error}")


class User:
    """One simulated user: one or two identities (alone, the agent and the
    coordinator of the first CPAS in turn) and what they have written."""

    def __init__(self, options, identities, plan):
        self.options = options
        self.plan = plan
        self.identities = [Identity(options, login, role, plan) for login, role in identities]

    def prepare(self):
        for identity in self.identities:
            identity.prepare()

    def warm(self, recorder):
        """One round of each identity, untimed: the workers load their caches."""
        for identity in self.identities:
            identity.round(recorder, "mix", time.monotonic() + 3600)

    def run(self, recorder, mix, deadline):
        turn = 0
        while time.monotonic() < deadline:
            identity = self.identities[turn % len(self.identities)]
            identity.round(recorder, mix, deadline)
            turn += 1


class Identity:
    """A logged-in agent or coordinator and the state of their work."""

    def __init__(self, options, login, role, plan):
        self.login = login
        self.role = role
        self.plan = plan
        self.browser = Browser(options.host, options.port, options.db)
        self.random = random.Random(login)
        self.slot = 0
        self.acknowledged = {"sessions": set(), "done": set(), "registrations": set()}

    def prepare(self):
        browser = self.browser
        browser.authenticate(self.login)
        self.specs = load_specs(browser, "job_coaching.beneficiary", ["list", "form"])
        self.session_specs = load_specs(browser, "job_coaching.session", ["calendar", "form"])
        self.calendar_fields = list(self.session_specs["calendar"])
        self.registration_spec = load_specs(
            browser, "job_coaching.workshop.registration", ["form"]
        )["form"]
        self.match_spec = load_specs(browser, "job_coaching.candidate.match", ["form"])["form"]
        self.wizard_spec = load_specs(browser, "job_coaching.activity.report.wizard", ["form"])[
            "form"
        ]
        self.partner_specs = load_specs(browser, "res.partner", ["list", "form"])
        self.list_domain = [["user_id", "=", browser.uid]] if self.role == "agent" else []
        files = browser.call_kw(
            "job_coaching.beneficiary",
            "search_read",
            [self.list_domain, ["name", "niss"]],
            {"limit": 200, "order": "id"},
        )
        if not files:
            raise RpcError(f"{self.login} has no file to work on")
        self.files = files
        self.vacancies = [
            v["id"]
            for v in browser.call_kw(
                "job_coaching.vacancy",
                "search_read",
                [[["state", "=", "open"]], ["id"]],
                {"limit": 5},
            )
        ]
        self.partners = [
            p["id"]
            for p in browser.call_kw("res.partner", "search_read", [[], ["id"]], {"limit": 80})
        ]

    # -- one working round ------------------------------------------------

    def timed(self, recorder, label, func):
        started = time.perf_counter()
        try:
            result = func()
        except (RpcError, OSError, ValueError) as error:
            recorder.record(label, time.perf_counter() - started, error)
            return None
        recorder.record(label, time.perf_counter() - started)
        return result

    def round(self, recorder, mix, deadline):
        steps = {
            "mix": self.mix_steps,
            "list_form": self.list_form_steps,
            "anchor": self.anchor_steps,
        }
        for step in steps[mix]():
            if time.monotonic() >= deadline:
                return
            step(recorder)

    def list_form_steps(self):
        return [self.step_list, self.step_form]

    def anchor_steps(self):
        return [self.step_contact_list, self.step_contact_form]

    def mix_steps(self):
        steps = [
            self.step_list,
            self.step_form,
            self.step_name_search,
            self.step_register_number,
            self.step_calendar,
        ]
        if self.role == "agent":
            steps += [self.step_plan_session, self.step_register_workshop]
        return [*steps, self.step_matching, self.step_report]

    def step_list(self, recorder):
        self.timed(
            recorder,
            "beneficiary list",
            lambda: self.browser.web_search_read(
                "job_coaching.beneficiary", self.specs["list"], self.list_domain
            ),
        )

    def step_form(self, recorder):
        person = self.random.choice(self.files)
        self.timed(
            recorder,
            "beneficiary form",
            lambda: self.browser.web_read(
                "job_coaching.beneficiary", [person["id"]], self.specs["form"]
            ),
        )

    def step_name_search(self, recorder):
        person = self.random.choice(self.files)
        self.timed(
            recorder,
            "name_search by name",
            lambda: self.browser.call_kw(
                "job_coaching.beneficiary",
                "name_search",
                [],
                {"name": person["name"][:8], "args": [], "operator": "ilike", "limit": 8},
            ),
        )

    def step_register_number(self, recorder):
        person = self.random.choice(self.files)
        digits = "".join(c for c in person["niss"] or "" if c.isdigit())
        self.timed(
            recorder,
            "search by register number",
            lambda: self.browser.web_search_read(
                "job_coaching.beneficiary", self.specs["list"], [["niss_search", "ilike", digits]]
            ),
        )

    def step_calendar(self, recorder):
        monday, sunday = self.plan["week"]
        domain = [["start", "<=", sunday], ["stop", ">=", monday]]
        if self.role == "agent":
            domain = [["user_id", "=", self.browser.uid], *domain]
        self.timed(
            recorder,
            "session calendar, a week",
            lambda: self.browser.call_kw(
                "job_coaching.session",
                "search_read",
                [],
                {"domain": domain, "fields": self.calendar_fields},
            ),
        )

    def step_plan_session(self, recorder):
        day = self.plan["base"] + timedelta(days=self.slot // 8, hours=7 + self.slot % 8)
        self.slot += 1
        person = self.random.choice(self.files)
        vals = {
            "beneficiary_id": person["id"],
            "user_id": self.browser.uid,
            "start": day.strftime("%Y-%m-%d %H:%M:%S"),
            "stop": (day + timedelta(minutes=45)).strftime("%Y-%m-%d %H:%M:%S"),
            "location": "pef_office",
            "requested_by": "agent",
        }
        saved = self.timed(
            recorder,
            "plan a session",
            lambda: self.browser.web_save("job_coaching.session", vals, self.session_specs["form"]),
        )
        if not saved:
            return
        session_id = saved[0]["id"]
        self.acknowledged["sessions"].add(session_id)
        done = self.timed(
            recorder,
            "mark the session held",
            lambda: self.browser.call_button("job_coaching.session", "action_done", [session_id]),
        )
        if done is not None:
            self.acknowledged["done"].add(session_id)

    def step_register_workshop(self, recorder):
        workshops = self.plan["workshops"][self.browser.company_id]
        for _attempt in range(len(self.files) * len(workshops)):
            workshop = self.random.choice(workshops)
            person = self.random.choice(self.files)
            if (workshop, person["id"]) not in self.acknowledged["registrations"]:
                break
        else:
            return
        saved = self.timed(
            recorder,
            "register for a workshop",
            lambda: self.browser.web_save(
                "job_coaching.workshop.registration",
                {"workshop_id": workshop, "beneficiary_id": person["id"]},
                self.registration_spec,
            ),
        )
        if saved:
            self.acknowledged["registrations"].add((workshop, person["id"]))

    def step_matching(self, recorder):
        vacancy = self.random.choice(self.vacancies)
        action = self.timed(
            recorder,
            "matching: rank the candidates",
            lambda: self.browser.call_button(
                "job_coaching.vacancy", "action_find_candidates", [vacancy]
            ),
        )
        if not action:
            return
        self.timed(
            recorder,
            "matching: open the ranking",
            lambda: self.browser.web_read(
                "job_coaching.candidate.match", [action["res_id"]], self.match_spec
            ),
        )

    def step_report(self, recorder):
        date_from, date_to = self.plan["year"]
        saved = self.timed(
            recorder,
            "activity report: wizard",
            lambda: self.browser.web_save(
                "job_coaching.activity.report.wizard",
                {"date_from": date_from, "date_to": date_to},
                self.wizard_spec,
            ),
        )
        if not saved:
            return

        def render():
            html = self.browser.get(f"/report/html/job_coaching.report_activity/{saved[0]['id']}")
            if b"<html" not in html[:2000].lower():
                raise RpcError("the report is not an HTML page")
            return html

        self.timed(recorder, "activity report: HTML", render)

    def step_contact_list(self, recorder):
        self.timed(
            recorder,
            "contact list",
            lambda: self.browser.web_search_read("res.partner", self.partner_specs["list"], []),
        )

    def step_contact_form(self, recorder):
        partner = self.random.choice(self.partners)
        self.timed(
            recorder,
            "contact form",
            lambda: self.browser.web_read("res.partner", [partner], self.partner_specs["form"]),
        )


# ---------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------


def database(options):
    return psycopg2.connect(
        dbname=options.db, host=options.pghost, port=options.pgport, user="odoo"
    )


def offices(options, count):
    """(login, role) of ``count`` users, office by office."""
    with database(options) as connection, connection.cursor() as cr:
        cr.execute(
            "SELECT login FROM res_users WHERE login LIKE 'bench\\_%%' AND active ORDER BY login"
        )
        logins = [row[0] for row in cr.fetchall()]
    connection.close()
    by_cpas = {}
    for login in logins:
        kind, cpas = login.split("_")[1:3]
        by_cpas.setdefault(cpas, {"coordinator": [], "agent": []})[kind].append(login)
    users = []
    for cpas in sorted(by_cpas):
        office = by_cpas[cpas]
        users += [(login, "coordinator") for login in office["coordinator"]]
        users += [(login, "agent") for login in office["agent"]]
    if count == 1:
        first_agent = next(user for user in users if user[1] == "agent")
        return [[first_agent, users[0]]]
    if len(users) < count:
        sys.exit(f"Only {len(users)} bench users for {count} concurrent users.")
    return [[user] for user in users[:count]]


def prepare_plan(options, users):
    """What the phase's users share: the week of the calendar, the year of
    the report, a free future day to plan sessions in, and two new workshops
    per CPAS (created by its coordinator) to register people for."""
    with database(options) as connection, connection.cursor() as cr:
        cr.execute("SELECT max(start) FROM job_coaching_session")
        last = cr.fetchone()[0]
    connection.close()
    today = date.today()
    monday = today - timedelta(days=today.weekday() + 7)
    plan = {
        "week": (
            f"{monday} 00:00:00",
            f"{monday + timedelta(days=6)} 23:59:59",
        ),
        "year": (f"{today.year - 1}-01-01", f"{today.year - 1}-12-31"),
        # the day after the last session of the database (they last an hour at most)
        "base": datetime.combine(max(last.date(), today) + timedelta(days=2), datetime.min.time()),
        "workshops": {},
    }
    companies = {}
    for user in users:
        for identity in user.identities:
            if identity.role == "coordinator":
                companies[identity.browser.company_id] = identity
    for user in users:
        for identity in user.identities:
            if identity.browser.company_id not in companies:
                sys.exit(f"No coordinator among the users for {identity.login}'s CPAS.")
    start = plan["base"] + timedelta(days=400)
    for company_id, coordinator in companies.items():
        plan["workshops"][company_id] = [
            coordinator.browser.web_save(
                "job_coaching.workshop",
                {
                    "name": f"Load test workshop {index + 1}",
                    "topic": "cv",
                    "start": (start + timedelta(hours=9)).strftime("%Y-%m-%d %H:%M:%S"),
                    "capacity": 10000,
                },
                {},
            )[0]["id"]
            for index in range(2)
        ]
    return plan


def run_phase(users, mix, seconds):
    recorder = Recorder()
    deadline = time.monotonic() + seconds
    started = time.monotonic()
    threads = [
        threading.Thread(target=user.run, args=(recorder, mix, deadline), daemon=True)
        for user in users
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return recorder, time.monotonic() - started


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def summary(recorder, elapsed, labels):
    rows = []
    for label in labels:
        timings = recorder.timings.get(label, [])
        errors = recorder.errors.get(label, 0)
        if not timings and not errors:
            continue
        rows.append(
            {
                "call": label,
                "count": len(timings),
                "per_second": len(timings) / elapsed,
                "median_ms": statistics.median(timings) * 1000 if timings else None,
                "p95_ms": percentile(timings, 0.95) * 1000 if timings else None,
                "errors": errors,
            }
        )
    return rows


def print_table(title, rows, elapsed):
    out = sys.stdout
    total = sum(row["count"] for row in rows)
    errors = sum(row["errors"] for row in rows)
    out.write(
        f"\n{title}: {total} requests in {elapsed:.0f} s, {total / elapsed:.1f}/s, "
        f"{errors} errors\n"
    )
    out.write(
        f"{'call':<32} {'count':>7} {'per s':>7} {'median ms':>10} {'p95 ms':>9} {'errors':>7}\n"
    )
    for row in rows:
        median = f"{row['median_ms']:.0f}" if row["median_ms"] is not None else "-"
        p95 = f"{row['p95_ms']:.0f}" if row["p95_ms"] is not None else "-"
        out.write(
            f"{row['call']:<32} {row['count']:>7} {row['per_second']:>7.2f} {median:>10} "
            f"{p95:>9} {row['errors']:>7}\n"
        )
    out.flush()


def check_writes(options, users, plan):
    """The rows the users wrote, counted in the database, against the writes
    the server acknowledged."""
    sessions, done, registrations = set(), set(), set()
    for user in users:
        for identity in user.identities:
            sessions |= identity.acknowledged["sessions"]
            done |= identity.acknowledged["done"]
            registrations |= identity.acknowledged["registrations"]
    workshops = [w for ids in plan["workshops"].values() for w in ids]
    with database(options) as connection, connection.cursor() as cr:
        cr.execute(
            """
            SELECT count(*), count(*) FILTER (WHERE state = 'done'), count(event_id)
              FROM job_coaching_session WHERE start >= %s
            """,
            [plan["base"]],
        )
        found_sessions, found_done, found_events = cr.fetchone()
        cr.execute(
            "SELECT count(*) FROM job_coaching_workshop_registration WHERE workshop_id = ANY(%s)",
            [workshops],
        )
        found_registrations = cr.fetchone()[0]
        cr.execute(
            "SELECT COALESCE(sum(seats_taken), 0) FROM job_coaching_workshop WHERE id = ANY(%s)",
            [workshops],
        )
        seats = cr.fetchone()[0]
    connection.close()
    checks = [
        ("sessions planned", len(sessions), found_sessions),
        ("sessions marked held", len(done), found_done),
        ("their calendar events", len(sessions), found_events),
        ("workshop registrations", len(registrations), found_registrations),
        ("workshop seats taken (stored count)", len(registrations), seats),
    ]
    lost = 0
    sys.stdout.write("writes acknowledged / rows found:\n")
    for label, acknowledged, found in checks:
        mark = "" if acknowledged == found else "   <-- MISMATCH"
        lost += acknowledged != found
        sys.stdout.write(f"  {label:<38} {acknowledged:>6} / {found:<6}{mark}\n")
    return checks, lost


class ServerLog:
    """The new lines of the server's log since the last look: the concurrency
    failures PostgreSQL raised and Odoo retried (logged as a "bad query"
    followed by the reason), and any other error."""

    RETRIED = ("could not serialize access", "deadlock detected", "could not obtain lock")

    def __init__(self, path):
        self.path = path
        self.offset = os.path.getsize(path) if path and os.path.exists(path) else 0

    def read(self):
        if not self.path:
            return {}, []
        with open(self.path, encoding="utf-8", errors="replace") as log:
            log.seek(self.offset)
            lines = log.read().splitlines()
            self.offset = log.tell()
        retried, others = {}, []
        for index, line in enumerate(lines):
            if " ERROR " not in line and " CRITICAL " not in line:
                continue
            following = lines[index + 1] if index + 1 < len(lines) else ""
            reason = next((r for r in self.RETRIED if r in following), None)
            if "bad query" in line and reason:
                retried[reason] = retried.get(reason, 0) + 1
            else:
                others.append(line[:300])
        return retried, others


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--pghost", required=True)
    parser.add_argument("--pgport", required=True)
    parser.add_argument("--users", default="1,10,50")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--anchor-seconds", type=int, default=None)
    parser.add_argument("--json", help="write the results to this file")
    parser.add_argument("--server-log", help="the server's log file, to read its errors")
    options = parser.parse_args()
    anchor_seconds = options.anchor_seconds or options.seconds
    results = []
    failures = 0
    server_log = ServerLog(options.server_log)
    for count in [int(n) for n in options.users.split(",")]:
        groups = offices(options, count)
        plan = {}
        users = [User(options, identities, plan) for identities in groups]
        sys.stdout.write(f"\n=== {count} concurrent user(s): logging in and reading the views\n")
        sys.stdout.flush()
        threads = [threading.Thread(target=user.prepare) for user in users]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        plan.update(prepare_plan(options, users))
        # One untimed round each: every worker loads its caches.
        warm_up = Recorder()
        threads = [threading.Thread(target=user.warm, args=(warm_up,)) for user in users]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        for message in warm_up.messages:
            sys.stdout.write(f"  error while warming up: {message}\n")
        failures += sum(warm_up.errors.values())
        for user in users:
            for identity in user.identities:
                identity.acknowledged = {"sessions": set(), "done": set(), "registrations": set()}
        plan.update(prepare_plan(options, users))
        recorder, elapsed = run_phase(users, "mix", options.seconds)
        rows = summary(recorder, elapsed, CALLS)
        print_table(f"{count} user(s), the working round", rows, elapsed)
        for message in recorder.messages:
            sys.stdout.write(f"  error: {message}\n")
        checks, lost = check_writes(options, users, plan)
        retried, log_errors = server_log.read()
        sys.stdout.write(
            "server log: "
            + (
                ", ".join(f"{n} x {reason!r}" for reason, n in sorted(retried.items()))
                or "no concurrency failure"
            )
            + " (retried by Odoo, never sent to a user); "
            + f"{len(log_errors)} other errors\n"
        )
        for line in log_errors[:5]:
            sys.stdout.write(f"  {line}\n")
        list_recorder, list_elapsed = run_phase(users, "list_form", anchor_seconds)
        list_rows = summary(list_recorder, list_elapsed, LIST_FORM)
        print_table(f"{count} user(s), beneficiary list and form only", list_rows, list_elapsed)
        anchor_recorder, anchor_elapsed = run_phase(users, "anchor", anchor_seconds)
        anchor_rows = summary(anchor_recorder, anchor_elapsed, ANCHOR)
        print_table(
            f"{count} user(s), Odoo's contact list and form only", anchor_rows, anchor_elapsed
        )
        ratios = {}
        for ours, theirs in zip(list_rows, anchor_rows, strict=True):
            if ours["p95_ms"] and theirs["p95_ms"]:
                ratios[ours["call"]] = ours["p95_ms"] / theirs["p95_ms"]
                sys.stdout.write(
                    f"  p95 {ours['call']} / {theirs['call']}: {ratios[ours['call']]:.2f}x "
                    "(target <= 1.5x)\n"
                )
        errors = sum(sum(r.errors.values()) for r in (recorder, list_recorder, anchor_recorder))
        failures += errors + lost + len(log_errors) + len(server_log.read()[1])
        results.append(
            {
                "users": count,
                "seconds": elapsed,
                "mix": rows,
                "list_form": list_rows,
                "anchor": anchor_rows,
                "ratios": ratios,
                "writes": checks,
                "errors": errors,
                "lost_writes": lost,
                "retried": retried,
                "log_errors": log_errors,
            }
        )
    if options.json:
        with open(options.json, "w", encoding="utf-8") as out:
            json.dump(results, out, indent=1)
    sys.stdout.write(f"\n{failures} errors and lost writes in all\n")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
