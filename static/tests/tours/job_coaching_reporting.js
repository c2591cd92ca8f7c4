/** @odoo-module **/
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { registry } from "@web/core/registry";
import { openApp, openMenu } from "@job_coaching/../tests/tours/job_coaching_tour_utils";

registry.category("web_tour.tours").add("job_coaching_reporting", {
    url: "/odoo",
    steps: () => [
        ...openApp(),
        {
            content: "The coordinator lands on every file, not on their own",
            trigger: ".o_kanban_view:not(:has(.o_searchview_facet)) .o_kanban_record:contains(Other Agent File)",
        },
        ...openMenu("menu_job_coaching_reporting", "menu_job_coaching_dashboard"),
        {
            content: "The dashboard shows the target's progress",
            trigger: ".o_kanban_record:contains(Tour target):contains(1 / 4)",
        },
        ...openMenu("menu_job_coaching_caseload", "menu_job_coaching_partner_feedback"),
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
            run: 'select "4"',
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
