# shellcheck shell=bash
# Shared helpers of the project's commands (sourced, never run on its own):
# find an Odoo 18.0 source tree, build the Python environment, run a private
# PostgreSQL cluster.

set -euo pipefail

PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ADDON_NAME="job_coaching"
CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}"
ODOO_CACHE="$CACHE_DIR/odoo/18.0"
NIGHTLY_URL="https://nightly.odoo.com/18.0/nightly/src/odoo_18.0.latest.tar.gz"
PYTHON="${PYTHON:-python3}"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 2; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
    # apt_install PACKAGE...: install Debian packages that are missing.
    command -v apt-get >/dev/null || die "apt-get not found: install $* by hand."
    log "Installing Debian packages: $*"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

odoo_tree_ok() {
    # A usable tree: odoo-bin (git layout) or setup/odoo (nightly layout) and
    # the web assets that `mail` needs.
    local tree="$1"
    [ -f "$tree/odoo/release.py" ] || return 1
    grep -q "^version_info = (18, 0" "$tree/odoo/release.py" || return 1
    [ -d "$tree/addons/web/static/lib" ] || [ -d "$tree/odoo/addons/web/static/lib" ]
}

find_odoo() {
    # Sets ODOO_DIR: $ODOO_SRC, then the cache folder, else the nightly archive.
    if [ -n "${ODOO_SRC:-}" ]; then
        odoo_tree_ok "$ODOO_SRC" || die "ODOO_SRC=$ODOO_SRC is not a complete Odoo 18.0 source tree."
        ODOO_DIR="$(cd "$ODOO_SRC" && pwd)"
    elif odoo_tree_ok "$ODOO_CACHE"; then
        ODOO_DIR="$ODOO_CACHE"
    else
        log "No Odoo 18.0 source tree in \$ODOO_SRC or $ODOO_CACHE: downloading Odoo's nightly archive."
        mkdir -p "$ODOO_CACHE"
        local archive="$ODOO_CACHE.tar.gz.part"
        if ! curl -fL --retry 2 --connect-timeout 20 -o "$archive" "$NIGHTLY_URL"; then
            rm -f "$archive"
            die "Odoo 18.0 could not be downloaded from $NIGHTLY_URL.
Put an Odoo 18.0 source tree in $ODOO_CACHE or point ODOO_SRC at one, then run this command again."
        fi
        tar -xzf "$archive" -C "$ODOO_CACHE" --strip-components=1 && rm -f "$archive"
        odoo_tree_ok "$ODOO_CACHE" || die "The downloaded archive is not a complete Odoo 18.0 tree."
        ODOO_DIR="$ODOO_CACHE"
    fi
    if [ -f "$ODOO_DIR/odoo-bin" ]; then
        ODOO_BIN="$ODOO_DIR/odoo-bin"
    else
        ODOO_BIN="$ODOO_DIR/setup/odoo"
    fi
    # The add-on is the repository root: Odoo finds it through a folder that
    # holds a link named after it.
    LINK_DIR="$CACHE_DIR/$ADDON_NAME/addons-$(printf '%s' "$PROJECT_DIR" | sha1sum | cut -c1-12)"
    mkdir -p "$LINK_DIR"
    ln -sfn "$PROJECT_DIR" "$LINK_DIR/$ADDON_NAME"
    ADDONS_PATH="$ODOO_DIR/odoo/addons"
    [ -d "$ODOO_DIR/addons" ] && ADDONS_PATH="$ADDONS_PATH,$ODOO_DIR/addons"
    ADDONS_PATH="$ADDONS_PATH,$LINK_DIR"
    export ODOO_DIR ODOO_BIN ADDONS_PATH
    log "Odoo 18.0 source: $ODOO_DIR"
}

check_python() {
    command -v "$PYTHON" >/dev/null || die "$PYTHON not found: install Python 3.10 or newer."
    "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 10))' \
        || die "Python 3.10 or newer is needed ($PYTHON is $("$PYTHON" -V 2>&1))."
    "$PYTHON" -c 'import venv, ensurepip' 2>/dev/null || apt_install python3-venv
}

