# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from .common import JobCoachingCase

# The employment records of a file, each before what it hangs on: the order
# in which a coordinator deletes them.
EMPLOYMENT_DEPENDENTS_FIRST = (
    "job_coaching.exit.followup",
    "job_coaching.exit",
    "job_coaching.art60.evaluation.line",
    "job_coaching.art60.evaluation",
    "job_coaching.art60.contract",
    "job_coaching.application",
)


class EmploymentCase(JobCoachingCase):
    """Employers, vacancies and the rules of article 60 built by the test itself."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Vacancy = cls.env["job_coaching.vacancy"]
        cls.Application = cls.env["job_coaching.application"]
        cls.Contract = cls.env["job_coaching.art60.contract"]
        cls.Evaluation = cls.env["job_coaching.art60.evaluation"]
        cls.Exit = cls.env["job_coaching.exit"]
        cls.Followup = cls.env["job_coaching.exit.followup"]
        Rule = cls.env["job_coaching.art60.duration.rule"]
        Rule.search([]).active = False
        cls.rules = Rule.create(
            [
                {"name": "Young", "age_min": 0, "age_max": 35, "working_days": 312},
                {"name": "Middle", "age_min": 36, "age_max": 49, "working_days": 468},
                {"name": "Senior", "age_min": 50, "age_max": 0, "working_days": 624},
            ]
        )
        Criterion = cls.env["job_coaching.evaluation.criterion"]
        Criterion.search([]).active = False
        cls.criteria = Criterion.create(
            [{"name": "Punctuality", "sequence": 1}, {"name": "Teamwork", "sequence": 2}]
        )
        cls.employer = cls.env["res.partner"].create(
            {"name": "Test Kitchen", "is_company": True, "is_employer": True}
        )
        cls.stage_job_search = cls.env.ref("job_coaching.stage_job_search")
        cls.stage_employment = cls.env.ref("job_coaching.stage_employment")

    @classmethod
    def _create_vacancy(cls, **vals):
        return cls.Vacancy.create(
            {
                "title": "Kitchen assistant",
                "employer_id": cls.employer.id,
                "contract_type": "art60",
                "positions": 1,
                **vals,
            }
        )

    @classmethod
    def _contract_vals(cls, beneficiary, **vals):
        return {
            "beneficiary_id": beneficiary.id,
            "placement": "user_employer",
            "user_employer_id": cls.employer.id,
            "job_title": "Kitchen assistant",
            "date_start": "2026-03-02",
            **vals,
        }

    @classmethod
    def _create_contract(cls, beneficiary, user=None, **vals):
        Contract = cls.Contract.with_user(user) if user else cls.Contract
        return Contract.create(cls._contract_vals(beneficiary, **vals))
