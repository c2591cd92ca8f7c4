# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class JobCoachingSocialNote(models.Model):
    """A confidential social note: read by its author and the coordinator only
    (record rules). Never tracked, so it never leaks into a chatter."""

    _name = "job_coaching.social.note"
    _description = "Confidential Social Note"
    _inherit = "job_coaching.file.entry"
    _order = "create_date desc, id desc"

    session_id = fields.Many2one("job_coaching.session", ondelete="cascade", index=True)
    beneficiary_id = fields.Many2one(
        compute="_compute_beneficiary_id", store=True, readonly=False, precompute=True
    )
    # Whoever writes the note is its author: read-only, so refused from
    # anyone but the application (data files, run as superuser, may name it).
    author_id = fields.Many2one(
        "res.users",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
        index=True,
    )
    body = fields.Html(string="Note", required=True, sanitize_style=True)

    @api.depends("session_id")
    def _compute_beneficiary_id(self):
        for note in self:
            if note.session_id:
                note.beneficiary_id = note.session_id.beneficiary_id
