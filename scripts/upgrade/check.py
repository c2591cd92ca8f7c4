# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""After the upgrade from the previous release: the data ``seed.py`` wrote
survived, and the migration set the new fields as its docstring says. Prints
every difference and exits non-zero when there is one.

Run inside ``odoo shell`` with the current code (``scripts/test`` does it):
``env`` is given; $JC_UPGRADE_STATE is the JSON file ``seed.py`` wrote.
"""

import json
import os
import sys

CURRENT_VERSION = "18.0.2.1.0"
SITUATION_FIELDS = ["street", "street2", "zip", "city", "cpas_status", "zone_id", "in_zone"]
KEPT_CONTRACT_FIELDS = [
    "beneficiary_id",
    "state",
    "date_start",
    "date_end_actual",
    "outcome",
    "working_time",
    "job_title",
]
KEPT_END = "Planned end kept at the upgrade to version 18.0.2"


def plain(value):
    if hasattr(value, "_name"):
        return value.id or False
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def found(Model, record_id, label, problems):
    """The seed's record, or an empty recordset and a problem when it is gone."""
    record = Model.browse(int(record_id)).exists()
    if not record:
        problems.append(f"{label} is gone")
    return record


def compare(record, old, label, expect, names=None):
    """The fields the seed wrote (``names``, by default every one but the id)
    as they were."""
    for name in names or old:
        if name != "id":
            expect(f"{label}.{name}", plain(record[name]), old[name])


def version_tuple(version):
    return tuple(int(part) for part in (version or "0").split("."))


def main(env):
    with open(os.environ["JC_UPGRADE_STATE"], encoding="utf-8") as handle:
        before = json.load(handle)
    problems = []

    def expect(what, got, wanted):
        if got != wanted:
            problems.append(f"{what}: {got!r} instead of {wanted!r}")

    module = env["ir.module.module"].search([("name", "=", "job_coaching")])
    expect("installed version", module.latest_version, CURRENT_VERSION)
    expect("module state", module.state, "installed")
    # A seed of 18.0.1 wrote no version: the checks of each migration run
    # for the releases before it.
    previous = version_tuple(before.get("version") or "18.0.1.0.0")

    Beneficiary = env["job_coaching.beneficiary"].with_context(active_test=False)
    Contract = env["job_coaching.art60.contract"]
    counts = before["counts"]
    expect("people", Beneficiary.search_count([]), counts["people"])
    expect("contracts", Contract.search_count([]), counts["contracts"])
    expect(
        "contract activities",
        env["mail.activity"].search_count([("res_model", "=", "job_coaching.art60.contract")]),
        counts["activities"],
    )

    # People and their residence, as they were.
    for key, old in before["people"].items():
        if person := found(Beneficiary, old["id"], f"person {key}", problems):
            compare(person, old, key, expect)
    if not any(old["in_zone"] for old in before["people"].values()):
        problems.append("nobody of the seed lived in the zone: the residence check is empty")
    check_situations(env, before, problems, expect, previous)

    # The rules of 18.0.1 became the rule set valid until 28 February 2026.
    Rule = env["job_coaching.art60.duration.rule"].with_context(active_test=False)
    for rule_id, old in before["rules"].items():
        rule = found(Rule, rule_id, f"rule {rule_id}", problems)
        if not rule:
            continue
        compare(rule, old, f"rule {rule.name}", expect)
        if previous < (18, 0, 2):
            expect(f"rule {rule.name}.date_to", plain(rule.date_to), "2026-02-28")
            expect(f"rule {rule.name}.date_from", rule.date_from, False)
        if not rule.legal_source:
            problems.append(f"rule {rule.name} has no legal source")
    new_rule = env.ref("job_coaching.art60_duration_rule_2026", raise_if_not_found=False)
    if not new_rule:
        problems.append("the rule of the loi-programme of 18 July 2025 was not loaded")
    else:
        expect("2026 rule", (plain(new_rule.date_from), new_rule.working_days), ("2026-03-01", 312))

    # Contracts: what was there stays; the computed ends follow the new rules.
    contracts = {}
    for key, old in before["contracts"].items():
        contract = found(Contract, old["id"], f"contract {key}", problems)
        if not contract:
            continue
        contracts[key] = contract
        kept = KEPT_CONTRACT_FIELDS if previous < (18, 0, 2) else None
        compare(contract, old, f"contract {key}", expect, kept)
    if len(contracts) == len(before["contracts"]):
        draft, running = contracts["draft"], contracts["running"]
        ended, override = contracts["ended"], contracts["override"]
        # Born 1990-01-01, from Monday 2025-03-03 (rules before March 2026):
        # 312 days of a 6-day week end on 2026-02-28, aged 36, so the 36-49
        # bracket: 468 days = 78 weeks, 2025-03-03 + 544 days = 2026-08-29.
        # A draft follows the new computed end.
        expect("draft computed end", plain(draft.date_end_computed), "2026-08-29")
        expect("draft planned end", plain(draft.date_end), "2026-08-29")
        expect("draft age at end", draft.age_at_end, 36)
        expect("draft rule", draft.duration_rule_id.working_days, 468)
        expect("draft reason", draft.date_end_reason, False)
        # Born 1995-01-01, same start: 312 days, 2026-02-28. Started: the
        # signed end stays, and the reason says why it differs.
        old_running = before["contracts"]["running"]
        expect("running computed end", plain(running.date_end_computed), "2026-02-28")
        expect("running planned end", plain(running.date_end), old_running["date_end"])
        if old_running["date_end"] != "2026-02-28" and KEPT_END not in (
            running.date_end_reason or ""
        ):
            problems.append("the running contract's kept end has no reason")
        old_ended = before["contracts"]["ended"]
        expect("ended planned end", plain(ended.date_end), old_ended["date_end"])
        # A draft with an end entered by hand keeps it and its reason; from
        # Monday 2027-01-04 (loi-programme): 312 days, + 362 days = 2028-01-01.
        expect("override planned end", plain(override.date_end), "2028-06-30")
        expect("override reason", override.date_end_reason, "Agreed with the user employer.")
        expect("override computed end", plain(override.date_end_computed), "2028-01-01")
        expect("override rule", override.duration_rule_id, new_rule)
        for key, contract in contracts.items():
            if "Rule set in force on" not in (contract.duration_explanation or ""):
                problems.append(f"contract {key} does not explain its rule set")

    for problem in problems:
        print("UPGRADE CHECK:", problem)
    if problems:
        sys.exit(1)
    print("UPGRADE CHECK PASSED")


