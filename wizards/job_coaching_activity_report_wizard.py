# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io

import xlsxwriter
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.fields import Command

from ..tools.xlsx import write_table


class JobCoachingActivityReportWizard(models.TransientModel):
    """The coordinator's activity report for the funder: a period, a zone,
    one agent or all; printed as PDF or downloaded as a workbook."""

    _name = "job_coaching.activity.report.wizard"
    _description = "Job Coaching Activity Report"
    _inherit = ["job_coaching.record", "job_coaching.period"]

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
    feedback_ids = fields.Many2many(
        "job_coaching.partner.feedback",
        "job_coaching_activity_report_wizard_feedback_rel",
        "wizard_id",
        "feedback_id",
        string="Feedback Quoted",
        compute="_compute_note",
        store=True,
        readonly=False,
        domain="[('date', '>=', date_from), ('date', '<=', date_to), ('comment', '!=', False)]",
        help="The feedback of the period whose comments the report quotes: words about the "
        "project, written for the report. Kept with the difficulties and outlook.",
    )

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
            wizard.feedback_ids = note.feedback_ids

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        self._check_ends_after_start("date_from", "date_to")

    def _period_name(self):
        return _("The period")

    def _get_values(self):
        """The report's numbers, labelled in the user's language, and the
        feedback the coordinator quotes."""
        self.ensure_one()
        report = self.env["report.job_coaching.activity"].with_context(lang=self.env.user.lang)
        values = report._get_activity_values(
            self.date_from,
            self.date_to,
            zone_id=self.zone_id.id or None,
            user_ids=self.user_id.ids or None,
        )
        values["feedback_quoted"] = report._feedback_quoted(self.feedback_ids)
        return values

    def _save_note(self):
        """Keep the coordinator's text of the period and zone (in the user's
        language) when it changed."""
        self.ensure_one()
        Note = self.env["job_coaching.activity.note"].with_context(lang=self.env.user.lang)
        note = Note._find(self.date_from, self.date_to, self.zone_id)
        text = {"difficulties": self.difficulties or False, "outlook": self.outlook or False}
        if note and (note.difficulties or False, note.outlook or False) != tuple(text.values()):
            note.write(text)
        elif not note and (any(text.values()) or self.feedback_ids):
            note = Note.create(
                {
                    "date_from": self.date_from,
                    "date_to": self.date_to,
                    "zone_id": self.zone_id.id,
                    **text,
                }
            )
        if note.feedback_ids != self.feedback_ids:
            note.feedback_ids = [Command.set(self.feedback_ids.ids)]

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
        tenths = workbook.add_format({"num_format": "0.0"})
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
        hours = (_("Hours present at neighbourhood events"), values["outreach_hours"])
        summary = [
            (_("People accompanied"), values["accompanied"]),
            (_("New files"), totals["intake"]),
            (_("Sessions done"), totals["session_done"]),
            (_("No-shows"), totals["no_show"]),
            (_("Appointment requests"), totals["appointment_request"]),
            (_("Workshop sessions held"), values["workshops_held"]),
            (_("Workshop attendances"), totals["workshop_attended"]),
            (_("Workshop attendees"), values["workshop_people"]),
            (_("Presences at neighbourhood events"), values["outreach_presences"]),
            hours,
            (_("People spoken to at neighbourhood events"), values["outreach_people"]),
            (_("Files opened for people met at events"), values["outreach_files"]),
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
            (_("People referred out"), values["referred_out"]),
            (_("Feedback received"), values["feedback_count"]),
        ]
        table(sheet, 4, [_("Measure"), _("Value")], summary, [None, number])
        # hours are not whole: their own format (the table's header is on row 4)
        sheet.write_number(5 + summary.index(hours), 1, hours[1], tenths)

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
            (_("Presences at events"), "outreach_presences"),
            (_("People referred out"), "referred_out"),
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

        sheet = workbook.add_worksheet(_("Referrals Out"))
        referrals = [
            (row["label"], row["partner"], row["people"]) for row in values["referrals_out"]
        ]
        referrals.append((_("People referred (each once)"), "", values["referred_out"]))
        table(
            sheet,
            0,
            [_("Referred to"), _("Organisation"), _("People")],
            referrals,
            [None, None, number],
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
            [_("Source"), _("Feedback"), _("Rated"), _("Average rating (/ 5)")],
            [
                (f["label"], f["count"], f["rated"], f["average"] if f["rated"] else None)
                for f in values["feedback_sources"]
            ],
            [None, number, number, decimal],
        )
        table(
            sheet,
            row,
            [_("Organisation"), _("Source"), _("Date"), _("Rating"), _("What they say")],
            [
                (f["partner"], f["source"], f["date"], f["rating"] or None, f["comment"])
                for f in values["feedback_quoted"]
            ],
            [None, None, day, number, None],
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
