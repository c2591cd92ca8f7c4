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

from odoo.addons.job_coaching.tools import age_on, fold, make_register_number

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


class Populator:
    def __init__(self, env, beneficiaries, seed=42):
        self.env = env
        self.cr = env.cr
        self.count = beneficiaries
        self.random = random.Random(seed)
        self.today = date.today()
        self.company = env.company
        self.education_levels = [
            key
            for key, _label in env["job_coaching.beneficiary"]._fields["education_level"].selection
        ]

    # -- helpers ---------------------------------------------------------

    def copy_rows(self, table, columns, rows, audited=False):
        """COPY ``rows`` (tuples in ``columns`` order) into ``table``; return the new ids.

        ``audited``: each row ends with its author and date, written as both the
        creation and the last change.
        """
        if audited:
            columns = [*columns, "create_uid", "create_date", "write_uid", "write_date"]
            rows = [(*row, *row[-2:]) for row in rows]
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
        # About 200 files per agent, as in a CPAS: their sessions fit in their agenda.
        missing = max(0, max(20, self.count // 200) - len(agents))
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
            ],
            rows,
            audited=True,
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
            niss = make_register_number(born, serial)
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
            age = age_on(born, self.today)
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
                    fold(f"{first} {last}"),
                    born,
                    self.random.choice(["female", "male"]),
                    niss,
                    "nn",
                    street,
                    zip_code,
                    city,
                    self.belgium.id,
                    f"+324{self.random.randint(60, 99)}{self.random.randint(0, 999999):06d}",
                    self.random.choice(self.education_levels),
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
            ],
            rows,
            audited=True,
        )
        self.beneficiary_ids = ids
        # (id, agent id, intake date, birth date, cpas status) of each file, for what follows.
        self.files = [
            (ids[i], rows[i][20], rows[i][19], rows[i][4], rows[i][15]) for i in range(len(ids))
        ]
        self.log("job_coaching.beneficiary", len(rows), started)

    # -- sessions: about ten a person, each in a free slot of the agent's agenda

    def sessions(self, per_person=10):
        started = time.time()
        slots = {}  # agent id -> next free slot
        first_day = self.today - timedelta(days=5 * 365)
        hours = (9, 10, 13, 14, 15)
        kinds = [
            "intake",
            "assessment",
            "project",
            "follow_up",
            "follow_up",
            "social_follow_up",
            "job_search",
            "job_search",
            "follow_up",
            "exit",
        ]
        locations = ["pef_office"] * 5 + ["office_hours"] * 2 + ["outreach", "phone", "video"]
        rows = []
        for beneficiary_id, agent_id, _intake, _born, _status in self.files:
            for index in range(per_person):
                slot = slots.get(agent_id, 0)
                slots[agent_id] = slot + 1
                day = first_day + timedelta(days=(slot // len(hours)) * 7 // 5)
                if day.weekday() >= 5:
                    day += timedelta(days=7 - day.weekday())
                start = f"{day} {hours[slot % len(hours)]:02d}:00:00"
                stop = f"{day} {hours[slot % len(hours)]:02d}:45:00"
                roll = self.random.random()
                state = "done" if roll < 0.82 else "no_show" if roll < 0.92 else "cancelled"
                requested = self.random.choice(["agent", "agent", "beneficiary", "partner"])
                created = f"{day} 08:00:00"
                rows.append(
                    (
                        beneficiary_id,
                        agent_id,
                        start,
                        stop,
                        0.75,
                        self.random.choice(locations),
                        kinds[index % len(kinds)],
                        state,
                        self.random.choice(["beneficiary", "agent"])
                        if state == "cancelled"
                        else None,
                        requested,
                        requested != "agent",
                        self.company.id,
                        agent_id,
                        created,
                    )
                )
        self.copy_rows(
            "job_coaching_session",
            [
                "beneficiary_id",
                "user_id",
                "start",
                "stop",
                "duration",
                "location",
                "kind",
                "state",
                "cancelled_by",
                "requested_by",
                "is_appointment_request",
                "company_id",
            ],
            rows,
            audited=True,
        )
        self.log("job_coaching.session", len(rows), started)

    # -- table emploi workshops: one a week per 2,000 people, twelve seats

    def workshops(self):
        started = time.time()
        topics = ["cv", "cover_letter", "interview", "actiris_info"]
        count = max(10, self.count // 100)
        first_day = self.today - timedelta(days=5 * 365)
        rows = []
        for index in range(count):
            day = first_day + timedelta(days=index * 5 * 365 // count)
            rows.append(
                (
                    f"Table emploi {index + 1}",
                    topics[index % len(topics)],
                    f"{day} 09:30:00",
                    f"{day} 12:00:00",
                    "EAT vzw",
                    self.random.choice(self.agents).id,
                    12,
                    "done",
                    self.company.id,
                    10,
                    0,
                )
            )
        workshop_ids = self.copy_rows(
            "job_coaching_workshop",
            [
                "name",
                "topic",
                "start",
                "stop",
                "location",
                "facilitator_id",
                "capacity",
                "state",
                "company_id",
                "seats_taken",
                "attended_count",
            ],
            rows,
        )
        registrations = []
        people = self.random.sample(self.files, min(len(self.files), count * 10))
        for index, (beneficiary_id, *_rest) in enumerate(people):
            workshop = index // 10
            registrations.append(
                (
                    workshop_ids[workshop],
                    beneficiary_id,
                    "attended" if self.random.random() < 0.8 else "absent",
                    rows[workshop][2],
                    rows[workshop][1],
                    self.company.id,
                )
            )
        self.copy_rows(
            "job_coaching_workshop_registration",
            ["workshop_id", "beneficiary_id", "attendance", "start", "topic", "company_id"],
            registrations,
        )
        self.cr.execute(
            """
            UPDATE job_coaching_workshop w
               SET seats_taken = r.taken, attended_count = r.attended
              FROM (SELECT workshop_id, count(*) AS taken,
                           count(*) FILTER (WHERE attendance = 'attended') AS attended
                      FROM job_coaching_workshop_registration GROUP BY workshop_id) r
             WHERE r.workshop_id = w.id
            """
        )
        self.log("job_coaching.workshop + registrations", len(rows) + len(registrations), started)

    # -- employers, vacancies and applications --------------------------------

    def employment(self):
        started = time.time()
        env = self.env
        employers = max(20, self.count // 500)
        partner_rows = [
            (
                f"Employer {index:04d}",
                f"Employer {index:04d}",
                "1090",
                "Jette",
                self.belgium.id,
                self.company.id,
                True,
                "contact",
                True,
                True,
                index % 10 == 0,
                "en_US",
            )
            for index in range(employers)
        ]
        employer_ids = self.copy_rows(
            "res_partner",
            [
                "name",
                "complete_name",
                "zip",
                "city",
                "country_id",
                "company_id",
                "active",
                "type",
                "is_company",
                "is_employer",
                "is_cqd_project",
                "lang",
            ],
            partner_rows,
        )
        types = ["art60", "fixed_term", "open_ended", "interim", "training_placement"]
        vacancies = max(20, self.count // 50)
        vacancy_rows = [
            (
                f"Job {index:05d}",
                self.random.choice(employer_ids),
                self.random.choice(types),
                self.random.randint(1, 3),
                38.0,
                self.random.random() < 0.3,
                "open",
                self.company.id,
                True,
                0,
                self.random.choice(self.agents).id,
            )
            for index in range(vacancies)
        ]
        vacancy_ids = self.copy_rows(
            "job_coaching_vacancy",
            [
                "title",
                "employer_id",
                "contract_type",
                "positions",
                "weekly_hours",
                "in_zone",
                "state",
                "company_id",
                "active",
                "positions_filled",
                "user_id",
            ],
            vacancy_rows,
        )
        employer_of = {vid: vacancy_rows[i][1] for i, vid in enumerate(vacancy_ids)}
        application_rows = []
        for beneficiary_id, _agent, intake, _born, _status in self.random.sample(
            self.files, min(len(self.files), self.count // 5)
        ):
            vacancy_id = self.random.choice(vacancy_ids)
            state = self.random.choice(["proposed", "sent", "interview", "refused", "withdrawn"])
            application_rows.append(
                (
                    vacancy_id,
                    beneficiary_id,
                    employer_of[vacancy_id],
                    self.company.id,
                    state,
                    intake + timedelta(days=30),
                )
            )
        self.copy_rows(
            "job_coaching_application",
            ["vacancy_id", "beneficiary_id", "employer_id", "company_id", "state", "date_sent"],
            application_rows,
        )
        self.employer_ids = employer_ids
        env.invalidate_all()
        self.log(
            "employers + vacancies + applications",
            employers + vacancies + len(application_rows),
            started,
        )

    # -- art. 60 contracts (ORM: their end dates come from the duration rules)

    def contracts(self):
        started = time.time()
        eligible = [f for f in self.files if f[4] in ("ris", "equivalent_aid")]
        chosen = self.random.sample(eligible, min(len(eligible), self.count // 20))
        Contract = self.env["job_coaching.art60.contract"].with_context(
            tracking_disable=True, mail_create_nolog=True, mail_notrack=True
        )
        vals_list = []
        for beneficiary_id, _agent, intake, _born, _status in chosen:
            vals_list.append(
                {
                    "beneficiary_id": beneficiary_id,
                    "placement": "internal",
                    "job_title": "Ouvrier polyvalent",
                    "working_time": self.random.choice([1.0, 0.8, 0.5]),
                    "date_start": intake + timedelta(days=90),
                }
            )
        for start in range(0, len(vals_list), 1000):
            Contract.create(vals_list[start : start + 1000])
            self.env.flush_all()
            self.env.invalidate_all()
        # Running where the end is to come, ended otherwise.
        self.cr.execute(
            """
            UPDATE job_coaching_art60_contract
               SET state = CASE WHEN date_end >= %s THEN 'running' ELSE 'ended' END,
                   outcome = CASE WHEN date_end >= %s THEN NULL ELSE 'unemployment_rights' END,
                   date_end_actual = CASE WHEN date_end >= %s THEN NULL ELSE date_end END
            """,
            (self.today, self.today, self.today),
        )
        self.log("job_coaching.art60.contract", len(vals_list), started)

    # -- exits and their +3/+6 month follow-ups --------------------------------

    def exits(self):
        started = time.time()
        reasons = ["job", "job", "art60", "training", "moved_out", "lost_contact", "other"]
        exit_rows = []
        for beneficiary_id, _agent, intake, _born, _status in self.random.sample(
            self.files, min(len(self.files), self.count // 5)
        ):
            day = min(intake + timedelta(days=self.random.randint(120, 600)), self.today)
            reason = self.random.choice(reasons)
            exit_rows.append(
                (
                    beneficiary_id,
                    self.company.id,
                    day,
                    reason,
                    "open_ended" if reason == "job" else None,
                )
            )
        exit_ids = self.copy_rows(
            "job_coaching_exit",
            ["beneficiary_id", "company_id", "date", "reason", "contract_type"],
            exit_rows,
        )
        followups = []
        for exit_id, (beneficiary_id, company_id, day, reason, _type) in zip(
            exit_ids, exit_rows, strict=True
        ):
            for months in (3, 6):
                due = day + timedelta(days=30 * months)
                if due <= self.today:
                    followups.append(
                        (
                            exit_id,
                            beneficiary_id,
                            company_id,
                            str(months),
                            due,
                            due,
                            reason in ("job", "art60") and self.random.random() < 0.7,
                        )
                    )
        self.copy_rows(
            "job_coaching_exit_followup",
            [
                "exit_id",
                "beneficiary_id",
                "company_id",
                "offset_months",
                "date_due",
                "date_done",
                "still_employed",
            ],
            followups,
        )
        self.log("job_coaching.exit + follow-ups", len(exit_rows) + len(followups), started)

    def run(self):
        started = time.time()
        self.reference()
        self.partners()
        self.beneficiaries()
        self.sessions()
        self.workshops()
        self.employment()
        self.contracts()
        self.exits()
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
