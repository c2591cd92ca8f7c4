# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from ..tools.street import house_number, street_match_key, street_match_pattern


class JobCoachingZone(models.Model):
    _name = "job_coaching.zone"
    _description = "Neighbourhood Contract Zone"
    _inherit = ["job_coaching.input.guard", "job_coaching.period"]
    _order = "date_start desc, name"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    code = fields.Char(help="Short reference of the zone, e.g. the contract's name.")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    zip = fields.Char(
        string="Postcode",
        help="Postcode of the zone's streets. An address with another postcode is outside "
        "the zone.",
    )
    city = fields.Char()
    date_start = fields.Date(string="Start", required=True)
    date_end = fields.Date(string="End", required=True)
    street_ids = fields.One2many("job_coaching.zone.street", "zone_id", string="Streets")
    street_count = fields.Integer(compute="_compute_street_count")
    note = fields.Html()

    _sql_constraints = [
        (
            "date_check",
            "CHECK (date_start <= date_end)",
            "A zone's period must end after it starts.",
        ),
    ]

    def _compute_street_count(self):
        counts = self._count_linked("job_coaching.zone.street", "zone_id")
        for zone in self:
            zone.street_count = counts.get(zone, 0)

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        self._check_ends_after_start("date_start", "date_end")

    def _match_keys(self):
        """Return {zone: {normalised street name: street lines}} for the zones
        in self (a street may have several lines: a side, a range of numbers)."""
        keys = {zone: {} for zone in self}
        for street in self.street_ids:
            for key in {street.match_key, street.match_key_nl} - {False, ""}:
                keys[street.zone_id].setdefault(key, []).append(street)
        return keys

    def _find_zone(self, street, zip_code, keys=None):
        """Return the first zone of self whose streets contain ``street``.

        ``street`` is an address line as a person writes it ("12, av. Ch. Woeste",
        "Esseghemstraat 5 bus 2"); when both are known, ``zip_code`` must be
        the zone's postcode. A street line limited to a side or to a range of
        house numbers holds the addresses of that side or range only (an
        address without a number is not on it). ``keys`` is the result of
        :meth:`_match_keys`, passed by callers that look up many addresses at
        once.
        """
        key = street_match_key(street)
        if not key:
            return self.browse()
        keys = keys if keys is not None else self._match_keys()
        pattern = street_match_pattern(street)
        number = house_number(street)
        for zone in self:
            if zip_code and zone.zip and zip_code.strip() != zone.zip.strip():
                continue
            zone_keys = keys.get(zone, {})
            names = [key] if key in zone_keys else []
            if not names and pattern:
                names = [k for k in zone_keys if pattern.fullmatch(k)]
            if any(line._covers(number) for name in names for line in zone_keys[name]):
                return zone
        return self.browse()

    @api.model
    def _zones_of_addresses(self, records):
        """{record: the zone of its company that its address lies in} for
        records with an address (``street``, ``zip``) and a ``company_id``."""
        # sudo: residence is a fact of the address, whatever zones the user may read;
        # an archived zone counts for nobody
        zones = (
            self.sudo()
            .with_context(active_test=True)
            .search([("company_id", "in", records.company_id.ids)])
        )
        keys = zones._match_keys()
        return {
            record: zones.filtered(lambda z, r=record: z.company_id == r.company_id)._find_zone(
                record.street, record.zip, keys
            )
            for record in records
        }

    @api.model
    def _relocate_records(self, records):
        """Write where the addresses of records lie, after a zone or its
        streets changed (the addresses did not, so nothing recomputes by
        itself): one write per zone found, the records whose zone changed
        only."""
        moved = {}
        for record, zone in self._zones_of_addresses(records).items():
            if record.zone_id != zone:
                moved.setdefault(zone, records.browse())
                moved[zone] |= record
        for zone, moved_records in moved.items():
            # sudo: the zone is the application's (read-only computed fields)
            moved_records.sudo().write({"zone_id": zone.id, "in_zone": bool(zone)})

    def write(self, vals):
        companies = self.company_id
        res = super().write(vals)
        if {"zip", "active", "company_id"} & set(vals):
            self._relocate_beneficiaries(companies)
        return res

    def _relocate_beneficiaries(self, companies=None):
        """Recompute where the people of these zones' companies (and of
        ``companies``) live, and lived in each period of their history,
        after the zones or their streets changed."""
        companies = (companies or self.env["res.company"]) | self.company_id
        for model_name in ("job_coaching.beneficiary", "job_coaching.situation"):
            # sudo: residence is a fact of the address, whoever edits the streets
            records = (
                self.env[model_name]
                .sudo()
                .with_context(active_test=False)
                .search([("company_id", "in", companies.ids)])
            )
            self._relocate_records(records)
