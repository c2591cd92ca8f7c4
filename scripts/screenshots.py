# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Take the screenshots of static/description/screenshots/: the key screen of
each everyday flow (the flows the browser tours of tests/ click through), in
French and in Dutch, as the demo users see them.

Run by ``scripts/screenshots``, which starts Odoo on a fresh demo database;
this part drives headless Chromium over the DevTools protocol with
websocket-client (in Odoo's environment: Odoo's own test browser uses it).
For each language and flow it logs in as the flow's demo user (password =
login), sets the user's language, clicks and types its way to the screen,
waits for a selector that proves the screen shows what it should, and saves
a PNG of the viewport.

    python scripts/screenshots.py --url http://127.0.0.1:8069 --chrome chromium OUTPUT_DIR [FLOW...]

FLOW: a flow's number or name (01, vacancy_candidates…); all of them by default.
Exits with 1, naming the screen and the selector, when a screen does not
appear or shows an error.
"""

import argparse
import base64
import contextlib
import io
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path

import websocket
from PIL import Image

WIDTH, HEIGHT = 1440, 900
MAX_BYTES = 250_000
TIMEOUT = 30
SETTLE = 0.4  # seconds for the last animations (dropdowns, modals) to end

LANGS = {"fr_BE": "fr", "nl_BE": "nl"}

# What the users type, in their language: fictional people, plausible data.
DATA = {
    "fr_BE": {
        "walk_in": {
            "first_name": "Leïla",
            "last_name": "Bensaïd",
            "niss": "01060511818",
            "birth_year": "2001",
            "street": "Rue Esseghem 25",
            "zip": "1090",
            "city": "Jette",
            # One digit short: the form says so while typing.
            "mobile": "0470 99 88 7",
        },
        "plan": {
            "person": "Nour Haddad",
            "job_title": "Magasinière",
            "sector": "Logistique",
            "strengths": "Rigoureuse, bonne en calcul, a travaillé deux ans en entrepôt.",
            "action": "Formation cariste",
            "provider": "Logistica asbl",
            "date": "%d/%m/%Y",
            "job_search": "Candidatures spontanées",
        },
        "cost": {
            "name": "Deux ordinateurs portables",
            "purchase_ref": "F-2022-311",
            "amount": "6200",
        },
    },
    "nl_BE": {
        "walk_in": {
            "first_name": "Bram",
            "last_name": "De Smet",
            "niss": "98031723177",
            "birth_year": "1998",
            "street": "Esseghemstraat 25",
            "zip": "1090",
            "city": "Jette",
            "mobile": "0485 12 34 5",
        },
        "plan": {
            "person": "Kevin Claes",
            "job_title": "Magazijnier",
            "sector": "Logistiek",
            "strengths": "Nauwkeurig, sterk in rekenen, werkte twee jaar in een magazijn.",
            "action": "Opleiding heftruck",
            "provider": "Logistica vzw",
            "date": "%d-%m-%Y",
            "job_search": "Spontane sollicitaties",
        },
        "cost": {
            "name": "Twee laptops",
            "purchase_ref": "F-2022-311",
            "amount": "6200",
        },
    },
}

VACANCY = "Kitchen assistant"
SUBSIDY = "MAG 03"

# The first visible element that matches a CSS selector and, if given,
# contains a text (in its text or, for a field, its value).
FIND_JS = """
(css, text) => {
    for (const el of document.querySelectorAll(css)) {
        if (!el.getClientRects().length) continue;
        if (text && !(el.textContent.includes(text) || (el.value || "").includes(text))) continue;
        return el;
    }
    return null;
}
"""

# Why a screen is not what it should be: an error dialog or a red notification.
ERROR_JS = """
(() => {
    const el = document.querySelector(
        ".o_error_dialog, .o_notification:has(.o_notification_bar.bg-danger)"
    );
    return el ? el.innerText.slice(0, 600) : null;
})()
"""

# Ready: the page loaded, its fonts too, and no request is waiting.
READY_JS = """
document.readyState === "complete" && document.fonts.status === "loaded"
    && !document.querySelector(".o_loading_indicator, .o_blockUI")
