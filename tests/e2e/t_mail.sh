#!/bin/sh
# t_mail.sh - outgoing mail against a real SMTP server on loopback
# (smtp-sink.mjs, npm smtp-server): `gongkai mail test` delivers a Chinese
# message with the right headers and encodings; with the server down the
# message stays queued with its error and is delivered exactly once when
# the server is back; a wrong password is recorded as a failure; header
# injection is refused with nothing queued; the server's tick sends what
# is due; /admin/mail is for admins only, warns while mail is not
# configured, and puts a failed message back in the queue.
. "$(dirname "$0")/lib.sh"

HERE=$(cd "$(dirname "$0")" && pwd)
DB="$T/g.db"
MAIL="$T/mail"
mkdir -p "$MAIL"
"$GONGKAI" init --db "$DB" --demo > /dev/null || exit 1
PW=gongkai2026
SUBJECT='政府信息公开平台测试邮件'
SINK_PID=""

# start_sink PORT: the sink on 127.0.0.1:PORT (0: any free port), sets
# SINK_PID and SINK_PORT.
start_sink() {
	: > "$T/sink.out"
	node "$HERE/smtp-sink.mjs" "$1" "$MAIL" gkuser 'gk-secret' \
		> "$T/sink.out" 2>&1 &
	SINK_PID=$!
	if await_line "$SINK_PID" "$T/sink.out" \
		's/^smtp-sink: listening on 127\.0\.0\.1:\([0-9]*\)$/\1/p'; then
		SINK_PORT=$LINE
		return 0
	fi
	echo "smtp sink did not start:"; cat "$T/sink.out"
	echo "e2e-$NAME: $PASS passed, $((FAIL + 1)) failed"
	exit 1
}
stop_sink() {
	if [ -n "$SINK_PID" ]; then
		kill "$SINK_PID" 2>/dev/null
		wait "$SINK_PID" 2>/dev/null
		SINK_PID=""
	fi
}
trap 'stop_sink; cleanup' EXIT

# run EXPECTED-EXIT DESCRIPTION ARGS...: output in $T/out, stderr $T/err
run() {
	want=$1; d=$2; shift 2
	"$GONGKAI" "$@" > "$T/out" 2> "$T/err" < /dev/null
	eq "$d (exit $want)" "$?" "$want"
}
q() { sqlite3 "$DB" "$1"; }
# conf FILE PASSWORD [extra lines]: a config file for the sink
conf() {
	printf 'smtp_host = 127.0.0.1\nsmtp_port = %s\nsmtp_tls = none\nsmtp_user = gkuser\nsmtp_password = %s\nmail_from = xxgk@shaxian.gov.cn\n%s\n' \
		"$SINK_PORT" "$2" "${3:-}" > "$1"
}
nmail() { ls "$MAIL" | grep -c '\.eml$'; }

# ---- usage
run 0 "mail --help" mail --help
has "mail --help shows usage" "$T/out" 'gongkai mail test'
run 2 "mail without subcommand" mail
run 2 "mail unknown subcommand" mail purge --db "$DB"
run 2 "mail list without --db" mail list
run 2 "mail list with an option of another subcommand" mail list --db "$DB" --to a@b.org
run 2 "mail test without --to" mail test --db "$DB"
run 2 "mail send while mail is not configured" mail send --db "$DB"
has "the message names smtp_host" "$T/err" 'smtp_host'
run 0 "mail list of an empty outbox" mail list --db "$DB"
has "counts are shown" "$T/out" '0 pending, 0 sent, 0 failed'

# ---- a first sink on a free port, to learn a port to use throughout
start_sink 0
conf "$T/good.conf" gk-secret
conf "$T/badpw.conf" wrong-secret
conf "$T/tick.conf" gk-secret 'tick_seconds = 1'

# ---- header injection: refused, nothing queued
run 2 "CR LF in --to is refused" mail test --db "$DB" --config "$T/good.conf" \
	--to "$(printf 'a@example.org\r\nBcc: victim@example.org')"
has "the refusal says why" "$T/err" 'line break'
run 2 "two addresses in --to are refused" mail test --db "$DB" \
	--config "$T/good.conf" --to 'a@example.org,b@example.org'
eq "nothing was queued" "$(q 'SELECT count(*) FROM outbox')" 0

