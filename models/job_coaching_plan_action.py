# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

TRAINING_TYPES = ("pre_training", "training", "language", "driving_licence")


class JobCoachingPlanAction(models.Model):
    _name = "job_coaching.plan.action"
    _description = "Insertion Plan Action"
    _inherit = ["job_coaching.team.thread", "job_coaching.plan.entry", "job_coaching.period"]
    _order = "date_start, id"

    name = fields.Char(string="Action", required=True)
    action_type = fields.Selection(
        [
            ("pre_training", "Pre-training"),
            ("training", "Training"),
            ("language", "Language course"),
            ("driving_licence", "Driving licence"),
            ("job_search", "Job-search action"),
            ("social", "Social action"),
        ],
        string="Type",
        required=True,
        default="training",
    )
    provider_id = fields.Many2one("res.partner", tracking=True)
    date_start = fields.Date(string="Start", tracking=True)
    date_end = fields.Date(string="End", tracking=True)
    state = fields.Selection(
        [
            ("planned", "Planned"),
            ("ongoing", "Ongoing"),
            ("done", "Done"),
            ("abandoned", "Abandoned"),
        ],
        required=True,
        default="planned",
        tracking=True,
    )
    result = fields.Text()
    certificate = fields.Binary(attachment=True, copy=False)
    certificate_filename = fields.Char()

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        self._check_ends_after_start("date_start", "date_end")

    @api.model_create_multi
    def create(self, vals_list):
        actions = super().create(vals_list)
        actions._after_state()
        return actions

    def write(self, vals):
        result = super().write(vals)
        if "state" in vals or "action_type" in vals:
            self._after_state()
        return result

    def _after_state(self):
        """A training under way: the file moves on to the training step."""
        training = self.filtered(lambda a: a.state == "ongoing" and a.action_type in TRAINING_TYPES)
        training.beneficiary_id._move_to_step("training")

    def action_start(self):
        self.write({"state": "ongoing"})

    def action_done(self):
        self.write({"state": "done"})

    def action_abandon(self):
        self.write({"state": "abandoned"})
