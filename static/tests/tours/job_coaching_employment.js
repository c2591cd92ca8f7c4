/** @odoo-module **/
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("job_coaching_employment", {
    url: "/odoo/action-job_coaching.job_coaching_vacancy_action",
    steps: () => [
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
            content: "The resident is ranked with the reasons",
            trigger: ".o_data_row:contains(Tour Candidate) td:contains(lives in the zone)",
        },
        {
            content: "Propose the candidate",
            trigger: ".o_data_row:contains(Tour Candidate) button[name=action_propose]",
            run: "click",
        },
        {
            content: "The application is proposed",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Proposed)",
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
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Running)",
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
    ],
});
