# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, models
from odoo.exceptions import AccessError, UserError, ValidationError

# Data protection: fields that only a coordinator may export, from any model
# that reaches them (e.g. "beneficiary_id/niss" from the sessions).
COORDINATOR_ONLY_EXPORTS = {("job_coaching.beneficiary", "niss")}


class JobCoachingRecord(models.AbstractModel):
    """What every model of the add-on keeps secret, whoever calls: fields the
    application sets itself, links to records the user may not read, a move to
    another company, the export of a coordinator-only field."""

    _name = "job_coaching.record"
    _description = "Secrecy Checks of Job Coaching Records"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_protected_fields(vals)
        self._check_targets(vals_list)
        return super().create(vals_list)

    def write(self, vals):
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
                    model=self._model_label(),
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
                field = self._fields.get(name)
                if field is not None and field.type == "many2one" and value:
                    wanted.setdefault(name, set()).add(value)
        for name, ids in wanted.items():
            records = self.env[self._fields[name].comodel_name].browse(ids)
            if len(records.exists()._filtered_access("read")) != len(ids):
                raise ValidationError(
                    _(
                        'Invalid value for "%(field)s" (%(model)s): no such record that you '
                        "may use.",
                        field=self._fields[name].get_description(self.env)["string"],
                        model=self._model_label(),
                    )
                )

    @api.model
    def _model_label(self, model_name=None):
        """The name of this model (or of ``model_name``) in the user's
        language, for messages: ``_description`` is the English one."""
        # sudo: the name of a model is no one's data
        return self.env["ir.model"].sudo()._get(model_name or self._name).name

    def _check_company_move(self, company_id):
        """A record changes company only by a coordinator's hand."""
        moved = self.filtered(lambda record: record.company_id.id != company_id)
        if moved and not self.env.user.has_group("job_coaching.group_job_coaching_manager"):
            raise UserError(
                _(
                    "Only a coordinator moves %(model)s to another company.",
                    model=self._model_label(),
                )
            )

    def _count_linked(self, model, field, domain=()):
        """How many records of ``model`` (within ``domain``) point at each
        record of self through ``field``: {record: count}, in one query."""
        return dict(
            self.env[model]._read_group([(field, "in", self.ids), *domain], [field], ["__count"])
        )

    @api.model
    def _action_open(self, xmlid, domain, context=None):
        """The window action ``xmlid`` on the records of ``domain`` (with
        ``context`` instead of the action's own when given)."""
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = domain
        if context is not None:
            action["context"] = context
        return action

    def _action_open_linked(self, xmlid, field):
        """A smart button's action: the records whose ``field`` is this record,
        new ones created with it."""
        self.ensure_one()
        return self._action_open(xmlid, [(field, "=", self.id)], {f"default_{field}": self.id})

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
