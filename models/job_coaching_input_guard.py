# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, datetime

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.models import READ_GROUP_NUMBER_GRANULARITY
from odoo.osv import expression

INT_RANGE = (-(2**31), 2**31 - 1)


class JobCoachingInputGuard(models.AbstractModel):
    """Answer malformed values sent over RPC with a message naming the field,
    where the ORM would answer with an internal error (a traceback): values
    that are not of the field's kind, a text holding a NUL character, a date
    that does not exist, a selection value that is not a choice (the ORM
    raises a bare ValueError), a number out of the database's range, a
    malformed x2many command, a search domain that is not one. The checks
    read no record. What the ORM refuses cleanly itself (a missing required
    field, an unknown record, a constraint) is left to it.

    The add-on's stored models inherit it; wizards and the SQL views inherit
    only the secrecy checks (``job_coaching.record``).
    """

    _name = "job_coaching.input.guard"
    _description = "RPC Input Checks of Job Coaching Records"
    _inherit = ["job_coaching.record"]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_input(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_input(vals)
        return super().write(vals)

    @api.model
    def _search(self, domain, *args, **kwargs):
        self._check_domain(domain)
        return super()._search(domain, *args, **kwargs)

    @api.model
    def _check_domain(self, domain):
        """Refuse a domain that is not one (not a list of operators and
        ``(path, operator, value)`` terms on existing fields)."""
        if not domain:
            return
        if not isinstance(domain, (list, tuple)):
            raise ValidationError(_("A search needs a list of conditions."))
        for term in domain:
            if term in expression.DOMAIN_OPERATORS or (
                isinstance(term, (list, tuple))
                and tuple(term) in (expression.TRUE_LEAF, expression.FALSE_LEAF)
            ):
                continue
            if not (
                isinstance(term, (list, tuple))
                and len(term) == 3
                and isinstance(term[0], str)
                and term[1] in expression.TERM_OPERATORS
                and self._is_field_path(term[0])
            ) or (term[1] in ("in", "not in") and isinstance(term[2], (str, dict))):
                raise ValidationError(
                    _("This search cannot be run: %(term)s is not a condition.", term=repr(term))
                )

    @api.model
    def _is_field_path(self, path):
        """A path of fields, each but the last relational; a date or datetime
        may end with one of its parts (``birth_date.month_number``)."""
        model = self
        names = path.split(".")
        for position, name in enumerate(names, start=1):
            field = model._fields.get(name)
            if field is None:
                return False
            if position == len(names):
                return True
            if field.type in ("date", "datetime"):
                return position == len(names) - 1 and names[-1] in READ_GROUP_NUMBER_GRANULARITY
            if not field.relational:
                return field.type == "properties"
            model = self.env[field.comodel_name]
        return True

    @api.model
    def _check_input(self, vals):
        if not isinstance(vals, dict):
            raise ValidationError(_("Values must be given as a dictionary of fields."))
        for name, value in vals.items():
            field = self._fields.get(name) if isinstance(name, str) else None
            if field is None:
                raise ValidationError(
                    _("%(model)s has no field %(field)s.", model=self._model_label(), field=name)
                )
            if value is False or value is None:
                continue
            reason = self._input_error(field, value)
            if reason:
                raise ValidationError(
                    _(
                        'Invalid value for "%(field)s" (%(model)s): %(reason)s',
                        field=field.get_description(self.env)["string"],
                        model=self._model_label(),
                        reason=reason,
                    )
                )

    def _input_error(self, field, value):
        """Return why ``value`` would make the ORM fail on ``field``, or None."""
        kind = field.type
        if kind in ("char", "text", "html"):
            # The ORM would store str(value), the add-on's code and the HTML
            # sanitizer fail on it; PostgreSQL refuses a NUL character.
            if not isinstance(value, str):
                return _("text expected")
            if "\x00" in value:
                return _("the text holds a NUL character")
        elif kind == "integer":
            if not isinstance(value, (int, float)) or isinstance(value, bool):
                return _("a whole number expected")
            if not INT_RANGE[0] <= value <= INT_RANGE[1]:
                return _("the number is out of range")
        elif kind in ("float", "monetary"):
            if not isinstance(value, (int, float)) or isinstance(value, bool):
                return _("a number expected")
        elif kind in ("date", "datetime"):
            return self._date_error(field, value)
        elif kind == "selection":
            allowed = [key for key, _label in field._description_selection(self.env)]
            if value not in allowed:
                return _("%(value)r is not one of the choices", value=value)
        elif kind == "many2one":
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                return _("the id of a record expected")
        elif kind in ("one2many", "many2many"):
            return self._x2many_error(value)
        return None

    def _date_error(self, field, value):
        if isinstance(value, (date, datetime)):
            return None
        if isinstance(value, str):
            convert = fields.Date.to_date if field.type == "date" else fields.Datetime.to_datetime
            try:
                convert(value)
            except ValueError:
                return _("%(value)r is not a date", value=value)
            return None
        return _("%(value)r is not a date", value=value)

    def _x2many_error(self, value):
        if not isinstance(value, (list, tuple)):
            return _("a list of commands expected")
        for command in value:
            if isinstance(command, int) and not isinstance(command, bool):
                continue  # a bare id, as some clients send
            if not isinstance(command, (list, tuple)) or not command:
                return _("malformed command %(command)r", command=command)
            code, args = command[0], command[1:]
            if code in (0, 1) and not (len(args) == 2 and isinstance(args[1], dict)):
                return _("malformed command %(command)r", command=command)
            if code == 6 and not (
                len(args) == 2
                and isinstance(args[1], (list, tuple))
                and all(isinstance(i, int) and not isinstance(i, bool) for i in args[1])
            ):
                return _("malformed command %(command)r", command=command)
        return None
