# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models, tools
from odoo.tools import SQL

from .job_coaching_art60_contract import JobCoachingArt60Contract
from .job_coaching_beneficiary import JobCoachingBeneficiary

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
    "exit_to_job",
    "followup_employed_3m",
    "followup_employed_6m",
]


class JobCoachingActivityReport(models.Model):
    """One row per event of a file (intake, session, workshop attendance,
    training action, art. 60 contract start or end, exit, follow-up), with the
    person's profile at hand for pivot and graph.  ``_get_report_values``
    computes every number of the coordinator's activity report from it."""

    _name = "job_coaching.activity.report"
    _description = "Job Coaching Activity Analysis"
    _inherit = ["job_coaching.input.guard"]
    _auto = False
    _order = "date desc"
    _rec_name = "beneficiary_id"

    date = fields.Date(readonly=True)
    beneficiary_id = fields.Many2one("job_coaching.beneficiary", readonly=True)
    user_id = fields.Many2one("res.users", string="Agent", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    zone_id = fields.Many2one("job_coaching.zone", readonly=True)
    in_zone = fields.Boolean(string="Lives in the Zone", readonly=True)
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
    exit_to_job = fields.Integer(string="Exits into a Job", readonly=True)
    followup_employed_3m = fields.Integer(string="Employed at +3 Months", readonly=True)
    followup_employed_6m = fields.Integer(string="Employed at +6 Months", readonly=True)

    def _events_query(self):
        """One SELECT per source: (date, beneficiary, outcome, measure columns)."""

        def select(source, date, measures, where, outcome=None):
            kind = len(branches)  # a row's id: its source record's, tagged with the source
            columns = SQL(", ").join(
                SQL("%s AS %s", measures.get(measure, SQL("0")), SQL.identifier(measure))
                for measure in MEASURES
            )
            branches.append(kind)
            return SQL(
                "SELECT src.id::bigint * 16 + %s AS id, %s AS date, "
                "src.beneficiary_id AS beneficiary_id, "
                "%s::varchar AS art60_outcome, %s FROM %s src WHERE %s",
                kind,
                date,
                outcome or SQL("NULL"),
                columns,
                source,
                where,
            )

        branches = []

        def table(model):
            return SQL.identifier(self.env[model]._table)

        return SQL(" UNION ALL ").join(
            [
                select(
                    SQL(
                        "(SELECT id, id AS beneficiary_id, intake_date FROM %s)",
                        table("job_coaching.beneficiary"),
                    ),
                    SQL("src.intake_date"),
                    {"intake": SQL("1")},
                    SQL("src.intake_date IS NOT NULL"),
                ),
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
                    table("job_coaching.exit"),
                    SQL("src.date"),
                    {"exit_to_job": SQL("1")},
                    SQL("src.reason = 'job'"),
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
        measures = SQL(", ").join(SQL.identifier("ev", measure) for measure in MEASURES)
        self.env.cr.execute(
            SQL(
                """
            CREATE OR REPLACE VIEW %s AS (
                SELECT
                    ev.id,
                    ev.date,
                    ev.beneficiary_id,
                    b.user_id,
                    b.company_id,
                    b.zone_id,
                    COALESCE(b.in_zone, FALSE) AS in_zone,
                    CASE
                        WHEN b.birth_date IS NULL THEN 'unknown'
                        WHEN date_part('year', age(ev.date, b.birth_date)) < 18 THEN 'under_18'
                        WHEN date_part('year', age(ev.date, b.birth_date)) <= 25 THEN '18_25'
                        WHEN date_part('year', age(ev.date, b.birth_date)) <= 35 THEN '26_35'
                        WHEN date_part('year', age(ev.date, b.birth_date)) <= 49 THEN '36_49'
                        ELSE '50_plus'
                    END AS age_group,
                    b.cpas_status,
                    b.referral_channel_id,
                    ev.art60_outcome,
                    %s
                FROM (%s) ev
                JOIN %s b ON b.id = ev.beneficiary_id
                WHERE ev.date IS NOT NULL
            )
            """,
                SQL.identifier(self._table),
                measures,
                self._events_query(),
                SQL.identifier(self.env["job_coaching.beneficiary"]._table),
            )
        )

    # ------------------------------------------------------------------
    # The numbers of the activity report
    # ------------------------------------------------------------------

    @api.model
    def _report_domain(self, date_from, date_to, zone_id=None, user_ids=None):
        domain = [("date", ">=", date_from), ("date", "<=", date_to)]
        if zone_id:
            domain.append(("zone_id", "=", zone_id))
        if user_ids:
            domain.append(("user_id", "in", list(user_ids)))
        return domain

    @api.model
    def _sums(self, domain):
        """Every sum of the report in one query over the rows the user may read.

        Return ``{breakdown: {key: values}}`` where breakdown is None (the
        totals, under the key False) or one of BREAKDOWNS, and values hold the
        sum of each measure, the distinct people (``people``), and the distinct
        people accompanied, into a job and at a workshop.
        """
        query = self._search(domain)  # the record rules: an agent's caseload
        columns = [*MEASURES, "beneficiary_id", *BREAKDOWNS]
        inner = query.select(*(SQL.identifier(query.table, column) for column in columns))
        sql = SQL(
            """
            SELECT %(groupings)s, %(keys)s, %(sums)s,
                   count(DISTINCT beneficiary_id),
                   count(DISTINCT beneficiary_id) FILTER (WHERE session_done > 0),
                   count(DISTINCT beneficiary_id) FILTER (WHERE exit_to_job > 0),
                   count(DISTINCT beneficiary_id) FILTER (WHERE workshop_attended > 0)
              FROM (%(inner)s) ev
             GROUP BY GROUPING SETS ((), %(sets)s)
            """,
            groupings=SQL(", ").join(SQL("GROUPING(%s)", SQL.identifier(b)) for b in BREAKDOWNS),
            keys=SQL(", ").join(SQL.identifier(b) for b in BREAKDOWNS),
            sums=SQL(", ").join(SQL("COALESCE(sum(%s), 0)", SQL.identifier(m)) for m in MEASURES),
            inner=inner,
            sets=SQL(", ").join(SQL("(%s)", SQL.identifier(b)) for b in BREAKDOWNS),
        )
        names = [*MEASURES, "people", "accompanied", "into_job", "workshop_people"]
        result = {None: {}, **{breakdown: {} for breakdown in BREAKDOWNS}}
        width = len(BREAKDOWNS)
        for row in self.env.execute_query(sql):
            groupings, keys, values = row[:width], row[width : 2 * width], row[2 * width :]
            values = dict(zip(names, values, strict=True))
            grouped = [b for b, grouping in zip(BREAKDOWNS, groupings, strict=True) if not grouping]
            if not grouped:
                result[None][False] = values
            else:
                key = keys[BREAKDOWNS.index(grouped[0])]
                result[grouped[0]][False if key is None else key] = values
        return result

    @api.model
    def _get_report_values(self, date_from, date_to, zone_id=None, user_ids=None):
        """Every number of the activity report of a period (both days
        included), for a zone and agents.  Runs as the user: an agent only
        counts their caseload, finance is refused by the access rights."""
        date_from = fields.Date.to_date(date_from)
        date_to = fields.Date.to_date(date_to)
        domain = self._report_domain(date_from, date_to, zone_id, user_ids)
        sums = self._sums(domain)
        totals = sums[None][False]
        accompanied = totals.pop("accompanied")
        into_job = totals.pop("into_job")
        workshop_people = totals.pop("workshop_people")

        def breakdown(field):
            # per key: the sums, the people and the people accompanied
            for values in sums[field].values():
                del values["into_job"], values["workshop_people"]
            return sums[field]

        selection = self._selection_labels
        channels = breakdown("referral_channel_id")
        channel_names = {
            channel.id: channel.display_name
            for channel in self.env["job_coaching.referral.channel"].browse(
                [key for key in channels if key]
            )
        }
        cpas = breakdown("cpas_status")
        values = {
            "date_from": date_from,
            "date_to": date_to,
            "totals": totals,
            "accompanied": accompanied,
            "into_job": into_job,
            "workshop_people": workshop_people,
            "zone": self._rows(
                breakdown("in_zone"),
                {True: self.env._("Lives in the zone"), False: self.env._("Outside the zone")},
            ),
            "age_group": self._rows(breakdown("age_group"), selection("age_group")),
            "cpas_status": self._rows(cpas, selection("cpas_status", "job_coaching.beneficiary")),
            "cpas_known": {
                "new": cpas.get("unknown", {}).get("accompanied", 0),
                "known": sum(row["accompanied"] for key, row in cpas.items() if key != "unknown"),
            },
            "referral_channel": self._rows(channels, channel_names),
            "art60_outcomes": [
                {"key": key, "label": label, "count": count}
                for key, label, count in self._art60_outcomes(domain)
            ],
        }
        values.update(self._workshop_values(date_from, date_to, zone_id, user_ids))
        values.update(self._art60_running(date_from, date_to, zone_id, user_ids))
        values.update(self._youth_values(date_from, date_to, zone_id, user_ids))
        values.update(self._feedback_values(date_from, date_to, zone_id, user_ids))
        values["targets"] = self._target_values(values, date_from, date_to, zone_id)
        return values

    @api.model
    def _selection_labels(self, field, model=None):
        """Labels in the user's language, from the source model's field whose
        translations the add-on already carries."""
        Model = self.env[model] if model else self
        return dict(Model._fields[field]._description_selection(self.env))

    @api.model
    def _rows(self, sums, labels):
        """A breakdown as a list of rows in a stable order, labelled."""
        order = list(labels) + sorted(key for key in sums if key not in labels and key)
        if False in sums and False not in order:
            order.append(False)
        return [
            dict(sums[key], key=key, label=labels.get(key) or self.env._("Not set"))
            for key in order
            if key in sums
        ]

    @api.model
    def _art60_outcomes(self, domain):
        labels = self._selection_labels("outcome", "job_coaching.art60.contract")
        counts = dict(
            self._read_group([*domain, ("art60_ended", ">", 0)], ["art60_outcome"], ["__count"])
        )
        return [
            (key, labels.get(key) or self.env._("Not set"), counts[key])
            for key in [*list(labels), False]
            if key in counts
        ]

    @api.model
    def _person_domain(self, zone_id, user_ids, path="beneficiary_id"):
        domain = []
        if zone_id:
            domain.append((f"{path}.zone_id", "=", zone_id))
        if user_ids:
            domain.append((f"{path}.user_id", "in", list(user_ids)))
        return domain

    @api.model
    def _workshop_values(self, date_from, date_to, zone_id, user_ids):
        """Workshop sessions held in the period with at least one attendee
        among the people reported on."""
        Registration = self.env["job_coaching.workshop.registration"]
        [(held,)] = Registration._read_group(
            [
                ("attendance", "=", "attended"),
                ("start", ">=", fields.Datetime.to_datetime(date_from)),
                ("start", "<", fields.Datetime.to_datetime(date_to) + timedelta(days=1)),
                *self._person_domain(zone_id, user_ids),
            ],
            [],
            ["workshop_id:count_distinct"],
        )
        return {"workshops_held": held}

    @api.model
    def _art60_running(self, date_from, date_to, zone_id, user_ids):
        """Contracts running at some point of the period."""
        Contract = self.env["job_coaching.art60.contract"]
        [(running,)] = Contract._read_group(
            [
                ("state", "!=", "draft"),
                ("date_start", "<=", date_to),
                "|",
                ("date_end_actual", "=", False),
                ("date_end_actual", ">=", date_from),
                *self._person_domain(zone_id, user_ids),
            ],
            [],
            ["__count"],
        )
        return {"art60_running": running}

    @api.model
    def _youth_values(self, date_from, date_to, zone_id, user_ids):
        """Motivation and self-confidence of young people (18-25 at their
        first review): first against latest plan review up to the period's end,
        for those with at least two reviews and one in the period."""
        reviews = self.env["job_coaching.plan.review"].search_read(
            [
                ("date", "<=", date_to),
                ("beneficiary_id.birth_date", "!=", False),
                *self._person_domain(zone_id, user_ids),
            ],
            ["beneficiary_id", "date", "motivation", "self_confidence"],
            order="beneficiary_id, date, id",
        )
        by_person = defaultdict(list)
        for review in reviews:
            by_person[review["beneficiary_id"][0]].append(review)
        birth_dates = {
            person.id: person.birth_date
            for person in self.env["job_coaching.beneficiary"].browse(list(by_person))
        }
        youth = {
            "youth_reviewed": 0,
            "youth_remotivated": 0,
            "motivation_first": 0.0,
            "motivation_latest": 0.0,
            "confidence_first": 0.0,
            "confidence_latest": 0.0,
        }
        for person, rows in by_person.items():
            first, latest = rows[0], rows[-1]
            age = _age(birth_dates[person], first["date"])
            if len(rows) < 2 or not 18 <= age <= 25 or latest["date"] < date_from:
                continue
            youth["youth_reviewed"] += 1
            youth["motivation_first"] += int(first["motivation"])
            youth["motivation_latest"] += int(latest["motivation"])
            youth["confidence_first"] += int(first["self_confidence"])
            youth["confidence_latest"] += int(latest["self_confidence"])
            if int(latest["motivation"]) + int(latest["self_confidence"]) > int(
                first["motivation"]
            ) + int(first["self_confidence"]):
                youth["youth_remotivated"] += 1
        count = youth["youth_reviewed"]
        for key in (
            "motivation_first",
            "motivation_latest",
            "confidence_first",
            "confidence_latest",
        ):
            youth[key] = round(youth[key] / count, 2) if count else 0.0
        return youth

    @api.model
    def _feedback_values(self, date_from, date_to, zone_id, user_ids):
        applications = self.env["job_coaching.application"].search_read(
            [
                ("employer_rating", "!=", False),
                ("date_sent", ">=", date_from),
                ("date_sent", "<=", date_to),
                *self._person_domain(zone_id, user_ids),
            ],
            ["employer_id", "employer_rating", "employer_feedback", "date_sent"],
            order="date_sent, id",
        )
        partner_domain = [("date", ">=", date_from), ("date", "<=", date_to)]
        if user_ids:
            partner_domain.append(("user_id", "in", list(user_ids)))
        partners = self.env["job_coaching.partner.feedback"].search_read(
            partner_domain, ["partner_id", "date", "rating", "comment"], order="date, id"
        )

        def average(rows, field):
            ratings = [int(row[field]) for row in rows]
            return round(sum(ratings) / len(ratings), 2) if ratings else 0.0

        return {
            "employer_feedback_count": len(applications),
            "employer_rating_avg": average(applications, "employer_rating"),
            "employer_feedback": [
                {
                    "partner": (row["employer_id"] and row["employer_id"][1]) or "",
                    "date": row["date_sent"],
                    "rating": int(row["employer_rating"]),
                    "comment": row["employer_feedback"] or "",
                }
                for row in applications
            ],
            "partner_feedback_count": len(partners),
            "partner_rating_avg": average(partners, "rating"),
            "partner_feedback": [
                {
                    "partner": row["partner_id"][1],
                    "date": row["date"],
                    "rating": int(row["rating"]),
                    "comment": row["comment"] or "",
                }
                for row in partners
            ],
        }

    @api.model
    def _target_values(self, values, date_from, date_to, zone_id):
        domain = [("date_from", "<=", date_to), ("date_to", ">=", date_from)]
        if zone_id:
            domain.append(("zone_id", "in", [zone_id, False]))
        targets = self.env["job_coaching.target"].search(domain)
        current = {
            "accompanied": values["accompanied"],
            "into_job": values["into_job"],
            "youth_remotivated": values["youth_remotivated"],
        }
        return [
            {
                "name": target.name,
                "kind": target.kind,
                "target": target.value,
                "current": current[target.kind],
                "percent": round(100.0 * current[target.kind] / target.value, 1)
                if target.value
                else 0.0,
            }
            for target in targets
        ]


def _age(birth_date, on_date):
    return (
        on_date.year
        - birth_date.year
        - ((on_date.month, on_date.day) < (birth_date.month, birth_date.day))
    )
