# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io

import openpyxl
from freezegun import freeze_time
from lxml import etree

from odoo.exceptions import AccessError
from odoo.tests import Form, tagged
from odoo.tools import file_open

from .common_employment import EmploymentCase

JUNE = ("2022-06-01", "2022-06-30")
OUTSIDE = {"street": "Avenue Louise 100", "zip": "1050", "city": "Ixelles"}


@tagged("post_install", "-at_install")
@freeze_time("2022-07-15 12:00:00")
class TestReportingTargets(EmploymentCase):
    """One definition of "the people of the zone" and of "into work" for the
    dashboard, the report's numbers, the PDF and the workbook, on June 2022:

    - A (zone): sessions; an art. 60 contract started on 1 June and an exit
      to a job on 25 June: into work once, by two routes;
    - B (zone): a session; hired through an application on 15 June;
    - C (outside the zone): a session; left for a job on 5 June;
    - D (zone): left for a training on 7 June; no session;
    - E (zone): hired on 20 May, before the period;
    - F (zone): a file opened on 10 June after a visit at office hours.

    People accompanied: A, B, C (3); of the zone: A, B (2). Into work: A, B,
    C (3) — art. 60 start 1 (A), hire 1 (B), exit to a job 2 (A, C); of the
    zone: A, B (2). Leaving for a training: D (1).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time("2022-07-15 12:00:00"):
            cls._build_dataset()

    @classmethod
    def _build_dataset(cls):
        cls.env["job_coaching.target"].search([]).unlink()
        create = cls._create_beneficiary
        cls.a = create(first_name="Alpha", intake_date="2022-05-02")
        cls.b = create(first_name="Bravo", intake_date="2022-05-02")
        cls.c = create(first_name="Charlie", intake_date="2022-05-02", **OUTSIDE)
        cls.d = create(first_name="Delta", intake_date="2022-05-02")
        cls.e = create(first_name="Echo", intake_date="2022-05-02")
        assert (cls.a | cls.b | cls.d | cls.e).zone_id == cls.zone and not cls.c.zone_id
        cls.env["job_coaching.session"].create(
            [
                {
                    "beneficiary_id": person.id,
                    "user_id": cls.agent.id,
                    "start": f"2022-06-{day:02d} 08:00:00",
                    "stop": f"2022-06-{day:02d} 09:00:00",
                    "kind": "follow_up",
                    "state": "done",
                }
                for person, day in ((cls.a, 2), (cls.a, 9), (cls.b, 3), (cls.c, 6))
            ]
        )
        cls._create_contract(cls.a, date_start="2022-06-01").state = "running"
        vacancy = cls._create_vacancy(positions=2, contract_type="open_ended")
        cls.Application.create(
            [
                {
                    "vacancy_id": vacancy.id,
                    "beneficiary_id": person.id,
                    "state": "hired",
                    "date_sent": "2022-05-01",
                    "date_hired": day,
                }
                for person, day in ((cls.b, "2022-06-15"), (cls.e, "2022-05-20"))
            ]
        )
        cls.Exit.create(
            [
                {
                    "beneficiary_id": cls.a.id,
                    "reason": "job",
                    "contract_type": "open_ended",
                    "date": "2022-06-25",
                },
                {
                    "beneficiary_id": cls.c.id,
                    "reason": "job",
                    "contract_type": "fixed_term",
                    "date": "2022-06-05",
                },
                {"beneficiary_id": cls.d.id, "reason": "training", "date": "2022-06-07"},
            ]
        )
        # Office hours in June: three held, one planned, one cancelled. Visits:
        # D (file opened in May), two anonymous walk-ins, F whose file was
        # opened after the visit.
        cls.f = create(first_name="Foxtrot", intake_date="2022-06-10")
        place = cls.env["res.partner"].create(
            {"name": "Maison de quartier", "is_job_coaching_partner": True}
        )
        OfficeHours = cls.env["job_coaching.office.hours"]
        held = OfficeHours.create(
            [
                {
                    "date": day,
                    "half_day": "morning",
                    "place_id": place.id,
                    "zone_id": cls.zone.id,
                    "user_id": cls.agent.id,
                    "state": state,
                }
                for day, state in (
                    ("2022-06-01", "done"),
                    ("2022-06-08", "done"),
                    ("2022-06-15", "done"),
                    ("2022-06-22", "cancelled"),
                    ("2022-06-29", "planned"),
                )
            ]
        )
        cls.env["job_coaching.office.hours.visit"].create(
            [
                {"office_hours_id": held[0].id, "beneficiary_id": cls.d.id},
                {"office_hours_id": held[0].id, "visitor_name": "Walk-in one"},
                {"office_hours_id": held[0].id, "visitor_name": "Walk-in two"},
                {"office_hours_id": held[1].id, "beneficiary_id": cls.f.id},
                {"office_hours_id": held[3].id, "visitor_name": "Never came"},
            ]
        )
        funder = cls.env["res.partner"].create({"name": "Test Region", "is_company": True})
        cls.subsidy = cls.env["job_coaching.subsidy"].create(
            {
                "name": "Test - Job Coaching",
                "funder_id": funder.id,
                "date_start": "2018-01-01",
                "date_end": "2022-12-31",
            }
        )
        Target = cls.env["job_coaching.target"]
        cls.target_accompanied, cls.target_work, cls.target_any_zone = Target.create(
            [
                {
                    "name": "People of the zone accompanied",
                    "sequence": 1,
                    "kind": "accompanied",
                    "value": 10,
                    "date_from": JUNE[0],
                    "date_to": JUNE[1],
                    "zone_id": cls.zone.id,
                    "subsidy_id": cls.subsidy.id,
                },
                {
                    "name": "People of the zone into work",
                    "sequence": 2,
                    "kind": "into_job",
                    "value": 4,
                    "date_from": JUNE[0],
                    "date_to": JUNE[1],
                    "zone_id": cls.zone.id,
                },
                {
                    "name": "Into work, any zone",
                    "sequence": 3,
                    "kind": "into_job",
                    "value": 5,
                    "date_from": JUNE[0],
                    "date_to": JUNE[1],
                },
            ]
        )

    def _values(self, **kwargs):
        Report = self.env["report.job_coaching.activity"].with_user(self.coordinator)
        return Report._get_activity_values(*JUNE, **kwargs)

    def _wizard(self, **values):
        with Form(self.env["job_coaching.activity.report.wizard"].with_user(self.coordinator)) as f:
            f.date_from, f.date_to = (
                values.pop("date_from", JUNE[0]),
                values.pop("date_to", JUNE[1]),
            )
            for name, value in values.items():
                setattr(f, name, value)
        return f.save()

    def test_people_into_work_once_with_their_route(self):
        values = self._values(zone_id=False)
        self.assertEqual(values["accompanied"], 3)
        self.assertEqual(values["into_job"], 3)  # A once for two routes, B, C
        self.assertEqual(
            {row["key"]: row["people"] for row in values["into_work"]},
            {"art60": 1, "hired": 1, "exit_job": 2},
        )
        self.assertEqual(values["into_training"], 1)
        self.assertEqual(values["totals"]["art60_started"], 1)
        self.assertEqual(values["totals"]["application_hired"], 1)
        self.assertEqual(values["totals"]["exit_to_job"], 2)
        self.assertEqual(values["totals"]["exit_to_training"], 1)
        zone = self._values(zone_id=self.zone.id)
        self.assertEqual((zone["accompanied"], zone["into_job"]), (2, 2))

    def test_report_and_dashboard_count_the_same_people_of_the_zone(self):
        expected = {
            "People of the zone accompanied": (10, 2, 20.0),  # A, B; not C (outside)
            "People of the zone into work": (4, 2, 50.0),  # A, B; not C
            "Into work, any zone": (5, 2, 40.0),  # residents of a zone only
        }
        for zone_id in (False, self.zone.id):
            values = self._values(zone_id=zone_id)
            self.assertEqual(
                {t["name"]: (t["target"], t["current"], t["percent"]) for t in values["targets"]},
                expected,
            )
        targets = self.env["job_coaching.target"].with_user(self.coordinator).search([])
        self.assertEqual(
            {t.name: (t.value, t.current_value, round(t.progress, 1)) for t in targets},
            expected,
        )

    def test_wizard_defaults_to_the_projects_zone(self):
        wizard = self._wizard()
        self.assertEqual(wizard.zone_id, self.zone)
        html, _format = (
            self.env["ir.actions.report"]
            .with_user(self.coordinator)
            ._render_qweb_html("job_coaching.report_activity", wizard.ids)
        )
        html = html.decode()
        self.assertIn("Test zone", html)
        self.assertIn("Test Region", html)  # the funder of the targets' subsidy
        # one row per target, expected and reached side by side
        table = etree.fromstring(html, etree.HTMLParser()).xpath(
            "//table[contains(@class, 'o_activity_targets')]/tbody/tr"
        )
        self.assertEqual(
            [[" ".join(td.xpath("string()").split()) for td in row.xpath("td")] for row in table],
            [
                ["People of the zone accompanied (Test zone)", "10", "2", "20.0", ""],
                ["People of the zone into work (Test zone)", "4", "2", "50.0", ""],
                ["Into work, any zone", "5", "2", "40.0", ""],
            ],
        )
        workbook = openpyxl.load_workbook(io.BytesIO(wizard._get_xlsx()))
        summary = workbook["Summary"]
        self.assertEqual((summary["A4"].value, summary["B4"].value), ("Zone", "Test zone"))
        numbers = {row[0]: row[1] for row in summary.iter_rows(min_row=6, values_only=True)}
        self.assertEqual(numbers["People accompanied"], 2)
        self.assertEqual(numbers["People into work"], 2)
        everyone = openpyxl.load_workbook(
            io.BytesIO(self._wizard(zone_id=self.env["job_coaching.zone"])._get_xlsx())
        )["Summary"]
        self.assertEqual(everyone["B4"].value, "All zones")
        numbers = {row[0]: row[1] for row in everyone.iter_rows(min_row=6, values_only=True)}
        self.assertEqual(
            {key: value for key, value in numbers.items() if "work" in key or "training" in key},
            {
                "People into work": 3,
                "Into work: Art. 60 contract started": 1,
                "Into work: Hired through an application": 1,
                "Into work: Left for a job": 2,
                "People leaving for a training": 1,
            },
        )
        targets = {
            row[0]: list(row[1:])
            for row in list(workbook["Targets"].iter_rows(values_only=True))[1:]
        }
        self.assertEqual(
            targets,
            {
                "People of the zone accompanied": [10, 2, 20.0],
                "People of the zone into work": [4, 2, 50.0],
                "Into work, any zone": [5, 2, 40.0],
            },
        )

    def test_office_hours_against_two_half_days_a_week(self):
        values = self._values(zone_id=self.zone.id)
        # June: 30 days, 30 / 7 weeks; 2 half-days a week planned = 8.57 -> 9
        self.assertEqual(values["office_hours_held"], 3)
        self.assertEqual(values["office_hours_planned"], 9)
        self.assertEqual(values["office_hours_per_week"], 0.7)  # 3 / (30 / 7)
        self.assertEqual(values["office_hours_visits"], 4)  # not the cancelled one's
        self.assertEqual(values["office_hours_walk_ins"], 2)
        self.assertEqual(values["office_hours_new_files"], 1)  # F, not D

    def test_the_demo_holds_the_targets_of_mag_03(self):
        """The demo (read from its file, never from the database) holds the
        targets of MAG 03: 100 accompanied, 10 into work, 30 young people
        re-motivated, in the Magritte zone, for the MAG 03 subsidy."""
        with file_open("job_coaching/demo/job_coaching_reporting_demo.xml", "rb") as handle:
            tree = etree.parse(handle)
        targets = {
            node.findtext("field[@name='kind']"): (
                int(node.findtext("field[@name='value']")),
                node.find("field[@name='zone_id']").get("ref"),
                node.find("field[@name='subsidy_id']").get("ref"),
            )
            for node in tree.iterfind("//record[@model='job_coaching.target']")
        }
        self.assertEqual(
            targets,
            {
                "accompanied": (100, "zone_magritte", "subsidy_mag03"),
                "into_job": (10, "zone_magritte", "subsidy_mag03"),
                "youth_remotivated": (30, "zone_magritte", "subsidy_mag03"),
            },
        )

    def test_difficulties_and_outlook_kept_per_period(self):
        wizard = self._wizard(difficulties="Few rooms in the zone", outlook="A second room")
        wizard.action_print_pdf()
        again = self._wizard()
        self.assertEqual(
            (again.difficulties, again.outlook), ("Few rooms in the zone", "A second room")
        )
        html, _format = (
            self.env["ir.actions.report"]
            .with_user(self.coordinator)
            ._render_qweb_html("job_coaching.report_activity", again.ids)
        )
        self.assertIn("Few rooms in the zone", html.decode())
        outlook = openpyxl.load_workbook(io.BytesIO(again._get_xlsx()))["Outlook"]
        self.assertEqual(
            [[cell.value for cell in row] for row in outlook.iter_rows()],
            [["Difficulties", "Few rooms in the zone"], ["Outlook", "A second room"]],
        )
        # another period starts blank
        other = self._wizard(date_from="2022-05-01", date_to="2022-05-31")
        self.assertFalse(other.difficulties)
        # an agent reads the text but may not rewrite it
        with Form(self.env["job_coaching.activity.report.wizard"].with_user(self.agent)) as form:
            form.date_from, form.date_to = JUNE
        agents = form.save()
        self.assertEqual(agents.difficulties, "Few rooms in the zone")
        # the agent's print heads with the funder too, though they read no subsidy
        html, _format = (
            self.env["ir.actions.report"]
            .with_user(self.agent)
            ._render_qweb_html("job_coaching.report_activity", agents.ids)
        )
        self.assertIn("Test Region", html.decode())
        agents.difficulties = "Nothing went wrong"
        with self.assertRaises(AccessError):
            agents.action_print_pdf()
        note = self.env["job_coaching.activity.note"].search([])
        self.assertEqual(note.difficulties, "Few rooms in the zone")
