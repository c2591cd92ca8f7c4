# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from .job_coaching_beneficiary import JobCoachingBeneficiary

# What a period records of the file.
SITUATION_FIELDS = ("street", "street2", "zip", "city", "cpas_status")


class JobCoachingSituation(models.Model):
    """Where a person lived and what they lived on over a period: the
    address (hence the zone) and the CPAS status of the file from the day
    the period begins to the day before the next one.

    The file shows its latest period: a change of the file's address or
    status begins a new period that day (see
    ``job_coaching_beneficiary_situation.py``), and a period recorded or
    corrected here puts its address and status on the file when it is the
    latest. The reports count each event with the period of its day; the
    first period of a file also holds for the events before it (what the
    person said at the intake is all the project knows).
    """

    _name = "job_coaching.situation"
    _description = "Residence and Status of a Beneficiary"
    _inherit = "job_coaching.file.entry"
    _order = "beneficiary_id, date_from desc, id desc"

    beneficiary_id = fields.Many2one(ondelete="cascade")
    date_from = fields.Date(
        string="From",
        required=True,
        default=fields.Date.context_today,
        help="The day the person moved or their status changed. A change on the file begins "
        "a period on the day it is saved: correct the day when it happened earlier.",
    )
    date_to = fields.Date(
        string="Until",
        compute="_compute_date_to",
        store=True,
        help="The last day of the period: the day before the next one begins. Empty for the "
        "current situation.",
    )
    street = fields.Char()
    street2 = fields.Char()
    zip = fields.Char()
    city = fields.Char()
    zone_id = fields.Many2one(
        "job_coaching.zone",
        compute="_compute_zone_id",
        store=True,
        index=True,
        help="The neighbourhood contract zone of the address.",
    )
    in_zone = fields.Boolean(string="Lives in the Zone", compute="_compute_zone_id", store=True)
    cpas_status = fields.Selection(
        JobCoachingBeneficiary.cpas_status.selection, string="CPAS Status", required=True
    )

    _sql_constraints = [
        (
            "beneficiary_date_uniq",
            "UNIQUE (beneficiary_id, date_from)",
            "A file has one residence and status period per start day.",
        ),
    ]

    @api.depends("beneficiary_id.situation_ids.date_from")
    def _compute_date_to(self):
        for situation in self:
            later = [
                other.date_from
                for other in situation.beneficiary_id.situation_ids
                if other.date_from and situation.date_from and other.date_from > situation.date_from
            ]
            situation.date_to = min(later) - timedelta(days=1) if later else False

    @api.depends("street", "zip", "company_id")
    def _compute_zone_id(self):
        zone_of = self.env["job_coaching.zone"]._zones_of_addresses(self)
        for situation in self:
            situation.zone_id = zone_of[situation]
            situation.in_zone = bool(zone_of[situation])

    @api.depends("date_from", "date_to")
    def _compute_display_name(self):
        for situation in self:
            situation.display_name = _(
                "%(first)s - %(last)s",
                first=situation.date_from or "",
                last=situation.date_to or _("today"),
            )

    @api.constrains("date_from")
    def _check_date_from(self):
        today = fields.Date.context_today(self)
        for situation in self:
            if situation.date_from > today:
                raise ValidationError(
                    _(
                        "A residence and status period of %(person)s begins on %(date)s, after "
                        "today: record a move or a change of status once it has happened.",
                        person=situation.beneficiary_id.name,
                        date=situation.date_from,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        periods = super().create(vals_list)
        periods.beneficiary_id._follow_latest_situation()
        periods._post_on_file()
        return periods

    def write(self, vals):
        files = self.beneficiary_id
        result = super().write(vals)
        if {"beneficiary_id", "date_from", *SITUATION_FIELDS} & set(vals):
            (files | self.beneficiary_id)._follow_latest_situation()
        return result

    def unlink(self):
        files = self.beneficiary_id
        result = super().unlink()
        files._follow_latest_situation()
        return result

    def _address(self):
        self.ensure_one()
        town = " ".join(part for part in (self.zip, self.city) if part)
        return ", ".join(part for part in (self.street, self.street2, town) if part)

    def _post_on_file(self):
        """Leave a period that follows another in the file's chatter: where
        the person lives and on what, from which day (the first period is the
        intake's, already on the file)."""
        statuses = dict(self._fields["cpas_status"]._description_selection(self.env))
        for period in self:
            if len(period.beneficiary_id.situation_ids) < 2:
                continue
            period.beneficiary_id.message_post(
                body=_(
                    "Residence and status from %(date)s: %(address)s (%(zone)s), %(status)s.",
                    date=period.date_from,
                    address=period._address() or _("address unknown"),
                    zone=period.zone_id.name or _("outside the zone"),
                    status=statuses[period.cpas_status],
                ),
                subtype_xmlid="mail.mt_note",
            )

    @api.model
    def _period_of_day(self, file_alias, day):
        """SQL of one row, for a LATERAL join: ``zone_id``, ``in_zone`` and
        ``cpas_status`` of the file ``file_alias`` (an alias of the files'
        table) on ``day`` (an SQL date). The period that holds that day is
        the latest begun by then; the first period also holds for the days
        before it (what the person said at the intake is all the project
        knows); a file without any period (rows written by other means than
        the application) has its own current values. One look-up among the
        file's few periods, by the index on (file, first day)."""
        return SQL(
            """
            SELECT zone_id, COALESCE(in_zone, FALSE) AS in_zone, cpas_status
              FROM (
                    SELECT s.zone_id, s.in_zone, s.cpas_status, s.date_from
                      FROM %(periods)s s
                     WHERE s.beneficiary_id = %(file)s.id
                     UNION ALL
                    SELECT %(file)s.zone_id, %(file)s.in_zone, %(file)s.cpas_status, NULL
                   ) candidate
             ORDER BY candidate.date_from IS NULL,
                      candidate.date_from > %(day)s,
                      abs(candidate.date_from - %(day)s)
             LIMIT 1
            """,
            periods=SQL.identifier(self._table),
            file=SQL.identifier(file_alias),
            day=day,
        )

    @api.model
    def _flush_periods(self):
        """Write what :meth:`_period_of_day` reads to the database."""
        self.flush_model(["beneficiary_id", "date_from", "zone_id", "in_zone", "cpas_status"])
        self.env["job_coaching.beneficiary"].flush_model(["zone_id", "in_zone", "cpas_status"])

    @api.model
    def _records_living_in(self, model_name, day, zone_id=None, link="beneficiary_id"):
        """SQL selecting the ids of the records of ``model_name`` whose person
        (``link``) lived, on the record's day (an SQL expression over the
        alias ``src`` of its table), in zone ``zone_id``, or in any zone
        without one."""
        self._flush_periods()
        return SQL(
            """
            (SELECT src.id FROM %(table)s src
              JOIN %(files)s b ON b.id = src.%(link)s
              JOIN LATERAL (%(period)s) period ON TRUE
             WHERE %(where)s)
            """,
            table=SQL.identifier(self.env[model_name]._table),
            files=SQL.identifier(self.env["job_coaching.beneficiary"]._table),
            link=SQL.identifier(link),
            period=self._period_of_day("b", day),
            where=SQL("period.zone_id = %s", zone_id) if zone_id else SQL("period.in_zone"),
        )
