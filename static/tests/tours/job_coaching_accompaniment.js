/** @odoo-module **/
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("job_coaching_accompaniment", {
    url: "/odoo/action-job_coaching.job_coaching_session_action",
    steps: () => [
        {
            content: "Sessions open on the calendar; switch to the list",
            trigger: ".o_calendar_view .o_switch_view.o_list",
            run: "click",
        },
        {
            content: "Plan a session",
            trigger: ".o_list_view .o_list_button_add",
            run: "click",
        },
        {
            content: "Who comes",
            trigger: ".o_field_widget[name=beneficiary_id] input",
            run: "edit Tourist",
        },
        {
            content: "Pick the person",
            trigger: ".ui-menu-item a:contains(Yara Tourist)",
            run: "click",
        },
        {
            content: "An intake interview",
            trigger: ".o_field_widget[name=kind] select",
            run: 'select "intake"',
        },
        {
            content: "Save the session",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The session is planned",
            trigger: ".o_form_saved .o_statusbar_status button.o_arrow_button_current:contains(Planned)",
        },
        {
            content: "The interview took place",
            trigger: ".o_form_saved button[name=action_done]",
            run: "click",
        },
        {
            content: "The session is done",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Done)",
        },
        {
            content: "Open the accompaniment menu",
            trigger: ".o_menu_sections button:contains(Accompaniment)",
            run: "click",
        },
        {
            content: "Go to the workshops",
            trigger: ".o-dropdown--menu .dropdown-item:contains(Workshops)",
            run: "click",
        },
        {
            content: "Open the workshop held last week",
            trigger: ".o_list_view .o_data_row td:contains(Tour CV workshop)",
            run: "click",
        },
        {
            content: "Register a person",
            trigger: ".o_field_widget[name=registration_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Who",
            trigger: ".o_field_widget[name=registration_ids] .o_field_widget[name=beneficiary_id] input",
            run: "edit Tourist",
        },
        {
            content: "Pick the person",
            trigger: ".ui-menu-item a:contains(Yara Tourist)",
            run: "click",
        },
        {
            content: "The person attended",
            trigger: ".o_field_widget[name=registration_ids] .o_field_widget[name=attendance] select",
            run: 'select "attended"',
        },
        {
            content: "Save the workshop",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "One person attended",
            trigger: ".o_form_saved .o_field_widget[name=attended_count]:contains(1)",
        },
    ],
});
