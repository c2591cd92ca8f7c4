# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .job_coaching_beneficiary import EDUCATION_LEVELS

CONTRACT_TYPES = [
    ("art60", "Article 60 §7"),
    ("art61", "Article 61"),
    ("fixed_term", "Fixed-term"),
    ("open_ended", "Open-ended"),
    ("interim", "Interim"),
    ("student", "Student job"),
    ("training_placement", "Training placement"),
    ("volunteering", "Volunteering"),
]

# A minimum to require: the beneficiary's levels, but a foreign diploma that is
# not recognised.
MINIMUM_EDUCATION_LEVELS = [level for level in EDUCATION_LEVELS if level[0] != "foreign"]


class JobCoachingVacancy(models.Model):
    _name = "job_coaching.vacancy"
    _description = "Vacancy"
    _inherit = ["job_coaching.team.thread", "mail.activity.mixin", "job_coaching.input.guard"]
    _order = "deadline, id desc"
    _rec_name = "title"
    _check_company_auto = True

    # The job
    title = fields.Char(required=True, tracking=True)
    employer_id = fields.Many2one(
        "res.partner",
        required=True,
        tracking=True,
        index=True,
        ondelete="restrict",
        domain="[('is_employer', '=', True)]",
    )
    is_cqd_project = fields.Boolean(
        string="Neighbourhood Contract Project", related="employer_id.is_cqd_project"
    )
    contract_type = fields.Selection(CONTRACT_TYPES, required=True, tracking=True)
    positions = fields.Integer(default=1, required=True, tracking=True)
    weekly_hours = fields.Float()
    in_zone = fields.Boolean(string="Job in the Zone")
    place = fields.Char()
    deadline = fields.Date(tracking=True)
    description = fields.Html()

    # Requirements
    lang_ids = fields.Many2many(
        "res.lang",
        "job_coaching_vacancy_lang_rel",
        "vacancy_id",
        "lang_id",
        string="Languages Required",
        context={"active_test": False},
    )
    driving_licence_required = fields.Boolean()
    education_level = fields.Selection(MINIMUM_EDUCATION_LEVELS, string="Minimum Education")
    skills = fields.Text(string="Skills Wanted")

    # Follow-up
    state = fields.Selection(
        [("open", "Open"), ("filled", "Filled"), ("closed", "Closed")],
        default="open",
        required=True,
        tracking=True,
    )
    application_ids = fields.One2many("job_coaching.application", "vacancy_id")
    positions_filled = fields.Integer(compute="_compute_positions_filled", store=True)
    application_count = fields.Integer(compute="_compute_application_count")
    user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user, tracking=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    active = fields.Boolean(default=True)

    @api.depends("application_ids.state")
    def _compute_positions_filled(self):
        # every hire counts, whoever follows the person
        hired = self.sudo()._count_linked(
            "job_coaching.application", "vacancy_id", [("state", "=", "hired")]
        )
        for vacancy in self:
            vacancy.positions_filled = hired.get(vacancy._origin, 0)

    def _compute_application_count(self):
        counts = self._count_linked("job_coaching.application", "vacancy_id")
        for vacancy in self:
            vacancy.application_count = counts.get(vacancy, 0)

    @api.constrains("positions", "weekly_hours")
    def _check_positions(self):
        for vacancy in self:
            if vacancy.positions < 1:
                raise ValidationError(
                    _("The vacancy %(title)s needs at least one position.", title=vacancy.title)
                )
            if vacancy.weekly_hours < 0 or vacancy.weekly_hours > 60:
                raise ValidationError(
                    _(
                        "The weekly hours of %(title)s must lie between 0 and 60.",
                        title=vacancy.title,
                    )
                )

    @api.constrains("positions")
    def _check_not_overfilled(self):
        for vacancy in self:
            if vacancy.positions_filled > vacancy.positions:
                raise ValidationError(
                    _(
                        "%(title)s has %(positions)s position(s) and %(hired)s people hired: "
                        "raise the number of positions first.",
                        title=vacancy.title,
                        positions=vacancy.positions,
                        hired=vacancy.positions_filled,
                    )
                )

    def action_close(self):
        self.write({"state": "closed"})

    def action_reopen(self):
        self.write({"state": "open"})

    def action_open_applications(self):
        return self._action_open_linked(
            "job_coaching.job_coaching_application_action", "vacancy_id"
        )

    def action_find_candidates(self):
        self.ensure_one()
        if self.state != "open":
            raise UserError(
                _("%(title)s is not open: reopen it to look for candidates.", title=self.title)
            )
        wizard = self.env["job_coaching.candidate.match"].create(
            {
                "vacancy_id": self.id,
                "line_ids": [
                    fields.Command.create(vals)
                    for vals in self.env["job_coaching.candidate.match"]._rank_candidates(self)
                ],
            }
        )
        return {
            "type": "ir.actions.act_window",
            "name": _("Candidates for %(title)s", title=self.title),
            "res_model": wizard._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "current",
        }
