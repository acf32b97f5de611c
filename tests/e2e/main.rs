//! End-to-end tests: the four real workers, real RabbitMQ, real PostgreSQL.
//!
//! Each test gets its own database and its own queue prefix (`spawn_app`), so tests run in
//! parallel without seeing each other. Servers come from `MOTTAK_TEST_AMQP_URL` and
//! `MOTTAK_TEST_DATABASE_URL` (set by `scripts/test.sh`; defaults: local RabbitMQ guest/guest
//! and PostgreSQL as user `postgres`).

mod app;
mod fixtures;
mod maildir;
mod recovery;
