# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A file's history: what counts as history, and why a file with a history
is archived, never deleted (nothing is lost)."""

from odoo import _, api, models
from odoo.exceptions import UserError

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG


class JobCoachingBeneficiary(models.Model):
    _inherit = "job_coaching.beneficiary"

    def unlink(self):
        # mail.thread deletes the chatter before @api.ondelete checks run: look
        # at the history first (never while the module is being uninstalled).
        if not self.env.context.get(MODULE_UNINSTALL_FLAG):
            self._check_no_history()
        return super().unlink()

    def _check_no_history(self):
        with_history = self._with_history()
        if with_history:
            raise UserError(
                _(
                    "%(names)s already have a history in the project: archive them instead "
                    "of deleting them, so that nothing is lost.",
                    names=", ".join(with_history.mapped("name")),
                )
            )

    def _with_history(self):
        """Return the beneficiaries of self whose file holds more than its
        creation: a note, an email or a tracked change in the chatter, or any
        record of the add-on linked to it (a session, a contract, an exit…).
        Records that describe the file itself and go with it (its residence
        and status periods: links deleted in cascade) are not history."""
        messages = (
            self.env["mail.message"]
            .sudo()
            ._read_group(
                [
                    ("model", "=", self._name),
                    ("res_id", "in", self.ids),
                    "|",
                    ("message_type", "in", ("comment", "email")),
                    ("tracking_value_ids", "!=", False),
                ],
                ["res_id"],
            )
        )
        busy = self.browse(res_id for (res_id,) in messages)
        for model_name, field_name in self._history_links():
            if self.env[model_name]._fields[field_name].ondelete == "cascade":
                continue
            rest = self - busy
            if not rest:
                break
            # sudo: another agent's record is history of the file all the same
            linked = (
                self.env[model_name]
                .sudo()
                .with_context(active_test=False)
                ._read_group([(field_name, "in", rest.ids)], [field_name])
            )
            busy |= self.browse(beneficiary.id for (beneficiary,) in linked)
        return self & busy

    @api.model
    def _history_links(self):
        """(model, field) of every stored link from a record to a beneficiary."""
        return [
            (name, field.name)
            for name, model in self.env.registry.items()
            if not model._abstract and not model._transient and model._auto
            for field in model._fields.values()
            if field.type == "many2one" and field.comodel_name == self._name and field.store
        ]
