# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io

import xlsxwriter

from odoo import _, models

from ..tools.xlsx import write_table
from .job_coaching_subsidy import CATEGORY_ACCOUNT_FIELDS


class JobCoachingSubsidy(models.Model):
    """The justification sent to the funder: budget against actuals per year
    and category, staff, cost lines and investments with their approval; the
    same data for the PDF and the workbook."""

    _inherit = "job_coaching.subsidy"

    def action_export_xlsx(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/job_coaching/subsidy/{self.id}/justification.xlsx",
            "target": "download",
        }

    def _get_justification_data(self):
        """What the funder's justification shows, for the PDF and the workbook alike."""
        self.ensure_one()
        order = list(CATEGORY_ACCOUNT_FIELDS)
        labels = self.env["job_coaching.subsidy.line"]._get_category_labels()
        years = []
        for year in sorted(set(self.line_ids.mapped("year"))):
            lines = self.line_ids.filtered(lambda line, y=year: line.year == y)
            years.append(
                {
                    "year": year,
                    "rows": [
                        {
                            "category": labels[line.category],
                            "planned": line.amount_planned,
                            "actual": line.amount_actual,
                            "remaining": line.amount_remaining,
                            "unbudgeted": line.is_unbudgeted,
                        }
                        for line in lines.sorted(lambda line: order.index(line.category))
                    ],
                    "planned": sum(lines.mapped("amount_planned")),
                    "actual": sum(lines.mapped("amount_actual")),
                    "remaining": sum(lines.mapped("amount_remaining")),
                }
            )
        by_category = []
        for category in order:
            lines = self.line_ids.filtered(lambda line, c=category: line.category == c)
            if lines:
                by_category.append(
                    {
                        "category": labels[category],
                        "planned": sum(lines.mapped("amount_planned")),
                        "actual": sum(lines.mapped("amount_actual")),
                        "remaining": sum(lines.mapped("amount_remaining")),
                        "unbudgeted": sum(lines.filtered("is_unbudgeted").mapped("amount_actual")),
                    }
                )
        account_category = {
            self[fname].id: labels[category]
            for category, fname in CATEGORY_ACCOUNT_FIELDS.items()
            if self[fname]
        }
        cost_lines = []
        investments = []
        accounts = self._get_accounts()
        if accounts:
            for line in self.env["account.analytic.line"].search(
                [("auto_account_id", "in", accounts.ids)], order="date, id"
            ):
                category = next(
                    (
                        account_category[account.id]
                        for account in line._get_analytic_accounts()
                        if account.id in account_category
                    ),
                    "",
                )
                cost_lines.append(
                    {
                        "date": line.date,
                        "category": category,
                        "name": line.name,
                        "partner": line.partner_id.display_name or "",
                        "amount": -line.amount,
                    }
                )
        for purchase in self._get_investment_purchases():
            for line in purchase["lines"]:
                investments.append(
                    {
                        "date": line.date,
                        "name": line.name,
                        "amount": -line.amount,
                        "approval_ref": line.subsidy_approval_ref or purchase["approval_ref"],
                        "approval_date": line.subsidy_approval_date or purchase["approval_date"],
                        "purchase": purchase["label"],
                        "purchase_amount": purchase["amount"],
                        "state": purchase["state"],
                    }
                )
        return {
            "years": years,
            "categories": by_category,
            "total": {
                "planned": self.amount_planned,
                "actual": self.amount_actual,
                "remaining": self.amount_remaining,
                "unbudgeted": self.amount_unbudgeted,
            },
            "allocations": [
                {
                    "employee": allocation.employee_id.name,
                    "role": allocation.role or "",
                    "fte": allocation.fte,
                    "date_start": allocation.date_start,
                    "date_end": allocation.date_end,
                    "monthly_cost": allocation.monthly_cost,
                    "planned": allocation.amount_planned,
                    "posted": allocation.amount_posted,
                }
                for allocation in self.allocation_ids
            ],
            "cost_lines": cost_lines,
            "investments": investments,
        }

    def _get_justification_xlsx(self):
        """The justification as an XLSX workbook, as bytes."""
        self.ensure_one()
        data = self._get_justification_data()
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        bold = workbook.add_format({"bold": True})
        money = workbook.add_format({"num_format": "#,##0.00"})
        money_bold = workbook.add_format({"num_format": "#,##0.00", "bold": True})
        day = workbook.add_format({"num_format": "yyyy-mm-dd"})

        amounts = [_("Planned"), _("Actual"), _("Remaining")]
        sheet = workbook.add_worksheet(_("Budget"))
        sheet.set_column(0, 1, 28)
        sheet.set_column(2, 4, 14)
        sheet.write(0, 0, self.display_name, bold)
        sheet.write(1, 0, _("Funder"))
        sheet.write(1, 1, self.funder_id.display_name)
        sheet.write(2, 0, _("Programme"))
        sheet.write(2, 1, self.programme or "")
        unbudgeted = _("Unbudgeted")
        all_years = _("All years")

        def unbudgeted_note(amount):
            if not amount:
                return ""
            formatted = f"{amount:,.2f}"
            return self.env._("of which unbudgeted: %(amount)s", amount=formatted)

        rows = []
        for year in data["years"]:
            rows += [
                (
                    year["year"],
                    row["category"],
                    row["planned"],
                    row["actual"],
                    row["remaining"],
                    unbudgeted if row["unbudgeted"] else "",
                )
                for row in year["rows"]
            ]
            rows.append(
                (year["year"], _("Total"), year["planned"], year["actual"], year["remaining"], "")
            )
        rows += [
            (
                all_years,
                row["category"],
                row["planned"],
                row["actual"],
                row["remaining"],
                unbudgeted_note(row["unbudgeted"]),
            )
            for row in data["categories"]
        ]
        total = data["total"]
        rows.append(
            (
                _("All years"),
                _("Total"),
                total["planned"],
                total["actual"],
                total["remaining"],
                unbudgeted_note(total["unbudgeted"]),
            )
        )
        write_table(
            sheet,
            4,
            0,
            [_("Year"), _("Category"), *amounts, _("Note")],
            rows,
            [None, None, money, money, money_bold, bold],
            bold,
        )

        # The sheets that list items: per column, its header, key and format.
        lists = [
            (
                _("Staff"),
                data["allocations"],
                [
                    (_("Employee"), "employee", None),
                    (_("Role"), "role", None),
                    (_("FTE"), "fte", None),
                    (_("Start"), "date_start", day),
                    (_("End"), "date_end", day),
                    (_("Monthly Employer Cost"), "monthly_cost", money),
                    (_("Planned Personnel Cost"), "planned", money),
                    (_("Posted"), "posted", money),
                ],
            ),
            (
                _("Cost Lines"),
                data["cost_lines"],
                [
                    (_("Date"), "date", day),
                    (_("Category"), "category", None),
                    (_("Description"), "name", None),
                    (_("Partner"), "partner", None),
                    (_("Amount"), "amount", money),
                ],
            ),
            (
                _("Investments"),
                data["investments"],
                [
                    (_("Date"), "date", day),
                    (_("Description"), "name", None),
                    (_("Amount"), "amount", money),
                    (_("Approval"), "approval_ref", None),
                    (_("Approval Date"), "approval_date", day),
                ],
            ),
        ]
        for title, items, columns in lists:
            sheet = workbook.add_worksheet(title)
            sheet.set_column(0, len(columns) - 1, 16 if len(columns) > 5 else 20)
            write_table(
                sheet,
                0,
                0,
                [header for header, __, __ in columns],
                [tuple(item[key] for __, key, __ in columns) for item in items],
                [cell_format for __, __, cell_format in columns],
                bold,
            )
        workbook.close()
        return output.getvalue()
