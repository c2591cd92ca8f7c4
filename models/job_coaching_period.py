# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date, format_datetime


class JobCoachingPeriod(models.AbstractModel):
    """A record that runs from a start to an end: a subsidy, a zone, a target,
    a workshop, a session, a contract, a plan's action, a reporting period.

    One refusal for all of them, with the start in the user's format: a day
    may begin and end a period (dates), a meeting takes some time (times).
    """

    _name = "job_coaching.period"
    _description = "Record with a Start and an End"

    def _check_ends_after_start(self, start, end):
        for record in self:
            first, last = record[start], record[end]
            if not (first and last):
                continue
            timed = record._fields[start].type == "datetime"
            if last < first or (timed and last == first):
                raise ValidationError(
                    _(
                        "%(record)s ends before it starts: set its end after %(start)s.",
                        record=record._period_name(),
                        start=format_datetime(self.env, first, dt_format=False)
                        if timed
                        else format_date(self.env, first),
                    )
                )

    def _period_name(self):
        """How the refusal names the record."""
        return _("%(document)s “%(name)s”", document=self._model_label(), name=self.display_name)
