#!/usr/bin/env bash
# Make sure PostgreSQL and RabbitMQ are reachable for the test suite.
#
# Addresses (defaults in brackets):
#   MOTTAK_TEST_PG_HOST   [127.0.0.1]   MOTTAK_TEST_PG_PORT   [5432]
#   MOTTAK_TEST_AMQP_HOST [127.0.0.1]   MOTTAK_TEST_AMQP_PORT [5672]
# Timeouts in seconds: MOTTAK_SERVICES_PG_TIMEOUT [60], MOTTAK_SERVICES_AMQP_TIMEOUT [90].
#
# If a service on a local address is not reachable, this script tries, in order:
#   a) start the local installation (pg_ctlcluster / service postgresql start,
#      rabbitmq-server -detached / service rabbitmq-server start);
#   b) `docker compose up -d --wait <service>` with the repository's docker-compose.yml,
#      if a Docker engine answers;
#   c) as root (or with non-interactive sudo) and with apt-get: install the Debian packages
#      postgresql / rabbitmq-server, start them, and give 127.0.0.1/::1 trust access to a
#      PostgreSQL it installed itself;
#   d) otherwise it fails and says what to install.
# It is idempotent: with both services running it only checks them.
#
# Progress goes to stderr (prefix "services:"). On success stdout gets exactly two lines:
#   MOTTAK_TEST_DATABASE_URL=postgres://postgres@HOST:PORT/postgres
#   MOTTAK_TEST_AMQP_URL=amqp://guest:guest@HOST:PORT/%2f
set -euo pipefail

# Debian puts rabbitmq-server, service, etc. in sbin, which is not in a normal user's PATH.
PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

PG_HOST="${MOTTAK_TEST_PG_HOST:-127.0.0.1}"
PG_PORT="${MOTTAK_TEST_PG_PORT:-5432}"
AMQP_HOST="${MOTTAK_TEST_AMQP_HOST:-127.0.0.1}"
AMQP_PORT="${MOTTAK_TEST_AMQP_PORT:-5672}"
PG_TIMEOUT="${MOTTAK_SERVICES_PG_TIMEOUT:-60}"
AMQP_TIMEOUT="${MOTTAK_SERVICES_AMQP_TIMEOUT:-90}"
# How long to wait for a service we cannot start ourselves (remote host).
REMOTE_TIMEOUT="${MOTTAK_SERVICES_REMOTE_TIMEOUT:-20}"

log() { printf 'services: %s\n' "$*" >&2; }
die() {
    printf 'services: ERROR: %s\n' "$*" >&2
    exit 1
}
have() { command -v "$1" >/dev/null 2>&1; }

# Output of the daemons we start goes to this file, never to our stdout/stderr: a daemon that
# inherits our stdout would keep the pipe of `$(scripts/services.sh)` open forever.
# The file is kept only when something failed.
START_LOG=""
ensure_start_log() {
    if [[ -z $START_LOG ]]; then
        START_LOG="$(mktemp "${TMPDIR:-/tmp}/mottak-services.XXXXXX.log")"
    fi
}
remove_start_log_on_success() {
    local status=$?
    if ((status == 0)) && [[ -n $START_LOG ]]; then
        rm -f "$START_LOG"
    fi
}
trap remove_start_log_on_success EXIT
show_start_log() {
    if [[ -n $START_LOG && -s $START_LOG ]]; then
        log "last lines of $START_LOG:"
        tail -n 20 "$START_LOG" | sed 's/^/services:   /' >&2
    fi
}

# Run a command detached from our stdio (see START_LOG).
run_quiet() {
    ensure_start_log
    printf '+ %s\n' "$*" >>"$START_LOG"
    "$@" </dev/null >>"$START_LOG" 2>&1
}

can_sudo() { have sudo && sudo -n true </dev/null >/dev/null 2>&1; }
is_root_capable() { [[ $EUID -eq 0 ]] || can_sudo; }
# Run as root when we are root or have passwordless sudo; else try as ourselves.
priv() {
    if [[ $EUID -eq 0 ]]; then
        "$@"
    elif can_sudo; then
        sudo -n "$@"
    else
        "$@"
    fi
}

