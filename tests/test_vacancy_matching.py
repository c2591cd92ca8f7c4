# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time
from lxml import etree
from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged, users, warmup
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

from .common_employment import EmploymentCase


@tagged("post_install", "-at_install")
@freeze_time("2026-03-02")
class TestVacancyMatching(EmploymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lang_fr = cls.env.ref("base.lang_fr")
        cls.lang_nl = cls.env.ref("base.lang_nl")
        person = {
            "birth_date": "1980-05-05",
            "lang_ids": [(6, 0, cls.lang_fr.ids)],
            "education_level": "upper_secondary",
            "driving_licence": "b",
        }
        cls.resident = cls._create_beneficiary(first_name="Resident", **person)
        cls.outsider = cls._create_beneficiary(
            first_name="Outsider", street="Rue Neuve 1", zip="1000", city="Bruxelles", **person
        )
        cls.vacancy = cls._create_vacancy(lang_ids=[(6, 0, cls.lang_fr.ids)])

    def _ranking(self, vacancy=None, user=None):
        vacancy = (vacancy or self.vacancy).with_user(user or self.agent)
        lines = vacancy.env["job_coaching.candidate.match"]._rank_candidates(vacancy)
        return {line["beneficiary_id"]: line for line in lines}, [
            line["beneficiary_id"] for line in lines
        ]

    def test_zone_resident_outranks_an_equal_non_resident(self):
        self.assertTrue(self.resident.in_zone)
        self.assertFalse(self.outsider.in_zone)
        lines, order = self._ranking()
        self.assertLess(order.index(self.resident.id), order.index(self.outsider.id))
        self.assertIn("lives in the zone", lines[self.resident.id]["reasons"])
        self.assertIn("lives outside the zone", lines[self.outsider.id]["reasons"])

    def test_zone_comes_before_every_other_criterion(self):
        # The outsider fits everything; the resident misses every requirement.
        vacancy = self._create_vacancy(
            lang_ids=[(6, 0, self.lang_nl.ids)],
            driving_licence_required=True,
            education_level="master",
        )
        self.outsider.write({"lang_ids": [(4, self.lang_nl.id)], "education_level": "master"})
        self.resident.driving_licence = "none"
        self.outsider.stage_id = self.stage_job_search
        _lines, order = self._ranking(vacancy)
        self.assertLess(order.index(self.resident.id), order.index(self.outsider.id))

    def test_requirement_misfit_ranks_lower_and_says_which(self):
        fits = self._create_beneficiary(
            first_name="Fits", birth_date="1980-05-05", lang_ids=[(6, 0, self.lang_fr.ids)]
        )
        misfit = self._create_beneficiary(
            first_name="Misfit", birth_date="1980-05-05", lang_ids=[(6, 0, self.lang_nl.ids)]
        )
        lines, order = self._ranking()
        self.assertLess(order.index(fits.id), order.index(misfit.id))
        self.assertTrue(lines[misfit.id]["requirement_misfit"])
        self.assertIn("does not speak French", lines[misfit.id]["reasons"])
        self.assertIn("meets the requirements", lines[fits.id]["reasons"])

        vacancy = self._create_vacancy(driving_licence_required=True, education_level="bachelor")
        lines, _order = self._ranking(vacancy)
        self.assertIn("no driving licence", lines[misfit.id]["reasons"])
        self.assertIn("education level not recorded", lines[misfit.id]["reasons"])
        self.assertNotIn("driving licence", lines[self.resident.id]["reasons"])
        self.assertIn("education below", lines[self.resident.id]["reasons"])

    def test_language_or_education_not_recorded_is_said_so(self):
        # In the zone, 45 years old, at intake, available: 50 + 100 + 10 = 160
        # before the requirements (a misfit -15, an unknown -5).
        person = {"birth_date": "1980-05-05", "education_level": "upper_secondary"}
        fits = self._create_beneficiary(
            first_name="Fits", lang_ids=[(6, 0, self.lang_fr.ids)], **person
        )
        unrecorded = self._create_beneficiary(first_name="Unrecorded", birth_date="1980-05-05")
        dutch = self._create_beneficiary(
            first_name="Dutch", lang_ids=[(6, 0, self.lang_nl.ids)], **person
        )
        lines, order = self._ranking()
        self.assertEqual(
            [
                (lines[p.id]["score"], lines[p.id]["requirement_misfit"], lines[p.id]["reasons"])
                for p in (fits, unrecorded, dutch)
            ],
            [
                (160, False, "lives in the zone, meets the requirements, available"),
                (155, False, "lives in the zone, language not recorded, available"),
                (
                    145,
                    True,
                    "lives in the zone, requirement not met: does not speak French / Français, "
                    "available",
                ),
            ],
        )
        self.assertLess(order.index(fits.id), order.index(unrecorded.id))
        self.assertLess(order.index(unrecorded.id), order.index(dutch.id))

        vacancy = self._create_vacancy(education_level="primary")
        lines, _order = self._ranking(vacancy)
        self.assertEqual(
            (lines[unrecorded.id]["score"], lines[unrecorded.id]["reasons"]),
            (155, "lives in the zone, education level not recorded, available"),
        )
        self.assertEqual(
            (lines[fits.id]["score"], lines[fits.id]["reasons"]),
            (160, "lives in the zone, meets the requirements, available"),
        )

    def test_candidate_screen_has_a_title_and_readable_headers(self):
        action = self.vacancy.with_user(self.agent).action_find_candidates()
        match = self.env[action["res_model"]].with_user(self.agent).browse(action["res_id"])
        # The window and the breadcrumb show the record's name, not "model,id".
        self.assertEqual(match.display_name, "Candidates for Kitchen assistant")
        self.assertEqual(action["name"], "Candidates for Kitchen assistant")
        views = match.get_views([(False, "form")])
        line_fields = views["models"]["job_coaching.candidate.match.line"]["fields"]
        arch = etree.fromstring(views["views"]["form"]["arch"])
        headers = [
            node.get("string") or line_fields[node.get("name")]["string"]
            for node in arch.xpath("//field[@name='line_ids']/list/field")
            if node.get("column_invisible") not in ("1", "True")
        ]
        self.assertEqual(
            headers, ["Rank", "Candidate", "Age", "Agent", "Lives in the Zone", "Score", "Reasons"]
        )

    def test_youth_job_search_and_availability_count(self):
        base = {"lang_ids": [(6, 0, self.lang_fr.ids)], "birth_date": "1980-05-05"}
        plain = self._create_beneficiary(first_name="Plain", **base)
        young = self._create_beneficiary(first_name="Young", **{**base, "birth_date": "2004-01-01"})
        searching = self._create_beneficiary(
            first_name="Searching", stage_id=self.stage_job_search.id, **base
        )
        busy = self._create_beneficiary(first_name="Busy", **base)
        self._create_contract(busy).action_start()
        lines, _order = self._ranking()
        self.assertGreater(lines[young.id]["score"], lines[plain.id]["score"])
        self.assertIn("youth (18-25)", lines[young.id]["reasons"])
        self.assertGreater(lines[searching.id]["score"], lines[plain.id]["score"])
        self.assertIn("in active job search", lines[searching.id]["reasons"])
        self.assertLess(lines[busy.id]["score"], lines[plain.id]["score"])
        self.assertIn("in a running art. 60 contract", lines[busy.id]["reasons"])

    def test_agent_ranks_own_caseload_coordinator_everyone(self):
        other = self._create_beneficiary(
            first_name="Other", user=self.agent_2, birth_date="1980-05-05"
        )
        minor = self._create_beneficiary(first_name="Minor", birth_date="2012-01-01")
        lines, _order = self._ranking(user=self.agent)
        self.assertNotIn(other.id, lines)
        self.assertNotIn(minor.id, lines)
        lines, _order = self._ranking(user=self.coordinator)
        self.assertIn(other.id, lines)
        self.assertIn(self.resident.id, lines)

    def test_the_pool_leaves_out_closed_files_minors_and_ineligible_people(self):
        """Finding candidates: adults, not closed, eligible or living outside
        the zone. Every case here fits the vacancy (French, adult unless said)."""
        fits = {"lang_ids": [(6, 0, self.lang_fr.ids)], "birth_date": "1980-05-05"}
        outside = {"street": "Rue Neuve 2", "zip": "1000", "city": "Bruxelles"}
        closed = self._create_beneficiary(first_name="Closed", **fits)
        self.Exit.create(
            {"beneficiary_id": closed.id, "date": "2026-02-20", "reason": "lost_contact"}
        )
        self.assertEqual(closed.stage_id.pathway_step, "closed")
        followed = self._create_beneficiary(first_name="Followed", **fits)
        self.Exit.create(
            {"beneficiary_id": followed.id, "date": "2026-02-20", "reason": "training"}
        )
        self.assertEqual(followed.stage_id.pathway_step, "follow_up")
        minor_resident = self._create_beneficiary(
            first_name="Minor", **{**fits, "birth_date": "2010-01-01"}
        )
        minor_outside = self._create_beneficiary(
            first_name="MinorOut", **{**fits, "birth_date": "2010-01-01"}, **outside
        )
        no_birth_date = self._create_beneficiary(
            first_name="Unborn", **{**fits, "birth_date": False}
        )
        actiris_outside = self._create_beneficiary(
            user=self.coordinator,
            first_name="Actiris",
            user_id=self.agent.id,
            actiris_accompanied=True,
            actiris_override_reason="Counsellor agrees",
            **fits,
            **outside,
        )
        # (The override makes a resident eligible, not someone living outside.)
        self.assertEqual((actiris_outside.is_eligible, actiris_outside.in_zone), (False, False))
        self.assertEqual((no_birth_date.is_eligible, no_birth_date.in_zone), (False, True))
        lines, _order = self._ranking(user=self.coordinator)
        people = self.Beneficiary.browse(lines)
        self.assertEqual(
            people
            & (
                self.resident
                | self.outsider
                | closed
                | followed
                | minor_resident
                | minor_outside
                | no_birth_date
                | actiris_outside
            ),
            self.resident | self.outsider | followed,
        )

    def test_propose_then_hire_fills_the_vacancy_and_moves_the_file(self):
        action = self.vacancy.with_user(self.agent).action_find_candidates()
        match = self.env[action["res_model"]].with_user(self.agent).browse(action["res_id"])
        line = match.line_ids.filtered(lambda line: line.beneficiary_id == self.resident)
        self.assertEqual(match.line_ids[0], line)
        self.assertEqual(line.rank, 1)
        action = line.action_propose()
        application = self.Application.with_user(self.agent).browse(action["res_id"])
        self.assertEqual(application.state, "proposed")
        self.assertEqual(application.match_score, line.score)
        # Proposed once: the next search leaves the person out.
        lines, _order = self._ranking()
        self.assertNotIn(self.resident.id, lines)

        application.action_send()
        self.assertEqual(application.state, "sent")
        application.action_interview()
        self.assertEqual(application.state, "interview")
        with Form(application) as form:
            form.employer_rating = "4"
            form.employer_feedback = "Punctual and careful."
        application.action_hire()
        self.assertEqual(application.state, "hired")
        self.assertEqual(application.date_hired.isoformat(), "2026-03-02")
        self.assertEqual(self.vacancy.positions_filled, 1)
        self.assertEqual(self.vacancy.state, "filled")
        self.assertEqual(self.resident.stage_id, self.stage_employment)
        self.env.invalidate_all()
        self.assertEqual(self.employer.with_user(self.agent).job_coaching_hire_count, 1)
        with self.assertRefused(UserError, "cannot become"):
            application.action_withdraw()

    def test_refused_and_withdrawn_applications_free_the_person(self):
        vacancy = self._create_vacancy(positions=2)
        refused, withdrawn = self.Application.with_user(self.agent).create(
            [
                {"vacancy_id": vacancy.id, "beneficiary_id": self.resident.id},
                {"vacancy_id": vacancy.id, "beneficiary_id": self.outsider.id},
            ]
        )
        refused.action_send()
        refused.action_refuse()
        withdrawn.action_withdraw()
        self.assertEqual((refused.state, withdrawn.state), ("refused", "withdrawn"))
        self.assertEqual(vacancy.positions_filled, 0)
        self.assertEqual(vacancy.state, "open")
        self.assertEqual(self.resident.stage_id, self.stage_intake)
        with self.assertRefused(UserError, "cannot become"):
            refused.action_hire()
        # Out of the running for this vacancy: proposed again from a new search.
        lines, _order = self._ranking(vacancy)
        self.assertIn(self.resident.id, lines)

    def test_agent_records_an_employer_and_its_vacancy(self):
        action = self.env.ref("job_coaching.res_partner_action_job_coaching_employer")
        Partner = self.env["res.partner"].with_user(self.agent)
        with Form(Partner.with_context(**safe_eval(action.context))) as form:
            form.name = "Boulangerie du Parc"
            form.is_cqd_project = True
        employer = form.save()
        self.assertTrue(employer.is_company)
        self.assertTrue(employer.is_employer)
        contact = Partner.create({"name": "Marie Baker", "parent_id": employer.id})
        self.assertIn(contact, employer.child_ids)
        with Form(self.Vacancy.with_user(self.agent)) as form:
            form.title = "Baker's assistant"
            form.employer_id = employer
            form.contract_type = "fixed_term"
            form.positions = 2
        vacancy = form.save()
        self.assertEqual(vacancy.state, "open")
        self.assertTrue(vacancy.is_cqd_project)
        self.assertEqual(employer.job_coaching_vacancy_count, 1)
        self.assertIn(employer, Partner.search(safe_eval(action.domain)))
        with self.assertRefused(ValidationError, "at least one position"):
            vacancy.positions = 0

    def test_neighbourhood_contract_projects_are_flagged_and_filtered(self):
        """Employers and vacancies: the neighbourhood contract's own projects
        are flagged, their vacancies show it and have their filter. (Nothing
        more: they get no priority in the ranking.)"""
        project = self.env["res.partner"].create(
            {"name": "Magritte garden", "is_company": True, "is_employer": True}
        )
        project.with_user(self.agent).is_cqd_project = True
        cqd_vacancy = self._create_vacancy(employer_id=project.id, title="Gardener")
        self.assertEqual((cqd_vacancy.is_cqd_project, self.vacancy.is_cqd_project), (True, False))
        arch = etree.fromstring(
            self.Vacancy.with_user(self.agent).get_view(view_type="search")["arch"]
        )
        [cqd_filter] = arch.xpath("//filter[@name='cqd_project']")
        found = self.Vacancy.with_user(self.agent).search(
            [*safe_eval(cqd_filter.get("domain")), ("id", "in", (cqd_vacancy | self.vacancy).ids)]
        )
        self.assertEqual(found, cqd_vacancy)
        form = etree.fromstring(
            self.Vacancy.with_user(self.agent).get_view(view_type="form")["arch"]
        )
        self.assertEqual(
            [badge.get("invisible") for badge in form.xpath("//span[hasclass('badge')]")],
            ["not is_cqd_project"],
        )

    def test_a_vacancy_names_its_contract_and_requirements(self):
        """Employers and vacancies: the contract types and the requirements."""
        Vacancy = self.Vacancy.with_user(self.agent)
        self.assertEqual(
            [
                key
                for key, _label in Vacancy._fields["contract_type"]._description_selection(self.env)
            ],
            [
                "art60",
                "art61",
                "fixed_term",
                "open_ended",
                "interim",
                "student",
                "training_placement",
                "volunteering",
            ],
        )
        with Form(Vacancy) as form:
            form.title = "Cook"
            form.employer_id = self.employer
            form.contract_type = "open_ended"
            form.positions = 2
            form.weekly_hours = 38
            form.place = "Jette"
            form.lang_ids.add(self.lang_nl)
            form.driving_licence_required = True
            form.education_level = "upper_secondary"
            form.skills = "Knife skills"
        vacancy = form.save()
        self.env.invalidate_all()
        self.assertEqual(
            Vacancy.search_read(
                [("id", "=", vacancy.id)],
                [
                    "contract_type",
                    "positions",
                    "weekly_hours",
                    "place",
                    "driving_licence_required",
                    "education_level",
                    "skills",
                    "lang_ids",
                ],
            ),
            [
                {
                    "id": vacancy.id,
                    "contract_type": "open_ended",
                    "positions": 2,
                    "weekly_hours": 38.0,
                    "place": "Jette",
                    "driving_licence_required": True,
                    "education_level": "upper_secondary",
                    "skills": "Knife skills",
                    "lang_ids": self.lang_nl.ids,
                }
            ],
        )

    def test_more_hires_than_positions_refused(self):
        vacancy = self._create_vacancy(positions=1)
        first, second = self.Application.create(
            [
                {"vacancy_id": vacancy.id, "beneficiary_id": self.resident.id},
                {"vacancy_id": vacancy.id, "beneficiary_id": self.outsider.id},
            ]
        )
        first.action_hire()
        vacancy.state = "open"
        with self.assertRefused(ValidationError, "all filled"):
            second.action_hire()
        self.assertEqual(second.state, "proposed")
        self.assertEqual(vacancy.positions_filled, 1)
        with self.assertRefused(ValidationError, "raise the number of positions"):
            vacancy.positions = 0

    def test_closed_vacancy_takes_nobody(self):
        self.vacancy.action_close()
        with self.assertRefused(UserError, "not open"):
            self.vacancy.action_find_candidates()
        with self.assertRefused(UserError, "no longer open"):
            self.Application.create(
                {"vacancy_id": self.vacancy.id, "beneficiary_id": self.resident.id}
            )
        self.assertFalse(self.Application.search([("vacancy_id", "=", self.vacancy.id)]))

    def test_same_person_proposed_twice_refused(self):
        vals = {"vacancy_id": self.vacancy.id, "beneficiary_id": self.resident.id}
        self.Application.create(vals)
        with (
            self.assertRefused(IntegrityError, "already proposed|vacancy_beneficiary_uniq"),
            mute_logger("odoo.sql_db"),
        ):
            self.Application.create(vals)


@tagged("post_install", "-at_install")
@freeze_time("2026-03-02")
class TestMatchingQueries(EmploymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        lang = cls.env.ref("base.lang_fr")
        cls.vacancy = cls._create_vacancy(
            lang_ids=[(6, 0, lang.ids)], driving_licence_required=True, education_level="primary"
        )
        for index in range(12):
            person = cls._create_beneficiary(
                first_name=f"Person {index}",
                birth_date="2003-01-01" if index % 2 else "1980-01-01",
                street="Rue Esseghem 10" if index % 3 else "Rue Neuve 1",
                lang_ids=[(6, 0, lang.ids)] if index % 4 else [],
                stage_id=cls.stage_job_search.id if index % 5 else cls.stage_intake.id,
            )
            if index % 6 == 0:
                cls._create_contract(person).action_start()

    @users("jc_agent")
    @warmup
    def test_ranking_reads_in_a_fixed_number_of_queries(self):
        vacancy = self.vacancy.with_user(self.env.user)
        vacancy.invalidate_model()
        self.env["job_coaching.beneficiary"].invalidate_model()
        with self.assertQueryCount(jc_agent=10):
            lines = vacancy.env["job_coaching.candidate.match"]._rank_candidates(vacancy)
        self.assertEqual(len(lines), 12)
