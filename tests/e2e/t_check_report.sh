#!/bin/sh
# t_check_report.sh - `gongkai check-report` (DESIGN.md §6) on report JSON
# files written by hand as a county office would type them in: the seed's
# own table (fj-county-2018) and a cn-2021 year, consistent and with
# deliberate errors; blanks listed as warnings; exit codes 0/1/2.
. "$(dirname "$0")/lib.sh"

# The seed's table: 259/1225 items, 259/1078 on the website, zeros else.
seed() {
	printf '{"format": "fj-county-2018", "organ": "沙县应急管理局", "year": 2018, "cells": ['
	sep=""
	for r in items items.website items.gazette applications \
		applications.in_person applications.online applications.letter_fax \
		replies replies.disclosed replies.partial replies.withheld \
		replies.other complaints reviews lawsuits; do
		y=0; c=0
		case $r in items) y=259; c=1225 ;; items.website) y=259; c=1078 ;; esac
		case $r in "$1") y=$2 ;; esac
		printf '%s{"table":"stats","row":"%s","col":"year","value":%s},' "$sep" "$r" "$y"
		printf '{"table":"stats","row":"%s","col":"cumulative","value":%s}' "$r" "$c"
		sep=","
	done
	printf ']}\n'
}
seed none 0 > "$T/seed.json"
"$GONGKAI" check-report "$T/seed.json" > "$T/out" 2> "$T/err"
eq "the seed's table holds: exit 0" "$?" 0
eq "nothing printed" "$(cat "$T/out")" ""
seed replies.partial 1 > "$T/bad.json"
"$GONGKAI" check-report "$T/bad.json" > "$T/out" 2> "$T/err"
eq "a reply counted in a part only: exit 1" "$?" 1
has "names the rule" "$T/out" "stats.replies: column year: 0 ≠ 1"
seed items.website 300 > "$T/bad.json"
"$GONGKAI" check-report "$T/bad.json" > "$T/out"
eq "website above total: exit 1" "$?" 1
has "the part rule" "$T/out" "stats.website: column year: 300 > 259"
hasnt "a good row is quiet" "$T/out" "stats.cumulative"
seed items 1300 > "$T/bad.json"
"$GONGKAI" check-report "$T/bad.json" > "$T/out"
eq "a year above its cumulative total: exit 1" "$?" 1
has "the cumulative rule" "$T/out" "stats.cumulative: row items: 1300 > 1225"

# cn-2021: new 3 + carried in 1 = disclosed 2 + not held 1 + carried out 1
cat > "$T/c21.json" <<'JSON'
{"format": "cn-2021", "organ": "某局", "year": 2023, "cells": [
 {"table": "applications", "row": "new", "col": "natural", "value": 2},
 {"table": "applications", "row": "new", "col": "commercial", "value": 1},
 {"table": "applications", "row": "new", "col": "total", "value": 3},
 {"table": "applications", "row": "carried_in", "col": "natural", "value": 1},
 {"table": "applications", "row": "carried_in", "col": "total", "value": 1},
 {"table": "applications", "row": "result.disclosed", "col": "natural", "value": 2},
 {"table": "applications", "row": "result.disclosed", "col": "total", "value": 2},
 {"table": "applications", "row": "result.unavailable.not_held", "col": "commercial", "value": 1},
 {"table": "applications", "row": "result.unavailable.not_held", "col": "total", "value": 1},
 {"table": "applications", "row": "result.total", "col": "natural", "value": 2},
 {"table": "applications", "row": "result.total", "col": "commercial", "value": 1},
 {"table": "applications", "row": "result.total", "col": "total", "value": 3},
 {"table": "applications", "row": "carried_out", "col": "natural", "value": 1},
 {"table": "applications", "row": "carried_out", "col": "total", "value": 1},
 {"table": "active", "row": "fees", "col": "amount", "value": 0.1234},
 {"table": "cases", "row": "all", "col": "review.upheld", "value": 1},
 {"table": "cases", "row": "all", "col": "review.total", "value": 1}
]}
JSON
"$GONGKAI" check-report "$T/c21.json" > "$T/out" 2> "$T/err"
eq "a consistent cn-2021 report: exit 0" "$?" 0
has "blank cells listed" "$T/out" "blank: applications/new/research"
has "a blank in the cases table" "$T/out" "blank: cases/all/litigation_direct.total"
hasnt "a filled cell is not blank" "$T/out" "blank: applications/new/natural"
eq "every other cell is blank (200 - 17)" "$(grep -c '^blank: ' "$T/out")" 183
eq "only blanks printed" "$(grep -vc '^blank: ' "$T/out")" 0
sed 's/"row": "carried_out", "col": "natural", "value": 1/"row": "carried_out", "col": "natural", "value": 0/' \
	"$T/c21.json" > "$T/c21b.json"
"$GONGKAI" check-report "$T/c21b.json" > "$T/out"
eq "carry-out off by one: exit 1" "$?" 1
has "the printed relation, per column" "$T/out" "applications.balance: column natural: 3 ≠ 2"
hasnt "other columns hold" "$T/out" "applications.balance: column total"
sed 's/"col": "review.total", "value": 1/"col": "review.total", "value": "2"/' \
	"$T/c21.json" > "$T/c21c.json"
"$GONGKAI" check-report "$T/c21c.json" > "$T/out"
eq "a case total off (typed as a string): exit 1" "$?" 1
has "the case rule" "$T/out" "cases.review_total: row all: 2 ≠ 1"

# unreadable files and unknown formats: exit 2
printf '{"format": "cn-2031", "cells": []}' > "$T/x.json"
"$GONGKAI" check-report "$T/x.json" > "$T/out" 2> "$T/err"
eq "an unknown format: exit 2" "$?" 2
has "says which are known" "$T/err" "cn-2021"
printf '{"cells": []}' > "$T/x.json"
"$GONGKAI" check-report "$T/x.json" 2> "$T/err"
eq "no format named: exit 2" "$?" 2
printf '{"format": "cn-2021", "cells": [' > "$T/x.json"
"$GONGKAI" check-report "$T/x.json" 2> "$T/err"
eq "broken JSON: exit 2" "$?" 2
printf '{"format": "cn-2021", "cells": [{"table": "cases", "row": "all", "col": "review.total", "value": "many"}]}' > "$T/x.json"
"$GONGKAI" check-report "$T/x.json" 2> "$T/err"
eq "a value that is no number: exit 2" "$?" 2
has "names the cell" "$T/err" "cases/all/review.total"
printf '{"format": "cn-2021", "cells": [{"table": "cases", "row": "all", "col": "review.total", "value": 1}, {"table": "cases", "row": "all", "col": "review.total", "value": 1}]}' > "$T/x.json"
"$GONGKAI" check-report "$T/x.json" 2> "$T/err"
eq "a cell twice: exit 2" "$?" 2
"$GONGKAI" check-report "$T/none.json" 2> "$T/err"
eq "a missing file: exit 2" "$?" 2
"$GONGKAI" check-report 2> "$T/err"
eq "no argument: exit 2" "$?" 2
printf '{"format": "cn-2021", "cells": [{"table": "cases", "row": "all", "col": "review.hmm", "value": 1}]}' > "$T/x.json"
"$GONGKAI" check-report "$T/x.json" > "$T/out"
eq "an unknown cell is a warning: exit 0" "$?" 0
has "listed" "$T/out" "unknown: cases/all/review.hmm"
finish
