#!/bin/sh
# `pnpm db:statements` (the root script builds the API first, then runs this as `conformance:update`):
# regenerates docs/database/mssql-statements.sql, every statement the API sends to SQL Server, from the
# conformance suite (test/conformance). It takes no arguments: jest would take one as a test-name
# pattern, run nothing and exit 0, so an unknown argument is refused here with exit 2, as the other
# db:* scripts refuse theirs.
set -eu

usage='Usage: pnpm db:statements

Regenerates docs/database/mssql-statements.sql (every statement the API sends to SQL Server) from
the conformance suite. Takes no arguments.

Exit codes: 0 done, 1 failed, 2 wrong usage.'

for arg in "$@"; do
  case "$arg" in
    # `pnpm db:statements -- ...` may hand the script a literal `--`; it separates nothing here.
    --) ;;
    -h | --help)
      echo "$usage"
      exit 0
      ;;
    *)
      printf 'db:statements: unknown argument %s (it takes none).\n\n%s\n' "$arg" "$usage" >&2
      exit 2
      ;;
  esac
done

cd "$(dirname "$0")/.."
CONFORMANCE_UPDATE=1 NODE_OPTIONS='--experimental-vm-modules --disable-warning=ExperimentalWarning' exec jest test/conformance
