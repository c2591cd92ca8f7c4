# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_datetime
from odoo.tools.sql import create_index

PARTIES = [
    ("beneficiary", "The person"),
    ("agent", "The agent"),
    ("partner", "A partner"),
]
# Sessions that hold the agent's time.
BUSY_STATES = ("planned", "done")


class JobCoachingSession(models.Model):
    _name = "job_coaching.session"
    _description = "Accompaniment Session"
    _inherit = [
        "job_coaching.team.thread",
        "mail.activity.mixin",
        "job_coaching.file.entry",
        "job_coaching.period",
    ]
    _order = "start desc, id desc"

    beneficiary_id = fields.Many2one(tracking=True)
    # The agent who holds the session, who may not be the file's.
    user_id = fields.Many2one(
        "res.users",
        related=False,
        required=True,
        default=lambda self: self._default_team_user(),
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
        index=True,
        tracking=True,
    )
    start = fields.Datetime(
        required=True, tracking=True, default=lambda self: self._default_start()
    )
    # Moving the start keeps the duration: the end follows (as calendar.event).
    stop = fields.Datetime(
        string="End",
        required=True,
        tracking=True,
        default=lambda self: self._default_stop(),
        compute="_compute_stop",
        store=True,
        readonly=False,
    )
    duration = fields.Float(
        string="Duration (hours)",
        compute="_compute_duration",
        store=True,
        readonly=False,
        aggregator="sum",
    )
    location = fields.Selection(
        [
            ("pef_office", "PEF office"),
            ("office_hours", "Office hours in the zone"),
            ("outreach", "Field / outreach"),
            ("phone", "Phone"),
            ("video", "Video call"),
            ("home_visit", "Home visit"),
        ],
        string="Place",
        required=True,
        default="pef_office",
    )
    kind = fields.Selection(
        [
            ("intake", "Intake"),
            ("assessment", "Assessment"),
            ("project", "Project definition"),
            ("follow_up", "Follow-up"),
            ("social_follow_up", "Social follow-up"),
            ("job_search", "Job search"),
            ("art60_follow_up", "Art. 60 follow-up"),
            ("exit", "Exit"),
        ],
        required=True,
        compute="_compute_kind",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="The first session of a file is its intake; the next ones are follow-ups.",
    )
    state = fields.Selection(
        [
            ("planned", "Planned"),
            ("done", "Done"),
            ("no_show", "No-show"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="planned",
        tracking=True,
        copy=False,
    )
    cancelled_by = fields.Selection(PARTIES, tracking=True, copy=False)
    requested_by = fields.Selection(PARTIES, default="agent", required=True, tracking=True)
    is_appointment_request = fields.Boolean(
        string="Appointment Request",
        compute="_compute_is_appointment_request",
        store=True,
        help="The person or a partner asked for this appointment: counted in the "
        "project's appointment requests.",
    )
    summary = fields.Html(
        string="Socio-professional Summary",
        help="What was said and decided. Confidential social information goes in a "
        "social note, which only its author and the coordinator read.",
    )
    event_id = fields.Many2one(
        "calendar.event", string="Calendar Event", readonly=True, copy=False, ondelete="set null"
    )
    social_note_ids = fields.One2many("job_coaching.social.note", "session_id")

    def init(self):
        # Lists show the latest sessions first: an index in that order serves
        # the first page without sorting every session of the registry.
        create_index(
            self.env.cr,
            "job_coaching_session_start_desc_index",
            self._table,
            ["start DESC", "id DESC"],
        )
        # Reports count sessions by day.
        create_index(
            self.env.cr,
            "job_coaching_session_start_date_index",
            self._table,
            ["(start::date)"],
        )
        # An agent's own sessions, in the same order.
        create_index(
            self.env.cr,
            "job_coaching_session_user_start_index",
            self._table,
            ["user_id", "start DESC", "id DESC"],
        )

    # ------------------------------------------------------------------
    # Defaults and computes
    # ------------------------------------------------------------------

    @api.model
    def _default_start(self):
        now = fields.Datetime.now()
        return now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)

    @api.model
    def _default_stop(self):
        return self._default_start() + timedelta(hours=1)

    @api.depends("start", "stop")
    def _compute_duration(self):
        for session in self:
            if session.start and session.stop:
                session.duration = (session.stop - session.start).total_seconds() / 3600
            else:
                session.duration = 0.0

    @api.depends("start", "duration")
    def _compute_stop(self):
        # The end depends on the duration and the duration on the end: a new
        # start keeps the *current* duration, so the duration must not be
        # recomputed from the old end while the end is computed.
        self.env.remove_to_compute(self._fields["duration"], self)
        for session in self:
            minutes = round((session.duration or 1.0) * 60)
            session.stop = session.start and session.start + timedelta(minutes=minutes)

    @api.depends("beneficiary_id")
    def _compute_kind(self):
        # A session already saved keeps its kind when it moves to another file.
        to_compute = self.filtered(lambda s: not (s._origin and s.kind))
        beneficiaries = to_compute.beneficiary_id
        held = {}
        if beneficiaries:
            # sudo: the kind follows the file's whole history, not only the
            # sessions the user may read; only a count is read
            held = dict(
                self.sudo()._read_group(
                    [
                        ("beneficiary_id", "in", beneficiaries.ids),
                        ("state", "in", BUSY_STATES),
                        ("id", "not in", to_compute._origin.ids),
                    ],
                    ["beneficiary_id"],
                    ["__count"],
                )
            )
        for session in to_compute:
            # A file whose sessions were all cancelled or missed still needs its intake.
            first = not held.get(session.beneficiary_id._origin.sudo(), 0)
            session.kind = "intake" if first else "follow_up"

    @api.depends("requested_by")
    def _compute_is_appointment_request(self):
        for session in self:
            session.is_appointment_request = session.requested_by in ("beneficiary", "partner")

    @api.depends("beneficiary_id", "kind", "start")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for session in self:
            session.display_name = " - ".join(
                part
                for part in (
                    session.beneficiary_id.name,
                    kinds.get(session.kind),
                    session.start and fields.Date.to_string(session.start),
                )
                if part
            )

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    @api.constrains("user_id", "company_id")
    def _check_agent(self):
        self._check_team_agents("user_id")

    @api.constrains("start", "stop")
    def _check_dates(self):
        self._check_ends_after_start("start", "stop")

    @api.constrains("beneficiary_id")
    def _check_beneficiary_active(self):
        for session in self:
            if not session.beneficiary_id.active:
                raise ValidationError(
                    _(
                        "The file of %(name)s is archived: restore it before planning a session.",
                        name=session.beneficiary_id.name,
                    )
                )

    @api.constrains("user_id", "start", "stop", "state")
    def _check_agent_available(self):
        busy = self.filtered(lambda s: s.state in BUSY_STATES and s.start and s.stop)
        if not busy:
            return
        # sudo: the agent's agenda holds other agents' files, only the time is compared
        others = self.sudo().search(
            [
                ("user_id", "in", busy.user_id.ids),
                ("state", "in", BUSY_STATES),
                ("start", "<", max(busy.mapped("stop"))),
                ("stop", ">", min(busy.mapped("start"))),
            ]
        )
        for session in busy:
            for other in others:
                if (
                    other.id != session.id
                    and other.user_id == session.user_id
                    and other.start < session.stop
                    and other.stop > session.start
                ):
                    if not other.with_env(self.env).has_access("read"):
                        # Another file's appointment: its times are not the user's to read.
                        raise ValidationError(
                            _("The agent is not free at that time: choose another time.")
                        )
                    raise ValidationError(
                        _(
                            "%(agent)s already has a session from %(start)s to %(stop)s: "
                            "choose another time.",
                            agent=session.user_id.name,
                            start=format_datetime(self.env, other.start, dt_format=False),
                            stop=format_datetime(self.env, other.stop, dt_format=False),
                        )
                    )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("start") and not vals.get("stop"):
                # A start without an end: the end follows the duration (an
                # hour by default), not the default end of a session planned now.
                start = fields.Datetime.to_datetime(vals["start"])
                minutes = round((vals.get("duration") or 1.0) * 60)
                vals["stop"] = start + timedelta(minutes=minutes)
        sessions = super().create(vals_list)
        sessions._sync_calendar_event()
        sessions._after_done()
        return sessions

    def write(self, vals):
        done_before = self.filtered(lambda s: s.state == "done")
        result = super().write(vals)
        if {"start", "stop", "user_id", "state", "location", "beneficiary_id"} & set(vals):
            self._sync_calendar_event()
        if vals.get("state") == "done":
            (self - done_before)._after_done()
        return result

    def unlink(self):
        # sudo: the mirrored event belongs to the agent's calendar
        self.event_id.sudo().unlink()
        return super().unlink()

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_done(self):
        self.write({"state": "done"})

    def action_no_show(self):
        self.write({"state": "no_show"})

    def action_cancel(self):
        # Who cancelled is the agent unless the form said otherwise.
        self.filtered(lambda s: not s.cancelled_by).cancelled_by = "agent"
        self.write({"state": "cancelled"})

    def action_reset(self):
        self.write({"state": "planned", "cancelled_by": False})

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------

    def _event_vals(self):
        self.ensure_one()
        locations = dict(self._fields["location"]._description_selection(self.env))
        return {
            # Neutral: other calendar readers must not learn who comes.
            "name": _("Job coaching appointment"),
            "start": self.start,
            "stop": self.stop,
            "user_id": self.user_id.id,
            "partner_ids": [fields.Command.set(self.user_id.partner_id.ids)],
            "privacy": "private",
            "location": locations.get(self.location),
            "show_as": "busy",
        }

    def _sync_calendar_event(self):
        """Mirror planned sessions into the agent's calendar; a cancelled or
        missed session frees the slot, a done one keeps its event."""
        # sudo: the event lives in the agent's calendar, whoever plans the session
        quiet = {"dont_notify": True, "no_mail_to_attendees": True}
        Event = self.env["calendar.event"].sudo().with_context(**quiet)
        to_remove = Event.browse()
        to_create = self.browse()
        for session in self:
            if session.state in ("cancelled", "no_show"):
                to_remove |= session.event_id.sudo()
            elif session.event_id:
                session.event_id.sudo().with_context(**quiet).write(session._event_vals())
            elif session.state == "planned":
                to_create |= session
        if to_create:
            events = Event.create([session._event_vals() for session in to_create])
            for session, event in zip(to_create, events, strict=True):
                # sudo: the link to the event is the application's, never the user's
                session.sudo().event_id = event
        if to_remove:
            to_remove.unlink()

    def _after_done(self):
        """An intake interview held: the file moves on to the assessment."""
        intakes = self.filtered(lambda s: s.state == "done" and s.kind == "intake")
        intakes.beneficiary_id._move_to_step("assessment")
