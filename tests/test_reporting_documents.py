# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common_employment import EmploymentCase


@tagged("post_install", "-at_install")
@freeze_time("2021-06-15 12:00:00")
class TestReportingDocuments(EmploymentCase):
    """The beneficiary file and the art. 60 evaluation form render (as HTML in
    tests) with what the printing user may read, and nothing more."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time("2021-06-15 12:00:00"):
            cls.person = cls._create_beneficiary(
                first_name="Filed",
                birth_date="1990-03-03",
                shared_user_ids=[(4, cls.agent_2.id)],
            )
            cls.env["job_coaching.session"].create(
                {
                    "beneficiary_id": cls.person.id,
                    "user_id": cls.agent.id,
                    "start": "2021-06-01 08:00:00",
                    "stop": "2021-06-01 09:00:00",
                    "kind": "assessment",
                    "state": "done",
                }
            )
            cls.env["job_coaching.social.note"].with_user(cls.agent).create(
                {"beneficiary_id": cls.person.id, "body": "<p>Debt mediation under way</p>"}
            )
            cls.contract = cls._create_contract(
                cls.person, date_start="2021-03-01", job_title="Gardener", tutor="Mr Green"
            )
            cls.contract.state = "running"
            cls.evaluation = cls.Evaluation.create(
                {"contract_id": cls.contract.id, "date": "2021-06-10", "comments": "Keeps time"}
            )
            cls.evaluation.line_ids[0].write({"score": 4, "comment": "Always on time"})

    def _html(self, report, records, user):
        html, _format = (
            self.env["ir.actions.report"].with_user(user)._render_qweb_html(report, records.ids)
        )
        return html.decode()

    def test_beneficiary_file_with_notes_for_their_author_and_the_coordinator(self):
        for user in (self.agent, self.coordinator):
            html = self._html("job_coaching.report_beneficiary_file", self.person, user)
            self.assertIn("Filed Test", html)
            self.assertIn("Assessment", html)
            self.assertIn("Gardener", html)
            self.assertIn("Debt mediation under way", html)
        # A colleague the file is shared with reads the file, not the note.
        html = self._html("job_coaching.report_beneficiary_file", self.person, self.agent_2)
        self.assertIn("Filed Test", html)
        self.assertNotIn("Debt mediation under way", html)
        self.assertNotIn("Confidential social notes", html)

    def test_beneficiary_file_refused_to_others(self):
        for user in (self.finance, self.internal):
            with self.assertRaises(AccessError):
                self._html("job_coaching.report_beneficiary_file", self.person, user)
        other = self._create_beneficiary(first_name="Elsewhere", user_id=self.agent_2.id)
        with self.assertRaises(AccessError):
            self._html("job_coaching.report_beneficiary_file", other, self.agent)

    def test_evaluation_form(self):
        html = self._html("job_coaching.report_art60_evaluation", self.evaluation, self.agent)
        for text in ("Filed Test", "Gardener", "Mr Green", "Punctuality", "Always on time"):
            self.assertIn(text, html)
        self.assertIn("4.00", html)
        self.assertIn("Keeps time", html)
        with self.assertRaises(AccessError):
            self._html("job_coaching.report_art60_evaluation", self.evaluation, self.finance)

    def _log(self, user):
        logs = self.env["job_coaching.access.log"].search([("user_id", "=", user.id)], order="id")
        return [(log.what, log.model, log.record_count, log.record_ids) for log in logs]

    def test_prints_of_the_file_and_the_evaluation_form_are_logged(self):
        """Data protection: every print of a report on a person's records is
        logged (who, what, how many records)."""
        self._html("job_coaching.report_beneficiary_file", self.person, self.agent)
        self._html("job_coaching.report_art60_evaluation", self.evaluation, self.coordinator)
        self.assertEqual(
            self._log(self.agent),
            [("Beneficiary File", "job_coaching.beneficiary", 1, str(self.person.id))],
        )
        self.assertEqual(
            self._log(self.coordinator),
            [("Evaluation Form", "job_coaching.art60.evaluation", 1, str(self.evaluation.id))],
        )

    def test_exports_of_linked_records_are_logged(self):
        """An export of a person's records (not only of the files) leaves a
        line in the log, with the number of records."""
        self.agent.groups_id = [(4, self.env.ref("base.group_allow_export").id)]
        sessions = self.env["job_coaching.session"].search(
            [("beneficiary_id", "=", self.person.id)]
        )
        self.assertEqual(len(sessions), 1)
        rows = sessions.with_user(self.agent).export_data(["kind", "state"])["datas"]
        self.assertEqual(rows, [["Assessment", "Done"]])
        contract = self.contract.with_user(self.agent)
        self.assertEqual(contract.export_data(["job_title"])["datas"], [["Gardener"]])
        evaluation = self.evaluation.with_user(self.agent)
        self.assertEqual(evaluation.line_ids.export_data(["score"])["datas"], [[4], [0]])
        self.assertEqual(
            self._log(self.agent),
            [
                ("Export", "job_coaching.session", 1, str(sessions.id)),
                ("Export", "job_coaching.art60.contract", 1, str(self.contract.id)),
                (
                    "Export",
                    "job_coaching.art60.evaluation.line",
                    2,
                    ",".join(map(str, evaluation.line_ids.ids)),
                ),
            ],
        )
