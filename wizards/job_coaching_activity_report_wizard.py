# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io

import xlsxwriter
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools.xlsx import write_table


class JobCoachingActivityReportWizard(models.TransientModel):
    """The coordinator's activity report for the funder: a period, a zone,
    one agent or all; printed as PDF or downloaded as a workbook."""

    _name = "job_coaching.activity.report.wizard"
    _description = "Job Coaching Activity Report"
    _inherit = ["job_coaching.input.guard"]

    date_from = fields.Date(
        string="From",
        required=True,
        default=lambda self: fields.Date.context_today(self) - relativedelta(years=1, days=-1),
    )
    date_to = fields.Date(string="To", required=True, default=fields.Date.context_today)
    zone_id = fields.Many2one(
        "job_coaching.zone",
        default=lambda self: self._default_zone_id(),
        help="The people living in this zone; the project's zone by default. Empty: every "
        "person, and the targets count the people living in any zone.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Agent",
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("job_coaching.group_job_coaching_user").ids)
        ],
        help="Leave empty for every agent.",
    )
    # the coordinator's text, kept per period and zone
    difficulties = fields.Text(
        compute="_compute_note",
        store=True,
        readonly=False,
        help="Difficulties met during the period, printed in the report and kept for the "
        "next print of the same period and zone.",
    )
    outlook = fields.Text(compute="_compute_note", store=True, readonly=False)

    @api.model
    def _default_zone_id(self):
        """The project's zone: the company's active zone, the latest first."""
        return self.env["job_coaching.zone"].search(
            [("company_id", "=", self.env.company.id)], limit=1
        )

    @api.depends("date_from", "date_to", "zone_id")
    def _compute_note(self):
        Note = self.env["job_coaching.activity.note"]
        for wizard in self:
            note = Note._find(wizard.date_from, wizard.date_to, wizard.zone_id)
            wizard.difficulties = note.difficulties
            wizard.outlook = note.outlook

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for wizard in self:
            if wizard.date_to < wizard.date_from:
                raise ValidationError(
                    _(
                        "The period ends before it starts: set its end after %(start)s.",
                        start=wizard.date_from,
                    )
                )

    def _get_values(self):
        """The report's numbers, labelled in the user's language."""
        self.ensure_one()
        report = self.env["report.job_coaching.activity"].with_context(lang=self.env.user.lang)
        return report._get_activity_values(
            self.date_from,
            self.date_to,
            zone_id=self.zone_id.id or None,
            user_ids=self.user_id.ids or None,
        )

    def _save_note(self):
        """Keep the coordinator's text of the period and zone (in the user's
        language) when it changed."""
        self.ensure_one()
        Note = self.env["job_coaching.activity.note"].with_context(lang=self.env.user.lang)
        note = Note._find(self.date_from, self.date_to, self.zone_id)
        text = {"difficulties": self.difficulties or False, "outlook": self.outlook or False}
        if note and (note.difficulties or False, note.outlook or False) != tuple(text.values()):
            note.write(text)
        elif not note and any(text.values()):
            Note.create(
                {
                    "date_from": self.date_from,
                    "date_to": self.date_to,
                    "zone_id": self.zone_id.id,
                    **text,
                }
            )

    def action_print_pdf(self):
        self.ensure_one()
        self._save_note()
        return self.env.ref("job_coaching.action_report_activity").report_action(self)

    def action_download_xlsx(self):
        self.ensure_one()
        self._save_note()
        return {
            "type": "ir.actions.act_url",
            "url": f"/job_coaching/activity_report/{self.id}/statistics.xlsx",
            "target": "self",
        }

    def _get_xlsx(self):
        """The same numbers as a workbook, one sheet per breakdown, as bytes."""
        self.ensure_one()
        self = self.with_context(lang=self.env.user.lang)
        values = self._get_values()
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        bold = workbook.add_format({"bold": True})
        number = workbook.add_format({"num_format": "0"})
        decimal = workbook.add_format({"num_format": "0.00"})
        percent = workbook.add_format({"num_format": "0.0"})
        day = workbook.add_format({"num_format": "yyyy-mm-dd"})

        def table(sheet, row, headers, rows, formats):
            sheet.set_column(0, len(headers) - 1, 22)
            return write_table(sheet, row, 0, headers, rows, formats, bold)

        totals = values["totals"]
        sheet = workbook.add_worksheet(_("Summary"))
        sheet.write(0, 0, _("Activity report"), bold)
        sheet.write(1, 0, _("From"))
        sheet.write_datetime(1, 1, fields.Datetime.to_datetime(values["date_from"]), day)
        sheet.write(2, 0, _("To"))
        sheet.write_datetime(2, 1, fields.Datetime.to_datetime(values["date_to"]), day)
        sheet.write(3, 0, _("Zone"))
        sheet.write(3, 1, self.zone_id.display_name or _("All zones"))
        sheet.write(0, 2, _("Funder"))
        sheet.write(0, 3, ", ".join(values["funders"]))
        routes = [
            (self.env._("Into work: %(route)s", route=row["label"]), row["people"])
            for row in values["into_work"]
        ]
        summary = [
            (_("People accompanied"), values["accompanied"]),
            (_("New files"), totals["intake"]),
            (_("Sessions done"), totals["session_done"]),
            (_("No-shows"), totals["no_show"]),
            (_("Appointment requests"), totals["appointment_request"]),
            (_("Workshop sessions held"), values["workshops_held"]),
            (_("Workshop attendances"), totals["workshop_attended"]),
            (_("Workshop attendees"), values["workshop_people"]),
            (_("Training actions started"), totals["training_action"]),
            (_("Art. 60 contracts started"), totals["art60_started"]),
            (_("Art. 60 contracts running"), values["art60_running"]),
            (_("Art. 60 contracts ended"), totals["art60_ended"]),
            (_("Exits into a job"), totals["exit_to_job"]),
            (_("People into work"), values["into_job"]),
            *routes,
            (_("People leaving for a training"), values["into_training"]),
            (_("Still employed at +3 months"), totals["followup_employed_3m"]),
            (_("Still employed at +6 months"), totals["followup_employed_6m"]),
        ]
        table(sheet, 4, [_("Measure"), _("Value")], summary, [None, number])

        sheet = workbook.add_worksheet(_("Targets"))
        table(
            sheet,
            0,
            [_("Target"), _("Expected"), _("Reached"), _("Progress (%)")],
            [(t["name"], t["target"], t["current"], t["percent"]) for t in values["targets"]],
            [None, number, number, percent],
        )
        if values["targets"]:
            last = len(values["targets"])
            chart = workbook.add_chart({"type": "bar"})
            for col in (1, 2):
                chart.add_series(
                    {
                        "name": [sheet.name, 0, col],
                        "categories": [sheet.name, 1, 0, last, 0],
                        "values": [sheet.name, 1, col, last, col],
                    }
                )
            chart.set_title({"name": _("Progress against the targets")})
            sheet.insert_chart(last + 3, 0, chart)

        sheet = workbook.add_worksheet(_("Months"))
        month = workbook.add_format({"num_format": "mmm yyyy"})
        monthly = [
            (_("New files"), "intake"),
            (_("Sessions done"), "session_done"),
            (_("Workshop attendances"), "workshop_attended"),
            (_("Art. 60 contracts started"), "art60_started"),
            (_("Exits into a job"), "exit_to_job"),
        ]
        table(
            sheet,
            0,
            [_("Month"), *(label for label, _key in monthly)],
            [(m["month"], *(m[key] for _label, key in monthly)) for m in values["months"]],
            [month] + [number] * len(monthly),
        )
        last = len(values["months"])
        chart = workbook.add_chart({"type": "column"})
        for col in range(1, len(monthly) + 1):
            chart.add_series(
                {
                    "name": [sheet.name, 0, col],
                    "categories": [sheet.name, 1, 0, last, 0],
                    "values": [sheet.name, 1, col, last, col],
                }
            )
        chart.set_title({"name": _("Activity per month")})
        sheet.insert_chart(last + 3, 0, chart, {"x_scale": 2, "y_scale": 1.5})

        headers = [
            _("Group"),
            _("People accompanied"),
            _("New files"),
            _("Sessions done"),
            _("No-shows"),
            _("Appointment requests"),
            _("Workshop attendances"),
            _("Exits into a job"),
        ]
        measures = [
            "accompanied",
            "intake",
            "session_done",
            "no_show",
            "appointment_request",
            "workshop_attended",
            "exit_to_job",
        ]
        for key, title in (
            ("zone", _("Zone")),
            ("age_group", _("Age")),
            ("cpas_status", _("CPAS Status")),
            ("referral_channel", _("Referral Channels")),
        ):
            sheet = workbook.add_worksheet(title)
            table(
                sheet,
                0,
                headers,
                [(row["label"], *(row[m] for m in measures)) for row in values[key]],
                [None] + [number] * len(measures),
            )

        sheet = workbook.add_worksheet(_("Art. 60"))
        table(
            sheet,
            0,
            [_("Outcome"), _("Contracts ended")],
            [(row["label"], row["count"]) for row in values["art60_outcomes"]],
            [None, number],
        )

        sheet = workbook.add_worksheet(_("Youth"))
        table(
            sheet,
            0,
            [_("Measure"), _("Value")],
            [
                (_("Young people reviewed"), values["youth_reviewed"]),
                (_("Young people re-motivated"), values["youth_remotivated"]),
                (_("Motivation, first review"), values["motivation_first"]),
                (_("Motivation, latest review"), values["motivation_latest"]),
                (_("Self-confidence, first review"), values["confidence_first"]),
                (_("Self-confidence, latest review"), values["confidence_latest"]),
            ],
            [None, decimal],
        )

        sheet = workbook.add_worksheet(_("Feedback"))
        row = table(
            sheet,
            0,
            [_("Employer"), _("Date"), _("Rating"), _("Comment")],
            [
                (f["partner"], f["date"], f["rating"], f["comment"])
                for f in values["employer_feedback"]
            ],
            [None, day, number, None],
        )
        table(
            sheet,
            row,
            [_("Partner"), _("Date"), _("Rating"), _("Comment")],
            [
                (f["partner"], f["date"], f["rating"], f["comment"])
                for f in values["partner_feedback"]
            ],
            [None, day, number, None],
        )
        sheet = workbook.add_worksheet(_("Outlook"))
        sheet.set_column(0, 0, 22)
        sheet.set_column(1, 1, 100)
        wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
        sheet.write(0, 0, _("Difficulties"), bold)
        sheet.write_string(0, 1, self.difficulties or "", wrap)
        sheet.write(1, 0, _("Outlook"), bold)
        sheet.write_string(1, 1, self.outlook or "", wrap)
        workbook.close()
        return output.getvalue()
