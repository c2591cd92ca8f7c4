/** @odoo-module **/
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { registry } from "@web/core/registry";
import { openApp } from "@job_coaching/../tests/tours/job_coaching_tour_utils";

registry.category("web_tour.tours").add("job_coaching_subsidy_budget", {
    steps: () => [
        {
            content: "Add a budget line",
            trigger: ".o_field_widget[name=line_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Year",
            trigger: ".o_field_widget[name=line_ids] .o_data_row .o_field_widget[name=year] input",
            run: "edit 2030",
        },
        {
            content: "Category",
            trigger: ".o_field_widget[name=line_ids] .o_data_row .o_field_widget[name=category] select",
            run: "selectByLabel Operations",
        },
        {
            content: "Planned amount",
            trigger:
                ".o_field_widget[name=line_ids] .o_data_row .o_field_widget[name=amount_planned] input",
            run: "edit 1500",
        },
        {
            content: "Save the subsidy",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Post last month's personnel cost",
            trigger: ".o_form_saved .o_statusbar_buttons button:contains(Post Personnel Cost)",
            run: "click",
        },
        {
            content: "Post",
            trigger: ".modal button[name=action_post]",
            run: "click",
        },
        {
            content: "The cost is posted",
            trigger: ".o_notification:contains(posted)",
        },
    ],
});

// Finance records an equipment cost on the subsidy, from the menu, through the
// subsidy's cost lines (the generic analytic line: the subsidy's own cost form
// is another piece of work).
registry.category("web_tour.tours").add("job_coaching_subsidy_equipment_cost", {
    url: "/odoo",
    steps: () => [
        ...openApp(),
        {
            content: "Finance lands on the subsidies: open the subsidy",
            trigger: ".o_list_view .o_data_row td:contains(Tour subsidy)",
            run: "click",
        },
        {
            content: "Open its cost lines",
            trigger: "button[name=action_view_analytic_lines]",
            run: "click",
        },
        {
            content: "Not grouped by date while recording",
            trigger: ".o_searchview_facet .o_facet_remove",
            run: "click",
        },
        {
            content: "Record a cost",
            trigger: ".o_list_view .o_list_button_add",
            run: "click",
        },
        {
            content: "What was bought",
            trigger: ".o_field_widget[name=name] input",
            run: "edit Laptop for the office hours",
        },
        {
            content: "The subsidy's equipment account",
            trigger: ".o_field_widget[name^=x_plan] input",
            run: "edit TOUR 01-EQU",
        },
        {
            content: "Pick it",
            trigger: ".o-autocomplete--dropdown-item a:contains(TOUR 01)",
            run: "click",
        },
        {
            content: "A cost is a negative amount on an analytic line",
            trigger: ".o_field_widget[name=amount] input",
            run: "edit -1250",
        },
        {
            content: "The funder's approval of the investment",
            trigger: ".o_field_widget[name=subsidy_approval_ref] input",
            run: "edit DRU/2026/17",
        },
        {
            content: "Save the cost (in the list's row or in the form)",
            trigger: ".o_list_button_save, .o_form_button_save",
            run: "click",
        },
        {
            content: "The cost is recorded",
            trigger:
                ".o_data_row:not(.o_selected_row) td[name=name]:contains(Laptop for the office hours), .o_form_saved .o_field_widget[name=name]",
        },
    ],
});
