# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import threading
import time
from datetime import date
from unittest.mock import patch

from psycopg2 import IntegrityError

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import DummyRLock, Registry
from odoo.tests import BaseCase, get_db_name, tagged
from odoo.tools import mute_logger

from odoo.addons.job_coaching.tools import make_register_number


@tagged("post_install", "-at_install")
class TestConcurrency(BaseCase):
    """What must happen once holds under two concurrent transactions, because
    the database refuses it, not only the Python checks (which cannot see
    what another transaction has not committed yet)."""

    def setUp(self):
        super().setUp()
        self.registry = Registry(get_db_name())
        # The test runner holds the registry lock for the whole run; the
        # transactions of this test run in threads of their own (as the HTTP
        # workers of a real server do), so they must not wait for it.
        patcher = patch.object(Registry, "_lock", DummyRLock())
        patcher.start()
        self.addCleanup(patcher.stop)

    def _in_new_transaction(self, action, started, release, outcome):
        """Run ``action(env)`` in its own transaction; wait for ``release``
        before committing. ``outcome`` gets the record's model and id, then
        "committed", or the error."""
        try:
            with self.registry.cursor() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
                record = action(env)
                env.flush_all()
                outcome["record"] = (record._name, record.ids)
                started.set()
                release.wait(10)
                # Two real transactions are the point of this test.
                cr.commit()  # pylint: disable=invalid-commit
                outcome["committed"] = True
        except IntegrityError as error:
            outcome["error"] = error
        except Exception as error:
            outcome["other"] = error
        finally:
            started.set()

    def _race(self, first_action, second_action):
        """Run two transactions doing the same thing: the first inserts and
        waits; the second's Python checks see nothing committed, its INSERT
        waits on the first's lock until the first commits. Both threads are
        waited for; whatever either committed is deleted at the end of the
        test, whatever happens. Return both outcomes."""
        first_started, first_release, first = threading.Event(), threading.Event(), {}
        second_started, second_release, second = threading.Event(), threading.Event(), {}
        self.addCleanup(self._delete_committed, first, second)
        one = threading.Thread(
            target=self._in_new_transaction,
            args=(first_action, first_started, first_release, first),
        )
        two = threading.Thread(
            target=self._in_new_transaction,
            args=(second_action, second_started, second_release, second),
        )
        try:
            one.start()
            self.assertTrue(first_started.wait(10), "the first transaction never inserted")
            self.assertIn("record", first, first.get("other"))
            with mute_logger("odoo.sql_db"):
                two.start()
                self._wait_for_a_lock_wait()
                first_release.set()
                one.join(20)
                second_release.set()
                two.join(20)
        finally:
            # Never leave a transaction waiting, even when an assertion failed.
            first_release.set()
            second_release.set()
            for thread in (one, two):
                if thread.is_alive():
                    thread.join(20)
        self.assertFalse(one.is_alive(), "the first transaction never finished")
        self.assertFalse(two.is_alive(), "the second transaction never finished")
        # The first committed; the second was refused by the database.
        self.assertEqual(sorted(first), ["committed", "record"], first.get("other"))
        self.assertEqual(sorted(second), ["error"], second.get("other"))
        return first, second

    def _delete_committed(self, *outcomes):
        """Delete what the transactions of the race committed."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            for outcome in outcomes:
                if outcome.get("committed"):
                    model, ids = outcome["record"]
                    env[model].browse(ids).exists().with_context(_force_unlink=True).unlink()

    def _commit_fixture(self, build, clean):
        """Commit what ``build(env)`` creates (both transactions must see it);
        ``clean(env, fixture)`` removes it at the end of the test."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            fixture = build(env)
            ids = {key: (record._name, record.ids) for key, record in fixture.items()}

        def cleanup():
            with self.registry.cursor() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
                clean(
                    env, {key: env[model].browse(rec_ids) for key, (model, rec_ids) in ids.items()}
                )

        self.addCleanup(cleanup)
        return {key: rec_ids for key, (_model, rec_ids) in ids.items()}

    def _wait_for_a_lock_wait(self):
        """Return once a transaction waits on another's lock (the second INSERT
        waiting on the unique index), at most 10 seconds later."""
        for _attempt in range(100):
            with self.registry.cursor() as cr:
                cr.execute(
                    "SELECT count(*) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND wait_event_type = 'Lock'"
                )
                if cr.fetchone()[0]:
                    return
            time.sleep(0.1)
        self.fail("the second transaction never waited for the first")

    def _count(self, query, params):
        with self.registry.cursor() as cr:
            cr.execute(query, params)
            return cr.fetchall()

    def test_register_number_unique_under_concurrency(self):
        number = make_register_number(date(1979, 12, 24), 501)
        vals = {"first_name": "Twin", "last_name": "Transaction", "niss": number}

        def create(first_name):
            return lambda env: env["job_coaching.beneficiary"].create(
                dict(vals, first_name=first_name)
            )

        first, second = self._race(create("Twin"), create("Other"))
        self.assertIn("job_coaching_beneficiary_niss_company_uniq", str(second["error"]))
        rows = self._count(
            "SELECT id, first_name FROM job_coaching_beneficiary WHERE niss = %s", (number,)
        )
        self.assertEqual(rows, [(first["record"][1][0], "Twin")])

    def test_monthly_personnel_posting_once_under_concurrency(self):
        def build(env):
            funder = env["res.partner"].create({"name": "Race Region", "is_company": True})
            subsidy = env["job_coaching.subsidy"].create(
                {
                    "name": "Race subsidy",
                    "reference": "RACE 01",
                    "funder_id": funder.id,
                    "date_start": "2026-01-01",
                    "date_end": "2026-12-31",
                }
            )
            subsidy.action_create_analytic_accounts()
            employee = env["hr.employee"].create({"name": "Race Agent"})
            allocation = env["job_coaching.staff.allocation"].create(
                {
                    "subsidy_id": subsidy.id,
                    "employee_id": employee.id,
                    "fte": 0.5,
                    "monthly_cost": 4000.0,
                    "date_start": "2026-01-01",
                    "date_end": "2026-12-31",
                }
            )
            return {
                "funder": funder,
                "subsidy": subsidy,
                "employee": employee,
                "allocation": allocation,
            }

        def clean(env, fixture):
            fixture["allocation"].posting_ids.unlink()
            fixture["allocation"].unlink()
            accounts = fixture["subsidy"]._get_accounts()
            fixture["subsidy"].unlink()
            accounts.unlink()
            fixture["employee"].unlink()
            fixture["funder"].unlink()

        ids = self._commit_fixture(build, clean)

        def post(env):
            allocation = env["job_coaching.staff.allocation"].browse(ids["allocation"])
            return allocation._post_cost("2026-03-01")

        first, second = self._race(post, post)
        self.assertIn("allocation_month_unique", str(second["error"]))
        rows = self._count(
            "SELECT id, amount FROM job_coaching_staff_cost_posting "
            "WHERE allocation_id = %s AND month = '2026-03-01'",
            ids["allocation"][:1],
        )
        # 4000 a month at half time, posted once: the first transaction's.
        self.assertEqual(rows, [(first["record"][1][0], 2000.0)])

    def test_exit_followup_once_under_concurrency(self):
        def build(env):
            person = env["job_coaching.beneficiary"].create(
                {
                    "first_name": "Race",
                    "last_name": "Exit",
                    "niss": make_register_number(date(1980, 5, 6), 77),
                }
            )
            exit_ = env["job_coaching.exit"].create(
                {"beneficiary_id": person.id, "date": "2025-01-15", "reason": "training"}
            )
            return {"person": person, "exit": exit_}

        def clean(env, fixture):
            fixture["exit"].followup_ids.unlink()
            fixture["exit"].unlink()
            fixture["person"].unlink()

        ids = self._commit_fixture(build, clean)

        def follow_up(env):
            return env["job_coaching.exit.followup"].create(
                {"exit_id": ids["exit"][0], "offset_months": "3", "date_due": "2025-04-15"}
            )

        first, second = self._race(follow_up, follow_up)
        self.assertIn("exit_offset_uniq", str(second["error"]))
        rows = self._count(
            "SELECT id FROM job_coaching_exit_followup WHERE exit_id = %s AND offset_months = '3'",
            ids["exit"][:1],
        )
        self.assertEqual(rows, [(first["record"][1][0],)])
