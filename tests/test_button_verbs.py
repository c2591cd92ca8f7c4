# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from lxml import etree

from odoo.tests import TransactionCase, tagged

# What an action button may start with: a verb saying what the click does
# ("Hire"), never the state it leads to ("Hired").
VERBS = {
    "Activate",
    "Anonymise",
    "Cancel",
    "Close",
    "Create",
    "Discard",
    "Download",
    "Draw",
    "End",
    "Export",
    "Find",
    "Hire",
    "Mark",
    "Open",
    "Plan",
    "Post",
    "Print",
    "Propose",
    "Record",
    "Reopen",
    "Reset",
    "Resume",
    "Send",
    "Start",
    "Suspend",
    "Withdraw",
}

# The buttons that act: in a form's header, a wizard's footer, a list's rows
# and a form's sheet (smart buttons, which open a list, excepted).
ACTION_BUTTONS = (
    "//header/button[@string]"
    " | //footer/button[@string]"
    " | //list/button[@string]"
    " | //sheet//button[@string][not(contains(@class, 'oe_stat_button'))]"
)


@tagged("post_install", "-at_install")
class TestButtonVerbs(TransactionCase):
    def test_every_action_button_of_the_addon_says_what_it_does(self):
        views = (
            self.env["ir.ui.view"]
            .with_context(lang="en_US")
            .browse(
                self.env["ir.model.data"]
                .search([("module", "=", "job_coaching"), ("model", "=", "ir.ui.view")])
                .mapped("res_id")
            )
            .filtered(lambda view: view.type in ("form", "list"))
        )
        buttons = [
            (view.xml_id, button.get("name"), button.get("string"))
            for view in views
            for button in etree.fromstring(view.arch).xpath(ACTION_BUTTONS)
        ]
        # The add-on's forms hold some forty such buttons: a test that finds
        # none has lost its subject.
        self.assertGreaterEqual(len(buttons), 40, buttons)
        self.assertEqual([button for button in buttons if button[2].split()[0] not in VERBS], [])
