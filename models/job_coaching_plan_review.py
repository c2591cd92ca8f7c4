# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from .job_coaching_insertion_plan import SCALE


class JobCoachingPlanReview(models.Model):
    _name = "job_coaching.plan.review"
    _description = "Insertion Plan Review"
    _inherit = "job_coaching.plan.entry"
    _order = "date desc, id desc"

    date = fields.Date(required=True, default=fields.Date.context_today)
    motivation = fields.Selection(SCALE, required=True)
    self_confidence = fields.Selection(SCALE, required=True)
    is_piis_evaluation = fields.Boolean(
        string="PIIS Evaluation", help="This review counts as an evaluation of the PIIS."
    )
    comment = fields.Text()
