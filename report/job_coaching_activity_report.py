# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models, tools
from odoo.tools import SQL

from ..models.job_coaching_art60_contract import JobCoachingArt60Contract
from ..models.job_coaching_beneficiary import JobCoachingBeneficiary

AGE_GROUPS = [
    ("under_18", "Under 18"),
    ("18_25", "18-25"),
    ("26_35", "26-35"),
    ("36_49", "36-49"),
    ("50_plus", "50+"),
    ("unknown", "Age unknown"),
]
TRAINING_ACTIONS = ("pre_training", "training", "language", "driving_licence")
# The dimensions the report breaks its numbers down by.
BREAKDOWNS = ["in_zone", "age_group", "cpas_status", "referral_channel_id"]
MEASURES = [
    "intake",
    "session_done",
    "no_show",
    "appointment_request",
    "workshop_attended",
    "training_action",
    "art60_started",
    "art60_ended",
    "application_hired",
    "exit_to_job",
    "exit_to_training",
    "followup_employed_3m",
    "followup_employed_6m",
]


class JobCoachingActivityReport(models.Model):
    """One row per event of a file (intake, session, workshop attendance,
    training action, art. 60 contract start or end, exit, follow-up), with the
    person's profile at hand for pivot and graph: the zone and the CPAS status
    of the day of the event (the file's residence and status history), the
    age on that day.  The abstract model ``report.job_coaching.activity``
    computes every number of the coordinator's activity report from it."""

    _name = "job_coaching.activity.report"
    _description = "Job Coaching Activity Analysis"
    _inherit = ["job_coaching.record"]
    _auto = False
    _order = "date desc"
    _rec_name = "beneficiary_id"
    # What a query of the view reads besides the events: written to the
    # database first.
    _depends = {
        "job_coaching.situation": [
            "beneficiary_id",
            "date_from",
            "zone_id",
            "in_zone",
            "cpas_status",
        ],
        "job_coaching.beneficiary": ["zone_id", "in_zone", "cpas_status"],
    }

    date = fields.Date(readonly=True)
    beneficiary_id = fields.Many2one("job_coaching.beneficiary", readonly=True)
    user_id = fields.Many2one("res.users", string="Agent", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    zone_id = fields.Many2one(
        "job_coaching.zone", readonly=True, help="The zone the person lived in on the day."
    )
    in_zone = fields.Boolean(
        string="Lives in the Zone", readonly=True, help="On the day of the event."
    )
    age_group = fields.Selection(AGE_GROUPS, readonly=True)
    cpas_status = fields.Selection(
        JobCoachingBeneficiary.cpas_status.selection,
        string="CPAS Status",
        readonly=True,
    )
    referral_channel_id = fields.Many2one("job_coaching.referral.channel", readonly=True)
    art60_outcome = fields.Selection(
        JobCoachingArt60Contract.outcome.selection,
        string="Art. 60 Outcome",
        readonly=True,
    )
    # Measures
    intake = fields.Integer(string="New Files", readonly=True)
    session_done = fields.Integer(string="Sessions Done", readonly=True)
    no_show = fields.Integer(string="No-shows", readonly=True)
    appointment_request = fields.Integer(string="Appointment Requests", readonly=True)
    workshop_attended = fields.Integer(string="Workshop Attendances", readonly=True)
    training_action = fields.Integer(string="Training Actions Started", readonly=True)
    art60_started = fields.Integer(string="Art. 60 Contracts Started", readonly=True)
    art60_ended = fields.Integer(string="Art. 60 Contracts Ended", readonly=True)
    application_hired = fields.Integer(string="Hires through an Application", readonly=True)
    exit_to_job = fields.Integer(string="Exits into a Job", readonly=True)
    exit_to_training = fields.Integer(string="Exits into Training", readonly=True)
    followup_employed_3m = fields.Integer(string="Employed at +3 Months", readonly=True)
    followup_employed_6m = fields.Integer(string="Employed at +6 Months", readonly=True)

    def _events_query(self):
        """One SELECT per source, each joined to the person's file: (id, date,
        the person's profile, outcome, measure columns).

        The file is joined in each branch rather than once around the union:
        a filter on the person (the company of a coordinator, an agent's
        caseload) then reaches every branch, which starts from the files it
        keeps instead of every event of the period in the database.
        """

        def select(source, date, measures, where, outcome=None):
            """``source``: the table of the events (None: the file itself, ``b``)."""
            kind = len(branches)  # a row's id: its source record's, tagged with the source
            columns = SQL(", ").join(
                SQL("%s AS %s", measures.get(measure, SQL("0")), SQL.identifier(measure))
                for measure in MEASURES
            )
            age = SQL("date_part('year', age(%s, b.birth_date))", date)
            branches.append(kind)
            return SQL(
                """
                SELECT %(row_id)s::bigint * 16 + %(kind)s AS id,
                       %(date)s AS date,
                       b.id AS beneficiary_id,
                       b.user_id,
                       b.company_id,
                       period.zone_id,
                       period.in_zone,
                       CASE
                           WHEN b.birth_date IS NULL THEN 'unknown'
                           WHEN %(age)s < 18 THEN 'under_18'
                           WHEN %(age)s <= 25 THEN '18_25'
                           WHEN %(age)s <= 35 THEN '26_35'
                           WHEN %(age)s <= 49 THEN '36_49'
                           ELSE '50_plus'
                       END AS age_group,
                       period.cpas_status,
                       b.referral_channel_id,
                       %(outcome)s::varchar AS art60_outcome,
                       %(columns)s
                  FROM %(source)s
                  JOIN LATERAL (%(period)s) period ON TRUE
                 WHERE %(date)s IS NOT NULL AND (%(where)s)
                """,
                row_id=SQL("src.id") if source else SQL("b.id"),
                kind=kind,
                date=date,
                age=age,
                outcome=outcome or SQL("NULL"),
                columns=columns,
                source=SQL(
                    "%s src JOIN %s b ON b.id = src.beneficiary_id",
                    source,
                    table("job_coaching.beneficiary"),
                )
                if source
                else SQL("%s b", table("job_coaching.beneficiary")),
                where=where,
                period=period(date),
            )

        branches = []
        Situation = self.env["job_coaching.situation"]

        def period(date):
            # where the person lived and on what on the event's day
            return Situation._period_of_day("b", date)

        def table(model):
            return SQL.identifier(self.env[model]._table)

        return SQL(" UNION ALL ").join(
            [
                select(None, SQL("b.intake_date"), {"intake": SQL("1")}, SQL("TRUE")),
                select(
                    table("job_coaching.session"),
                    SQL("src.start::date"),
                    {
                        "session_done": SQL("(src.state = 'done')::int"),
                        "no_show": SQL("(src.state = 'no_show')::int"),
                        "appointment_request": SQL(
                            "COALESCE(src.is_appointment_request, FALSE)::int"
                        ),
                    },
                    SQL("src.state IN ('done', 'no_show') OR src.is_appointment_request"),
                ),
                select(
                    table("job_coaching.workshop.registration"),
                    SQL("src.start::date"),
                    {"workshop_attended": SQL("1")},
                    SQL("src.attendance = 'attended'"),
                ),
                select(
                    table("job_coaching.plan.action"),
                    SQL("src.date_start"),
                    {"training_action": SQL("1")},
                    SQL(
                        "src.date_start IS NOT NULL AND src.action_type IN %s "
                        "AND src.state != 'planned'",
                        TRAINING_ACTIONS,
                    ),
                ),
                select(
                    table("job_coaching.art60.contract"),
                    SQL("src.date_start"),
                    {"art60_started": SQL("1")},
                    SQL("src.state != 'draft'"),
                ),
                select(
                    table("job_coaching.art60.contract"),
                    SQL("src.date_end_actual"),
                    {"art60_ended": SQL("1")},
                    SQL(
                        "src.state IN ('ended', 'ended_early') AND src.date_end_actual IS NOT NULL"
                    ),
                    outcome=SQL("src.outcome"),
                ),
                select(
                    table("job_coaching.application"),
                    SQL("src.date_hired"),
                    {"application_hired": SQL("1")},
                    SQL("src.state = 'hired' AND src.date_hired IS NOT NULL"),
                ),
                select(
                    table("job_coaching.exit"),
                    SQL("src.date"),
                    {
                        "exit_to_job": SQL("(src.reason = 'job')::int"),
                        "exit_to_training": SQL("(src.reason = 'training')::int"),
                    },
                    SQL("src.reason IN ('job', 'training')"),
                ),
                select(
                    table("job_coaching.exit.followup"),
                    SQL("src.date_done"),
                    {
                        "followup_employed_3m": SQL("(src.offset_months = '3')::int"),
                        "followup_employed_6m": SQL("(src.offset_months = '6')::int"),
                    },
                    SQL("src.date_done IS NOT NULL AND src.still_employed"),
                ),
            ]
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                self._events_query(),
            )
        )
