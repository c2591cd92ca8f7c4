/** @odoo-module **/
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { registry } from "@web/core/registry";
import { openApp, openMenu, statusIs } from "@job_coaching/../tests/tours/job_coaching_tour_utils";

registry.category("web_tour.tours").add("job_coaching_employment", {
    url: "/odoo",
    steps: () => [
        ...openApp(),
        ...openMenu("menu_job_coaching_employment", "menu_job_coaching_vacancy"),
        {
            content: "Open the vacancy",
            trigger: ".o_data_row td[name=title]:contains(Tour vacancy)",
            run: "click",
        },
        {
            content: "Find the candidates",
            trigger: "button[name=action_find_candidates]",
            run: "click",
        },
        {
            content: "The screen is titled after the vacancy, not after its model",
            trigger: ".o_last_breadcrumb_item:contains(Tour vacancy):not(:contains(job_coaching))",
        },
        {
            content: "Propose the candidate",
            trigger: ".o_data_row:contains(Tour Candidate) button[name=action_propose]",
            run: "click",
        },
        {
            content: "The application is proposed",
            trigger: statusIs("proposed"),
        },
        {
            content: "The employer hires",
            trigger: "button[name=action_hire]",
            run: "click",
        },
        {
            content: "Draw up the article 60 contract",
            trigger: "button[name=action_create_art60_contract]",
            run: "click",
        },
        {
            content: "Name the tutor",
            trigger: ".o_field_widget[name=tutor] input",
            run: "edit Sophie Tour",
        },
        {
            content: "The planned end is computed",
            trigger: ".o_field_widget[name=date_end] input:value(/\\d/)",
        },
        {
            content: "Save the contract",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Start the contract",
            trigger: ".o_form_saved button[name=action_start]",
            run: "click",
        },
        {
            content: "The contract runs",
            trigger: statusIs("running"),
        },
        {
            content: "Open its evaluations",
            trigger: "button[name=action_open_evaluations]",
            run: "click",
        },
        {
            content: "Evaluate",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Score the first criterion",
            trigger: ".o_field_widget[name=line_ids] .o_data_row:first .o_data_cell[name=score]",
            run: "click",
        },
        {
            content: "Four out of five",
            trigger: ".o_field_widget[name=line_ids] .o_data_row .o_field_widget[name=score] input",
            run: "edit 4",
        },
        {
            content: "Comments",
            trigger: ".o_field_widget[name=comments] textarea",
            run: "edit A good start.",
        },
        {
            content: "Save the evaluation",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The evaluation is saved",
            trigger: ".o_form_saved .o_field_widget[name=score]:contains(4)",
        },
        ...openMenu("menu_job_coaching_reporting", "menu_job_coaching_activity_report"),
        {
            content: "The year's report: the wizard proposes a period",
            trigger: ".modal .o_form_view .o_field_widget[name=date_from] input:value(/\\d/)",
        },
        {
            content: "The wizard prints the PDF",
            trigger: ".modal button[name=action_print_pdf]",
        },
    ],
});
