# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The phones of a file as people write them (+32 470 12 34 56), in lists and
forms, while ``phone`` and ``mobile`` stay stored in E.164 (+32470123456) for
search, duplicates and dialling."""

import phonenumbers

from odoo import api, fields, models


def format_international(number):
    """``number`` (E.164) grouped as written internationally; as it is when
    phonenumbers cannot read it."""
    if not number:
        return False
    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        return number
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


class JobCoachingBeneficiary(models.Model):
    _inherit = "job_coaching.beneficiary"

    phone_display = fields.Char(
        string="Phone", compute="_compute_phone_display", inverse="_inverse_phone_display"
    )
    mobile_display = fields.Char(
        string="Mobile", compute="_compute_phone_display", inverse="_inverse_mobile_display"
    )

    @api.depends("phone", "mobile")
    def _compute_phone_display(self):
        for beneficiary in self:
            beneficiary.phone_display = format_international(beneficiary.phone)
            beneficiary.mobile_display = format_international(beneficiary.mobile)

    def _inverse_phone_display(self):
        # write(): the number is read in the person's country and stored in E.164
        for beneficiary in self:
            beneficiary.write({"phone": beneficiary.phone_display or False})

    def _inverse_mobile_display(self):
        for beneficiary in self:
            beneficiary.write({"mobile": beneficiary.mobile_display or False})
