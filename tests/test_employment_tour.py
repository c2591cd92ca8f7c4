# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import MANAGER_GROUP
from .common_tour import JobCoachingTourCase


@tagged("post_install", "-at_install")
class TestEmploymentTour(JobCoachingTourCase):
    """A coordinator goes from a vacancy to a hire and an art. 60 contract,
    then opens the year's report, from the menu."""

    def _from_vacancy_to_art60_and_report(self, lang):
        agent = self._tour_user("jc_tour_employment", MANAGER_GROUP, lang, name="Tour Coordinator")
        Rule = self.env["job_coaching.art60.duration.rule"]
        Rule.search([]).active = False
        Rule.create({"name": "Everyone", "age_min": 0, "working_days": 312})
        Criterion = self.env["job_coaching.evaluation.criterion"]
        Criterion.search([]).active = False
        Criterion.create({"name": "Punctuality"})
        employer = self.env["res.partner"].create(
            {"name": "Tour Kitchen", "is_company": True, "is_employer": True}
        )
        vacancy = self.env["job_coaching.vacancy"].create(
            {"title": "Tour vacancy", "employer_id": employer.id, "contract_type": "art60"}
        )
        person = self.env["job_coaching.beneficiary"].create(
            {
                "first_name": "Tour",
                "last_name": "Candidate",
                "birth_date": "1995-04-12",
                "street": "Rue Esseghem 10",
                "zip": "1090",
                "city": "Jette",
                "cpas_status": "ris",
                "user_id": agent.id,
            }
        )
        self.start_tour("/odoo", "job_coaching_employment", login=agent.login)
        application = self.env["job_coaching.application"].search([("vacancy_id", "=", vacancy.id)])
        self.assertEqual(application.beneficiary_id, person)
        self.assertEqual(application.state, "hired")
        self.assertEqual(vacancy.state, "filled")
        contract = self.env["job_coaching.art60.contract"].search(
            [("beneficiary_id", "=", person.id)]
        )
        self.assertEqual(contract.state, "running")
        self.assertEqual(contract.tutor, "Sophie Tour")
        self.assertEqual(contract.user_employer_id, employer)
        self.assertEqual(len(contract.activity_ids), 3)
        self.assertEqual(person.stage_id, self.env.ref("job_coaching.stage_employment"))
        evaluation = contract.evaluation_ids
        self.assertEqual(evaluation.comments, "A good start.")
        self.assertEqual(evaluation.line_ids.score, 4)

    def test_from_vacancy_to_art60_and_report_in_french(self):
        self._from_vacancy_to_art60_and_report("fr_FR")

    def test_from_vacancy_to_art60_and_report_in_dutch(self):
        self._from_vacancy_to_art60_and_report("nl_BE")
