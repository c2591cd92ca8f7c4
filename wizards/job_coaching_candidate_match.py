# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class JobCoachingCandidateMatch(models.TransientModel):
    _name = "job_coaching.candidate.match"
    _description = "Candidates for a Vacancy"
    _inherit = ["job_coaching.input.guard"]

    vacancy_id = fields.Many2one("job_coaching.vacancy", required=True, ondelete="cascade")
    line_ids = fields.One2many("job_coaching.candidate.match.line", "match_id", string="Candidates")
