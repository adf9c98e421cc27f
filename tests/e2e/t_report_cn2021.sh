#!/bin/sh
# t_report_cn2021.sh - a hand-built year in the national 2021 format: the
# records of one organ for 2023 (imported through the CLI) hold every
# outcome code, every applicant kind, applications carried in from 2022
# and carried out into 2024, cases pending at the year's end, activities
# and rules/normative documents issued and abolished; every one of the 200
# cells of `gongkai report --format cn-2021` is as counted by hand below
# (DESIGN.md §6 counting rules), and every check holds.
. "$(dirname "$0")/lib.sh"

. "$(dirname "$0")/cn2021_year.sh"
"$GONGKAI" report --db "$DB" --organ t --year 2023 --format cn-2021 --out "$T/r.json" > "$T/out"
eq "report written" "$?" 0
eq "200 cells" "$(jq '.cells | length' "$T/r.json")" 200
# every nonzero cell, counted by hand; all the others are 0
cat > "$T/want" <<'W'
active/normative/abolished=1
active/normative/issued=1
active/normative/valid=1
active/rules/issued=2
active/rules/valid=2
active/licence/decisions=12
active/penalty/decisions=3
active/coercion/decisions=1
active/fees/amount=1.2346
applications/new/natural=4
applications/new/commercial=4
applications/new/research=4
applications/new/public_interest=3
applications/new/legal_service=4
applications/new/other=4
applications/new/total=23
applications/carried_in/natural=1
applications/carried_in/commercial=1
applications/carried_in/total=2
applications/result.disclosed/natural=2
applications/result.disclosed/total=2
applications/result.partial/commercial=1
applications/result.partial/total=1
applications/result.withheld.state_secret/research=1
applications/result.withheld.state_secret/total=1
applications/result.withheld.law_prohibited/public_interest=1
applications/result.withheld.law_prohibited/total=1
applications/result.withheld.security_stability/legal_service=1
applications/result.withheld.security_stability/total=1
applications/result.withheld.third_party/other=1
applications/result.withheld.third_party/total=1
applications/result.withheld.internal_affairs/natural=1
applications/result.withheld.internal_affairs/total=1
applications/result.withheld.process_info/commercial=1
applications/result.withheld.process_info/total=1
applications/result.withheld.enforcement_file/research=1
applications/result.withheld.enforcement_file/total=1
applications/result.withheld.query_matter/public_interest=1
applications/result.withheld.query_matter/total=1
applications/result.unavailable.not_held/legal_service=1
applications/result.unavailable.not_held/total=1
applications/result.unavailable.needs_creation/other=1
applications/result.unavailable.needs_creation/total=1
applications/result.unavailable.unclear/natural=1
applications/result.unavailable.unclear/total=1
applications/result.not_processed.petition/commercial=1
applications/result.not_processed.petition/total=1
applications/result.not_processed.duplicate/research=1
applications/result.not_processed.duplicate/total=1
applications/result.not_processed.publication/public_interest=1
applications/result.not_processed.publication/total=1
applications/result.not_processed.excessive/legal_service=1
applications/result.not_processed.excessive/total=1
applications/result.not_processed.confirmation/other=1
applications/result.not_processed.confirmation/total=1
applications/result.other.no_supplement/natural=1
applications/result.other.no_supplement/total=1
applications/result.other.fee_unpaid/commercial=1
applications/result.other.fee_unpaid/total=1
applications/result.other.other/research=1
applications/result.other.other/total=1
applications/result.total/natural=5
applications/result.total/commercial=4
applications/result.total/research=4
applications/result.total/public_interest=3
applications/result.total/legal_service=3
applications/result.total/other=3
applications/result.total/total=22
applications/carried_out/commercial=1
applications/carried_out/legal_service=1
applications/carried_out/other=1
applications/carried_out/total=3
cases/all/review.upheld=1
cases/all/review.pending=1
cases/all/review.total=2
cases/all/litigation_direct.other=1
cases/all/litigation_direct.total=1
cases/all/litigation_after_review.pending=1
cases/all/litigation_after_review.total=1
W
jq -r '.cells[] | select(.value != 0) | "\(.table)/\(.row)/\(.col)=\(.value)"' "$T/r.json" | sort > "$T/got"
sort "$T/want" > "$T/want.s"
if diff "$T/want.s" "$T/got" > "$T/diff"; then ok "every nonzero cell as counted by hand"; else bad "cells differ" "$(cat "$T/diff")"; fi
eq "the rest are 0" "$(jq '[.cells[] | select(.value == 0)] | length' "$T/r.json")" $((200 - $(wc -l < "$T/want")))
eq "every check holds" "$(jq '[.checks[] | select(.ok | not)] | length' "$T/r.json")" 0
eq "42 checks (7 cols x 2, 25 rows, 3 case totals)" "$(jq '.checks | length' "$T/r.json")" 42
has "the printed relation per column" "$T/r.json" '"detail": "column total: 25 = 25'
"$GONGKAI" check-report "$T/r.json" > /dev/null
eq "check-report: consistent" "$?" 0
# one cell typed wrong breaks exactly the checks it is part of
jq '(.cells[] | select(.table == "applications" and .row == "carried_out" and .col == "other") | .value) = 0' "$T/r.json" > "$T/bad.json"
"$GONGKAI" check-report "$T/bad.json" > "$T/out"
eq "check-report: inconsistent" "$?" 1
has "the balance of the column" "$T/out" "applications.balance: column other: 4 ≠ 3"
has "the total column of the row" "$T/out" "applications.total_column: row carried_out: 3 ≠ 2"
eq "two violations" "$(grep -vc '^blank' "$T/out")" 2
finish
