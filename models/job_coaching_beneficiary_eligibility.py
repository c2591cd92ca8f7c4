# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Who the project may accompany: an adult living in the zone, not already
accompanied by Actiris unless a coordinator writes why; and the daily job
that keeps the age, hence youth and eligibility, in step with birthdays."""

from odoo import _, api, fields, models
from odoo.osv import expression

from ..tools import age_on
from .job_coaching_beneficiary import YOUTH_MAX_AGE, YOUTH_MIN_AGE


class JobCoachingBeneficiary(models.Model):
    _inherit = "job_coaching.beneficiary"
    # People a call of the birthday cron handles (Odoo's runner calls it again).
    _cron_batch_size = 500

    actiris_registered = fields.Boolean(string="Registered at Actiris", tracking=True)
    actiris_accompanied = fields.Boolean(
        string="Accompanied by Actiris",
        tracking=True,
        help="Already accompanied by an Actiris counsellor: the project does not accompany "
        "a person twice, unless a coordinator records why.",
    )
    actiris_override_reason = fields.Text(
        string="Coordinator's Reason",
        tracking=True,
        groups="job_coaching.group_job_coaching_manager",
        help="Why the project takes on a person already accompanied by Actiris.",
    )
    # Who took the person on, and when: stamped when the reason is written.
    actiris_override_user_id = fields.Many2one(
        "res.users", string="Override By", readonly=True, copy=False
    )
    actiris_override_date = fields.Date(string="Override On", readonly=True, copy=False)
    is_eligible = fields.Boolean(
        string="Eligible", compute="_compute_eligibility", store=True, index=True
    )
    ineligibility_reason = fields.Char(
        string="Not Eligible Because", compute="_compute_eligibility", store=True
    )

    @api.depends(
        "age", "birth_date", "in_zone", "street", "actiris_accompanied", "actiris_override_reason"
    )
    def _compute_eligibility(self):
        for beneficiary in self:
            reasons = []
            if not beneficiary.birth_date:
                reasons.append(_("birth date unknown"))
            elif beneficiary.age < YOUTH_MIN_AGE:
                reasons.append(_("under 18"))
            if not beneficiary.street:
                reasons.append(_("address unknown"))
            elif not beneficiary.in_zone:
                reasons.append(_("lives outside the zone"))
            # A coordinator's written override takes on a person accompanied by Actiris.
            if beneficiary.actiris_accompanied and not beneficiary.sudo().actiris_override_reason:
                reasons.append(_("accompanied by Actiris"))
            beneficiary.is_eligible = not reasons
            beneficiary.ineligibility_reason = ", ".join(reasons) if reasons else False

    @api.model
    def _file_checked_fields(self):
        return [*super()._file_checked_fields(), "actiris_accompanied", "actiris_override_reason"]

    def _file_problems(self):
        problems = super()._file_problems()
        # sudo: the reason is readable by coordinators only, its presence is a rule for all
        if self.actiris_accompanied and not (self.sudo().actiris_override_reason or "").strip():
            problems.append(
                (
                    "actiris_accompanied",
                    _(
                        "%(name)s is already accompanied by Actiris: the project does not "
                        "accompany a person twice. Only a coordinator can take them on, "
                        'by writing the reason in the field "Coordinator\'s Reason".',
                        name=self.name,
                    ),
                )
            )
        return problems

    def _stamp(self, vals):
        """Record who wrote the coordinator's reason, and when (read-only
        fields, set by the application only)."""
        if "actiris_override_reason" in vals and self:
            written = bool((vals["actiris_override_reason"] or "").strip())
            # sudo: the stamps are the application's, never typed (read-only fields)
            self.sudo().write(
                {
                    "actiris_override_user_id": written and self.env.uid,
                    "actiris_override_date": written and fields.Date.context_today(self),
                }
            )
        return super()._stamp(vals)

    @api.model
    def _cron_update_age(self):
        """Recompute the age of the people whose birthday is today (and of those
        born on 29 February, on 1 March of a common year).

        One batch of people whose stored age is behind per call, its progress
        reported to the scheduler: Odoo's cron runner commits after each call
        and calls again while some remain.
        """
        today = fields.Date.context_today(self)
        days = [(today.month, today.day)]
        if (today.month, today.day) == (3, 1):
            days.append((2, 29))
        born_today = expression.OR(
            [("birth_date.month_number", "=", month), ("birth_date.day_of_month", "=", day)]
            for month, day in days
        )
        # Every company's people, archived files included, whoever runs the job.
        people = (
            self.sudo()
            .with_context(active_test=False)
            .search_fetch(born_today, ["birth_date", "age"], order="id")
        )
        behind = people.filtered(lambda person: age_on(person.birth_date, today) != person.age)
        beneficiaries = behind[: self._cron_batch_size]
        # The stored age and youth as their compute gives them today (computed
        # fields: the application's to write, hence the superuser above);
        # eligibility follows.
        ages = beneficiaries.grouped(lambda person: age_on(person.birth_date, today))
        for age, group in ages.items():
            group.write({"age": age, "is_youth": YOUTH_MIN_AGE <= age <= YOUTH_MAX_AGE})
        self.env["ir.cron"]._notify_progress(
            done=len(beneficiaries), remaining=len(behind) - len(beneficiaries)
        )
