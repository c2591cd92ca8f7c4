# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.tests import tagged

from odoo.addons.job_coaching.tools import make_register_number

from .common import JobCoachingCase

# The fields the beneficiary list asks for (its columns and activity widget).
LIST_SPEC = {
    "name": {},
    "niss_masked": {},
    "age": {},
    "in_zone": {},
    "is_eligible": {},
    "cpas_status": {},
    "referral_channel_id": {"fields": {"display_name": {}}},
    "intake_date": {},
    "stage_id": {"fields": {"display_name": {}}},
    "user_id": {"fields": {"display_name": {}}},
    "activity_ids": {"fields": {}},
    "activity_state": {},
}


@tagged("post_install", "-at_install")
class TestQueryCounts(JobCoachingCase):
    """The hot paths of the registry: their number of queries does not grow
    with the number of records."""

    def _queries(self, func):
        func()  # warm the caches of the registry (views, rules, translations)
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        func()
        return self.env.cr.sql_log_count - before

    def _people(self, count, offset=0):
        return self.Beneficiary.create(
            [
                self._beneficiary_vals(
                    first_name=f"Perf{offset + index}",
                    niss=make_register_number(
                        date(1990, 1, 1 + (offset + index) % 28), 100 + offset + index
                    ),
                    birth_date=False,
                    user_id=self.agent.id,
                )
                for index in range(count)
            ]
        )

    def test_list_does_not_grow(self):
        Beneficiary = self.Beneficiary.with_user(self.coordinator)

        def read_list():
            Beneficiary.web_search_read([], LIST_SPEC, limit=80, count_limit=10001)

        self._people(3)
        few = self._queries(read_list)
        self._people(40, offset=3)
        many = self._queries(read_list)
        self.assertEqual(few, many)
        self.assertLessEqual(many, 10)

    def test_form_smart_buttons_do_not_grow(self):
        person = self._people(1)
        spec = {
            name: {}
            for name in (
                "duplicate_count",
                "session_count",
                "last_session_date",
                "next_session_date",
                "workshop_attended_count",
                "art60_contract_count",
                "application_count",
                "exit_count",
            )
        }
        as_coordinator = person.with_user(self.coordinator)
        alone = self._queries(lambda: as_coordinator.web_read(spec))
        self._people(30, offset=1)
        crowded = self._queries(lambda: as_coordinator.web_read(spec))
        self.assertEqual(alone, crowded)
        self.assertLessEqual(crowded, 12)

    def test_search_by_register_number_uses_one_lookup(self):
        people = self._people(20)
        number = people[7].niss
        Beneficiary = self.Beneficiary.with_user(self.coordinator)
        found = Beneficiary.search([("niss_search", "=", number.replace(".", "").replace("-", ""))])
        self.assertEqual(found, people[7])
        queries = self._queries(lambda: Beneficiary.search([("niss_search", "=", number)]))
        self.assertLessEqual(queries, 2)

    def test_batch_intake_queries_per_person_are_bounded(self):
        Beneficiary = self.Beneficiary.with_user(self.agent)

        def intake(count, offset):
            Beneficiary.create(
                [
                    self._beneficiary_vals(
                        first_name=f"Batch{offset + index}", mobile="0470 12 34 56"
                    )
                    for index in range(count)
                ]
            )
            self.env.flush_all()

        intake(2, 0)  # warm
        before = self.env.cr.sql_log_count
        intake(5, 10)
        five = self.env.cr.sql_log_count - before
        before = self.env.cr.sql_log_count
        intake(20, 100)
        twenty = self.env.cr.sql_log_count - before
        # A create batch costs a fixed number of queries, plus a few per person
        # (chatter followers and the creation message).
        self.assertLessEqual(twenty - five, 15 * 4)
