# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class JobCoachingAccessLog(models.Model):
    """Who printed or exported personal data, when, and how much."""

    _name = "job_coaching.access.log"
    _description = "Print or Export of Personal Data"
    _inherit = ["job_coaching.input.guard"]
    _order = "date desc, id desc"

    date = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True)
    user_id = fields.Many2one("res.users", required=True, readonly=True, ondelete="restrict")
    what = fields.Char(required=True, readonly=True, help="The report printed, or Export.")
    model = fields.Char(required=True, readonly=True)
    record_count = fields.Integer(string="Records", readonly=True)
    record_ids = fields.Text(string="Record Numbers", readonly=True)
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, default=lambda self: self.env.company
    )

    @api.model
    def _log(self, what, records):
        """Write one line for ``records`` printed or exported as ``what``."""
        if not records or self.env.su:
            return
        # sudo: every user leaves a trace; nobody may write one by hand
        self.sudo().create(
            {
                "user_id": self.env.uid,
                "what": what,
                "model": records._name,
                "record_count": len(records),
                "record_ids": ",".join(map(str, records.ids)),
            }
        )
