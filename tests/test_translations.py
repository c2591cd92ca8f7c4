# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestFrenchStates(TransactionCase):
    """A state reads in the gender of the noun it qualifies: l'entretien est
    prévu, la permanence est prévue, la candidature est retenue."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_BE")
        cls.env["ir.module.module"]._load_module_terms(["job_coaching"], ["fr_BE"], overwrite=True)

    def _label(self, model, field, value):
        selection = self.env[model].with_context(lang="fr_BE")._fields[field]
        return dict(selection._description_selection(self.env(context={"lang": "fr_BE"})))[value]

    def test_feminine_and_masculine_states(self):
        expected = [
            # masculine nouns keep the shared form
            ("job_coaching.session", "state", "planned", "Prévu"),
            ("job_coaching.workshop", "state", "cancelled", "Annulé"),
            # feminine nouns
            ("job_coaching.office.hours", "state", "planned", "Prévue"),
            ("job_coaching.office.hours", "state", "cancelled", "Annulée"),
            ("job_coaching.plan.action", "state", "planned", "Prévue"),
            ("job_coaching.plan.action", "state", "done", "Terminée"),
            ("job_coaching.vacancy", "state", "closed", "Clôturée"),
            ("job_coaching.application", "state", "proposed", "Proposée"),
            ("job_coaching.application", "state", "sent", "Envoyée à l'employeur"),
            ("job_coaching.application", "state", "hired", "Retenue"),
            ("job_coaching.application", "state", "refused", "Refusée"),
            ("job_coaching.application", "state", "withdrawn", "Retirée"),
        ]
        got = [
            (model, field, value, self._label(model, field, value))
            for model, field, value, _x in expected
        ]
        self.assertEqual(got, expected)