# ---- delivery
run 0 "mail test delivers" mail test --db "$DB" --config "$T/good.conf" \
	--to zhang.san@example.org
has "mail test says sent" "$T/out" 'sent to zhang.san@example.org'
check "the message arrived" test -s "$MAIL/1.eml"
M="$MAIL/1.eml"
tr -d '\r' < "$M" > "$T/1.txt"
has "To header" "$T/1.txt" 'To: zhang.san@example.org'
has "From header is mail_from" "$T/1.txt" 'From: xxgk@shaxian.gov.cn'
has "envelope sender" "$MAIL/1.env" 'from xxgk@shaxian.gov.cn'
has "envelope recipient" "$MAIL/1.env" 'to zhang.san@example.org'
has "MIME-Version" "$T/1.txt" 'MIME-Version: 1.0'
has "Content-Type" "$T/1.txt" 'Content-Type: text/plain; charset=UTF-8'
has "Content-Transfer-Encoding" "$T/1.txt" 'Content-Transfer-Encoding: base64'
check "Date header" grep -q '^Date: [A-Z][a-z][a-z], [0-9][0-9] [A-Z][a-z][a-z] 20[0-9][0-9] [0-9:]* +0000$' "$T/1.txt"
check "Message-ID header" grep -q '^Message-ID: <[0-9a-f.]*@shaxian.gov.cn>$' "$T/1.txt"
check "header lines end in CRLF" awk '/^\r?$/ {exit} !/\r$/ {bad=1} END {exit bad}' "$M"
subj=$(sed -n 's/^Subject: =?UTF-8?B?\(.*\)?=$/\1/p' "$T/1.txt" | base64 -d)
eq "Subject is RFC 2047 and decodes to the Chinese text" "$subj" "$SUBJECT"
sed '1,/^$/d' "$T/1.txt" > "$T/1.b64"
check "body lines are at most 76 columns" awk 'length($0) > 76 {bad=1} END {exit bad}' "$T/1.b64"
base64 -d < "$T/1.b64" | tr -d '\r' > "$T/1.body"
has "body decodes to the UTF-8 text" "$T/1.body" '这是政府信息公开平台发出的一封测试邮件。'
has "body keeps its last line" "$T/1.body" '本邮件由系统自动发送，请勿回复。'
run 0 "mail list after sending" mail list --db "$DB" --all
check "listed as sent after 1 attempt" grep -q "^1	sent	1	" "$T/out"

# ---- the server is down: the message stays queued with its error
stop_sink
run 1 "mail test with the server down" mail test --db "$DB" \
	--config "$T/good.conf" --to li.si@example.org
has "says it stays queued" "$T/out" 'stays queued'
run 0 "mail list shows the queue" mail list --db "$DB"
check "pending after 1 attempt, with its error" grep -q "^2	pending	1	.*li.si@example.org	$SUBJECT	smtp 127.0.0.1:$SINK_PORT: " "$T/out"
eq "attempts = 1 in the database" "$(q 'SELECT attempts FROM outbox WHERE id = 2')" 1
eq "last_error set" "$(q "SELECT last_error <> '' FROM outbox WHERE id = 2")" 1
eq "not sent, not failed" "$(q 'SELECT sent_at IS NULL AND failed = 0 FROM outbox WHERE id = 2')" 1
eq "next attempt a minute later" "$(q "SELECT next_at - strftime('%s', 'now') BETWEEN 50 AND 61 FROM outbox WHERE id = 2")" 1
run 0 "mail send before it is due" mail send --db "$DB" --config "$T/good.conf"
has "nothing due yet" "$T/out" 'sent 0, failed 0'
eq "both messages kept" "$(q 'SELECT count(*) FROM outbox')" 2

# ---- the server is back: delivered exactly once
start_sink "$SINK_PORT"
q 'UPDATE outbox SET next_at = 0 WHERE id = 2'
run 0 "mail send delivers the queued message" mail send --db "$DB" --config "$T/good.conf"
has "one sent" "$T/out" 'sent 1, failed 0'
run 0 "mail send again" mail send --db "$DB" --config "$T/good.conf"
has "nothing more to send" "$T/out" 'sent 0, failed 0'
eq "delivered exactly once" "$(nmail)" 2
has "to the queued recipient" "$MAIL/2.env" 'to li.si@example.org'
eq "sent on the second attempt" "$(q 'SELECT attempts, sent_at IS NOT NULL FROM outbox WHERE id = 2')" '2|1'