"""


class ScreenError(Exception):
    """A screen did not appear, or showed an error."""


class Browser:
    """Headless Chromium and one page, driven over the DevTools protocol,
    with the flags of Odoo's test browser (odoo.tests.common.ChromeBrowser)."""

    def __init__(self, executable):
        self.profile = tempfile.mkdtemp(prefix="job_coaching_screenshots_")
        flags = [
            "--headless",
            "--disable-extensions",
            "--disable-background-networking",
            "--disable-background-timer-throttling",
            "--disable-backgrounding-occluded-windows",
            "--disable-renderer-backgrounding",
            "--disable-breakpad",
            "--disable-client-side-phishing-detection",
            "--disable-crash-reporter",
            "--disable-dev-shm-usage",
            "--disable-namespace-sandbox",
            "--disable-translate",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-default-apps",
            "--disable-device-discovery-notifications",
            "--no-default-browser-check",
            "--no-first-run",
            "--hide-scrollbars",
            "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0",
            f"--user-data-dir={self.profile}",
            f"--window-size={WIDTH},{HEIGHT}",
            "about:blank",
        ]
        # The demo users work in Brussels' time zone.
        env = dict(os.environ, TZ="Europe/Brussels")
        self.process = subprocess.Popen(
            [executable, *flags],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        self.ws = None
        self._ids = itertools.count(1)
        try:
            self._connect(executable)
        except BaseException:
            self.close()
            raise

    def _connect(self, executable):
        port_file = Path(self.profile, "DevToolsActivePort")
        deadline = time.monotonic() + TIMEOUT
        while not (port_file.is_file() and port_file.stat().st_size > 5):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise ScreenError(f"{executable} did not start (no DevTools port)")
            time.sleep(0.1)
        port = int(port_file.read_text().splitlines()[0])
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json", timeout=10) as response:
            targets = json.load(response)
        page = next(target for target in targets if target["type"] == "page")
        self.ws = websocket.create_connection(
            page["webSocketDebuggerUrl"], suppress_origin=True, timeout=TIMEOUT
        )
        self.call("Page.setDownloadBehavior", behavior="deny")
        self.call("Emulation.setFocusEmulationEnabled", enabled=True)
        self.call(
            "Emulation.setDeviceMetricsOverride",
            width=WIDTH,
            height=HEIGHT,
            deviceScaleFactor=1,
            mobile=False,
        )

    def close(self):
        if self.ws is not None:
            # Chromium may close the connection before it answers.
            with contextlib.suppress(ScreenError, websocket.WebSocketException, OSError):
                self.call("Browser.close")
            self.ws.close()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)

    # The protocol: a command, then its answer (the events in between are
    # not needed: an error in the web client shows in its error dialog).
    def call(self, method, **params):
        request_id = next(self._ids)
        self.ws.send(json.dumps({"id": request_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == request_id:
                if "error" in message:
                    raise ScreenError(f"{method}: {message['error'].get('message')}")
                return message.get("result", {})

    def evaluate(self, expression, await_promise=False):
        result = self.call(
            "Runtime.evaluate",
            expression=expression,
            returnByValue=True,
            awaitPromise=await_promise,
        )
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            raise ScreenError(
                details.get("exception", {}).get("description") or details.get("text")
            )
        return result["result"].get("value")

    def on_element(self, css, text, body):
        """Run ``body`` (JavaScript, ``el`` the element) on the element; null
        when there is none."""
        return self.evaluate(
            f"(() => {{ const el = ({FIND_JS})({json.dumps(css)}, {json.dumps(text)});"
            f" if (!el) return null; {body} }})()"
        )

    # What a user does.
    def goto(self, url):
        """Open the URL and wait for its page (not the one before)."""
        self.evaluate("window.screenshotsLeftPage = true")
        self.call("Page.navigate", url=url)
        self.wait_js("!window.screenshotsLeftPage", url)

    def wait_js(self, expression, what, timeout=TIMEOUT):
        """Wait until the expression holds (false while a page replaces another)."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                if self.evaluate(expression):
                    return
            except ScreenError:
                pass
            if time.monotonic() > deadline:
                raise ScreenError(f"{what}: not the case within {timeout} s")
            time.sleep(0.1)

    def wait(self, css, text=None, timeout=TIMEOUT):
        """Wait until the element shows, failing at once on an error dialog."""
        deadline = time.monotonic() + timeout
        while True:
            error = self.evaluate(ERROR_JS)
            if error:
                raise ScreenError(f"an error shows while waiting for {css!r}:\n{error}")
            if self.on_element(css, text, "return true;"):
                return
            if time.monotonic() > deadline:
                what = f"{css!r}" + (f" with {text!r}" if text else "")
                raise ScreenError(f"{what} did not appear within {timeout} s")
            time.sleep(0.1)

    def wait_ready(self):
        deadline = time.monotonic() + TIMEOUT
        while not self.evaluate(READY_JS):
            if time.monotonic() > deadline:
                raise ScreenError("the page kept loading")
            time.sleep(0.1)
        time.sleep(SETTLE)
        error = self.evaluate(ERROR_JS)
        if error:
            raise ScreenError(f"an error shows:\n{error}")

    def click(self, css, text=None):
        """A real mouse click in the middle of the element."""
        self.wait(css, text)
        x, y = self.on_element(
            css,
            text,
            "el.scrollIntoView({block: 'center', inline: 'center'});"
            " const r = el.getBoundingClientRect();"
            " return [r.x + r.width / 2, r.y + r.height / 2];",
        )
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.call(
                "Input.dispatchMouseEvent",
                type=kind,
                x=x,
                y=y,
                button="left" if kind != "mouseMoved" else "none",
                clickCount=1 if kind != "mouseMoved" else 0,
            )

    def type(self, css, text, commit=True):
        """Click the field, type the text as a keyboard would, then (unless
        it is a many2one that waits for a choice) leave the field."""
        self.click(css)
        self.on_element(css, None, "el.select && el.select(); return true;")
        self.call("Input.insertText", text=text)
        typed = self.on_element(css, None, "return el === document.activeElement && el.value;")
        if typed != text:
            raise ScreenError(f"{text!r} did not get typed into {css!r} (it holds {typed!r})")
        if commit:
            self.on_element(
                css, None, "el.dispatchEvent(new Event('change', {bubbles: true})); return true;"
            )

    def select(self, css, value):
        """Choose an option of a selection field by its value."""
        self.wait(css)
        found = self.on_element(
            css,
            None,
            "const opt = [...el.options].find("
            f"o => o.value === {json.dumps(json.dumps(value))} || o.value === {json.dumps(value)});"
            " if (!opt) return false; el.value = opt.value;"
            " el.dispatchEvent(new Event('change', {bubbles: true})); return true;",
        )
        if found is None:
            raise ScreenError(f"{css!r} went away before its option {value!r} was chosen")
        if not found:
            raise ScreenError(f"{css!r} has no option {value!r}")

    def scroll_top(self):
        """Back to the top of the screen, the last field left."""
        self.evaluate(
            "document.activeElement && document.activeElement.blur();"
            " for (const el of document.querySelectorAll('.o_content, .modal-body'))"
            " el.scrollTop = 0; window.scrollTo(0, 0);"
        )

    def rest_mouse(self):
        """The pointer out of the way: no hover effect nor tooltip in the picture."""
        self.call("Input.dispatchMouseEvent", type="mouseMoved", x=WIDTH - 1, y=HEIGHT - 1)

    def rpc(self, route, params):
        """A JSON-RPC call from the page, in the user's session."""
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": params})
        answer = self.evaluate(
            f"fetch({json.dumps(route)}, {{method: 'POST', headers: "
            f"{{'Content-Type': 'application/json'}}, body: {json.dumps(body)}}})"
            ".then(r => r.json())",
            await_promise=True,
        )
        if answer.get("error"):
            raise ScreenError(f"{route}: {answer['error'].get('data', {}).get('message')}")
        return answer["result"]

    def screenshot(self, path):
        data = base64.b64decode(self.call("Page.captureScreenshot", format="png")["data"])
        path.write_bytes(shrink(data))


def shrink(png):
    """The PNG re-encoded, as a 256-colour palette image when it is too
    heavy (the web client's flat colours hardly change)."""
    image = Image.open(io.BytesIO(png))
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    if out.tell() > MAX_BYTES:
        out = io.BytesIO()
        image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(
            out, format="PNG", optimize=True
        )
    return out.getvalue()


class Screens:
    """The flows, each ending on its key screen."""

    def __init__(self, browser, url):
        self.browser = browser
        self.url = url.rstrip("/")

    def login(self, login, lang):
        """Log in through the login form, then set the user's language, with
        no web client running that could read the language in between."""
        b = self.browser
        # A browser of its own: no session, nor users remembered by the login page.
        b.call("Network.clearBrowserCookies")
        b.call("Storage.clearDataForOrigin", origin=self.url, storageTypes="all")
        b.goto(f"{self.url}/web/login?redirect=/web/health")
        b.type("form.oe_login_form input[name=login]", login)
        b.type("form.oe_login_form input[name=password]", login)
        b.click("form.oe_login_form button[type=submit]")
        b.wait_js("location.pathname === '/web/health'", f"{login} logged in")
        uid = b.rpc("/web/session/get_session_info", {})["uid"]
        b.rpc(
            "/web/dataset/call_kw/res.users/write",
            {
                "model": "res.users",
                "method": "write",
                "args": [[uid], {"lang": lang}],
                "kwargs": {},
            },
        )
        # The session keeps the language it logged in with until its
        # information is read again (as the preferences dialog's reload does).
        info = b.rpc("/web/session/get_session_info", {})
        if info["user_context"]["lang"] != lang:
            raise ScreenError(f"{login}'s language did not change to {lang}")

    def open(self, path):
        self.browser.goto(f"{self.url}{path}")
        self.browser.wait(".o_main_navbar")

    def field(self, name):
        return f".o_field_widget[name={name}] input"

    # 1. An agent registers a walk-in: eligibility and problems while typing.
    def walk_in(self, lang):
        b, data = self.browser, DATA[lang]["walk_in"]
        self.open("/odoo")
        b.wait(".o_kanban_view .o_kanban_record")
        b.click(".o-kanban-button-new")
        b.wait(".o_form_view div[name=ineligible]")
        for name in ("first_name", "last_name", "niss", "street", "zip", "city"):
            b.type(self.field(name), data[name])
        b.type(self.field("mobile_display"), data["mobile"])
        # Shown before saving: eligible, in the zone, and the mistyped mobile.
        b.wait(".o_form_dirty div[name=eligible]")
        b.wait(".o_form_dirty span[name=in_zone_badge]")
        b.wait(".o_form_dirty div[name=file_problems]")
        b.wait(".o_field_widget[name=birth_date] input", data["birth_year"])
        b.scroll_top()

    # 2. An agent writes a person's insertion plan.
    def insertion_plan(self, lang):
        b, data = self.browser, DATA[lang]["plan"]
        self.open("/odoo")
        b.click(".o_kanban_view .o_kanban_record", data["person"])
        b.click("button[name=action_open_insertion_plan]")
        # A new plan: the person is set, nothing else yet.
        b.wait(self.field("beneficiary_id"), data["person"])
        b.wait(self.field("job_title") + ":placeholder-shown")
        b.type(self.field("job_title"), data["job_title"])
        b.type(self.field("sector"), data["sector"])
        b.select(".o_field_widget[name=motivation_start] select", "4")
        b.select(".o_field_widget[name=self_confidence_start] select", "3")
        b.type(".o_field_widget[name=strengths] textarea", data["strengths"])
        b.click(".o_notebook a.nav-link[name=actions]")
        # A training at a provider that is not a contact yet, starting in two
        # weeks, then the job search.
        row = ".o_field_widget[name=action_ids] .o_selected_row"
        b.click(".o_field_widget[name=action_ids] .o_field_x2many_list_row_add a")
        b.type(f"{row} .o_field_widget[name=name] input", data["action"])
        b.type(f"{row} .o_field_widget[name=provider_id] input", data["provider"], commit=False)
        b.click(".o_m2o_dropdown_option_create")
        b.wait(f"{row} .o_field_widget[name=provider_id] input", data["provider"])
        start = date.today() + timedelta(days=14)
        b.type(f"{row} .o_field_widget[name=date_start] input", start.strftime(data["date"]))
        b.click(".o_field_widget[name=action_ids] .o_field_x2many_list_row_add a")
        b.wait(".o_field_widget[name=action_ids] .o_data_row:nth-child(2).o_selected_row")
        b.select(f"{row} .o_field_widget[name=action_type] select", "job_search")
        b.type(f"{row} .o_field_widget[name=name] input", data["job_search"])
        b.click(".o_form_button_save")
        b.wait(".o_form_saved .o_field_widget[name=job_title]")
        b.wait(".o_field_widget[name=action_ids] td[name=provider_id]", data["provider"])
        b.wait(".o_field_widget[name=action_ids] td[name=name]", data["job_search"])
        # The goal above, the actions below.
        b.on_element(
            ".o_field_widget[name=action_ids] .o_field_x2many_list_row_add",
            None,
            "el.scrollIntoView({block: 'end'});",
        )

    # 3. A coordinator finds the candidates for a vacancy.
    def candidates(self, lang):
        b = self.browser
        self.open("/odoo/action-job_coaching.job_coaching_vacancy_action")
        b.click(".o_data_row td[name=title]", VACANCY)
        b.click("button[name=action_find_candidates]")
        b.wait(".o_last_breadcrumb_item", VACANCY)
        b.wait(".o_field_widget[name=line_ids] .o_data_row td[name=reasons]")

    # 4. A coordinator prints the year's activity report.
    def activity_report(self, lang):
        b = self.browser
        self.open("/odoo")
        b.click(
            ".o_menu_sections button[data-menu-xmlid='job_coaching.menu_job_coaching_reporting']"
        )
        b.click(".dropdown-item[data-menu-xmlid='job_coaching.menu_job_coaching_activity_report']")
        b.wait(".modal .o_field_widget[name=date_from] input")
        b.wait(".modal button[name=action_print_pdf]")
        # What "Print PDF" prints, as the web page of the same report: the
        # wizard as the user leaves it (its defaults: the last year, the zone).
        model = "job_coaching.activity.report.wizard"
        call = f"/web/dataset/call_kw/{model}"
        wizard_id = b.rpc(
            f"{call}/create", {"model": model, "method": "create", "args": [{}], "kwargs": {}}
        )
        action = b.rpc(
            f"{call}/action_print_pdf",
            {"model": model, "method": "action_print_pdf", "args": [[wizard_id]], "kwargs": {}},
        )
        b.goto(f"{self.url}/report/html/{action['report_name']}/{wizard_id}")
        b.wait(".o_job_coaching_activity h2")

    # 5. Finance records an equipment cost on the subsidy.
    def subsidy_cost(self, lang):
        b, data = self.browser, DATA[lang]["cost"]
        self.open("/odoo")
        b.click(".o_list_view .o_data_row td", SUBSIDY)
        b.click("button[name=action_record_cost]")
        b.wait(".modal .o_field_widget[name=category] select")
        b.select(".modal .o_field_widget[name=category] select", "equipment")
        b.wait(".modal .o_field_widget[name=analytic_account_id]", "MAG 03")
        b.type(".modal .o_field_widget[name=name] input", data["name"])
        b.type(".modal .o_field_widget[name=purchase_ref] input", data["purchase_ref"])
        b.type(".modal .o_field_widget[name=amount] input", data["amount"])
        # Above the threshold, without the funder's approval: the warning.
        b.wait(".modal .alert-warning .o_field_widget[name=approval_warning]")
        b.click(".modal .o_field_widget[name=approval_ref] input")


FLOWS = [
    ("01", "walk_in_intake", "agent", Screens.walk_in),
    ("02", "insertion_plan", "agent", Screens.insertion_plan),
    ("03", "vacancy_candidates", "coordinator", Screens.candidates),
    ("04", "activity_report", "coordinator", Screens.activity_report),
    ("05", "subsidy_cost", "finance", Screens.subsidy_cost),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url")
    parser.add_argument("--chrome")
    parser.add_argument(
        "--check", action="store_true", help="only check that the flows asked for exist"
    )
    parser.add_argument(
        "--failures", type=Path, help="where the picture of a screen that failed goes"
    )
    parser.add_argument("output", type=Path)
    parser.add_argument("flows", nargs="*")
    args = parser.parse_args()
    flows = [
        flow
        for flow in FLOWS
        if not args.flows or any(arg in (flow[0], flow[1]) for arg in args.flows)
    ]
    if not flows:
        sys.exit(f"No such flow: {' '.join(args.flows)} (flows: {[f[1] for f in FLOWS]})")
    if args.check:
        return
    if not (args.url and args.chrome):
        parser.error("--url and --chrome are needed")
    args.output.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    try:
        browser = Browser(args.chrome)
    except ScreenError as error:
        sys.exit(f"ERROR: {error}")
    try:
        screens = Screens(browser, args.url)
        for lang, suffix in LANGS.items():
            for number, name, login, flow in flows:
                path = args.output / f"{number}_{name}_{suffix}.png"
                begin = time.monotonic()
                try:
                    screens.login(login, lang)
                    flow(screens, lang)
                    browser.rest_mouse()
                    browser.wait_ready()
                except ScreenError as error:
                    message = f"ERROR: {path.name}, as {login} in {lang}: {error}"
                    if args.failures:
                        failed = args.failures / f"{path.stem}.failed.png"
                        with contextlib.suppress(ScreenError, websocket.WebSocketException):
                            browser.screenshot(failed)
                            message += f"\n(what the browser showed: {failed})"
                    sys.exit(message)
                browser.screenshot(path)
                print(
                    f"{path.name}: {path.stat().st_size // 1024} KB, "
                    f"{time.monotonic() - begin:.1f} s",
                    flush=True,
                )
    finally:
        browser.close()
    print(f"{len(flows) * len(LANGS)} screenshots in {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
