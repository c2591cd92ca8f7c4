# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Access request (GDPR art. 15): everything the add-on holds about one
person, for the person, as a PDF or a workbook. Coordinators only."""

import io
import re

import xlsxwriter

from odoo import _, api, fields, models
from odoo.exceptions import AccessError
from odoo.osv import expression
from odoo.tools import html2plaintext

from ..tools.xlsx import write_table


class JobCoachingBeneficiary(models.Model):
    _inherit = "job_coaching.beneficiary"

    def _check_access_request_rights(self):
        # The coordinator answers access requests; the records read go beyond
        # an agent's own (social notes of other authors).
        if not (self.env.su or self.env.user.has_group("job_coaching.group_job_coaching_manager")):
            raise AccessError(_("Only a coordinator answers an access request."))

    def _access_request_data(self):
        """[{"title", "model", "records": [[(label, value), ...], ...]}] of
        the person's file, each record linked to it and their messages."""
        self.ensure_one()
        self._check_access_request_rights()
        # sudo: the whole file, whoever wrote each part (checked just above)
        person = self.sudo().with_context(active_test=False)
        sections = [self._access_request_section(person)]
        threads = [(person._name, person.ids)]
        for (model_name, _field), records in sorted(person._personal_records().items()):
            sections.append(self._access_request_section(records))
            threads.append((model_name, records.ids))
        # Records that list the person among others (an outreach presence where
        # the file was opened): the records themselves, not the others' threads.
        for _key, records in sorted(person._shared_records().items()):
            sections.append(self._access_request_section(records))
        domain = expression.OR(
            [[("model", "=", model_name), ("res_id", "in", ids)] for model_name, ids in threads]
        )
        messages = self.env["mail.message"].sudo().search(domain, order="date, id")
        labels = (_("Date"), _("Author"), _("Document"), _("Message"), _("Changes"))
        sections.append(
            {
                "title": _("Messages"),
                "model": "mail.message",
                "records": [
                    list(
                        zip(
                            labels,
                            (
                                fields.Datetime.to_string(message.date),
                                message.author_id.display_name or "",
                                message.record_name or message.model,
                                html2plaintext(message.body or ""),
                                "; ".join(
                                    f"{value.field_id.field_description}: "
                                    f"{value.old_value_char or value.old_value_text or ''} → "
                                    f"{value.new_value_char or value.new_value_text or ''}"
                                    for value in message.tracking_value_ids
                                ),
                            ),
                            strict=True,
                        )
                    )
                    for message in messages
                ],
            }
        )
        return sections

    def _shared_records(self):
        """{(model, field): records} of the stored records that list these
        files among others (many2many), for the records that do."""
        result = {}
        for model_name, model in self.env.registry.items():
            if model._abstract or model._transient or not model._auto:
                continue
            for field in model._fields.values():
                if field.type == "many2many" and field.store and field.comodel_name == self._name:
                    # sudo: an access request covers every record of the person
                    Model = self.env[model_name].sudo().with_context(active_test=False)
                    records = Model.search([(field.name, "in", self.ids)])
                    if records:
                        result[model_name, field.name] = records
        return result

    @api.model
    def _access_request_section(self, records):
        skip = {"id", "create_uid", "write_uid", "write_date", "display_name", "color"}
        names = [
            name
            for name, field in records._fields.items()
            if field.store
            and name not in skip
            and field.type not in ("one2many", "many2many", "binary", "properties")
            and not name.startswith(("message_", "activity_", "website_"))
        ]
        rows = []
        for record in records:
            row = []
            for name in names:
                field = records._fields[name]
                value = record[name]
                if field.type == "html":
                    value = html2plaintext(value or "")
                elif field.type == "many2one":
                    value = value.display_name or ""
                else:
                    value = field.convert_to_export(value, record)
                row.append((field.get_description(self.env)["string"], value))
            rows.append(row)
        return {"title": self._model_label(records._name), "model": records._name, "records": rows}

    def action_print_access_request(self):
        self.ensure_one()
        self._check_access_request_rights()
        return self.env.ref("job_coaching.action_report_beneficiary_access_request").report_action(
            self
        )

    def action_export_access_request_xlsx(self):
        self.ensure_one()
        self._check_access_request_rights()
        return {
            "type": "ir.actions.act_url",
            "url": f"/job_coaching/beneficiary/{self.id}/access_request.xlsx",
            "target": "download",
        }

    def _get_access_request_xlsx(self):
        """The access request as an XLSX workbook (a sheet per kind of record), as bytes."""
        self.ensure_one()
        sections = self._access_request_data()
        self.env["job_coaching.access.log"]._log(_("Access request (XLSX)"), self)
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        bold = workbook.add_format({"bold": True})
        used = set()
        for section in sections:
            title = section["title"][:28]
            name, number = title, 1
            while name.lower() in used:
                number += 1
                name = f"{title[:25]} {number}"
            used.add(name.lower())
            sheet = workbook.add_worksheet(re.sub(r"[\\[\]:*?/]", " ", name))
            records = section["records"]
            if not records:
                sheet.write(0, 0, _("Nothing recorded."))
                continue
            write_table(
                sheet,
                0,
                0,
                [label for label, _value in records[0]],
                [[value for _label, value in record] for record in records],
                header_format=bold,
            )
        workbook.close()
        return output.getvalue()
