# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""From 18.0.1 to 18.0.2: the contracts under the new duration rules.

Every contract's computed end is recomputed as 18.0.2 computes it (the rule
set in force on the start date, the bracket of the age at the end, days of a
6-day week, days already worked, suspension). Its planned end:

- a draft contract whose planned end followed the computed one follows the
  new computed end: nothing was signed yet;
- a contract already started, running or ended, and a draft whose planned end
  had been entered by hand, keep their planned end: it is what was signed or
  decided. When it differs from the new computed end and no reason was
  written, the reason says where the end comes from, so that the coordinator
  sees the difference and the form's rule (another end needs a reason) holds.
"""

from odoo import SUPERUSER_ID, api

KEPT_END_REASON = (
    "Planned end kept at the upgrade to version 18.0.2: it was computed by the "
    "former rules (Monday-to-Friday days, age at the start). The computed end "
    "shows the days of the unemployment regulation."
)


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    Contract = env["job_coaching.art60.contract"].with_context(active_test=False)
    contracts = Contract.search([])
    if contracts:
        env.add_to_compute(Contract._fields["date_end_computed"], contracts)
        env.flush_all()
        env.add_to_compute(Contract._fields["date_end"], contracts)
        env.flush_all()
    cr.execute(
        """
        UPDATE job_coaching_art60_contract c
           SET date_end = old.date_end
          FROM job_coaching_art60_contract_end_18_0_1 old
         WHERE old.id = c.id
           AND old.date_end IS NOT NULL
           AND (old.state != 'draft' OR old.date_end IS DISTINCT FROM old.date_end_computed)
        """
    )
    cr.execute(
        """
        UPDATE job_coaching_art60_contract
           SET date_end_reason = %s
         WHERE date_end IS DISTINCT FROM date_end_computed
           AND date_end_computed IS NOT NULL
           AND COALESCE(TRIM(date_end_reason), '') = ''
        """,
        [KEPT_END_REASON],
    )
    cr.execute("DROP TABLE job_coaching_art60_contract_end_18_0_1")
    env.invalidate_all()
