# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io
import re
import zipfile
from datetime import date

import openpyxl
from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import MANAGER_GROUP
from .common_employment import EmploymentCase

# Far from today: the demo data, relative to today, never falls in it.
MARCH = ("2021-03-01", "2021-03-31")
OUTSIDE = {"street": "Avenue Louise 100", "zip": "1050", "city": "Ixelles"}
COUNTS = [
    "accompanied",
    "intake",
    "session_done",
    "no_show",
    "appointment_request",
    "workshop_attended",
    "exit_to_job",
]


@tagged("post_install", "-at_install")
@freeze_time("2021-04-15 12:00:00")
class TestActivityReport(EmploymentCase):
    """A small known month, March 2021, with records on both its first and last
    day and outside it; every number is counted by hand in the comments."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time("2021-04-15 12:00:00"):
            cls._build_dataset()

    @classmethod
    def _build_dataset(cls):
        cls.env["job_coaching.target"].search([]).unlink()
        Channel = cls.env["job_coaching.referral.channel"]
        cls.channel_a = Channel.create({"name": "Channel A"})
        cls.channel_b = Channel.create({"name": "Channel B"})
        create = cls._create_beneficiary
        # P1: young, in the zone, RIS; intake on the first day of the period.
        cls.p1 = create(
            first_name="Many",
            birth_date="1997-05-10",
            intake_date="2021-03-01",
            referral_channel_id=cls.channel_a.id,
        )
        # P2: 46, outside the zone, known to the CPAS; left for a job on the last day.
        cls.p2 = create(
            first_name="Known",
            birth_date="1975-01-01",
            cpas_status="known_no_aid",
            intake_date="2021-02-10",
            referral_channel_id=cls.channel_b.id,
            **OUTSIDE,
        )
        # P3: agent B's, 35, in the zone, equivalent aid; intake on the last day.
        cls.p3 = create(
            user=None,
            first_name="Other",
            birth_date="1985-06-01",
            cpas_status="equivalent_aid",
            intake_date="2021-03-31",
            user_id=cls.agent_2.id,
        )
        # P4: 66, new to the CPAS, asked for an appointment, never came.
        cls.p4 = create(
            first_name="Absent",
            birth_date="1955-02-02",
            cpas_status="unknown",
            intake_date="2021-04-01",
        )
        # P5: young, new to the CPAS, one session.
        cls.p5 = create(
            first_name="Fresh",
            birth_date="1999-01-01",
            cpas_status="unknown",
            intake_date="2021-01-05",
            referral_channel_id=cls.channel_a.id,
        )
        # P6 and P7 left earlier for a job and were followed up in March.
        cls.p6 = create(first_name="Former", birth_date="1980-01-01", intake_date="2020-01-10")
        cls.p7 = create(
            first_name="Earlier",
            birth_date="1965-01-01",
            cpas_status="known_no_aid",
            intake_date="2020-01-10",
            **OUTSIDE,
        )

        def session(person, start, state="done", user=None, requested_by="agent"):
            hour = int(start[11:13])
            return {
                "beneficiary_id": person.id,
                "user_id": (user or cls.agent).id,
                "start": start,
                "stop": f"{start[:11]}{hour + 1:02d}:00:00",
                "kind": "follow_up",
                "state": state,
                "requested_by": requested_by,
            }

        cls.env["job_coaching.session"].create(
            [
                # P1: 5 done in March (one on each edge, one asked for), 1 no-show,
                # and one done on each side of the period.
                session(cls.p1, "2021-03-01 08:00:00", requested_by="beneficiary"),
                session(cls.p1, "2021-03-05 08:00:00"),
                session(cls.p1, "2021-03-10 08:00:00", state="no_show"),
                session(cls.p1, "2021-03-12 08:00:00"),
                session(cls.p1, "2021-03-20 08:00:00"),
                session(cls.p1, "2021-03-31 14:00:00"),
                session(cls.p1, "2021-02-28 08:00:00"),
                session(cls.p1, "2021-04-01 08:00:00"),
                session(cls.p2, "2021-03-15 09:00:00"),
                session(cls.p3, "2021-03-20 08:00:00", user=cls.agent_2),
                session(cls.p3, "2021-03-21 08:00:00", state="no_show", user=cls.agent_2),
                session(cls.p4, "2021-03-05 10:00:00", state="no_show"),
                session(cls.p4, "2021-03-25 09:00:00", state="planned", requested_by="partner"),
                session(cls.p5, "2021-03-18 09:00:00"),
            ]
        )

        Workshop = cls.env["job_coaching.workshop"]
        workshops = Workshop.create(
            [
                {
                    "name": name,
                    "topic": "cv",
                    "start": f"{day} 09:00:00",
                    "stop": f"{day} 11:00:00",
                    "facilitator_id": cls.agent.id,
                }
                for name, day in (
                    ("CV 1", "2021-03-12"),
                    ("CV 2", "2021-03-31"),
                    ("CV 0", "2021-02-20"),
                )
            ]
        )
        cls.env["job_coaching.workshop.registration"].create(
            [
                {"workshop_id": workshops[0].id, "beneficiary_id": cls.p1.id},
                {"workshop_id": workshops[0].id, "beneficiary_id": cls.p3.id},
                {"workshop_id": workshops[0].id, "beneficiary_id": cls.p2.id},
                {"workshop_id": workshops[1].id, "beneficiary_id": cls.p1.id},
                {"workshop_id": workshops[2].id, "beneficiary_id": cls.p1.id},
            ]
        ).write({"attendance": "attended"})
        workshops[0].registration_ids.filtered(
            lambda r: r.beneficiary_id == cls.p2
        ).attendance = "absent"

        Plan = cls.env["job_coaching.insertion.plan"]

        def review(day, motivation, confidence):
            return (
                0,
                0,
                {"date": day, "motivation": motivation, "self_confidence": confidence},
            )

        Plan.create(
            [
                {
                    "beneficiary_id": cls.p1.id,
                    "action_ids": [
                        (
                            0,
                            0,
                            {
                                "name": "Cook",
                                "action_type": "training",
                                "date_start": "2021-03-01",
                                "state": "ongoing",
                            },
                        ),
                        (
                            0,
                            0,
                            {
                                "name": "Dutch",
                                "action_type": "language",
                                "date_start": "2021-03-31",
                                "state": "done",
                            },
                        ),
                        (
                            0,
                            0,
                            {
                                "name": "Housing",
                                "action_type": "social",
                                "date_start": "2021-03-05",
                                "state": "ongoing",
                            },
                        ),
                        (
                            0,
                            0,
                            {
                                "name": "Later",
                                "action_type": "training",
                                "date_start": "2021-03-10",
                                "state": "planned",
                            },
                        ),
                    ],
                    # young, from 2+2 to 4+3: re-motivated
                    "review_ids": [review("2021-01-10", "2", "2"), review("2021-03-15", "4", "3")],
                },
                {
                    "beneficiary_id": cls.p5.id,
                    # young, from 3+3 to 3+2: not re-motivated
                    "review_ids": [review("2021-02-01", "3", "3"), review("2021-03-31", "3", "2")],
                },
                {
                    "beneficiary_id": cls.p2.id,
                    # not young: left out
                    "review_ids": [review("2021-02-01", "1", "1"), review("2021-03-20", "5", "5")],
                },
            ]
        )

        # Art. 60: P1's starts on the first day, P3's ends on the last day.
        cls._create_contract(cls.p1, date_start="2021-03-01").state = "running"
        contract = cls._create_contract(cls.p3, date_start="2020-06-01")
        contract.write(
            {
                "state": "ended_early",
                "date_end_actual": "2021-03-31",
                "outcome": "hired_user_employer",
                "end_reason": "Hired",
            }
        )

        cls.Exit.create(
            {
                "beneficiary_id": cls.p2.id,
                "reason": "job",
                "contract_type": "open_ended",
                "date": "2021-03-31",
            }
        )
        exit_6, exit_7 = cls.Exit.create(
            [
                {
                    "beneficiary_id": person.id,
                    "reason": "job",
                    "contract_type": "open_ended",
                    "date": day,
                }
                for person, day in ((cls.p6, "2020-12-01"), (cls.p7, "2020-09-15"))
            ]
        )
        cls.Followup.create(
            [
                {
                    "exit_id": exit_6.id,
                    "offset_months": "3",
                    "date_due": "2021-03-01",
                    "date_done": "2021-03-01",
                    "still_employed": True,
                },
                {
                    "exit_id": exit_7.id,
                    "offset_months": "3",
                    "date_due": "2020-12-15",
                    "date_done": "2020-12-15",
                    "still_employed": True,
                },
                {
                    "exit_id": exit_7.id,
                    "offset_months": "6",
                    "date_due": "2021-03-15",
                    "date_done": "2021-03-31",
                    "still_employed": True,
                },
            ]
        )

        vacancy = cls._create_vacancy(positions=3)
        cls.Application.create(
            [
                {
                    "vacancy_id": vacancy.id,
                    "beneficiary_id": person.id,
                    "state": "sent",
                    "date_sent": day,
                    "employer_rating": rating,
                    "employer_feedback": comment,
                }
                for person, day, rating, comment in (
                    (cls.p1, "2021-03-01", "4", "Punctual"),
                    (cls.p5, "2021-03-31", "5", "Keen"),
                    (cls.p2, "2021-02-15", "2", "Late"),
                )
            ]
        )
        cls.partner_org = cls.env["res.partner"].create({"name": "Maison de quartier"})
        cls.env["job_coaching.partner.feedback"].create(
            [
                {"partner_id": cls.partner_org.id, "date": day, "rating": rating}
                for day, rating in (("2021-03-01", "3"), ("2021-03-31", "5"), ("2021-04-01", "1"))
            ]
        )
        cls.env["job_coaching.target"].create(
            [
                {
                    "name": "Accompanied",
                    "kind": "accompanied",
                    "value": 100,
                    "date_from": "2021-01-01",
                    "date_to": "2021-12-31",
                    "zone_id": cls.zone.id,
                },
                {
                    "name": "Into a job",
                    "kind": "into_job",
                    "value": 10,
                    "date_from": "2021-01-01",
                    "date_to": "2021-12-31",
                },
            ]
        )

    def _values(self, user=None, date_from=MARCH[0], date_to=MARCH[1], **kwargs):
        Report = self.env["report.job_coaching.activity"].with_user(user or self.coordinator)
        return Report._get_activity_values(date_from, date_to, **kwargs)

    def _by_label(self, rows):
        return {row["label"]: [row[count] for count in COUNTS] for row in rows}

    def test_every_number_of_the_month(self):
        values = self._values()
        self.assertEqual(values["accompanied"], 4)  # P1 once for 5 sessions, P2, P3, P5
        self.assertEqual(values["into_job"], 2)  # P1 (art. 60 start), P2 (exit to a job)
        self.assertEqual(
            [(row["key"], row["people"]) for row in values["into_work"]],
            [("art60", 1), ("hired", 0), ("exit_job", 1)],
        )
        self.assertEqual(values["into_training"], 0)
        self.assertEqual(values["workshop_people"], 2)
        self.assertEqual(values["workshops_held"], 2)
        self.assertEqual(values["art60_running"], 2)
        self.assertEqual(
            {k: v for k, v in values["totals"].items() if k != "people"},
            {
                "intake": 2,
                "session_done": 8,
                "no_show": 3,
                "appointment_request": 2,
                "workshop_attended": 3,
                "training_action": 2,
                "art60_started": 1,
                "art60_ended": 1,
                "application_hired": 0,
                "exit_to_job": 1,
                "exit_to_training": 0,
                "followup_employed_3m": 1,
                "followup_employed_6m": 1,
            },
        )
        # columns: accompanied, intake, done, no-show, requests, workshops, exits to a job
        self.assertEqual(
            self._by_label(values["zone"]),
            {"Lives in the zone": [3, 2, 7, 3, 2, 3, 0], "Outside the zone": [1, 0, 1, 0, 0, 0, 1]},
        )
        self.assertEqual(
            self._by_label(values["age_group"]),
            {
                "18-25": [2, 1, 6, 1, 1, 2, 0],
                "26-35": [1, 1, 1, 1, 0, 1, 0],
                "36-49": [1, 0, 1, 0, 0, 0, 1],
                "50+": [0, 0, 0, 1, 1, 0, 0],
            },
        )
        self.assertEqual(
            self._by_label(values["cpas_status"]),
            {
                "Integration income (RIS)": [1, 1, 5, 1, 1, 2, 0],
                "Equivalent social aid": [1, 1, 1, 1, 0, 1, 0],
                "Known to the CPAS, without aid": [1, 0, 1, 0, 0, 0, 1],
                "Unknown to the CPAS": [1, 0, 1, 1, 1, 0, 0],
            },
        )
        self.assertEqual(values["cpas_known"], {"new": 1, "known": 3})
        self.assertEqual(
            self._by_label(values["referral_channel"]),
            {
                "Channel A": [2, 1, 6, 1, 1, 2, 0],
                "Channel B": [1, 0, 1, 0, 0, 0, 1],
                "Not set": [1, 1, 1, 2, 1, 1, 0],
            },
        )
        self.assertEqual(
            [(row["label"], row["count"]) for row in values["art60_outcomes"]],
            [("Hired by the user employer", 1)],
        )
        self.assertEqual(values["youth_reviewed"], 2)
        self.assertEqual(values["youth_remotivated"], 1)
        self.assertEqual(values["motivation_first"], 2.5)
        self.assertEqual(values["motivation_latest"], 3.5)
        self.assertEqual(values["confidence_first"], 2.5)
        self.assertEqual(values["confidence_latest"], 2.5)
        # partners: 3 and 5 on the edges (not the 1 of April); employers: P1's 4
        # and P5's 5 (not P2's 2 of February); no comment of theirs in the report
        self.assertEqual(
            [(f["key"], f["count"], f["rated"], f["average"]) for f in values["feedback_sources"]],
            [
                ("partner", 2, 2, 4.0),
                ("employer", 2, 2, 4.5),
                ("user_employer", 0, 0, 0.0),
                ("tutor", 0, 0, 0.0),
            ],
        )
        self.assertEqual(values["feedback_count"], 4)
        self.assertNotIn("employer_feedback", values)
        self.assertEqual(
            [(t["name"], t["target"], t["current"], t["percent"]) for t in values["targets"]],
            # the zone's people: P1, P3, P5 accompanied (P2 lives outside);
            # the target without a zone counts residents of a zone: P1 (not P2)
            [("Accompanied", 100, 3, 3.0), ("Into a job", 10, 1, 10.0)],
        )

    def test_activity_per_month(self):
        values = self._values(date_from="2021-02-01", date_to="2021-03-31")
        # February: P2's intake, P1's session of the 28th and workshop of the 20th
        self.assertEqual(
            values["months"],
            [
                {
                    "month": date(2021, 2, 1),
                    "intake": 1,
                    "session_done": 1,
                    "workshop_attended": 1,
                    "art60_started": 0,
                    "exit_to_job": 0,
                    "outreach_presences": 0,
                    "referred_out": 0,
                },
                {
                    "month": date(2021, 3, 1),
                    "intake": 2,
                    "session_done": 8,
                    "workshop_attended": 3,
                    "art60_started": 1,
                    "exit_to_job": 1,
                    "outreach_presences": 0,
                    "referred_out": 0,
                },
            ],
        )
        workbook = openpyxl.load_workbook(io.BytesIO(self._wizard(self.coordinator)._get_xlsx()))
        rows = list(workbook["Months"].iter_rows(values_only=True))
        self.assertEqual(rows[1][1:], (2, 8, 3, 1, 1, 0, 0))
        self.assertEqual(rows[1][0].date(), date(2021, 3, 1))
        # native charts: progress against the targets, activity per month
        with zipfile.ZipFile(io.BytesIO(self._wizard(self.coordinator)._get_xlsx())) as archive:
            charts = [name for name in archive.namelist() if name.startswith("xl/charts/")]
        self.assertEqual(sorted(charts), ["xl/charts/chart1.xml", "xl/charts/chart2.xml"])

    def test_the_period_edges(self):
        """Without its first and last day, the month loses what happened on them."""
        values = self._values(date_from="2021-03-02", date_to="2021-03-30")
        totals = values["totals"]
        self.assertEqual(totals["intake"], 0)
        self.assertEqual(totals["session_done"], 6)  # P1 3, P2, P3, P5: not P1's 2 edges
        self.assertEqual(totals["appointment_request"], 1)
        self.assertEqual(totals["workshop_attended"], 2)
        self.assertEqual(totals["training_action"], 0)
        self.assertEqual(totals["art60_started"], 0)
        self.assertEqual(totals["art60_ended"], 0)
        self.assertEqual(totals["exit_to_job"], 0)
        self.assertEqual(totals["followup_employed_3m"], 0)
        self.assertEqual(totals["followup_employed_6m"], 0)
        self.assertEqual(values["accompanied"], 4)
        self.assertEqual(values["feedback_count"], 0)
        # P5's latest review is on the 31st: only P1 is left.
        self.assertEqual(values["youth_reviewed"], 1)

    def test_filters_by_agent_and_zone(self):
        values = self._values(user_ids=self.agent_2.ids)
        self.assertEqual(values["accompanied"], 1)
        self.assertEqual(values["totals"]["session_done"], 1)
        self.assertEqual(values["totals"]["no_show"], 1)
        self.assertEqual(values["art60_running"], 1)
        self.assertEqual(values["workshop_people"], 1)
        values = self._values(zone_id=self.zone.id)
        self.assertEqual(values["accompanied"], 3)
        self.assertEqual(values["totals"]["session_done"], 7)
        self.assertEqual(values["into_job"], 1)  # P1's art. 60 start; P2 lives outside

    def test_an_agent_counts_only_their_caseload(self):
        values = self._values(user=self.agent)
        self.assertEqual(values["accompanied"], 3)  # P1, P2, P5 - not agent B's P3
        self.assertEqual(values["totals"]["session_done"], 7)
        self.assertEqual(values["totals"]["no_show"], 2)
        self.assertEqual(values["totals"]["intake"], 1)
        self.assertEqual(values["totals"]["workshop_attended"], 2)
        self.assertEqual(values["workshop_people"], 1)
        self.assertEqual(values["art60_running"], 1)
        self.assertEqual(values["totals"]["art60_ended"], 0)
        rows = self.env["job_coaching.activity.report"].with_user(self.agent).search([])
        self.assertNotIn(self.p3, rows.beneficiary_id)
        self.assertIn(self.p1, rows.beneficiary_id)

    def test_an_agent_counts_the_files_shared_with_them(self):
        """Security: the report and the analysis cover an agent's own files
        and the files shared with them (agent B's P3 here, counted by hand:
        1 person accompanied, 1 session done, 1 no-show, 1 art. 60 running)."""
        self.p3.shared_user_ids = [(4, self.agent.id)]
        self.env.invalidate_all()
        values = self._values(user=self.agent)
        self.assertEqual(values["accompanied"], 3 + 1)
        self.assertEqual(values["totals"]["session_done"], 7 + 1)
        self.assertEqual(values["totals"]["no_show"], 2 + 1)
        self.assertEqual(values["art60_running"], 1 + 1)
        rows = self.env["job_coaching.activity.report"].with_user(self.agent).search([])
        own = self.p1 | self.p2 | self.p4 | self.p5 | self.p6 | self.p7
        self.assertEqual(rows.beneficiary_id - own, self.p3)

    def test_the_analysis_counts_events_by_each_dimension(self):
        """Activity Analysis: pivot and graph of every event, by month, agent,
        residence, status... Counted by hand from the March sessions above:
        done P1 5, P2 1, P3 1 (agent B), P5 1; no-shows P1, P3 (B), P4."""
        action = self.env.ref("job_coaching.job_coaching_activity_report_action")
        self.assertEqual(action.view_mode, "pivot,graph")
        Analysis = self.env["job_coaching.activity.report"].with_user(self.coordinator)
        march = [("date", ">=", MARCH[0]), ("date", "<=", MARCH[1])]

        def by(groupby):
            return {
                key: (done, missed)
                for key, done, missed in Analysis._read_group(
                    march, [groupby], ["session_done:sum", "no_show:sum"]
                )
            }

        self.assertEqual(by("user_id"), {self.agent: (7, 2), self.agent_2: (1, 1)})
        self.assertEqual(by("in_zone"), {True: (7, 3), False: (1, 0)})
        self.assertEqual(
            by("cpas_status"),
            {"ris": (5, 1), "known_no_aid": (1, 0), "equivalent_aid": (1, 1), "unknown": (1, 1)},
        )
        self.assertEqual(by("date:month"), {date(2021, 3, 1): (8, 3)})

    def test_finance_cannot_run_the_report(self):
        with self.assertRaises(AccessError):
            self._values(user=self.finance)
        with self.assertRaises(AccessError):
            self.env["job_coaching.activity.report.wizard"].with_user(self.finance).create(
                {"date_from": MARCH[0], "date_to": MARCH[1]}
            )

    def test_targets_dashboard(self):
        targets = self.env["job_coaching.target"].with_user(self.coordinator).search([])
        progress = {t.name: (t.current_value, round(t.progress, 1)) for t in targets}
        # over 2021 in the zone: P1, P3, P5 (P2 lives outside); into work among
        # residents of a zone: P1's art. 60 start (P2's exit to a job is outside)
        self.assertEqual(progress, {"Accompanied": (3, 3.0), "Into a job": (1, 10.0)})

    def _wizard(self, user):
        with Form(self.env["job_coaching.activity.report.wizard"].with_user(user)) as form:
            form.date_from = "2021-03-01"
            form.date_to = "2021-03-31"
            form.zone_id = self.env["job_coaching.zone"]  # every person
        return form.save()

    def test_workbook(self):
        content = self._wizard(self.coordinator)._get_xlsx()
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        self.assertEqual(
            workbook.sheetnames,
            [
                "Summary",
                "Targets",
                "Months",
                "Zone",
                "Age",
                "CPAS Status",
                "Referral Channels",
                "Referrals Out",
                "Art. 60",
                "Youth",
                "Feedback",
                "Outlook",
            ],
        )
        summary = workbook["Summary"]
        numbers = {row[0]: row[1] for row in summary.iter_rows(min_row=6, values_only=True)}
        self.assertEqual(
            numbers,
            {
                "People accompanied": 4,
                "New files": 2,
                "Sessions done": 8,
                "No-shows": 3,
                "Appointment requests": 2,
                "Workshop sessions held": 2,
                "Workshop attendances": 3,
                "Workshop attendees": 2,
                "Presences at neighbourhood events": 0,
                "Hours present at neighbourhood events": 0,
                "People spoken to at neighbourhood events": 0,
                "Files opened for people met at events": 0,
                "Training actions started": 2,
                "Art. 60 contracts started": 1,
                "Art. 60 contracts running": 2,
                "Art. 60 contracts ended": 1,
                "Exits into a job": 1,
                "People into work": 2,
                "Into work: Art. 60 contract started": 1,
                "Into work: Hired through an application": 0,
                "Into work: Left for a job": 1,
                "People leaving for a training": 0,
                "Still employed at +3 months": 1,
                "Still employed at +6 months": 1,
                "People referred out": 0,
                "Feedback received": 4,
            },
        )
        self.assertEqual(summary["B2"].value.date().isoformat(), "2021-03-01")
        self.assertEqual(summary["B6"].number_format, "0")

        def table(name):
            rows = list(workbook[name].iter_rows(values_only=True))
            return {row[0]: list(row[1:]) for row in rows[1:]}

        self.assertEqual(
            table("Zone"),
            {"Lives in the zone": [3, 2, 7, 3, 2, 3, 0], "Outside the zone": [1, 0, 1, 0, 0, 0, 1]},
        )
        self.assertEqual(
            table("Age"),
            {
                "18-25": [2, 1, 6, 1, 1, 2, 0],
                "26-35": [1, 1, 1, 1, 0, 1, 0],
                "36-49": [1, 0, 1, 0, 0, 0, 1],
                "50+": [0, 0, 0, 1, 1, 0, 0],
            },
        )
        self.assertEqual(
            table("CPAS Status"),
            {
                "Integration income (RIS)": [1, 1, 5, 1, 1, 2, 0],
                "Equivalent social aid": [1, 1, 1, 1, 0, 1, 0],
                "Known to the CPAS, without aid": [1, 0, 1, 0, 0, 0, 1],
                "Unknown to the CPAS": [1, 0, 1, 1, 1, 0, 0],
            },
        )
        self.assertEqual(
            table("Referral Channels"),
            {
                "Channel A": [2, 1, 6, 1, 1, 2, 0],
                "Channel B": [1, 0, 1, 0, 0, 0, 1],
                "Not set": [1, 1, 1, 2, 1, 1, 0],
            },
        )
        self.assertEqual(table("Art. 60"), {"Hired by the user employer": [1]})
        self.assertEqual(
            table("Targets"), {"Accompanied": [100, 3, 3.0], "Into a job": [10, 1, 10.0]}
        )
        self.assertEqual(
            table("Youth"),
            {
                "Young people reviewed": [2],
                "Young people re-motivated": [1],
                "Motivation, first review": [2.5],
                "Motivation, latest review": [3.5],
                "Self-confidence, first review": [2.5],
                "Self-confidence, latest review": [2.5],
            },
        )
        feedback = [row for row in workbook["Feedback"].iter_rows(values_only=True) if any(row)]
        self.assertEqual(
            [row[:4] for row in feedback],
            [
                ("Source", "Feedback", "Rated", "Average rating (/ 5)"),
                ("Partner organisation", 2, 2, 4.0),
                ("Employer", 2, 2, 4.5),
                ("Art. 60 user employer", 0, 0, None),
                ("Art. 60 tutor", 0, 0, None),
                ("Organisation", "Source", "Date", "Rating"),
            ],
        )

    def test_agent_workbook_covers_their_caseload(self):
        workbook = openpyxl.load_workbook(io.BytesIO(self._wizard(self.agent)._get_xlsx()))
        numbers = {
            row[0]: row[1] for row in workbook["Summary"].iter_rows(min_row=6, values_only=True)
        }
        self.assertEqual(numbers["People accompanied"], 3)
        self.assertEqual(numbers["Sessions done"], 7)

    def test_pdf_renders_in_the_users_language(self):
        """In the reader's language: the template's own strings (the heading, a
        label), a selection's labels, a record's translated name, the numbers'
        decimal separator, and the refusals of the report's form."""
        Lang = self.env["res.lang"]
        Lang._activate_lang("fr_BE")
        self.env["job_coaching.target"].search([("name", "=", "Accompanied")]).with_context(
            lang="fr_BE"
        ).name = "Objectif : accompagner (FR)"
        # (code, heading of the template, a label of the template, a status,
        #  the refusal of a period that ends before it starts)
        expected = {
            "en_US": (
                "<h2>Activity Report</h2>",
                "<strong>Difficulties</strong>",
                "Integration income (RIS)",
                "The period ends before it starts: set its end after 03/01/2021.",
            ),
            "fr_BE": (
                "<h2>Rapport d'activités</h2>",
                "<strong>Difficultés</strong>",
                "Revenu d&#39;intégration (RIS)",
                "La période se termine avant de commencer : indiquez une fin après le 01/03/2021.",
            ),
            "nl_BE": (
                "<h2>Activiteitenverslag</h2>",
                "<strong>Moeilijkheden</strong>",
                "Leefloon",
                "De periode eindigt vóór de start: geef een einde na 01-03-2021 op.",
            ),
        }
        rendered = {}
        for code, (heading, label, status, refusal) in expected.items():
            Lang._activate_lang(code)
            self.env["ir.module.module"].search(
                [("name", "=", "job_coaching")]
            )._update_translations([code])
            user = new_test_user(
                self.env, login=f"jc_coord_{code}", groups=MANAGER_GROUP, lang=code
            )
            wizard = self._wizard(user)
            wizard.difficulties = "Few rooms"
            html, _format = (
                self.env["ir.actions.report"]
                .with_user(user)
                ._render_qweb_html("job_coaching.report_activity", wizard.ids)
            )
            rendered[code] = html.decode()
            for text in (heading, label, status):
                self.assertIn(text, rendered[code], code)
            with self.assertRefused(ValidationError, re.escape(refusal)):
                wizard.with_user(user).with_context(lang=code).write({"date_to": "2021-02-28"})
        for code in ("fr_BE", "nl_BE"):
            for text in expected["en_US"][:3]:
                self.assertNotIn(text, rendered[code], code)
        # the target's name in the reader's language, once
        self.assertIn("Objectif : accompagner (FR)", rendered["fr_BE"])
        self.assertNotIn("Objectif : accompagner (FR)", rendered["en_US"])
        # decimals with the reader's separator: 4.5 / 5 for the employers' ratings
        self.assertIn("4,50", rendered["fr_BE"])
        self.assertIn("4,50", rendered["nl_BE"])
        self.assertIn("4.50", rendered["en_US"])
        self.assertIn("Activity Report", rendered["en_US"])
        self.assertIn("Partner organisation", rendered["en_US"])

    def test_query_count_does_not_grow_with_people(self):
        Report = self.env["report.job_coaching.activity"].with_user(self.coordinator)

        def queries(count, day):
            people = self.Beneficiary.create(
                [
                    self._beneficiary_vals(
                        first_name=f"Crowd {day} {index}",
                        user_id=self.agent.id,
                        intake_date=f"2021-05-{day:02d}",
                    )
                    for index in range(count)
                ]
            )
            self.env["job_coaching.session"].create(
                [
                    {
                        "beneficiary_id": person.id,
                        "user_id": self.agent.id,
                        "start": f"2021-05-{day:02d} {index:02d}:00:00",
                        "stop": f"2021-05-{day:02d} {index:02d}:30:00",
                        "state": "done",
                    }
                    for index, person in enumerate(people)
                ]
            )
            self.env.invalidate_all()
            period = (f"2021-05-{day:02d}", f"2021-05-{day:02d}")
            Report._get_activity_values(*period)
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            values = Report._get_activity_values(*period)
            self.assertEqual(values["accompanied"], count)
            return self.cr.sql_log_count - before

        self.assertEqual(queries(2, 4), queries(10, 5))
