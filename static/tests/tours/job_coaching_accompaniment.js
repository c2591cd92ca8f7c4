/** @odoo-module **/
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { registry } from "@web/core/registry";
import { openApp, openMenu, statusIs } from "@job_coaching/../tests/tours/job_coaching_tour_utils";

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
            trigger: `.o_form_saved ${statusIs("planned")}`,
        },
        {
            content: "The interview took place",
            trigger: ".o_form_saved button[name=action_done]",
            run: "click",
        },
        {
            content: "The session is done",
            trigger: statusIs("done"),
        },
        ...openMenu("menu_job_coaching_accompaniment", "menu_job_coaching_workshop"),
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

// An agent writes the person's plan, with a training provider that is not a
// contact yet, and registers the person to a workshop from the person's file.
registry.category("web_tour.tours").add("job_coaching_plan_and_workshop", {
    url: "/odoo",
    steps: () => [
        ...openApp(),
        {
            content: "Open the person's file",
            trigger: ".o_kanban_record:contains(Yara Tourist)",
            run: "click",
        },
        {
            content: "Open the insertion plan",
            trigger: "button[name=action_open_insertion_plan]",
            run: "click",
        },
        {
            content: "The professional goal",
            trigger: ".o_field_widget[name=job_title] input",
            run: "edit Kitchen assistant",
        },
        {
            content: "The plan's actions",
            trigger: ".o_notebook a.nav-link[name=actions]",
            run: "click",
        },
        {
            content: "Add an action",
            trigger: ".o_field_widget[name=action_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "What",
            trigger: ".o_field_widget[name=action_ids] .o_data_row .o_field_widget[name=name] input",
            run: "edit Hygiene training",
        },
        {
            content: "A provider that is not a contact yet",
            trigger:
                ".o_field_widget[name=action_ids] .o_data_row .o_field_widget[name=provider_id] input",
            run: "edit Tour Training Centre",
        },
        {
            content: "Create it on the fly",
            trigger: ".o_m2o_dropdown_option_create",
            run: "click",
        },
        {
            content: "The provider is set",
            trigger:
                ".o_field_widget[name=action_ids] .o_data_row .o_field_widget[name=provider_id] input:value(Tour Training Centre)",
        },
        {
            content: "Save the plan",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The plan is saved",
            trigger: ".o_form_saved .o_field_widget[name=job_title]",
        },
        {
            content: "Back to the person's file",
            trigger: ".o_breadcrumb .breadcrumb-item a:contains(Yara Tourist)",
            run: "click",
        },
        {
            content: "The person's file",
            trigger: ".o_form_saved .o_field_widget[name=first_name]",
        },
        {
            content: "Open the person's workshops",
            trigger: "button[name=action_open_workshop_registrations]",
            run: "click",
        },
        {
            content: "Register the person",
            trigger: ".o_list_view .o_list_button_add",
            run: "click",
        },
        {
            content: "Which workshop",
            trigger: ".o_data_row .o_field_widget[name=workshop_id] input",
            run: "edit Tour interview",
        },
        {
            content: "The workshop of the person's company is offered",
            trigger: ".o-autocomplete--dropdown-item a:contains(Tour interview)",
            run: "click",
        },
        {
            content: "Save the registration",
            trigger: ".o_list_button_save",
            run: "click",
        },
        {
            content: "The person is registered",
            trigger: ".o_list_view .o_data_row:not(.o_selected_row) td[name=workshop_id]:contains(Tour interview)",
        },
    ],
});
