/** @odoo-module **/
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("job_coaching_reporting", {
    steps: () => [
        {
            content: "The dashboard shows the target's progress",
            trigger: ".o_kanban_record:contains(Tour target):contains(1 / 4)",
        },
        {
            content: "Open the partner feedback",
            trigger: ".o_menu_sections button:contains(Caseload)",
            run: "click",
        },
        {
            content: "Partner Feedback",
            trigger: ".dropdown-item:contains(Partner Feedback)",
            run: "click",
        },
        {
            content: "New feedback",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Partner",
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit Tour Association",
        },
        {
            content: "Pick the partner",
            trigger: ".o-autocomplete--dropdown-item:contains(Tour Association)",
            run: "click",
        },
        {
            content: "Rating",
            trigger: ".o_field_widget[name=rating] select",
            run: "selectByLabel 4 - Very good",
        },
        {
            content: "Comment",
            trigger: ".o_field_widget[name=comment] textarea",
            run: "edit Young people come back motivated",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_saved",
        },
    ],
});
