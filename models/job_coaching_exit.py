# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .job_coaching_vacancy import CONTRACT_TYPES

# People who leave into work or training are followed up; the others' files close.
FOLLOWED_REASONS = ("job", "art60", "training")
FOLLOW_UP_MONTHS = (3, 6)


class JobCoachingExit(models.Model):
    _name = "job_coaching.exit"
    _description = "Exit"
    _inherit = [
        "job_coaching.team.thread",
        "mail.activity.mixin",
        "job_coaching.file.entry",
    ]
    _order = "date desc, id desc"
    # Exits a call of the follow-up cron handles (Odoo's runner calls it again).
    _cron_batch_size = 200

    beneficiary_id = fields.Many2one(tracking=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    reason = fields.Selection(
        [
            ("job", "Job"),
            ("art60", "Article 60 §7 contract"),
            ("training", "Training"),
            ("moved_out", "Moved out of the zone"),
            ("lost_contact", "Lost contact"),
            ("other", "Other"),
        ],
        required=True,
        tracking=True,
    )
    contract_type = fields.Selection(CONTRACT_TYPES, tracking=True)
    employer_id = fields.Many2one("res.partner", tracking=True)
    referral_destination_ids = fields.Many2many(
        "job_coaching.referral.destination",
        "job_coaching_exit_referral_destination_rel",
        "exit_id",
        "destination_id",
        string="Referred To",
        check_company=True,
        tracking=True,
        help="Where the person was referred at the end of the pathway (an Actiris antenna, "
        "the local employment agency, the Maison de l'Emploi...), counted in the activity "
        "report.",
    )
    notes = fields.Text()
    followup_ids = fields.One2many("job_coaching.exit.followup", "exit_id", string="Follow-ups")

    @api.depends("beneficiary_id", "date")
    def _compute_display_name(self):
        for record in self:
            record.display_name = _("Exit of %(person)s", person=record.beneficiary_id.name or "")

    @api.constrains("reason", "contract_type", "date")
    def _check_reason(self):
        today = fields.Date.context_today(self)
        for record in self:
            if record.reason == "job" and not record.contract_type:
                raise ValidationError(
                    _(
                        "%(person)s left for a job: give its contract type.",
                        person=record.beneficiary_id.name,
                    )
                )
            if record.date > today:
                raise ValidationError(
                    _(
                        "The exit of %(person)s is dated %(date)s, in the future: record it "
                        "when it happens.",
                        person=record.beneficiary_id.name,
                        date=record.date,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        exits = super().create(vals_list)
        followed = exits.filtered(lambda e: e.reason in FOLLOWED_REASONS)
        followed.beneficiary_id._move_to_step("follow_up")
        (exits - followed).beneficiary_id._move_to_step("closed")
        return exits

    @api.model
    def _cron_create_followups(self):
        """Create the follow-ups at +3 and +6 months of the exits whose date has
        come, once per exit and delay, with an activity for the agent.

        One batch per call, its progress reported to the scheduler: Odoo's cron
        runner commits after each call and calls again while some remain, so a
        large backlog never runs into the worker's time limit.
        """
        today = fields.Date.context_today(self)
        Followup = self.env["job_coaching.exit.followup"]
        room = self._cron_batch_size
        done = remaining = 0
        for months in FOLLOW_UP_MONTHS:
            domain = [
                ("date", "<=", today - relativedelta(months=months)),
                ("reason", "in", FOLLOWED_REASONS),
                ("followup_ids", "not any", [("offset_months", "=", str(months))]),
            ]
            exits = self.search(domain, order="id", limit=room) if room else self.browse()
            remaining += self.search_count(domain) - len(exits)
            room -= len(exits)
            done += len(exits)
            followups = Followup.create(
                [
                    {
                        "exit_id": exit_.id,
                        "offset_months": str(months),
                        "date_due": exit_.date + relativedelta(months=months),
                    }
                    for exit_ in exits
                ]
            )
            for followup in followups:
                followup.activity_schedule(
                    "mail.mail_activity_data_call",
                    date_deadline=max(followup.date_due, today),
                    summary=_("Follow-up at +%(months)s months", months=months),
                    user_id=(followup.beneficiary_id.user_id or self.env.user).id,
                )
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
