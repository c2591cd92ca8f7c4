/** @odoo-module **/
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { registry } from "@web/core/registry";

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
