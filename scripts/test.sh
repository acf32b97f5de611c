#!/usr/bin/env bash
# The one command that runs the whole test suite (CI runs exactly this via .ci/run).
#
#   scripts/test.sh [--quick] [-- CARGO_TEST_ARGS...]
#
#   --quick   skip `cargo fmt --check` and `cargo clippy`
#
# Steps:
#   1. scripts/services.sh makes sure PostgreSQL and RabbitMQ run (starting or installing them
#      if needed) and gives their URLs; MOTTAK_TEST_DATABASE_URL / MOTTAK_TEST_AMQP_URL that are
#      already set in the environment win.
#   2. cargo fmt --all -- --check                                  (if rustfmt is installed)
#   3. cargo clippy --workspace --all-targets --locked -- -D warnings (if clippy is installed)
#   4. cargo test --workspace --locked
#   5. the EHF conformance corpus in ../shared/conformance, if it exists and the `mottak` CLI has
#      the `conformance` subcommand; minimum agreement from .ci/conformance-min (default 0).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO_ROOT="$PWD"

START_SECONDS=$SECONDS
log() { printf 'test: %s\n' "$*" >&2; }
die() {
    printf 'test: ERROR: %s\n' "$*" >&2
    exit 1
}
have() { command -v "$1" >/dev/null 2>&1; }

usage() {
    sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"
}

quick=0
test_args=()
while (($# > 0)); do
    case "$1" in
    --quick) quick=1 ;;
    -h | --help)
        usage
        exit 0
        ;;
    --)
        shift
        test_args=("$@")
        break
        ;;
    *) die "unknown argument '$1' (see scripts/test.sh --help)" ;;
    esac
    shift
done

finish() {
    local status=$?
    local elapsed=$((SECONDS - START_SECONDS))
    if ((status == 0)); then
        log "all steps passed in $((elapsed / 60))m$((elapsed % 60))s"
    else
        log "FAILED (exit $status) after $((elapsed / 60))m$((elapsed % 60))s"
    fi
}
trap finish EXIT

step() { log "==> $*"; }

if [[ ${CI:-} == true ]]; then
    export CARGO_TERM_COLOR=never
fi

# --- toolchain --------------------------------------------------------------------------------
if ! have cargo && [[ -x "$HOME/.cargo/bin/cargo" ]]; then
    export PATH="$HOME/.cargo/bin:$PATH"
fi
have cargo || die "cargo not found. Install Rust with rustup (https://rustup.rs: curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh) or Debian's package (apt-get install cargo; it must be at least the workspace's rust-version in Cargo.toml)"
log "using $(cargo --version)"

# --- services ---------------------------------------------------------------------------------
# If a URL is already given, check/start the service at that URL's host and port.
url_host_port() { # URL DEFAULT_PORT -> "host port"
    local re='^[A-Za-z][A-Za-z0-9+.-]*://([^@/]*@)?(\[[^]/]*\]|[^:/?#]*)(:([0-9]+))?'
    [[ $1 =~ $re ]] || return 1
    local host="${BASH_REMATCH[2]}" port="${BASH_REMATCH[4]:-$2}"
    host="${host#[}"
    host="${host%]}"
    [[ -n $host ]] || return 1
    printf '%s %s\n' "$host" "$port"
}
if [[ -n ${MOTTAK_TEST_DATABASE_URL:-} && -z ${MOTTAK_TEST_PG_HOST:-} ]]; then
    if hp="$(url_host_port "$MOTTAK_TEST_DATABASE_URL" 5432)"; then
        export MOTTAK_TEST_PG_HOST="${hp% *}" MOTTAK_TEST_PG_PORT="${hp##* }"
    fi
fi
if [[ -n ${MOTTAK_TEST_AMQP_URL:-} && -z ${MOTTAK_TEST_AMQP_HOST:-} ]]; then
    if hp="$(url_host_port "$MOTTAK_TEST_AMQP_URL" 5672)"; then
        export MOTTAK_TEST_AMQP_HOST="${hp% *}" MOTTAK_TEST_AMQP_PORT="${hp##* }"
    fi
fi

step "services (scripts/services.sh)"
services_out="$(bash "$REPO_ROOT/scripts/services.sh")" || die "scripts/services.sh failed (see its messages above)"
while IFS= read -r line; do
    key="${line%%=*}"
    value="${line#*=}"
    case "$key" in
    MOTTAK_TEST_DATABASE_URL | MOTTAK_TEST_AMQP_URL)
        if [[ -z ${!key:-} ]]; then
            export "$key=$value"
        fi
        ;;
    *) ;;
    esac
done <<<"$services_out"
[[ -n ${MOTTAK_TEST_DATABASE_URL:-} && -n ${MOTTAK_TEST_AMQP_URL:-} ]] ||
    die "scripts/services.sh did not print MOTTAK_TEST_DATABASE_URL and MOTTAK_TEST_AMQP_URL"
export MOTTAK_TEST_DATABASE_URL MOTTAK_TEST_AMQP_URL
log "MOTTAK_TEST_DATABASE_URL=$MOTTAK_TEST_DATABASE_URL"
log "MOTTAK_TEST_AMQP_URL=$MOTTAK_TEST_AMQP_URL"

# --- format and lints -------------------------------------------------------------------------
if ((quick)); then
    log "--quick: skipping cargo fmt and cargo clippy"
else
    if cargo fmt --version >/dev/null 2>&1; then
        step "cargo fmt --all -- --check"
        cargo fmt --all -- --check
    else
        log "WARNING: rustfmt is not installed (rustup component add rustfmt); skipping the format check"
    fi
    if cargo clippy --version >/dev/null 2>&1; then
        step "cargo clippy --workspace --all-targets --locked -- -D warnings"
        cargo clippy --workspace --all-targets --locked -- -D warnings
    else
        log "WARNING: clippy is not installed (rustup component add clippy); skipping lints"
    fi
fi

# --- tests ------------------------------------------------------------------------------------
step "cargo test --workspace --locked${test_args[*]:+ ${test_args[*]}}"
cargo test --workspace --locked "${test_args[@]}"

# --- conformance corpus -----------------------------------------------------------------------
conformance_dir="${MOTTAK_CONFORMANCE_DIR:-../shared/conformance}"
if [[ ! -d $conformance_dir ]]; then
    log "no conformance corpus at $conformance_dir; skipping the conformance run"
# Probe with the debug build (its dependencies are already built by cargo test).
elif ! cargo run -q --locked -p mottak-cli -- conformance --help >/dev/null 2>&1; then
    log "the mottak CLI has no 'conformance' subcommand yet; skipping the conformance run"
else
    min_agreement="$(tr -d '[:space:]' 2>/dev/null <.ci/conformance-min || true)"
    min_agreement="${min_agreement:-0}"
    # The debug build (dependencies built by cargo test above) judges the 1,761 documents in
    # seconds; a release build would cost minutes of compiling for nothing.
    step "cargo run -q -p mottak-cli -- conformance $conformance_dir --min-agreement $min_agreement"
    cargo run -q --locked -p mottak-cli -- conformance "$conformance_dir" --min-agreement "$min_agreement"
fi
