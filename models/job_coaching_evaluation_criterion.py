# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class JobCoachingEvaluationCriterion(models.Model):
    _name = "job_coaching.evaluation.criterion"
    _description = "Evaluation Criterion"
    _inherit = ["job_coaching.input.guard"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)
