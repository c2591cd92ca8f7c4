# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""How a person's contact data is kept: phones checked and stored in
international form, e-mail checked, names without stray spaces."""

from odoo import _, api, models
from odoo.exceptions import UserError
from odoo.tools import email_normalize

from odoo.addons.phone_validation.tools.phone_validation import phone_format

PHONE_FIELDS = ("phone", "mobile")


class JobCoachingBeneficiary(models.Model):
    _inherit = "job_coaching.beneficiary"

    @api.model
    def _file_checked_fields(self):
        return [*super()._file_checked_fields(), *PHONE_FIELDS, "email"]

    def _file_problems(self):
        problems = super()._file_problems()
        for field_name in PHONE_FIELDS:
            # as written: the form edits the number as displayed
            number = self[f"{field_name}_display"]
            if number and not self._format_phone(number):
                problems.append(
                    (
                        field_name,
                        _(
                            "%(number)s is not a valid %(field)s number. Write it as dialled "
                            "from Belgium (0470 12 34 56, 02 123 45 67) or with its country "
                            "code (+32 470 12 34 56).",
                            number=number,
                            field=self._fields[field_name]._description_string(self.env).lower(),
                        ),
                    )
                )
        if self.email and not email_normalize(self.email):
            problems.append(
                ("email", _("%(email)s is not a valid email address.", email=self.email))
            )
        return problems

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

    def _format_phone(self, number, country=None):
        """``number`` in E.164, read in ``country`` (the person's, else
        Belgium); ``None`` when it is not a phone number there."""
        country = country or self.country_id or self.env.ref("base.be")
        try:
            return phone_format(number, country.code, country.phone_code, force_format="E164")
        except UserError:
            return None

    def _prepare_vals(self, vals, country=None):
        """Normalise what a person typed: phones, email, names.

        Phone numbers are read in ``vals``' country, else ``country``, else Belgium.
        """
        vals = dict(vals)
        if isinstance(vals.get("country_id"), int) and vals["country_id"]:
            country = self.env["res.country"].browse(vals["country_id"])
        for field_name in PHONE_FIELDS:
            if isinstance(vals.get(field_name), str) and vals[field_name].strip():
                # A number that is none is kept as typed: the check of the file
                # refuses it with the other problems of the same save.
                number = vals[field_name].strip()
                vals[field_name] = self._format_phone(number, country) or number
        if isinstance(vals.get("email"), str):
            vals["email"] = vals["email"].strip() or False
        for field_name in ("first_name", "last_name"):
            if isinstance(vals.get(field_name), str):
                vals[field_name] = " ".join(vals[field_name].split())
        return vals
