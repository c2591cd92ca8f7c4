# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class JobCoachingReferralChannel(models.Model):
    _name = "job_coaching.referral.channel"
    _description = "Referral Channel"
    _inherit = ["job_coaching.input.guard"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    needs_partner = fields.Boolean(
        string="Partner Required",
        help="A person referred through this channel is referred by a partner organisation, "
        "to be named on the file.",
    )
