# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

MIN_WORKING_TIME = 0.5
AID_STATUSES = ("ris", "equivalent_aid")
OPEN_STATES = ("running", "suspended")


class JobCoachingArt60Contract(models.Model):
    _name = "job_coaching.art60.contract"
    _description = "Article 60 §7 Contract"
    _inherit = [
        "job_coaching.team.thread",
        "mail.activity.mixin",
        "job_coaching.file.entry",
    ]
    _order = "date_start desc, id desc"

    # The placement
    beneficiary_id = fields.Many2one(tracking=True, check_company=True)
    application_id = fields.Many2one(
        "job_coaching.application", string="From Application", ondelete="set null", copy=False
    )
    placement = fields.Selection(
        [
            ("internal", "CPAS or commune service"),
            ("user_employer", "Made available to a user employer (convention)"),
            ("art61", "Article 61 partner"),
        ],
        required=True,
        default="internal",
        tracking=True,
    )
    user_employer_id = fields.Many2one(
        "res.partner",
        tracking=True,
        index=True,
        domain="[('is_employer', '=', True)]",
    )
    job_title = fields.Char(required=True, tracking=True)
    tutor = fields.Char(help="The person who guides the worker at the workplace.")
    working_time = fields.Float(
        default=1.0,
        required=True,
        tracking=True,
        help="Fraction of a full-time job: 1 is full time, 0.5 half time (the minimum). "
        "Part time stretches the contract: at half time a week counts for 3 days of "
        "work instead of 6, so the contract runs twice as long to open the same rights.",
    )
    employer_contribution = fields.Monetary(
        string="Monthly Employer Contribution",
        currency_field="currency_id",
        tracking=True,
        help="What the user employer pays the CPAS each month.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    # The CPAS that employs the person: chosen, not taken from the file.
    company_id = fields.Many2one(
        "res.company",
        related=False,
        precompute=False,
        required=True,
        default=lambda self: self.env.company,
    )

    # Dates
    date_start = fields.Date(string="Start", required=True, tracking=True)
    days_already_worked = fields.Integer(
        tracking=True,
        help="Days of work the person already has from their career, counted as the "
        "unemployment regulation counts them (6-day week) within the reference period of "
        "the rule: they reduce the days still needed.",
    )
    suspension_days = fields.Integer(
        string="Days Suspended",
        tracking=True,
        help="Calendar days the contract was suspended (illness, leave without pay): the "
        "planned end moves as many days later. Resuming a suspended contract adds the "
        "days of the suspension.",
    )
    suspended_on = fields.Date(readonly=True, copy=False)
    date_end = fields.Date(
        string="Planned End",
        compute="_compute_date_end",
        store=True,
        readonly=False,
        tracking=True,
    )
    date_end_reason = fields.Text(
        string="Why Another End",
        tracking=True,
        help="Required when the planned end differs from the computed one.",
    )
    date_end_actual = fields.Date(string="Ended On", tracking=True, copy=False)

    # Outcome
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("running", "Running"),
            ("suspended", "Suspended"),
            ("ended", "Ended"),
            ("ended_early", "Ended early"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    end_reason = fields.Text(tracking=True, copy=False)
    outcome = fields.Selection(
        [
            ("unemployment_rights", "Unemployment rights opened"),
            ("hired_user_employer", "Hired by the user employer"),
            ("hired_elsewhere", "Hired elsewhere"),
            ("training", "Training"),
            ("back_on_aid", "Back on aid"),
            ("dropped_out", "Dropped out"),
        ],
        tracking=True,
        copy=False,
    )
    evaluation_ids = fields.One2many("job_coaching.art60.evaluation", "contract_id")
    evaluation_count = fields.Integer(compute="_compute_evaluation_count")

    @api.depends("date_end_computed")
    def _compute_date_end(self):
        for contract in self:
            contract.date_end = contract.date_end_computed

    def _compute_evaluation_count(self):
        counts = self._count_linked("job_coaching.art60.evaluation", "contract_id")
        for contract in self:
            contract.evaluation_count = counts.get(contract, 0)

    @api.depends("beneficiary_id", "job_title")
    def _compute_display_name(self):
        for contract in self:
            contract.display_name = _(
                "Art. 60 - %(person)s - %(job)s",
                person=contract.beneficiary_id.name or "",
                job=contract.job_title or "",
            )

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    @api.constrains("beneficiary_id")
    def _check_aid_status(self):
        for contract in self:
            if contract.beneficiary_id.cpas_status not in AID_STATUSES:
                raise ValidationError(
                    _(
                        "%(person)s receives neither the integration income nor equivalent "
                        "social aid: an article 60 §7 contract is not possible. Update the "
                        "CPAS status of the file first if it changed.",
                        person=contract.beneficiary_id.name,
                    )
                )

    @api.constrains("working_time")
    def _check_working_time(self):
        for contract in self:
            if not MIN_WORKING_TIME <= contract.working_time <= 1.0:
                raise ValidationError(
                    _(
                        "The working time of %(person)s is %(time)s: an article 60 §7 "
                        "contract is full time (1) or at least half time (0.5).",
                        person=contract.beneficiary_id.name,
                        time=contract.working_time,
                    )
                )

    @api.constrains("days_already_worked", "suspension_days")
    def _check_days(self):
        for contract in self:
            if contract.days_already_worked < 0 or contract.suspension_days < 0:
                raise ValidationError(
                    _(
                        "The days already worked and the days suspended of the contract of "
                        "%(person)s cannot be negative.",
                        person=contract.beneficiary_id.name,
                    )
                )

    @api.constrains("employer_contribution")
    def _check_contribution(self):
        for contract in self:
            if contract.employer_contribution < 0:
                raise ValidationError(_("The employer's contribution cannot be negative."))

    @api.constrains("placement", "user_employer_id")
    def _check_user_employer(self):
        for contract in self:
            if contract.placement != "internal" and not contract.user_employer_id:
                raise ValidationError(
                    _(
                        "%(person)s is made available to a user employer: name that employer.",
                        person=contract.beneficiary_id.name,
                    )
                )

    @api.constrains("date_start", "date_end", "date_end_actual", "date_end_reason")
    def _check_dates(self):
        for contract in self:
            start = contract.date_start
            for end in (contract.date_end, contract.date_end_actual):
                if end and end < start:
                    raise ValidationError(
                        _(
                            "The contract of %(person)s ends (%(end)s) before it starts "
                            "(%(start)s): check the dates.",
                            person=contract.beneficiary_id.name,
                            end=end,
                            start=start,
                        )
                    )
            if (
                contract.date_end
                and contract.date_end_computed
                and contract.date_end != contract.date_end_computed
                and not (contract.date_end_reason or "").strip()
            ):
                raise ValidationError(
                    _(
                        "The planned end of the contract of %(person)s (%(end)s) differs from "
                        "the computed one (%(computed)s): write why.",
                        person=contract.beneficiary_id.name,
                        end=contract.date_end,
                        computed=contract.date_end_computed,
                    )
                )

    @api.constrains("beneficiary_id", "state", "date_start", "date_end", "date_end_actual")
    def _check_overlap(self):
        open_contracts = self.filtered(lambda c: c.state in OPEN_STATES)
        if not open_contracts:
            return
        others = self.sudo().search(  # another agent's contract overlaps too
            [
                ("beneficiary_id", "in", open_contracts.beneficiary_id.ids),
                ("state", "in", OPEN_STATES),
            ]
        )
        for contract in open_contracts:
            for other in others:
                if other.id == contract.id or other.beneficiary_id != contract.beneficiary_id:
                    continue
                if contract._overlaps(other):
                    raise ValidationError(
                        _(
                            "%(person)s already has an article 60 §7 contract from %(start)s "
                            "to %(end)s: two contracts cannot run at the same time.",
                            person=contract.beneficiary_id.name,
                            start=other.date_start,
                            end=other._last_day() or _("an open date"),
                        )
                    )

    def _last_day(self):
        return self.date_end_actual or self.date_end

    def _overlaps(self, other):
        mine_end = self._last_day() or fields.Date.to_date("9999-12-31")
        other_end = other._last_day() or fields.Date.to_date("9999-12-31")
        return self.date_start <= other_end and other.date_start <= mine_end

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def _check_state(self, allowed, action):
        for contract in self:
            if contract.state not in allowed:
                labels = dict(self._fields["state"]._description_selection(self.env))
                raise UserError(
                    _(
                        "The contract of %(person)s is %(state)s: it cannot be %(action)s.",
                        person=contract.beneficiary_id.name,
                        state=labels[contract.state],
                        action=action,
                    )
                )

    def action_start(self):
        self._check_state(("draft",), _("started"))
        for contract in self:
            if not contract.date_end:
                raise UserError(
                    _(
                        "The contract of %(person)s has no planned end: check the birth "
                        "date and the duration rules, or enter the end with a reason.",
                        person=contract.beneficiary_id.name,
                    )
                )
        self.write({"state": "running"})
        self._schedule_activities()
        self.beneficiary_id._move_to_step("employment")

    def action_suspend(self):
        self._check_state(("running",), _("suspended"))
        self.write({"state": "suspended"})
        # suspended_on is read-only for users: the application stamps it
        self.sudo().suspended_on = fields.Date.context_today(self)

    def action_resume(self):
        """Resume the contract; the calendar days since the suspension push
        the planned end (a suspension from Monday to the next Monday: 7 days)."""
        self._check_state(("suspended",), _("resumed"))
        today = fields.Date.context_today(self)
        for contract in self:
            days = (today - contract.suspended_on).days if contract.suspended_on else 0
            contract.write(
                {"state": "running", "suspension_days": contract.suspension_days + max(days, 0)}
            )
        # suspended_on is read-only for users: the application clears its stamp
        self.sudo().suspended_on = False

    def action_end(self):
        self._check_state(OPEN_STATES, _("ended"))
        today = fields.Date.context_today(self)
        for contract in self:
            if not contract.outcome:
                raise UserError(
                    _(
                        "Choose the outcome of the contract of %(person)s before ending it.",
                        person=contract.beneficiary_id.name,
                    )
                )
            end = contract.date_end_actual or min(today, contract.date_end)
            early = end < contract.date_end
            if early and not (contract.end_reason or "").strip():
                raise UserError(
                    _(
                        "The contract of %(person)s ends before its planned end "
                        "(%(end)s): write the end reason.",
                        person=contract.beneficiary_id.name,
                        end=contract.date_end,
                    )
                )
            contract.write({"date_end_actual": end, "state": "ended_early" if early else "ended"})

    def action_open_evaluations(self):
        return self._action_open_linked(
            "job_coaching.job_coaching_art60_evaluation_action", "contract_id"
        )

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------

    def _schedule_activities(self):
        """The mid-term evaluation, the exit to prepare one month before the end
        and the follow-up one month after it, for the person's agent."""
        for contract in self:
            start, end = contract.date_start, contract.date_end
            user = contract.beneficiary_id.user_id or self.env.user
            plans = [
                (start + timedelta(days=(end - start).days // 2), _("Mid-term evaluation")),
                (max(start, end - relativedelta(months=1)), _("Prepare the exit")),
                (end + relativedelta(months=1), _("Follow-up after the contract")),
            ]
            for deadline, summary in plans:
                contract.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=deadline,
                    summary=summary,
                    user_id=user.id,
                )
