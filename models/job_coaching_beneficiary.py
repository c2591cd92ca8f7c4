# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The file of a person accompanied: identity, contact, status, eligibility,
stage and possible duplicates. The register number, the history, the
records that hang on the file and the person's data rights extend it in
their own files (``job_coaching_beneficiary_*.py``)."""

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.sql import create_index

from ..tools import age_on, fold

YOUTH_MIN_AGE = 18
YOUTH_MAX_AGE = 25
MAX_AGE = 120
# From the lowest to the highest; a foreign diploma that is not recognised
# ranks as no diploma.
EDUCATION_LEVELS = [
    ("none", "No diploma"),
    ("primary", "Primary school (CEB)"),
    ("lower_secondary", "Lower secondary (CE1D)"),
    ("upper_secondary", "Upper secondary (CESS)"),
    ("bachelor", "Higher education, short type (bachelor)"),
    ("master", "Higher education, long type (master)"),
    ("foreign", "Foreign diploma, not recognised"),
]
EDUCATION_RANK = {key: rank for rank, (key, _label) in enumerate(EDUCATION_LEVELS[:-1])} | {
    "foreign": 0
}


class JobCoachingBeneficiary(models.Model):
    _name = "job_coaching.beneficiary"
    _description = "Beneficiary"
    _inherit = ["job_coaching.team.thread", "mail.activity.mixin", "job_coaching.input.guard"]
    _order = "last_name, first_name, id"
    _check_company_auto = True

    # Identity
    first_name = fields.Char(required=True, tracking=True)
    last_name = fields.Char(required=True, tracking=True)
    name = fields.Char(compute="_compute_name", store=True, index="trigram")
    name_key = fields.Char(compute="_compute_name", store=True, index=True)
    birth_date = fields.Date(tracking=True)
    gender = fields.Selection([("female", "Female"), ("male", "Male"), ("x", "X")])

    # Contact
    street = fields.Char()
    street2 = fields.Char()
    zip = fields.Char()
    city = fields.Char()
    country_id = fields.Many2one(
        "res.country", default=lambda self: self.env.ref("base.be", raise_if_not_found=False)
    )
    phone = fields.Char()
    mobile = fields.Char()
    email = fields.Char()

    # Profile
    lang_ids = fields.Many2many(
        "res.lang",
        "job_coaching_beneficiary_lang_rel",
        "beneficiary_id",
        "lang_id",
        string="Languages",
        context={"active_test": False},
    )
    education_level = fields.Selection(EDUCATION_LEVELS)
    driving_licence = fields.Selection(
        [
            ("none", "None"),
            ("learner", "Learner (provisional)"),
            ("b", "Car (B)"),
            ("c", "Truck (C)"),
        ],
        default="none",
    )
    skills = fields.Text()

    # Status
    cpas_status = fields.Selection(
        [
            ("ris", "Integration income (RIS)"),
            ("equivalent_aid", "Equivalent social aid"),
            ("unemployment_excluded", "Excluded from unemployment benefits"),
            ("unemployment_benefits", "On unemployment benefits"),
            ("sickness_disability", "Sickness or disability benefits"),
            ("no_income", "No income"),
            ("known_no_aid", "Known to the CPAS, without aid"),
            ("unknown", "Unknown to the CPAS"),
        ],
        string="CPAS Status",
        help="What the person lives on when they come to the CPAS. Only the integration "
        "income and equivalent social aid open an article 60 §7 contract; people excluded "
        "from unemployment benefits by the 2026 reform usually apply for one of them.",
        default="unknown",
        required=True,
        tracking=True,
    )
    referral_channel_id = fields.Many2one(
        "job_coaching.referral.channel", tracking=True, index=True
    )
    referral_partner_needed = fields.Boolean(related="referral_channel_id.needs_partner")
    referral_partner_id = fields.Many2one(
        "res.partner",
        string="Referring Partner",
        domain="[('is_company', '=', True)]",
        tracking=True,
    )
    consent_date = fields.Date(string="Consent Given On", tracking=True, copy=False)
    consent_user_id = fields.Many2one(
        "res.users", string="Consent Recorded By", readonly=True, tracking=True, copy=False
    )

    # Follow-up
    user_id = fields.Many2one(
        "res.users",
        string="Agent",
        default=lambda self: self._default_team_user(),
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
        tracking=True,
        index=True,
    )
    shared_user_ids = fields.Many2many(
        "res.users",
        "job_coaching_beneficiary_shared_user_rel",
        "beneficiary_id",
        "user_id",
        string="Shared With",
        domain="[('share', '=', False)]",
        help="Other agents who follow this person too (a replacement, a colleague).",
    )
    stage_id = fields.Many2one(
        "job_coaching.stage",
        default=lambda self: self._default_stage_id(),
        group_expand="_read_group_stage_ids",
        ondelete="restrict",
        tracking=True,
        index=True,
        copy=False,
    )
    intake_date = fields.Date(
        default=fields.Date.context_today, required=True, tracking=True, copy=False
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    active = fields.Boolean(default=True, tracking=True)
    color = fields.Integer()
    note = fields.Html(string="Notes")

    # Derived
    age = fields.Integer(compute="_compute_age", store=True, aggregator="avg")
    is_youth = fields.Boolean(
        string="Youth (18-25)", compute="_compute_age", store=True, index=True
    )
    zone_id = fields.Many2one(
        "job_coaching.zone",
        compute="_compute_zone_id",
        store=True,
        index=True,
        help="The neighbourhood contract zone the person lives in, from the address.",
    )
    in_zone = fields.Boolean(
        string="Lives in the Zone", compute="_compute_zone_id", store=True, index=True
    )
    file_problems = fields.Text(
        string="To Correct",
        compute="_compute_file_problems",
        help="What a save would refuse, shown while typing: a line per field.",
    )
    duplicate_count = fields.Integer(
        string="Possible Duplicates",
        compute="_compute_duplicate_count",
        help="Other files with the same name and birth date.",
    )

    def init(self):
        # The lists sort by name: an index in that order serves the first page
        # without sorting the whole registry.
        create_index(
            self.env.cr,
            "job_coaching_beneficiary_order_index",
            self._table,
            ["last_name", "first_name", "id"],
        )

    @api.model
    def _default_stage_id(self):
        return self.env["job_coaching.stage"].search([], limit=1)

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        return stages.search([("active", "=", True)], order=stages._order)

    @api.depends("first_name", "last_name")
    def _compute_name(self):
        for beneficiary in self:
            beneficiary.name = " ".join(
                part.strip() for part in (beneficiary.first_name, beneficiary.last_name) if part
            )
            beneficiary.name_key = fold(beneficiary.name)

    @api.depends("birth_date")
    def _compute_age(self):
        today = fields.Date.context_today(self)
        for beneficiary in self:
            born = beneficiary.birth_date
            if born:
                age = age_on(born, today)
                beneficiary.age = age
                beneficiary.is_youth = YOUTH_MIN_AGE <= age <= YOUTH_MAX_AGE
            else:
                beneficiary.age = 0
                beneficiary.is_youth = False

    @api.depends("street", "zip", "company_id")
    def _compute_zone_id(self):
        zone_of = self._zone_of_address()
        for beneficiary in self:
            beneficiary.zone_id = zone_of[beneficiary]
            beneficiary.in_zone = bool(zone_of[beneficiary])

    @api.depends("name_key", "birth_date", "company_id")
    def _compute_duplicate_count(self):
        # Other agents' files of the same CPAS count too: the agent must know
        # the person may already be followed (only the number is shown).
        others = (
            self.sudo()
            .with_context(active_test=False)
            ._read_group(
                [
                    ("name_key", "in", [b.name_key for b in self if b.name_key]),
                    ("birth_date", "in", [b.birth_date for b in self if b.birth_date]),
                    ("company_id", "in", self.company_id.ids),
                ],
                ["company_id", "name_key", "birth_date:day"],
                ["__count"],
            )
        )
        counts = {(company.id, key, day): count for company, key, day, count in others}
        for beneficiary in self:
            count = counts.get(
                (beneficiary.company_id.id, beneficiary.name_key, beneficiary.birth_date), 0
            )
            # The record itself is in the count once it is saved.
            beneficiary.duplicate_count = max(count - (1 if beneficiary._origin.id else 0), 0)

    @api.constrains("user_id", "shared_user_ids", "company_id")
    def _check_agents(self):
        self._check_team_agents("user_id")
        self._check_team_agents("shared_user_ids")

    @api.depends(lambda self: [*self._file_checked_fields(), "phone_display", "mobile_display"])
    def _compute_file_problems(self):
        # While typing; names not typed yet are the form's to flag when saving.
        for beneficiary in self:
            beneficiary.file_problems = beneficiary._file_problems_text(
                [
                    (name, problem)
                    for name, problem in beneficiary._file_problems()
                    if name not in ("first_name", "last_name") or beneficiary[name]
                ]
            )

    @api.constrains(lambda self: self._file_checked_fields())
    def _check_file(self):
        """Everything wrong in a file, in one message: a line per field, named
        by its label, so that one save tells the user all there is to correct.
        Each concern (identity here; register number, contact, eligibility in
        their own files) adds its fields and its checker."""
        for beneficiary in self:
            problems = beneficiary._file_problems()
            if problems:
                raise ValidationError(beneficiary._file_problems_text(problems))

    def _file_problems_text(self, problems):
        return "\n".join(
            _(
                "%(field)s: %(problem)s",
                field=self._fields[name]._description_string(self.env),
                problem=problem,
            )
            for name, problem in problems
        )

    @api.model
    def _file_checked_fields(self):
        """The fields whose change runs the checks of ``_file_problems``."""
        return ["first_name", "last_name", "birth_date"]

    def _file_problems(self):
        """``[(field name, what is wrong with it)]`` of one file, empty when
        the file is valid."""
        problems = []
        for field_name in ("first_name", "last_name"):
            if not (self[field_name] or "").strip():
                # One line for both names: the message names them both.
                problems.append(
                    (field_name, _("A beneficiary needs a first name and a last name."))
                )
                break
        birth_date_problem = self._birth_date_problem()
        if birth_date_problem:
            problems.append(("birth_date", birth_date_problem))
        return problems

    def _birth_date_problem(self):
        birth_date = self.birth_date
        if not birth_date:
            return None
        today = fields.Date.context_today(self)
        if birth_date > today:
            return _(
                "The birth date of %(name)s (%(date)s) is in the future: check the date.",
                name=self.name,
                date=birth_date,
            )
        if birth_date < today - relativedelta(years=MAX_AGE):
            return _(
                "The birth date of %(name)s (%(date)s) is more than %(years)s years ago: "
                "check the year.",
                name=self.name,
                date=birth_date,
                years=MAX_AGE,
            )
        return None

    @api.model_create_multi
    def create(self, vals_list):
        beneficiaries = super().create(vals_list)
        for beneficiary, vals in zip(beneficiaries, vals_list, strict=True):
            beneficiary._stamp(vals)
        return beneficiaries

    def write(self, vals):
        result = super().write(vals)
        self._stamp(vals)
        return result

    def _stamp(self, vals):
        """After a create or a write: set the read-only fields that say who
        wrote a value and when (here, who recorded the consent). A concern
        with such fields extends it."""
        if "consent_date" in vals and self:
            # sudo: the stamp is the application's, never typed (read-only field)
            self.sudo().write({"consent_user_id": bool(vals["consent_date"]) and self.env.uid})

    def action_open_duplicates(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Possible duplicates"),
            "res_model": self._name,
            "view_mode": "list,form",
            "domain": [
                ("name_key", "=", self.name_key),
                ("birth_date", "=", self.birth_date),
                ("id", "!=", self.id),
            ],
            "context": {"active_test": False},
        }

    def _move_to_step(self, step):
        """Move the files of self forward to the first stage of pathway ``step``.

        Called where what happened makes the step obvious (an intake interview
        done, a training started, a contract signed). A file already at that
        step or further keeps its stage: the agent decides about going back.
        """
        stage = self.env["job_coaching.stage"].search([("pathway_step", "=", step)], limit=1)
        if not stage:
            return
        behind = self.filtered(
            lambda b: (
                not b.stage_id or (b.stage_id.sequence, b.stage_id.id) < (stage.sequence, stage.id)
            )
        )
        if behind:
            behind.write({"stage_id": stage.id})

    def _zone_of_address(self):
        """{beneficiary: the zone of their company that their address lies in}."""
        return self.env["job_coaching.zone"]._zones_of_addresses(self)
