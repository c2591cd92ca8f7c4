# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The accompaniment part of a file: sessions, office-hours visits, the
insertion plan and workshops, as smart buttons."""

from odoo import _, fields, models


class JobCoachingBeneficiary(models.Model):
    _inherit = "job_coaching.beneficiary"

    session_ids = fields.One2many("job_coaching.session", "beneficiary_id", string="Sessions")
    session_count = fields.Integer(compute="_compute_session_stats")
    last_session_date = fields.Datetime(string="Last Session", compute="_compute_session_stats")
    next_session_date = fields.Datetime(string="Next Session", compute="_compute_session_stats")
    office_hours_visit_ids = fields.One2many(
        "job_coaching.office.hours.visit", "beneficiary_id", string="Office Hours Visits"
    )
    insertion_plan_ids = fields.One2many(
        "job_coaching.insertion.plan", "beneficiary_id", string="Insertion Plans"
    )
    workshop_registration_ids = fields.One2many(
        "job_coaching.workshop.registration", "beneficiary_id", string="Workshop Registrations"
    )
    workshop_registered_count = fields.Integer(
        string="Workshops Registered", compute="_compute_workshop_attended_count"
    )
    workshop_attended_count = fields.Integer(
        string="Workshops Attended", compute="_compute_workshop_attended_count"
    )

    def _compute_session_stats(self):
        now = fields.Datetime.now()
        Session = self.env["job_coaching.session"]
        counts = self._count_linked("job_coaching.session", "beneficiary_id")
        last = dict(
            Session._read_group(
                [("beneficiary_id", "in", self.ids), ("state", "=", "done")],
                ["beneficiary_id"],
                ["start:max"],
            )
        )
        upcoming = dict(
            Session._read_group(
                [
                    ("beneficiary_id", "in", self.ids),
                    ("state", "=", "planned"),
                    ("start", ">=", now),
                ],
                ["beneficiary_id"],
                ["start:min"],
            )
        )
        for beneficiary in self:
            beneficiary.session_count = counts.get(beneficiary, 0)
            beneficiary.last_session_date = last.get(beneficiary, False)
            beneficiary.next_session_date = upcoming.get(beneficiary, False)

    def _compute_workshop_attended_count(self):
        registered, attended = {}, {}
        for beneficiary, attendance, count in self.env[
            "job_coaching.workshop.registration"
        ]._read_group(
            [("beneficiary_id", "in", self.ids)], ["beneficiary_id", "attendance"], ["__count"]
        ):
            registered[beneficiary] = registered.get(beneficiary, 0) + count
            if attendance == "attended":
                attended[beneficiary] = count
        for beneficiary in self:
            beneficiary.workshop_registered_count = registered.get(beneficiary, 0)
            beneficiary.workshop_attended_count = attended.get(beneficiary, 0)

    def action_open_sessions(self):
        action = self._action_open_linked(
            "job_coaching.job_coaching_session_action", "beneficiary_id"
        )
        action["view_mode"] = "list,calendar,form"
        action["views"] = [(False, "list"), (False, "calendar"), (False, "form")]
        return action

    def action_open_insertion_plan(self):
        self.ensure_one()
        plan = self.insertion_plan_ids[:1]
        return {
            "type": "ir.actions.act_window",
            "name": _("Insertion plan"),
            "res_model": "job_coaching.insertion.plan",
            "view_mode": "form",
            "views": [(False, "form")],
            "res_id": plan.id,
            "context": {"default_beneficiary_id": self.id},
        }

    def action_open_workshop_registrations(self):
        return self._action_open_linked(
            "job_coaching.job_coaching_workshop_registration_action_beneficiary", "beneficiary_id"
        )