def check_situations(env, before, problems, expect, previous):
    """From 18.0.2.1 on: every file has its first residence and status period
    (its address and status, from its intake day, still running), and the
    streets of the zones cover both sides, every house number."""
    if previous >= (18, 0, 2, 1):
        return
    Situation = env["job_coaching.situation"]
    Beneficiary = env["job_coaching.beneficiary"].with_context(active_test=False)
    for key, old in before["people"].items():
        periods = Situation.search([("beneficiary_id", "=", old["id"])])
        if len(periods) != 1:
            problems.append(f"person {key} has {len(periods)} residence periods instead of 1")
            continue
        # the seed's intakes are all on or before the day of the upgrade
        expect(f"{key} period start", plain(periods.date_from), old["intake_date"])
        expect(f"{key} period end", periods.date_to, False)
        for name in SITUATION_FIELDS:
            expect(f"{key} period {name}", plain(periods[name]), old[name])
    files = Beneficiary.search_count([])
    expect(
        "files without a residence period",
        Beneficiary.search_count([("situation_ids", "=", False)]),
        0,
    )
    expect("residence periods", Situation.search_count([]), files)
    Street = env["job_coaching.zone.street"]
    for street_id, old in before["streets"].items():
        street = found(Street, street_id, f"street line {street_id}", problems)
        if not street:
            continue
        compare(street, old, f"street {street.name}", expect)
        expect(
            f"street {street.name} part",
            (street.side, street.number_from, street.number_to),
            ("both", 0, 0),
        )
    if not before["streets"]:
        problems.append("the seed holds no street line: the street check is empty")
    env.cr.execute(
        "SELECT 1 FROM pg_constraint WHERE conname = 'job_coaching_zone_street_name_zone_uniq'"
    )
    if env.cr.fetchone():
        problems.append("a street may still appear only once in a zone")


if "env" in globals():
    main(env)  # noqa: F821 - given by odoo shell
