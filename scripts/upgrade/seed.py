# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Fill a database of the PREVIOUS release with people, residences and art. 60
contracts, and write what it holds to $JC_UPGRADE_STATE (JSON) for
``check.py`` to compare after the upgrade.

Run inside ``odoo shell`` against the previous release (``scripts/test`` does
it): ``env`` is given. Uses only fields and actions that release has.
"""

import json
import os

from freezegun import freeze_time

PEOPLE = {
    # key: birth date, CPAS status, street (the zone's or not), intake day
    # (None: the day of the seed)
    "anna": ("1990-01-01", "ris", "Avenue Charles Woeste 12", "2024-05-06"),
    "bilal": ("1995-01-01", "equivalent_aid", "Rue de l'Église 3", "2023-11-20"),
    "chloe": ("1980-06-15", "ris", "Avenue Charles Woeste 40", None),
    "dries": ("1970-03-03", "known_no_aid", "Rue Léon Theodor 100", "2025-01-13"),
    "emma": ("2001-09-09", "unknown", "Avenue Charles Woeste 2", None),
}
PERSON_FIELDS = [
    "name",
    "birth_date",
    "cpas_status",
    "street",
    "street2",
    "zip",
    "city",
    "in_zone",
    "zone_id",
    "intake_date",
    "active",
]
STREET_FIELDS = ["zone_id", "name", "name_nl"]
CONTRACT_FIELDS = [
    "beneficiary_id",
    "state",
    "date_start",
    "date_end",
    "date_end_computed",
    "date_end_reason",
    "date_end_actual",
    "outcome",
    "working_time",
    "job_title",
]


def plain(record, names):
    values = {}
    for name in names:
        value = record[name]
        if hasattr(value, "_name"):
            value = value.id or False
        elif hasattr(value, "isoformat"):
            value = value.isoformat()
        values[name] = value
    return values


def main(env):
    agent = env["res.users"].create(
        {
            "name": "Upgrade Agent",
            "login": "upgrade_agent",
            "groups_id": [(4, env.ref("job_coaching.group_job_coaching_user").id)],
        }
    )
    # The agent's name on the files and activities: the chatter of a file stays
    # inside the team (superuser mode: a script, not a request).
    env = env(user=agent.id, su=True, context={"tracking_disable": True})
    Beneficiary = env["job_coaching.beneficiary"]
    people = {}
    for key, (born, status, street, intake) in PEOPLE.items():
        people[key] = Beneficiary.create(
            {
                "first_name": key.capitalize(),
                "last_name": "Upgrade",
                "birth_date": born,
                "cpas_status": status,
                "street": street,
                "street2": "bte 2" if key == "anna" else False,
                "zip": "1090",
                "city": "Jette",
                "user_id": agent.id,
                **({"intake_date": intake} if intake else {}),
            }
        )
    # An archived file has a residence too.
    people["dries"].action_archive()
    employer = env["res.partner"].create(
        {"name": "Upgrade Kitchen", "is_company": True, "is_employer": True}
    )
    Contract = env["job_coaching.art60.contract"]

    def contract(person, start, **vals):
        return Contract.create(
            {
                "beneficiary_id": people[person].id,
                "placement": "user_employer",
                "user_employer_id": employer.id,
                "job_title": "Kitchen assistant",
                "date_start": start,
                **vals,
            }
        )

    contracts = {
        # a draft that follows its computed end
        "draft": contract("anna", "2025-03-03"),
        # started: its planned end was signed
        "running": contract("bilal", "2025-03-03"),
        # ended early
        "ended": contract("chloe", "2023-01-02"),
        # a draft whose planned end was entered by hand, with its reason
        "override": contract(
            "bilal",
            "2027-01-04",
            date_end="2028-06-30",
            date_end_reason="Agreed with the user employer.",
        ),
    }
    with freeze_time("2025-03-03"):
        contracts["running"].action_start()
    with freeze_time("2023-06-30"):
        contracts["ended"].action_start()
        contracts["ended"].write({"outcome": "hired_elsewhere", "end_reason": "Hired by a bakery."})
        contracts["ended"].action_end()
    rules = env["job_coaching.art60.duration.rule"].search([])
    Rule = env["job_coaching.art60.duration.rule"]
    rule_fields = [
        name
        for name in ("age_min", "age_max", "working_days", "date_from", "date_to")
        if name in Rule._fields
    ]
    streets = env["job_coaching.zone.street"].search([])
    module = env["ir.module.module"].search([("name", "=", "job_coaching")])
    state = {
        "version": module.latest_version,
        "people": {key: {"id": rec.id, **plain(rec, PERSON_FIELDS)} for key, rec in people.items()},
        "contracts": {
            key: {"id": rec.id, **plain(rec, CONTRACT_FIELDS)} for key, rec in contracts.items()
        },
        "rules": {str(rule.id): plain(rule, rule_fields) for rule in rules},
        "streets": {str(street.id): plain(street, STREET_FIELDS) for street in streets},
        "counts": {
            "people": Beneficiary.with_context(active_test=False).search_count([]),
            "contracts": Contract.search_count([]),
            "activities": env["mail.activity"].search_count(
                [("res_model", "=", "job_coaching.art60.contract")]
            ),
        },
    }
    with open(os.environ["JC_UPGRADE_STATE"], "w", encoding="utf-8") as handle:
        json.dump(state, handle, indent=1, sort_keys=True)
    # A command-line script outside any request: it commits its own work.
    env.cr.commit()
    print("UPGRADE SEED DONE")


if "env" in globals():
    main(env)  # noqa: F821 - given by odoo shell
