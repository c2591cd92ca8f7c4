# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, models
from odoo.exceptions import UserError


class MailComposeMessage(models.TransientModel):
    _inherit = "mail.compose.message"

    def _action_send_mail(self, auto_commit=False):
        # The composer posts on the document (message_post checks the
        # recipients); a mass mailing from a Job Coaching document would write
        # to the people outside the chatter: refused.
        for wizard in self:
            if (
                wizard.composition_mode == "mass_mail"
                and wizard.model in self.env
                and isinstance(self.env[wizard.model], self.pool["job_coaching.team.thread"])
            ):
                raise UserError(
                    _("Job Coaching documents cannot be mailed in bulk: post on each document.")
                )
        return super()._action_send_mail(auto_commit=auto_commit)
