# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import math
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.tools import format_date

from ..tools import add_six_day_week_days, age_on
from .job_coaching_art60_contract import MIN_WORKING_TIME

DAYS_PER_WEEK = 6


class JobCoachingArt60Contract(models.Model):
    """How long an art. 60 §7 contract runs: the rules in force on its start
    date, the age bracket at its end, the days already worked, the working
    time and the suspensions; and the explanation shown on the form."""

    _inherit = "job_coaching.art60.contract"

    age_at_start = fields.Integer(compute="_compute_duration", store=True)
    age_at_end = fields.Integer(
        compute="_compute_duration",
        store=True,
        help="The age on the computed end, when the right to benefits is claimed: it "
        "decides the age bracket of the rules.",
    )
    duration_rule_id = fields.Many2one(
        "job_coaching.art60.duration.rule",
        compute="_compute_duration",
        store=True,
        ondelete="restrict",
    )
    required_days = fields.Integer(
        string="Working Days Needed",
        compute="_compute_duration",
        store=True,
        help="Days of work (6-day week) to open unemployment rights, from the rules in "
        "force on the start date and the age at the end of the contract.",
    )
    days_still_needed = fields.Integer(
        compute="_compute_duration",
        store=True,
        help="The days needed less the days already worked.",
    )
    contract_days = fields.Integer(
        compute="_compute_duration",
        store=True,
        help="Days of the 6-day week the contract runs: the days still needed divided by "
        "the working time, before any suspension.",
    )
    date_end_computed = fields.Date(string="Computed End", compute="_compute_duration", store=True)
    duration_explanation = fields.Text(
        string="How the End Is Computed", compute="_compute_duration_explanation"
    )

    @api.depends(
        "beneficiary_id.birth_date",
        "date_start",
        "working_time",
        "days_already_worked",
        "suspension_days",
    )
    def _compute_duration(self):
        rules = self.env["job_coaching.art60.duration.rule"].search([("active", "=", True)])
        for contract in self:
            born = contract.beneficiary_id.birth_date
            start = contract.date_start
            values = {
                "age_at_start": 0,
                "age_at_end": 0,
                "duration_rule_id": False,
                "required_days": 0,
                "days_still_needed": 0,
                "contract_days": 0,
                "date_end_computed": False,
            }
            if born and start:
                values.update(contract._duration_values(rules._valid_on(start), born, start))
            contract.update(values)

    def _duration_values(self, rules, born, start):
        """The duration of this contract under ``rules`` (the rule set in force
        on its start date). The age bracket is the one of the age at the end
        of the contract, and the end depends on the bracket: start from the
        bracket of the age at the start and move to the bracket of the age at
        the end until both agree (at most one step per bracket)."""
        age_start = age_on(born, start)
        rule = rules._find(age_start)
        values = self._end_values(rule, start)
        for _step in range(len(rules)):
            end = values["date_end_computed"]
            at_end = rules._find(age_on(born, end)) if end else rule
            if not at_end or at_end == rule:
                break
            rule = at_end
            values = self._end_values(rule, start)
        end = values["date_end_computed"]
        values.update(
            age_at_start=age_start,
            age_at_end=age_on(born, end) if end else age_start,
            duration_rule_id=rule.id,
            required_days=rule.working_days,
        )
        return values

    def _end_values(self, rule, start):
        """The days and the end of this contract under ``rule``: the days still
        needed, stretched by the working time, counted in 6-day weeks from the
        start, then moved by the days of suspension."""
        still_needed = max(rule.working_days - self.days_already_worked, 0)
        fraction = min(self.working_time, 1.0)
        if not rule or not still_needed or fraction < MIN_WORKING_TIME:
            return {
                "days_still_needed": still_needed,
                "contract_days": 0,
                "date_end_computed": False,
            }
        days = math.ceil(still_needed / fraction)
        end = add_six_day_week_days(start, days) + timedelta(days=max(self.suspension_days, 0))
        return {"days_still_needed": still_needed, "contract_days": days, "date_end_computed": end}

    @api.depends(
        "date_start",
        "working_time",
        "days_already_worked",
        "suspension_days",
        "duration_rule_id",
        "age_at_end",
        "contract_days",
        "date_end_computed",
    )
    @api.depends_context("lang")
    def _compute_duration_explanation(self):
        later_rules = (
            self.env["job_coaching.art60.duration.rule"]
            .search([("active", "=", True), ("date_from", "!=", False)])
            .sorted("date_from")
        )
        for contract in self:
            contract.duration_explanation = contract._explain_duration(later_rules)

    def _explain_duration(self, dated_rules):
        """Say in words which rule set the contract follows and why, and how
        its end is computed."""
        rule, start = self.duration_rule_id, self.date_start
        if not start:
            return False
        if not rule:
            return _(
                "No duration rule is in force on %(start)s for this person: check the birth "
                "date and the Art. 60 Duration Rules.",
                start=format_date(self.env, start),
            )
        lines = [
            _(
                "Rule set in force on %(start)s, the start of the contract: %(validity)s. "
                "Legal source: %(legal_source)s.",
                start=format_date(self.env, start),
                validity=self._validity_text(rule),
                legal_source=rule.legal_source or _("not recorded"),
            ),
            _(
                "%(rule)s: %(days)s days of work for the age at the end of the contract "
                "(%(age)s), counted as the unemployment regulation counts them: a 6-day week, "
                "312 days being one year of full-time work.",
                rule=rule.name,
                days=rule.working_days,
                age=self.age_at_end,
            ),
        ]
        if self.days_already_worked:
            lines.append(
                _(
                    "%(worked)s days already worked: %(left)s days still needed.",
                    worked=self.days_already_worked,
                    left=self.days_still_needed,
                )
            )
        if not self.days_still_needed:
            lines.append(_("The person already has the days the rule asks for."))
            return "\n".join(lines)
        if self.working_time < 1.0:
            lines.append(
                _(
                    "Part time (%(percent)s%%): a week of this contract counts for %(per_week)s "
                    "days of work instead of 6, so it runs %(days)s days (%(weeks)s weeks) to "
                    "open the rights the rule asks for; the same months at full time would "
                    "open them in %(full)s days.",
                    percent=round(self.working_time * 100),
                    per_week=round(DAYS_PER_WEEK * self.working_time, 2),
                    days=self.contract_days,
                    weeks=round(self.contract_days / DAYS_PER_WEEK, 1),
                    full=self.days_still_needed,
                )
            )
        if self.suspension_days:
            lines.append(
                _(
                    "Suspended %(days)s days: the end moves as many days later.",
                    days=self.suspension_days,
                )
            )
        if self.date_end_computed:
            lines.append(
                _("Computed end: %(end)s.", end=format_date(self.env, self.date_end_computed))
            )
            change = next(
                (
                    other
                    for other in dated_rules
                    if start < other.date_from <= self.date_end_computed
                ),
                None,
            )
            if change:
                lines.append(
                    _(
                        "Other rules take effect on %(date)s, while the contract runs: it keeps "
                        "the rules in force on its start date.",
                        date=format_date(self.env, change.date_from),
                    )
                )
        return "\n".join(lines)

    def _validity_text(self, rule):
        start = rule.date_from and format_date(self.env, rule.date_from)
        end = rule.date_to and format_date(self.env, rule.date_to)
        if start and end:
            return _("valid from %(start)s to %(end)s", start=start, end=end)
        if start:
            return _("valid from %(start)s", start=start)
        if end:
            return _("valid until %(end)s", end=end)
        return _("without a validity period")
