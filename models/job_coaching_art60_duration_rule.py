# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

# An open end of a validity period or of an age bracket.
NO_AGE_LIMIT = 999


class JobCoachingArt60DurationRule(models.Model):
    """The working days a person needs to open unemployment rights, by age
    bracket, as a rule set dated by its validity period: the rules in force on
    the start date of an article 60 §7 contract decide its duration."""

    _name = "job_coaching.art60.duration.rule"
    _description = "Article 60 Duration Rule"
    _inherit = ["job_coaching.input.guard", "job_coaching.period"]
    _order = "date_from desc, age_min, id"

    name = fields.Char(required=True, translate=True)
    date_from = fields.Date(
        string="Valid From",
        help="First start date of a contract this rule applies to; empty: since always.",
    )
    date_to = fields.Date(
        string="Valid Until",
        help="Last start date of a contract this rule applies to; empty: until further notice.",
    )
    legal_source = fields.Char(
        help="The text that sets this number of days (law, royal decree, ONEM/RVA "
        "instruction), so that anyone can check it."
    )
    age_min = fields.Integer(string="From Age", required=True)
    age_max = fields.Integer(
        string="To Age", help="Last age of the bracket, included; 0 when there is no upper limit."
    )
    working_days = fields.Integer(
        required=True,
        help="Days of work the person needs to open full unemployment rights, counted as "
        "the unemployment regulation counts them: a 6-day week, 312 days being one year "
        "of full-time work.",
    )
    reference_months = fields.Integer(
        string="Within (Months)",
        help="The reference period in which the days must be worked (e.g. 36 months); "
        "for information.",
    )
    note = fields.Text()
    active = fields.Boolean(default=True)

    @api.constrains("date_from", "date_to", "age_min", "age_max", "working_days", "active")
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
        self._check_ends_after_start("date_from", "date_to")
        rules = self.search([("active", "=", True)])
        for rule in self.filtered("active"):
            for other in rules - rule:
                if rule._overlaps(other):
                    raise ValidationError(
                        _(
                            "The rules %(name)s and %(other)s are valid at the same time for "
                            "the same ages: one age, one duration on a given date.",
                            name=rule.name,
                            other=other.name,
                        )
                    )

    def _overlaps(self, other):
        """Whether two rules cover one age on one date."""
        ages = self.age_min <= (other.age_max or NO_AGE_LIMIT) and other.age_min <= (
            self.age_max or NO_AGE_LIMIT
        )
        return ages and self._valid_on_overlap(other)

    def _valid_on_overlap(self, other):
        never, forever = fields.Date.to_date("0001-01-01"), fields.Date.to_date("9999-12-31")
        return (self.date_from or never) <= (other.date_to or forever) and (
            other.date_from or never
        ) <= (self.date_to or forever)

    def _valid_on(self, day):
        """The rules among ``self`` in force on ``day``: the rule set of a
        contract that starts that day."""
        return self.filtered(
            lambda r: (
                (not r.date_from or r.date_from <= day) and (not r.date_to or day <= r.date_to)
            )
        )

    def _find(self, age):
        """The rule of the bracket ``age`` falls in, among ``self``."""
        for rule in self:
            if rule.age_min <= age and (not rule.age_max or age <= rule.age_max):
                return rule
        return self.browse()
