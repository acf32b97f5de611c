# syntax=docker/dockerfile:1
#
# One image with all mottak binaries; the container's command picks which one runs:
#   mottak-ehf-receiver, mottak-email-intake, mottak-validator, mottak-poster, or the CLI `mottak`.
# Build: docker build -t mottak:local .   (BuildKit is needed for the cache mounts)

# --- build ------------------------------------------------------------------------------------
FROM rust:1.95-bookworm AS builder
WORKDIR /src
# sqlx macros must never try to reach a database while the image builds.
ENV SQLX_OFFLINE=true \
    CARGO_TERM_COLOR=never
COPY . .
# The registry, git checkouts and target dir live in cache mounts that survive between builds.
# A cache mount is not part of the image, so the binaries are copied out of it in the same step.
RUN --mount=type=cache,target=/usr/local/cargo/registry,sharing=locked \
    --mount=type=cache,target=/usr/local/cargo/git,sharing=locked \
    --mount=type=cache,target=/src/target,sharing=locked \
    cargo build --release --locked --bins \
    && mkdir -p /out \
    && cp target/release/mottak \
          target/release/mottak-ehf-receiver \
          target/release/mottak-email-intake \
          target/release/mottak-validator \
          target/release/mottak-poster \
          /out/

# --- runtime ----------------------------------------------------------------------------------
FROM debian:bookworm-slim AS runtime
# Unpinned on purpose: the slim image should pick up Debian's security updates on rebuild.
# hadolint ignore=DL3008
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 mottak \
    && useradd --system --uid 10001 --gid mottak --home-dir /nonexistent --no-create-home \
               --shell /usr/sbin/nologin mottak
COPY --from=builder /out/ /usr/local/bin/
# Numeric, so that runtimes can check that it is not root.
USER 10001:10001
CMD ["mottak", "--help"]
