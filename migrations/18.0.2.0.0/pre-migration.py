# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""From 18.0.1 to 18.0.2: dated art. 60 §7 duration rules.

Before the models load:

- The duration rules gain a validity period and a legal source. Every rule of
  18.0.1 is a rule of the regime before 1 March 2026 (312 / 468 / 624 days by
  age): it becomes valid until 28 February 2026, so that the rule of the
  loi-programme of 18 July 2025 (valid from 1 March 2026, every age), which the
  upgrade loads, does not clash with it.
- The planned and computed ends of the contracts are kept aside: the
  post-migration decides which planned ends stay (see there).
"""

LEGAL_SOURCE_BEFORE_2026 = (
    "Royal decree of 25 November 1991 on unemployment, art. 30 "
    "(before the loi-programme of 18 July 2025)"
)


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        ALTER TABLE job_coaching_art60_duration_rule
            ADD COLUMN IF NOT EXISTS date_from date,
            ADD COLUMN IF NOT EXISTS date_to date,
            ADD COLUMN IF NOT EXISTS legal_source varchar
        """
    )
    cr.execute(
        """
        UPDATE job_coaching_art60_duration_rule
           SET date_to = '2026-02-28',
               legal_source = COALESCE(legal_source, %s)
         WHERE date_from IS NULL AND date_to IS NULL
        """,
        [LEGAL_SOURCE_BEFORE_2026],
    )
    cr.execute(
        """
        CREATE TABLE IF NOT EXISTS job_coaching_art60_contract_end_18_0_1 AS
        SELECT id, state, date_end, date_end_computed
          FROM job_coaching_art60_contract
        """
    )
