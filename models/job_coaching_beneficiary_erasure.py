# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Erasure and retention: a file is anonymised, never deleted, so that the
project's numbers (zone, age group, status, outcomes) stay as they were."""

from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.osv import expression


class JobCoachingBeneficiary(models.Model):
    _inherit = "job_coaching.beneficiary"

    erased = fields.Boolean(string="Anonymised", readonly=True, copy=False, index=True)
    erasure_date = fields.Date(string="Anonymised On", readonly=True, copy=False)

    @api.model
    def _is_personal_model(self, model_name):
        """Whether records of ``model_name`` hold a person's data: the
        beneficiary itself and every model that links to it."""
        return model_name == self._name or model_name in dict(self._history_links())

    def _personal_records(self):
        """{(model, field): records} of every record linked to these files."""
        result = {}
        for model_name, field_name in self._history_links():
            # sudo: an access request or an erasure covers every record of the person
            Model = self.env[model_name].sudo().with_context(active_test=False)
            result[model_name, field_name] = Model.search([(field_name, "in", self.ids)])
        return result

    def action_open_erasure_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "name": _("Anonymise"),
            "res_model": "job_coaching.erasure.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_beneficiary_ids": [fields.Command.set(self.ids)]},
        }

    def _anonymise(self, requested_by, reason):
        """Replace everything that identifies the people of self by neutral
        values, archive their files and log who asked and who did it. What the
        statistics count (zip and zone, age and age group, status, stage,
        outcomes) is kept as it was."""
        people = self.filtered(lambda person: not person.erased)
        if not people:
            return
        # sudo: the erasure reaches what other agents wrote about the person;
        # the action is for coordinators, the retention cron runs as superuser.
        quiet = people.sudo().with_context(
            tracking_disable=True, mail_notrack=True, active_test=False
        )
        neutral = _("Anonymised")
        today = fields.Date.context_today(self)
        kept = [
            self._fields[name]
            for name in (
                "age",
                "is_youth",
                "zone_id",
                "in_zone",
                "is_eligible",
                "ineligibility_reason",
                "niss_kind",
            )
        ]
        by_year = {}
        for person in quiet:
            by_year.setdefault(person.birth_date and person.birth_date.year, quiet.browse())
            by_year[person.birth_date and person.birth_date.year] |= person
        with self.env.protecting(kept, quiet):
            for year, group in by_year.items():
                group.write(
                    {
                        "first_name": neutral,
                        "last_name": _("Person"),
                        "birth_date": year and date(year, 1, 1),
                        "niss": False,
                        "street": False,
                        "street2": False,
                        "phone": False,
                        "mobile": False,
                        "email": False,
                        "skills": False,
                        "note": False,
                        "actiris_override_reason": False,
                        "erased": True,
                        "erasure_date": today,
                        "active": False,
                    }
                )
        threads = [(quiet._name, quiet.ids)]
        for (model_name, _field), records in quiet._personal_records().items():
            records = records.with_context(tracking_disable=True, mail_notrack=True)
            self._anonymise_texts(records, neutral)
            threads.append((model_name, records.ids))
        self._anonymise_chatter(threads, neutral)
        # sudo: the log is written by the erasure only, never by hand
        self.env["job_coaching.erasure.log"].sudo().create(
            [
                {
                    "requested_by": requested_by,
                    "reason": reason,
                    "executed_by_id": self.env.uid,
                    "beneficiary_ref": person.id,
                    "company_id": person.company_id.id,
                }
                for person in quiet
            ]
        )

    @api.model
    def _anonymise_texts(self, records, neutral):
        """Blank the free texts (notes, summaries, social notes) of records."""
        if not records:
            return
        vals = {}
        for name, field in records._fields.items():
            if field.type in ("text", "html") and field.store and not field.compute:
                vals[name] = f"<p>{neutral}</p>" if field.required else False
        if vals:
            records.write(vals)

    @api.model
    def _anonymise_chatter(self, threads, neutral):
        """Blank the messages and tracked values of the given (model, ids)."""
        domain = expression.OR(
            [[("model", "=", model_name), ("res_id", "in", ids)] for model_name, ids in threads]
        )
        # sudo: messages of every author about the person
        messages = self.env["mail.message"].sudo().search(domain)
        messages.write({"body": f"<p>{neutral}</p>", "subject": False})
        messages.tracking_value_ids.write(
            {
                "old_value_char": False,
                "new_value_char": False,
                "old_value_text": False,
                "new_value_text": False,
            }
        )

    @api.model
    def _cron_apply_retention(self):
        """Anonymise the files whose last exit is older than the retention
        period (Settings, in years), as an erasure requested by the retention."""
        years = int(
            self.env["ir.config_parameter"].sudo().get_param("job_coaching.retention_years", 5)
        )
        if years <= 0:
            return
        limit = fields.Date.context_today(self) - relativedelta(years=years)
        Exit = self.env["job_coaching.exit"].with_context(active_test=False)
        last_exits = Exit._read_group(
            [("beneficiary_id.erased", "=", False)], ["beneficiary_id"], ["date:max"]
        )
        due = self.browse(person.id for person, last in last_exits if last < limit)
        due.with_context(active_test=False)._anonymise(
            "retention",
            _(
                "Retention period of %(years)s years after the exit is over.",
                years=years,
            ),
        )