build_venv() {
    # Sets VENV: a virtualenv with Odoo's requirements, the add-on's own and
    # the test tools, rebuilt only when one of them changes.
    check_python
    command -v pg_config >/dev/null || apt_install libpq-dev
    local pyver
    pyver="$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
    local reqs="$CACHE_DIR/$ADDON_NAME/requirements-odoo-$pyver.txt"
    mkdir -p "$CACHE_DIR/$ADDON_NAME"
    # python-ldap needs LDAP headers and only serves auth_ldap.
    grep -v -i '^python-ldap' "$ODOO_DIR/requirements.txt" > "$reqs"
    if [ "$pyver" = 3.10 ]; then
        # Odoo pins gevent 21.8.0 on Python 3.10: it has no wheel for 3.10 and
        # its source build does not get through with today's Cython 3. Take
        # 21.12.0, the nearest release with a 3.10 wheel (same greenlet 1.1
        # line), as a pip user would; every other pin stays Odoo's.
        sed -i -E "s/^gevent==21\.8\.0( *;.*python_version *== *'3\.10'.*)$/gevent==21.12.0\1/" "$reqs"
        grep -q '^gevent==21\.12\.0' "$reqs" || log "Odoo's gevent pin for Python 3.10 changed: check $reqs"
    fi
    local key
    key="$(cat "$reqs" "$PROJECT_DIR/requirements.txt" "$PROJECT_DIR/scripts/requirements-dev.txt" \
        <("$PYTHON" -V 2>&1) | sha1sum | cut -c1-12)"
    VENV="$CACHE_DIR/$ADDON_NAME/venv-$key"
    if [ ! -f "$VENV/.complete" ]; then
        log "Building the Python environment in $VENV (a few minutes, once)"
        rm -rf "$VENV"
        "$PYTHON" -m venv "$VENV"
        # Source builds of Odoo's pinned releases need an older setuptools.
        local constraints="$CACHE_DIR/$ADDON_NAME/constraints.txt"
        echo 'setuptools<81' > "$constraints"
        local pip_constraint="$constraints"
        local machine_constraint
        machine_constraint="$(pip config get global.constraint 2>/dev/null || true)"
        [ -n "$machine_constraint" ] && [ -f "$machine_constraint" ] \
            && pip_constraint="$constraints $machine_constraint"
        # (pip ≥ 25.3 reads build constraints from their own variable.)
        export PIP_CONSTRAINT="$pip_constraint" PIP_BUILD_CONSTRAINT="$constraints"
        "$VENV/bin/pip" install -q --upgrade pip wheel 'setuptools<81'
        "$VENV/bin/pip" install -q \
            -r "$reqs" -r "$PROJECT_DIR/requirements.txt" -r "$PROJECT_DIR/scripts/requirements-dev.txt"
        unset PIP_CONSTRAINT PIP_BUILD_CONSTRAINT
        touch "$VENV/.complete"
    fi
    export VENV
}

build_lint_venv() {
    # Sets LINT_VENV: the static checkers, apart from Odoo's pinned libraries.
    check_python
    local key
    key="$(cat "$PROJECT_DIR/scripts/requirements-lint.txt" <("$PYTHON" -V 2>&1) | sha1sum | cut -c1-12)"
    LINT_VENV="$CACHE_DIR/$ADDON_NAME/lint-$key"
    if [ ! -f "$LINT_VENV/.complete" ]; then
        log "Building the static-check environment in $LINT_VENV"
        rm -rf "$LINT_VENV"
        "$PYTHON" -m venv "$LINT_VENV"
        "$LINT_VENV/bin/pip" install -q -r "$PROJECT_DIR/scripts/requirements-lint.txt"
        touch "$LINT_VENV/.complete"
    fi
    export LINT_VENV
}

find_pg_bin() {
    PG_BIN=""
    local d
    for d in /usr/lib/postgresql/*/bin; do
        [ -x "$d/initdb" ] && PG_BIN="$d"
    done
    if [ -z "$PG_BIN" ]; then
        apt_install postgresql
        for d in /usr/lib/postgresql/*/bin; do
            [ -x "$d/initdb" ] && PG_BIN="$d"
        done
    fi
    [ -n "$PG_BIN" ] || die "PostgreSQL's server could not be found or installed."
}

pg_run() {
    # Runs a PostgreSQL server program as the cluster's owner.
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_pg() {
    # start_pg DATA_DIR: start (creating it if needed) a private cluster whose
    # socket lives in DATA_DIR; sets PGHOST, PGPORT, PG_DATA.
    find_pg_bin
    PG_DATA="$1"
    mkdir -p "$PG_DATA"
    if [ "$(id -u)" = 0 ]; then
        chmod 755 "$(dirname "$PG_DATA")"
        chown postgres "$PG_DATA"
    fi
    chmod 700 "$PG_DATA"
    if [ ! -f "$PG_DATA/PG_VERSION" ]; then
        pg_run "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    PG_STARTED=""
    if pg_run "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
        # Already running (another command of this checkout): share it.
        PGPORT="$(sed -n 4p "$PG_DATA/postmaster.pid")"
    else
        PGPORT="${PGPORT_OVERRIDE:-$("$PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
        pg_run "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w -t 60 \
            -o "-p $PGPORT -k $PG_DATA -c listen_addresses=''" start >/dev/null
        PG_STARTED=1
    fi
    PGHOST="$PG_DATA"
    export PGHOST PGPORT PG_DATA
    psql -q -U postgres -d postgres -tc "SELECT 1 FROM pg_roles WHERE rolname='odoo'" | grep -q 1 \
        || psql -q -U postgres -d postgres -c "CREATE ROLE odoo SUPERUSER LOGIN"
    log "PostgreSQL $(basename "$(dirname "$PG_BIN")") running on socket $PG_DATA, port $PGPORT"
}

stop_pg() {
    [ -n "${PG_STARTED:-}" ] && [ -f "$PG_DATA/postmaster.pid" ] \
        && pg_run "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
}

odoo() {
    # odoo [shell|populate|…] ARGS...: Odoo against the private cluster.
    local command=()
    case "${1:-}" in
        shell|populate|scaffold|neutralize|obfuscate) command=("$1"); shift ;;
    esac
    "$VENV/bin/python" "$ODOO_BIN" "${command[@]}" --addons-path="$ADDONS_PATH" \
        --db_host="$PGHOST" --db_port="$PGPORT" --db_user=odoo "$@"
}
