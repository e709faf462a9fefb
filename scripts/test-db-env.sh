# Sourced by `make unit`: points the service tests at PostgreSQL when it answers.
# Under CI=true an unreachable PostgreSQL fails the run instead of skipping its tests.
PG_ADMIN_URL="${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/test}"
if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null || (command -v pg_ctlcluster >/dev/null && \
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start 2>/dev/null && sleep 2 && \
    pg_isready -q -h 127.0.0.1 -p 5432); then
  export PLENUM_TEST_POSTGRES_URL="$PG_ADMIN_URL"
  echo "service tests: SQLite and PostgreSQL ($PG_ADMIN_URL)"
elif [ "${CI:-}" = "true" ]; then
  echo "service tests: PostgreSQL on 127.0.0.1:5432 does not answer, and CI=true requires it" >&2
  exit 1
else
  echo "service tests: PostgreSQL does not answer; its tests are skipped (SQLite only)" >&2
fi
