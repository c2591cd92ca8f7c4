# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    job_coaching_retention_years = fields.Integer(
        string="Retention after Exit (years)",
        config_parameter="job_coaching.retention_years",
        default=5,
        help="Closed files are anonymised this many years after the exit.",
    )

    @api.constrains("job_coaching_retention_years")
    def _check_job_coaching_retention_years(self):
        for settings in self:
            if not 1 <= settings.job_coaching_retention_years <= 100:
                raise ValidationError(
                    _("The retention period after the exit is between 1 and 100 years.")
                )
