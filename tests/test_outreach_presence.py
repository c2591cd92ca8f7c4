# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import JobCoachingCase


@tagged("post_install", "-at_install")
@freeze_time("2021-04-15 12:00:00")
class TestOutreachPresence(JobCoachingCase):
    """An agent's presence at an event of the neighbourhood: what the agent
    types, what is refused, who sees it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Presence = cls.env["job_coaching.outreach.presence"]
        cls.person = cls._create_beneficiary(first_name="Met", intake_date="2021-03-08")
        cls.other_person = cls._create_beneficiary(
            first_name="Theirs", user_id=cls.agent_2.id, intake_date="2021-03-08"
        )

    def _vals(self, **vals):
        return {
            "name": "Neighbourhood party",
            "date": "2021-03-06",
            "zone_id": self.zone.id,
            "hours": 3.0,
            "people_reached": 20,
            **vals,
        }

    def test_an_agent_records_a_presence(self):
        with Form(self.Presence.with_user(self.agent)) as form:
            form.name = "Saturday market"
            form.date = "2021-03-06"
            form.hours = 2.5
            form.people_reached = 14
            form.beneficiary_ids.add(self.person)
        presence = form.record
        # the agent and the company's zone by default, the file linked counted
        self.assertEqual(
            (presence.user_id, presence.zone_id, presence.file_count),
            (self.agent, self.zone, 1),
        )
        # a file opened but not linked: the agent types the number
        presence.with_user(self.agent).file_count = 3
        self.assertEqual(presence.file_count, 3)
        self.assertEqual(presence.display_name, "2021-03-06 - Saturday market")

    def test_what_is_refused(self):
        Presence = self.Presence.with_user(self.agent)
        for vals, message in (
            ({"hours": 0}, "give a duration above 0"),
            ({"hours": 25}, "up to 24 hours"),
            ({"people_reached": -1}, "zero or more"),
            ({"people_reached": 2, "file_count": 3}, "among the people spoken to"),
            (
                {"beneficiary_ids": [(6, 0, self.person.ids)], "file_count": 0},
                "cannot be fewer",
            ),
        ):
            with self.subTest(vals=vals), self.assertRefused(ValidationError, message):
                Presence.create(self._vals(**vals))
        # another agent's name on one's own presence
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            Presence.create(self._vals(user_id=self.agent_2.id))
        # finance is no agent
        with self.assertRefused(ValidationError, "must be a Job Coaching user"):
            self.Presence.create(self._vals(user_id=self.finance.id))

    def test_each_agent_sees_their_own_the_coordinator_all(self):
        mine = self.Presence.with_user(self.agent).create(self._vals())
        theirs = self.Presence.with_user(self.agent_2).create(self._vals(name="Assembly"))
        zone = [("zone_id", "=", self.zone.id)]
        self.assertEqual(self.Presence.with_user(self.agent).search(zone), mine)
        self.assertEqual(self.Presence.with_user(self.coordinator).search(zone), mine | theirs)
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            theirs.with_user(self.agent).read(["name"])
        for user in (self.finance, self.internal):
            with self.assertRaises(AccessError), mute_logger("odoo.models"):
                self.Presence.with_user(user).search(zone)

    def test_files_linked_only_when_the_user_may_write_them(self):
        Presence = self.Presence.with_user(self.agent)
        with self.assertRefused(AccessError, "can only be recorded on a file of your caseload"):
            Presence.create(self._vals(beneficiary_ids=[(6, 0, self.other_person.ids)]))
        presence = Presence.create(self._vals(beneficiary_ids=[(4, self.person.id)]))
        for value in ([(4, self.other_person.id)], [(6, 0, self.other_person.ids)]):
            with self.assertRefused(AccessError, "can only be recorded on a file of your caseload"):
                presence.write({"beneficiary_ids": value})
        self.assertEqual(presence.beneficiary_ids, self.person)
        # the coordinator links any file of the company
        presence.with_user(self.coordinator).beneficiary_ids = [(4, self.other_person.id)]
        self.assertEqual(presence.sudo().file_count, 2)
        # the agent's view lists their own file only, the count stays, and
        # stays right when the agent links another file of theirs
        presence.invalidate_recordset()
        self.assertEqual(presence.beneficiary_ids, self.person)
        self.assertEqual(presence.file_count, 2)
        third = self._create_beneficiary(first_name="Third")
        with Form(presence) as form:
            form.beneficiary_ids.add(third)
            self.assertEqual(form.file_count, 3)
        self.assertEqual(presence.file_count, 3)
        presence.write({"beneficiary_ids": [(3, third.id)]})
        self.assertEqual(presence.file_count, 2)
        presence.write({"beneficiary_ids": [(4, third.id)]})
        self.assertEqual(presence.file_count, 3)
        presence.invalidate_recordset()
        self.assertEqual(presence.sudo().beneficiary_ids, self.person | self.other_person | third)

    def test_menus_and_views_for_agents_and_coordinators(self):
        menus = [
            self.env.ref(f"job_coaching.{xmlid}")
            for xmlid in (
                "menu_job_coaching_outreach_presence",
                "menu_job_coaching_outreach_analysis",
                "menu_job_coaching_referral_analysis",
                "menu_job_coaching_referral_destination",
            )
        ]
        Menu = self.env["ir.ui.menu"]
        for user, visible in (
            (self.agent, menus[:3]),
            (self.coordinator, menus),
            (self.finance, []),
        ):
            shown = Menu.with_user(user)._visible_menu_ids()
            # a menu shows when it and every menu above it are visible
            self.assertEqual(
                [m for m in menus if set(map(int, m.parent_path.split("/")[:-1])) <= shown],
                visible,
                user.login,
            )
        views = [(False, kind) for kind in ("list", "form", "calendar", "pivot", "graph", "search")]
        for user in (self.agent, self.coordinator):
            loaded = self.Presence.with_user(user).get_views(views)["views"]
            self.assertEqual(set(loaded), {kind for _id, kind in views})

    def test_the_access_request_lists_the_presences_where_the_file_was_opened(self):
        self.Presence.with_user(self.agent).create(
            self._vals(name="Fête de la rue Magritte", beneficiary_ids=[(6, 0, self.person.ids)])
        )
        self.Presence.with_user(self.agent).create(self._vals(name="Market without files"))

        def presences(person):
            return [
                dict(row)["Event"]
                for section in person.with_user(self.coordinator)._access_request_data()
                if section["model"] == "job_coaching.outreach.presence"
                for row in section["records"]
            ]

        self.assertEqual(presences(self.person), ["Fête de la rue Magritte"])
        self.assertEqual(presences(self.other_person), [])
