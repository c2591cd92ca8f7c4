# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.tools import SQL

from ..models.job_coaching_beneficiary import EDUCATION_RANK

# The ranking shows the best candidates: nobody reads a list of thousands.
MATCH_LIMIT = 200
# What a requirement weighs on the score: one the person does not meet, and
# one their file does not tell (the agent asks: it ranks below the people
# known to fit, above those known not to).
MISFIT_PENALTY = 15
UNKNOWN_PENALTY = 5


class JobCoachingCandidateMatch(models.TransientModel):
    """The candidates for a vacancy, ranked: residents of the zone first, then
    by their fit with the vacancy."""

    _name = "job_coaching.candidate.match"
    _description = "Candidates for a Vacancy"
    _inherit = ["job_coaching.record"]

    vacancy_id = fields.Many2one("job_coaching.vacancy", required=True, ondelete="cascade")
    line_ids = fields.One2many("job_coaching.candidate.match.line", "match_id", string="Candidates")

    @api.depends("vacancy_id.title")
    def _compute_display_name(self):
        # The window's title and the breadcrumb: what the list is about.
        for match in self:
            match.display_name = _("Candidates for %(title)s", title=match.vacancy_id.title)

    @api.model
    def _candidate_domain(self, vacancy):
        """Files the user may propose: active, not closed, adults; eligible, or
        living outside the zone (they come after the residents). The record
        rules keep an agent to their caseload."""
        return [
            ("company_id", "=", vacancy.company_id.id),
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

    @api.model
    def _rank_candidates(self, vacancy, limit=MATCH_LIMIT):
        """Rank the candidates for ``vacancy``.

        Return a list of values for ``job_coaching.candidate.match.line``, best
        first, at most ``limit``: residents of the zone before anybody else, then
        by score (the fit with the requirements, youth, active job search,
        availability). Reads everything in a fixed number of queries, whatever
        the number of people.
        """
        Beneficiary = self.env["job_coaching.beneficiary"]
        # One query for the whole pool, through the record rules (an agent sees
        # their caseload); the ranking below works on plain values.
        query = Beneficiary._search(self._candidate_domain(vacancy))
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
                    ("vacancy_id", "=", vacancy.id),
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
        # The languages each person speaks; nobody in it: none recorded.
        langs_of = {}
        if vacancy.lang_ids:
            langs_of = dict(
                self.env.execute_query(
                    SQL(
                        "SELECT beneficiary_id, array_agg(lang_id) "
                        "FROM job_coaching_beneficiary_lang_rel "
                        "WHERE beneficiary_id = ANY(%s) GROUP BY beneficiary_id",
                        ids,
                    )
                )
            )
        job_search_stages = set(
            self.env["job_coaching.stage"]
            .with_context(active_test=False)
            .search([("pathway_step", "=", "job_search")])
            .ids
        )
        wanted_langs = set(vacancy.lang_ids.ids)
        lang_names = dict(zip(vacancy.lang_ids.ids, vacancy.lang_ids.mapped("name"), strict=True))
        wanted_rank = (
            EDUCATION_RANK.get(vacancy.education_level, 0) if vacancy.education_level else 0
        )
        education_labels = dict(vacancy._fields["education_level"]._description_selection(self.env))
        # The words of the reasons, translated once for the whole list.
        words = {
            "in_zone": _("lives in the zone"),
            "outside": _("lives outside the zone"),
            "licence": _("no driving licence"),
            "no_lang": _("language not recorded"),
            "no_education": _("education level not recorded"),
            "meets": _("meets the requirements"),
            "youth": _("youth (18-25)"),
            "job_search": _("in active job search"),
            "busy": _("in a running art. 60 contract"),
            "available": _("available"),
        }
        has_requirements = bool(
            vacancy.lang_ids or vacancy.driving_licence_required or vacancy.education_level
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
            # What the person is known not to meet, and what their file does not tell.
            misfits, unknowns = [], []
            if wanted_langs:
                missing_langs = wanted_langs - set(langs_of.get(person_id) or ())
                if person_id not in langs_of:
                    unknowns.append(words["no_lang"])
                elif missing_langs:
                    misfits.append(
                        _(
                            "does not speak %(langs)s",
                            langs=", ".join(lang_names[lang] for lang in sorted(missing_langs)),
                        )
                    )
            if vacancy.driving_licence_required and licence not in ("b", "c"):
                misfits.append(words["licence"])
            if vacancy.education_level:
                if not education:
                    unknowns.append(words["no_education"])
                elif EDUCATION_RANK.get(education, 0) < wanted_rank:
                    misfits.append(
                        _(
                            "education below %(level)s",
                            level=education_labels.get(vacancy.education_level),
                        )
                    )
            if misfits:
                score -= MISFIT_PENALTY * len(misfits)
                reasons.append(_("requirement not met: %(what)s", what="; ".join(misfits)))
            elif has_requirements and not unknowns:
                reasons.append(words["meets"])
            score -= UNKNOWN_PENALTY * len(unknowns)
            reasons.extend(unknowns)
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
