# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import TransactionCase, new_test_user, tagged

from .common import FINANCE_GROUP, MANAGER_GROUP, USER_GROUP

# Who may do what on every model of the add-on: read, write, create, unlink
# ("-" where refused). A model missing here fails the suite; so does a right
# that differs from the access rules the module installs.
NONE = "----"


def rights(user=NONE, manager=NONE, finance=NONE, internal=NONE, portal=NONE):
    return {
        "user": user,
        "manager": manager,
        "finance": finance,
        "internal": internal,
        "portal": portal,
    }


# Configuration: agents read it, coordinators keep it.
CONFIG = rights(user="r---", manager="rwcu", finance="r---")
CONFIG_SOCIAL = rights(user="r---", manager="rwcu")
# A file's records: agents work on their caseload's, coordinators delete.
CASELOAD = rights(user="rwc-", manager="rwcu")
# Records an agent may also remove: their own notes, visits, plan lines,
# registrations, and the helpers of forms and wizards.
SUBRECORD = rights(user="rwcu", manager="rwcu")
FINANCE = rights(manager="r---", finance="rwcu")
MATRIX = {
    "job_coaching.beneficiary": CASELOAD,
    "job_coaching.zone": CONFIG,
    "job_coaching.zone.street": CONFIG,
    "job_coaching.stage": CONFIG,
    "job_coaching.referral.channel": CONFIG,
    "job_coaching.referral.destination": CONFIG_SOCIAL,
    # employment
    "job_coaching.vacancy": CASELOAD,
    "job_coaching.application": CASELOAD,
    "job_coaching.art60.duration.rule": CONFIG_SOCIAL,
    "job_coaching.art60.contract": CASELOAD,
    "job_coaching.evaluation.criterion": CONFIG_SOCIAL,
    "job_coaching.art60.evaluation": CASELOAD,
    "job_coaching.art60.evaluation.line": SUBRECORD,
    "job_coaching.candidate.match": SUBRECORD,
    "job_coaching.candidate.match.line": SUBRECORD,
    "job_coaching.exit": CASELOAD,
    "job_coaching.exit.followup": CASELOAD,
    # accompaniment
    "job_coaching.session": CASELOAD,
    "job_coaching.social.note": SUBRECORD,
    "job_coaching.office.hours": SUBRECORD,
    "job_coaching.office.hours.visit": SUBRECORD,
    "job_coaching.office.hours.generate": SUBRECORD,
    "job_coaching.outreach.presence": SUBRECORD,
    "job_coaching.insertion.plan": CASELOAD,
    "job_coaching.plan.review": SUBRECORD,
    "job_coaching.plan.action": SUBRECORD,
    "job_coaching.workshop": CASELOAD,
    "job_coaching.workshop.registration": SUBRECORD,
    # subsidy: finance keeps the money, coordinators read it, agents never
    "job_coaching.subsidy": FINANCE,
    "job_coaching.subsidy.line": FINANCE,
    "job_coaching.staff.allocation": FINANCE,
    "job_coaching.staff.cost.posting": FINANCE,
    "job_coaching.payroll.line": FINANCE,
    "job_coaching.staff.cost.wizard": rights(finance="rwcu"),
    "job_coaching.subsidy.cost.wizard": rights(finance="rwcu"),
    # data protection: coordinators read the traces, nobody writes them by hand
    "job_coaching.erasure.log": rights(manager="r---"),
    "job_coaching.access.log": rights(manager="r---"),
    "job_coaching.erasure.wizard": rights(manager="rwcu"),
    "job_coaching.consent": CASELOAD,
    "job_coaching.situation": CASELOAD,
    # reporting: the analysis is read-only, agents see their caseload's rows
    "job_coaching.activity.report": rights(user="r---", manager="r---"),
    "job_coaching.activity.report.wizard": SUBRECORD,
    "job_coaching.target": CONFIG_SOCIAL,
    "job_coaching.activity.note": CONFIG_SOCIAL,
    "job_coaching.partner.feedback": CASELOAD,
}
MODES = ("read", "write", "create", "unlink")


@tagged("post_install", "-at_install")
class TestAccessMatrix(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {
            "user": new_test_user(cls.env, login="jc_m_user", groups=USER_GROUP),
            "manager": new_test_user(cls.env, login="jc_m_manager", groups=MANAGER_GROUP),
            "finance": new_test_user(cls.env, login="jc_m_finance", groups=FINANCE_GROUP),
            "internal": new_test_user(cls.env, login="jc_m_internal", groups="base.group_user"),
            "portal": new_test_user(cls.env, login="jc_m_portal", groups="base.group_portal"),
        }

    def _addon_models(self):
        data = self.env["ir.model.data"].search(
            [("module", "=", "job_coaching"), ("model", "=", "ir.model")]
        )
        models = self.env["ir.model"].browse(data.mapped("res_id")).mapped("model")
        # The add-on's own models, not the core models it extends.
        return sorted(
            m
            for m in models
            if self.env[m]._original_module == "job_coaching" and not self.env[m]._abstract
        )

    def test_every_model_is_declared(self):
        # The registry's list, not an empty one: the add-on has this many models.
        self.assertGreaterEqual(len(self._addon_models()), 40)
        missing = [m for m in self._addon_models() if m not in MATRIX]
        self.assertFalse(missing, f"models without a row in the access matrix: {missing}")
        stale = [m for m in MATRIX if m not in self.env]
        self.assertFalse(stale, f"rows of models that no longer exist: {stale}")

    def test_rights_match_the_matrix(self):
        Access = self.env["ir.model.access"]
        differences = []
        self.assertGreaterEqual(len(self._addon_models()), 40)
        for model in self._addon_models():
            for who, user in self.users.items():
                expected = MATRIX.get(model, {}).get(who, NONE)
                actual = "".join(
                    mode[0]
                    if Access.with_user(user).check(model, mode, raise_exception=False)
                    else "-"
                    for mode in MODES
                )
                expected = "".join(
                    mode[0] if expected[index] != "-" else "-" for index, mode in enumerate(MODES)
                )
                if actual != expected:
                    differences.append(f"{model} / {who}: expected {expected}, has {actual}")
        self.assertFalse(differences, "\n".join(differences))
