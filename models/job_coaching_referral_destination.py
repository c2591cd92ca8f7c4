# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class JobCoachingReferralDestination(models.Model):
    """Where a person is referred at the end of the pathway (an Actiris
    antenna, the local employment agency, the Maison de l'Emploi...): data,
    not code, so that a CPAS adds its own local partner. The referral channels
    (``job_coaching.referral.channel``) are the other way: how people come in.

    A destination without a company is shared by the CPAS of the database
    (the ones the add-on ships); a CPAS's own belong to its company."""

    _name = "job_coaching.referral.destination"
    _description = "Referral Destination"
    _inherit = ["job_coaching.input.guard"]
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Organisation",
        check_company=True,
        help="The local office people are referred to (its address and contacts), if one.",
    )
    company_id = fields.Many2one(
        "res.company",
        default=lambda self: self.env.company,
        index=True,
        help="Empty: offered to every CPAS of the database.",
    )
    description = fields.Text(help="What the organisation does for the people referred to it.")
