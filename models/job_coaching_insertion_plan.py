# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

SCALE = [
    ("1", "1 - Very low"),
    ("2", "2 - Low"),
    ("3", "3 - Medium"),
    ("4", "4 - Good"),
    ("5", "5 - Very good"),
]
PIIS_EVALUATIONS_PER_YEAR = 3


class JobCoachingInsertionPlan(models.Model):
    _name = "job_coaching.insertion.plan"
    _description = "Insertion Project and Plan"
    _inherit = [
        "job_coaching.team.thread",
        "mail.activity.mixin",
        "job_coaching.file.entry",
    ]
    _order = "create_date desc, id desc"

    beneficiary_id = fields.Many2one(tracking=True)
    user_id = fields.Many2one(store=True)
    active = fields.Boolean(default=True, tracking=True)

    # Professional goal
    job_title = fields.Char(string="Target Job", tracking=True)
    sector = fields.Char(tracking=True)
    strengths = fields.Text(help="Strengths, interests and capacities the project builds on.")

    # Constraints
    constraint_childcare = fields.Boolean(string="Childcare")
    constraint_health = fields.Boolean(string="Health")
    constraint_language = fields.Boolean(string="Language")
    constraint_mobility = fields.Boolean(string="Mobility")
    constraint_housing = fields.Boolean(string="Housing")
    constraint_note = fields.Text(string="About the Constraints")

    # Motivation
    motivation_start = fields.Selection(SCALE, string="Motivation at Start", tracking=True)
    self_confidence_start = fields.Selection(
        SCALE, string="Self-confidence at Start", tracking=True
    )
    review_ids = fields.One2many("job_coaching.plan.review", "plan_id", string="Reviews")
    motivation_current = fields.Selection(
        SCALE, string="Latest Motivation", compute="_compute_latest_review", store=True
    )
    self_confidence_current = fields.Selection(
        SCALE, string="Latest Self-confidence", compute="_compute_latest_review", store=True
    )
    last_review_date = fields.Date(compute="_compute_latest_review", store=True)
    next_review_date = fields.Date(
        tracking=True, help="Saving a date schedules a review activity for the agent."
    )

    # PIIS
    piis_reference = fields.Char(string="PIIS Reference", tracking=True, copy=False)
    piis_signature_date = fields.Date(string="PIIS Signed On", tracking=True, copy=False)
    piis_warning = fields.Char(string="PIIS Warning", compute="_compute_piis_warning")

    action_ids = fields.One2many("job_coaching.plan.action", "plan_id", string="Actions")

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("beneficiary_id", "job_title")
    def _compute_display_name(self):
        for plan in self:
            plan.display_name = " - ".join(
                part for part in (plan.beneficiary_id.name, plan.job_title) if part
            ) or _("New plan")

    @api.depends("review_ids.date", "review_ids.motivation", "review_ids.self_confidence")
    def _compute_latest_review(self):
        for plan in self:
            reviews = plan.review_ids.filtered("date").sorted(lambda r: (r.date, r.id))
            latest = reviews[-1:] if reviews else reviews
            plan.motivation_current = latest.motivation or plan.motivation_start
            plan.self_confidence_current = latest.self_confidence or plan.self_confidence_start
            plan.last_review_date = latest.date

    @api.depends("piis_signature_date", "review_ids.date", "review_ids.is_piis_evaluation")
    def _compute_piis_warning(self):
        today = fields.Date.context_today(self)
        for plan in self:
            plan.piis_warning = plan._piis_shortfall(today)

    def _piis_shortfall(self, today):
        """The first elapsed PIIS year (from the signature) with fewer than
        three evaluations, as a message; False when every year has them."""
        self.ensure_one()
        signed = self.piis_signature_date
        if not signed:
            return False
        dates = [r.date for r in self.review_ids if r.is_piis_evaluation and r.date]
        year = 0
        while signed + relativedelta(years=year + 1) <= today:
            begin = signed + relativedelta(years=year)
            end = signed + relativedelta(years=year + 1)
            count = len([d for d in dates if begin <= d < end])
            if count < PIIS_EVALUATIONS_PER_YEAR:
                return _(
                    "Only %(count)s PIIS evaluation(s) between %(begin)s and %(end)s: "
                    "the PIIS needs at least %(needed)s a year.",
                    count=count,
                    begin=begin,
                    end=end - relativedelta(days=1),
                    needed=PIIS_EVALUATIONS_PER_YEAR,
                )
            year += 1
        return False

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    @api.constrains("beneficiary_id", "active")
    def _check_one_active_plan(self):
        active_plans = self.filtered("active")
        if not active_plans:
            return
        # sudo: one active plan per person, whoever may read the other one
        counts = dict(
            self.sudo()._read_group(
                [("beneficiary_id", "in", active_plans.beneficiary_id.ids), ("active", "=", True)],
                ["beneficiary_id"],
                ["__count"],
            )
        )
        for plan in active_plans:
            if counts.get(plan.beneficiary_id.sudo(), 0) > 1:
                raise ValidationError(
                    _(
                        "%(name)s already has an active insertion plan: update it, or archive "
                        "it before starting a new one.",
                        name=plan.beneficiary_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        plans = super().create(vals_list)
        plans._after_change(set().union(*(vals.keys() for vals in vals_list)))
        return plans

    def write(self, vals):
        result = super().write(vals)
        self._after_change(set(vals))
        return result

    def _after_change(self, fnames):
        if "job_title" in fnames:
            # A goal set: the project is defined.
            self.filtered(lambda p: p.active and p.job_title).beneficiary_id._move_to_step(
                "project"
            )
        if "next_review_date" in fnames:
            self._schedule_review()

    def _schedule_review(self):
        """One review activity per plan, at the review date, for the agent."""
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        summary = _("Insertion plan review")
        for plan in self.filtered("next_review_date"):
            existing = plan.activity_ids.filtered(
                lambda a, t=activity_type, s=summary: a.activity_type_id == t and a.summary == s
            )
            if existing:
                existing.write(
                    {"date_deadline": plan.next_review_date, "user_id": plan._review_user().id}
                )
            else:
                plan.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=plan.next_review_date,
                    summary=summary,
                    user_id=plan._review_user().id,
                )

    def _review_user(self):
        self.ensure_one()
        return self.beneficiary_id.user_id or self.env.user
