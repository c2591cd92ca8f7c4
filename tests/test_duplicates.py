# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.job_coaching.tools import make_register_number

from .common import JobCoachingCase


@tagged("post_install", "-at_install")
class TestDuplicates(JobCoachingCase):
    def test_same_register_number_refused(self):
        number = make_register_number(date(1985, 7, 30), 33)
        self._create_beneficiary(user=self.agent, niss=number, birth_date=False)
        count = self.Beneficiary.search_count([])
        # Another agent, another spelling of the same number, another name:
        # refused, without a word about a file that agent may not open.
        with self.assertRefused(
            ValidationError, "already registered in another file of the CPAS"
        ) as caught:
            self._create_beneficiary(
                user=self.agent_2, first_name="Other", niss="85073003328", birth_date=False
            )
        self.assertNotIn("Agent A", str(caught.exception))
        self.assertNotIn("Nadia", str(caught.exception))
        self.assertEqual(self.Beneficiary.search_count([]), count)
        # The coordinator, who may open it, is told who follows it.
        with self.assertRefused(ValidationError, "in a file followed by Agent A"):
            self._create_beneficiary(
                user=self.coordinator,
                first_name="Other",
                niss="85073003328",
                birth_date=False,
                user_id=self.agent_2.id,
            )

    def test_same_register_number_of_an_archived_file_refused(self):
        number = make_register_number(date(1985, 7, 30), 33)
        self._create_beneficiary(niss=number, birth_date=False).active = False
        with self.assertRaises(ValidationError):
            self._create_beneficiary(niss=number, birth_date=False)

    def test_same_register_number_on_write_refused(self):
        number = make_register_number(date(1985, 7, 30), 33)
        self._create_beneficiary(niss=number, birth_date=False)
        other = self._create_beneficiary(first_name="Other", birth_date=False)
        with self.assertRefused(ValidationError, "already registered"):
            other.write({"niss": "85 07 30 033 28"})
        self.assertFalse(other.niss)

    def test_same_register_number_in_one_batch_refused(self):
        number = make_register_number(date(1985, 7, 30), 33)
        with self.assertRefused(ValidationError, "given to two people at once"):
            self.Beneficiary.create(
                [
                    self._beneficiary_vals(niss=number, birth_date=False),
                    self._beneficiary_vals(niss=number, birth_date=False, first_name="Twin"),
                ]
            )

    def test_database_refuses_what_python_missed(self):
        number = make_register_number(date(1985, 7, 30), 33)
        person = self._create_beneficiary(niss=number, birth_date=False)
        other = self._create_beneficiary(first_name="Other")
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.env.cr.execute(
                "UPDATE job_coaching_beneficiary SET niss = %s WHERE id = %s",
                (person.niss, other.id),
            )

    def test_same_number_in_another_company_allowed(self):
        number = make_register_number(date(1985, 7, 30), 33)
        self._create_beneficiary(niss=number, birth_date=False)
        other_company = self.env["res.company"].create({"name": "CPAS de Ganshoren"})
        person = self._create_beneficiary(
            niss=number, birth_date=False, company_id=other_company.id, user_id=False
        )
        self.assertEqual(person.niss, number)
        # Nor is a file of another CPAS a possible duplicate of this one.
        self.assertEqual(person.duplicate_count, 0)

    def test_same_name_and_birth_date_flagged(self):
        first = self._create_beneficiary(user=self.agent, first_name="Éric", last_name="Dupont")
        self.assertEqual(first.duplicate_count, 0)
        second = self._create_beneficiary(user=self.agent_2, first_name="eric", last_name="DUPONT")
        # Flagged, not refused: two people may share a name and a birthday.
        self.assertEqual(second.duplicate_count, 1)
        first.invalidate_recordset(["duplicate_count"])
        self.assertEqual(first.duplicate_count, 1)
        other_day = self._create_beneficiary(
            first_name="Eric", last_name="Dupont", birth_date="1995-04-13"
        )
        self.assertEqual(other_day.duplicate_count, 0)
        action = second.action_open_duplicates()
        self.assertEqual(self.Beneficiary.search(action["domain"]), first)

    def test_duplicate_count_batched(self):
        people = self.Beneficiary
        for index in range(5):
            people |= self._create_beneficiary(first_name=f"Batch{index}")
        people.invalidate_recordset(["duplicate_count"])
        with self.assertQueryCount(1):
            self.assertEqual(people.mapped("duplicate_count"), [0] * 5)
