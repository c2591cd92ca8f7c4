# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_job_coaching_partner = fields.Boolean(
        string="Job Coaching Partner",
        help="An organisation of the neighbourhood that refers people to the project, "
        "lends a room for office hours or provides training.",
    )

    # --- employment ---
    is_employer = fields.Boolean(
        string="Employer",
        help="A company that hires, or may hire, the people the project accompanies.",
    )
    is_cqd_project = fields.Boolean(
        string="Neighbourhood Contract Project",
        help="One of the neighbourhood contract's own projects: they hire the project's "
        "people first.",
    )
    job_coaching_vacancy_ids = fields.One2many(
        "job_coaching.vacancy", "employer_id", string="Vacancies"
    )
    job_coaching_vacancy_count = fields.Integer(
        string="Vacancy Count",
        compute="_compute_job_coaching_counts",
        groups="job_coaching.group_job_coaching_user",
    )
    job_coaching_hire_count = fields.Integer(
        string="Hires",
        compute="_compute_job_coaching_counts",
        groups="job_coaching.group_job_coaching_user",
    )

    def _compute_job_coaching_counts(self):
        vacancies = dict(
            self.env["job_coaching.vacancy"]._read_group(
                [("employer_id", "in", self.ids)], ["employer_id"], ["__count"]
            )
        )
        hires = dict(
            self.env["job_coaching.application"]._read_group(
                [("employer_id", "in", self.ids), ("state", "=", "hired")],
                ["employer_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.job_coaching_vacancy_count = vacancies.get(partner, 0)
            partner.job_coaching_hire_count = hires.get(partner, 0)

    def action_open_job_coaching_vacancies(self):
        self.ensure_one()
        return self.env["job_coaching.record"]._action_open(
            "job_coaching.job_coaching_vacancy_action",
            [("employer_id", "=", self.id)],
            {"default_employer_id": self.id},
        )

    def action_open_job_coaching_hires(self):
        self.ensure_one()
        return self.env["job_coaching.record"]._action_open(
            "job_coaching.job_coaching_application_action",
            [("employer_id", "=", self.id), ("state", "=", "hired")],
            {},
        )
