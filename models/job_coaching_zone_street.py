# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..tools.street import street_line_covers, street_match_key

SIDES = [("both", "Both sides"), ("even", "Even numbers"), ("odd", "Odd numbers")]


class JobCoachingZoneStreet(models.Model):
    """A street of a zone, or the part of it that belongs to the zone: a
    boundary avenue counts on one side only, a long street from one house
    number to another. A street may have several lines (the odd side whole,
    the even side up to number 40)."""

    _name = "job_coaching.zone.street"
    _description = "Street of a Zone"
    _inherit = ["job_coaching.input.guard"]
    _order = "zone_id, name, number_from, id"

    zone_id = fields.Many2one("job_coaching.zone", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="zone_id.company_id", store=True)
    name = fields.Char(string="French name", required=True)
    name_nl = fields.Char(string="Dutch name")
    side = fields.Selection(
        SIDES,
        required=True,
        default="both",
        help="The side of the street that lies in the zone: a boundary avenue counts on "
        "one side only.",
    )
    number_from = fields.Integer(
        string="From No.",
        help="First house number in the zone; 0: from the start of the street.",
    )
    number_to = fields.Integer(
        string="To No.",
        help="Last house number in the zone; 0: to the end of the street.",
    )
    match_key = fields.Char(compute="_compute_match_keys", store=True)
    match_key_nl = fields.Char(compute="_compute_match_keys", store=True)

    _sql_constraints = [
        (
            "number_range_check",
            "CHECK (number_from >= 0 AND number_to >= 0)",
            "House numbers of a street line are positive.",
        ),
    ]

    @api.depends("name", "name_nl")
    def _compute_match_keys(self):
        for street in self:
            street.match_key = street_match_key(street.name)
            street.match_key_nl = street_match_key(street.name_nl)

    @api.depends("name", "name_nl", "side", "number_from", "number_to")
    def _compute_display_name(self):
        sides = dict(self._fields["side"]._description_selection(self.env))
        for street in self:
            name = f"{street.name} / {street.name_nl}" if street.name_nl else street.name
            part = street._part_label(sides)
            street.display_name = f"{name} ({part})" if part else name

    def _part_label(self, sides):
        """The part of the street the line covers, in words; empty for the
        whole street."""
        self.ensure_one()
        parts = [sides[self.side]] if self.side and self.side != "both" else []
        if self.number_from and self.number_to:
            parts.append(
                _("nos %(first)s to %(last)s", first=self.number_from, last=self.number_to)
            )
        elif self.number_from:
            parts.append(_("from no. %(first)s", first=self.number_from))
        elif self.number_to:
            parts.append(_("up to no. %(last)s", last=self.number_to))
        return ", ".join(parts)

    @api.constrains("number_from", "number_to")
    def _check_numbers(self):
        for street in self:
            if street.number_from and street.number_to and street.number_from > street.number_to:
                raise ValidationError(
                    _(
                        "The street line %(street)s of the zone %(zone)s ends at number "
                        "%(last)s before it starts at %(first)s: the first number comes first.",
                        street=street.name,
                        zone=street.zone_id.name,
                        first=street.number_from,
                        last=street.number_to,
                    )
                )

    @api.constrains("zone_id", "name", "name_nl", "side", "number_from", "number_to")
    def _check_overlap(self):
        """Two lines of a zone do not cover the same address of a street."""
        others = self.search([("zone_id", "in", self.zone_id.ids)])
        for street in self:
            for other in others:
                if (
                    other != street
                    and other.zone_id == street.zone_id
                    and other.match_key == street.match_key
                    and street._overlaps(other)
                ):
                    raise ValidationError(
                        _(
                            "%(street)s appears twice in the zone %(zone)s for the same house "
                            "numbers: keep one line, or give each line its own side or numbers.",
                            street=street.name,
                            zone=street.zone_id.name,
                        )
                    )

    def _overlaps(self, other):
        """Whether two lines of the same street share a house number."""
        if "both" not in (self.side, other.side) and self.side != other.side:
            return False
        first = max(self.number_from or 1, other.number_from or 1)
        last = min(self.number_to or float("inf"), other.number_to or float("inf"))
        if first > last:
            return False
        side = other.side if self.side == "both" else self.side
        # One side only: a number of that side lies in the shared range.
        return side == "both" or last > first or first % 2 == (side == "odd")

    def _covers(self, number):
        """Whether the line covers house number ``number`` (0: unknown)."""
        self.ensure_one()
        return street_line_covers(self.side, self.number_from, self.number_to, number)

    @api.model_create_multi
    def create(self, vals_list):
        streets = super().create(vals_list)
        streets.zone_id._relocate_beneficiaries()
        return streets

    def write(self, vals):
        zones = self.zone_id
        res = super().write(vals)
        if {"name", "name_nl", "zone_id", "side", "number_from", "number_to"} & set(vals):
            (zones | self.zone_id)._relocate_beneficiaries()
        return res

    def unlink(self):
        zones = self.zone_id
        res = super().unlink()
        zones._relocate_beneficiaries()
        return res
