# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_datetime


class JobCoachingWorkshopRegistration(models.Model):
    _name = "job_coaching.workshop.registration"
    _description = "Workshop Registration"
    _inherit = "job_coaching.file.entry"
    _order = "workshop_id desc, id"

    workshop_id = fields.Many2one(
        "job_coaching.workshop",
        required=True,
        ondelete="restrict",
        index=True,
        check_company=True,
        # Past workshops are closed: registration is for the planned ones.
        domain="[('state', '=', 'planned')]",
    )
    beneficiary_id = fields.Many2one(check_company=True)
    attendance = fields.Selection(
        [
            ("registered", "Registered"),
            ("attended", "Attended"),
            ("absent", "Absent"),
            ("excused", "Excused"),
        ],
        required=True,
        default="registered",
    )
    start = fields.Datetime(related="workshop_id.start", store=True)
    topic = fields.Selection(related="workshop_id.topic", store=True)
    # The company of the workshop, or of the file while no workshop is chosen:
    # a registration started from the file offers that company's workshops.
    # From the workshop or from the file, whichever is chosen first, so that
    # either field offers the records of that company.
    company_id = fields.Many2one("res.company", related=False, compute="_compute_company_id")

    _sql_constraints = [
        (
            "workshop_beneficiary_uniq",
            "UNIQUE (workshop_id, beneficiary_id)",
            "This person is already registered for this workshop.",
        ),
    ]

    @api.depends("workshop_id.company_id", "beneficiary_id.company_id")
    def _compute_company_id(self):
        for registration in self:
            registration.company_id = (
                registration.workshop_id.company_id or registration.beneficiary_id.company_id
            )

    @api.depends("workshop_id", "beneficiary_id")
    def _compute_display_name(self):
        for registration in self:
            registration.display_name = " - ".join(
                part
                for part in (registration.workshop_id.name, registration.beneficiary_id.name)
                if part
            )

    @api.constrains("attendance", "workshop_id")
    def _check_attendance_after_start(self):
        now = fields.Datetime.now()
        for registration in self:
            if registration.attendance != "registered" and registration.workshop_id.start > now:
                raise ValidationError(
                    _(
                        "The workshop %(name)s has not taken place yet (%(start)s): record "
                        "the attendance of %(person)s afterwards.",
                        name=registration.workshop_id.name,
                        start=format_datetime(
                            self.env, registration.workshop_id.start, dt_format=False
                        ),
                        person=registration.beneficiary_id.name,
                    )
                )

    @api.constrains("workshop_id")
    def _check_capacity(self):
        self.workshop_id._check_capacity()
