# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Fill a job_coaching database with fictional but plausible data, fast.

Run inside ``odoo shell`` (``scripts/populate`` does it): ``env`` is given.
Rows are written with PostgreSQL's COPY in batches, their stored computed
values worked out in Python with the add-on's own functions, so the result
passes the add-on's constraints; the ORM is used for the few reference
records (users, zone). Sizes scale on JC_BENEFICIARIES (default 1000).
"""

import io
import logging
import os
import random
import sys
import time
from datetime import date, timedelta

from odoo.addons.job_coaching.models.job_coaching_beneficiary import _fold

_logger = logging.getLogger("job_coaching.populate")

FIRST_NAMES = (
    "Amina",
    "Mohamed",
    "Sarah",
    "Youssef",
    "Fatima",
    "Kevin",
    "Laura",
    "Mehdi",
    "Ines",
    "Thomas",
    "Nadia",
    "Karim",
    "Julie",
    "Omar",
    "Aya",
    "Lucas",
    "Salma",
    "Hamza",
    "Emma",
    "Bilal",
    "Chloé",
    "Ibrahim",
    "Léa",
    "Rachid",
    "Manon",
    "Samir",
    "Zineb",
    "Nathan",
    "Imane",
    "Adam",
    "Yasmine",
    "Noah",
    "Khadija",
    "Louis",
    "Meryem",
    "Arthur",
    "Hajar",
    "Jules",
    "Souad",
    "Hugo",
    "Fatou",
    "Mamadou",
    "Aïcha",
    "Moussa",
    "Elif",
    "Mustafa",
    "Ana",
    "João",
    "Maria",
    "Piotr",
    "Agnieszka",
    "Ionut",
    "Elena",
    "Dimitri",
    "Olga",
)
LAST_NAMES = (
    "El Idrissi",
    "Benali",
    "Peeters",
    "Janssens",
    "Maes",
    "Jacobs",
    "Mertens",
    "Willems",
    "Claes",
    "Goossens",
    "Wouters",
    "De Smet",
    "Dubois",
    "Lambert",
    "Dupont",
    "Martin",
    "Diallo",
    "Bah",
    "Camara",
    "Traoré",
    "Yilmaz",
    "Kaya",
    "Demir",
    "Öztürk",
    "Rossi",
    "Russo",
    "Silva",
    "Santos",
    "Pereira",
    "Kowalski",
    "Nowak",
    "Popescu",
    "Ionescu",
    "Haddad",
    "Amrani",
    "Chaoui",
    "Ait Ali",
    "Bouzid",
    "Ziani",
    "Mansouri",
    "Lahlou",
    "Vermeulen",
    "Van Damme",
    "Leroy",
    "Renard",
    "Laurent",
    "Simon",
)
OUTSIDE_STREETS = [
    ("Rue Antoine Dansaert", "1000", "Bruxelles"),
    ("Chaussée de Gand", "1080", "Molenbeek-Saint-Jean"),
    ("Avenue de Jette", "1090", "Jette"),
    ("Rue Dupré", "1090", "Jette"),
    ("Boulevard Émile Bockstael", "1020", "Laeken"),
    ("Rue Van Artevelde", "1000", "Bruxelles"),
    ("Chaussée de Wemmel", "1090", "Jette"),
    ("Avenue de Laeken", "1090", "Jette"),
]
CPAS_STATUSES = ["ris"] * 5 + ["equivalent_aid"] * 2 + ["known_no_aid"] * 2 + ["unknown"] * 1
EDUCATION = [
    "none",
    "primary",
    "lower_secondary",
    "upper_secondary",
    "bachelor",
    "master",
    "foreign",
]


def niss_of(born, serial):
    """A valid national register number (YY.MM.DD-SSS.CC) for a birth date and serial."""
    base = f"{born:%y%m%d}{serial:03d}"
    check = 97 - int(("2" if born.year >= 2000 else "") + base) % 97
    digits = f"{base}{check:02d}"
    return f"{digits[:2]}.{digits[2:4]}.{digits[4:6]}-{digits[6:9]}.{digits[9:]}"


class Populator:
    def __init__(self, env, beneficiaries, seed=42):
        self.env = env
        self.cr = env.cr
        self.count = beneficiaries
        self.random = random.Random(seed)
        self.today = date.today()
        self.company = env.company

    # -- helpers ---------------------------------------------------------

    def copy_rows(self, table, columns, rows):
        """COPY ``rows`` (tuples in ``columns`` order) into ``table``; return the new ids."""
        # The table names are the add-on's own, never user input.
        self.cr.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")
        first_id = self.cr.fetchone()[0] + 1
        buffer = io.StringIO()
        for offset, row in enumerate(rows):
            values = [first_id + offset, *row]
            buffer.write("\t".join(self._copy_value(v) for v in values) + "\n")
        count = len(rows)
        buffer.seek(0)
        self.cr.copy_from(buffer, table, columns=["id", *columns], null="\\N")
        self.cr.execute(f"SELECT setval('{table}_id_seq', (SELECT MAX(id) FROM {table}))")
        return list(range(first_id, first_id + count))

    @staticmethod
    def _copy_value(value):
        if value is None or value is False:
            return "\\N" if value is None else "f"
        if value is True:
            return "t"
        text = str(value)
        return text.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ")

    def log(self, what, count, started):
        _logger.info("%s: %s rows in %.1f s", what, count, time.time() - started)
        sys.stdout.write(f"{what}: {count} rows in {time.time() - started:.1f} s\n")
        sys.stdout.flush()

    # -- reference records (ORM) -------------------------------------------

    def reference(self):
        env = self.env
        group = env.ref("job_coaching.group_job_coaching_user")
        agents = env["res.users"].search([("login", "=like", "bench_agent_%")])
        missing = max(0, 20 - len(agents))
        if missing:
            agents |= (
                env["res.users"]
                .with_context(no_reset_password=True)
                .create(
                    [
                        {
                            "name": f"Agent {index:02d}",
                            "login": f"bench_agent_{index:02d}",
                            "password": f"bench_agent_{index:02d}",
                            "groups_id": [(6, 0, [env.ref("base.group_user").id, group.id])],
                        }
                        for index in range(len(agents), len(agents) + missing)
                    ]
                )
            )
        self.agents = agents
        self.zone = env.ref("job_coaching.zone_magritte")
        self.zone_streets = [(s.name, s.name_nl) for s in self.zone.street_ids]
        self.stages = env["job_coaching.stage"].search([])
        self.channels = env["job_coaching.referral.channel"].search([])
        self.belgium = env.ref("base.be")

    # -- partners (the anchor of the list benchmark) ------------------------

    def partners(self):
        started = time.time()
        now = f"{self.today} 08:00:00"
        rows = []
        for index in range(self.count):
            first, last = self.random.choice(FIRST_NAMES), self.random.choice(LAST_NAMES)
            name = f"{first} {last}"
            rows.append(
                (
                    name,
                    name,
                    f"{index} Rue de la Bench",
                    "1090",
                    "Jette",
                    self.belgium.id,
                    self.company.id,
                    True,
                    "contact",
                    False,
                    f"bench.partner{index}@example.com",
                    "en_US",
                    1,
                    now,
                    1,
                    now,
                )
            )
        self.copy_rows(
            "res_partner",
            [
                "name",
                "complete_name",
                "street",
                "zip",
                "city",
                "country_id",
                "company_id",
                "active",
                "type",
                "is_company",
                "email",
                "lang",
                "create_uid",
                "create_date",
                "write_uid",
                "write_date",
            ],
            rows,
        )
        self.log("res.partner", len(rows), started)

    # -- beneficiaries -------------------------------------------------------

    def beneficiaries(self):
        started = time.time()
        Beneficiary = self.env["job_coaching.beneficiary"]
        zone_keys = self.zone._match_keys()
        rows = []
        used = set()
        serial = 0
        for _index in range(self.count):
            born = self.today - timedelta(days=self.random.randint(18 * 365, 64 * 365))
            serial = (serial % 997) + 1
            while (born, serial) in used:
                serial = (serial % 997) + 1
                born -= timedelta(days=1)
            used.add((born, serial))
            niss = niss_of(born, serial)
            first, last = self.random.choice(FIRST_NAMES), self.random.choice(LAST_NAMES)
            if self.random.random() < 0.7:
                french, dutch = self.random.choice(self.zone_streets)
                street = (
                    f"{self.random.choice([french, dutch or french])} {self.random.randint(1, 250)}"
                )
                zip_code, city = "1090", "Jette"
            else:
                name, zip_code, city = self.random.choice(OUTSIDE_STREETS)
                street = f"{name} {self.random.randint(1, 250)}"
            zone = self.zone._find_zone(street, zip_code, zone_keys)
            age = (
                self.today.year
                - born.year
                - ((self.today.month, self.today.day) < (born.month, born.day))
            )
            intake = self.today - timedelta(days=self.random.randint(0, 5 * 365))
            agent = self.random.choice(self.agents)
            stage = self.random.choice(self.stages)
            reasons = [] if zone else ["lives outside the zone"]
            created = f"{intake} 09:00:00"
            rows.append(
                (
                    first,
                    last,
                    f"{first} {last}",
                    _fold(f"{first} {last}"),
                    born,
                    self.random.choice(["female", "male"]),
                    niss,
                    "nn",
                    street,
                    zip_code,
                    city,
                    self.belgium.id,
                    f"+324{self.random.randint(60, 99)}{self.random.randint(0, 999999):06d}",
                    self.random.choice(EDUCATION),
                    "none",
                    self.random.choice(CPAS_STATUSES),
                    self.random.random() < 0.6,
                    False,
                    self.random.choice(self.channels).id,
                    intake,
                    agent.id,
                    stage.id,
                    intake,
                    self.company.id,
                    True,
                    age,
                    18 <= age <= 25,
                    zone.id or None,
                    bool(zone),
                    not reasons,
                    ", ".join(reasons) or None,
                    agent.id,
                    created,
                    agent.id,
                    created,
                )
            )
        ids = self.copy_rows(
            Beneficiary._table,
            [
                "first_name",
                "last_name",
                "name",
                "name_key",
                "birth_date",
                "gender",
                "niss",
                "niss_kind",
                "street",
                "zip",
                "city",
                "country_id",
                "mobile",
                "education_level",
                "driving_licence",
                "cpas_status",
                "actiris_registered",
                "actiris_accompanied",
                "referral_channel_id",
                "consent_date",
                "user_id",
                "stage_id",
                "intake_date",
                "company_id",
                "active",
                "age",
                "is_youth",
                "zone_id",
                "in_zone",
                "is_eligible",
                "ineligibility_reason",
                "create_uid",
                "create_date",
                "write_uid",
                "write_date",
            ],
            rows,
        )
        self.beneficiary_ids = ids
        self.log("job_coaching.beneficiary", len(rows), started)

    def run(self):
        started = time.time()
        self.reference()
        self.partners()
        self.beneficiaries()
        self.cr.execute("ANALYZE")
        self.env.invalidate_all()
        self.log("total", self.count, started)


def main(env):
    count = int(os.environ.get("JC_BENEFICIARIES", "1000"))
    Populator(env, count).run()
    # A command-line generator outside any request: it commits its own work.
    env.cr.commit()


if "env" in globals():
    main(env)  # noqa: F821 - given by odoo shell
