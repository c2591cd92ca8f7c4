# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

MAX_HOURS = 24


class JobCoachingOutreachPresence(models.Model):
    """An agent's presence at an event of the neighbourhood (a market, a
    neighbourhood party, an event of the neighbourhood contract) to meet the
    people of the zone: counted in the activity report, it holds no personal
    data but the files it opened, linked only by whom may write them."""

    _name = "job_coaching.outreach.presence"
    _description = "Outreach Presence"
    _inherit = [
        "job_coaching.team.thread",
        "job_coaching.file.record",
        "job_coaching.input.guard",
    ]
    _order = "date desc, id desc"
    _check_company_auto = True

    # The event
    name = fields.Char(
        string="Event",
        required=True,
        tracking=True,
        help="The event or the occasion: a market, a neighbourhood party, an activity of the "
        "neighbourhood contract...",
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    place = fields.Char(help="Where it took place: a square, a street, a partner's room.")
    zone_id = fields.Many2one(
        "job_coaching.zone",
        required=True,
        index=True,
        check_company=True,
        default=lambda self: self._default_zone_id(),
        tracking=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Agent",
        required=True,
        default=lambda self: self._default_team_user(),
        index=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    # What came of it
    hours = fields.Float(string="Hours Present", required=True, default=2.0, tracking=True)
    people_reached = fields.Integer(
        string="People Spoken To",
        tracking=True,
        help="How many people the agent spoke to about the project (a count, no names).",
    )
    beneficiary_ids = fields.Many2many(
        "job_coaching.beneficiary",
        "job_coaching_outreach_presence_beneficiary_rel",
        "presence_id",
        "beneficiary_id",
        string="Files Opened",
        check_company=True,
        help="The files opened for people met at the event, if you link them (only files "
        "you may write).",
    )
    file_count = fields.Integer(
        string="New Files",
        compute="_compute_file_count",
        store=True,
        readonly=False,
        tracking=True,
        help="How many people met at the event had a file opened: the files linked, or a "
        "number you type when you do not link them.",
    )
    note = fields.Text()

    @api.model
    def _default_zone_id(self):
        """The project's zone: the company's active zone, the latest first."""
        return self.env["job_coaching.zone"].search(
            [("company_id", "=", self.env.company.id)], limit=1
        )

    @api.depends("beneficiary_ids")
    def _compute_file_count(self):
        # Every file linked counts, also those the user may not read (which
        # the user's value of the field leaves out).
        linked = self._linked_file_counts()
        for presence in self:
            origin = presence._origin
            if not origin.id:  # a new presence in a form: the files it holds
                presence.file_count = len(presence.beneficiary_ids)
            elif presence.id == origin.id:  # a saved presence: the files it links
                presence.file_count = linked.get(origin.id, 0)
            else:  # a saved presence changed in a form: what the user changed
                presence.file_count = (
                    linked.get(origin.id, 0)
                    + len(presence.beneficiary_ids)
                    - len(origin.beneficiary_ids)
                )

    @api.depends("name", "date")
    def _compute_display_name(self):
        for presence in self:
            presence.display_name = " - ".join(
                part
                for part in (presence.date and fields.Date.to_string(presence.date), presence.name)
                if part
            )

    @api.constrains("hours")
    def _check_hours(self):
        for presence in self:
            if not 0 < presence.hours <= MAX_HOURS:
                raise ValidationError(
                    _(
                        "The presence at %(event)s lasted %(hours)s hours: give a duration "
                        "above 0 and up to %(max)s hours.",
                        event=presence.name,
                        hours=presence.hours,
                        max=MAX_HOURS,
                    )
                )

    @api.constrains("people_reached", "file_count", "beneficiary_ids")
    def _check_counts(self):
        linked_counts = self._linked_file_counts()
        for presence in self:
            if presence.people_reached < 0 or presence.file_count < 0:
                raise ValidationError(
                    _(
                        "The people spoken to and the new files at %(event)s are counts: "
                        "zero or more.",
                        event=presence.name,
                    )
                )
            linked = linked_counts.get(presence.id, 0)
            if presence.file_count < linked:
                raise ValidationError(
                    _(
                        "%(count)s files are linked to the presence at %(event)s: the new "
                        "files cannot be fewer.",
                        count=linked,
                        event=presence.name,
                    )
                )
            if presence.people_reached < presence.file_count:
                raise ValidationError(
                    _(
                        "At %(event)s, %(files)s files were opened for %(people)s people spoken "
                        "to: count every person whose file was opened among the people spoken "
                        "to.",
                        event=presence.name,
                        files=presence.file_count,
                        people=presence.people_reached,
                    )
                )

    @api.constrains("user_id", "company_id")
    def _check_agent(self):
        self._check_team_agents("user_id")

    def _linked_file_counts(self):
        """{presence id: the files it links in the database}, whoever may
        read them: one query for the batch, the link table read directly
        (the field's value is the user's, without the files out of reach)."""
        ids = tuple(id_ for id_ in self._origin.ids if id_)
        if not ids:
            return {}
        field = self._fields["beneficiary_ids"]
        column = SQL.identifier(field.column1)
        return dict(
            self.env.execute_query(
                SQL(
                    "SELECT %s, count(*) FROM %s WHERE %s IN %s GROUP BY %s",
                    column,
                    SQL.identifier(field.relation),
                    column,
                    ids,
                    column,
                )
            )
        )
