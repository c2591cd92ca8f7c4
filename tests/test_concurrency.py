# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import threading
import time
from unittest.mock import patch

from psycopg2 import IntegrityError

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import DummyRLock, Registry
from odoo.tests import BaseCase, get_db_name, tagged
from odoo.tools import mute_logger

from .common import make_niss


@tagged("post_install", "-at_install")
class TestConcurrency(BaseCase):
    """What must happen once holds under two concurrent transactions, because
    the database refuses it, not only the Python checks (which cannot see
    what another transaction has not committed yet)."""

    def setUp(self):
        super().setUp()
        self.registry = Registry(get_db_name())
        self.created = []
        # The test runner holds the registry lock for the whole run; the
        # transactions of this test run in threads of their own (as the HTTP
        # workers of a real server do), so they must not wait for it.
        patcher = patch.object(Registry, "_lock", DummyRLock())
        patcher.start()
        self.addCleanup(patcher.stop)

    def tearDown(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["job_coaching.beneficiary"].browse(self.created).exists().with_context(
                _force_unlink=True
            ).unlink()
        super().tearDown()

    def _create_in_new_transaction(self, vals, started, release, outcome):
        """Create in its own transaction; wait for ``release`` before committing."""
        try:
            with self.registry.cursor() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
                record = env["job_coaching.beneficiary"].create(vals)
                env.flush_all()
                outcome["id"] = record.id
                started.set()
                release.wait(10)
                # Two real transactions are the point of this test.
                cr.commit()  # pylint: disable=invalid-commit
        except IntegrityError as error:
            outcome["error"] = error
        except Exception as error:
            outcome["other"] = error
        finally:
            started.set()

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

    def test_register_number_unique_under_concurrency(self):
        number = make_niss(1979, 12, 24, 501)
        vals = {"first_name": "Twin", "last_name": "Transaction", "niss": number}
        first_started, first_release, first = threading.Event(), threading.Event(), {}
        second_started, second_release, second = threading.Event(), threading.Event(), {}
        one = threading.Thread(
            target=self._create_in_new_transaction,
            args=(dict(vals), first_started, first_release, first),
        )
        one.start()
        first_started.wait(10)
        self.assertIn("id", first)
        # The second transaction's Python check sees nothing committed yet;
        # its INSERT waits on the unique index until the first commits.
        two = threading.Thread(
            target=self._create_in_new_transaction,
            args=(dict(vals, first_name="Other"), second_started, second_release, second),
        )
        with mute_logger("odoo.sql_db"):
            two.start()
            self._wait_for_a_lock_wait()
            first_release.set()
            one.join(20)
            second_release.set()
            two.join(20)
        self.created = [first["id"]]
        self.assertNotIn("other", second)
        self.assertIn("error", second, "the database let a second file take the number")
        self.assertIn("job_coaching_beneficiary_niss_company_uniq", str(second["error"]))
        with self.registry.cursor() as cr:
            cr.execute("SELECT count(*) FROM job_coaching_beneficiary WHERE niss = %s", (number,))
            self.assertEqual(cr.fetchone()[0], 1)
