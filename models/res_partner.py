# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_job_coaching_partner = fields.Boolean(
        string="Job Coaching Partner",
        help="An organisation of the neighbourhood that refers people to the project, "
        "lends a room for office hours or provides training.",
    )
