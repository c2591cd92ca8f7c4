# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""From 18.0.2.0 to 18.0.2.1: residence and status over time.

- Every file gets its first residence and status period: its current
  address and CPAS status, from its intake day (today when the intake is
  planned later), still running. The reports count every event of the file
  with it, as they counted them with the current address before.
- The streets of the zones cover both sides, every house number, as before;
  a street may now have several lines (a side, a range of numbers), so the
  rule "a street appears once in a zone" is dropped.
"""

from odoo import SUPERUSER_ID, api, fields

# What a period records of the file.
SITUATION_FIELDS = ("street", "street2", "zip", "city", "cpas_status")


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
    cr.execute("UPDATE job_coaching_zone_street SET side = 'both' WHERE side IS NULL")
    cr.execute(
        "ALTER TABLE job_coaching_zone_street DROP CONSTRAINT IF EXISTS "
        "job_coaching_zone_street_name_zone_uniq"
    )
    today = fields.Date.context_today(env["job_coaching.situation"])
    people = (
        env["job_coaching.beneficiary"]
        .with_context(active_test=False)
        .search([("situation_ids", "=", False)])
    )
    env["job_coaching.situation"].create(
        [
            {
                "beneficiary_id": person.id,
                "date_from": min(person.intake_date or today, today),
                **{name: person[name] or False for name in SITUATION_FIELDS},
            }
            for person in people
        ]
    )
    env.flush_all()