is_local_host() {
    case "$1" in
    localhost | 127.* | ::1 | 0.0.0.0 | "${HOSTNAME:-localhost}") return 0 ;;
    *) return 1 ;;
    esac
}

deadline_left() { (($1 - SECONDS > 0)); }

# ---------------------------------------------------------------------------------------------
# Probes

tcp_open() {
    # shellcheck disable=SC2016 # expanded by the inner shell
    timeout 3 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$1" "$2" </dev/null >/dev/null 2>&1
}

pg_ready() {
    tcp_open "$PG_HOST" "$PG_PORT" || return 1
    if have pg_isready; then
        pg_isready -q -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -t 3 </dev/null >/dev/null 2>&1 || return 1
    fi
}

# Send the AMQP 0-9-1 protocol header and expect a Connection.Start method frame back:
# frame type 1, channel 0, (4 bytes size), class 10, method 10.
amqp_handshake() {
    local out
    # shellcheck disable=SC2016 # expanded by the inner shell
    out="$(timeout 5 bash -c 'exec 3<>"/dev/tcp/$0/$1" || exit 1
        printf "AMQP\0\0\11\1" >&3
        head -c 11 <&3' "$AMQP_HOST" "$AMQP_PORT" </dev/null 2>/dev/null | od -An -tx1 | tr -d ' \n')" || true
    [[ $out == 010000????????000a000a ]]
}

# rabbitmq-diagnostics only talks to the local node, and on Debian only root or the
# rabbitmq user may run it.
rabbit_diag_usable() {
    have rabbitmq-diagnostics && is_local_host "$AMQP_HOST" &&
        { [[ $EUID -eq 0 ]] || [[ "$(id -un)" == rabbitmq ]]; }
}
rabbit_diag() {
    timeout 20 rabbitmq-diagnostics -q "$@" </dev/null >/dev/null 2>&1
}

# Quick check without waiting: port accepts AMQP and (if we can ask) the app is running.
amqp_ready() {
    amqp_handshake || return 1
    if rabbit_diag_usable; then
        rabbit_diag check_running || return 1
    fi
}

# ---------------------------------------------------------------------------------------------
# Waiting

wait_pg() {
    local timeout="$1" deadline=$((SECONDS + $1))
    log "waiting for PostgreSQL at $PG_HOST:$PG_PORT (up to ${timeout}s)"
    while ! pg_ready; do
        deadline_left "$deadline" || return 1
        sleep 1
    done
    log "PostgreSQL is ready at $PG_HOST:$PG_PORT"
}

wait_amqp() {
    local timeout="$1" deadline=$((SECONDS + $1)) diag=0
    rabbit_diag_usable && diag=1
    log "waiting for RabbitMQ at $AMQP_HOST:$AMQP_PORT (up to ${timeout}s)"
    while :; do
        if amqp_handshake; then
            if ((diag == 0)) || rabbit_diag check_running; then
                break
            fi
            # The port speaks AMQP but the local node is not running: the broker is something
            # else (e.g. a container), so the local node's state does not matter.
            if ! rabbit_diag ping; then
                log "RabbitMQ answers on $AMQP_HOST:$AMQP_PORT but not as the local node; using it"
                break
            fi
        fi
        deadline_left "$deadline" || return 1
        sleep 1
    done
    log "RabbitMQ is ready at $AMQP_HOST:$AMQP_PORT"
}

# ---------------------------------------------------------------------------------------------
# (a) local installations

pg_installed() {
    have pg_lsclusters && [[ -n "$(pg_lsclusters -h 2>/dev/null)" ]] && return 0
    compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null && return 0
    [[ -x /etc/init.d/postgresql ]]
}

rabbit_installed() {
    have rabbitmq-server || [[ -x /etc/init.d/rabbitmq-server ]]
}

