# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class JobCoachingTarget(models.Model):
    """An expected result of the project (people accompanied, into a job,
    young people re-motivated) over a period, for a zone or a subsidy."""

    _name = "job_coaching.target"
    _description = "Job Coaching Target"
    _inherit = ["job_coaching.input.guard"]
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
        Report = self.env["job_coaching.activity.report"]
        cache = {}
        for target in self:
            key = (target.date_from, target.date_to, target.zone_id.id)
            if not all(key[:2]):
                target.current_value = target.progress = 0
                continue
            if key not in cache:
                values = Report._get_report_values(*key)
                cache[key] = {
                    "accompanied": values["accompanied"],
                    "into_job": values["into_job"],
                    "youth_remotivated": values["youth_remotivated"],
                }
            target.current_value = cache[key][target.kind]
            target.progress = 100.0 * target.current_value / target.value if target.value else 0.0

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for target in self:
            if target.date_to < target.date_from:
                raise ValidationError(
                    _(
                        "The target %(name)s ends before it starts: set its end after %(start)s.",
                        name=target.name,
                        start=target.date_from,
                    )
                )
