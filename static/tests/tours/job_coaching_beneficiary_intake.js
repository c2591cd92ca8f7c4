/** @odoo-module **/
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("job_coaching_beneficiary_intake", {
    url: "/odoo/action-job_coaching.job_coaching_beneficiary_action",
    steps: () => [
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
            trigger: ".o_form_saved .badge:contains(Lives in the zone)",
        },
    ],
});
