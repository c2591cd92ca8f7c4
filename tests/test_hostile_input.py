# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json
import logging

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import FINANCE_GROUP, MANAGER_GROUP

_logger = logging.getLogger(__name__)

INJECTION = "'); DROP TABLE job_coaching_beneficiary; --"
# Values of the wrong kind for each type of field.
BAD_VALUES = {
    "char": [12, ["list"], {"a": 1}, "x" * 5000, "nul\x00byte"],
    "text": [12, ["list"], "x" * 1_000_001],
    "html": [12, ["list"]],
    "boolean": ["yes", 2, [True]],
    "integer": ["abc", 1.5, 2**40, [1]],
    "float": ["abc", [1.0], 1e300],
    "monetary": ["abc", [1.0], 1e300],
    "date": ["2026-02-30", "not a date", 20260101, "0001-01-01", ["2026-01-01"]],
    "datetime": ["2026-13-01 25:00:00", "yesterday", 1, ["2026-01-01"]],
    "selection": ["no_such_value", 1, INJECTION],
    "many2one": ["abc", -1, 2**31 - 1, [1], 1.5],
    "many2many": ["abc", 1, [(9, 0, 0)], [(6, 0, "abc")], [("x",)]],
    "one2many": ["abc", 1, [(9, 0, 0)], [(0, 0, "abc")]],
}
BAD_DOMAINS = [
    [("no_such_field", "=", 1)],
    [("name", "no_such_operator", "x")],
    [(INJECTION, "=", 1)],
    "not a domain",
    [("id", "in", "abc")],
    [("name", "=", INJECTION)],  # a valid domain: must simply find nothing
]


class RpcError(Exception):
    def __init__(self, error):
        super().__init__(error.get("message"))
        self.data = error.get("data") or {}

    @property
    def clean(self):
        """A business error the user can act on: one of Odoo's user-facing
        exceptions, whose message is a sentence (not a traceback)."""
        name = self.data.get("name", "")
        message = self.data.get("message", "")
        return (
            name.startswith("odoo.exceptions.")
            and name != "odoo.exceptions.CacheMiss"
            and "Traceback" not in message
        )


@tagged("post_install", "-at_install")
class TestHostileInput(HttpCase):
    """Drive the add-on's models over XML-RPC with malformed values: every call
    is refused with a clean error (a message, no traceback) and no row changes."""

    # model: a factory of valid values, to which one bad value is added.
    TARGETS = {
        "job_coaching.beneficiary": lambda self: {
            "first_name": "Hostile",
            "last_name": "Input",
            "street": "Rue Esseghem 1",
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
    }

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = new_test_user(
            cls.env,
            login="jc_hostile",
            password="jc_hostile_pw",
            groups=f"{MANAGER_GROUP},{FINANCE_GROUP}",
        )

    def _call(self, model, method, *args, **kwargs):
        """Call over JSON-RPC (which, unlike XML-RPC, carries any payload);
        return the result or raise RpcError with the reply's error."""
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": 1,
            "params": {
                "service": "object",
                "method": "execute_kw",
                "args": [
                    self.env.cr.dbname,
                    self.user.id,
                    "jc_hostile_pw",
                    model,
                    method,
                    list(args),
                    kwargs,
                ],
            },
        }
        response = self.url_open(
            "/jsonrpc", data=json.dumps(payload), headers={"Content-Type": "application/json"}
        )
        self.assertEqual(response.status_code, 200, "an RPC error is a reply, not an HTTP error")
        reply = response.json()
        if "error" in reply:
            raise RpcError(reply["error"])
        return reply["result"]

    def _snapshot(self, model):
        Model = self.env[model].with_context(active_test=False)
        records = Model.search([])
        names = [
            f
            for f, field in Model._fields.items()
            if field.store and f not in ("write_date", "__last_update")
        ]
        return records.read(names)

    def _fields_to_try(self, model):
        Model = self.env[model]
        for name, field in Model._fields.items():
            if (
                field.type in BAD_VALUES
                and field.store
                and not field.readonly
                and not field.compute
            ):
                if name in ("id", "create_uid", "create_date", "write_uid", "write_date"):
                    continue
                if name.startswith(("message_", "activity_", "website_message")):
                    continue
                yield name, field

    def test_malformed_values_are_refused_cleanly(self):
        tried, unclean, accepted_bad = 0, [], []
        for model, factory in self.TARGETS.items():
            base = factory(self)
            record_id = self._call(model, "create", [base])[0]
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
            for domain in BAD_DOMAINS:
                tried += 1
                try:
                    with mute_logger("odoo.http"):
                        self._call(model, "search", domain)
                except RpcError as error:
                    if not error.clean:
                        unclean.append(
                            (model, "search", str(domain)[:40], "", error.data.get("name"))
                        )
        _logger.info(
            "hostile input: %s payloads tried, %s unclean errors, %s bad values accepted",
            tried,
            len(unclean),
            len(accepted_bad),
        )
        self.assertFalse(unclean, "\n".join(map(str, unclean[:10])))
        self.assertFalse(accepted_bad, "\n".join(map(str, accepted_bad[:10])))
        self.assertGreater(tried, 300)
