# lib.sh - shared helpers for the end-to-end tests (sourced, POSIX sh).
# Each test script gets the binary in $GONGKAI, works in its own temporary
# directory, counts checks with `check`, and ends with `finish`, which
# prints "e2e-NAME: N passed, N failed" and exits non-zero on failure.

set -u
: "${GONGKAI:?set GONGKAI to the gongkai binary}"
case "$GONGKAI" in /*) ;; *) GONGKAI="$(pwd)/$GONGKAI" ;; esac
T=$(mktemp -d /tmp/gk-e2e-XXXXXX)
NAME=$(basename "$0" .sh)
PASS=0
FAIL=0
SERVER_PID=""
# Never send test traffic through a proxy: loopback only.
export NO_PROXY='*' no_proxy='*'
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$(cd "$(dirname "$0")/.." && pwd)/lsan.supp:print_suppressions=0}"

ok() { PASS=$((PASS + 1)); echo "ok - $NAME: $1"; }
bad() { FAIL=$((FAIL + 1)); echo "not ok - $NAME: $1"; [ -n "${2:-}" ] && echo "    $2"; return 0; }
# check DESCRIPTION COMMAND...: passes when COMMAND succeeds.
check() { d=$1; shift; if "$@"; then ok "$d"; else bad "$d"; fi; }
# eq DESCRIPTION GOT WANT
eq() { if [ "$2" = "$3" ]; then ok "$1"; else bad "$1" "got '$2', want '$3'"; fi; }
# has DESCRIPTION FILE TEXT: FILE contains TEXT (fixed string)
has() { if grep -qF -- "$3" "$2"; then ok "$1"; else bad "$1" "'$3' not in $2"; fi; }
hasnt() { if grep -qF -- "$3" "$2"; then bad "$1" "'$3' found in $2"; else ok "$1"; fi; }

cleanup() {
	[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
[ -n "${KEEP_T:-}" ] && trap - EXIT

finish() {
	stop_server
	echo "e2e-$NAME: $PASS passed, $FAIL failed"
	[ "$FAIL" -eq 0 ]
	exit $?
}

# await_line PID FILE SED-SCRIPT: waits, 10 s at most and while process
# PID lives, until `sed -n SED-SCRIPT FILE` prints something; that is then
# in $LINE. Returns 0 when it did, 1 when not.
await_line() {
	i=0
	while [ $i -lt 100 ]; do
		LINE=$(sed -n "$3" "$2")
		[ -n "$LINE" ] && return 0
		kill -0 "$1" 2>/dev/null || return 1
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# start_server DB [extra serve args...]: sets BASE and SERVER_PID.
start_server() {
	db=$1; shift
	: > "$T/server.out"
	"$GONGKAI" serve --db "$db" --listen 127.0.0.1:0 "$@" \
		> "$T/server.out" 2> "$T/server.log" &
	SERVER_PID=$!
	if await_line "$SERVER_PID" "$T/server.out" \
		's|^gongkai: serving \(http://[^ ]*\)/$|\1|p'; then
		BASE=$LINE
		return 0
	fi
	echo "server did not start:"; cat "$T/server.log"
	exit 1
}

# stop_server: SIGTERM, wait; sets SERVER_RC.
stop_server() {
	SERVER_RC=""
	if [ -n "$SERVER_PID" ]; then
		kill -TERM "$SERVER_PID" 2>/dev/null
		wait "$SERVER_PID"
		SERVER_RC=$?
		SERVER_PID=""
	fi
}

# req JAR METHOD PATH [curl args...]: body in $T/body, headers in $T/hdr,
# status in $STATUS.
req() {
	jar=$1; m=$2; p=$3; shift 3
	STATUS=$(curl -s -o "$T/body" -D "$T/hdr" -w '%{http_code}' \
		-b "$T/$jar.jar" -c "$T/$jar.jar" -X "$m" "$@" "$BASE$p")
}
# csrf: the first csrf token in $T/body
csrf() { sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' "$T/body" | head -n 1; }

# login JAR LOGIN PASSWORD: signs in (fetching the form's token first).
login() {
	req "$1" GET /login
	tok=$(csrf)
	req "$1" POST /login --data-urlencode "csrf=$tok" \
		--data-urlencode "login=$2" --data-urlencode "password=$3"
}

# form_post JAR PAGE PATH [KEY=VALUE ...]: opens PAGE for a form token,
# then posts csrf and the KEY=VALUEs (URL-encoded) to PATH, like req.
form_post() {
	jar=$1; page=$2; path=$3; shift 3
	req "$jar" GET "$page"
	set -- "csrf=$(csrf)" "$@"
	n=$#
	for a in "$@"; do
		set -- "$@" --data-urlencode "$a"
	done
	shift $n
	req "$jar" POST "$path" "$@"
}
