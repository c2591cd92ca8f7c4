# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from ..tools.street import street_match_key


class JobCoachingZoneStreet(models.Model):
    _name = "job_coaching.zone.street"
    _description = "Street of a Zone"
    _inherit = ["job_coaching.input.guard"]
    _order = "zone_id, name"

    zone_id = fields.Many2one("job_coaching.zone", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="zone_id.company_id", store=True)
    name = fields.Char(string="French name", required=True)
    name_nl = fields.Char(string="Dutch name")
    match_key = fields.Char(compute="_compute_match_keys", store=True)
    match_key_nl = fields.Char(compute="_compute_match_keys", store=True)

    _sql_constraints = [
        ("name_zone_uniq", "UNIQUE (zone_id, name)", "A street appears only once in a zone."),
    ]

    @api.depends("name", "name_nl")
    def _compute_match_keys(self):
        for street in self:
            street.match_key = street_match_key(street.name)
            street.match_key_nl = street_match_key(street.name_nl)

    @api.depends("name", "name_nl")
    def _compute_display_name(self):
        for street in self:
            street.display_name = (
                f"{street.name} / {street.name_nl}" if street.name_nl else street.name
            )

    @api.model_create_multi
    def create(self, vals_list):
        streets = super().create(vals_list)
        streets.zone_id._relocate_beneficiaries()
        return streets

    def write(self, vals):
        zones = self.zone_id
        res = super().write(vals)
        if {"name", "name_nl", "zone_id"} & set(vals):
            (zones | self.zone_id)._relocate_beneficiaries()
        return res

    def unlink(self):
        zones = self.zone_id
        res = super().unlink()
        zones._relocate_beneficiaries()
        return res
