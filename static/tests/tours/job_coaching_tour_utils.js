/** @odoo-module **/
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
// Steps shared by the tours. They click by stable selectors (menu xmlids,
// field and button names, state values), never by a label: the same tours
// run in French and in Dutch.

export function openApp() {
    return [
        {
            content: "Open the apps menu",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            content: "Open Job Coaching",
            trigger: ".o_app[data-menu-xmlid='job_coaching.menu_job_coaching_root']",
            run: "click",
        },
    ];
}

export function openMenu(section, item) {
    return [
        {
            content: `Open the menu ${section}`,
            trigger: `.o_menu_sections button[data-menu-xmlid='job_coaching.${section}']`,
            run: "click",
        },
        {
            content: `Open ${item}`,
            trigger: `.dropdown-item[data-menu-xmlid='job_coaching.${item}']`,
            run: "click",
        },
    ];
}

export function statusIs(value) {
    return `.o_statusbar_status button.o_arrow_button_current[data-value='${value}']`;
}
