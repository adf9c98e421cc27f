#!/bin/sh
# run-all.sh GONGKAI UNIT - runs every test suite (fmtcheck, unit, e2e,
# browser), shows their output, and ends with one line "N passed, N failed"
# summing them all; exits non-zero if anything failed.
set -u
GONGKAI=$1
UNIT=$2
export GONGKAI
cd "$(dirname "$0")/.." || exit 2
log=$(mktemp /tmp/gk-check-XXXXXX)
total_pass=0
total_fail=0
# suite NAME COMMAND...: runs it, adds its "N passed, N failed" line.
suite() {
	name=$1; shift
	echo "== $name"
	"$@" > "$log" 2>&1
	rc=$?
	cat "$log"
	line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
	p=$(echo "$line" | sed -n 's/.*\b\([0-9][0-9]*\) passed.*/\1/p')
	f=$(echo "$line" | sed -n 's/.* \([0-9][0-9]*\) failed.*/\1/p')
	[ -n "$p" ] || p=0
	[ -n "$f" ] || f=0
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1 # crashed or failed without saying so
		echo "$name: exited $rc"
	fi
	total_pass=$((total_pass + p))
	total_fail=$((total_fail + f))
}
fmt() { build/fmtcheck $(find src -name '*.c' | sort) && echo "fmtcheck: 1 passed, 0 failed"; }
suite fmtcheck fmt
# process-wide font caches of fontconfig and cairo (tests/lsan.supp)
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$PWD/tests/lsan.supp:print_suppressions=0}"
suite unit "$UNIT"
for t in tests/e2e/t_*.sh; do
	suite "$t" sh "$t"
done
suite browser sh tests/browser/run.sh
rm -f "$log"
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
