# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

import psycopg2
from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import JobCoachingCase
from .common_employment import EmploymentCase

OUTSIDE = {"street": "Avenue Louise 100", "zip": "1050", "city": "Ixelles"}
# Far from today: the demo data, relative to today, never falls in it.
YEAR_2019 = ("2019-01-01", "2019-12-31")
BEFORE_THE_MOVES = ("2020-01-01", "2020-03-15")
AFTER_THE_MOVES = ("2020-03-16", "2020-12-31")


def periods_of(person):
    """(from, until, street, in zone, status) of the person's periods, oldest first."""
    return [
        (str(p.date_from), p.date_to and str(p.date_to), p.street, p.in_zone, p.cpas_status)
        for p in person.situation_ids.sorted("date_from")
    ]


@tagged("post_install", "-at_install")
@freeze_time("2026-03-16 10:00:00")
class TestResidenceHistory(JobCoachingCase):
    """A file keeps where the person lived and on what, period by period; the
    file shows its latest period."""

    def _person(self, **vals):
        return self._create_beneficiary(intake_date="2025-09-01", **vals).with_user(self.agent)

    def test_a_new_file_begins_its_first_period_on_the_intake_day(self):
        person = self._person()
        self.assertEqual(
            periods_of(person), [("2025-09-01", False, "Rue Esseghem 10", True, "ris")]
        )
        self.assertEqual(person.situation_ids.zone_id, self.zone)
        planned = self._create_beneficiary(first_name="Planned", intake_date="2026-04-01")
        self.assertEqual(periods_of(planned)[0][0], "2026-03-16", "not after today")

    def test_a_move_begins_a_period_on_the_day_of_the_change(self):
        person = self._person()
        person.write(OUTSIDE)
        self.assertEqual(
            periods_of(person),
            [
                ("2025-09-01", "2026-03-15", "Rue Esseghem 10", True, "ris"),
                ("2026-03-16", False, "Avenue Louise 100", False, "ris"),
            ],
        )
        note = person.message_ids.filtered(lambda m: "Avenue Louise 100" in (m.body or ""))
        self.assertEqual(len(note), 1, "the move is in the file's chatter")
        self.assertIn("2026-03-16", note.body)
        # The same day, a change of status corrects the new period.
        person.cpas_status = "unemployment_excluded"
        self.assertEqual(
            periods_of(person)[1],
            ("2026-03-16", False, "Avenue Louise 100", False, "unemployment_excluded"),
        )
        # Values that do not change begin nothing.
        person.write({"street": "Avenue Louise 100", "phone": "0470 12 34 56"})
        self.assertEqual(len(person.situation_ids), 2)

    def test_the_agent_corrects_the_day_of_the_move(self):
        person = self._person()
        person.write(OUTSIDE)
        with Form(person) as form:
            starts = [str(vals["date_from"]) for vals in form.situation_ids._records]
            with form.situation_ids.edit(starts.index("2026-03-16")) as line:
                line.date_from = date(2026, 3, 2)
        self.assertEqual(
            [period[:3] for period in periods_of(person)],
            [
                ("2025-09-01", "2026-03-01", "Rue Esseghem 10"),
                ("2026-03-02", False, "Avenue Louise 100"),
            ],
        )

    def test_a_period_recorded_by_hand_moves_the_file(self):
        person = self._person()
        Situation = self.env["job_coaching.situation"].with_user(self.agent)
        Situation.create(
            {
                "beneficiary_id": person.id,
                "date_from": "2026-02-02",
                "street": "Rue Dansaert 12",
                "zip": "1000",
                "city": "Bruxelles",
                "cpas_status": "unemployment_excluded",
            }
        )
        self.assertEqual(
            (person.street, person.zip, person.cpas_status, person.in_zone),
            ("Rue Dansaert 12", "1000", "unemployment_excluded", False),
            "the file shows its latest period",
        )
        # An earlier period, recorded afterwards, leaves the file as it is.
        Situation.create(
            {
                "beneficiary_id": person.id,
                "date_from": "2025-12-01",
                "street": "Rue Jules Lahaye 5",
                "zip": "1090",
                "city": "Jette",
                "cpas_status": "ris",
            }
        )
        self.assertEqual(person.street, "Rue Dansaert 12")
        self.assertEqual(
            periods_of(person),
            [
                ("2025-09-01", "2025-11-30", "Rue Esseghem 10", True, "ris"),
                ("2025-12-01", "2026-02-01", "Rue Jules Lahaye 5", True, "ris"),
                ("2026-02-02", False, "Rue Dansaert 12", False, "unemployment_excluded"),
            ],
        )
        # A coordinator removes the latest period: the file goes back.
        latest = person.situation_ids.filtered(lambda p: not p.date_to)
        latest.with_user(self.coordinator).unlink()
        self.assertEqual((person.street, person.cpas_status), ("Rue Jules Lahaye 5", "ris"))
        self.assertEqual(periods_of(person)[-1][:2], ("2025-12-01", False))
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_model"):
            person.situation_ids[0].unlink()

    def test_what_a_period_refuses(self):
        person = self._person()
        period = person.situation_ids
        for name, value in (("zone_id", False), ("in_zone", False), ("date_to", "2026-01-01")):
            with (
                self.subTest(field=name),
                self.assertRefused(AccessError, "set by the application"),
            ):
                period.write({name: value})
        with (
            self.assertRaises(psycopg2.IntegrityError),
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            self.env["job_coaching.situation"].with_user(self.agent).create(
                {"beneficiary_id": person.id, "date_from": "2025-09-01", "cpas_status": "ris"}
            )
        with self.assertRefused(ValidationError, "after today"), self.cr.savepoint():
            period.date_from = "2026-03-17"

    def test_an_anonymised_file_keeps_where_and_on_what_the_person_lived(self):
        person = self._person()
        person.write(OUTSIDE)
        with freeze_time("2026-06-22 10:00:00"):
            person.with_user(self.coordinator)._anonymise("person", "Letter of 20 June 2026")
        self.assertEqual(
            periods_of(person),
            [
                ("2025-09-01", "2026-03-15", False, True, "ris"),
                ("2026-03-16", False, False, False, "ris"),
            ],
            "the texts are cleared, the periods stay as they were",
        )
        self.assertEqual((person.zip, person.city), ("1050", "Ixelles"), "kept by the erasure")

    def test_a_file_created_by_mistake_goes_with_its_period(self):
        person = self._person(first_name="Mistake")
        period = person.situation_ids
        self.assertTrue(period)
        person.with_user(self.coordinator).unlink()
        self.assertFalse(period.exists())

    def test_the_access_request_and_the_file_show_the_periods(self):
        person = self._person()
        person.write(OUTSIDE)
        sections = person.with_user(self.coordinator)._access_request_data()
        [section] = [s for s in sections if s["model"] == "job_coaching.situation"]
        self.assertEqual(len(section["records"]), 2)
        values = [value for record in section["records"] for _label, value in record]
        self.assertIn("Rue Esseghem 10", values)
        self.assertIn("Avenue Louise 100", values)
        html = (
            self.env["ir.actions.report"]
            .with_user(self.agent)
            ._render_qweb_html("job_coaching.report_beneficiary_file", person.ids)[0]
            .decode()
        )
        self.assertIn("Residence and status over time", html)
        self.assertIn("Rue Esseghem 10", html)
        self.assertIn("Avenue Louise 100", html)


@tagged("post_install", "-at_install")
@freeze_time("2021-01-15 12:00:00")
class TestResidenceAtTheTime(EmploymentCase):
    """The reports count each event with the person's residence and status of
    its day. Three people of the zone, files opened on 3 February 2019:

    - Mover (RIS) moves out of the zone on 16 March 2020; sessions on
      10 March and 6 October 2019, 9 February and 13 April 2020; an art. 60
      contract from 2 June 2019; workshops on 5 November 2019 and 6 May 2020.
    - Status (excluded from unemployment benefits) lives in the zone all
      along and gets the integration income (RIS) on 16 March 2020; sessions
      on 5 May 2019, 16 February and 20 April 2020.
    - Stayer (RIS) changes nothing; sessions on 2 June 2019 and 27 April 2020.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["job_coaching.target"].search([]).unlink()
        with freeze_time("2019-02-03 09:00:00"):
            create = cls._create_beneficiary
            cls.mover = create(first_name="Mover", street="Rue Esseghem 10")
            cls.status = create(
                first_name="Status", street="Rue Esseghem 12", cpas_status="unemployment_excluded"
            )
            cls.stayer = create(first_name="Stayer", street="Rue Esseghem 14")
        with freeze_time("2020-03-16 09:00:00"):
            cls.mover.write(OUTSIDE)
            cls.status.cpas_status = "ris"
        cls.env["job_coaching.session"].create(
            [
                {
                    "beneficiary_id": person.id,
                    "user_id": cls.agent.id,
                    "start": f"{day} 08:00:00",
                    "stop": f"{day} 09:00:00",
                    "kind": "follow_up",
                    "state": "done",
                }
                for person, day in (
                    (cls.mover, "2019-03-10"),
                    (cls.mover, "2019-10-06"),
                    (cls.mover, "2020-02-09"),
                    (cls.mover, "2020-04-13"),
                    (cls.status, "2019-05-05"),
                    (cls.status, "2020-02-16"),
                    (cls.status, "2020-04-20"),
                    (cls.stayer, "2019-06-02"),
                    (cls.stayer, "2020-04-27"),
                )
            ]
        )
        cls._create_contract(cls.mover, date_start="2019-06-02").state = "running"
        workshops = cls.env["job_coaching.workshop"].create(
            [
                {
                    "name": f"CV {day}",
                    "topic": "cv",
                    "start": f"{day} 09:00:00",
                    "stop": f"{day} 11:00:00",
                    "facilitator_id": cls.agent.id,
                }
                for day in ("2019-11-05", "2020-05-06")
            ]
        )
        cls.env["job_coaching.workshop.registration"].create(
            [{"workshop_id": w.id, "beneficiary_id": cls.mover.id} for w in workshops]
        ).write({"attendance": "attended"})

    def _values(self, period, zone=None):
        return self.env["report.job_coaching.activity"]._get_activity_values(
            *period, zone_id=zone and zone.id, user_ids=self.agent.ids
        )

    def _rows(self, rows):
        return {row["key"]: (row["accompanied"], row["session_done"]) for row in rows}

    def test_the_history_is_as_recorded(self):
        self.assertEqual(
            [(p[0], p[1], p[3], p[4]) for p in periods_of(self.mover)],
            [("2019-02-03", "2020-03-15", True, "ris"), ("2020-03-16", False, False, "ris")],
        )
        self.assertEqual(
            [(p[0], p[1], p[3], p[4]) for p in periods_of(self.status)],
            [
                ("2019-02-03", "2020-03-15", True, "unemployment_excluded"),
                ("2020-03-16", False, True, "ris"),
            ],
        )

    def test_last_year_counts_the_person_who_moved_out_in_the_zone(self):
        values = self._values(YEAR_2019)
        # (people accompanied, sessions done): everybody lived in the zone in
        # 2019, 2 + 1 + 1 sessions; RIS: Mover and Stayer, 3 sessions; excluded
        # from unemployment benefits: Status, 1 session.
        self.assertEqual(self._rows(values["zone"]), {True: (3, 4)})
        self.assertEqual(
            self._rows(values["cpas_status"]), {"ris": (2, 3), "unemployment_excluded": (1, 1)}
        )
        zone = self._values(YEAR_2019, self.zone)
        self.assertEqual(zone["accompanied"], 3)
        self.assertEqual(zone["totals"]["session_done"], 4)
        # Mover's art. 60 contract (from 2 June 2019) and workshop (5 November).
        self.assertEqual((zone["totals"]["art60_started"], zone["into_job"]), (1, 1))
        self.assertEqual(zone["art60_running"], 1)
        self.assertEqual(zone["workshops_held"], 1)

    def test_before_the_moves_this_year(self):
        values = self._values(BEFORE_THE_MOVES)
        # Mover on 9 February and Status on 16 February, both in the zone;
        # Mover with the RIS, Status still excluded.
        self.assertEqual(self._rows(values["zone"]), {True: (2, 2)})
        self.assertEqual(
            self._rows(values["cpas_status"]), {"ris": (1, 1), "unemployment_excluded": (1, 1)}
        )

    def test_after_the_moves_the_person_counts_outside(self):
        values = self._values(AFTER_THE_MOVES)
        # In the zone: Status (20 April) and Stayer (27 April); outside: Mover
        # (13 April). Everybody on the RIS.
        self.assertEqual(self._rows(values["zone"]), {True: (2, 2), False: (1, 1)})
        self.assertEqual(self._rows(values["cpas_status"]), {"ris": (3, 3)})
        zone = self._values(AFTER_THE_MOVES, self.zone)
        self.assertEqual(zone["accompanied"], 2)
        # Mover's contract runs on, Mover's workshop of 6 May: outside the zone.
        self.assertEqual(zone["art60_running"], 0)
        self.assertEqual(zone["workshops_held"], 0)

    def test_the_analysis_rows_carry_the_situation_of_their_day(self):
        rows = self.env["job_coaching.activity.report"].search_read(
            [("beneficiary_id", "=", self.mover.id), ("session_done", "=", 1)],
            ["date", "in_zone", "zone_id", "cpas_status"],
            order="date",
        )
        self.assertEqual(
            [(str(r["date"]), r["in_zone"], bool(r["zone_id"])) for r in rows],
            [
                ("2019-03-10", True, True),
                ("2019-10-06", True, True),
                ("2020-02-09", True, True),
                ("2020-04-13", False, False),
            ],
        )

    def test_targets_count_the_people_of_the_zone_of_their_period(self):
        Target = self.env["job_coaching.target"]
        targets = Target.create(
            [
                {
                    "name": name,
                    "kind": "accompanied",
                    "value": 10,
                    "date_from": start,
                    "date_to": end,
                    "zone_id": self.zone.id,
                }
                for name, (start, end) in (("2019", YEAR_2019), ("After", AFTER_THE_MOVES))
            ]
        )
        # 2019: the three people; after the moves: Status and Stayer.
        self.assertEqual(targets.mapped("current_value"), [3, 2])
