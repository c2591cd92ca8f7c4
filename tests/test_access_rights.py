# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from lxml import etree

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.job_coaching.tools import make_register_number

from .common import JobCoachingCase


@tagged("post_install", "-at_install")
class TestAccessRights(JobCoachingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mine = cls._create_beneficiary(first_name="Mine", user=cls.agent)
        cls.theirs = cls._create_beneficiary(first_name="Theirs", user=cls.agent_2)
        cls.shared = cls._create_beneficiary(
            first_name="Shared", user=cls.agent_2, shared_user_ids=[(4, cls.agent.id)]
        )
        cls.everyone = cls.mine | cls.theirs | cls.shared

    def _visible(self, user):
        return self.Beneficiary.with_user(user).search([("id", "in", self.everyone.ids)])

    def test_agent_sees_own_and_shared_caseload(self):
        self.assertEqual(self._visible(self.agent), self.mine | self.shared)
        self.assertEqual(self._visible(self.agent_2), self.theirs | self.shared)

    def test_agent_cannot_read_or_write_another_caseload(self):
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.theirs.with_user(self.agent).read(["name"])
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.theirs.with_user(self.agent).write({"first_name": "Changed"})
        self.assertEqual(self.theirs.first_name, "Theirs")

    def test_agent_can_write_own_file_but_not_delete(self):
        self.mine.with_user(self.agent).write({"mobile": "0470 00 00 01"})
        with self.assertRaises(AccessError):
            self.mine.with_user(self.agent).unlink()
        self.env.invalidate_all()
        self.assertEqual(self.mine.with_user(self.agent).mobile, "+32470000001")
        self.env.cr.execute(
            "SELECT count(*) FROM job_coaching_beneficiary WHERE id = %s", self.mine.ids
        )
        self.assertEqual(self.env.cr.fetchone()[0], 1)

    def test_agent_reads_the_register_number_of_own_files(self):
        self.mine.niss = make_register_number(date(1995, 4, 12), 1)
        self.assertEqual(
            self.mine.with_user(self.agent).read(["niss"]),
            [{"id": self.mine.id, "niss": "95.04.12-001.13"}],
        )

    def test_manager_sees_every_file_of_the_company(self):
        self.assertEqual(self._visible(self.coordinator), self.everyone)
        self.theirs.with_user(self.coordinator).write({"user_id": self.agent.id})
        self.assertIn(self.theirs, self._visible(self.agent))

    def test_kanban_follows_the_stage_lists_mask_the_number(self):
        """Caseload: the kanban follows the pathway stage; lists show the
        register number masked; the list filters and groups by CPAS status."""
        Beneficiary = self.Beneficiary.with_user(self.agent)
        kanban = etree.fromstring(Beneficiary.get_view(view_type="kanban")["arch"])
        self.assertEqual(kanban.get("default_group_by"), "stage_id")
        listing = etree.fromstring(Beneficiary.get_view(view_type="list")["arch"])
        names = [node.get("name") for node in listing.iter("field")]
        self.assertIn("niss_masked", names)
        self.assertNotIn("niss", names)
        search = etree.fromstring(Beneficiary.get_view(view_type="search")["arch"])
        group_bys = [node.get("context") for node in search.iter("filter")]
        self.assertIn("{'group_by': 'stage_id'}", group_bys)
        self.assertIn("{'group_by': 'cpas_status'}", group_bys)
        self.mine.niss = make_register_number(date(1995, 4, 12), 1)
        self.env.invalidate_all()
        self.assertEqual(
            Beneficiary.search_read([("id", "=", self.mine.id)], ["niss_masked"]),
            [{"id": self.mine.id, "niss_masked": "95.04.12-***.**"}],
        )

    def test_finance_sees_no_beneficiary(self):
        with self.assertRaises(AccessError):
            self.Beneficiary.with_user(self.finance).search([])
        with self.assertRaises(AccessError):
            self.mine.with_user(self.finance).read(["name"])
        with self.assertRaises(AccessError):
            self.Beneficiary.with_user(self.finance).create(self._beneficiary_vals())

    def test_plain_internal_user_sees_no_beneficiary(self):
        with self.assertRaises(AccessError):
            self.Beneficiary.with_user(self.internal).search([])

    def test_configuration_readable_by_agents_editable_by_managers(self):
        streets = [
            "Avenue Charles Woeste",
            "Boulevard de Smet de Naeyer",
            "Rue Esseghem",
            "Rue Jules Lahaye",
            "Rue Léopold Ier",
        ]
        for user in (self.agent, self.finance):
            self.env.invalidate_all()
            zone = self.zone.with_user(user)
            self.assertEqual(sorted(zone.street_ids.mapped("name")), streets)
            self.assertEqual(
                self.env["job_coaching.stage"].with_user(user).browse(self.stage_intake.id).name,
                self.stage_intake.name,
            )
        with self.assertRaises(AccessError):
            self.zone.with_user(self.agent).write({"name": "Renamed"})
        with self.assertRaises(AccessError):
            self.env["job_coaching.stage"].with_user(self.agent).create({"name": "New"})
        self.zone.with_user(self.coordinator).write({"name": "Renamed"})
        stage = self.env["job_coaching.stage"].with_user(self.coordinator).create({"name": "New"})
        channel = (
            self.env["job_coaching.referral.channel"]
            .with_user(self.coordinator)
            .create({"name": "New channel"})
        )
        street = self.zone.street_ids.filtered(lambda s: s.name == "Rue Jules Lahaye")
        # The coordinator keeps the configuration: deletes it too.
        for record in (stage, channel, street):
            table, record_id = record._table, record.id
            record.with_user(self.coordinator).unlink()
            self.env.cr.execute(
                f"SELECT count(*) FROM {table} WHERE id = %s",
                [record_id],
            )
            self.assertEqual(self.env.cr.fetchone()[0], 0, table)
        with self.assertRaises(AccessError):
            self.zone.with_user(self.finance).write({"name": "Finance"})

    def test_other_company_files_are_invisible(self):
        other = self.env["res.company"].create({"name": "CPAS de Koekelberg"})
        stranger = self._create_beneficiary(
            first_name="Stranger", company_id=other.id, user_id=False
        )
        self.coordinator.company_ids = [(4, other.id)]
        # Only the companies selected in the switcher count.
        self.assertNotIn(
            stranger,
            self.Beneficiary.with_user(self.coordinator)
            .with_context(allowed_company_ids=[self.company.id])
            .search([]),
        )
        self.coordinator.company_ids = [(3, other.id)]
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            stranger.with_user(self.coordinator).read(["name"])

    def test_file_with_history_is_archived_not_deleted(self):
        person = self._create_beneficiary(first_name="History")
        person.message_post(body="Intake interview held.", message_type="comment")
        with self.assertRefused(UserError, "archive"):
            person.with_user(self.coordinator).unlink()
        person.with_user(self.coordinator).action_archive()
        self.assertFalse(person.active)

    def test_file_created_by_mistake_can_be_deleted_by_a_manager(self):
        person = self._create_beneficiary(first_name="Mistake")
        person.with_user(self.coordinator).unlink()
        self.assertFalse(person.exists())
