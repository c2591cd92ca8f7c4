# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io
import re
import unicodedata
from datetime import date

import xlsxwriter
from dateutil.relativedelta import relativedelta
from stdnum.be import bis, nn
from stdnum.exceptions import ValidationError as StdnumValidationError

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression
from odoo.tools import email_normalize, html2plaintext
from odoo.tools.sql import create_index

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG
from odoo.addons.phone_validation.tools.phone_validation import phone_format

YOUTH_MIN_AGE = 18
YOUTH_MAX_AGE = 25
MAX_AGE = 120
PHONE_FIELDS = ("phone", "mobile")


def _fold(value):
    """Case- and accent-insensitive form of a name, for duplicate detection."""
    text = unicodedata.normalize("NFKD", value or "")
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).lower().split())


def normalize_register_number(value):
    """Return ``(formatted number, kind)`` of a national register or BIS number.

    :raise ValueError: when the number is neither.
    """
    number = nn.compact(value or "")
    if nn.is_valid(number):
        return nn.format(number), "nn"
    if bis.is_valid(number):
        return bis.format(number), "bis"
    raise ValueError(value)


class JobCoachingBeneficiary(models.Model):
    _name = "job_coaching.beneficiary"
    _description = "Beneficiary"
    _inherit = ["mail.thread", "mail.activity.mixin", "job_coaching.input.guard"]
    _order = "last_name, first_name, id"
    _check_company_auto = True

    # Identity
    first_name = fields.Char(required=True, tracking=True)
    last_name = fields.Char(required=True, tracking=True)
    name = fields.Char(compute="_compute_name", store=True, index="trigram")
    name_key = fields.Char(compute="_compute_name", store=True, index=True)
    birth_date = fields.Date(tracking=True)
    gender = fields.Selection([("female", "Female"), ("male", "Male"), ("x", "X")])
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
    education_level = fields.Selection(
        [
            ("none", "No diploma"),
            ("primary", "Primary school (CEB)"),
            ("lower_secondary", "Lower secondary (CE1D)"),
            ("upper_secondary", "Upper secondary (CESS)"),
            ("bachelor", "Higher education, short type (bachelor)"),
            ("master", "Higher education, long type (master)"),
            ("foreign", "Foreign diploma, not recognised"),
        ]
    )
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
            ("known_no_aid", "Known to the CPAS, without aid"),
            ("unknown", "Unknown to the CPAS"),
        ],
        string="CPAS Status",
        default="unknown",
        required=True,
        tracking=True,
    )
    actiris_registered = fields.Boolean(string="Registered at Actiris", tracking=True)
    actiris_accompanied = fields.Boolean(
        string="Accompanied by Actiris",
        tracking=True,
        help="Already accompanied by an Actiris counsellor: the project does not accompany "
        "a person twice, unless a coordinator records why.",
    )
    actiris_override_reason = fields.Text(
        string="Coordinator's Reason",
        tracking=True,
        groups="job_coaching.group_job_coaching_manager",
        help="Why the project takes on a person already accompanied by Actiris.",
    )
    actiris_override_user_id = fields.Many2one(
        "res.users", string="Override By", readonly=True, copy=False
    )
    actiris_override_date = fields.Date(string="Override On", readonly=True, copy=False)
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
        "res.users", string="Consent Recorded By", tracking=True, copy=False
    )

    # Follow-up
    user_id = fields.Many2one(
        "res.users",
        string="Agent",
        default=lambda self: self.env.user,
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
    is_eligible = fields.Boolean(
        string="Eligible", compute="_compute_eligibility", store=True, index=True
    )
    ineligibility_reason = fields.Char(
        string="Not Eligible Because", compute="_compute_eligibility", store=True
    )
    duplicate_count = fields.Integer(
        string="Possible Duplicates",
        compute="_compute_duplicate_count",
        help="Other files with the same name and birth date.",
    )

    _sql_constraints = [
        (
            "niss_company_uniq",
            "UNIQUE (company_id, niss)",
            "This register number is already registered for another beneficiary.",
        ),
    ]

    def init(self):
        # The lists sort by name: an index in that order serves the first page
        # without sorting the whole registry.
        create_index(
            self.env.cr,
            "job_coaching_beneficiary_order_index",
            self._table,
            ["last_name", "first_name", "id"],
        )

    # ------------------------------------------------------------------
    # Defaults
    # ------------------------------------------------------------------

    @api.model
    def _default_stage_id(self):
        return self.env["job_coaching.stage"].search([], limit=1)

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        return stages.search([("active", "=", True)], order=stages._order)

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("first_name", "last_name")
    def _compute_name(self):
        for beneficiary in self:
            beneficiary.name = " ".join(
                part.strip() for part in (beneficiary.first_name, beneficiary.last_name) if part
            )
            beneficiary.name_key = _fold(beneficiary.name)

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

    @api.depends("birth_date")
    def _compute_age(self):
        today = fields.Date.context_today(self)
        for beneficiary in self:
            born = beneficiary.birth_date
            if born:
                # Born on 29 February: a year older on 1 March of a common year.
                age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
                beneficiary.age = age
                beneficiary.is_youth = YOUTH_MIN_AGE <= age <= YOUTH_MAX_AGE
            else:
                beneficiary.age = 0
                beneficiary.is_youth = False

    @api.depends("street", "zip", "company_id")
    def _compute_zone_id(self):
        # sudo: residence is a fact of the address, whatever zones the user may read
        zones = (
            self.env["job_coaching.zone"].sudo().search([("company_id", "in", self.company_id.ids)])
        )
        keys = zones._match_keys()
        for beneficiary in self:
            company_zones = zones.filtered(lambda z, b=beneficiary: z.company_id == b.company_id)
            zone = company_zones._find_zone(beneficiary.street, beneficiary.zip, keys)
            beneficiary.zone_id = zone
            beneficiary.in_zone = bool(zone)

    @api.depends(
        "age", "birth_date", "in_zone", "street", "actiris_accompanied", "actiris_override_reason"
    )
    def _compute_eligibility(self):
        for beneficiary in self:
            reasons = []
            if not beneficiary.birth_date:
                reasons.append(_("birth date unknown"))
            elif beneficiary.age < YOUTH_MIN_AGE:
                reasons.append(_("under 18"))
            if not beneficiary.street:
                reasons.append(_("address unknown"))
            elif not beneficiary.in_zone:
                reasons.append(_("lives outside the zone"))
            # A coordinator's written override takes on a person accompanied by Actiris.
            if beneficiary.actiris_accompanied and not beneficiary.sudo().actiris_override_reason:
                reasons.append(_("accompanied by Actiris"))
            beneficiary.is_eligible = not reasons
            beneficiary.ineligibility_reason = ", ".join(reasons) if reasons else False

    @api.depends("name_key", "birth_date")
    def _compute_duplicate_count(self):
        # Other agents' files count too: the agent must know the person may
        # already be followed (only the number is shown).
        others = (
            self.sudo()
            .with_context(active_test=False)
            ._read_group(
                [
                    ("name_key", "in", [b.name_key for b in self if b.name_key]),
                    ("birth_date", "in", [b.birth_date for b in self if b.birth_date]),
                ],
                ["name_key", "birth_date:day"],
                ["__count"],
            )
        )
        counts = {(key, day): count for key, day, count in others}
        for beneficiary in self:
            count = counts.get((beneficiary.name_key, beneficiary.birth_date), 0)
            # The record itself is in the count once it is saved.
            beneficiary.duplicate_count = max(count - (1 if beneficiary._origin.id else 0), 0)

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------

    @api.constrains("first_name", "last_name")
    def _check_names(self):
        for beneficiary in self:
            if (
                not (beneficiary.first_name or "").strip()
                or not (beneficiary.last_name or "").strip()
            ):
                raise ValidationError(_("A beneficiary needs a first name and a last name."))

    @api.constrains("birth_date")
    def _check_birth_date(self):
        today = fields.Date.context_today(self)
        oldest = today - relativedelta(years=MAX_AGE)
        for beneficiary in self:
            birth_date = beneficiary.birth_date
            if not birth_date:
                continue
            if birth_date > today:
                raise ValidationError(
                    _(
                        "The birth date of %(name)s (%(date)s) is in the future: check the date.",
                        name=beneficiary.name,
                        date=birth_date,
                    )
                )
            if birth_date < oldest:
                raise ValidationError(
                    _(
                        "The birth date of %(name)s (%(date)s) is more than %(years)s years ago: "
                        "check the year.",
                        name=beneficiary.name,
                        date=birth_date,
                        years=MAX_AGE,
                    )
                )

    @api.constrains("niss", "birth_date")
    def _check_niss(self):
        for beneficiary in self:
            if not beneficiary.niss:
                continue
            number = nn.compact(beneficiary.niss)
            try:
                module = nn if nn.is_valid(number) else bis
                module.validate(number)
                born = module.get_birth_date(number)
            except StdnumValidationError as error:
                raise ValidationError(
                    _(
                        "%(number)s is not a valid national register or BIS number "
                        "(11 digits, e.g. 85.07.30-033.28).",
                        number=beneficiary.niss,
                    )
                ) from error
            except ValueError:
                born = None
            if born and beneficiary.birth_date and born != beneficiary.birth_date:
                raise ValidationError(
                    _(
                        "The register number %(number)s is of someone born on %(born)s, "
                        "not on %(date)s: correct the number or the birth date.",
                        number=beneficiary.niss,
                        born=born,
                        date=beneficiary.birth_date,
                    )
                )

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

    @api.constrains("actiris_accompanied")
    def _check_actiris(self):
        # sudo: the reason is readable by coordinators only, its presence is a rule for all
        for beneficiary in self.sudo():
            if (
                beneficiary.actiris_accompanied
                and not (beneficiary.actiris_override_reason or "").strip()
            ):
                raise ValidationError(
                    _(
                        "%(name)s is already accompanied by Actiris: the project does not "
                        "accompany a person twice. Only a coordinator can take them on, "
                        'by writing the reason in the field "Coordinator\'s Reason".',
                        name=beneficiary.name,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

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
        """Normalise what a person typed: register number, phones, email, names.

        Phone numbers are read in ``vals``' country, else ``country``, else Belgium.
        """
        self._check_input(vals)  # types first: what follows reads the values
        vals = dict(vals)
        if vals.get("niss"):
            try:
                vals["niss"] = normalize_register_number(vals["niss"])[0]
            except (ValueError, TypeError):
                vals["niss"] = str(vals["niss"]).strip()  # refused by _check_niss
        if vals.get("country_id"):
            country = self.env["res.country"].browse(vals["country_id"])
        for field_name in PHONE_FIELDS:
            if isinstance(vals.get(field_name), str) and vals[field_name].strip():
                vals[field_name] = self._format_phone(vals[field_name], field_name, country)
        if isinstance(vals.get("email"), str):
            vals["email"] = vals["email"].strip() or False
        for field_name in ("first_name", "last_name"):
            if isinstance(vals.get(field_name), str):
                vals[field_name] = " ".join(vals[field_name].split())
        if vals.get("actiris_override_reason"):
            vals.setdefault("actiris_override_user_id", self.env.uid)
            vals.setdefault("actiris_override_date", fields.Date.context_today(self))
        if vals.get("consent_date") and "consent_user_id" not in vals:
            vals["consent_user_id"] = self.env.uid
        return vals

    def _check_niss_free(self, vals_list):
        """Refuse a register number that another file of the company holds.

        Runs before the database's unique index (which guards concurrent
        saves) so that the message says where the number is registered.
        """
        default_company = self.env.company.id
        wanted = {}
        for vals in vals_list:
            if vals.get("niss"):
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
        # sudo: one person has one file, whoever follows it; only the agent's name is told
        existing = (
            self.sudo()
            .with_context(active_test=False)
            .search(
                [("niss", "in", [niss for _company, niss in wanted]), ("id", "not in", self.ids)]
            )
        )
        for other in existing:
            if (other.company_id.id, other.niss) in wanted:
                raise ValidationError(
                    _(
                        "The register number %(number)s is already registered, in a file "
                        "followed by %(agent)s. One person has one file: ask that agent or "
                        "the coordinator.",
                        number=other.niss,
                        agent=other.user_id.name or _("no agent"),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        vals_list = [self._prepare_vals(vals) for vals in vals_list]
        for vals in vals_list:
            if vals.get("niss") and not vals.get("birth_date"):
                vals["birth_date"] = self._birth_date_from_niss(vals["niss"])
        self._check_niss_free(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        if len(self) > 1 and any(f in vals for f in PHONE_FIELDS) and "country_id" not in vals:
            # Each person's number is read in their own country.
            for beneficiary in self:
                beneficiary.write(vals)
            return True
        vals = self._prepare_vals(vals, country=self.country_id[:1])
        if vals.get("niss"):
            if len(self) > 1:
                raise ValidationError(_("One register number cannot be given to several people."))
            self._check_niss_free([vals])
        return super().write(vals)

    @api.model
    def _birth_date_from_niss(self, number):
        compact = nn.compact(number)
        for module in (nn, bis):
            if module.is_valid(compact):
                try:
                    return module.get_birth_date(compact)
                except ValueError:
                    return False
        return False

    def unlink(self):
        # mail.thread deletes the chatter before @api.ondelete checks run: look
        # at the history first (never while the module is being uninstalled).
        if not self.env.context.get(MODULE_UNINSTALL_FLAG):
            self._check_no_history()
        return super().unlink()

    def _check_no_history(self):
        with_history = self._with_history()
        if with_history:
            raise UserError(
                _(
                    "%(names)s already have a history in the project: archive them instead "
                    "of deleting them, so that nothing is lost.",
                    names=", ".join(with_history.mapped("name")),
                )
            )

    def _with_history(self):
        """Return the beneficiaries of self whose file holds more than its
        creation: a note, an email or a tracked change in the chatter, or any
        record of the add-on linked to it (a session, a contract, an exit…)."""
        messages = (
            self.env["mail.message"]
            .sudo()
            ._read_group(
                [
                    ("model", "=", self._name),
                    ("res_id", "in", self.ids),
                    "|",
                    ("message_type", "in", ("comment", "email")),
                    ("tracking_value_ids", "!=", False),
                ],
                ["res_id"],
            )
        )
        busy = self.browse(res_id for (res_id,) in messages)
        for model_name, field_name in self._history_links():
            rest = self - busy
            if not rest:
                break
            # sudo: another agent's record is history of the file all the same
            linked = (
                self.env[model_name]
                .sudo()
                .with_context(active_test=False)
                ._read_group([(field_name, "in", rest.ids)], [field_name])
            )
            busy |= self.browse(beneficiary.id for (beneficiary,) in linked)
        return self & busy

    @api.model
    def _history_links(self):
        """(model, field) of every stored link from a record to a beneficiary."""
        return [
            (name, field.name)
            for name, model in self.env.registry.items()
            if not model._abstract and not model._transient and model._auto
            for field in model._fields.values()
            if field.type == "many2one" and field.comodel_name == self._name and field.store
        ]

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

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

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------

    @api.model
    def _cron_update_age(self):
        """Recompute the age of the people whose birthday is today (and of those
        born on 29 February, on 1 March of a common year)."""
        today = fields.Date.context_today(self)
        days = [(today.month, today.day)]
        if (today.month, today.day) == (3, 1):
            days.append((2, 29))
        beneficiaries = self.browse()
        for month, day in days:
            self.env.cr.execute(
                """
                SELECT id FROM job_coaching_beneficiary
                 WHERE EXTRACT(MONTH FROM birth_date) = %s AND EXTRACT(DAY FROM birth_date) = %s
                """,
                (month, day),
            )
            beneficiaries |= self.browse(row[0] for row in self.env.cr.fetchall())
        # As if the birth date changed: age, youth and eligibility follow.
        beneficiaries.modified(["birth_date"])
        beneficiaries.flush_recordset()

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

    def _recompute_zone(self):
        """Recompute where people live, after a zone or its streets changed."""
        self.modified(["street"])

    # --- employment ---
    art60_contract_ids = fields.One2many(
        "job_coaching.art60.contract", "beneficiary_id", string="Art. 60 Contracts"
    )
    art60_contract_count = fields.Integer(compute="_compute_employment_counts")
    application_count = fields.Integer(compute="_compute_employment_counts")
    exit_count = fields.Integer(compute="_compute_employment_counts")

    def _compute_employment_counts(self):
        counts = {}
        for model in (
            "job_coaching.art60.contract",
            "job_coaching.application",
            "job_coaching.exit",
        ):
            counts[model] = dict(
                self.env[model]._read_group(
                    [("beneficiary_id", "in", self.ids)], ["beneficiary_id"], ["__count"]
                )
            )
        for beneficiary in self:
            beneficiary.art60_contract_count = counts["job_coaching.art60.contract"].get(
                beneficiary, 0
            )
            beneficiary.application_count = counts["job_coaching.application"].get(beneficiary, 0)
            beneficiary.exit_count = counts["job_coaching.exit"].get(beneficiary, 0)

    def _action_open_employment(self, xmlid):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [("beneficiary_id", "=", self.id)]
        action["context"] = {"default_beneficiary_id": self.id}
        return action

    def action_open_art60_contracts(self):
        return self._action_open_employment("job_coaching.job_coaching_art60_contract_action")

    def action_open_applications(self):
        return self._action_open_employment("job_coaching.job_coaching_application_action")

    def action_open_exits(self):
        return self._action_open_employment("job_coaching.job_coaching_exit_action")

    # --- Accompaniment: sessions, office hours, insertion plan, workshops ---

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
    workshop_attended_count = fields.Integer(
        string="Workshops Attended", compute="_compute_workshop_attended_count"
    )

    def _compute_session_stats(self):
        now = fields.Datetime.now()
        Session = self.env["job_coaching.session"]
        counts = dict(
            Session._read_group(
                [("beneficiary_id", "in", self.ids)], ["beneficiary_id"], ["__count"]
            )
        )
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
        counts = dict(
            self.env["job_coaching.workshop.registration"]._read_group(
                [("beneficiary_id", "in", self.ids), ("attendance", "=", "attended")],
                ["beneficiary_id"],
                ["__count"],
            )
        )
        for beneficiary in self:
            beneficiary.workshop_attended_count = counts.get(beneficiary, 0)

    def action_open_sessions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "job_coaching.job_coaching_session_action"
        )
        action["domain"] = [("beneficiary_id", "=", self.id)]
        action["context"] = {"default_beneficiary_id": self.id}
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
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "job_coaching.job_coaching_workshop_registration_action_beneficiary"
        )
        action["domain"] = [("beneficiary_id", "=", self.id)]
        action["context"] = {"default_beneficiary_id": self.id}
        return action

    # --- data protection ---
    # The file's chatter is the team's, never the person's: professional secrecy.

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        if partner_ids:
            self._check_internal_partners(self.env["res.partner"].browse(partner_ids))
        return super().message_subscribe(partner_ids=partner_ids, subtype_ids=subtype_ids)

    def message_post(self, **kwargs):
        partner_ids = kwargs.get("partner_ids") or []
        if partner_ids:
            self._check_internal_partners(self.env["res.partner"].browse(partner_ids))
        return super().message_post(**kwargs)

    def _check_internal_partners(self, partners):
        """Refuse partners that are not internal users: no outsider follows or
        receives a beneficiary's file."""
        # sudo: whether a partner is an internal user's is not personal data
        partners = partners.sudo().exists()
        internal = partners.user_ids.filtered(lambda user: not user.share).partner_id
        outsiders = partners - internal
        if outsiders:
            raise UserError(
                _(
                    "A beneficiary's file stays inside the team: %(names)s cannot follow it "
                    "or receive its messages.",
                    names=", ".join(outsiders.mapped("display_name")),
                )
            )

    def _message_get_suggested_recipients(self):
        # Never suggest writing to the person (or anyone) from the file.
        return []

    # Consent by purpose; withdrawing the sharing with employers takes the
    # person out of the candidates proposed for vacancies.
    consent_ids = fields.One2many("job_coaching.consent", "beneficiary_id", string="Consents")
    employer_sharing_refused = fields.Boolean(
        string="Refuses Sharing with Employers",
        compute="_compute_employer_sharing_refused",
        store=True,
        index=True,
    )

    @api.depends("consent_ids.purpose", "consent_ids.date_withdrawn")
    def _compute_employer_sharing_refused(self):
        for person in self:
            employers = person.consent_ids.filtered(lambda c: c.purpose == "employers")
            person.employer_sharing_refused = bool(employers) and not any(
                not consent.date_withdrawn for consent in employers
            )

    # Erasure and retention: a file is anonymised, never deleted, so that the
    # project's numbers (zone, age group, status, outcomes) stay as they were.
    erased = fields.Boolean(string="Anonymised", readonly=True, copy=False, index=True)
    erasure_date = fields.Date(string="Anonymised On", readonly=True, copy=False)

    @api.model
    def _is_personal_model(self, model_name):
        """Whether records of ``model_name`` hold a person's data: the
        beneficiary itself and every model that links to it."""
        return model_name == self._name or model_name in dict(self._history_links())

    def _personal_records(self):
        """{(model, field): records} of every record linked to these files."""
        result = {}
        for model_name, field_name in self._history_links():
            # sudo: an access request or an erasure covers every record of the person
            Model = self.env[model_name].sudo().with_context(active_test=False)
            result[model_name, field_name] = Model.search([(field_name, "in", self.ids)])
        return result

    def action_open_erasure_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "name": _("Anonymise"),
            "res_model": "job_coaching.erasure.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_beneficiary_ids": [fields.Command.set(self.ids)]},
        }

    def _anonymise(self, requested_by, reason):
        """Replace everything that identifies the people of self by neutral
        values, archive their files and log who asked and who did it. What the
        statistics count (zip and zone, age and age group, status, stage,
        outcomes) is kept as it was."""
        people = self.filtered(lambda person: not person.erased)
        if not people:
            return
        # sudo: the erasure reaches what other agents wrote about the person;
        # the action is for coordinators, the retention cron runs as superuser.
        quiet = people.sudo().with_context(
            tracking_disable=True, mail_notrack=True, active_test=False
        )
        neutral = _("Anonymised")
        today = fields.Date.context_today(self)
        kept = [
            self._fields[name]
            for name in (
                "age",
                "is_youth",
                "zone_id",
                "in_zone",
                "is_eligible",
                "ineligibility_reason",
                "niss_kind",
            )
        ]
        by_year = {}
        for person in quiet:
            by_year.setdefault(person.birth_date and person.birth_date.year, quiet.browse())
            by_year[person.birth_date and person.birth_date.year] |= person
        with self.env.protecting(kept, quiet):
            for year, group in by_year.items():
                group.write(
                    {
                        "first_name": neutral,
                        "last_name": _("Person"),
                        "birth_date": year and date(year, 1, 1),
                        "niss": False,
                        "street": False,
                        "street2": False,
                        "phone": False,
                        "mobile": False,
                        "email": False,
                        "skills": False,
                        "note": False,
                        "actiris_override_reason": False,
                        "erased": True,
                        "erasure_date": today,
                        "active": False,
                    }
                )
        threads = [(quiet._name, quiet.ids)]
        for (model_name, _field), records in quiet._personal_records().items():
            records = records.with_context(tracking_disable=True, mail_notrack=True)
            self._anonymise_texts(records, neutral)
            threads.append((model_name, records.ids))
        self._anonymise_chatter(threads, neutral)
        # sudo: the log is written by the erasure only, never by hand
        self.env["job_coaching.erasure.log"].sudo().create(
            [
                {
                    "requested_by": requested_by,
                    "reason": reason,
                    "executed_by_id": self.env.uid,
                    "beneficiary_ref": person.id,
                    "company_id": person.company_id.id,
                }
                for person in quiet
            ]
        )

    @api.model
    def _anonymise_texts(self, records, neutral):
        """Blank the free texts (notes, summaries, social notes) of records."""
        if not records:
            return
        vals = {}
        for name, field in records._fields.items():
            if field.type in ("text", "html") and field.store and not field.compute:
                vals[name] = f"<p>{neutral}</p>" if field.required else False
        if vals:
            records.write(vals)

    @api.model
    def _anonymise_chatter(self, threads, neutral):
        """Blank the messages and tracked values of the given (model, ids)."""
        domain = expression.OR(
            [[("model", "=", model_name), ("res_id", "in", ids)] for model_name, ids in threads]
        )
        # sudo: messages of every author about the person
        messages = self.env["mail.message"].sudo().search(domain)
        messages.write({"body": f"<p>{neutral}</p>", "subject": False})
        messages.tracking_value_ids.write(
            {
                "old_value_char": False,
                "new_value_char": False,
                "old_value_text": False,
                "new_value_text": False,
            }
        )

    @api.model
    def _cron_apply_retention(self):
        """Anonymise the files whose last exit is older than the retention
        period (Settings, in years), as an erasure requested by the retention."""
        years = int(
            self.env["ir.config_parameter"].sudo().get_param("job_coaching.retention_years", 5)
        )
        if years <= 0:
            return
        limit = fields.Date.context_today(self) - relativedelta(years=years)
        Exit = self.env["job_coaching.exit"].with_context(active_test=False)
        last_exits = Exit._read_group(
            [("beneficiary_id.erased", "=", False)], ["beneficiary_id"], ["date:max"]
        )
        due = self.browse(person.id for person, last in last_exits if last < limit)
        due.with_context(active_test=False)._anonymise(
            "retention",
            _(
                "Retention period of %(years)s years after the exit is over.",
                years=years,
            ),
        )

    # Access request: everything the add-on holds about one person, for the
    # person (GDPR art. 15), as a PDF or a workbook. Coordinators only.
    def _check_access_request_rights(self):
        # The coordinator answers access requests; the records read go beyond
        # an agent's own (social notes of other authors).
        if not (self.env.su or self.env.user.has_group("job_coaching.group_job_coaching_manager")):
            raise AccessError(_("Only a coordinator answers an access request."))

    def _access_request_data(self):
        """[{"title", "model", "records": [[(label, value), ...], ...]}] of
        the person's file, each record linked to it and their messages."""
        self.ensure_one()
        self._check_access_request_rights()
        # sudo: the whole file, whoever wrote each part (checked just above)
        person = self.sudo().with_context(active_test=False)
        sections = [self._access_request_section(person)]
        threads = [(person._name, person.ids)]
        for (model_name, _field), records in sorted(person._personal_records().items()):
            sections.append(self._access_request_section(records))
            threads.append((model_name, records.ids))
        domain = expression.OR(
            [[("model", "=", model_name), ("res_id", "in", ids)] for model_name, ids in threads]
        )
        messages = self.env["mail.message"].sudo().search(domain, order="date, id")
        labels = (_("Date"), _("Author"), _("Document"), _("Message"), _("Changes"))
        sections.append(
            {
                "title": _("Messages"),
                "model": "mail.message",
                "records": [
                    list(
                        zip(
                            labels,
                            (
                                fields.Datetime.to_string(message.date),
                                message.author_id.display_name or "",
                                message.record_name or message.model,
                                html2plaintext(message.body or ""),
                                "; ".join(
                                    f"{value.field_id.field_description}: "
                                    f"{value.old_value_char or value.old_value_text or ''} → "
                                    f"{value.new_value_char or value.new_value_text or ''}"
                                    for value in message.tracking_value_ids
                                ),
                            ),
                            strict=True,
                        )
                    )
                    for message in messages
                ],
            }
        )
        return sections

    @api.model
    def _access_request_section(self, records):
        skip = {"id", "create_uid", "write_uid", "write_date", "display_name", "color"}
        names = [
            name
            for name, field in records._fields.items()
            if field.store
            and name not in skip
            and field.type not in ("one2many", "many2many", "binary", "properties")
            and not name.startswith(("message_", "activity_", "website_"))
        ]
        rows = []
        for record in records:
            row = []
            for name in names:
                field = records._fields[name]
                value = record[name]
                if field.type == "html":
                    value = html2plaintext(value or "")
                elif field.type == "many2one":
                    value = value.display_name or ""
                else:
                    value = field.convert_to_export(value, record)
                row.append((field.get_description(self.env)["string"], value))
            rows.append(row)
        return {"title": records._description, "model": records._name, "records": rows}

    def action_print_access_request(self):
        self.ensure_one()
        self._check_access_request_rights()
        return self.env.ref("job_coaching.action_report_beneficiary_access_request").report_action(
            self
        )

    def action_export_access_request_xlsx(self):
        self.ensure_one()
        self._check_access_request_rights()
        return {
            "type": "ir.actions.act_url",
            "url": f"/job_coaching/beneficiary/{self.id}/access_request.xlsx",
            "target": "download",
        }

    def _get_access_request_xlsx(self):
        """The access request as an XLSX workbook (a sheet per kind of record), as bytes."""
        self.ensure_one()
        sections = self._access_request_data()
        self.env["job_coaching.access.log"]._log(_("Access request (XLSX)"), self)
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        bold = workbook.add_format({"bold": True})
        used = set()
        for section in sections:
            title = section["title"][:28]
            name, number = title, 1
            while name.lower() in used:
                number += 1
                name = f"{title[:25]} {number}"
            used.add(name.lower())
            sheet = workbook.add_worksheet(re.sub(r"[\\[\]:*?/]", " ", name))
            records = section["records"]
            if not records:
                sheet.write(0, 0, _("Nothing recorded."))
                continue
            sheet.write_row(0, 0, [label for label, _value in records[0]], bold)
            for row, record in enumerate(records, start=1):
                sheet.write_row(
                    row, 0, [value if value is not False else "" for _label, value in record]
                )
        workbook.close()
        return output.getvalue()
