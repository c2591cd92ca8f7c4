# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The register number of a file: the national register (NISS) or BIS number,
checked, formatted, masked in lists, unique in a CPAS; the birth date follows
it, on create, on write and in the form as the user types."""

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import birth_date_from_register_number, normalize_register_number
from ..tools.register_number import check_register_number


class JobCoachingBeneficiary(models.Model):
    _inherit = "job_coaching.beneficiary"

    niss = fields.Char(
        string="Register Number",
        copy=False,
        index=True,
        groups="job_coaching.group_job_coaching_user",
        help="National register number (NISS) or, for people who are not in the "
        "national register, BIS number. Any punctuation is accepted; it is stored "
        "as YY.MM.DD-XXX.CC.",
    )
    niss_kind = fields.Selection(
        [("nn", "National register"), ("bis", "BIS")],
        string="Number Kind",
        compute="_compute_niss_kind",
        store=True,
        groups="job_coaching.group_job_coaching_user",
    )
    niss_masked = fields.Char(
        string="Register No.",
        compute="_compute_niss_masked",
        groups="job_coaching.group_job_coaching_user",
    )
    niss_search = fields.Char(
        string="Register number",
        compute="_compute_niss_masked",
        search="_search_niss_search",
        groups="job_coaching.group_job_coaching_user",
    )
    birth_date = fields.Date(
        compute="_compute_birth_date", store=True, readonly=False, precompute=True
    )

    _sql_constraints = [
        (
            "niss_company_uniq",
            "UNIQUE (company_id, niss)",
            "This register number is already registered for another beneficiary.",
        ),
    ]

    @api.depends("niss")
    def _compute_niss_kind(self):
        for beneficiary in self:
            try:
                beneficiary.niss_kind = normalize_register_number(beneficiary.niss)[1]
            except ValueError:
                beneficiary.niss_kind = False

    @api.depends("niss")
    def _compute_niss_masked(self):
        for beneficiary in self:
            number = beneficiary.niss
            beneficiary.niss_masked = f"{number[:9]}***.**" if number else False
            beneficiary.niss_search = False

    def _search_niss_search(self, operator, value):
        if operator not in ("=", "ilike", "like", "=ilike") or not isinstance(value, str):
            raise UserError(_("Search the register number by its value."))
        try:
            return [("niss", "=", normalize_register_number(value)[0])]
        except ValueError:
            return [("niss", "ilike", value.strip())]

    @api.depends("niss")
    def _compute_birth_date(self):
        # The number tells the birth date; a number that does not keeps the date typed.
        for beneficiary in self:
            beneficiary.birth_date = (
                birth_date_from_register_number(beneficiary.niss) or beneficiary.birth_date
            )

    @api.model
    def _file_checked_fields(self):
        return [*super()._file_checked_fields(), "niss"]

    def _file_problems(self):
        problems = super()._file_problems()
        niss_problem = self._niss_problem()
        if niss_problem:
            problems.insert(0, ("niss", niss_problem))
        return problems

    def _niss_problem(self):
        if not self.niss:
            return None
        try:
            born = check_register_number(self.niss)
        except ValueError:
            return _(
                "%(number)s is not a valid national register or BIS number: its last "
                "two digits (the check digits) do not match the first nine, or the "
                "date it holds does not exist. Copy it again from the identity card "
                "(e.g. 85.07.30-033.28).",
                number=self.niss,
            )
        if born and self.birth_date and born != self.birth_date:
            return _(
                "The register number %(number)s is of someone born on %(born)s, "
                "not on %(date)s: correct the number or the birth date.",
                number=self.niss,
                born=born,
                date=self.birth_date,
            )
        return None

    @api.model_create_multi
    def create(self, vals_list):
        vals_list = [self._prepare_register_number(vals) for vals in vals_list]
        self._check_niss_free(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        vals = self._prepare_register_number(vals)
        if isinstance(vals.get("niss"), str) and vals["niss"]:
            if len(self) > 1:
                raise ValidationError(_("One register number cannot be given to several people."))
            self._check_niss_free([vals])
        return super().write(vals)

    @api.model
    def _prepare_register_number(self, vals):
        """The number as typed, in its stored form (refused by the constraint
        when it is not a number)."""
        if isinstance(vals.get("niss"), str) and vals["niss"]:
            vals = dict(vals)
            if "birth_date" in vals and not vals["birth_date"]:
                del vals["birth_date"]  # the number tells it
            try:
                vals["niss"] = normalize_register_number(vals["niss"])[0]
            except ValueError:
                vals["niss"] = vals["niss"].strip()
        return vals

    def _check_niss_free(self, vals_list):
        """Refuse a register number that another file of the same CPAS holds.

        Runs before the database's unique index (which guards concurrent
        saves) so that the message says what to do. It names the agent only
        when the user may open that file; another CPAS's files are not
        looked at (each CPAS keeps its own file of a person).
        """
        default_company = self.env.company.id
        wanted = {}
        for vals in vals_list:
            if isinstance(vals.get("niss"), str) and vals["niss"]:
                try:
                    normalize_register_number(vals["niss"])
                except ValueError:
                    continue  # not a number: refused by the constraint, nothing to look up
                company_id = vals.get("company_id") or self.company_id.id or default_company
                key = (company_id, vals["niss"])
                if key in wanted:
                    raise ValidationError(
                        _(
                            "The register number %(number)s is given to two people at once.",
                            number=vals["niss"],
                        )
                    )
                wanted[key] = True
        if not wanted:
            return
        # sudo: one person has one file in a CPAS, whoever follows it; what the
        # user may not open is not described below
        existing = (
            self.sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("niss", "in", [niss for _company, niss in wanted]),
                    ("company_id", "in", [company for company, _niss in wanted]),
                    ("id", "not in", self.ids),
                ]
            )
        )
        for other in existing:
            if (other.company_id.id, other.niss) not in wanted:
                continue
            if other.with_env(self.env).has_access("read"):
                raise ValidationError(
                    _(
                        "The register number %(number)s is already registered, in a file "
                        "followed by %(agent)s. One person has one file: open that file.",
                        number=other.niss,
                        agent=other.user_id.name or _("no agent"),
                    )
                )
            raise ValidationError(
                _(
                    "The register number %(number)s is already registered in another file "
                    "of the CPAS. One person has one file: ask the coordinator.",
                    number=other.niss,
                )
            )
