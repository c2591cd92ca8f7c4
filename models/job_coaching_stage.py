# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

PATHWAY_STEPS = [
    ("intake", "Intake"),
    ("assessment", "Assessment"),
    ("project", "Project definition"),
    ("training", "Training"),
    ("job_search", "Active job search"),
    ("employment", "In employment"),
    ("follow_up", "Follow-up"),
    ("closed", "Closed"),
]


class JobCoachingStage(models.Model):
    _name = "job_coaching.stage"
    _description = "Pathway Stage"
    _inherit = ["job_coaching.input.guard"]
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    pathway_step = fields.Selection(
        PATHWAY_STEPS,
        help="The step of the pathway this stage stands for: the add-on moves a "
        "beneficiary to the first stage of a step when what happens makes it obvious "
        "(an intake interview done, a training started, a contract signed…).",
    )
    fold = fields.Boolean(
        string="Folded in Pathway", help="Folded in the kanban view when it holds no file."
    )
    is_closed = fields.Boolean(
        string="Closing Stage", help="Files in this stage are closed: the accompaniment ended."
    )
    description = fields.Text(translate=True)
