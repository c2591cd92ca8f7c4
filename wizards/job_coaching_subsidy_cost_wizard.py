# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

from ..models.job_coaching_subsidy import CATEGORIES


class JobCoachingSubsidyCostWizard(models.TransientModel):
    _name = "job_coaching.subsidy.cost.wizard"
    _description = "Record a Subsidy Cost"
    _inherit = ["job_coaching.record"]

    subsidy_id = fields.Many2one("job_coaching.subsidy", required=True)
    company_id = fields.Many2one(related="subsidy_id.company_id")
    currency_id = fields.Many2one(related="subsidy_id.currency_id")
    category = fields.Selection(CATEGORIES, required=True, default="operations")
    analytic_account_id = fields.Many2one(
        "account.analytic.account",
        compute="_compute_analytic_account_id",
    )
    date = fields.Date(
        compute="_compute_date",
        store=True,
        readonly=False,
        required=True,
        help="The date of the expense, inside the subsidy's period.",
    )
    name = fields.Char(string="Description", required=True)
    partner_id = fields.Many2one("res.partner", string="Supplier")
    purchase_ref = fields.Char(
        string="Purchase Reference",
        help="The supplier's reference (e.g. the invoice number): the lines of one purchase "
        "carry the same supplier and reference and are judged as a whole.",
    )
    amount = fields.Monetary(
        required=True,
        help="The cost, as a positive amount: it is posted as a cost (a negative analytic "
        "amount) on the category's analytic account.",
    )
    approval_ref = fields.Char(string="Funder's Approval")
    approval_date = fields.Date()
    approval_threshold = fields.Monetary(related="subsidy_id.approval_threshold")
    approval_warning = fields.Char(compute="_compute_approval_warning")

    @api.depends("subsidy_id", "category")
    def _compute_analytic_account_id(self):
        for wizard in self:
            wizard.analytic_account_id = (
                wizard.subsidy_id._get_category_account(wizard.category)
                if wizard.subsidy_id and wizard.category
                else False
            )

    @api.depends("subsidy_id")
    def _compute_date(self):
        today = fields.Date.context_today(self)
        for wizard in self:
            subsidy = wizard.subsidy_id
            if not subsidy:
                wizard.date = today
                continue
            # Today when it falls in the period, else the period's nearest end.
            wizard.date = min(max(today, subsidy.date_start), subsidy.date_end)

    @api.depends(
        "subsidy_id",
        "category",
        "amount",
        "date",
        "partner_id",
        "purchase_ref",
        "approval_ref",
        "approval_date",
    )
    def _compute_approval_warning(self):
        for wizard in self:
            wizard.approval_warning = False
            subsidy = wizard.subsidy_id
            if wizard.category != "equipment" or not subsidy or not wizard.date:
                continue
            # The lines already recorded for the same purchase count with this one.
            Line = self.env["account.analytic.line"]
            earlier = Line
            account = wizard.analytic_account_id
            if account and wizard.partner_id and (wizard.purchase_ref or "").strip():
                earlier = Line.search(
                    [
                        ("auto_account_id", "=", account.id),
                        ("partner_id", "child_of", wizard.partner_id.commercial_partner_id.id),
                    ]
                ).filtered(
                    lambda line, w=wizard: (
                        line._subsidy_purchase_key()
                        == (
                            "ref",
                            w.partner_id.commercial_partner_id.id,
                            w.purchase_ref.strip().casefold(),
                        )
                    )
                )
            new = Line.new(
                {
                    "name": wizard.name,
                    "date": wizard.date,
                    "partner_id": wizard.partner_id.id,
                    "subsidy_purchase_ref": wizard.purchase_ref,
                    "amount": -wizard.amount,
                    "subsidy_approval_ref": wizard.approval_ref,
                    "subsidy_approval_date": wizard.approval_date,
                }
            )
            wizard.approval_warning = subsidy._judge_purchase(earlier | new)["warning"]

    @api.constrains("date", "subsidy_id")
    def _check_date(self):
        for wizard in self:
            subsidy = wizard.subsidy_id
            if not subsidy.date_start <= wizard.date <= subsidy.date_end:
                raise ValidationError(
                    _(
                        "The cost's date %(date)s is outside the period of %(subsidy)s "
                        "(%(start)s to %(end)s): give the date of the expense inside it.",
                        date=format_date(self.env, wizard.date),
                        subsidy=subsidy.display_name,
                        start=format_date(self.env, subsidy.date_start),
                        end=format_date(self.env, subsidy.date_end),
                    )
                )

    @api.constrains("amount")
    def _check_amount(self):
        for wizard in self:
            if wizard.currency_id.compare_amounts(wizard.amount, 0) <= 0:
                raise ValidationError(
                    _(
                        "Give the cost as a positive amount; a refund is recorded by the "
                        "accounting as a credit note."
                    )
                )

    def action_record(self):
        self.ensure_one()
        subsidy = self.subsidy_id
        if subsidy.state == "closed":
            raise UserError(
                _(
                    "The subsidy %(subsidy)s is closed: reopen it to record a cost.",
                    subsidy=subsidy.display_name,
                )
            )
        account = self.analytic_account_id
        if not account:
            raise UserError(
                _(
                    "The subsidy %(subsidy)s has no analytic account for this category: "
                    "create its analytic accounts first.",
                    subsidy=subsidy.display_name,
                )
            )
        line = self.env["account.analytic.line"].create(
            {
                "name": self.name,
                "date": self.date,
                "amount": -self.amount,
                account.root_plan_id._column_name(): account.id,
                "partner_id": self.partner_id.id,
                "subsidy_purchase_ref": self.purchase_ref,
                "subsidy_approval_ref": self.approval_ref,
                "subsidy_approval_date": self.approval_date,
                "company_id": subsidy.company_id.id,
            }
        )
        message = line.subsidy_approval_warning or _(
            "Cost recorded on %(account)s.", account=account.display_name
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "warning" if line.subsidy_approval_warning else "success",
                "sticky": bool(line.subsidy_approval_warning),
                "message": message,
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
