# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import FINANCE_GROUP, MANAGER_GROUP, USER_GROUP
from .common_rpc import RpcError, json_rpc

LAYER_REFUSAL = "can only be recorded on a file of your caseload"


@tagged("post_install", "-at_install")
class TestFunderReportRpc(HttpCase):
    """The referrals, presences and quoted feedback of the funder's report,
    attacked over JSON-RPC by another agent, finance and another CPAS."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        company = cls.env.company
        cls.company_k = cls.env["res.company"].create({"name": "CPAS de Ganshoren"})

        def user(login, groups, company):
            return new_test_user(
                cls.env,
                login=login,
                password=f"{login}_pw",
                groups=groups,
                company_id=company.id,
                company_ids=[(6, 0, company.ids)],
            )

        cls.agent_a = user("fr_rpc_agent_a", USER_GROUP, company)
        cls.agent_b = user("fr_rpc_agent_b", USER_GROUP, company)
        cls.coordinator = user("fr_rpc_coordinator", MANAGER_GROUP, company)
        cls.finance = user("fr_rpc_finance", FINANCE_GROUP, company)
        cls.agent_k = user("fr_rpc_agent_k", USER_GROUP, cls.company_k)
        cls.zone = cls.env["job_coaching.zone"].create(
            {"name": "RPC zone", "date_start": "2018-01-01", "date_end": "2030-12-31"}
        )
        People = cls.env["job_coaching.beneficiary"]
        cls.file_a, cls.file_b = People.create(
            [
                {"first_name": "Aline", "last_name": "Secretfile", "user_id": cls.agent_a.id},
                {"first_name": "Bert", "last_name": "Ownfile", "user_id": cls.agent_b.id},
            ]
        )
        cls.actiris = cls.env.ref("job_coaching.referral_destination_actiris")
        cls.ale = cls.env.ref("job_coaching.referral_destination_ale")
        cls.foreign_destination = cls.env["job_coaching.referral.destination"].create(
            {"name": "Antenne K", "company_id": cls.company_k.id}
        )
        cls.exit_a = cls.env["job_coaching.exit"].create(
            {
                "beneficiary_id": cls.file_a.id,
                "date": "2026-01-20",
                "reason": "other",
                "referral_destination_ids": [(6, 0, cls.actiris.ids)],
            }
        )
        cls.exit_b = cls.env["job_coaching.exit"].create(
            {"beneficiary_id": cls.file_b.id, "date": "2026-01-20", "reason": "other"}
        )
        presence = {"date": "2026-01-10", "zone_id": cls.zone.id, "hours": 2.0}
        cls.presence_a, cls.presence_b = cls.env["job_coaching.outreach.presence"].create(
            [
                {
                    "name": "Party A",
                    "user_id": cls.agent_a.id,
                    "people_reached": 10,
                    "beneficiary_ids": [(6, 0, cls.file_a.ids)],
                    **presence,
                },
                {"name": "Party B", "user_id": cls.agent_b.id, "people_reached": 5, **presence},
            ]
        )
        cls.feedback = cls.env["job_coaching.partner.feedback"].create(
            {
                "partner_id": cls.env["res.partner"].create({"name": "Asbl RPC"}).id,
                "rating": "4",
                "comment": "Fine",
            }
        )
        cls.note = cls.env["job_coaching.activity.note"].create(
            {"date_from": "2026-01-01", "date_to": "2026-12-31", "difficulties": "Few rooms"}
        )

    def rpc(self, user, model, method, *args, **kwargs):
        with mute_logger("odoo.http", "odoo.sql_db", "odoo.models", "odoo.addons.base"):
            return json_rpc(self, user, f"{user.login}_pw", model, method, args, kwargs)

    def assertRefused(self, user, model, method, *args, message=None):
        with self.assertRaises(RpcError, msg=f"{user.login}: {model}.{method}") as caught:
            self.rpc(user, model, method, *args)
        error = caught.exception
        self.assertTrue(error.clean, f"{model}.{method}: {error.data.get('name')}")
        if user != self.agent_a:  # agent A's own file
            self.assertNotIn("Secretfile", error.message)
        if message:
            self.assertIn(message, error.message)

    def test_no_referral_on_a_file_not_ones_own(self):
        exits = self.env["job_coaching.exit"].search_count([])
        # a new exit on agent A's file, with a referral
        self.assertRefused(
            self.agent_b,
            "job_coaching.exit",
            "create",
            [
                {
                    "beneficiary_id": self.file_a.id,
                    "date": "2026-01-21",
                    "reason": "other",
                    "referral_destination_ids": [(6, 0, self.ale.ids)],
                }
            ],
            message=LAYER_REFUSAL,
        )
        self.assertEqual(self.env["job_coaching.exit"].search_count([]), exits)
        # a referral added to agent A's exit, or one taken away
        for value in ([(4, self.ale.id)], [(5, 0, 0)]):
            self.assertRefused(
                self.agent_b,
                "job_coaching.exit",
                "write",
                [self.exit_a.id],
                {"referral_destination_ids": value},
            )
        # their own exit moved onto agent A's file to refer them
        self.assertRefused(
            self.agent_b,
            "job_coaching.exit",
            "write",
            [self.exit_b.id],
            {"beneficiary_id": self.file_a.id, "referral_destination_ids": [(4, self.ale.id)]},
            message=LAYER_REFUSAL,
        )
        self.exit_a.invalidate_recordset()
        self.exit_b.invalidate_recordset()
        self.assertEqual(self.exit_a.referral_destination_ids, self.actiris)
        self.assertEqual(self.exit_b.beneficiary_id, self.file_b)
        self.assertFalse(self.exit_b.referral_destination_ids)
        # agent B refers their own person
        self.rpc(
            self.agent_b,
            "job_coaching.exit",
            "write",
            [self.exit_b.id],
            {"referral_destination_ids": [(4, self.ale.id)]},
        )
        self.assertEqual(self.exit_b.referral_destination_ids, self.ale)

    def test_no_destination_of_another_cpas(self):
        self.assertRefused(
            self.agent_a,
            "job_coaching.exit",
            "write",
            [self.exit_a.id],
            {"referral_destination_ids": [(4, self.foreign_destination.id)]},
        )
        self.assertEqual(self.exit_a.referral_destination_ids, self.actiris)
        found = self.rpc(self.agent_a, "job_coaching.referral.destination", "search", [])
        self.assertIn(self.actiris.id, found)
        self.assertNotIn(self.foreign_destination.id, found)
        found = self.rpc(self.agent_k, "job_coaching.referral.destination", "search", [])
        self.assertIn(self.foreign_destination.id, found)
        self.assertIn(self.actiris.id, found)
        # an agent uses the destinations, the coordinator keeps them
        self.assertRefused(
            self.agent_a, "job_coaching.referral.destination", "create", [{"name": "Mine"}]
        )
        self.rpc(
            self.coordinator, "job_coaching.referral.destination", "create", [{"name": "Ours"}]
        )

    def test_no_file_linked_to_a_presence_out_of_reach(self):
        Presence = "job_coaching.outreach.presence"
        count = self.env[Presence].search_count([])
        self.assertRefused(
            self.agent_b,
            Presence,
            "create",
            [
                {
                    "name": "Reading back",
                    "date": "2026-01-11",
                    "zone_id": self.zone.id,
                    "hours": 1.0,
                    "people_reached": 3,
                    "beneficiary_ids": [(6, 0, self.file_a.ids)],
                }
            ],
            message=LAYER_REFUSAL,
        )
        self.assertEqual(self.env[Presence].search_count([]), count)
        for value in ([(4, self.file_a.id)], [(6, 0, self.file_a.ids)], [self.file_a.id]):
            self.assertRefused(
                self.agent_b,
                Presence,
                "write",
                [self.presence_b.id],
                {"beneficiary_ids": value},
                message=LAYER_REFUSAL,
            )
        self.presence_b.invalidate_recordset()
        self.assertFalse(self.presence_b.beneficiary_ids)
        # another agent's presence is out of sight, finance's and another CPAS's too
        for user in (self.agent_b, self.finance, self.agent_k):
            self.assertRefused(user, Presence, "read", [self.presence_a.id], ["name"])
        self.assertEqual(
            self.rpc(self.agent_b, Presence, "search", [("id", "=", self.presence_a.id)]), []
        )
        # agent A reads their presence and the file they linked
        [row] = self.rpc(self.agent_a, Presence, "read", [self.presence_a.id], ["beneficiary_ids"])
        self.assertEqual(row["beneficiary_ids"], self.file_a.ids)

    def test_the_quotes_are_chosen_by_the_coordinator(self):
        self.assertRefused(
            self.agent_a,
            "job_coaching.activity.note",
            "write",
            [self.note.id],
            {"feedback_ids": [(6, 0, self.feedback.ids)]},
        )
        self.assertFalse(self.note.feedback_ids)
        self.assertRefused(
            self.finance, "job_coaching.partner.feedback", "read", [self.feedback.id], ["comment"]
        )
        self.rpc(
            self.coordinator,
            "job_coaching.activity.note",
            "write",
            [self.note.id],
            {"feedback_ids": [(6, 0, self.feedback.ids)]},
        )
        self.assertEqual(self.note.feedback_ids, self.feedback)
