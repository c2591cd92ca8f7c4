# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

HALF_DAYS = [("morning", "Morning"), ("afternoon", "Afternoon")]


class JobCoachingOfficeHours(models.Model):
    _name = "job_coaching.office.hours"
    _description = "Office Hours in the Zone"
    _inherit = ["job_coaching.team.thread", "job_coaching.input.guard"]
    _order = "date desc, half_day desc, id desc"
    _check_company_auto = True

    date = fields.Date(required=True, tracking=True)
    half_day = fields.Selection(HALF_DAYS, required=True, default="morning")
    place_id = fields.Many2one(
        "res.partner",
        required=True,
        domain="[('is_job_coaching_partner', '=', True)]",
        help="The partner organisation that lends a room in the zone.",
        tracking=True,
    )
    zone_id = fields.Many2one(
        "job_coaching.zone", required=True, index=True, check_company=True, tracking=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Agent",
        required=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
        index=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Held"), ("cancelled", "Cancelled")],
        required=True,
        default="planned",
        tracking=True,
    )
    visit_ids = fields.One2many("job_coaching.office.hours.visit", "office_hours_id")
    visit_count = fields.Integer(string="Visits", compute="_compute_visit_count", store=True)
    walk_in_count = fields.Integer(
        string="Anonymous Walk-ins", compute="_compute_visit_count", store=True
    )
    note = fields.Text()

    @api.depends("visit_ids", "visit_ids.beneficiary_id")
    def _compute_visit_count(self):
        for office_hours in self:
            office_hours.visit_count = len(office_hours.visit_ids)
            office_hours.walk_in_count = len(
                office_hours.visit_ids.filtered(lambda v: not v.beneficiary_id)
            )

    @api.depends("date", "half_day", "place_id")
    def _compute_display_name(self):
        half_days = dict(self._fields["half_day"]._description_selection(self.env))
        for office_hours in self:
            office_hours.display_name = " - ".join(
                part
                for part in (
                    office_hours.date and fields.Date.to_string(office_hours.date),
                    half_days.get(office_hours.half_day),
                    office_hours.place_id.name,
                )
                if part
            )

    @api.constrains("date", "zone_id")
    def _check_zone_period(self):
        for office_hours in self:
            zone = office_hours.zone_id
            if office_hours.date and not (zone.date_start <= office_hours.date <= zone.date_end):
                raise ValidationError(
                    _(
                        "Office hours on %(date)s fall outside the period of the zone "
                        "%(zone)s (%(start)s to %(end)s): choose a date in that period.",
                        date=office_hours.date,
                        zone=zone.name,
                        start=zone.date_start,
                        end=zone.date_end,
                    )
                )

    def action_done(self):
        self.write({"state": "done"})

    def action_cancel(self):
        self.write({"state": "cancelled"})