pg_ctl_cluster() { # VERSION NAME ACTION
    run_quiet priv pg_ctlcluster --skip-systemctl-redirect "$1" "$2" "$3" ||
        run_quiet priv pg_ctlcluster "$1" "$2" "$3"
}

start_local_pg() {
    local ver name port status rest started=0 any=0
    if have pg_lsclusters && have pg_ctlcluster; then
        if [[ -z "$(pg_lsclusters -h 2>/dev/null)" ]] && compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null &&
            have pg_createcluster && is_root_capable; then
            ver="$(basename "$(dirname "$(dirname "$(compgen -G '/usr/lib/postgresql/*/bin/postgres' | sort -V | tail -n 1)")")")"
            log "no PostgreSQL cluster exists; creating $ver/main on port $PG_PORT"
            run_quiet priv pg_createcluster -p "$PG_PORT" "$ver" main || log "pg_createcluster failed"
            PG_WE_SET_UP=1
        fi
        while read -r ver name port status rest; do
            [[ -n ${ver:-} ]] || continue
            any=1
            if [[ $status == down* ]]; then
                log "starting PostgreSQL cluster $ver/$name (port $port): pg_ctlcluster $ver $name start"
                if pg_ctl_cluster "$ver" "$name" start; then
                    started=1
                else
                    log "could not start cluster $ver/$name"
                fi
            else
                log "PostgreSQL cluster $ver/$name (port $port) is $status"
                started=1
            fi
        done < <(pg_lsclusters -h 2>/dev/null)
        ((any == 1 && started == 1)) && return 0
    fi
    if [[ -x /etc/init.d/postgresql ]] || have service; then
        log "starting PostgreSQL: service postgresql start"
        run_quiet priv service postgresql start && return 0
    fi
    return 1
}

start_local_rabbit() {
    if rabbit_diag_usable && rabbit_diag ping; then
        log "the local RabbitMQ node is up (still booting?); not starting another one"
        return 0
    fi
    # Debian's rabbitmq-server wrapper, run by another user, starts a node in the foreground
    # (and fails); never risk that.
    if ! is_root_capable && [[ "$(id -un)" != rabbitmq ]]; then
        log "starting RabbitMQ needs root, the rabbitmq user or passwordless sudo"
        return 1
    fi
    if have rabbitmq-server; then
        log "starting RabbitMQ: rabbitmq-server -detached"
        run_quiet priv rabbitmq-server -detached && return 0
        log "rabbitmq-server -detached failed"
    fi
    if [[ -x /etc/init.d/rabbitmq-server ]] || have service; then
        log "starting RabbitMQ: service rabbitmq-server start"
        run_quiet priv service rabbitmq-server start && return 0
    fi
    return 1
}

# ---------------------------------------------------------------------------------------------
# (b) docker compose

docker_usable() {
    have docker && docker info </dev/null >/dev/null 2>&1 &&
        docker compose version </dev/null >/dev/null 2>&1
}

docker_up() { # SERVICE...
    log "starting with Docker: docker compose up -d --wait $*"
    MOTTAK_TEST_PG_PORT="$PG_PORT" MOTTAK_TEST_AMQP_PORT="$AMQP_PORT" \
        docker compose --project-directory "$REPO_ROOT" -f "$REPO_ROOT/docker-compose.yml" \
        up -d --wait "$@" </dev/null >&2
}

# ---------------------------------------------------------------------------------------------
# (c) apt-get

run_as_root() {
    if [[ $EUID -eq 0 ]]; then
        "$@"
    else
        sudo -n "$@"
    fi
}

apt_install() { # PACKAGE...
    log "installing Debian packages: $*"
    run_as_root env DEBIAN_FRONTEND=noninteractive apt-get update </dev/null >&2 ||
        die "apt-get update failed"
    run_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" </dev/null >&2 ||
        die "apt-get install $* failed"
}

HBA_MARKER='# added by mottak scripts/services.sh: password-less local access for the tests'

