# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Erasure and retention: a file is anonymised, never deleted, so that the
project's numbers (zone, age group, status, outcomes) stay as they were.

What is cleared is found over the registry, not listed by hand: every stored
text of the file and of every record linked to it, the messages, tracked
values, activities, attachments, mails and notifications of all of them. A
model added tomorrow with a link to the file is covered the day it exists."""

import json
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.osv import expression
from odoo.tools import SQL

from ..tools import age_on

# The ages at which the activity report's age groups begin (18-25, 26-35,
# 36-49, 50+; the youth of the report are 18-25). The birth date an erasure
# keeps puts the person in the same group on every date of the file.
AGE_GROUP_STARTS = (18, 26, 36, 50)
TEXT_TYPES = ("char", "text", "html")
CONTENT_TYPES = ("binary", "json", "properties")
# Tracked values kept by an erasure: the history of a status or a stage.
KEPT_TRACKING_TYPES = ("selection", "boolean")
# Dates that show a file is still alive after its last exit: the retention
# leaves such a file alone. (model, field); the link to the file is found
# over the registry. A date of creation stands for the records that have
# no date of their own (a plan, a proposal for a vacancy).
ACTIVITY_DATES = [
    ("job_coaching.beneficiary", "intake_date"),
    ("job_coaching.session", "start"),
    ("job_coaching.workshop.registration", "start"),
    ("job_coaching.insertion.plan", "create_date"),
    ("job_coaching.insertion.plan", "piis_signature_date"),
    ("job_coaching.plan.action", "date_start"),
    ("job_coaching.plan.review", "date"),
    ("job_coaching.art60.contract", "date_start"),
    ("job_coaching.art60.contract", "date_end_actual"),
    ("job_coaching.art60.evaluation", "date"),
    ("job_coaching.application", "create_date"),
    ("job_coaching.application", "date_sent"),
    ("job_coaching.application", "date_interview"),
    ("job_coaching.application", "date_hired"),
    ("job_coaching.office.hours.visit", "date"),
]


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

    # ------------------------------------------------------------------
    # Erasure
    # ------------------------------------------------------------------

    @api.model
    def _erasure_kept_fields(self):
        """Texts of the file that the statistics read and that identify
        nobody: the commune and its zip code, why the file was not eligible."""
        return ("zip", "city", "ineligibility_reason")

    def _anonymise(self, requested_by, reason):
        """Replace everything that identifies the people of self by neutral
        values, archive their files and log who asked and who did it.

        Cleared: every stored text of the files and of every record linked to
        them (whatever its model), their binary contents, the messages and
        tracked values of all those records, their activities, attachments,
        mails and notifications. Kept: what the statistics count (zip and
        zone, age and age group, status, stage, outcomes, the dates of
        events, scores and selections), and everything computed from the
        cleared values stays as it was."""
        people = self.filtered(lambda person: not person.erased)
        if not people:
            return
        # sudo: the erasure reaches what other agents wrote about the person
        # (notes, messages, mails of every author); the action is for
        # coordinators (the wizard's access rights), the retention cron runs
        # as superuser.
        quiet = people.sudo().with_context(
            tracking_disable=True, mail_notrack=True, active_test=False
        )
        neutral = _("Anonymised")
        linked = {
            key: records.with_context(tracking_disable=True, mail_notrack=True)
            for key, records in quiet._personal_records().items()
        }
        births = quiet._erasure_birth_dates(linked)
        writes = [(quiet, self._erasure_text_values(quiet, neutral))]
        writes += [
            (records, self._erasure_text_values(records, neutral)) for records in linked.values()
        ]
        with self.env.protecting(self._erasure_protected(writes, births, linked)):
            for birth_date in set(births.values()):
                group = quiet.filtered(lambda p, b=birth_date: births[p.id] == b)
                group.write(
                    {
                        **writes[0][1],
                        "first_name": neutral,
                        "last_name": _("Person"),
                        "birth_date": birth_date,
                        "erased": True,
                        "erasure_date": fields.Date.context_today(self),
                        "active": False,
                    }
                )
            for records, vals in writes[1:]:
                if records and vals:
                    records.write(vals)
        threads = [(quiet._name, quiet.ids)]
        threads += [(records._name, records.ids) for records in linked.values() if records]
        self._anonymise_chatter(threads, neutral)
        self._erasure_drop_transient(quiet)
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
    def _erasure_text_values(self, records, neutral):
        """{field: value} clearing every stored text and binary content of
        records that the user types or the application copies (a name, a
        reference, a comment): empty, or the neutral word where a value is
        required. Selections, numbers, dates and links are kept."""
        kept = self._erasure_kept_fields() if records._name == self._name else ()
        vals = {}
        for name, field in records._fields.items():
            if not field.store or field.compute or field.related or name in kept:
                continue
            if name in models.MAGIC_COLUMNS or field.type not in (*TEXT_TYPES, *CONTENT_TYPES):
                continue
            if field.type in CONTENT_TYPES or not field.required:
                vals[name] = False
            else:
                vals[name] = f"<p>{neutral}</p>" if field.type == "html" else neutral
        return vals

    def _erasure_birth_dates(self, linked):
        """{person id: the birth date kept}: the earliest day of the birth
        year that gives the person the same age group on every date of their
        file (the report computes the group on the date of each event).

        Born 15 September 2000, the person is 25 (18-25) at a session on
        10 March 2026; born 1 January 2000 they would be 26 (26-35). If that
        session is the latest date of the file between 15 September 2025 and
        their birthday in 2026, the day kept is 11 March 2000."""
        dates = {
            person.id: [person.intake_date, fields.Date.context_today(self)] for person in self
        }
        for (_model_name, field_name), records in linked.items():
            names = [
                name
                for name, field in records._fields.items()
                if field.store and field.type in ("date", "datetime")
            ]
            for record in records:
                person_dates = dates.get(record[field_name].id)
                if person_dates is None:
                    continue
                for name in names:
                    value = record[name]
                    person_dates.append(value.date() if isinstance(value, datetime) else value)
        result = {}
        for person in self:
            born = person.birth_date
            if not born:
                result[person.id] = False
                continue
            # Moved back to day d, the person is a year older on the dates
            # between d and the birthday: only the dates where that year
            # crosses into another group hold the day back.
            holding = [
                (day.month, day.day)
                for day in dates[person.id]
                if day
                and (day.month, day.day) < (born.month, born.day)
                and age_on(born, day) + 1 in AGE_GROUP_STARTS
            ]
            if holding:
                month, mday = max(holding)
                kept = date(2000, month, mday) + timedelta(days=1)  # 2000: a leap year
                try:
                    result[person.id] = date(born.year, kept.month, kept.day)
                except ValueError:  # 29 February of a common year
                    result[person.id] = date(born.year, 3, 1)
            else:
                result[person.id] = date(born.year, 1, 1)
        return result

    def _erasure_protected(self, writes, births, linked):
        """[(fields, records)] computed from what the erasure writes, kept as
        they were: age, youth, zone, eligibility of the file, a contract's
        age at start and its duration... Texts computed from the names (the
        full name) follow the neutral names."""
        records_by_model = {}
        for records in [self, *linked.values()]:
            records_by_model[records._name] = (
                records_by_model.get(records._name, records.browse()) | records
            )
        written = {(records._name, name) for records, vals in writes for name in vals}
        written |= {(self._name, "birth_date")} if any(births.values()) else set()
        kept = self._erasure_kept_fields()
        protected = {}
        for model_name, name in written:
            source = self.env[model_name]._fields[name]
            for dependent in self.pool.get_dependent_fields(source):
                if not dependent.store or dependent.model_name not in records_by_model:
                    continue
                if dependent.type in TEXT_TYPES and dependent.name not in kept:
                    continue
                protected.setdefault(dependent.model_name, set()).add(dependent)
        return [
            (dependents, records_by_model[model_name])
            for model_name, dependents in protected.items()
        ]

    @api.model
    def _anonymise_chatter(self, threads, neutral):
        """Clear what the mail layer holds about the given (model, ids):
        message bodies, subjects and document names, tracked values (but the
        history of a status or a stage), activities, attachments, and what
        hangs on the messages (mails, notifications, reactions, previews)."""
        domain = expression.OR(
            [[("model", "=", model_name), ("res_id", "in", ids)] for model_name, ids in threads]
        )
        # sudo: messages of every author about the person
        messages = self.env["mail.message"].sudo().search(domain)
        attachments = messages.attachment_ids
        messages.write(
            {
                "body": f"<p>{neutral}</p>",
                "subject": False,
                "record_name": False,
                "email_from": False,
                "reply_to": False,
            }
        )
        self._anonymise_tracking(messages.tracking_value_ids)
        Message = self.env["mail.message"]
        for model_name, model in self.env.registry.items():
            if model._abstract or model._transient or not model._auto:
                continue
            if model_name in ("mail.message", "mail.tracking.value"):
                continue
            for name, field in model._fields.items():
                # Rows that belong to a message (deleted with it): its mails,
                # notifications, reactions, link previews.
                if (
                    field.type == "many2one"
                    and field.store
                    and field.comodel_name == Message._name
                    and field.ondelete == "cascade"
                ):
                    # sudo: mails and notifications of the messages, whoever they went to
                    self.env[model_name].sudo().with_context(active_test=False).search(
                        [(name, "in", messages.ids)]
                    ).unlink()
        # sudo: activities of every agent on the records
        Activity = self.env["mail.activity"].sudo().with_context(active_test=False)
        Activity.search(
            expression.OR(
                [[("res_model", "=", name), ("res_id", "in", ids)] for name, ids in threads]
            )
        ).unlink()
        # sudo: documents of the person, whoever attached them; a domain on
        # res_field reaches the contents of binary fields too
        Attachment = self.env["ir.attachment"].sudo()
        attachments |= Attachment.search(
            expression.AND(
                [
                    expression.OR(
                        [[("res_model", "=", name), ("res_id", "in", ids)] for name, ids in threads]
                    ),
                    ["|", ("res_field", "=", False), ("res_field", "!=", False)],
                ]
            )
        )
        attachments.exists().unlink()
        self._erasure_drop_notifications(threads)

    @api.model
    def _erasure_drop_notifications(self, threads):
        """Delete the notifications waiting for the users' browsers (a new
        message, its body, the document's name) about the given records."""
        Bus = self.env["bus.bus"]
        Bus.flush_model()
        ids = []
        for model_name, res_ids in threads:
            ids += [
                row[0]
                for row in self.env.execute_query(
                    SQL(
                        """
                        SELECT id FROM %s
                         WHERE jsonb_path_exists(message::jsonb, %s::jsonpath, %s::jsonb)
                        """,
                        SQL.identifier(Bus._table),
                        "$.** ? (@.model == $model && (@.id == $ids[*] || @.res_id == $ids[*]))",
                        json.dumps({"model": model_name, "ids": res_ids}),
                    )
                )
            ]
        # sudo: notifications addressed to every user
        Bus.sudo().browse(ids).unlink()

    @api.model
    def _anonymise_tracking(self, values):
        """Clear tracked values: dates, numbers and texts (a birth date, an old
        name, a reference) and the names of linked records of the person;
        the values of a status, a stage or an agent are kept."""
        clear = values.browse()
        names_only = values.browse()
        for value in values:
            kind = value.field_id.ttype or (value.field_info or {}).get("type")
            relation = value.field_id.relation
            if kind in KEPT_TRACKING_TYPES:
                continue
            if kind in ("many2one", "many2many") and relation:
                if self._is_personal_model(relation):
                    names_only |= value
                continue
            clear |= value
        clear.write(
            {
                f"{side}_value_{kind}": False
                for side in ("old", "new")
                for kind in ("integer", "float", "char", "text", "datetime")
            }
        )
        names_only.write({"old_value_char": False, "new_value_char": False})

    def _erasure_drop_transient(self, people):
        """Delete the wizard lines (candidate lists) that point at the people."""
        for model_name, model in self.env.registry.items():
            if not model._transient:
                continue
            for name, field in model._fields.items():
                if field.type == "many2one" and field.store and field.comodel_name == self._name:
                    # sudo: every user's lines about the person
                    self.env[model_name].sudo().search([(name, "in", people.ids)]).unlink()

    # ------------------------------------------------------------------
    # Retention
    # ------------------------------------------------------------------

    @api.model
    def _retention_due(self, limit):
        """The files to anonymise: their last exit is before ``limit`` and
        nothing happened on them after it (no session, workshop, plan,
        action, review, contract, evaluation, proposal, visit or new intake
        after the exit: a file reopened after an old exit keeps its data)."""
        # sudo: the retention reads every file of every company
        Exit = self.env["job_coaching.exit"].sudo().with_context(active_test=False)
        last_exits = {
            person.id: last
            for person, last in Exit._read_group(
                [("beneficiary_id.erased", "=", False)], ["beneficiary_id"], ["date:max"]
            )
            if last < limit
        }
        if not last_exits:
            return self.browse()
        links = {}
        for model_name, field_name in self._history_links():
            links.setdefault(model_name, field_name)
        by_model = {}
        for model_name, field_name in ACTIVITY_DATES:
            by_model.setdefault(model_name, []).append(field_name)
        lasts = []  # (person id, a last date of activity on the file)
        for model_name, date_fields in by_model.items():
            # sudo: the retention reads every file of every company
            Model = self.env[model_name].sudo().with_context(active_test=False)
            if model_name == self._name:
                rows = Model.browse(last_exits).read(date_fields)
                lasts += [(row["id"], row[name]) for row in rows for name in date_fields]
                continue
            link = links[model_name]
            groups = Model._read_group(
                [(link, "in", list(last_exits))],
                [link],
                [f"{name}:max" for name in date_fields],
            )
            lasts += [(person.id, last) for person, *values in groups for last in values]
        alive = {
            person_id
            for person_id, last in lasts
            if last
            and (last.date() if isinstance(last, datetime) else last) > last_exits[person_id]
        }
        return self.browse(sorted(set(last_exits) - alive))

    @api.model
    def _cron_apply_retention(self):
        """Anonymise the closed files whose last exit is older than the
        retention period (Settings, in years), as an erasure requested by the
        retention."""
        years = int(
            self.env["ir.config_parameter"].sudo().get_param("job_coaching.retention_years", 5)
        )
        if years <= 0:
            return
        limit = fields.Date.context_today(self) - relativedelta(years=years)
        due = self._retention_due(limit)
        due.with_context(active_test=False)._anonymise(
            "retention",
            _(
                "Retention period of %(years)s years after the exit is over.",
                years=years,
            ),
        )
