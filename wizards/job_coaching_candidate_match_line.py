# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class JobCoachingCandidateMatchLine(models.TransientModel):
    _name = "job_coaching.candidate.match.line"
    _description = "Ranked Candidate"
    _inherit = ["job_coaching.file.record", "job_coaching.record"]
    _order = "rank, id"

    match_id = fields.Many2one(
        "job_coaching.candidate.match", string="Candidate Search", required=True, ondelete="cascade"
    )
    rank = fields.Integer()
    beneficiary_id = fields.Many2one(
        "job_coaching.beneficiary", string="Candidate", required=True, ondelete="cascade"
    )
    user_id = fields.Many2one(related="beneficiary_id.user_id", string="Agent")
    age = fields.Integer(related="beneficiary_id.age")
    score = fields.Integer()
    in_zone = fields.Boolean(string="Lives in the Zone")
    requirement_misfit = fields.Boolean(string="Requirement Not Met")
    reasons = fields.Char()
    application_id = fields.Many2one("job_coaching.application", readonly=True)

    def action_propose(self):
        self.ensure_one()
        application = self.env["job_coaching.application"].create(
            {
                "vacancy_id": self.match_id.vacancy_id.id,
                "beneficiary_id": self.beneficiary_id.id,
            }
        )
        # sudo: why the person was proposed is the ranking's, never typed by hand
        application.sudo().write({"match_score": self.score, "match_reasons": self.reasons})
        self.sudo().application_id = application
        return {
            "type": "ir.actions.act_window",
            "res_model": application._name,
            "res_id": application.id,
            "view_mode": "form",
            "target": "current",
        }