# Give 127.0.0.1 and ::1 trust access (first matching line wins in pg_hba.conf), then reload.
pg_trust_local() {
    local ver name port status rest hba tmp
    have pg_lsclusters || return 0
    while read -r ver name port status rest; do
        [[ -n ${ver:-} ]] || continue
        hba="/etc/postgresql/$ver/$name/pg_hba.conf"
        [[ -f $hba ]] || continue
        if priv grep -qF "$HBA_MARKER" "$hba"; then
            continue
        fi
        log "allowing trust authentication from 127.0.0.1 and ::1 in $hba"
        tmp="$(mktemp)"
        {
            printf '%s\n' "$HBA_MARKER" \
                'host    all    all    127.0.0.1/32    trust' \
                'host    all    all    ::1/128         trust'
            priv cat "$hba"
        } >"$tmp"
        # cat > keeps the owner and mode of the original file.
        # shellcheck disable=SC2016 # expanded by the inner shell
        priv sh -c 'cat "$1" > "$2"' sh "$tmp" "$hba"
        rm -f "$tmp"
        if [[ $status == online* ]]; then
            pg_ctl_cluster "$ver" "$name" reload || log "reload of $ver/$name failed"
        fi
    done < <(pg_lsclusters -h 2>/dev/null)
}

# ---------------------------------------------------------------------------------------------
# Main

PG_WE_SET_UP=0
need_pg=0
need_amqp=0

if pg_ready; then
    log "PostgreSQL is reachable at $PG_HOST:$PG_PORT"
else
    need_pg=1
fi
if amqp_ready; then
    log "RabbitMQ is reachable at $AMQP_HOST:$AMQP_PORT"
else
    need_amqp=1
fi

pg_hint="install PostgreSQL (Debian: apt-get install postgresql, then allow trust authentication for user postgres from 127.0.0.1 in pg_hba.conf), or install Docker and run 'docker compose up -d postgres', or point MOTTAK_TEST_PG_HOST/MOTTAK_TEST_PG_PORT to a running server"
amqp_hint="install RabbitMQ (Debian: apt-get install rabbitmq-server), or install Docker and run 'docker compose up -d rabbitmq', or point MOTTAK_TEST_AMQP_HOST/MOTTAK_TEST_AMQP_PORT to a running broker (user guest/guest)"

# Services on other hosts cannot be started from here: wait a little, then give up.
if ((need_pg)) && ! is_local_host "$PG_HOST"; then
    wait_pg "$REMOTE_TIMEOUT" || die "PostgreSQL is not reachable at $PG_HOST:$PG_PORT, which is not a local address, so this script cannot start it"
    need_pg=0
fi
if ((need_amqp)) && ! is_local_host "$AMQP_HOST"; then
    wait_amqp "$REMOTE_TIMEOUT" || die "RabbitMQ is not reachable at $AMQP_HOST:$AMQP_PORT, which is not a local address, so this script cannot start it"
    need_amqp=0
fi

# (a) start local installations; start both before waiting for either.
# If starting failed we still wait a little (it may be booting already), but not the full time.
pg_wait=""
amqp_wait=""
if ((need_pg)) && pg_installed; then
    pg_wait="$PG_TIMEOUT"
    start_local_pg || { log "starting the local PostgreSQL failed"; pg_wait=$((PG_TIMEOUT < 10 ? PG_TIMEOUT : 10)); }
fi
if ((need_amqp)) && rabbit_installed; then
    amqp_wait="$AMQP_TIMEOUT"
    start_local_rabbit || { log "starting the local RabbitMQ failed"; amqp_wait=$((AMQP_TIMEOUT < 10 ? AMQP_TIMEOUT : 10)); }
fi
if [[ -n $pg_wait ]]; then
    if ((PG_WE_SET_UP)); then
        pg_trust_local
    fi
    if wait_pg "$pg_wait"; then
        need_pg=0
    else
        log "the local PostgreSQL did not become ready"
    fi
fi
if [[ -n $amqp_wait ]]; then
    if wait_amqp "$amqp_wait"; then
        need_amqp=0
    else
        log "the local RabbitMQ did not become ready"
    fi
fi

