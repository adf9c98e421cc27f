#!/bin/sh
# run.sh - the browser suite as `make check` runs it: a demo database, the
# real server on a free loopback port, then run.mjs over pages.json
# (Chromium + axe-core, WCAG 2.1 AA), screenshots into docs/screenshots/.
set -u
: "${GONGKAI:?set GONGKAI to the gongkai binary}"
here=$(cd "$(dirname "$0")" && pwd)
T=$(mktemp -d /tmp/gk-browser-XXXXXX)
export NO_PROXY='*' no_proxy='*'
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy
# Many logins from one address in a few seconds: widen the throttle.
export GONGKAI_LOGIN_MAX_FAILURES=1000
# The application pages file several applications from one address.
export GONGKAI_APPLY_PER_HOUR=0
# ...and several public messages.
export GONGKAI_MESSAGE_PER_HOUR=0
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$T"' EXIT
"$GONGKAI" init --db "$T/g.db" --demo > /dev/null || exit 1
# A few messages in the mail outbox, one of each state, for /admin/mail.
sqlite3 "$T/g.db" "INSERT INTO outbox(to_addr, subject, body, created_at,
  next_at, attempts, last_error, sent_at, failed) VALUES
  ('zhang.san@example.org', '政府信息公开申请受理告知', 'x',
   '2026-05-06T01:00:00Z', 0, 1, '', '2026-05-06T01:00:02Z', 0),
  ('li.si@example.org', '补正告知', 'x', '2026-05-06T02:00:00Z',
   4102444800, 2, 'smtp 127.0.0.1:25: Couldn''t connect to server', NULL, 0),
  ('wang.wu@example.org', '答复期限提醒', 'x', '2026-05-06T03:00:00Z',
   0, 12, 'smtp 127.0.0.1:25: RCPT failed: 550', NULL, 1)" || exit 1
"$GONGKAI" serve --db "$T/g.db" --listen 127.0.0.1:0 > "$T/out" 2> "$T/log" &
pid=$!
base=""
i=0
while [ -z "$base" ] && [ $i -lt 100 ]; do
	sleep 0.1
	base=$(sed -n 's|^gongkai: serving \(http://[^ ]*\)/$|\1|p' "$T/out")
	i=$((i + 1))
done
if [ -z "$base" ]; then
	echo "browser: server did not start"; cat "$T/log"
	echo "browser: 0 passed, 1 failed"
	exit 1
fi
node "$here/run.mjs" --base "$base" --pages "$here/pages.json" \
	--shots "$here/../../docs/screenshots" "$@"
