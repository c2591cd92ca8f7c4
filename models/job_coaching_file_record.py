# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, models
from odoo.exceptions import AccessError


class JobCoachingFileRecord(models.AbstractModel):
    """What every record that hangs on a person's file goes through.

    Odoo checks record rules on a record as it is *before* a write: an agent
    could otherwise move their own session, note or exit onto a file they may
    not touch, or create one there and read back what the constraints say
    about it. Records of this layer check, on create and on write and before
    any constraint, unique index or computed field runs, that the user may
    write the file (or the parent record on the file) the values point at.
    The refusal names nothing of that file.
    """

    _name = "job_coaching.file.record"
    _description = "Record of a Beneficiary's File"

    @api.model
    def _file_link_fields(self):
        """Stored many2one fields of the model that lead to a file: the file
        itself, or a record that hangs on one (a plan, a contract, an exit)."""
        FileRecord = self.pool["job_coaching.file.record"]
        return [
            name
            for name, field in self._fields.items()
            if field.type == "many2one"
            and field.store
            and (
                field.comodel_name == "job_coaching.beneficiary"
                or isinstance(self.env[field.comodel_name], FileRecord)
            )
        ]

    @api.model
    def _check_file_links(self, vals_list):
        """Refuse values that point at a file (or a record of a file) the
        user may not write."""
        if self.env.su:
            return
        targets = {}
        for name in self._file_link_fields():
            ids = {
                vals[name] for vals in vals_list if isinstance(vals.get(name), int) and vals[name]
            }
            if ids:
                comodel = self._fields[name].comodel_name
                targets[comodel] = targets.get(comodel, set()) | ids
        for comodel, ids in targets.items():
            records = self.env[comodel].browse(ids).exists()
            if len(records) != len(ids) or records._filtered_access("write") != records:
                raise AccessError(
                    _(
                        "%(document)s can only be recorded on a file of your caseload.",
                        document=self._description,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_file_links(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._check_file_links([vals])
        return super().write(vals)
