#!/bin/sh
# A headless Chromium screenshot of the API reference (/docs), taken the way a plain
# `chromium --headless --screenshot` takes it: at the page's load event. Manual and optional (it needs
# Chromium, e.g. Debian's `apt-get install chromium`); `pnpm test` checks the same page without a browser
# (test/routes/docs.test.ts).
#
#   pnpm --silent turbo run build --filter=@eventlead/api
#   apps/api/scripts/docs-screenshot.sh [out.png]        # default: ./api-docs.png; PORT (3999) to move it
#
# It starts the built API on an in-memory embedded database, saves the screenshot, prints how many
# routes were on the page when it had loaded, and fails when there were none (a loading spinner).
set -eu

out=$(realpath -m "${1:-api-docs.png}")
port=${PORT:-3999}
url="http://127.0.0.1:$port/docs"
chromium=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$chromium" ]; then
  echo "docs-screenshot: no Chromium on PATH (Debian: apt-get install chromium)" >&2
  exit 2
fi
cd "$(dirname "$0")/.."
if [ ! -f dist/server.js ]; then
  echo "docs-screenshot: build first: pnpm --silent turbo run build --filter=@eventlead/api" >&2
  exit 2
fi
# Chromium's sandbox refuses to start as root (containers, CI).
set -- --headless --window-size=1280,1600
if [ "$(id -u)" = 0 ]; then set -- "$@" --no-sandbox; fi

log=$(mktemp)
DATABASE_URL=pglite://memory HOST=127.0.0.1 PORT="$port" node dist/server.js >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -f "$log"' EXIT

# Migrating and seeding the in-memory database takes a few seconds.
i=0
until node -e "fetch('http://127.0.0.1:$port/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"; do
  i=$((i + 1))
  if [ "$i" -ge 120 ] || ! kill -0 "$server" 2>/dev/null; then
    echo "docs-screenshot: the API did not start on port $port:" >&2
    cat "$log" >&2
    exit 1
  fi
  sleep 0.5
done

"$chromium" "$@" --screenshot="$out" "$url" 2>/dev/null
routes=$("$chromium" "$@" --dump-dom "$url" 2>/dev/null | grep -o 'class="opblock opblock-' | wc -l)
echo "docs-screenshot: $out ($routes routes on the page at the load event)"
[ "$routes" -gt 0 ]
