/** @odoo-module **/
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { registry } from "@web/core/registry";
import { openApp, statusIs } from "@job_coaching/../tests/tours/job_coaching_tour_utils";

// An agent registers a walk-in and plans the intake, from the menu.
registry.category("web_tour.tours").add("job_coaching_beneficiary_intake", {
    url: "/odoo",
    steps: () => [
        ...openApp(),
        {
            content: "The agent lands on their own caseload",
            trigger: ".o_kanban_view .o_searchview_facet",
        },
        {
            content: "Register a new person",
            trigger: ".o-kanban-button-new",
            run: "click",
        },
        {
            content: "First name",
            trigger: ".o_field_widget[name=first_name] input",
            run: "edit Amel",
        },
        {
            content: "Last name",
            trigger: ".o_field_widget[name=last_name] input",
            run: "edit Tour",
        },
        {
            content: "Nothing typed yet that makes the person eligible: the reason shows",
            trigger: ".o_form_view div[name=ineligible]",
        },
        {
            content: "National register number, typed without punctuation",
            trigger: ".o_field_widget[name=niss] input",
            run: "edit 95041200113",
        },
        {
            content: "Address in the zone, in Dutch",
            trigger: ".o_field_widget[name=street] input",
            run: "edit Esseghemstraat 25",
        },
        {
            content: "Postcode",
            trigger: ".o_field_widget[name=zip] input",
            run: "edit 1090",
        },
        {
            content: "Mobile, as dialled in Belgium",
            trigger: ".o_field_widget[name=mobile_display] input",
            run: "edit 0470 99 88 77",
        },
        {
            content: "Eligible, shown while typing, before saving",
            trigger: ".o_form_dirty div[name=eligible]",
        },
        {
            content: "Save the file",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The file is saved under the person's name",
            trigger: ".o_breadcrumb .active:contains(Amel Tour)",
        },
        {
            content: "The person lives in the zone",
            trigger: ".o_form_saved span[name=in_zone_badge]",
        },
        {
            content: "Open the person's sessions",
            trigger: "button[name=action_open_sessions]",
            run: "click",
        },
        {
            content: "Plan a session",
            trigger: ".o_list_view .o_list_button_add",
            run: "click",
        },
        {
            content: "The first session of the file is the intake",
            trigger: ".o_field_widget[name=kind] select:value(/intake/)",
        },
        {
            content: "Save the intake",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The intake is planned",
            trigger: `.o_form_saved ${statusIs("planned")}`,
        },
    ],
});
