# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""JSON-RPC as a client calls it (which, unlike XML-RPC, carries any payload)."""

import json


class RpcError(Exception):
    """The error part of a JSON-RPC reply."""

    def __init__(self, error):
        self.data = error.get("data") or {}
        super().__init__(self.data.get("message") or error.get("message"))

    @property
    def message(self):
        return self.data.get("message", "")

    @property
    def clean(self):
        """A business error the user can act on: one of Odoo's user-facing
        exceptions, whose message is a sentence (not a traceback)."""
        name = self.data.get("name", "")
        return (
            name.startswith("odoo.exceptions.")
            and name != "odoo.exceptions.CacheMiss"
            and "Traceback" not in self.message
        )


def json_rpc(case, user, password, model, method, args, kwargs):
    """Call ``model.method`` as ``user`` over /jsonrpc from the HttpCase
    ``case``; return the result or raise RpcError with the reply's error."""
    payload = {
        "jsonrpc": "2.0",
        "method": "call",
        "id": 1,
        "params": {
            "service": "object",
            "method": "execute_kw",
            "args": [case.env.cr.dbname, user.id, password, model, method, list(args), kwargs],
        },
    }
    response = case.url_open(
        "/jsonrpc", data=json.dumps(payload), headers={"Content-Type": "application/json"}
    )
    case.assertEqual(response.status_code, 200, "an RPC error is a reply, not an HTTP error")
    reply = response.json()
    if "error" in reply:
        raise RpcError(reply["error"])
    return reply.get("result")
