# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class JobCoachingPlanEntry(models.AbstractModel):
    """A record of an insertion plan (an action, a review): it hangs on the
    person's file through the plan, and goes through the file-record layer
    and the input checks as the plan does."""

    _name = "job_coaching.plan.entry"
    _description = "Entry of an Insertion Plan"
    _inherit = ["job_coaching.file.record", "job_coaching.input.guard"]
    _check_company_auto = True

    plan_id = fields.Many2one(
        "job_coaching.insertion.plan",
        string="Insertion Plan",
        required=True,
        ondelete="cascade",
        index=True,
    )
    beneficiary_id = fields.Many2one(related="plan_id.beneficiary_id", store=True, index=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True, precompute=True)