# (b) docker compose
if ((need_pg || need_amqp)) && docker_usable; then
    compose_services=()
    ((need_pg)) && compose_services+=(postgres)
    ((need_amqp)) && compose_services+=(rabbitmq)
    if docker_up "${compose_services[@]}"; then
        if ((need_pg)) && wait_pg "$PG_TIMEOUT"; then need_pg=0; fi
        if ((need_amqp)) && wait_amqp "$AMQP_TIMEOUT"; then need_amqp=0; fi
    else
        log "docker compose up failed"
    fi
fi

# (c) install from the distribution's packages (only what is not installed at all)
packages=()
((need_pg)) && ! pg_installed && packages+=(postgresql)
((need_amqp)) && ! rabbit_installed && packages+=(rabbitmq-server)
if ((${#packages[@]} > 0)) && have apt-get && is_root_capable; then
    apt_install "${packages[@]}"
    if ((need_pg)) && [[ " ${packages[*]} " == *" postgresql "* ]]; then
        PG_WE_SET_UP=1
        start_local_pg || log "starting the freshly installed PostgreSQL failed"
        pg_trust_local
    fi
    if ((need_amqp)) && [[ " ${packages[*]} " == *" rabbitmq-server "* ]]; then
        start_local_rabbit || log "starting the freshly installed RabbitMQ failed"
    fi
    if ((need_pg)) && wait_pg "$PG_TIMEOUT"; then need_pg=0; fi
    if ((need_amqp)) && wait_amqp "$AMQP_TIMEOUT"; then need_amqp=0; fi
elif ((${#packages[@]} > 0)); then
    log "not installing ${packages[*]}: needs apt-get and root (or passwordless sudo)"
fi

# (d) give up with a clear message
pg_failure() {
    if ! pg_installed; then
        printf 'PostgreSQL is not reachable at %s:%s and could not be started: %s.' "$PG_HOST" "$PG_PORT" "$pg_hint"
        return
    fi
    printf "PostgreSQL is installed here but not reachable at %s:%s: check 'pg_lsclusters', the cluster's port and listen_addresses, and its log in /var/log/postgresql" "$PG_HOST" "$PG_PORT"
    is_root_capable || printf ' (starting it needs root or passwordless sudo)'
    printf '.'
}
amqp_failure() {
    if ! rabbit_installed; then
        printf 'RabbitMQ is not reachable at %s:%s and could not be started: %s.' "$AMQP_HOST" "$AMQP_PORT" "$amqp_hint"
        return
    fi
    printf "RabbitMQ is installed here but not ready at %s:%s: check 'rabbitmq-diagnostics status', its listener port, and its logs in /var/log/rabbitmq" "$AMQP_HOST" "$AMQP_PORT"
    is_root_capable || printf ' (starting it needs root or passwordless sudo)'
    printf '.'
}
if ((need_pg || need_amqp)); then
    show_start_log
fi
if ((need_pg && need_amqp)); then
    die "$(pg_failure) $(amqp_failure)"
elif ((need_pg)); then
    die "$(pg_failure)"
elif ((need_amqp)); then
    die "$(amqp_failure)"
fi

# Password-less login is what the test URL needs; say so early if it will not work.
if have psql && ! psql -w -X -q -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -c 'select 1' </dev/null >/dev/null 2>&1; then
    log "WARNING: 'psql -h $PG_HOST -p $PG_PORT -U postgres' without a password fails; the tests need trust authentication for user postgres from $PG_HOST (pg_hba.conf)"
fi

url_host() { # bracket IPv6 literals
    if [[ $1 == *:* ]]; then printf '[%s]' "$1"; else printf '%s' "$1"; fi
}
printf 'MOTTAK_TEST_DATABASE_URL=postgres://postgres@%s:%s/postgres\n' "$(url_host "$PG_HOST")" "$PG_PORT"
printf 'MOTTAK_TEST_AMQP_URL=amqp://guest:guest@%s:%s/%%2f\n' "$(url_host "$AMQP_HOST")" "$AMQP_PORT"
