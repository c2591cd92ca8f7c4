# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Residence and status over time: the file keeps a dated history of its
address and CPAS status (``job_coaching.situation``), so that the reports
count each event with the situation of its day (a person who moved out
stays in last year's zone figures). The file shows its latest period."""

from odoo import api, fields, models

from .job_coaching_situation import SITUATION_FIELDS


class JobCoachingBeneficiary(models.Model):
    _inherit = "job_coaching.beneficiary"

    situation_ids = fields.One2many(
        "job_coaching.situation", "beneficiary_id", string="Residence and Status History"
    )

    @api.model_create_multi
    def create(self, vals_list):
        people = super().create(vals_list)
        people._record_situation()
        return people

    def write(self, vals):
        watched = [name for name in SITUATION_FIELDS if name in vals]
        before = {person: person._situation_values() for person in self} if watched else {}
        result = super().write(vals)
        if watched:
            self.filtered(
                lambda person: person._situation_values() != before[person]
            )._record_situation()
        return result

    def _situation_values(self):
        self.ensure_one()
        return {name: self[name] or False for name in SITUATION_FIELDS}

    def _latest_situations(self):
        """{file id: its latest period} of the files of self."""
        latest = {}
        periods = self.env["job_coaching.situation"].search(
            [("beneficiary_id", "in", self.ids)], order="date_from, id"
        )
        for period in periods:
            latest[period.beneficiary_id.id] = period
        return latest

    def _record_situation(self):
        """Record the address and status of the files of self where their
        latest period says otherwise: a period beginning today (a new file's
        on its intake day, or today when the intake is planned later). A
        change on the day the latest period began corrects that period.

        An anonymised file keeps its periods as they were: the erasure clears
        their texts, not where and on what the person lived."""
        people = self.filtered(lambda person: not person.erased)
        if not people:
            return
        today = fields.Date.context_today(self)
        latest = people._latest_situations()
        new = []
        for person in people:
            vals = person._situation_values()
            period = latest.get(person.id)
            if period and {name: period[name] or False for name in SITUATION_FIELDS} == vals:
                continue
            if period and period.date_from >= today:
                period.write(vals)
                continue
            start = today if period else min(person.intake_date or today, today)
            new.append({"beneficiary_id": person.id, "date_from": start, **vals})
        self.env["job_coaching.situation"].create(new)

    def _follow_latest_situation(self):
        """Put the address and status of each file's latest period on the
        file, when a period was recorded, corrected or removed."""
        people = self.exists().filtered(lambda person: not person.erased)
        if not people:
            return
        latest = people._latest_situations()
        for person in people:
            period = latest.get(person.id)
            if not period:
                continue
            vals = {name: period[name] or False for name in SITUATION_FIELDS}
            if vals != person._situation_values():
                person.write(vals)
