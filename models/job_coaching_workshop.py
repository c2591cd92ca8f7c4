# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class JobCoachingWorkshop(models.Model):
    _name = "job_coaching.workshop"
    _description = "Table Emploi Workshop"
    _inherit = [
        "job_coaching.team.thread",
        "mail.activity.mixin",
        "job_coaching.input.guard",
        "job_coaching.period",
    ]
    _order = "start desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    topic = fields.Selection(
        [
            ("cv", "CV"),
            ("cover_letter", "Cover letter"),
            ("interview", "Interview preparation"),
            ("actiris_info", "Information on Actiris"),
            ("other", "Other"),
        ],
        required=True,
        default="cv",
        tracking=True,
    )
    start = fields.Datetime(required=True, tracking=True)
    stop = fields.Datetime(
        string="End",
        compute="_compute_stop",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        tracking=True,
    )
    location = fields.Char(string="Place")
    facilitator_id = fields.Many2one(
        "res.users",
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
        tracking=True,
    )
    capacity = fields.Integer(required=True, default=10, tracking=True)
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancelled", "Cancelled")],
        required=True,
        default="planned",
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    registration_ids = fields.One2many("job_coaching.workshop.registration", "workshop_id")
    seats_taken = fields.Integer(
        string="Registered",
        compute="_compute_seats",
        store=True,
        help="People registered, whatever their attendance: the seats taken.",
    )
    attended_count = fields.Integer(
        string="Attended",
        compute="_compute_seats",
        store=True,
        help="People who came to the workshop.",
    )
    description = fields.Html()

    _sql_constraints = [
        ("capacity_positive", "CHECK (capacity > 0)", "A workshop needs at least one seat."),
    ]

    @api.depends("start")
    def _compute_stop(self):
        # Two hours by default; an end typed after the start stays.
        for workshop in self:
            if workshop.start and (not workshop.stop or workshop.stop <= workshop.start):
                workshop.stop = workshop.start + timedelta(hours=2)

    @api.depends("registration_ids", "registration_ids.attendance")
    def _compute_seats(self):
        # sudo: seats are counted over every registration, whoever may read them
        data = (
            self.sudo()
            .env["job_coaching.workshop.registration"]
            ._read_group(
                [("workshop_id", "in", self.ids)], ["workshop_id", "attendance"], ["__count"]
            )
        )
        taken, attended = {}, {}
        for workshop, attendance, count in data:
            taken[workshop.id] = taken.get(workshop.id, 0) + count
            if attendance == "attended":
                attended[workshop.id] = count
        for workshop in self:
            workshop.seats_taken = taken.get(workshop.id, 0)
            workshop.attended_count = attended.get(workshop.id, 0)

    @api.constrains("start", "stop")
    def _check_dates(self):
        self._check_ends_after_start("start", "stop")

    @api.constrains("capacity", "registration_ids")
    def _check_capacity(self):
        for workshop in self:
            if workshop.seats_taken > workshop.capacity:
                raise ValidationError(
                    _(
                        "The workshop %(name)s is full (%(capacity)s seats): raise the capacity "
                        "or register the person for another session.",
                        name=workshop.name,
                        capacity=workshop.capacity,
                    )
                )

    def action_done(self):
        self.write({"state": "done"})

    def action_cancel(self):
        self.write({"state": "cancelled"})

    def action_reset(self):
        self.write({"state": "planned"})

    @api.model
    def _cron_close_past_workshops(self):
        """A workshop whose end has passed is held: it leaves the planned ones,
        so it is no longer offered for registration."""
        self.search([("state", "=", "planned"), ("stop", "<", fields.Datetime.now())]).action_done()
