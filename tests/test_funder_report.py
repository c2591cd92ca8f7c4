# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io
from datetime import date

import openpyxl
from freezegun import freeze_time
from lxml import etree

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import FINANCE_GROUP, MANAGER_GROUP, USER_GROUP
from .common_employment import EmploymentCase

MARCH = ("2021-03-01", "2021-03-31")
OUTSIDE = {"street": "Avenue Louise 100", "zip": "1050", "city": "Ixelles"}
STREETS = [
    (0, 0, {"name": "Rue Esseghem", "name_nl": "Esseghemstraat"}),
    (0, 0, {"name": "Rue Jules Lahaye", "name_nl": "Jules Lahayestraat"}),
]
# Typed about people on their files: never printed in the funder's report.
PERSONAL = ["Quentin learns fast", "Quentin is kind", "Zorglubius"]


@tagged("post_install", "-at_install")
@freeze_time("2021-04-15 12:00:00")
class TestFunderReport(EmploymentCase):
    """The parts of the funder's report that the project sheet asks for
    beside the numbers of the files: the people referred at the end of their
    pathway, the agents' presences at events of the neighbourhood and the
    feedback of partners, employers, art. 60 user employers and tutors.

    A CPAS of its own (no demo data reaches it) and a known March 2021, with
    records on its first and last day and on each side of it; every number
    is counted by hand in the comments. The CPAS of the other tests holds
    records of its own in the same month that must never count."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time("2021-04-15 12:00:00"):
            cls._build_dataset()

    @classmethod
    def _build_dataset(cls):
        cls.cpas = cls.env["res.company"].create({"name": "CPAS de Test"})
        only = {"company_id": cls.cpas.id, "company_ids": [(6, 0, cls.cpas.ids)]}
        cls.coord = new_test_user(
            cls.env, login="jc_fr_coord", groups=MANAGER_GROUP, name="Coord T", **only
        )
        cls.agent_a = new_test_user(
            cls.env, login="jc_fr_agent_a", groups=USER_GROUP, name="Agent TA", **only
        )
        cls.agent_b = new_test_user(
            cls.env, login="jc_fr_agent_b", groups=USER_GROUP, name="Agent TB", **only
        )
        cls.fin = new_test_user(
            cls.env, login="jc_fr_finance", groups=FINANCE_GROUP, name="Finance T", **only
        )
        env = cls.env(context=dict(cls.env.context, allowed_company_ids=cls.cpas.ids))
        Zone = env["job_coaching.zone"]
        zone_vals = {"company_id": cls.cpas.id, "date_start": "2018-01-01"}
        cls.own_zone = Zone.create(
            {"name": "Own zone", "date_end": "2022-12-31", "street_ids": STREETS, **zone_vals}
        )
        cls.second_zone = Zone.create(
            {"name": "Second zone", "date_end": "2022-12-31", **zone_vals}
        )
        Destination = env["job_coaching.referral.destination"]
        cls.actiris = env.ref("job_coaching.referral_destination_actiris")
        cls.ale = env.ref("job_coaching.referral_destination_ale")
        cls.maison = env.ref("job_coaching.referral_destination_maison_emploi")
        cls.other_org = env.ref("job_coaching.referral_destination_other")
        # The CPAS's own local partner, and another CPAS's (never listed here).
        cls.local = Destination.create({"name": "Mission locale de Test", "sequence": 95})
        cls.foreign_destination = cls.env["job_coaching.referral.destination"].create(
            {"name": "Antenne de l'autre CPAS", "company_id": cls.company.id}
        )

        def person(name, agent, **vals):
            return cls._create_beneficiary(
                first_name=name,
                company_id=cls.cpas.id,
                user_id=agent.id,
                intake_date="2020-06-01",
                **vals,
            )

        cls.r1 = person("Rone", cls.agent_a)
        cls.r2 = person("Rtwo", cls.agent_a)
        cls.r3 = person("Rthree", cls.agent_b)
        cls.r4 = person("Rfour", cls.agent_a)
        cls.r5 = person("Rfive", cls.agent_a)
        cls.r6 = person("Quentin", cls.agent_a, last_name="Zorglubius")
        cls.r7 = person("Rseven", cls.agent_a)
        cls.r8 = person("Reight", cls.agent_a, **OUTSIDE)

        def exit_(who, day, *destinations, reason="other"):
            vals = {"beneficiary_id": who.id, "date": day, "reason": reason}
            if reason == "job":
                vals["contract_type"] = "open_ended"
            vals["referral_destination_ids"] = [(6, 0, [d.id for d in destinations])]
            return vals

        env["job_coaching.exit"].create(
            [
                # R1 twice in March to Actiris (counted once), once to the ALE
                exit_(cls.r1, "2021-03-10", cls.actiris, cls.ale),
                exit_(cls.r1, "2021-03-20", cls.actiris),
                # R2 on the last day, R3 (agent B's) on the first
                exit_(cls.r2, "2021-03-31", cls.actiris, reason="job"),
                exit_(cls.r3, "2021-03-01", cls.local, reason="lost_contact"),
                # R4 the day before the period, R5 the day after
                exit_(cls.r4, "2021-02-28", cls.actiris),
                exit_(cls.r5, "2021-04-01", cls.maison),
                # R7 left without a referral; R8 lives outside the zone
                exit_(cls.r7, "2021-03-12"),
                exit_(cls.r8, "2021-03-15", cls.maison, reason="moved_out"),
            ]
        )

        Presence = env["job_coaching.outreach.presence"]

        def presence(name, agent, day, hours, people, zone=None, **vals):
            return {
                "name": name,
                "user_id": agent.id,
                "date": day,
                "hours": hours,
                "people_reached": people,
                "zone_id": (zone or cls.own_zone).id,
                "company_id": cls.cpas.id,
                **vals,
            }

        Presence.create(
            [
                # agent A, first Saturday: 2 files linked (R1, R2)
                presence(
                    "Neighbourhood party",
                    cls.agent_a,
                    "2021-03-06",
                    4.0,
                    30,
                    beneficiary_ids=[(6, 0, (cls.r1 | cls.r2).ids)],
                ),
                # agent A, last day: one file opened, not linked
                presence("Market", cls.agent_a, "2021-03-31", 2.5, 12, file_count=1),
                # agent B, first day
                presence("General assembly", cls.agent_b, "2021-03-01", 1.5, 8),
                # agent A, in the second zone of the CPAS
                presence("Other square", cls.agent_a, "2021-03-15", 2.0, 5, zone=cls.second_zone),
                # outside the period on each side
                presence("February fair", cls.agent_a, "2021-02-27", 3.0, 10),
                presence("April fair", cls.agent_a, "2021-04-01", 3.0, 10),
            ]
        )

        Feedback = env["job_coaching.partner.feedback"]
        partner = env["res.partner"].create({"name": "Maison de quartier T", "is_company": True})
        employer = env["res.partner"].create(
            {"name": "Resto T", "is_company": True, "is_employer": True}
        )
        cls.f1, cls.f2, cls.f3, cls.f4 = Feedback.create(
            [
                {
                    "partner_id": partner.id,
                    "source": "partner",
                    "date": "2021-03-02",
                    "rating": "4",
                    "comment": "Good cooperation on the referrals",
                    "company_id": cls.cpas.id,
                },
                {
                    "partner_id": employer.id,
                    "source": "user_employer",
                    "date": "2021-03-10",
                    "rating": "5",
                    "comment": "Easy to take on a worker",
                    "company_id": cls.cpas.id,
                },
                {
                    "partner_id": employer.id,
                    "source": "tutor",
                    "contact_name": "Tutor Tineke",
                    "date": "2021-03-20",
                    "comment": "Clear contacts with the coach",
                    "company_id": cls.cpas.id,
                },
                {
                    "partner_id": partner.id,
                    "source": "partner",
                    "date": "2021-04-02",
                    "rating": "1",
                    "company_id": cls.cpas.id,
                },
            ]
        )
        contract = cls._create_contract(
            cls.r6,
            date_start="2021-01-04",
            company_id=cls.cpas.id,
            user_employer_id=employer.id,
            tutor="Tutor Tineke",
        )
        Evaluation = env["job_coaching.art60.evaluation"]

        def evaluation(day, given_by, *scores):
            return {
                "contract_id": contract.id,
                "date": day,
                "given_by": given_by,
                "comments": PERSONAL[0],
                "line_ids": [(5, 0, 0)]
                + [
                    (0, 0, {"criterion_id": criterion.id, "score": score})
                    for criterion, score in zip(cls.criteria, scores, strict=False)
                ],
            }

        cls.evaluations = Evaluation.create(
            [
                evaluation("2021-03-15", "tutor", 4, 2),  # 3.0
                evaluation("2021-03-16", "user_employer", 5, 4),  # 4.5
                evaluation("2021-03-17", "coach", 1, 1),  # the coach's: not feedback
                evaluation("2021-03-18", "tutor"),  # not scored: counted, not rated
                evaluation("2021-02-26", "tutor", 1, 1),  # before the period
            ]
        )
        vacancy = cls._create_vacancy(employer_id=employer.id, company_id=cls.cpas.id)
        env["job_coaching.application"].create(
            {
                "vacancy_id": vacancy.id,
                "beneficiary_id": cls.r7.id,
                "state": "sent",
                "date_sent": "2021-03-05",
                "employer_rating": "3",
                "employer_feedback": PERSONAL[1],
            }
        )
        # The other CPAS's records of the same month: never counted here.
        other_person = cls._create_beneficiary(first_name="Elsewhere")
        cls.env["job_coaching.exit"].create(
            exit_(other_person, "2021-03-10", cls.actiris, cls.foreign_destination)
        )
        cls.env["job_coaching.outreach.presence"].create(
            {
                "name": "Their party",
                "user_id": cls.agent.id,
                "date": "2021-03-10",
                "hours": 5.0,
                "people_reached": 40,
                "zone_id": cls.zone.id,
            }
        )
        cls.env["job_coaching.partner.feedback"].create(
            {"partner_id": partner.id, "date": "2021-03-10", "rating": "1"}
        )

    def _values(self, user=None, date_from=MARCH[0], date_to=MARCH[1], **kwargs):
        Report = self.env["report.job_coaching.activity"].with_user(user or self.coord)
        return Report._get_activity_values(date_from, date_to, **kwargs)

    def _referrals(self, values):
        return {row["label"]: row["people"] for row in values["referrals_out"]}

    def _outreach(self, values):
        return tuple(
            values[key]
            for key in ("outreach_presences", "outreach_hours", "outreach_people", "outreach_files")
        )

    def _sources(self, values):
        return {
            row["key"]: (row["count"], row["rated"], row["average"])
            for row in values["feedback_sources"]
        }

    # ------------------------------------------------------------------
    # The value service
    # ------------------------------------------------------------------

    def test_referrals_out_per_destination_people_once(self):
        values = self._values()
        self.assertEqual(
            self._referrals(values),
            {
                "Actiris antenna": 2,  # R1 (twice), R2
                "Local employment agency (ALE)": 1,  # R1
                "Employment house (Maison de l'Emploi)": 1,  # R8 (not R5 of April)
                "Other organisation": 0,
                "Mission locale de Test": 1,  # R3
            },
        )
        # R1, R2, R3, R8: R1 once though referred three times to two places
        self.assertEqual(values["referred_out"], 4)
        # The order of the destinations' sequence, the CPAS's own last.
        self.assertEqual(
            [row["label"] for row in values["referrals_out"]][-1], "Mission locale de Test"
        )

    def test_referrals_by_zone_and_agent(self):
        self.assertEqual(
            (self.r1.zone_id, self.r8.zone_id), (self.own_zone, self.env["job_coaching.zone"])
        )
        # the zone's people: not R8, who lives outside
        values = self._values(zone_id=self.own_zone.id)
        self.assertEqual(self._referrals(values)["Employment house (Maison de l'Emploi)"], 0)
        self.assertEqual(values["referred_out"], 3)
        # agent B's people: R3
        values = self._values(user_ids=self.agent_b.ids)
        self.assertEqual(values["referred_out"], 1)
        self.assertEqual(self._referrals(values)["Mission locale de Test"], 1)
        # agent A prints their own caseload: R1, R2, R8 (not B's R3)
        values = self._values(user=self.agent_a)
        self.assertEqual(values["referred_out"], 3)
        self.assertEqual(self._referrals(values)["Mission locale de Test"], 0)
        self.assertEqual(self._referrals(values)["Actiris antenna"], 2)

    def test_outreach_presences(self):
        # 4 presences in March: 4 + 2.5 + 1.5 + 2 hours, 30 + 12 + 8 + 5 people,
        # 2 linked + 1 typed files
        self.assertEqual(self._outreach(self._values()), (4, 10.0, 55, 3))
        # in the zone: not the second zone's square
        self.assertEqual(self._outreach(self._values(zone_id=self.own_zone.id)), (3, 8.0, 50, 3))
        # agent B's only, as the coordinator filters them
        self.assertEqual(self._outreach(self._values(user_ids=self.agent_b.ids)), (1, 1.5, 8, 0))
        # agent A prints: their own presences only (not B's assembly)
        self.assertEqual(self._outreach(self._values(user=self.agent_a)), (3, 8.5, 47, 3))

    def test_activity_per_month(self):
        values = self._values(date_from="2021-02-01", date_to="2021-03-31")
        self.assertEqual(
            [(m["month"], m["outreach_presences"], m["referred_out"]) for m in values["months"]],
            # February: the fair of the 27th and R4; March: 4 presences, 4 people
            [(date(2021, 2, 1), 1, 1), (date(2021, 3, 1), 4, 4)],
        )

    def test_feedback_per_source(self):
        values = self._values()
        self.assertEqual(
            self._sources(values),
            {
                "partner": (1, 1, 4.0),  # F1 (not F4 of April)
                "employer": (1, 1, 3.0),  # the rating of R7's application
                "user_employer": (2, 2, 4.75),  # F2 (5) and the evaluation (4.5)
                "tutor": (3, 1, 3.0),  # F3 (no rating), the scored evaluation (3), the blank one
            },
        )
        self.assertEqual(values["feedback_count"], 7)
        # agent B's people hold no evaluation nor application; the partners'
        # feedback is filtered by who collected it (the superuser here)
        self.assertEqual(self._values(user_ids=self.agent_b.ids)["feedback_count"], 0)

    def test_an_evaluation_says_whose_it_is(self):
        evaluation = self.evaluations[0]
        # the tutor's: the contract's tutor by default, a name the agent may change
        self.assertEqual(evaluation.given_by_name, "Tutor Tineke")
        evaluation.with_user(self.agent_a).given_by_name = "Tutor Tom"
        self.assertEqual(evaluation.given_by_name, "Tutor Tom")
        evaluation.with_user(self.agent_a).given_by = "coach"
        self.assertFalse(evaluation.given_by_name)
        # a user employer's only where the contract names one
        internal = self._create_contract(
            self.r1, date_start="2021-01-04", company_id=self.cpas.id, placement="internal"
        )
        internal.user_employer_id = False
        with self.assertRefused(ValidationError, "names no user employer"):
            self.env["job_coaching.art60.evaluation"].with_user(self.agent_a).create(
                {"contract_id": internal.id, "date": "2021-03-01", "given_by": "user_employer"}
            )

    def test_finance_reads_none_of_it(self):
        with self.assertRaises(AccessError):
            self._values(user=self.fin)
        for model in (
            "job_coaching.exit",
            "job_coaching.outreach.presence",
            "job_coaching.referral.destination",
            "job_coaching.art60.evaluation",
        ):
            with self.assertRaises(AccessError), mute_logger("odoo.models"):
                self.env[model].with_user(self.fin).search([])

    # ------------------------------------------------------------------
    # The documents: the same numbers in the workbook and the PDF
    # ------------------------------------------------------------------

    def _wizard(self, user=None, **vals):
        return (
            self.env["job_coaching.activity.report.wizard"]
            .with_user(user or self.coord)
            .create({"date_from": MARCH[0], "date_to": MARCH[1], "zone_id": False, **vals})
        )

    def _quote_two(self):
        wizard = self._wizard(feedback_ids=[(6, 0, (self.f1 | self.f3).ids)])
        wizard.action_print_pdf()  # keeps the choice with the period's note
        return wizard

    def test_workbook(self):
        wizard = self._quote_two()
        workbook = openpyxl.load_workbook(io.BytesIO(wizard._get_xlsx()))
        summary = {
            row[0]: row[1] for row in workbook["Summary"].iter_rows(min_row=6, values_only=True)
        }
        self.assertEqual(
            [
                summary[label]
                for label in (
                    "Presences at neighbourhood events",
                    "Hours present at neighbourhood events",
                    "People spoken to at neighbourhood events",
                    "Files opened for people met at events",
                    "People referred out",
                    "Feedback received",
                )
            ],
            [4, 10, 55, 3, 4, 7],
        )
        referrals = list(workbook["Referrals Out"].iter_rows(values_only=True))
        self.assertEqual(
            referrals,
            [
                ("Referred to", "Organisation", "People"),
                ("Actiris antenna", None, 2),
                ("Local employment agency (ALE)", None, 1),
                ("Employment house (Maison de l'Emploi)", None, 1),
                ("Other organisation", None, 0),
                ("Mission locale de Test", None, 1),
                ("People referred (each once)", None, 4),
            ],
        )
        months = list(workbook["Months"].iter_rows(values_only=True))
        self.assertEqual(months[0][-2:], ("Presences at events", "People referred out"))
        self.assertEqual(months[1][-2:], (4, 4))
        feedback = [row for row in workbook["Feedback"].iter_rows(values_only=True) if any(row)]
        self.assertEqual(
            [row[:4] for row in feedback[:5]],
            [
                ("Source", "Feedback", "Rated", "Average rating (/ 5)"),
                ("Partner organisation", 1, 1, 4),
                ("Employer", 1, 1, 3),
                ("Art. 60 user employer", 2, 2, 4.75),
                ("Art. 60 tutor", 3, 1, 3),
            ],
        )
        self.assertEqual(
            [(row[0], row[1], row[2].date(), row[3], row[4]) for row in feedback[6:]],
            [
                (
                    "Maison de quartier T",
                    "Partner organisation",
                    date(2021, 3, 2),
                    4,
                    "Good cooperation on the referrals",
                ),
                (
                    "Resto T",
                    "Art. 60 tutor",
                    date(2021, 3, 20),
                    None,
                    "Clear contacts with the coach",
                ),
            ],
        )
        texts = {
            str(cell.value)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows()
            for cell in row
            if cell.value
        }
        for secret in [*PERSONAL, "Easy to take on a worker", "Tutor Tineke"]:
            self.assertFalse([t for t in texts if secret in t], secret)

    def _pdf_rows(self, wizard, table_class):
        html, _format = (
            self.env["ir.actions.report"]
            .with_user(self.coord)
            ._render_qweb_html("job_coaching.report_activity", wizard.ids)
        )
        root = etree.fromstring(html, etree.HTMLParser())
        [table] = root.xpath(f"//table[contains(concat(' ', @class, ' '), ' {table_class} ')]")
        return [
            ["".join(cell.itertext()).strip() for cell in row.xpath("./td")]
            for row in table.xpath(".//tbody/tr")
        ], html.decode()

    def test_pdf(self):
        wizard = self._quote_two()
        referrals, html = self._pdf_rows(wizard, "o_activity_referrals")
        self.assertEqual(
            referrals,
            [
                ["Actiris antenna", "", "2"],
                ["Local employment agency (ALE)", "", "1"],
                ["Employment house (Maison de l'Emploi)", "", "1"],
                ["Other organisation", "", "0"],
                ["Mission locale de Test", "", "1"],
                ["People referred", "4"],
            ],
        )
        outreach, _html = self._pdf_rows(wizard, "o_activity_outreach")
        self.assertEqual(
            outreach,
            [
                ["Presences at neighbourhood events", "4"],
                ["hours present", "10.0"],
                ["people spoken to", "55"],
                ["files opened for people met there", "3"],
            ],
        )
        sources, _html = self._pdf_rows(wizard, "o_activity_feedback")
        self.assertEqual(
            sources,
            [
                ["Partner organisation", "1", "1", "4.00"],
                ["Employer", "1", "1", "3.00"],
                ["Art. 60 user employer", "2", "2", "4.75"],
                ["Art. 60 tutor", "3", "1", "3.00"],
            ],
        )
        quoted, _html = self._pdf_rows(wizard, "o_activity_feedback_quoted")
        self.assertEqual(
            [[row[0], row[1], row[3], row[4]] for row in quoted],
            [
                [
                    "Maison de quartier T",
                    "Partner organisation",
                    "4",
                    "Good cooperation on the referrals",
                ],
                ["Resto T", "Art. 60 tutor", "", "Clear contacts with the coach"],
            ],
        )
        # The comments not chosen, the evaluations' and the employers' words
        # about people, the tutor's name: none in the funder's report.
        for secret in [*PERSONAL, "Easy to take on a worker", "Tutor Tineke"]:
            self.assertNotIn(secret, html)

    def test_the_choice_of_quotes_is_the_coordinators(self):
        self._quote_two()
        # the next print of the period finds the same quotes
        self.assertEqual(self._wizard().feedback_ids, self.f1 | self.f3)
        # an agent reads them and may not change them
        wizard = self._wizard(user=self.agent_a)
        self.assertEqual(wizard.feedback_ids, self.f1 | self.f3)
        wizard.feedback_ids = self.f2
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            wizard.action_print_pdf()
        note = self.env["job_coaching.activity.note"].search([("company_id", "=", self.cpas.id)])
        self.assertEqual(note.feedback_ids, self.f1 | self.f3)

    def test_the_other_cpas_counts_its_own(self):
        """The coordinator of the other CPAS sees its one referral, presence
        and feedback of March, none of this CPAS's."""
        values = self._values(user=self.coordinator)
        referrals = self._referrals(values)
        self.assertEqual(values["referred_out"], 1)
        self.assertEqual(referrals["Antenne de l'autre CPAS"], 1)
        self.assertEqual(referrals["Actiris antenna"], 1)
        self.assertNotIn("Mission locale de Test", referrals)
        self.assertEqual(self._outreach(values), (1, 5.0, 40, 0))
        self.assertEqual(self._sources(values)["partner"], (1, 1, 1.0))
        # and this CPAS's coordinator never lists the other's destination
        self.assertNotIn("Antenne de l'autre CPAS", self._referrals(self._values()))
