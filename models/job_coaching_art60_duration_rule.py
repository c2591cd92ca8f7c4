# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class JobCoachingArt60DurationRule(models.Model):
    _name = "job_coaching.art60.duration.rule"
    _description = "Article 60 Duration Rule"
    _inherit = ["job_coaching.input.guard"]
    _order = "age_min, id"

    name = fields.Char(required=True, translate=True)
    age_min = fields.Integer(string="From Age", required=True)
    age_max = fields.Integer(
        string="To Age", help="Last age of the bracket, included; 0 when there is no upper limit."
    )
    working_days = fields.Integer(
        required=True,
        help="Working days (full-time equivalent) the person needs to open full "
        "unemployment rights.",
    )
    note = fields.Text()
    active = fields.Boolean(default=True)

    @api.constrains("age_min", "age_max", "working_days", "active")
    def _check_bracket(self):
        for rule in self:
            if rule.age_min < 0 or (rule.age_max and rule.age_max < rule.age_min):
                raise ValidationError(
                    _("The age bracket of %(name)s is empty: check its ages.", name=rule.name)
                )
            if rule.working_days <= 0:
                raise ValidationError(
                    _("%(name)s needs a positive number of working days.", name=rule.name)
                )
        rules = self.search([("active", "=", True)])
        for rule in self.filtered("active"):
            top = rule.age_max or 999
            for other in rules - rule:
                if other.age_min <= top and rule.age_min <= (other.age_max or 999):
                    raise ValidationError(
                        _(
                            "The age brackets %(name)s and %(other)s overlap: one age, one "
                            "duration.",
                            name=rule.name,
                            other=other.name,
                        )
                    )

    @api.model
    def _find(self, age):
        """The rule of the bracket ``age`` falls in, among ``self`` (all rules
        when empty)."""
        rules = self or self.search([("active", "=", True)])
        for rule in rules:
            if rule.age_min <= age and (not rule.age_max or age <= rule.age_max):
                return rule
        return self.browse()
