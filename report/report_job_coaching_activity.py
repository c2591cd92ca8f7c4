# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL

from ..tools.dates import age_on
from .job_coaching_activity_report import BREAKDOWNS, MEASURES

# Who counts as "into work" (mise à l'emploi): a person with at least one of
# these events in the period, counted once whatever the routes.
INTO_WORK_ROUTES = ["art60_started", "application_hired", "exit_to_job"]
# Who counts as accompanied: a person with at least one session done.
ACCOMPANIED = SQL("session_done > 0")
INTO_WORK = SQL(" OR ").join(SQL("%s > 0", SQL.identifier(m)) for m in INTO_WORK_ROUTES)
# The people counted once in the period, each by a condition on their events.
PEOPLE = {
    "accompanied": ACCOMPANIED,
    "into_job": INTO_WORK,
    "into_work_art60": SQL("art60_started > 0"),
    "into_work_hired": SQL("application_hired > 0"),
    "into_work_exit": SQL("exit_to_job > 0"),
    "into_training": SQL("exit_to_training > 0"),
    "workshop_people": SQL("workshop_attended > 0"),
}
# The activity of each month of the period.
MONTHLY = ["intake", "session_done", "workshop_attended", "art60_started", "exit_to_job"]


class ReportJobCoachingActivity(models.AbstractModel):
    """The numbers of the coordinator's activity report, read from the
    activity analysis (``job_coaching.activity.report``) as the user: an
    agent counts their caseload, finance is refused by the access rights.
    The PDF, the workbook and the targets' dashboard all read them here."""

    _name = "report.job_coaching.activity"
    _description = "Job Coaching Activity Report Values"

    @api.model
    def _report_domain(self, date_from, date_to, zone_id=None, user_ids=None):
        domain = [("date", ">=", date_from), ("date", "<=", date_to)]
        if zone_id:
            domain.append(("zone_id", "=", zone_id))
        if user_ids:
            domain.append(("user_id", "in", list(user_ids)))
        return domain

    # ------------------------------------------------------------------
    # People of a zone: one definition for the report and the targets
    # ------------------------------------------------------------------

    @api.model
    def _target_scopes(self, targets, date_from=None, date_to=None, zone_id=None):
        """The people a target counts: ``{target: (first day, last day, zone id)}``.

        A target counts the people who live in its zone over its period (within
        the report's period, when there is one); a target without a zone counts
        those living in the report's zone, or without one in any zone of the
        company (zone id False). A person living outside the zone never counts.
        """
        scopes = {}
        for target in targets:
            start = max(date_from, target.date_from) if date_from else target.date_from
            end = min(date_to, target.date_to) if date_to else target.date_to
            scopes[target] = (start, end, target.zone_id._origin.id or zone_id or False)
        return scopes

    @api.model
    def _scope_condition(self, scope):
        start, end, zone_id = scope
        return SQL(
            "date BETWEEN %s AND %s AND %s",
            start,
            end,
            SQL("zone_id = %s", zone_id) if zone_id else SQL("in_zone"),
        )

    @api.model
    def _scope_columns(self, scopes):
        """Per scope, the people accompanied and into work: SQL columns over
        the analysis' rows, in the order of ``scopes``."""
        return [
            SQL(
                "count(DISTINCT beneficiary_id) FILTER (WHERE (%s) AND %s)",
                measure,
                self._scope_condition(scope),
            )
            for scope in scopes
            for measure in (ACCOMPANIED, INTO_WORK)
        ]

    @api.model
    def _targets_reached(self, targets, date_from=None, date_to=None, zone_id=None, user_ids=None):
        """``{target: value reached}`` of targets: the report's and the
        dashboard's numbers, from one query (and the plan reviews of young
        people for their targets)."""
        scopes = self._target_scopes(targets, date_from, date_to, zone_id)
        distinct = sorted(set(scopes.values()))
        counts = {}
        if distinct:
            start = min(scope[0] for scope in distinct)
            end = max(scope[1] for scope in distinct)
            query = self.env["job_coaching.activity.report"]._search(
                self._report_domain(start, end, user_ids=user_ids)
            )
            inner = query.select(
                *(
                    SQL.identifier(query.table, column)
                    for column in ("date", "beneficiary_id", "zone_id", "in_zone", *MEASURES)
                )
            )
            [row] = self.env.execute_query(
                SQL(
                    "SELECT %s FROM (%s) ev",
                    SQL(", ").join(self._scope_columns(distinct)),
                    inner,
                )
            )
            for index, scope in enumerate(distinct):
                counts[scope] = {"accompanied": row[2 * index], "into_job": row[2 * index + 1]}
        youth = {}
        for target, scope in scopes.items():
            if target.kind == "youth_remotivated" and scope not in youth:
                youth[scope] = self._youth_values(*scope, user_ids, residents=True)
        return {
            target: youth[scope]["youth_remotivated"]
            if target.kind == "youth_remotivated"
            else counts[scope][target.kind]
            for target, scope in scopes.items()
        }

    # ------------------------------------------------------------------
    # The numbers of the activity report
    # ------------------------------------------------------------------

    @api.model
    def _sums(self, domain):
        """Every sum of the report in one query over the rows the user may read.

        Return ``{breakdown: {key: values}}`` where breakdown is None (the
        totals, under the key False) or one of BREAKDOWNS, and values hold the
        sum of each measure, the distinct people (``people``), and the distinct
        people accompanied, into work (by each route), at a workshop and
        leaving for a training.
        """
        query = self.env["job_coaching.activity.report"]._search(domain)  # the caseload rules
        columns = [*MEASURES, "beneficiary_id", *BREAKDOWNS]
        inner = query.select(*(SQL.identifier(query.table, column) for column in columns))
        sql = SQL(
            """
            SELECT %(groupings)s, %(keys)s, %(sums)s, count(DISTINCT beneficiary_id), %(people)s
              FROM (%(inner)s) ev
             GROUP BY GROUPING SETS ((), %(sets)s)
            """,
            groupings=SQL(", ").join(SQL("GROUPING(%s)", SQL.identifier(b)) for b in BREAKDOWNS),
            keys=SQL(", ").join(SQL.identifier(b) for b in BREAKDOWNS),
            sums=SQL(", ").join(SQL("COALESCE(sum(%s), 0)", SQL.identifier(m)) for m in MEASURES),
            people=SQL(", ").join(
                SQL("count(DISTINCT beneficiary_id) FILTER (WHERE %s)", condition)
                for condition in PEOPLE.values()
            ),
            inner=inner,
            sets=SQL(", ").join(SQL("(%s)", SQL.identifier(b)) for b in BREAKDOWNS),
        )
        names = [*MEASURES, "people", *PEOPLE]
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
    def _get_activity_values(self, date_from, date_to, zone_id=None, user_ids=None):
        """Every number of the activity report of a period (both days
        included), for a zone and agents, labelled in the user's language."""
        date_from = fields.Date.to_date(date_from)
        date_to = fields.Date.to_date(date_to)
        domain = self._report_domain(date_from, date_to, zone_id, user_ids)
        sums = self._sums(domain)
        totals = sums[None][False]
        people = {key: totals.pop(key) for key in PEOPLE}

        def breakdown(field):
            # per key: the sums, the people and the people accompanied
            for values in sums[field].values():
                for key in people:
                    if key != "accompanied":
                        del values[key]
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
        _ = self.env._
        values = {
            "date_from": date_from,
            "date_to": date_to,
            "totals": totals,
            **people,
            "into_work": [
                {
                    "key": "art60",
                    "label": _("Art. 60 contract started"),
                    "people": people["into_work_art60"],
                },
                {
                    "key": "hired",
                    "label": _("Hired through an application"),
                    "people": people["into_work_hired"],
                },
                {
                    "key": "exit_job",
                    "label": _("Left for a job"),
                    "people": people["into_work_exit"],
                },
            ],
            "zone": self._rows(
                breakdown("in_zone"),
                {True: _("Lives in the zone"), False: _("Outside the zone")},
            ),
            "age_group": self._rows(
                breakdown("age_group"), selection("age_group", "job_coaching.activity.report")
            ),
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
        values["months"] = self._monthly_outreach(
            self._monthly(domain, date_from, date_to), date_from, date_to, zone_id, user_ids
        )
        values.update(self._workshop_values(date_from, date_to, zone_id, user_ids))
        values.update(self._office_hours_values(date_from, date_to, zone_id, user_ids))
        values.update(self._outreach_values(date_from, date_to, zone_id, user_ids))
        values.update(self._referral_values(date_from, date_to, zone_id, user_ids))
        values.update(self._art60_running(date_from, date_to, zone_id, user_ids))
        values.update(self._youth_values(date_from, date_to, zone_id, user_ids))
        values.update(self._feedback_values(date_from, date_to, zone_id, user_ids))
        values["targets"], values["funders"] = self._target_values(
            date_from, date_to, zone_id, user_ids
        )
        return values

    @api.model
    def _selection_labels(self, field, model):
        """Labels in the user's language, from the source model's field whose
        translations the add-on already carries."""
        return dict(self.env[model]._fields[field]._description_selection(self.env))

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
            self.env["job_coaching.activity.report"]._read_group(
                [*domain, ("art60_ended", ">", 0)], ["art60_outcome"], ["__count"]
            )
        )
        return [
            (key, labels.get(key) or self.env._("Not set"), counts[key])
            for key in [*list(labels), False]
            if key in counts
        ]

    @api.model
    def _monthly(self, domain, date_from, date_to):
        """Per month of the period, the first day and the sums of MONTHLY
        (zeros for a month without events)."""
        groups = self.env["job_coaching.activity.report"]._read_group(
            domain, ["date:month"], [f"{measure}:sum" for measure in MONTHLY]
        )
        sums = {month: sums for month, *sums in groups}
        months = []
        month = date_from.replace(day=1)
        while month <= date_to:
            values = sums.get(month) or [0] * len(MONTHLY)
            months.append({"month": month, **dict(zip(MONTHLY, values, strict=True))})
            month += relativedelta(months=1)
        return months

    @api.model
    def _person_domain(self, zone_id, user_ids, path="beneficiary_id", residents=False, dated=None):
        """The people reported on: of a zone (or of any zone for
        ``residents``) and of agents. ``dated`` is ``(model, day)``, the
        model searched and the day of its records (SQL over the alias
        ``src`` of its table): a person counts where they lived on that day;
        without it, where they live today."""
        domain = []
        if (zone_id or residents) and dated:
            living = self.env["job_coaching.situation"]._records_living_in(
                *dated, zone_id=zone_id, link=path
            )
            domain.append(("id", "in", living))
        elif zone_id:
            domain.append((f"{path}.zone_id", "=", zone_id))
        elif residents:
            domain.append((f"{path}.in_zone", "=", True))
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
                *self._person_domain(
                    zone_id, user_ids, dated=(Registration._name, SQL("src.start::date"))
                ),
            ],
            [],
            ["workshop_id:count_distinct"],
        )
        return {"workshops_held": held}

    @api.model
    def _office_hours_values(self, date_from, date_to, zone_id, user_ids):
        """Office hours held in the zone against the two half-days a week the
        project plans, their visits, and the walk-ins whose file was opened
        on or after their visit."""
        domain = [
            ("state", "=", "done"),
            ("date", ">=", date_from),
            ("date", "<=", date_to),
        ]
        if zone_id:
            domain.append(("zone_id", "=", zone_id))
        if user_ids:
            domain.append(("user_id", "in", list(user_ids)))
        [(held, visits, anonymous)] = self.env["job_coaching.office.hours"]._read_group(
            domain, [], ["__count", "visit_count:sum", "walk_in_count:sum"]
        )
        first_visits = self.env["job_coaching.office.hours.visit"]._read_group(
            [
                *(("office_hours_id." + field, op, value) for field, op, value in domain),
                ("beneficiary_id", "!=", False),
            ],
            ["beneficiary_id"],
            ["date:min"],
        )
        first = {person.id: day for person, day in first_visits}
        intakes = self.env["job_coaching.beneficiary"].search_read(  # the user's caseload
            [("id", "in", list(first)), ("intake_date", "!=", False)], ["intake_date"]
        )
        opened = sum(1 for row in intakes if row["intake_date"] >= first[row["id"]])
        weeks = ((date_to - date_from).days + 1) / 7
        return {
            "office_hours_held": held,
            "office_hours_planned": round(2 * weeks),
            "office_hours_per_week": round(held / weeks, 1),
            "office_hours_visits": visits or 0,
            "office_hours_walk_ins": anonymous or 0,
            "office_hours_new_files": opened,
        }

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
                # where the person lived on the contract's first day in the period
                *self._person_domain(
                    zone_id,
                    user_ids,
                    dated=(Contract._name, SQL("GREATEST(src.date_start, %s::date)", date_from)),
                ),
            ],
            [],
            ["__count"],
        )
        return {"art60_running": running}

    @api.model
    def _youth_values(self, date_from, date_to, zone_id, user_ids, residents=False):
        """Motivation and self-confidence of young people (18-25 at their
        first review): first against latest plan review up to the period's end,
        for those with at least two reviews and one in the period. For a zone
        (or ``residents``), the reviews held while the person lived there."""
        reviews = self.env["job_coaching.plan.review"].search_read(
            [
                ("date", "<=", date_to),
                ("beneficiary_id.birth_date", "!=", False),
                *self._person_domain(
                    zone_id,
                    user_ids,
                    residents=residents,
                    dated=("job_coaching.plan.review", SQL("src.date")),
                ),
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
            age = age_on(birth_dates[person], first["date"])
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
        """Feedback of the period per source (partner organisations,
        employers, art. 60 user employers and tutors): how many, how many
        rated and their average rating out of 5. Employers rate the
        candidates proposed to them; tutors and user employers give their
        evaluations of art. 60 workers (their average score) and feedback on
        the project; partners give feedback on the project. Only numbers:
        the comments the report quotes are the coordinator's choice
        (``_feedback_quoted``)."""
        applications = self.env["job_coaching.application"].search_read(
            [
                ("employer_rating", "!=", False),
                ("date_sent", ">=", date_from),
                ("date_sent", "<=", date_to),
                *self._person_domain(
                    zone_id, user_ids, dated=("job_coaching.application", SQL("src.date_sent"))
                ),
            ],
            ["employer_rating"],
        )
        evaluations = self.env["job_coaching.art60.evaluation"].search_read(
            [
                ("given_by", "in", ("tutor", "user_employer")),
                ("date", ">=", date_from),
                ("date", "<=", date_to),
                *self._person_domain(
                    zone_id, user_ids, dated=("job_coaching.art60.evaluation", SQL("src.date"))
                ),
            ],
            ["given_by", "score"],
        )
        partner_domain = [("date", ">=", date_from), ("date", "<=", date_to)]
        if user_ids:
            partner_domain.append(("user_id", "in", list(user_ids)))
        partners = self.env["job_coaching.partner.feedback"].search_read(
            partner_domain, ["source", "rating"]
        )
        given = [("employer", row["employer_rating"]) for row in applications]
        given += [(row["given_by"], row["score"]) for row in evaluations]
        given += [(row["source"], row["rating"]) for row in partners]
        counts = defaultdict(int)
        ratings = defaultdict(list)
        for source, rating in given:
            counts[source] += 1
            if rating:
                ratings[source].append(float(rating))
        labels = self._selection_labels("source", "job_coaching.partner.feedback")
        return {
            "feedback_count": sum(counts.values()),
            "feedback_sources": [
                {
                    "key": key,
                    "label": label,
                    "count": counts[key],
                    "rated": len(ratings[key]),
                    "average": round(sum(ratings[key]) / len(ratings[key]), 2)
                    if ratings[key]
                    else 0.0,
                }
                for key, label in labels.items()
            ],
        }

    @api.model
    def _feedback_quoted(self, feedback):
        """The comments of ``feedback`` (partner feedback chosen by the
        coordinator) as the report quotes them: who said it (the
        organisation and its kind), when, the rating and the words."""
        labels = self._selection_labels("source", "job_coaching.partner.feedback")
        return [
            {
                "partner": row.partner_id.display_name,
                "source": labels[row.source],
                "date": row.date,
                "rating": int(row.rating) if row.rating else False,
                "comment": row.comment,
            }
            for row in feedback.sorted(lambda row: (row.date, row.id))
            if row.comment
        ]

    @api.model
    def _referral_values(self, date_from, date_to, zone_id, user_ids):
        """People referred at the end of their pathway (on an exit of the
        period) per destination, each person once per destination, and the
        people referred anywhere, each once. Every destination the user may
        read is listed, those without referral with zero."""
        Exit = self.env["job_coaching.exit"]
        domain = [
            ("date", ">=", date_from),
            ("date", "<=", date_to),
            ("referral_destination_ids", "!=", False),
            *self._person_domain(zone_id, user_ids, dated=(Exit._name, SQL("src.date"))),
        ]
        per_destination = dict(
            Exit._read_group(
                domain, ["referral_destination_ids"], ["beneficiary_id:count_distinct"]
            )
        )
        [(people,)] = Exit._read_group(domain, [], ["beneficiary_id:count_distinct"])
        Destination = self.env["job_coaching.referral.destination"]
        # the active destinations (a short list), and archived ones with referrals
        destinations = Destination.search([("active", "=", True)]) | Destination.union(
            *per_destination
        )
        return {
            "referred_out": people,
            "referrals_out": [
                {
                    "key": destination.id,
                    "label": destination.display_name,
                    "partner": destination.partner_id.display_name or "",
                    "people": per_destination.get(destination, 0),
                }
                for destination in destinations.sorted()
            ],
        }

    @api.model
    def _outreach_values(self, date_from, date_to, zone_id, user_ids):
        """The agents' presences at events of the neighbourhood in the
        period (in the zone, of the agents): how many, the hours, the people
        spoken to and the files opened from them."""
        domain = self._report_domain(date_from, date_to, zone_id, user_ids)
        [(count, hours, people, files)] = self.env["job_coaching.outreach.presence"]._read_group(
            domain, [], ["__count", "hours:sum", "people_reached:sum", "file_count:sum"]
        )
        return {
            "outreach_presences": count,
            "outreach_hours": hours or 0.0,
            "outreach_people": people or 0,
            "outreach_files": files or 0,
        }

    @api.model
    def _monthly_outreach(self, months, date_from, date_to, zone_id, user_ids):
        """Add to each month of ``months`` the presences at events of the
        neighbourhood and the people referred out (each once in the month)."""
        presences = dict(
            self.env["job_coaching.outreach.presence"]._read_group(
                self._report_domain(date_from, date_to, zone_id, user_ids),
                ["date:month"],
                ["__count"],
            )
        )
        referred = dict(
            self.env["job_coaching.exit"]._read_group(
                [
                    ("date", ">=", date_from),
                    ("date", "<=", date_to),
                    ("referral_destination_ids", "!=", False),
                    *self._person_domain(
                        zone_id, user_ids, dated=("job_coaching.exit", SQL("src.date"))
                    ),
                ],
                ["date:month"],
                ["beneficiary_id:count_distinct"],
            )
        )
        for month in months:
            month["outreach_presences"] = presences.get(month["month"], 0)
            month["referred_out"] = referred.get(month["month"], 0)
        return months

    @api.model
    def _target_values(self, date_from, date_to, zone_id, user_ids):
        """One row per target of the period (of the report's zone or of no
        zone): its name and kind in the user's language, expected and
        reached side by side; and the funders of their subsidies."""
        domain = [("date_from", "<=", date_to), ("date_to", ">=", date_from)]
        if zone_id:
            domain.append(("zone_id", "in", [zone_id, False]))
        targets = self.env["job_coaching.target"].search(domain)
        reached = self._targets_reached(targets, date_from, date_to, zone_id, user_ids)
        kinds = self._selection_labels("kind", "job_coaching.target")
        # sudo: the funder's name of the targets' subsidies heads the report,
        # whoever prints it (an agent does not read subsidies)
        funders = sorted(set(targets.sudo().subsidy_id.funder_id.mapped("display_name")))
        rows = [
            {
                "name": target.name,
                "kind": target.kind,
                "kind_label": kinds[target.kind],
                "zone": target.zone_id.display_name or "",
                "target": target.value,
                "current": reached[target],
                "percent": round(100.0 * reached[target] / target.value, 1),
            }
            for target in targets
        ]
        return rows, funders