# ---- a wrong password is a recorded failure
run 1 "mail test with a wrong password" mail test --db "$DB" \
	--config "$T/badpw.conf" --to wang.wu@example.org
eq "nothing delivered" "$(nmail)" 2
eq "failure recorded" "$(q "SELECT attempts, sent_at IS NULL, last_error LIKE '%535%' FROM outbox WHERE id = 3")" '1|1|1'
q 'UPDATE outbox SET next_at = 0 WHERE id = 3'
run 1 "mail send with a wrong password exits 1" mail send --db "$DB" \
	--config "$T/badpw.conf"
has "and says so" "$T/out" 'sent 0, failed 1'
eq "second failure recorded" "$(q 'SELECT attempts FROM outbox WHERE id = 3')" 2
GONGKAI_SMTP_PORT=bad "$GONGKAI" mail send --db "$DB" --config "$T/good.conf" \
	> "$T/out" 2> "$T/err"
eq "a bad setting in the environment is exit 2" "$?" 2

# ---- /admin/mail: admins only; the warning while mail is not configured
q 'UPDATE outbox SET failed = 1 WHERE id = 3'
start_server "$DB"
login c yjj-clerk "$PW"
req c GET /admin/mail
eq "a clerk gets 403" "$STATUS" 403
login a admin "$PW"
req a GET /admin/mail
eq "the admin sees the outbox" "$STATUS" 200
has "page heading" "$T/body" '<h1>邮件队列</h1>'
has "warning: not configured" "$T/body" '尚未配置发信服务器'
has "recipients listed" "$T/body" 'wang.wu@example.org'
has "subject listed" "$T/body" "$SUBJECT"
has "the failure's error shown" "$T/body" '535'
has "states shown" "$T/body" '发送失败'
has "a retry button for the failed one" "$T/body" 'action="/admin/mail/3/retry"'
has "the staff menu links the page" "$T/body" 'href="/admin/mail"'
req a GET '/admin/mail?state=sent'
has "the sent filter" "$T/body" '已发送:共 2 封'
hasnt "failed ones are not among the sent" "$T/body" 'wang.wu@example.org'
tok=$(csrf)
req a POST /admin/mail/3/retry
eq "retry without CSRF is 403" "$STATUS" 403
req c GET /admin/
ctok=$(csrf)
req c POST /admin/mail/3/retry --data-urlencode "csrf=$ctok"
eq "a clerk cannot retry" "$STATUS" 403
eq "still failed" "$(q 'SELECT failed FROM outbox WHERE id = 3')" 1
req a POST /admin/mail/3/retry --data-urlencode "csrf=$tok"
eq "retry redirects (303)" "$STATUS" 303
eq "back in the queue, due now" "$(q "SELECT failed, next_at <= strftime('%s', 'now') FROM outbox WHERE id = 3")" '0|1'
check "the retry is audited" sh -c "'$GONGKAI' audit list --db '$DB' --limit 1 | grep -q 'outbox.retry	outbox/3'"
req a POST /admin/mail/2/retry --data-urlencode "csrf=$tok"
eq "retrying a sent message is 409" "$STATUS" 409
sleep 1
eq "no mail while not configured" "$(nmail)" 2
stop_server

# ---- the server's tick sends what is due
start_server "$DB" --config "$T/tick.conf"
i=0
while [ "$(nmail)" -lt 3 ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
eq "the tick delivered the queued message" "$(nmail)" 3
has "to its recipient" "$MAIL/3.env" 'to wang.wu@example.org'
i=0
while [ "$(q 'SELECT sent_at IS NOT NULL FROM outbox WHERE id = 3')" != 1 ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
eq "and recorded it as sent" "$(q 'SELECT sent_at IS NOT NULL, attempts FROM outbox WHERE id = 3')" '1|3'
has "the server logged it" "$T/server.log" 'mail 3 sent (attempt 3)'
login a admin "$PW"
req a GET /admin/mail
hasnt "no warning once configured" "$T/body" '尚未配置发信服务器'
has "the server is named" "$T/body" '发信服务器 127.0.0.1'
sleep 1.5
eq "nothing sent twice" "$(nmail)" 3
eq "all kept" "$(q 'SELECT count(*) FROM outbox')" 3
stop_sink
finish
