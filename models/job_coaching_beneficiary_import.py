# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Moving in with the current caseload: the template offered by Odoo's import.

Register numbers, phones and streets are normalised and checked by the model
itself (``create`` and constraints), so the import refuses a bad row with the
same message as the form."""

from odoo import _, api, models


class JobCoachingBeneficiary(models.Model):
    _inherit = "job_coaching.beneficiary"

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": _("Import Template for Beneficiaries"),
                "template": "/job_coaching/static/xls/job_coaching_beneficiary.xlsx",
            }
        ]
