# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class JobCoachingArt60Evaluation(models.Model):
    _name = "job_coaching.art60.evaluation"
    _description = "Article 60 Evaluation"
    _inherit = ["job_coaching.team.thread", "job_coaching.file.record", "job_coaching.input.guard"]
    _order = "date desc, id desc"

    contract_id = fields.Many2one(
        "job_coaching.art60.contract", required=True, ondelete="restrict", index=True
    )
    beneficiary_id = fields.Many2one(related="contract_id.beneficiary_id", store=True, index=True)
    company_id = fields.Many2one(related="contract_id.company_id", store=True)
    evaluation_type = fields.Selection(
        [("mid_term", "Mid-term"), ("final", "Final"), ("other", "Other")],
        string="Type",
        required=True,
        default="mid_term",
        tracking=True,
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    evaluator_id = fields.Many2one("res.users", required=True, default=lambda self: self.env.user)
    # Who gave it: the workplace's view counts in the activity report's feedback
    given_by = fields.Selection(
        [
            ("coach", "Job coach"),
            ("tutor", "Tutor at the workplace"),
            ("user_employer", "User employer"),
        ],
        string="Source",
        required=True,
        default="coach",
        tracking=True,
        help="Whose evaluation it is: the job coach's, the tutor's or the user employer's "
        "(the organisation where the person works). The activity report counts the "
        "evaluations of tutors and user employers in their feedback.",
    )
    user_employer_id = fields.Many2one(related="contract_id.user_employer_id")
    given_by_name = fields.Char(
        string="Given By",
        compute="_compute_given_by_name",
        store=True,
        readonly=False,
        help="The name of the tutor or of the user employer's representative; the tutor of "
        "the contract by default.",
    )
    line_ids = fields.One2many(
        "job_coaching.art60.evaluation.line",
        "evaluation_id",
        string="Scores",
        default=lambda self: self._default_line_ids(),
    )
    score = fields.Float(
        compute="_compute_score", store=True, aggregator="avg", help="Average of the scores."
    )
    comments = fields.Text()
    next_step = fields.Text()

    def _default_line_ids(self):
        criteria = self.env["job_coaching.evaluation.criterion"].search([("active", "=", True)])
        return [fields.Command.create({"criterion_id": c.id}) for c in criteria]

    @api.depends("given_by", "contract_id")
    def _compute_given_by_name(self):
        for evaluation in self:
            tutor = evaluation.given_by == "tutor" and evaluation.contract_id.tutor
            evaluation.given_by_name = tutor or False

    @api.depends("line_ids.score")
    def _compute_score(self):
        for evaluation in self:
            scores = [line.score for line in evaluation.line_ids if line.score]
            evaluation.score = sum(scores) / len(scores) if scores else 0.0

    @api.depends("contract_id", "evaluation_type", "date")
    def _compute_display_name(self):
        labels = dict(self._fields["evaluation_type"]._description_selection(self.env))
        for evaluation in self:
            evaluation.display_name = _(
                "%(type)s evaluation of %(person)s",
                type=labels.get(evaluation.evaluation_type, ""),
                person=evaluation.contract_id.beneficiary_id.name or "",
            )

    @api.constrains("given_by", "contract_id")
    def _check_given_by(self):
        for evaluation in self:
            if evaluation.given_by == "user_employer" and not evaluation.user_employer_id:
                raise ValidationError(
                    _(
                        "The contract of %(person)s names no user employer: its evaluation "
                        "cannot be the user employer's.",
                        person=evaluation.contract_id.beneficiary_id.name,
                    )
                )

    @api.constrains("date", "contract_id")
    def _check_date(self):
        for evaluation in self:
            contract = evaluation.contract_id
            end = contract.date_end_actual or contract.date_end
            if evaluation.date < contract.date_start or (end and evaluation.date > end):
                raise ValidationError(
                    _(
                        "The evaluation of %(date)s lies outside the contract of %(person)s "
                        "(%(start)s to %(end)s): an evaluation takes place during the contract.",
                        date=evaluation.date,
                        person=contract.beneficiary_id.name,
                        start=contract.date_start,
                        end=end or "…",
                    )
                )
