# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class JobCoachingTarget(models.Model):
    """An expected result of the project (people accompanied, into work,
    young people re-motivated) over a period, for a zone or a subsidy.

    It counts the people living in its zone (without a zone: in any zone of
    the company), as the activity report does (``report.job_coaching.activity``).
    """

    _name = "job_coaching.target"
    _description = "Job Coaching Target"
    _inherit = ["job_coaching.input.guard", "job_coaching.period"]
    _order = "date_from desc, sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    kind = fields.Selection(
        [
            ("accompanied", "People accompanied"),
            ("into_job", "People into a job"),
            ("youth_remotivated", "Young people re-motivated"),
        ],
        required=True,
    )
    value = fields.Integer(string="Target", required=True)
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To", required=True)
    zone_id = fields.Many2one("job_coaching.zone", check_company=True)
    subsidy_id = fields.Many2one(
        "job_coaching.subsidy", check_company=True, groups="job_coaching.group_job_coaching_manager"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    current_value = fields.Integer(string="Reached", compute="_compute_progress")
    progress = fields.Float(compute="_compute_progress")

    _sql_constraints = [
        ("value_positive", "CHECK (value > 0)", "A target must be a positive number."),
    ]

    def _compute_progress(self):
        # the report's own definition: people living in the target's zone
        dated = self.filtered(lambda t: t.date_from and t.date_to)
        reached = self.env["report.job_coaching.activity"]._targets_reached(dated)
        for target in self:
            target.current_value = reached.get(target, 0)
            target.progress = 100.0 * target.current_value / target.value if target.value else 0.0

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        self._check_ends_after_start("date_from", "date_to")
