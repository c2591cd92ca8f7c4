# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_employment import EMPLOYMENT_DEPENDENTS_FIRST, EmploymentCase

PERSONAL_MODELS = (
    "job_coaching.application",
    "job_coaching.art60.contract",
    "job_coaching.art60.evaluation",
    "job_coaching.art60.evaluation.line",
    "job_coaching.exit",
    "job_coaching.exit.followup",
)


@tagged("post_install", "-at_install")
@freeze_time("2026-09-01")
class TestEmploymentAccess(EmploymentCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mine = cls._create_beneficiary(first_name="Mine", user=cls.agent)
        cls.theirs = cls._create_beneficiary(first_name="Theirs", user=cls.agent_2)
        cls.vacancy = cls._create_vacancy(positions=2)
        cls.records = {}
        for person in (cls.mine, cls.theirs):
            application = cls.Application.create(
                {"vacancy_id": cls.vacancy.id, "beneficiary_id": person.id}
            )
            contract = cls._create_contract(person, date_start="2026-03-02")
            contract.action_start()
            evaluation = cls.Evaluation.create({"contract_id": contract.id, "date": "2026-06-01"})
            exit_ = cls.Exit.create(
                {"beneficiary_id": person.id, "reason": "art60", "date": "2026-03-01"}
            )
            followup = cls.Followup.create(
                {"exit_id": exit_.id, "offset_months": "3", "date_due": "2026-06-01"}
            )
            cls.records[person] = {
                "job_coaching.application": application,
                "job_coaching.art60.contract": contract,
                "job_coaching.art60.evaluation": evaluation,
                "job_coaching.art60.evaluation.line": evaluation.line_ids,
                "job_coaching.exit": exit_,
                "job_coaching.exit.followup": followup,
            }

    def _all(self, model):
        return self.records[self.mine][model] | self.records[self.theirs][model]

    def _assert_sees(self, user, expected):
        """What ``user`` finds of every personal record, by model:
        ``expected(model)`` and nothing else."""
        for model in PERSONAL_MODELS:
            with self.subTest(model=model):
                visible = (
                    self.env[model].with_user(user).search([("id", "in", self._all(model).ids)])
                )
                self.assertEqual(visible, expected(model))

    def test_agent_sees_own_caseload_only(self):
        self._assert_sees(self.agent, lambda model: self.records[self.mine][model])

    def test_agent_cannot_read_or_change_another_caseload(self):
        contract = self.records[self.theirs]["job_coaching.art60.contract"]
        for model in PERSONAL_MODELS:
            record = self.records[self.theirs][model][:1]
            with (
                self.subTest(model=model),
                self.assertRaises(AccessError),
                mute_logger("odoo.models"),
            ):
                record.with_user(self.agent).read(["id"])
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            contract.with_user(self.agent).write({"job_title": "Changed"})
        self.assertEqual(contract.job_title, "Kitchen assistant")
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.Contract.with_user(self.agent).create(self._contract_vals(self.theirs))

    def test_agent_works_on_the_files_shared_with_them(self):
        """Security: applications, art. 60 contracts, evaluations, exits and
        follow-ups of a file shared with an agent are the agent's too: read,
        written, created."""
        self.theirs.shared_user_ids = [(4, self.agent.id)]
        self.env.invalidate_all()
        self._assert_sees(self.agent, self._all)
        contract = self.records[self.theirs]["job_coaching.art60.contract"]
        contract.with_user(self.agent).write({"tutor": "Shared tutor"})
        evaluation = self.Evaluation.with_user(self.agent).create(
            {"contract_id": contract.id, "date": "2026-07-01", "evaluation_type": "other"}
        )
        exit_ = self.Exit.with_user(self.agent).create(
            {"beneficiary_id": self.theirs.id, "reason": "training", "date": "2026-08-01"}
        )
        followup = self.Followup.with_user(self.agent).create(
            {"exit_id": exit_.id, "offset_months": "3", "date_due": "2026-11-01"}
        )
        application = self.Application.with_user(self.agent).create(
            {
                "vacancy_id": self._create_vacancy(title="Shared").id,
                "beneficiary_id": self.theirs.id,
            }
        )
        self.env.invalidate_all()
        self.assertEqual(contract.with_user(self.agent).tutor, "Shared tutor")
        for record in (evaluation, exit_, followup, application):
            self.assertEqual(record.beneficiary_id, self.theirs, record._name)
        # Not shared any more: out of reach again.
        self.theirs.shared_user_ids = [(3, self.agent.id)]
        self.env.invalidate_all()
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            contract.with_user(self.agent).read(["tutor"])

    def test_partners_rights_of_each_group(self):
        """Security: agents and coordinators read, write and create employers
        and contacts (not delete); finance only reads them."""
        Partner = self.env["res.partner"]
        for user in (self.agent, self.coordinator):
            employer = Partner.with_user(user).create(
                {"name": f"Bakery of {user.name}", "is_company": True, "is_employer": True}
            )
            contact = Partner.with_user(user).create(
                {"name": f"Contact of {user.name}", "parent_id": employer.id}
            )
            self.employer.with_user(user).write({"phone": "+32 2 000 00 00"})
            self.env.invalidate_all()
            self.assertEqual(
                Partner.with_user(user).search_read(
                    [("id", "in", (employer | contact).ids)], ["name"], order="id"
                ),
                [
                    {"id": employer.id, "name": f"Bakery of {user.name}"},
                    {"id": contact.id, "name": f"Contact of {user.name}"},
                ],
            )
            with self.assertRaises(AccessError), mute_logger("odoo.models"):
                contact.with_user(user).unlink()
        self.env.invalidate_all()
        self.assertEqual(
            self.employer.with_user(self.finance).read(["name"]),
            [{"id": self.employer.id, "name": "Test Kitchen"}],
        )
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            Partner.with_user(self.finance).create({"name": "Finance's supplier"})
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.employer.with_user(self.finance).write({"name": "Renamed"})
        self.assertEqual(self.employer.name, "Test Kitchen")

    def test_agent_works_on_own_caseload(self):
        contract = self.records[self.mine]["job_coaching.art60.contract"].with_user(self.agent)
        contract.write({"tutor": "Sophie"})
        contract.action_suspend()
        self.assertEqual(contract.state, "suspended")
        with self.assertRaises(AccessError):
            contract.unlink()

    def test_every_agent_sees_vacancies_and_employers(self):
        for user in (self.agent, self.agent_2):
            # What each agent's own request reads: nothing from the cache.
            self.env.invalidate_all()
            self.assertEqual(
                self.Vacancy.with_user(user).search_read(
                    [("id", "=", self.vacancy.id)], ["title", "employer_id"]
                ),
                [
                    {
                        "id": self.vacancy.id,
                        "title": "Kitchen assistant",
                        "employer_id": (self.employer.id, "Test Kitchen"),
                    }
                ],
            )
            self.env.invalidate_all()
            employer = self.employer.with_user(user)
            self.assertEqual(employer.job_coaching_vacancy_count, 1)
        new_employer = (
            self.env["res.partner"]
            .with_user(self.agent)
            .create({"name": "New Bakery", "is_company": True, "is_employer": True})
        )
        vacancy = self.Vacancy.with_user(self.agent).create(
            {"title": "Baker", "employer_id": new_employer.id, "contract_type": "interim"}
        )
        self.assertEqual(vacancy.positions, 1)
        with self.assertRaises(AccessError):
            vacancy.unlink()

    def test_coordinator_sees_and_deletes_everything(self):
        # What the coordinator's own request reads: nothing from the cache.
        self.env.invalidate_all()
        self._assert_sees(self.coordinator, self._all)
        # Deletes them, both agents' records (dependents first), and the vacancy.
        ids = {model: self._all(model).ids for model in PERSONAL_MODELS}
        # Two of each (one per agent), and two scores per evaluation (two criteria).
        expected = dict.fromkeys(ids, 2)
        expected["job_coaching.art60.evaluation.line"] = 4
        self.assertEqual({model: len(ids[model]) for model in ids}, expected)
        self.env.invalidate_all()
        for model in EMPLOYMENT_DEPENDENTS_FIRST:
            self.env[model].with_user(self.coordinator).browse(ids[model]).unlink()
        self.vacancy.with_user(self.coordinator).unlink()
        self.env.flush_all()
        for model, model_ids in [*ids.items(), ("job_coaching.vacancy", self.vacancy.ids)]:
            self.env.cr.execute(
                f"SELECT count(*) FROM {self.env[model]._table} WHERE id IN %s",
                [tuple(model_ids)],
            )
            self.assertEqual(self.env.cr.fetchone()[0], 0, f"{model} rows left")
        rule = self.env["job_coaching.art60.duration.rule"].with_user(self.coordinator)
        rule.search([], limit=1).working_days = 300

    def test_finance_and_plain_employees_see_nothing(self):
        models = (*PERSONAL_MODELS, "job_coaching.vacancy", "job_coaching.candidate.match")
        for user in (self.finance, self.internal):
            for model in models:
                with (
                    self.subTest(user=user.login, model=model),
                    self.assertRaises(AccessError),
                    mute_logger("odoo.models", "odoo.addons.base.models.ir_model"),
                ):
                    self.env[model].with_user(user).search([])
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.vacancy.with_user(self.finance).action_find_candidates()

    def test_agent_cannot_configure(self):
        Rule = self.env["job_coaching.art60.duration.rule"].with_user(self.agent)
        self.env.invalidate_all()
        self.assertEqual(Rule.search([]), self.rules)
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            Rule.search([], limit=1).working_days = 1

    def test_other_company_vacancies_stay_hidden(self):
        other_company = self.env["res.company"].create({"name": "CPAS Voisin"})
        hidden = self._create_vacancy(company_id=other_company.id, title="Elsewhere")
        visible = self.Vacancy.with_user(self.agent).search(
            [("id", "in", (hidden | self.vacancy).ids)]
        )
        self.assertEqual(visible, self.vacancy)

    def test_a_link_out_of_reach_is_answered_as_a_missing_one(self):
        """Security: a link to a record the user may not read gets the same
        answer as a link to a record that does not exist."""
        other_company = self.env["res.company"].create({"name": "CPAS Voisin"})
        hidden = self._create_vacancy(company_id=other_company.id, title="Elsewhere")
        missing = self.Vacancy.search([], order="id desc", limit=1).id + 1000
        answers = []
        for vacancy_id in (hidden.id, missing):
            with self.assertRefused(ValidationError, "no such record that you may use") as caught:
                self.Application.with_user(self.agent).create(
                    {"vacancy_id": vacancy_id, "beneficiary_id": self.mine.id}
                )
            answers.append(str(caught.exception))
        self.assertEqual(answers[0], answers[1])
        self.assertNotIn("Elsewhere", answers[0])
