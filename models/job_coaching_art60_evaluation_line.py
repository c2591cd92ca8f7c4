# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

MAX_SCORE = 5


class JobCoachingArt60EvaluationLine(models.Model):
    _name = "job_coaching.art60.evaluation.line"
    _description = "Article 60 Evaluation Score"
    _inherit = ["job_coaching.file.record", "job_coaching.input.guard"]
    _order = "evaluation_id, sequence, id"

    evaluation_id = fields.Many2one(
        "job_coaching.art60.evaluation", required=True, ondelete="cascade", index=True
    )
    criterion_id = fields.Many2one(
        "job_coaching.evaluation.criterion", required=True, ondelete="restrict"
    )
    beneficiary_id = fields.Many2one(related="evaluation_id.beneficiary_id", store=True, index=True)
    company_id = fields.Many2one(
        related="evaluation_id.company_id", store=True, index=True, precompute=True
    )
    sequence = fields.Integer(related="criterion_id.sequence", store=True)
    score = fields.Integer(help="From 1 (insufficient) to 5 (excellent); 0 when not scored.")
    comment = fields.Char()

    _sql_constraints = [
        (
            "evaluation_criterion_uniq",
            "UNIQUE (evaluation_id, criterion_id)",
            "A criterion is scored once per evaluation.",
        ),
    ]

    @api.constrains("score")
    def _check_score(self):
        for line in self:
            if not 0 <= line.score <= MAX_SCORE:
                raise ValidationError(
                    _(
                        "The score for %(criterion)s must lie between 1 and %(max)s "
                        "(0 when not scored).",
                        criterion=line.criterion_id.name,
                        max=MAX_SCORE,
                    )
                )
