# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""How a person's contact data is kept: phones checked and stored in
international form, e-mail checked, names without stray spaces."""

from odoo import _, api, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import email_normalize

from odoo.addons.phone_validation.tools.phone_validation import phone_format

PHONE_FIELDS = ("phone", "mobile")


class JobCoachingBeneficiary(models.Model):
    _inherit = "job_coaching.beneficiary"

    @api.constrains("phone", "mobile")
    def _check_phones(self):
        for beneficiary in self:
            for field_name in PHONE_FIELDS:
                if beneficiary[field_name]:
                    beneficiary._format_phone(beneficiary[field_name], field_name)

    @api.constrains("email")
    def _check_email(self):
        for beneficiary in self:
            if beneficiary.email and not email_normalize(beneficiary.email):
                raise ValidationError(
                    _("%(email)s is not a valid email address.", email=beneficiary.email)
                )

    @api.model_create_multi
    def create(self, vals_list):
        return super().create([self._prepare_vals(vals) for vals in vals_list])

    def write(self, vals):
        if len(self) > 1 and any(f in vals for f in PHONE_FIELDS) and "country_id" not in vals:
            # Each person's number is read in their own country.
            for beneficiary in self:
                beneficiary.write(vals)
            return True
        return super().write(self._prepare_vals(vals, country=self.country_id[:1]))

    def _format_phone(self, number, field_name, country=None):
        """Return ``number`` in E.164, the person's country (else Belgium) by default."""
        country = country or self.country_id or self.env.ref("base.be")
        try:
            return phone_format(number, country.code, country.phone_code, force_format="E164")
        except UserError as error:
            raise ValidationError(
                _(
                    "%(number)s is not a valid %(field)s number. Write it as dialled from "
                    "Belgium (0470 12 34 56, 02 123 45 67) or with its country code "
                    "(+32 470 12 34 56).",
                    number=number,
                    field=self._fields[field_name].get_description(self.env)["string"].lower(),
                )
            ) from error

    def _prepare_vals(self, vals, country=None):
        """Normalise what a person typed: phones, email, names.

        Phone numbers are read in ``vals``' country, else ``country``, else Belgium.
        """
        vals = dict(vals)
        if isinstance(vals.get("country_id"), int) and vals["country_id"]:
            country = self.env["res.country"].browse(vals["country_id"])
        for field_name in PHONE_FIELDS:
            if isinstance(vals.get(field_name), str) and vals[field_name].strip():
                vals[field_name] = self._format_phone(vals[field_name], field_name, country)
        if isinstance(vals.get("email"), str):
            vals["email"] = vals["email"].strip() or False
        for field_name in ("first_name", "last_name"):
            if isinstance(vals.get(field_name), str):
                vals[field_name] = " ".join(vals[field_name].split())
        return vals
