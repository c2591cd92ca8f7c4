# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import math
from datetime import date, datetime

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

# Longest text a field takes: a name is not a book, a note is not a database.
MAX_CHAR_LENGTH = 1024
MAX_TEXT_LENGTH = 1_000_000
INT_RANGE = (-(2**31), 2**31 - 1)
X2MANY_COMMANDS = {0: 3, 1: 3, 2: 2, 3: 2, 4: 2, 5: 1, 6: 3}
# Data protection: fields that only a coordinator may export, from any model
# that reaches them (e.g. "beneficiary_id/niss" from the sessions).
COORDINATOR_ONLY_EXPORTS = {("job_coaching.beneficiary", "niss")}


class JobCoachingInputGuard(models.AbstractModel):
    """Refuse malformed values with a clear message before the ORM sees them.

    The ORM turns a wrong type, an unknown selection value or an impossible
    date into an internal error (a traceback over RPC). The add-on's models
    inherit this mixin so that every create, write and search from the web
    client, an import or RPC either works or says what to fix.
    """

    _name = "job_coaching.input.guard"
    _description = "Input Checks of Job Coaching Records"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_input(vals)
            self._check_protected_fields(vals)
        self._check_targets(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._check_input(vals)
        self._check_protected_fields(vals)
        self._check_targets([vals])
        if "company_id" in vals and not self.env.su:
            self._check_company_move(vals["company_id"])
        return super().write(vals)

    @api.model
    def _check_protected_fields(self, vals):
        """Refuse values for fields that the application sets itself (read-only
        fields: stamps, logs, flags, computed values): the views hide them,
        the server refuses them, whoever calls."""
        if self.env.su:
            return
        protected = [
            field
            for name in vals
            if (field := self._fields.get(name)) is not None
            and field.readonly
            and not field.inverse
        ]
        if protected:
            raise AccessError(
                _(
                    "%(fields)s of %(model)s are set by the application, not by hand.",
                    fields=", ".join(
                        f'"{field.get_description(self.env)["string"]}"' for field in protected
                    ),
                    model=self._description,
                )
            )

    @api.model
    def _check_targets(self, vals_list):
        """Refuse a link to a record that does not exist or that the user may
        not read, with one answer for both: no way to learn what others'
        records are. One query per linked model, whatever the batch size."""
        if self.env.su:
            return
        wanted = {}
        for vals in vals_list:
            for name, value in vals.items():
                field = self._fields[name]
                if field.type == "many2one" and value:
                    wanted.setdefault(name, set()).add(value)
        for name, ids in wanted.items():
            records = self.env[self._fields[name].comodel_name].browse(ids)
            if len(records.exists()._filtered_access("read")) != len(ids):
                raise ValidationError(
                    _(
                        'Invalid value for "%(field)s" (%(model)s): no such record that you '
                        "may use.",
                        field=self._fields[name].get_description(self.env)["string"],
                        model=self._description,
                    )
                )

    def _check_company_move(self, company_id):
        """A record changes company only by a coordinator's hand."""
        moved = self.filtered(lambda record: record.company_id.id != company_id)
        if moved and not self.env.user.has_group("job_coaching.group_job_coaching_manager"):
            raise UserError(
                _("Only a coordinator moves %(model)s to another company.", model=self._description)
            )

    def export_data(self, fields_to_export):
        self._check_export_paths(fields_to_export)
        result = super().export_data(fields_to_export)
        if self.env["job_coaching.beneficiary"]._is_personal_model(self._name):
            self.env["job_coaching.access.log"]._log(_("Export"), self)
        return result

    def _check_export_paths(self, fields_to_export):
        """Refuse the export of a coordinator-only field (the full register
        number) to anyone else; its masked form exports freely."""
        if self.env.su or self.env.user.has_group("job_coaching.group_job_coaching_manager"):
            return
        for path in fields_to_export:
            model = self
            for name in str(path).split("/"):
                field = model._fields.get(name)
                if field is None:
                    break
                if (model._name, name) in COORDINATOR_ONLY_EXPORTS:
                    raise UserError(
                        _(
                            "Only a coordinator may export the full %(field)s; "
                            "export its masked form instead.",
                            field=field.get_description(self.env)["string"],
                        )
                    )
                if not field.relational:
                    break
                model = self.env[field.comodel_name]

    @api.model
    def _search(self, domain, *args, **kwargs):
        try:
            return super()._search(domain, *args, **kwargs)
        except (AssertionError, ValueError, TypeError, KeyError) as error:
            raise UserError(_("This search cannot be run: %(error)s", error=error)) from error

    @api.model
    def _check_input(self, vals):
        if not isinstance(vals, dict):
            raise ValidationError(_("Values must be given as a dictionary of fields."))
        for name, value in vals.items():
            field = self._fields.get(name) if isinstance(name, str) else None
            if field is None:
                raise ValidationError(
                    _("%(model)s has no field %(field)s.", model=self._description, field=name)
                )
            if value is False or value is None:
                continue
            reason = self._input_error(field, value)
            if reason:
                raise ValidationError(
                    _(
                        'Invalid value for "%(field)s" (%(model)s): %(reason)s',
                        field=field.get_description(self.env)["string"],
                        model=self._description,
                        reason=reason,
                    )
                )

    def _input_error(self, field, value):
        """Return why ``value`` does not fit ``field``, or None."""
        kind = field.type
        if kind in ("char", "text", "html"):
            if not isinstance(value, str):
                return _("text expected")
            limit = field.size or (MAX_CHAR_LENGTH if kind == "char" else MAX_TEXT_LENGTH)
            if len(value) > limit:
                return _("%(length)s characters, at most %(limit)s", length=len(value), limit=limit)
            if "\x00" in value:
                return _("the text holds a NUL character")
        elif kind == "boolean":
            if not isinstance(value, (bool, int)) or value not in (0, 1):
                return _("true or false expected")
        elif kind == "integer":
            if isinstance(value, bool) or not isinstance(value, int):
                return _("a whole number expected")
            if not INT_RANGE[0] <= value <= INT_RANGE[1]:
                return _("the number is out of range")
        elif kind in ("float", "monetary"):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                return _("a number expected")
            if not math.isfinite(value) or abs(value) > 1e15:
                return _("the number is out of range")
        elif kind in ("date", "datetime"):
            return self._date_error(field, value)
        elif kind == "selection":
            allowed = [key for key, _label in field._description_selection(self.env)]
            if value not in allowed:
                return _("%(value)r is not one of the choices", value=value)
        elif kind in ("many2one", "many2one_reference"):
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                return _("the id of a record expected")

        elif kind in ("one2many", "many2many"):
            return self._x2many_error(value)
        return None

    def _date_error(self, field, value):
        if isinstance(value, (date, datetime)):
            return None
        if not isinstance(value, str):
            return _("a date expected")
        convert = fields.Date.to_date if field.type == "date" else fields.Datetime.to_datetime
        try:
            converted = convert(value)
        except (ValueError, TypeError):
            return _("%(value)s is not a date", value=value)
        if converted.year < 1800:
            return _("%(value)s is out of range", value=value)
        return None

    def _x2many_error(self, value):
        if not isinstance(value, (list, tuple)):
            return _("a list of commands expected")
        for command in value:
            if isinstance(command, int) and not isinstance(command, bool):
                continue  # a bare id, as some clients send
            if not isinstance(command, (list, tuple)) or not command:
                return _("malformed command %(command)r", command=command)
            code = command[0]
            if code not in X2MANY_COMMANDS or len(command) < X2MANY_COMMANDS[code]:
                return _("malformed command %(command)r", command=command)
            if code == 6 and not (
                isinstance(command[2], (list, tuple))
                and all(isinstance(i, int) and not isinstance(i, bool) for i in command[2])
            ):
                return _("malformed command %(command)r", command=command)
            if code in (0, 1) and not isinstance(command[2], dict):
                return _("malformed command %(command)r", command=command)
        return None
