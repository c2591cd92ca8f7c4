# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from xmlrpc.client import Fault

from odoo.exceptions import AccessError
from odoo.tests import Form, HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import FINANCE_GROUP, MANAGER_GROUP, USER_GROUP, JobCoachingCase

SECRET = "Debt mediation in progress"


@tagged("post_install", "-at_install")
class TestSocialNote(JobCoachingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.person = cls._create_beneficiary(shared_user_ids=[(6, 0, [cls.agent_2.id])])
        cls.session = (
            cls.env["job_coaching.session"]
            .with_user(cls.agent)
            .create(
                {
                    "beneficiary_id": cls.person.id,
                    "start": "2026-06-16 09:00:00",
                    "stop": "2026-06-16 10:00:00",
                }
            )
        )
        cls.Note = cls.env["job_coaching.social.note"]

    def _write_note(self, user):
        with Form(self.session.with_user(user)) as form, form.social_note_ids.new() as line:
            line.body = f"<p>{SECRET}</p>"
        return self.session.social_note_ids.filtered(lambda n: n.author_id == user)

    def test_author_and_coordinator_read_the_note(self):
        note = self._write_note(self.agent)
        self.assertEqual(note.author_id, self.agent)
        self.assertEqual(note.beneficiary_id, self.person)
        # Read as each user's own request would: nothing from the cache.
        for user in (self.agent, self.coordinator):
            self.env.invalidate_all()
            self.assertEqual(
                note.with_user(user).read(["body"]), [{"id": note.id, "body": f"<p>{SECRET}</p>"}]
            )
            self.env.invalidate_all()
            self.assertEqual(self.session.with_user(user).social_note_ids, note)

    @mute_logger("odoo.models", "odoo.addons.base.models.ir_rule")
    def test_other_agent_and_finance_cannot_read_the_note(self):
        note = self._write_note(self.agent)
        # agent_2 shares the file, so reads the session, but not the note.
        self.session.summary = "<p>Shared summary</p>"
        self.assertEqual(
            self.session.with_user(self.agent_2).read(["summary"]),
            [{"id": self.session.id, "summary": "<p>Shared summary</p>"}],
        )
        # What a request of that agent reads (the cache is shared by the test's users).
        self.env.invalidate_all()
        self.assertFalse(self.session.with_user(self.agent_2).social_note_ids)
        self.assertFalse(self.Note.with_user(self.agent_2).search([]))
        for user in (self.agent_2, self.finance, self.internal):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                note.with_user(user).read(["body"])
        with self.assertRaises(AccessError):
            note.with_user(self.agent_2).write({"body": "<p>Changed</p>"})
        self.assertIn(SECRET, note.body)

    def test_author_is_the_writer(self):
        note = self.Note.with_user(self.agent).create(
            {"session_id": self.session.id, "body": "<p>Mine</p>"}
        )
        self.assertEqual(note.author_id, self.agent)
        # Nobody writes a note on someone else's name, nor rewrites its author.
        with self.assertRefused(AccessError, "set by the application"):
            self.Note.with_user(self.agent).create(
                {"session_id": self.session.id, "author_id": self.agent_2.id, "body": "<p>X</p>"}
            )
        with self.assertRefused(AccessError, "set by the application"):
            note.with_user(self.agent).write({"author_id": self.agent_2.id})
        self.assertEqual(note.author_id, self.agent)

    def test_note_never_in_the_chatter(self):
        session = self.session.with_context(tracking_disable=False)
        session.with_user(self.agent).write(
            {"social_note_ids": [(0, 0, {"body": f"<p>{SECRET}</p>"})]}
        )
        session.flush_recordset()
        messages = self.env["mail.message"].search(
            [("model", "in", ("job_coaching.session", "job_coaching.beneficiary"))]
        )
        self.assertFalse(messages.filtered(lambda m: SECRET in (m.body or "")))
        self.assertFalse(
            messages.tracking_value_ids.filtered(
                lambda t: SECRET in (t.old_value_char or "") + (t.new_value_char or "")
            )
        )


@tagged("post_install", "-at_install")
class TestSocialNoteRpc(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {
            login: new_test_user(cls.env, login=login, password=f"{login}_pw", groups=groups)
            for login, groups in (
                ("jc_note_author", USER_GROUP),
                ("jc_note_other", USER_GROUP),
                ("jc_note_coordinator", MANAGER_GROUP),
                ("jc_note_finance", FINANCE_GROUP),
            )
        }
        author = cls.users["jc_note_author"]
        person = cls.env["job_coaching.beneficiary"].create(
            {
                "first_name": "Rpc",
                "last_name": "Note",
                "user_id": author.id,
                "shared_user_ids": [(6, 0, [cls.users["jc_note_other"].id])],
            }
        )
        session = (
            cls.env["job_coaching.session"]
            .with_user(author)
            .create(
                {
                    "beneficiary_id": person.id,
                    "start": "2026-06-16 09:00:00",
                    "stop": "2026-06-16 10:00:00",
                }
            )
        )
        cls.note = (
            cls.env["job_coaching.social.note"]
            .with_user(author)
            .create({"session_id": session.id, "body": f"<p>{SECRET}</p>"})
        )

    def _rpc(self, login, method, *args, **kwargs):
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname,
            self.users[login].id,
            f"{login}_pw",
            "job_coaching.social.note",
            method,
            list(args),
            kwargs,
        )

    def test_note_over_xmlrpc(self):
        for login in ("jc_note_author", "jc_note_coordinator"):
            [values] = self._rpc(login, "read", [self.note.id], ["body"])
            self.assertIn(SECRET, values["body"])
        for login in ("jc_note_other", "jc_note_finance"):
            with self.subTest(login=login), mute_logger("odoo.http"):
                with self.assertRaises(Fault) as caught:
                    self._rpc(login, "read", [self.note.id], ["body"])
                self.assertNotIn(SECRET, caught.exception.faultString)
        self.assertEqual(self._rpc("jc_note_other", "search_read", [], ["body"]), [])
        with mute_logger("odoo.http"), self.assertRaises(Fault):
            self._rpc("jc_note_finance", "search_read", [], ["body"])
