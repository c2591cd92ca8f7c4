# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

NEXT_STATES = {
    "sent": ("proposed",),
    "interview": ("proposed", "sent"),
    "hired": ("proposed", "sent", "interview"),
    "refused": ("proposed", "sent", "interview"),
    "withdrawn": ("proposed", "sent", "interview"),
}


class JobCoachingApplication(models.Model):
    _name = "job_coaching.application"
    _description = "Application"
    _inherit = [
        "job_coaching.team.thread",
        "mail.activity.mixin",
        "job_coaching.file.entry",
    ]
    _order = "create_date desc, id desc"

    vacancy_id = fields.Many2one(
        "job_coaching.vacancy", required=True, ondelete="restrict", index=True, tracking=True
    )
    beneficiary_id = fields.Many2one(tracking=True, check_company=True)
    employer_id = fields.Many2one(
        related="vacancy_id.employer_id", store=True, index=True, string="Employer"
    )
    contract_type = fields.Selection(related="vacancy_id.contract_type")
    company_id = fields.Many2one(related="vacancy_id.company_id")
    state = fields.Selection(
        [
            ("proposed", "Proposed"),
            ("sent", "Sent to the employer"),
            ("interview", "Interview"),
            ("hired", "Hired"),
            ("refused", "Refused"),
            ("withdrawn", "Withdrawn"),
        ],
        default="proposed",
        required=True,
        tracking=True,
        copy=False,
    )
    date_sent = fields.Date(string="Sent On", copy=False, tracking=True)
    date_interview = fields.Date(string="Interview On", copy=False, tracking=True)
    date_hired = fields.Date(string="Hired On", copy=False, tracking=True)
    match_score = fields.Integer(string="Score When Proposed", readonly=True, copy=False)
    match_reasons = fields.Char(string="Why Proposed", readonly=True, copy=False)
    employer_rating = fields.Selection(
        [(str(value), str(value)) for value in range(6)],
        string="Employer's Rating",
        tracking=True,
        help="The employer's appreciation of the candidate, from 0 (poor) to 5 (excellent).",
    )
    employer_feedback = fields.Text(string="Employer's Feedback")
    art60_contract_ids = fields.One2many("job_coaching.art60.contract", "application_id")

    _sql_constraints = [
        (
            "vacancy_beneficiary_uniq",
            "UNIQUE (vacancy_id, beneficiary_id)",
            "This person was already proposed for this vacancy.",
        ),
    ]

    @api.depends("beneficiary_id", "vacancy_id")
    def _compute_display_name(self):
        for application in self:
            application.display_name = _(
                "%(person)s - %(vacancy)s",
                person=application.beneficiary_id.name,
                vacancy=application.vacancy_id.title,
            )

    @api.constrains("state", "vacancy_id")
    def _check_positions_left(self):
        vacancies = self.filtered(lambda a: a.state == "hired").vacancy_id
        if not vacancies:
            return
        hired = dict(
            self.sudo()._read_group(  # every hire counts, whoever follows the person
                [("vacancy_id", "in", vacancies.ids), ("state", "=", "hired")],
                ["vacancy_id"],
                ["__count"],
            )
        )
        for vacancy in vacancies:
            if hired.get(vacancy.sudo(), 0) > vacancy.positions:
                raise ValidationError(
                    _(
                        "%(title)s has %(positions)s position(s), all filled: nobody more can "
                        "be hired. Raise the number of positions of the vacancy first.",
                        title=vacancy.title,
                        positions=vacancy.positions,
                    )
                )

    @api.constrains("vacancy_id")
    def _check_vacancy_open(self):
        # Checked when a person is proposed (or moved to another vacancy),
        # after the file-record layer has checked the file.
        closed = self.vacancy_id.filtered(lambda v: v.state != "open")
        if closed:
            raise UserError(
                _(
                    "%(titles)s is no longer open: nobody can be proposed for it.",
                    titles=", ".join(closed.mapped("title")),
                )
            )

    def _set_state(self, state, **vals):
        for application in self:
            if application.state not in NEXT_STATES[state]:
                labels = dict(self._fields["state"]._description_selection(self.env))
                raise UserError(
                    _(
                        "The application of %(person)s is %(current)s: it cannot become %(new)s.",
                        person=application.beneficiary_id.name,
                        current=labels[application.state],
                        new=labels[state],
                    )
                )
        self.write({"state": state, **vals})

    def action_send(self):
        self._set_state("sent", date_sent=fields.Date.context_today(self))

    def action_interview(self):
        self._set_state("interview", date_interview=fields.Date.context_today(self))

    def action_hire(self):
        self._set_state("hired", date_hired=fields.Date.context_today(self))
        full = self.vacancy_id.filtered(lambda v: v.positions_filled >= v.positions)
        full.write({"state": "filled"})
        self.beneficiary_id._move_to_step("employment")

    def action_refuse(self):
        self._set_state("refused")

    def action_withdraw(self):
        self._set_state("withdrawn")

    def action_create_art60_contract(self):
        self.ensure_one()
        vacancy = self.vacancy_id
        return {
            "type": "ir.actions.act_window",
            "name": _("Article 60 §7 contract"),
            "res_model": "job_coaching.art60.contract",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_beneficiary_id": self.beneficiary_id.id,
                "default_application_id": self.id,
                "default_job_title": vacancy.title,
                "default_placement": "art61"
                if vacancy.contract_type == "art61"
                else (
                    "internal"
                    if vacancy.employer_id == self.env.company.partner_id
                    else "user_employer"
                ),
                "default_user_employer_id": vacancy.employer_id.id,
                "default_working_time": min(1.0, (vacancy.weekly_hours or 38.0) / 38.0),
                "default_date_start": self.date_hired,
            },
        }
