# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Fill a job_coaching database with fictional but plausible data, fast.

Run inside ``odoo shell`` (``scripts/populate`` does it): ``env`` is given.
Sizes scale on JC_BENEFICIARIES (default 1000) over JC_COMPANIES CPAS (one
company each; by default 581 for a million files, in proportion below).

The reference records go through the ORM, in batches: the companies, their
coordinators and agents (users with their partners, groups and companies, as
Odoo creates them; one password hash is computed once and stored with the
ORM's own method), and one zone per CPAS. The bulk rows (partners, files,
sessions, workshops, employers, vacancies, applications, exits) are written
with PostgreSQL's COPY, their stored computed values worked out in Python
with the add-on's own functions; the art. 60 contracts go through the ORM for
their computed end dates. The plain indexes of the big tables are dropped
during the COPY and rebuilt after it, from their own definitions.

At the end, a sample of every kind of record is read back through the ORM:
its stored computed fields are recomputed and compared with what was written,
every constraint of the model is run on it, and a sample of users log in and
see what their groups and companies give them. Any difference stops the
script (the transaction is not committed).
"""

import io
import logging
import os
import queue
import random
import sys
import threading
import time
from contextlib import contextmanager
from datetime import date, timedelta

from odoo import Command
from odoo.exceptions import AccessDenied
from odoo.tools import SQL

from odoo.addons.job_coaching.tools import age_on, fold, make_register_number

_logger = logging.getLogger("job_coaching.populate")

# The password of every generated user (agents and coordinators).
PASSWORD = "bench"
# Belgium has 581 municipalities, each with its CPAS.
CPAS_PER_MILLION_FILES = 581
FILES_PER_AGENT = 200
SESSIONS_PER_FILE = 10
# Rows per COPY statement.
CHUNK = 200_000
# Session slots of a day (UTC start, end): five interviews of 45 minutes.
SLOTS = [(f"{hour:02d}:00:00", f"{hour:02d}:45:00") for hour in (8, 9, 12, 13, 14)]


def default_companies(beneficiaries):
    """One CPAS per 1,721 files: 581 at a million."""
    return max(1, round(beneficiaries * CPAS_PER_MILLION_FILES / 1_000_000))


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
SESSION_KINDS = [
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
SESSION_LOCATIONS = ["pef_office"] * 5 + ["office_hours"] * 2 + ["outreach", "phone", "video"]


class PopulateError(Exception):
    """What the check found wrong in the generated rows."""


class Populator:
    def __init__(self, env, beneficiaries, companies, seed=42):
        self.env = env
        self.cr = env.cr
        self.count = beneficiaries
        self.company_count = max(1, min(companies, beneficiaries))
        self.random = random.Random(seed)
        self.today = date.today()
        self.education_levels = [
            key
            for key, _label in env["job_coaching.beneficiary"]._fields["education_level"].selection
        ]
        # Files per company, the first ones one more when it does not divide.
        base, rest = divmod(self.count, self.company_count)
        self.sizes = [base + (1 if index < rest else 0) for index in range(self.company_count)]

    # -- helpers ---------------------------------------------------------

    def next_id(self, table):
        # The table names are the add-on's and Odoo's own, never user input.
        self.cr.execute(SQL("SELECT COALESCE(MAX(id), 0) + 1 FROM %s", SQL.identifier(table)))
        return self.cr.fetchone()[0]

    def copy_rows(self, table, columns, rows, audited=False):
        """COPY ``rows`` (tuples whose first value is the id, then ``columns``)
        into ``table``; return the ids.

        ``audited``: each row ends with its author and date, written as both the
        creation and the last change.
        """
        if audited:
            columns = [*columns, "create_uid", "create_date", "write_uid", "write_date"]
            rows = [(*row, *row[-2:]) for row in rows]
        ids = [row[0] for row in rows]
        for start in range(0, len(rows), CHUNK):
            buffer = io.StringIO()
            for row in rows[start : start + CHUNK]:
                buffer.write("\t".join(self._copy_value(v) for v in row) + "\n")
            buffer.seek(0)
            self.cr.copy_from(buffer, table, columns=["id", *columns], null="\\N")
        self._sync_sequence(table)
        return ids

    def copy_partners(self, rows, columns, audited=False):
        """COPY partners into res_partner: ``rows`` of (id, name, company id,
        is a company, then ``columns``), each in Jette, its own commercial
        partner, active, shared, in English; ``audited`` as in copy_rows."""
        return self.copy_rows(
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
                "commercial_partner_id",
                "partner_share",
                "lang",
                *columns,
            ],
            [
                (
                    partner_id,
                    name,
                    name,
                    "1090",
                    "Jette",
                    self.belgium.id,
                    company_id,
                    True,
                    "contact",
                    is_company,
                    partner_id,
                    True,
                    "en_US",
                    *values,
                )
                for partner_id, name, company_id, is_company, *values in rows
            ],
            audited=audited,
        )

    def copy_chunks(self, table, columns, chunks):
        """COPY text chunks (tab-separated lines: id, then ``columns``) made by
        the generator ``chunks`` in a second thread, while the previous one
        is written: Python and PostgreSQL each keep a core busy."""
        ready = queue.Queue(maxsize=2)
        failure = []

        def produce():
            try:
                for chunk in chunks:
                    ready.put(chunk)
            except Exception as error:  # handed over to the main thread, raised there
                failure.append(error)
            finally:
                ready.put(None)

        producer = threading.Thread(target=produce, daemon=True)
        producer.start()
        count = 0
        while (chunk := ready.get()) is not None:
            self.cr.copy_from(io.StringIO(chunk), table, columns=["id", *columns], null="\\N")
            count += chunk.count("\n")
        producer.join()
        if failure:
            raise failure[0]
        self._sync_sequence(table)
        return count

    def _sync_sequence(self, table):
        self.cr.execute(
            SQL(
                "SELECT setval(%s, (SELECT MAX(id) FROM %s))",
                f"{table}_id_seq",
                SQL.identifier(table),
            )
        )

    @contextmanager
    def bulk_load(self, *tables):
        """Load ``tables`` as PostgreSQL's manual advises ("Populating a
        Database"): drop their plain indexes (not those of a constraint) and
        their foreign keys, then build the indexes again from their
        definitions and add the foreign keys back, which checks every row in
        one pass instead of a lookup per row."""
        self.cr.execute(
            """
            SELECT i.indexname, i.indexdef FROM pg_indexes i
             WHERE i.schemaname = current_schema() AND i.tablename = ANY(%s)
               AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
            """,
            [list(tables)],
        )
        indexes = self.cr.fetchall()
        self.cr.execute(
            """
            SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
              FROM pg_constraint c
             WHERE c.contype = 'f' AND c.conrelid::regclass::text = ANY(%s)
            """,
            [list(tables)],
        )
        foreign_keys = self.cr.fetchall()
        for name, _definition in indexes:
            self.cr.execute(SQL("DROP INDEX %s", SQL.identifier(name)))
        for table, name, _definition in foreign_keys:
            self.cr.execute(
                SQL(
                    "ALTER TABLE %s DROP CONSTRAINT %s", SQL.identifier(table), SQL.identifier(name)
                )
            )
        yield
        started = time.time()
        self.cr.execute("SET LOCAL maintenance_work_mem = '512MB'")
        for _name, definition in indexes:
            self.cr.execute(definition)
        for table, name, definition in foreign_keys:
            # (the definition is PostgreSQL's own, read back from its catalog)
            self.cr.execute(
                SQL(
                    "ALTER TABLE %s ADD CONSTRAINT %s %s",
                    SQL.identifier(table),
                    SQL.identifier(name),
                    SQL(definition),
                )
            )
        self.log(
            f"  {len(indexes)} indexes and {len(foreign_keys)} foreign keys of {', '.join(tables)}",
            None,
            started,
        )

    @staticmethod
    def _copy_value(value):
        if value is None or value is False:
            return "\\N" if value is None else "f"
        if value is True:
            return "t"
        text = str(value)
        return text.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ")

    def log(self, what, count, started):
        rows = "" if count is None else f": {count} rows"
        line = f"{what}{rows} in {time.time() - started:.1f} s"
        _logger.info(line)
        sys.stdout.write(line + "\n")
        sys.stdout.flush()

    def company_slices(self, items):
        """``items`` (in company order) cut into one list per company, by size."""
        slices, start = [], 0
        for size in self.sizes:
            slices.append(items[start : start + size])
            start += size
        return slices

    # -- reference records (ORM, in batches) ---------------------------------

    def companies(self):
        started = time.time()
        env = self.env
        self.belgium = env.ref("base.be")
        self.stages = env["job_coaching.stage"].search([])
        self.channels = env["job_coaching.referral.channel"].search([])
        main = env.ref("base.main_company")
        main.name = "CPAS 001"
        created = env["res.company"].create(
            [
                {"name": f"CPAS {index:03d}", "country_id": self.belgium.id}
                for index in range(2, self.company_count + 1)
            ]
        )
        self.company_ids = [main.id, *created.ids]
        self.log("res.company", len(self.company_ids), started)

    def users(self):
        """A coordinator and one agent per 200 files in each CPAS, in batches
        through the ORM; one password hash for all, stored the ORM's way."""
        started = time.time()
        env = self.env
        agent_group = env.ref("job_coaching.group_job_coaching_user")
        manager_group = env.ref("job_coaching.group_job_coaching_manager")
        vals_list = []
        for index, (company_id, size) in enumerate(zip(self.company_ids, self.sizes, strict=True)):
            number = index + 1
            common = {"company_id": company_id, "company_ids": [Command.set([company_id])]}
            vals_list.append(
                {
                    "name": f"Coordinator {number:03d}",
                    "login": f"bench_coordinator_{number:03d}",
                    "groups_id": [Command.set([manager_group.id])],
                    **common,
                }
            )
            for agent in range(max(1, round(size / FILES_PER_AGENT))):
                vals_list.append(
                    {
                        "name": f"Agent {number:03d}-{agent + 1:02d}",
                        "login": f"bench_agent_{number:03d}_{agent + 1:02d}",
                        "groups_id": [Command.set([agent_group.id])],
                        **common,
                    }
                )
        Users = env["res.users"].with_context(
            no_reset_password=True, mail_create_nolog=True, tracking_disable=True
        )
        users = Users.browse()
        for start in range(0, len(vals_list), 500):
            users |= Users.create(vals_list[start : start + 500])
            env.flush_all()
        hashed = Users._crypt_context().hash(PASSWORD)
        for user_id in users.ids:
            Users._set_encrypted_password(user_id, hashed)
        self.agents_of = {company_id: [] for company_id in self.company_ids}
        self.coordinator_of = {}
        for user, vals in zip(users, vals_list, strict=True):
            if vals["login"].startswith("bench_agent_"):
                self.agents_of[vals["company_id"]].append(user.id)
            else:
                self.coordinator_of[vals["company_id"]] = user.id
        env.invalidate_all()
        self.log("res.users (coordinators and agents)", len(users), started)

    def zones(self):
        """The Magritte zone in the first CPAS; a zone with the same streets in
        each of the others."""
        started = time.time()
        env = self.env
        magritte = env.ref("job_coaching.zone_magritte")
        if magritte.company_id.id != self.company_ids[0]:
            raise PopulateError("The Magritte zone is not in the main company.")
        streets = [(street.name, street.name_nl) for street in magritte.street_ids]
        zones = env["job_coaching.zone"].create(
            [
                {
                    "name": f"CQD {index + 1:03d}",
                    "code": f"CQD{index + 1:03d}",
                    "zip": magritte.zip,
                    "city": magritte.city,
                    "date_start": magritte.date_start,
                    "date_end": magritte.date_end,
                    "company_id": company_id,
                    "street_ids": [
                        Command.create({"name": name, "name_nl": name_nl})
                        for name, name_nl in streets
                    ],
                }
                for index, company_id in enumerate(self.company_ids)
                if index
            ]
        )
        self.zone_of = {self.company_ids[0]: magritte.id}
        self.zone_of.update(zip(self.company_ids[1:], zones.ids, strict=True))
        self.magritte = magritte
        self.zone_keys = magritte._match_keys()
        self.zone_streets = streets
        self._in_zone = {}
        self.log("job_coaching.zone + streets", len(self.zone_of), started)

    def in_zone(self, street, zip_code):
        """Whether an address lies in the zone: every CPAS's zone has the
        Magritte streets, so the answer is the Magritte zone's."""
        key = (street, zip_code)
        if key not in self._in_zone:
            self._in_zone[key] = bool(self.magritte._find_zone(street, zip_code, self.zone_keys))
        return self._in_zone[key]

    # -- partners (the anchor of the list benchmark) ------------------------

    def partners(self):
        started = time.time()
        now = f"{self.today} 08:00:00"
        first = self.next_id("res_partner")
        rows = []
        index = 0
        for company_id, size in zip(self.company_ids, self.sizes, strict=True):
            for _person in range(size):
                name = f"{self.random.choice(FIRST_NAMES)} {self.random.choice(LAST_NAMES)}"
                email = f"bench.partner{index}@example.com"
                rows.append(
                    (
                        first + index,
                        name,
                        company_id,
                        False,
                        f"{index} Rue de la Bench",
                        email,
                        email,
                        1,
                        now,
                    )
                )
                index += 1
        with self.bulk_load("res_partner"):
            self.copy_partners(rows, ["street", "email", "email_normalized"], audited=True)
        self.partner_ids = [row[0] for row in rows]
        self.log("res.partner", len(rows), started)

    # -- beneficiaries -------------------------------------------------------

    def beneficiaries(self):
        started = time.time()
        first = self.next_id("job_coaching_beneficiary")
        rows = []
        used = set()
        serial = 0
        for company_id, size in zip(self.company_ids, self.sizes, strict=True):
            agents = self.agents_of[company_id]
            zone_id = self.zone_of[company_id]
            for _index in range(size):
                born = self.today - timedelta(days=self.random.randint(18 * 365, 64 * 365))
                serial = (serial % 997) + 1
                while (born, serial) in used:
                    serial = (serial % 997) + 1
                    born -= timedelta(days=1)
                used.add((born, serial))
                niss = make_register_number(born, serial)
                first_name = self.random.choice(FIRST_NAMES)
                last_name = self.random.choice(LAST_NAMES)
                if self.random.random() < 0.7:
                    french, dutch = self.random.choice(self.zone_streets)
                    name = self.random.choice([french, dutch or french])
                    street = f"{name} {self.random.randint(1, 250)}"
                    zip_code, city = "1090", "Jette"
                else:
                    name, zip_code, city = self.random.choice(OUTSIDE_STREETS)
                    street = f"{name} {self.random.randint(1, 250)}"
                in_zone = self.in_zone(street, zip_code)
                age = age_on(born, self.today)
                # A month at least since the intake: the first sessions are held.
                intake = self.today - timedelta(days=self.random.randint(30, 5 * 365))
                agent = self.random.choice(agents)
                created = f"{intake} 09:00:00"
                rows.append(
                    (
                        first + len(rows),
                        first_name,
                        last_name,
                        f"{first_name} {last_name}",
                        fold(f"{first_name} {last_name}"),
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
                        agent,
                        agent,
                        self.random.choice(self.stages).id,
                        intake,
                        company_id,
                        True,
                        age,
                        18 <= age <= 25,
                        zone_id if in_zone else None,
                        in_zone,
                        in_zone,
                        None if in_zone else "lives outside the zone",
                        False,
                        False,
                        "en_US",
                        agent,
                        created,
                    )
                )
        with self.bulk_load("job_coaching_beneficiary"):
            self.copy_rows(
                "job_coaching_beneficiary",
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
                    "consent_user_id",
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
                    "employer_sharing_refused",
                    "email_reminder_consent",
                    "lang",
                ],
                rows,
                audited=True,
            )
        # (id, agent id, intake date, cpas status, company id) of each file, in company order.
        self.files = [(row[0], row[22], row[24], row[16], row[25]) for row in rows]
        self.log("job_coaching.beneficiary", len(rows), started)

    def situations(self):
        """One residence and status period per file, from its intake, as the
        application begins it when a file is created: the reports look the
        period of each event's day up in this table."""
        started = time.time()
        self.cr.execute(
            SQL(
                """
                INSERT INTO job_coaching_situation
                       (beneficiary_id, company_id, date_from, street, street2, zip, city,
                        zone_id, in_zone, cpas_status, create_uid, create_date, write_uid,
                        write_date)
                SELECT id, company_id, intake_date, street, street2, zip, city,
                       zone_id, in_zone, cpas_status, %(uid)s, create_date, %(uid)s, create_date
                  FROM job_coaching_beneficiary
                 WHERE id >= %(first)s
                """,
                uid=self.env.uid,
                first=self.first_ids["job_coaching_beneficiary"],
            )
        )
        self.log("job_coaching.situation", self.cr.rowcount, started)

    # -- sessions: about ten a person, each in a free slot of the agent's agenda

    def sessions(self):
        """Ten sessions a file, from its intake on, every three weeks (closer
        for recent files), each in the first free slot of the agent's agenda
        on or after that day (five slots a working day). All are in the past:
        done, missed or cancelled."""
        started = time.time()
        first_day = self.today - timedelta(days=5 * 365 + 7)
        last = (self.today - first_day).days - 1  # yesterday
        day_names = [str(first_day + timedelta(days=offset)) for offset in range(last + 1)]
        working = [(first_day + timedelta(days=o)).weekday() < 5 for o in range(last + 1)]
        first = self.next_id("job_coaching_session")
        files = self.files
        rnd = self.random

        def chunks():
            agendas = {}
            lines = []
            session_id = first
            for beneficiary_id, agent_id, intake, _status, company_id in files:
                agenda = agendas.get(agent_id)
                if agenda is None:
                    agenda = agendas[agent_id] = bytearray(last + 1)
                start_day = (intake - first_day).days
                gap = min(21, max(1, (last - start_day) // SESSIONS_PER_FILE))
                for index in range(SESSIONS_PER_FILE):
                    want = start_day + index * gap
                    day = want
                    while day <= last and (not working[day] or agenda[day] >= len(SLOTS)):
                        day += 1
                    if day > last:
                        day = want
                        while not working[day] or agenda[day] >= len(SLOTS):
                            day -= 1
                    start, stop = SLOTS[agenda[day]]
                    agenda[day] += 1
                    name = day_names[day]
                    roll = rnd.random()
                    if roll < 0.82:
                        state, cancelled_by, rate = "done", "\\N", "0.0"
                    elif roll < 0.92:
                        state, cancelled_by, rate = "no_show", "\\N", "100.0"
                    else:
                        state, rate = "cancelled", "0.0"
                        cancelled_by = "beneficiary" if rnd.random() < 0.5 else "agent"
                    requested = rnd.choice(("agent", "agent", "beneficiary", "partner"))
                    lines.append(
                        f"{session_id}\t{beneficiary_id}\t{agent_id}\t{name} {start}\t"
                        f"{name} {stop}\t0.75\t{rnd.choice(SESSION_LOCATIONS)}\t"
                        f"{SESSION_KINDS[index]}\t{state}\t{cancelled_by}\t{requested}\t"
                        f"{'f' if requested == 'agent' else 't'}\t{company_id}\t{rate}\t"
                        f"{agent_id}\t{name} 07:00:00\t{agent_id}\t{name} 07:00:00\n"
                    )
                    session_id += 1
                if len(lines) >= CHUNK:
                    yield "".join(lines)
                    lines = []
            if lines:
                yield "".join(lines)

        with self.bulk_load("job_coaching_session"):
            count = self.copy_chunks(
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
                    "no_show_rate",
                    "create_uid",
                    "create_date",
                    "write_uid",
                    "write_date",
                ],
                chunks(),
            )
        self.log("job_coaching.session", count, started)

    # -- table emploi workshops: one per hundred files, ten registered each

    def workshops(self):
        started = time.time()
        topics = ["cv", "cover_letter", "interview", "actiris_info"]
        first_day = self.today - timedelta(days=5 * 365)
        workshop_rows, registration_rows = [], []
        first = self.next_id("job_coaching_workshop")
        first_registration = self.next_id("job_coaching_workshop_registration")
        for company_id, files in zip(
            self.company_ids, self.company_slices(self.files), strict=True
        ):
            count = max(2, len(files) // 100)
            agents = self.agents_of[company_id]
            people = self.random.sample(files, min(len(files), count * 10))
            for index in range(count):
                day = first_day + timedelta(days=index * 5 * 365 // count)
                if day.weekday() >= 5:
                    day -= timedelta(days=day.weekday() - 4)
                workshop_id = first + len(workshop_rows)
                seats = people[index * 10 : index * 10 + 10]
                attended = [self.random.random() < 0.8 for _person in seats]
                workshop_rows.append(
                    (
                        workshop_id,
                        f"Table emploi {index + 1}",
                        topics[index % len(topics)],
                        f"{day} 09:30:00",
                        f"{day} 12:00:00",
                        "EAT vzw",
                        self.random.choice(agents),
                        12,
                        "done",
                        company_id,
                        len(seats),
                        sum(attended),
                    )
                )
                for (beneficiary_id, *_rest), came in zip(seats, attended, strict=True):
                    registration_rows.append(
                        (
                            first_registration + len(registration_rows),
                            workshop_id,
                            beneficiary_id,
                            "attended" if came else "absent",
                            f"{day} 09:30:00",
                            topics[index % len(topics)],
                            company_id,
                        )
                    )
        self.copy_rows(
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
            workshop_rows,
        )
        with self.bulk_load("job_coaching_workshop_registration"):
            self.copy_rows(
                "job_coaching_workshop_registration",
                ["workshop_id", "beneficiary_id", "attendance", "start", "topic", "company_id"],
                registration_rows,
            )
        self.log(
            "job_coaching.workshop + registrations",
            len(workshop_rows) + len(registration_rows),
            started,
        )

    # -- employers, vacancies and applications --------------------------------

    def employment(self):
        started = time.time()
        types = ["art60", "fixed_term", "open_ended", "interim", "training_placement"]
        states = ["proposed", "sent", "interview", "refused", "withdrawn"]
        employer_rows, vacancy_rows, application_rows = [], [], []
        first_employer = self.next_id("res_partner")
        first_vacancy = self.next_id("job_coaching_vacancy")
        first_application = self.next_id("job_coaching_application")
        self.vacancy_of = {}
        for company_id, files in zip(
            self.company_ids, self.company_slices(self.files), strict=True
        ):
            number = len(employer_rows)
            employers = []
            for index in range(max(2, len(files) // 500)):
                employer_id = first_employer + len(employer_rows)
                name = f"Employer {number + index:05d}"
                employer_rows.append((employer_id, name, company_id, True, True, index % 10 == 0))
                employers.append(employer_id)
            vacancies = []
            agents = self.agents_of[company_id]
            for _index in range(max(2, len(files) // 50)):
                vacancy_id = first_vacancy + len(vacancy_rows)
                employer_id = self.random.choice(employers)
                vacancy_rows.append(
                    (
                        vacancy_id,
                        f"Job {len(vacancy_rows):06d}",
                        employer_id,
                        self.random.choice(types),
                        self.random.randint(1, 3),
                        38.0,
                        self.random.random() < 0.3,
                        "open",
                        company_id,
                        True,
                        0,
                        self.random.choice(agents),
                    )
                )
                vacancies.append((vacancy_id, employer_id))
            self.vacancy_of[company_id] = vacancies[0][0]
            for beneficiary_id, _agent, intake, _status, _company in self.random.sample(
                files, len(files) // 5
            ):
                vacancy_id, employer_id = self.random.choice(vacancies)
                application_rows.append(
                    (
                        first_application + len(application_rows),
                        vacancy_id,
                        beneficiary_id,
                        employer_id,
                        company_id,
                        self.random.choice(states),
                        intake + timedelta(days=30),
                    )
                )
        self.copy_partners(employer_rows, ["is_employer", "is_cqd_project"])
        self.copy_rows(
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
        with self.bulk_load("job_coaching_application"):
            self.copy_rows(
                "job_coaching_application",
                [
                    "vacancy_id",
                    "beneficiary_id",
                    "employer_id",
                    "company_id",
                    "state",
                    "date_sent",
                ],
                application_rows,
            )
        self.env.invalidate_all()
        self.log(
            "employers + vacancies + applications",
            len(employer_rows) + len(vacancy_rows) + len(application_rows),
            started,
        )

    # -- art. 60 contracts (ORM: their end dates come from the duration rules)

    def contracts(self):
        started = time.time()
        eligible = [f for f in self.files if f[3] in ("ris", "equivalent_aid")]
        chosen = self.random.sample(eligible, min(len(eligible), self.count // 20))
        Contract = self.env["job_coaching.art60.contract"].with_context(
            tracking_disable=True, mail_create_nolog=True, mail_notrack=True
        )
        vals_list = [
            {
                "beneficiary_id": beneficiary_id,
                "company_id": company_id,
                "placement": "internal",
                "job_title": "Ouvrier polyvalent",
                "working_time": self.random.choice([1.0, 0.8, 0.5]),
                "date_start": intake + timedelta(days=90),
            }
            for beneficiary_id, _agent, intake, _status, company_id in chosen
        ]
        for start in range(0, len(vals_list), 2000):
            Contract.create(vals_list[start : start + 2000])
            self.env.flush_all()
            self.env.invalidate_all()
        # Running where the end is to come, ended otherwise.
        self.cr.execute(
            """
            UPDATE job_coaching_art60_contract
               SET state = CASE WHEN date_end >= %(today)s THEN 'running' ELSE 'ended' END,
                   outcome = CASE WHEN date_end >= %(today)s THEN NULL
                                  ELSE 'unemployment_rights' END,
                   date_end_actual = CASE WHEN date_end >= %(today)s THEN NULL ELSE date_end END
            """,
            {"today": self.today},
        )
        self.log("job_coaching.art60.contract", len(vals_list), started)

    # -- exits and their +3/+6 month follow-ups --------------------------------

    def exits(self):
        started = time.time()
        reasons = ["job", "job", "art60", "training", "moved_out", "lost_contact", "other"]
        exit_rows, followups = [], []
        first = self.next_id("job_coaching_exit")
        first_followup = self.next_id("job_coaching_exit_followup")
        for beneficiary_id, _agent, intake, _status, company_id in self.random.sample(
            self.files, self.count // 5
        ):
            day = min(intake + timedelta(days=self.random.randint(120, 600)), self.today)
            reason = self.random.choice(reasons)
            exit_id = first + len(exit_rows)
            exit_rows.append(
                (
                    exit_id,
                    beneficiary_id,
                    company_id,
                    day,
                    reason,
                    "open_ended" if reason == "job" else None,
                )
            )
            for months in (3, 6):
                due = day + timedelta(days=30 * months)
                if due <= self.today:
                    followups.append(
                        (
                            first_followup + len(followups),
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
            "job_coaching_exit",
            ["beneficiary_id", "company_id", "date", "reason", "contract_type"],
            exit_rows,
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

    # -- the check: a sample read back through the ORM ------------------------

    def check(self, sample=40):
        """Recompute the stored computed fields of a sample of each model and
        run its constraints; log a sample of users in and read as them."""
        started = time.time()
        problems = []
        for model in (
            "res.partner",
            "res.users",
            "job_coaching.zone",
            "job_coaching.beneficiary",
            "job_coaching.situation",
            "job_coaching.session",
            "job_coaching.workshop",
            "job_coaching.workshop.registration",
            "job_coaching.vacancy",
            "job_coaching.application",
            "job_coaching.art60.contract",
            "job_coaching.exit",
            "job_coaching.exit.followup",
        ):
            problems += self._check_model(model, sample)
        problems += self._check_users()
        if problems:
            for problem in problems[:50]:
                sys.stdout.write(f"CHECK: {problem}\n")
            raise PopulateError(f"{len(problems)} differences between the rows and the ORM")
        self.log("check through the ORM (sample of every model, users)", None, started)

    def _check_model(self, model, sample):
        env = self.env
        Model = env[model].with_context(active_test=False)
        table = Model._table
        # A random sample of the ids written here (from their range: the
        # tables hold millions of rows).
        self.cr.execute(
            SQL(
                "SELECT min(id), max(id) FROM %s WHERE id >= %s",
                SQL.identifier(table),
                self.first_ids.get(table, 0),
            )
        )
        low, high = self.cr.fetchone()
        if low is None:
            return [f"{model}: no row written"]
        candidates = {self.random.randint(low, high) for _draw in range(sample * 3)}
        self.cr.execute(
            SQL("SELECT id FROM %s WHERE id = ANY(%s)", SQL.identifier(table), sorted(candidates))
        )
        ids = sorted(row[0] for row in self.cr.fetchall())
        records = Model.browse(self.random.sample(ids, min(sample, len(ids))))
        names = [
            name
            for name, field in Model._fields.items()
            if field.store and field.compute and field.column_type
        ]
        problems = []
        with self.cr.savepoint(flush=False) as savepoint:
            env.invalidate_all()
            written = {row["id"]: row for row in records.read(names, load=None)}
            # One record at a time: a batch of records far apart in time would
            # make some constraints compare every pair (the agent's agenda).
            for record in records:
                # The constraints on the row as written, then its computed values.
                env.invalidate_all()
                try:
                    record._validate_fields(list(Model._fields))
                except Exception as error:  # any refusal, reported with the record
                    problems.append(f"{model}({record.id}): a constraint refuses it: {error}")
                env.invalidate_all()
                for name in names:
                    env.add_to_compute(Model._fields[name], record)
                [computed] = record.read(names, load=None)
                for name in names:
                    if written[record.id][name] != computed[name]:
                        problems.append(
                            f"{model}({record.id}).{name}: written {written[record.id][name]!r}, "
                            f"the ORM computes {computed[name]!r}"
                        )
            savepoint.rollback()
        env.invalidate_all()
        return problems

    def _check_users(self):
        """Each sampled user logs in with the password, belongs to the groups and
        company given, and reads the files their group lets them read."""
        env = self.env
        problems = []
        agent_group = env.ref("job_coaching.group_job_coaching_user")
        manager_group = env.ref("job_coaching.group_job_coaching_manager")
        Beneficiary = env["job_coaching.beneficiary"]
        companies = self.random.sample(self.company_ids, min(3, len(self.company_ids)))
        for company_id in companies:
            coordinator = env["res.users"].browse(self.coordinator_of[company_id])
            agent = env["res.users"].browse(self.random.choice(self.agents_of[company_id]))
            for user, group in ((coordinator, manager_group), (agent, agent_group)):
                try:
                    user.with_user(user)._check_credentials(
                        {"type": "password", "password": PASSWORD}, {"interactive": True}
                    )
                except AccessDenied:
                    problems.append(f"{user.login} cannot log in with the password {PASSWORD!r}")
                if user.company_ids.ids != [company_id] or user.company_id.id != company_id:
                    problems.append(f"{user.login}: companies {user.company_ids.ids}")
                if group not in user.groups_id or not user.has_group("base.group_user"):
                    problems.append(f"{user.login}: groups {user.groups_id.mapped('name')}")
                if user.share or not user.partner_id or user.partner_id.user_ids != user:
                    problems.append(f"{user.login}: not an internal user with its partner")
            files = [f for f in self.files if f[4] == company_id]
            seen = Beneficiary.with_user(coordinator).search_count([])
            if seen != len(files):
                problems.append(f"{coordinator.login} reads {seen} files, not {len(files)}")
            own = sum(1 for f in files if f[1] == agent.id)
            seen = Beneficiary.with_user(agent).search_count([])
            if seen != own:
                problems.append(f"{agent.login} reads {seen} files, not their {own}")
        return problems

    def run(self):
        started = time.time()
        tables = (
            "res_partner",
            "res_users",
            "job_coaching_zone",
            "job_coaching_beneficiary",
            "job_coaching_situation",
            "job_coaching_session",
            "job_coaching_workshop",
            "job_coaching_workshop_registration",
            "job_coaching_vacancy",
            "job_coaching_application",
            "job_coaching_art60_contract",
            "job_coaching_exit",
            "job_coaching_exit_followup",
        )
        # The rows made here: the check samples from them only.
        self.first_ids = {table: self.next_id(table) for table in tables}
        self.companies()
        self.users()
        self.zones()
        self.partners()
        self.beneficiaries()
        self.situations()
        self.sessions()
        self.workshops()
        self.employment()
        self.contracts()
        self.exits()
        self.env.flush_all()
        self.env.invalidate_all()
        self.check()
        self.log(
            f"total: {self.count} files over {self.company_count} CPAS",
            None,
            started,
        )


def main(env):
    count = int(os.environ.get("JC_BENEFICIARIES", "1000"))
    companies = int(os.environ.get("JC_COMPANIES") or default_companies(count))
    Populator(env, count, companies).run()
    # A command-line generator outside any request: it commits its own work.
    env.cr.commit()


if "env" in globals():
    main(env)  # noqa: F821 - given by odoo shell
