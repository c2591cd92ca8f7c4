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
            content: "Record a cost from the subsidy",
            trigger: "button[name=action_record_cost]",
            run: "click",
        },
        {
            content: "An equipment cost",
            trigger: ".modal .o_field_widget[name=category] select",
            run: 'select "equipment"',
        },
        {
            content: "What was bought",
            trigger: ".modal .o_field_widget[name=name] input",
            run: "edit Laptop for the office hours",
        },
        {
            content: "The amount, as a cost (a positive number)",
            trigger: ".modal .o_field_widget[name=amount] input",
            run: "edit 1250",
        },
        {
            content: "The funder's approval of the investment",
            trigger: ".modal .o_field_widget[name=approval_ref] input",
            run: "edit DRU/2026/17",
        },
        {
            content: "Record it",
            trigger: ".modal button[name=action_record]",
            run: "click",
        },
        {
            content: "Back on the subsidy",
            trigger: "body:not(:has(.modal)) .o_form_view button[name=action_record_cost]",
        },
    ],
});
