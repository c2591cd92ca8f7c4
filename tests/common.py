# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from contextlib import contextmanager

from odoo.tests import TransactionCase, new_test_user

USER_GROUP = "job_coaching.group_job_coaching_user"
MANAGER_GROUP = "job_coaching.group_job_coaching_manager"
FINANCE_GROUP = "job_coaching.group_job_coaching_finance"


class JobCoachingCase(TransactionCase):
    """Builds its own zone, users and people; reads no demo data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, lang="en_US"))
        cls.company = cls.env.company
        # Only the test's zone decides who lives in the zone.
        cls.env["job_coaching.zone"].search([]).active = False
        cls.zone = cls.env["job_coaching.zone"].create(
            {
                "name": "Test zone",
                "code": "TEST",
                "zip": "1090",
                "city": "Jette",
                "date_start": "2018-01-01",
                "date_end": "2022-12-31",
                "street_ids": [
                    (0, 0, {"name": "Rue Esseghem", "name_nl": "Esseghemstraat"}),
                    (0, 0, {"name": "Avenue Charles Woeste", "name_nl": "Charles Woestelaan"}),
                    (0, 0, {"name": "Rue Léopold Ier", "name_nl": "Leopold I-straat"}),
                    (
                        0,
                        0,
                        {"name": "Boulevard de Smet de Naeyer", "name_nl": "de Smet de Naeyerlaan"},
                    ),
                    (0, 0, {"name": "Rue Jules Lahaye", "name_nl": "Jules Lahayestraat"}),
                ],
            }
        )
        cls.agent = new_test_user(cls.env, login="jc_agent", groups=USER_GROUP, name="Agent A")
        cls.agent_2 = new_test_user(cls.env, login="jc_agent_2", groups=USER_GROUP, name="Agent B")
        cls.coordinator = new_test_user(
            cls.env, login="jc_coordinator", groups=MANAGER_GROUP, name="Coordinator"
        )
        cls.finance = new_test_user(
            cls.env, login="jc_finance", groups=FINANCE_GROUP, name="Finance"
        )
        cls.internal = new_test_user(
            cls.env, login="jc_internal", groups="base.group_user", name="Internal"
        )
        cls.Beneficiary = cls.env["job_coaching.beneficiary"]
        cls.stage_intake = cls.env.ref("job_coaching.stage_intake")

    @contextmanager
    def assertRefused(self, exception, message):
        """Like assertRaisesRegex, inside a savepoint: what failed is rolled back
        as a real request would be, so the test can check nothing was saved."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertRegex(str(caught.exception), message)

    @classmethod
    def _beneficiary_vals(cls, **vals):
        return {
            "first_name": "Nadia",
            "last_name": "Test",
            "birth_date": "1995-04-12",
            "street": "Rue Esseghem 10",
            "zip": "1090",
            "city": "Jette",
            "cpas_status": "ris",
            **vals,
        }

    @classmethod
    def _create_beneficiary(cls, user=None, **vals):
        Beneficiary = cls.Beneficiary.with_user(user) if user else cls.Beneficiary
        vals.setdefault("user_id", (user or cls.agent).id)
        return Beneficiary.create(cls._beneficiary_vals(**vals))

    @classmethod
    def _create_workshop(cls, user=None, **vals):
        """A table emploi workshop of three hours, created by ``user`` (the
        agent by default)."""
        return (
            cls.env["job_coaching.workshop"]
            .with_user(user or cls.agent)
            .create(
                {
                    "name": "Write your CV",
                    "topic": "cv",
                    "start": "2026-06-10 09:00:00",
                    "stop": "2026-06-10 12:00:00",
                    **vals,
                }
            )
        )
