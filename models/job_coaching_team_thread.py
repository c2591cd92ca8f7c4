# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, models
from odoo.exceptions import UserError, ValidationError

TEAM_GROUP = "job_coaching.group_job_coaching_user"
FINANCE_GROUP = "job_coaching.group_job_coaching_finance"
MANAGER_GROUP = "job_coaching.group_job_coaching_manager"


class JobCoachingTeamThread(models.AbstractModel):
    """The chatter of the add-on's documents stays inside the team.

    Whoever follows a document, receives a message posted or notified on it,
    is subscribed as its new responsible or is added through the composer is
    an internal user of the team (``_team_groups``) in the document's company:
    never a portal user, a contact outside the team, finance on social data,
    or a user of another CPAS. The person accompanied is never written to
    from the file (professional secrecy).
    """

    _name = "job_coaching.team.thread"
    _description = "Job Coaching Team Chatter"
    _inherit = ["mail.thread", "job_coaching.record"]

    @api.model
    def _team_groups(self):
        """XML ids of the groups whose users may follow the documents of this model."""
        return (TEAM_GROUP,)

    @api.model
    def _default_team_user(self):
        """The current user when they are of the team (not the superuser of a
        scheduled action or a data file)."""
        return self._team_users(self.env.user).with_env(self.env)

    def _team_users(self, users):
        """The users of ``users`` who are of the team in every company of self."""
        # (ids from the cached xml ids: no query per record)
        IrModelData = self.env["ir.model.data"]
        group_ids = {IrModelData._xmlid_to_res_id(xmlid) for xmlid in self._team_groups()}
        # sudo: whether a user is a team member's is not personal data
        companies = self.sudo().company_id if "company_id" in self else self.env.company
        return users.sudo().filtered(
            lambda user: (
                user.active
                and not user.share
                and not group_ids.isdisjoint(user.groups_id.ids)
                and companies <= user.company_ids
            )
        )

    def _check_team_partners(self, partners):
        """Refuse ``partners`` that are not users of the team in the companies of self."""
        if not partners:
            return
        # sudo: whether a contact is a team member's is not personal data
        partners = partners.sudo().exists()
        outsiders = partners - self._team_users(partners.user_ids).partner_id
        if outsiders:
            raise UserError(
                _(
                    "%(document)s stays inside the team: only Job Coaching users of its CPAS "
                    "can follow it or receive its messages.",
                    document=self._model_label(),
                )
            )

    def _check_team_agents(self, field_name):
        """Refuse an agent (``field_name``, users) who is not of the team in
        the record's company."""
        for record in self:
            users = record[field_name]
            strangers = users - record._team_users(users)
            if strangers:
                raise ValidationError(
                    _(
                        "The agent must be a Job Coaching user of %(company)s.",
                        company=record.sudo().company_id.name or self.env.company.name,
                    )
                )

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        self._check_team_partners(self.env["res.partner"].browse(partner_ids or []))
        return super().message_subscribe(partner_ids=partner_ids, subtype_ids=subtype_ids)

    def message_post(self, **kwargs):
        self._check_team_partners(self.env["res.partner"].browse(kwargs.get("partner_ids") or []))
        return super().message_post(**kwargs)

    def message_notify(self, **kwargs):
        self._check_team_partners(self.env["res.partner"].browse(kwargs.get("partner_ids") or []))
        return super().message_notify(**kwargs)

    def _message_auto_subscribe_followers(self, updated_values, default_subtype_ids):
        # The responsible is checked by the model (an agent of the company);
        # a document never subscribes anyone else on its own.
        result = super()._message_auto_subscribe_followers(updated_values, default_subtype_ids)
        partners = self.env["res.partner"].browse(partner_id for partner_id, *_rest in result)
        user = self.env["res.users"].browse(updated_values.get("user_id") or [])
        # The responsible's membership is read from the user (cached for a
        # batch), without a query per record.
        self._check_team_partners(partners - self._team_users(user).partner_id)
        return result

    def _message_get_suggested_recipients(self):
        # Never suggest writing to the person (or anyone) from a document.
        return []

    def _message_get_default_recipients(self):
        # Nobody outside the team is a default recipient of a mass mailing.
        return {
            record.id: {"partner_ids": [], "email_to": False, "email_cc": False} for record in self
        }
