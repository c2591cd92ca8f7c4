# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, models
from odoo.exceptions import AccessError
from odoo.fields import Command


class JobCoachingFileRecord(models.AbstractModel):
    """What every record that hangs on a person's file goes through.

    Odoo checks record rules on a record as it is *before* a write: an agent
    could otherwise move their own session, note or exit onto a file they may
    not touch, or create one there and read back what the constraints say
    about it. Records of this layer check, on create and on write and before
    any constraint, unique index or computed field runs, that the user may
    write the file (or the parent record on the file) the values point at.
    The refusal names nothing of that file. A record that links several
    files (an outreach presence and the files it opened) is checked for every
    file it links.
    """

    _name = "job_coaching.file.record"
    _description = "Record of a Beneficiary's File"
    _inherit = ["job_coaching.record"]

    @api.model
    def _file_link_fields(self):
        """Stored many2one and many2many fields of the model that lead to a
        file: the file itself, or a record that hangs on one (a plan, a
        contract, an exit)."""
        FileRecord = self.pool["job_coaching.file.record"]
        return [
            name
            for name, field in self._fields.items()
            if field.type in ("many2one", "many2many")
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
            ids = set()
            for vals in vals_list:
                ids |= self._linked_ids(self._fields[name], vals.get(name))
            if ids:
                comodel = self._fields[name].comodel_name
                targets[comodel] = targets.get(comodel, set()) | ids
        for comodel, ids in targets.items():
            records = self.env[comodel].browse(ids).exists()
            if len(records) != len(ids) or records._filtered_access("write") != records:
                raise AccessError(
                    _(
                        "%(document)s can only be recorded on a file of your caseload.",
                        document=self._model_label(),
                    )
                )

    @api.model
    def _linked_ids(self, field, value):
        """The ids that ``value`` links through ``field``: the id of a
        many2one, the ids that the commands of a many2many add (a link, a
        replacement, a bare id). Malformed values link nothing here: the
        input checks refuse them."""
        if field.type == "many2one":
            values = [value]
        elif isinstance(value, (list, tuple)):
            values = []
            for command in value:
                if isinstance(command, (list, tuple)) and len(command) > 1:
                    if command[0] == Command.LINK:
                        values.append(command[1])
                    elif command[0] == Command.SET and len(command) > 2:
                        ids = command[2]
                        values += ids if isinstance(ids, (list, tuple)) else []
                else:
                    values.append(command)
        else:
            values = []
        return {
            value
            for value in values
            if isinstance(value, int) and not isinstance(value, bool) and value
        }

    @api.model_create_multi
    def create(self, vals_list):
        self._check_file_links(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._check_file_links([vals])
        return super().write(vals)
