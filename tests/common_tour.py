# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, new_test_user

# Brussels is bilingual: every first-hour tour runs in French and in Dutch.
TOUR_LANGS = ("fr_FR", "nl_BE")


class JobCoachingTourCase(HttpCase):
    """Browser tours in the users' languages: French and Dutch activated and
    the add-on's translations loaded; users in Brussels' time zone."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for code in TOUR_LANGS:
            cls.env["res.lang"]._activate_lang(code)
        cls.env["ir.module.module"]._load_module_terms(
            ["job_coaching"], list(TOUR_LANGS), overwrite=True
        )

    def _tour_user(self, login, groups, lang, name=None):
        return new_test_user(
            self.env,
            login=f"{login}_{lang.lower()}",
            groups=groups,
            name=name or login,
            lang=lang,
            tz="Europe/Brussels",
        )

    def start_tour(self, url_path, tour_name, step_delay=None, **kwargs):
        # A whole flow from the menu, on machines shared by several test runs:
        # three minutes rather than one.
        kwargs.setdefault("timeout", 180)
        return super().start_tour(url_path, tour_name, step_delay=step_delay, **kwargs)
