# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..models.job_coaching_office_hours import HALF_DAYS

WEEKDAYS = [
    ("0", "Monday"),
    ("1", "Tuesday"),
    ("2", "Wednesday"),
    ("3", "Thursday"),
    ("4", "Friday"),
    ("5", "Saturday"),
]


class JobCoachingOfficeHoursGenerate(models.TransientModel):
    _name = "job_coaching.office.hours.generate"
    _description = "Plan the Weekly Office Hours of a Period"
    _inherit = ["job_coaching.record"]

    zone_id = fields.Many2one("job_coaching.zone", required=True)
    place_id = fields.Many2one(
        "res.partner",
        required=True,
        domain="[('is_job_coaching_partner', '=', True)]",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Agent",
        required=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
    # The zone's period by default.
    date_from = fields.Date(
        string="From",
        compute="_compute_period",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
    )
    date_to = fields.Date(
        string="To",
        compute="_compute_period",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
    )
    weekday_1 = fields.Selection(WEEKDAYS, string="First Day", required=True, default="1")
    half_day_1 = fields.Selection(
        HALF_DAYS, string="First Half-day", required=True, default="morning"
    )
    weekday_2 = fields.Selection(WEEKDAYS, string="Second Day", default="3")
    half_day_2 = fields.Selection(HALF_DAYS, string="Second Half-day", default="afternoon")

    @api.depends("zone_id")
    def _compute_period(self):
        for wizard in self:
            wizard.date_from = wizard.date_from or wizard.zone_id.date_start
            wizard.date_to = wizard.date_to or wizard.zone_id.date_end

    def _slots(self):
        self.ensure_one()
        slots = {(int(self.weekday_1), self.half_day_1)}
        if self.weekday_2 and self.half_day_2:
            slots.add((int(self.weekday_2), self.half_day_2))
        return slots

    def action_generate(self):
        self.ensure_one()
        if self.date_to < self.date_from:
            raise UserError(_("The period ends before it starts: check the dates."))
        slots = self._slots()
        OfficeHours = self.env["job_coaching.office.hours"]
        existing = {
            (o.date, o.half_day)
            for o in OfficeHours.search(
                [
                    ("user_id", "=", self.user_id.id),
                    ("date", ">=", self.date_from),
                    ("date", "<=", self.date_to),
                ]
            )
        }
        vals_list = []
        day = self.date_from
        while day <= self.date_to:
            for weekday, half_day in sorted(slots, key=lambda s: (s[0], s[1] != "morning")):
                if day.weekday() == weekday and (day, half_day) not in existing:
                    vals_list.append(
                        {
                            "date": day,
                            "half_day": half_day,
                            "zone_id": self.zone_id.id,
                            "place_id": self.place_id.id,
                            "user_id": self.user_id.id,
                            "company_id": self.zone_id.company_id.id,
                        }
                    )
            day += timedelta(days=1)
        created = OfficeHours.create(vals_list)
        return {
            "type": "ir.actions.act_window",
            "name": _("Planned office hours"),
            "res_model": "job_coaching.office.hours",
            "view_mode": "list,form",
            "domain": [("id", "in", created.ids)],
        }
