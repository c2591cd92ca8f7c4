# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

CONTRACT_TYPES = [
    ("art60", "Article 60 §7"),
    ("art61", "Article 61"),
    ("fixed_term", "Fixed-term"),
    ("open_ended", "Open-ended"),
    ("interim", "Interim"),
    ("student", "Student job"),
    ("training_placement", "Training placement"),
    ("volunteering", "Volunteering"),
]

# The keys of the beneficiary's education_level, as a minimum to require.
EDUCATION_LEVELS = [
    ("none", "No diploma"),
    ("primary", "Primary school (CEB)"),
    ("lower_secondary", "Lower secondary (CE1D)"),
    ("upper_secondary", "Upper secondary (CESS)"),
    ("bachelor", "Higher education, short type (bachelor)"),
    ("master", "Higher education, long type (master)"),
]

# The ranking shows the best candidates: nobody reads a list of thousands.
MATCH_LIMIT = 200

# Rank of the beneficiary's education levels: a foreign diploma that is not
# recognised counts as no diploma.
EDUCATION_RANK = {
    "none": 0,
    "foreign": 0,
    "primary": 1,
    "lower_secondary": 2,
    "upper_secondary": 3,
    "bachelor": 4,
    "master": 5,
}


class JobCoachingVacancy(models.Model):
    _name = "job_coaching.vacancy"
    _description = "Vacancy"
    _inherit = ["job_coaching.team.thread", "mail.activity.mixin", "job_coaching.input.guard"]
    _order = "deadline, id desc"
    _rec_name = "title"
    _check_company_auto = True

    # The job
    title = fields.Char(required=True, tracking=True)
    employer_id = fields.Many2one(
        "res.partner",
        required=True,
        tracking=True,
        index=True,
        ondelete="restrict",
        domain="[('is_employer', '=', True)]",
    )
    is_cqd_project = fields.Boolean(
        string="Neighbourhood Contract Project", related="employer_id.is_cqd_project"
    )
    contract_type = fields.Selection(CONTRACT_TYPES, required=True, tracking=True)
    positions = fields.Integer(default=1, required=True, tracking=True)
    weekly_hours = fields.Float()
    in_zone = fields.Boolean(string="Job in the Zone")
    place = fields.Char()
    deadline = fields.Date(tracking=True)
    description = fields.Html()

    # Requirements
    lang_ids = fields.Many2many(
        "res.lang",
        "job_coaching_vacancy_lang_rel",
        "vacancy_id",
        "lang_id",
        string="Languages Required",
        context={"active_test": False},
    )
    driving_licence_required = fields.Boolean()
    education_level = fields.Selection(EDUCATION_LEVELS, string="Minimum Education")
    skills = fields.Text(string="Skills Wanted")

    # Follow-up
    state = fields.Selection(
        [("open", "Open"), ("filled", "Filled"), ("closed", "Closed")],
        default="open",
        required=True,
        tracking=True,
    )
    application_ids = fields.One2many("job_coaching.application", "vacancy_id")
    positions_filled = fields.Integer(compute="_compute_positions_filled", store=True)
    application_count = fields.Integer(compute="_compute_application_count")
    user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user, tracking=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    active = fields.Boolean(default=True)

    @api.depends("application_ids.state")
    def _compute_positions_filled(self):
        hired = dict(
            self.env["job_coaching.application"]
            .sudo()  # every hire counts, whoever follows the person
            ._read_group(
                [("vacancy_id", "in", self.ids), ("state", "=", "hired")],
                ["vacancy_id"],
                ["__count"],
            )
        )
        for vacancy in self:
            vacancy.positions_filled = hired.get(vacancy._origin, 0)

    def _compute_application_count(self):
        counts = dict(
            self.env["job_coaching.application"]._read_group(
                [("vacancy_id", "in", self.ids)], ["vacancy_id"], ["__count"]
            )
        )
        for vacancy in self:
            vacancy.application_count = counts.get(vacancy, 0)

    @api.constrains("positions", "weekly_hours")
    def _check_positions(self):
        for vacancy in self:
            if vacancy.positions < 1:
                raise ValidationError(
                    _("The vacancy %(title)s needs at least one position.", title=vacancy.title)
                )
            if vacancy.weekly_hours < 0 or vacancy.weekly_hours > 60:
                raise ValidationError(
                    _(
                        "The weekly hours of %(title)s must lie between 0 and 60.",
                        title=vacancy.title,
                    )
                )

    @api.constrains("positions")
    def _check_not_overfilled(self):
        for vacancy in self:
            if vacancy.positions_filled > vacancy.positions:
                raise ValidationError(
                    _(
                        "%(title)s has %(positions)s position(s) and %(hired)s people hired: "
                        "raise the number of positions first.",
                        title=vacancy.title,
                        positions=vacancy.positions,
                        hired=vacancy.positions_filled,
                    )
                )

    def action_close(self):
        self.write({"state": "closed"})

    def action_reopen(self):
        self.write({"state": "open"})

    def action_open_applications(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "job_coaching.job_coaching_application_action"
        )
        action["domain"] = [("vacancy_id", "=", self.id)]
        action["context"] = {"default_vacancy_id": self.id}
        return action

    def action_find_candidates(self):
        self.ensure_one()
        if self.state != "open":
            raise UserError(
                _("%(title)s is not open: reopen it to look for candidates.", title=self.title)
            )
        wizard = self.env["job_coaching.candidate.match"].create(
            {
                "vacancy_id": self.id,
                "line_ids": [fields.Command.create(vals) for vals in self._match_candidates()],
            }
        )
        return {
            "type": "ir.actions.act_window",
            "name": _("Candidates for %(title)s", title=self.title),
            "res_model": wizard._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "current",
        }

    def _candidate_domain(self):
        """Files the user may propose: active, not closed, adults; eligible, or
        living outside the zone (they come after the residents). The record
        rules keep an agent to their caseload."""
        self.ensure_one()
        return [
            ("company_id", "=", self.company_id.id),
            ("stage_id.is_closed", "=", False),
            ("age", ">=", 18),
            # data protection: not the people who withdrew their consent
            ("employer_sharing_refused", "=", False),
            "|",
            ("is_eligible", "=", True),
            "&",
            ("in_zone", "=", False),
            ("actiris_accompanied", "=", False),
        ]

    def _match_candidates(self, limit=MATCH_LIMIT):
        """Rank the candidates for this vacancy.

        Return a list of values for ``job_coaching.candidate.match.line``, best
        first, at most ``limit``: residents of the zone before anybody else, then
        by score (the fit with the requirements, youth, active job search,
        availability). Reads everything in a fixed number of queries, whatever
        the number of people.
        """
        self.ensure_one()
        Beneficiary = self.env["job_coaching.beneficiary"]
        # One query for the whole pool, through the record rules (an agent sees
        # their caseload); the ranking below works on plain values.
        query = Beneficiary._search(self._candidate_domain())
        table = query.table
        rows = self.env.execute_query(
            query.select(
                SQL.identifier(table, "id"),
                SQL.identifier(table, "in_zone"),
                SQL.identifier(table, "is_youth"),
                SQL.identifier(table, "education_level"),
                SQL.identifier(table, "driving_licence"),
                SQL.identifier(table, "stage_id"),
            )
        )
        already = {
            beneficiary.id
            for (beneficiary,) in self.env["job_coaching.application"]._read_group(
                [
                    ("vacancy_id", "=", self.id),
                    ("state", "not in", ("refused", "withdrawn")),
                ],
                ["beneficiary_id"],
            )
        }
        rows = [row for row in rows if row[0] not in already]
        ids = [row[0] for row in rows]
        busy = {
            beneficiary.id
            for (beneficiary,) in self.env["job_coaching.art60.contract"]
            .sudo()  # availability is a fact, whoever follows the contract
            ._read_group(
                [
                    ("beneficiary_id", "in", ids),
                    ("state", "in", ("running", "suspended")),
                ],
                ["beneficiary_id"],
            )
        }
        langs_of = defaultdict(set)
        if self.lang_ids:
            for beneficiary_id, lang_id in self.env.execute_query(
                SQL(
                    "SELECT beneficiary_id, lang_id FROM job_coaching_beneficiary_lang_rel "
                    "WHERE beneficiary_id = ANY(%s) AND lang_id = ANY(%s)",
                    ids,
                    self.lang_ids.ids,
                )
            ):
                langs_of[beneficiary_id].add(lang_id)
        job_search_stages = set(
            self.env["job_coaching.stage"]
            .with_context(active_test=False)
            .search([("pathway_step", "=", "job_search")])
            .ids
        )
        wanted_langs = set(self.lang_ids.ids)
        lang_names = dict(zip(self.lang_ids.ids, self.lang_ids.mapped("name"), strict=True))
        wanted_rank = EDUCATION_RANK.get(self.education_level, 0) if self.education_level else 0
        education_labels = dict(self._fields["education_level"]._description_selection(self.env))
        # The words of the reasons, translated once for the whole list.
        words = {
            "in_zone": _("lives in the zone"),
            "outside": _("lives outside the zone"),
            "licence": _("no driving licence"),
            "meets": _("meets the requirements"),
            "youth": _("youth (18-25)"),
            "job_search": _("in active job search"),
            "busy": _("in a running art. 60 contract"),
            "available": _("available"),
        }
        has_requirements = bool(
            self.lang_ids or self.driving_licence_required or self.education_level
        )
        lines = []
        for person_id, in_zone, is_youth, education, licence, stage_id in rows:
            score = 50
            reasons = []
            if in_zone:
                score += 100
                reasons.append(words["in_zone"])
            else:
                reasons.append(words["outside"])
            misfits = []
            missing_langs = wanted_langs - langs_of[person_id]
            if missing_langs:
                misfits.append(
                    _(
                        "does not speak %(langs)s",
                        langs=", ".join(lang_names[lang] for lang in sorted(missing_langs)),
                    )
                )
            if self.driving_licence_required and licence not in ("b", "c"):
                misfits.append(words["licence"])
            if self.education_level and (
                not education or EDUCATION_RANK.get(education, 0) < wanted_rank
            ):
                misfits.append(
                    _(
                        "education below %(level)s",
                        level=education_labels.get(self.education_level),
                    )
                )
            if misfits:
                score -= 15 * len(misfits)
                reasons.append(_("requirement not met: %(what)s", what="; ".join(misfits)))
            elif has_requirements:
                reasons.append(words["meets"])
            if is_youth:
                score += 10
                reasons.append(words["youth"])
            if stage_id in job_search_stages:
                score += 10
                reasons.append(words["job_search"])
            if person_id in busy:
                reasons.append(words["busy"])
            else:
                score += 10
                reasons.append(words["available"])
            lines.append(
                {
                    "beneficiary_id": person_id,
                    "score": score,
                    "in_zone": bool(in_zone),
                    "requirement_misfit": bool(misfits),
                    "reasons": ", ".join(reasons),
                }
            )
        lines.sort(key=lambda line: (-line["score"], line["beneficiary_id"]))
        lines = lines[:limit] if limit else lines
        for rank, line in enumerate(lines, start=1):
            line["rank"] = rank
        return lines
