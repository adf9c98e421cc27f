#!/bin/sh
# t_report.sh - `gongkai report` (DESIGN.md §6) from records imported
# through the CLI: the seed bureau's 2018 (tests/fixtures/shaxian-yjj-2018)
# gives the seed's table cell for cell in fj-county-2018; the report file
# passes `gongkai check-report`; bad arguments exit 2.
. "$(dirname "$0")/lib.sh"

FIX="$(cd "$(dirname "$0")/../fixtures/shaxian-yjj-2018" && pwd)"
DB="$T/g.db"
"$GONGKAI" init --db "$DB" > /dev/null || exit 1
"$GONGKAI" organ add --db "$DB" --name 沙县应急管理局 --slug shaxian-yjj \
	--code 003510427 > /dev/null || exit 1
"$GONGKAI" import --db "$DB" --organ shaxian-yjj items "$FIX/items.csv" > "$T/out"
eq "the 259 items of 2018 imported" "$?" 0
"$GONGKAI" import --db "$DB" --organ shaxian-yjj baseline "$FIX/baseline.csv" > "$T/out"
eq "the 2017 totals imported" "$?" 0
"$GONGKAI" import --db "$DB" --organ shaxian-yjj activities "$FIX/activities.csv" > "$T/out"
eq "the year's other work imported" "$?" 0

"$GONGKAI" report --db "$DB" --organ shaxian-yjj --year 2018 \
	--format fj-county-2018 --out "$T/r.json" > "$T/out"
eq "report written" "$?" 0
has "says what it wrote" "$T/out" "0 of 23 checks failed"
cell() { jq -r --arg r "$1" --arg c "$2" \
	'[.cells[] | select(.table == "stats" and .row == $r and .col == $c) | .value] | map(tostring) | join(",")' "$T/r.json"; }
eq "format named" "$(jq -r .format "$T/r.json")" fj-county-2018
eq "organ named" "$(jq -r .organ "$T/r.json")" 沙县应急管理局
eq "year" "$(jq -r .year "$T/r.json")" 2018
eq "every cell once (15 rows x 2)" "$(jq '.cells | length' "$T/r.json")" 30
# the seed's table
eq "主动公开文件数 2018" "$(cell items year)" 259
eq "主动公开文件数 历年累计" "$(cell items cumulative)" 1225
eq "政府网站公开数 2018" "$(cell items.website year)" 259
eq "政府网站公开数 历年累计" "$(cell items.website cumulative)" 1078
for r in items.gazette applications applications.in_person applications.online \
	applications.letter_fax replies replies.disclosed replies.partial \
	replies.withheld replies.other complaints reviews lawsuits; do
	eq "$r is 0 in both columns" "$(cell "$r" year)/$(cell "$r" cumulative)" "0/0"
done
eq "every check holds" "$(jq '[.checks[] | select(.ok | not)] | length' "$T/r.json")" 0
eq "checks listed" "$(jq '.checks | length' "$T/r.json")" 23
eq "six sections, in order" "$(jq -r '[.sections[].id] | join(" ")' "$T/r.json")" \
	"overview active applications cases problems other"
"$GONGKAI" check-report "$T/r.json" > "$T/out"
eq "check-report agrees" "$?" 0

# the same year in the national format
"$GONGKAI" report --db "$DB" --organ shaxian-yjj --year 2018 \
	--format cn-2021 --out "$T/n.json" > "$T/out"
eq "cn-2021 report written" "$?" 0
eq "every cn-2021 cell once" "$(jq '.cells | length' "$T/n.json")" 200
eq "7 penalty decisions (the seed's 7 records)" \
	"$(jq '.cells[] | select(.table == "active" and .row == "penalty") | .value' "$T/n.json")" 7
eq "no licence decisions" \
	"$(jq '.cells[] | select(.table == "active" and .row == "licence") | .value' "$T/n.json")" 0
eq "no fee income" \
	"$(jq '.cells[] | select(.table == "active" and .row == "fees") | .value' "$T/n.json")" 0
eq "no normative documents in 2018" \
	"$(jq '[.cells[] | select(.table == "active" and .row == "normative") | .value] | add' "$T/n.json")" 0
"$GONGKAI" check-report "$T/n.json" > /dev/null
eq "check-report on it" "$?" 0

# fee income in 万元 to 4 decimals; licence decisions; another organ's
# records never count
"$GONGKAI" organ add --db "$DB" --name 测试市场监管局 --slug test-scj > /dev/null
printf 'date,kind,count,amount,title\n2018-03-01,fee_income,1,12345.67,收费\n2018-07-01,fee_income,1,0.5,收费\n2018-05-05,licence_decision,5,,许可决定\n2019-01-01,licence_decision,9,,次年\n' > "$T/a.csv"
"$GONGKAI" import --db "$DB" --organ test-scj activities "$T/a.csv" > /dev/null
eq "another organ's activities imported" "$?" 0
"$GONGKAI" report --db "$DB" --organ test-scj --year 2018 --format cn-2021 --out "$T/s.json" > /dev/null
eq "fees: 12346.17 yuan = 1.2346 万元" \
	"$(jq '.cells[] | select(.table == "active" and .row == "fees") | .value' "$T/s.json")" 1.2346
eq "licence decisions of 2018 only" \
	"$(jq '.cells[] | select(.table == "active" and .row == "licence") | .value' "$T/s.json")" 5
eq "no penalties here" \
	"$(jq '.cells[] | select(.table == "active" and .row == "penalty") | .value' "$T/s.json")" 0
"$GONGKAI" report --db "$DB" --organ shaxian-yjj --year 2018 --format cn-2021 --out "$T/n2.json" > /dev/null
eq "and none of it at the bureau" \
	"$(jq '.cells[] | select(.table == "active" and .row == "fees") | .value' "$T/n2.json")" 0

# bad arguments
"$GONGKAI" report --db "$DB" --organ shaxian-yjj --year 2018 --format cn-2099 --out "$T/x.json" 2> "$T/err"
eq "an unknown format: exit 2" "$?" 2
has "lists the known formats" "$T/err" "fj-county-2018"
"$GONGKAI" report --db "$DB" --organ nobody --year 2018 --format cn-2021 --out "$T/x.json" 2> "$T/err"
eq "an unknown organ: exit 2" "$?" 2
"$GONGKAI" report --db "$DB" --organ shaxian-yjj --year 18 --format cn-2021 --out "$T/x.json" 2> "$T/err"
eq "a bad year: exit 2" "$?" 2
"$GONGKAI" report --db "$DB" --organ shaxian-yjj --year 2018 --format cn-2021 --out "$T/x.txt" 2> "$T/err"
eq "an unknown type: exit 2" "$?" 2
"$GONGKAI" report --db "$DB" --organ shaxian-yjj --year 2018 --format cn-2021 2> "$T/err"
eq "no --out: exit 2" "$?" 2
check "nothing written for bad arguments" test ! -e "$T/x.json"
finish
