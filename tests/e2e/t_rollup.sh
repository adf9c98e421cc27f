#!/bin/sh
# t_rollup.sh - the county roll-up through the CLI and the real server: a
# county with three departments (one with a sub-unit) and, beside it,
# another county whose records must never count; records imported into
# each. Every cell of the roll-up (`gongkai report --rollup`, and the
# back office's JSON) is the sum of the organs' own reports, computed
# from each one's JSON with jq, in cn-2021 and in fj-county-2018 (whose
# cumulative column sums each organ's baselines); the status list says
# who published on time (a department by 31 January, the county by 31
# March: reports posted as catalog items with their dates), late (with
# the date), or not at all (overdue; not yet due for this year), and
# whose live or published figures fail a cross-check (a format of the
# data directory with a check the rules break) or went out over one;
# only the leader of the county (or an admin) sees the county's
# roll-up: a department's clerk or leader and the county's clerk get 403.
# The roll-up downloads as JSON and as Excel (the summed tables, whose
# figures LibreOffice reads back equal to the JSON's, and the status list
# as a sheet), Word and PDF.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/xlsx.sh"

DB="$T/g.db"
PW=gongkai2026
THIS=$(date +%Y)
Y=$((THIS - 2))
N=$((Y + 1))
TODAY=$(date +%F)
"$GONGKAI" init --db "$DB" > /dev/null || exit 1
org() { "$GONGKAI" organ add --db "$DB" --name "$1" --slug "$2" ${3:+--parent "$3"} > /dev/null || exit 1; }
org 测试县人民政府 county
org 测试县应急管理局 d1 county
org 测试县财政局 d2 county
org 测试县教育局 d3 county
org 测试县应急指挥中心 g d1
org 邻县人民政府 other
org 邻县财政局 other-d other
user() { echo "$PW" | "$GONGKAI" user add --db "$DB" --organ "$1" --login "$2" \
	--role "$3" --password-stdin > /dev/null || exit 1; }
user county c-leader leader
user county c-clerk clerk
user d1 d1-clerk clerk
user d1 d1-leader leader
user d2 d2-leader leader
user g g-leader leader
user other root admin

imp() { "$GONGKAI" import --db "$DB" --organ "$1" "$2" "$3" > "$T/imp.out" 2>&1
	eq "import $2 into $1" "$?" 0; }
# organ number k: k + 1 applications received in Y (k replied, one carried
# out), one from a company, k items (one a rule in d3 and g), k penalties,
# fee income of k yuan, a review case in d2
i=0
for o in county d1 d2 d3 g other other-d; do
	i=$((i + 1))
	{
		echo "received_date,channel,applicant_kind,outcome,replied_date"
		j=0
		while [ $j -lt $i ]; do
			echo "$Y-03-0$((j % 9 + 1)),online,natural,disclosed,$Y-03-2$((j % 9))"
			j=$((j + 1))
		done
		echo "$Y-12-30,letter,commercial,,"
	} > "$T/apps-$o.csv"
	imp "$o" applications "$T/apps-$o.csv"
	{
		echo "title,category,kind,published_date,channels"
		j=0
		while [ $j -lt $i ]; do
			echo "通知$j,通知公告,normal,$Y-05-0$((j % 9 + 1)),website"
			j=$((j + 1))
		done
		case $o in d3|g) echo "规章一,通知公告,rule,$Y-06-01,website;gazette" ;; esac
		echo "旧通知,通知公告,normal,$((Y - 1))-05-01,website"
	} > "$T/items-$o.csv"
	imp "$o" items "$T/items-$o.csv"
	printf 'date,kind,count,amount\n%s-04-01,penalty,%s,\n%s-05-01,fee_income,1,%s\n' \
		"$Y" "$i" "$Y" "$i" > "$T/acts-$o.csv"
	imp "$o" activities "$T/acts-$o.csv"
done
printf 'kind,filed_date,result,closed_date\nreview,%s-02-01,upheld,%s-05-01\n' "$Y" "$Y" > "$T/cases.csv"
imp d2 cases "$T/cases.csv"
# opening balances of different years: d2 and g
printf 'metric,year,value\nitems,%s,100\nitems.website,%s,80\n' "$((Y - 2))" "$((Y - 2))" > "$T/base-d2.csv"
imp d2 baseline "$T/base-d2.csv"
printf 'metric,year,value\nitems,%s,40\n' "$((Y - 1))" > "$T/base-g.csv"
imp g baseline "$T/base-g.csv"
# reports made outside gongkai, posted as catalog items with their dates:
# d1 by 31 January (on time), the county on 20 March (on time for it)
printf 'title,category,kind,published_date,channels\n%s年度报告,政务公开,annual_report,%s-01-20,website\n' "$Y" "$N" > "$T/ar-d1.csv"
imp d1 items "$T/ar-d1.csv"
printf 'title,category,kind,published_date,channels\n%s年度报告,政务公开,annual_report,%s-03-20,website\n' "$Y" "$N" > "$T/ar-c.csv"
imp county items "$T/ar-c.csv"

# the CLI: each organ's report, and the roll-up
rep() { "$GONGKAI" report --db "$DB" --organ "$1" --year "$Y" --format "$2" --out "$3" ${4:-} > "$T/rep.out" 2>&1; }
# jq: {"table/row/col": value} of a report, and the sum of several
cellmap='[.cells[] | {key: "\(.table)/\(.row)/\(.col)", value: .value}] | from_entries'
summed='map('"$cellmap"') | reduce .[] as $m ({}; reduce ($m | keys[]) as $k (.; .[$k] += $m[$k])) | map_values(. * 10000 | round)'
for f in cn-2021 fj-county-2018; do
	for o in county d1 d2 d3 g other-d; do
		rep "$o" "$f" "$T/$f-$o.json"
	done
	rep county "$f" "$T/$f-rollup.json" --rollup
	eq "$f: --rollup writes the report" "$?" 0
	has "$f: says so" "$T/rep.out" "wrote $T/$f-rollup.json"
	jq -S "$cellmap"' | map_values(. * 10000 | round)' "$T/$f-rollup.json" > "$T/got"
	jq -s -S "$summed" "$T/$f-county.json" "$T/$f-d1.json" "$T/$f-d2.json" \
		"$T/$f-d3.json" "$T/$f-g.json" > "$T/want"
	check "$f: every cell is the sum of the organs' cells" cmp -s "$T/got" "$T/want"
	eq "$f: as many cells as the organ's own report" \
		"$(jq '.cells | length' "$T/$f-rollup.json")" "$(jq '.cells | length' "$T/$f-county.json")"
	jq -s -S "$summed" "$T/$f-county.json" "$T/$f-d1.json" "$T/$f-d2.json" \
		"$T/$f-d3.json" "$T/$f-g.json" "$T/$f-other-d.json" > "$T/wrong"
	check "$f: the other county's department is not in it" sh -c "! cmp -s '$T/got' '$T/wrong'"
	"$GONGKAI" check-report "$T/$f-rollup.json" > "$T/cr.out"
	eq "$f: check-report passes the roll-up" "$?" 0
	eq "$f: the organ named" "$(jq -r .organ "$T/$f-rollup.json")" 测试县人民政府
done
cell() { jq ".cells[] | select(.table == \"$2\" and .row == \"$3\" and .col == \"$4\") | .value" "$1"; }
# by hand: organs 1..5 received 1..5 + 1 applications each
eq "cn-2021: new applications, total" "$(cell "$T/cn-2021-rollup.json" applications new total)" 20
eq "cn-2021: carried out (one an organ)" "$(cell "$T/cn-2021-rollup.json" applications carried_out commercial)" 5
eq "cn-2021: rules issued (d3 and g)" "$(cell "$T/cn-2021-rollup.json" active rules issued)" 2
eq "cn-2021: penalties 1+2+3+4+5" "$(cell "$T/cn-2021-rollup.json" active penalty decisions)" 15
eq "cn-2021: fees 15 yuan in 万元" "$(cell "$T/cn-2021-rollup.json" active fees amount)" 0.0015
eq "cn-2021: the review case" "$(cell "$T/cn-2021-rollup.json" cases all review.upheld)" 1
eq "without --rollup: the county alone" "$(cell "$T/cn-2021-county.json" applications new total)" 2
# cumulative: county 1+1, d1 2+1, d2 100 + 3 + 0 (its Y-1 item after the
# baseline), d3 4+1+1, g 40 + 5 + 1 (the rule): 1 + ... by each organ
eq "fj-county-2018: cumulative items with two organs' baselines" \
	"$(cell "$T/fj-county-2018-rollup.json" stats items cumulative)" \
	"$(jq -s 'map(.cells[] | select(.row == "items" and .col == "cumulative") | .value) | add' \
		"$T/fj-county-2018-county.json" "$T/fj-county-2018-d1.json" "$T/fj-county-2018-d2.json" \
		"$T/fj-county-2018-d3.json" "$T/fj-county-2018-g.json")"
eq "fj-county-2018: cumulative items by hand" "$(cell "$T/fj-county-2018-rollup.json" stats items cumulative)" 161
"$GONGKAI" report --db "$DB" --organ county --year "$Y" --format cn-2021 --rollup --out "$T/x.txt" > /dev/null 2>&1
eq "a bad extension with --rollup: exit 2" "$?" 2

# a format of the data directory with a check the rules break: rules
# issued must equal normative documents issued (d3 and g issue a rule)
mkdir -p "$T/dd/data/report-formats"
jq '.checks += [{"id": "test.rules_normative", "label": "测试：规章数等于规范性文件数", "table": "active", "each": "col", "left": ["rules"], "right": ["normative"]}]' \
	"$(dirname "$0")/../../data/report-formats/cn-2021.json" \
	> "$T/dd/data/report-formats/cn-2021.json"

start_server "$DB"
R=/admin/o/county/rollup
login cl c-leader "$PW"
login cc c-clerk "$PW"
login d1c d1-clerk "$PW"
login d1l d1-leader "$PW"
login d2 d2-leader "$PW"
login adm root "$PW"
# d2 publishes in gongkai now: after 31 January, late
req d2 GET "/admin/o/d2/reports/$Y"
tok=$(csrf)
req d2 POST "/admin/o/d2/reports/$Y/publish" --data-urlencode "csrf=$tok" --data-urlencode format=cn-2021
eq "d2 publishes its report" "$STATUS" 303

req d1c GET "$R/$Y"
eq "a department's clerk: 403" "$STATUS" 403
req d1l GET "$R/$Y"
eq "a department's leader: 403 on the county" "$STATUS" 403
req cc GET "$R/$Y"
eq "the county's clerk: 403" "$STATUS" 403
req cc GET "$R/$Y/rollup.json"
eq "the county's clerk: no JSON either" "$STATUS" 403
req adm GET "$R/$Y"
eq "an admin may" "$STATUS" 200
req cl GET "$R"
eq "the roll-up: to last year" "$STATUS" 303
has "last year" "$T/hdr" "$R/$((THIS - 1))"
req cl GET "$R?year=$Y&format=fj-county-2018"
has "the chooser keeps the format" "$T/hdr" "$R/$Y?format=fj-county-2018"
req cl GET "$R?year=1800"
eq "a bad year: 400" "$STATUS" 400
req cl GET "$R/$Y"
eq "the county's leader sees it" "$STATUS" 200
cp "$T/body" "$T/page.html"
has "the default format for the year" "$T/page.html" 'value="cn-2021" selected'
has "counts: 2 on time" "$T/page.html" "<strong>2</strong> 个按时发布"
has "counts: 1 late" "$T/page.html" "<strong>1</strong> 个逾期发布"
has "counts: 2 missing" "$T/page.html" "<strong>2</strong> 个未发布"
has "counts: none failing" "$T/page.html" "<strong>0</strong> 个勾稽关系未通过"
hasnt "not the other county" "$T/page.html" 邻县
row() { tr -d '\n' < "$T/page.html" | sed 's/<tr>/\n<tr>/g' | grep -F "$1" | head -n 1 > "$T/row"; }
row "测试县人民政府（本级人民政府）"
has "county: due 31 March" "$T/row" "$N-03-31"
has "county: on time" "$T/row" "按时发布"
has "county: on 20 March" "$T/row" "$N-03-20"
has "county: its public report (the catalog item)" "$T/row" 'href="/organ/county/item/'
has "county: its back-office report" "$T/row" "href=\"/admin/o/county/reports/$Y\""
row "测试县应急管理局（部门）"
has "d1: due 31 January" "$T/row" "$N-01-31"
has "d1: on time" "$T/row" "按时发布"
row "测试县财政局（部门）"
has "d2: late" "$T/row" "逾期发布"
has "d2: with the date" "$T/row" "$TODAY"
has "d2: its public report page" "$T/row" "href=\"/organ/d2/report/$Y\""
row "测试县教育局（部门）"
has "d3: missing, overdue" "$T/row" "未发布（已逾期）"
hasnt "d3: no public link" "$T/row" "/organ/d3/"
row "测试县应急指挥中心（部门）"
has "g, the grandchild, is listed" "$T/row" "未发布（已逾期）"
has "the roll-up tables" "$T/page.html" 'class="report-table"'
has "the checks ran" "$T/page.html" "未通过 <strong>0</strong> 项"
req cl GET "$R/$Y/rollup.json"
eq "JSON export" "$STATUS" 200
has "as JSON" "$T/hdr" "application/json"
jq -S "$cellmap" "$T/body" > "$T/web"
jq -S "$cellmap" "$T/cn-2021-rollup.json" > "$T/cli"
check "the web's JSON has the CLI's cells" cmp -s "$T/web" "$T/cli"
# the roll-up as Excel: the summed tables (the figures of rollup.json, in
# order) and the status list as a sheet of its own
XL=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
has "the page offers the roll-up as Excel" "$T/page.html" "rollup/$Y/rollup.xlsx?format=cn-2021"
req cl GET "$R/$Y/rollup.xlsx"
eq "rollup.xlsx: 200" "$STATUS" 200
has "as Excel" "$T/hdr" "Content-Type: $XL"
cp "$T/body" "$T/rollup.xlsx"
xlsx_sheets "$T/rollup.xlsx" > "$T/ru.sheets"
eq "说明, the three tables, the status list" "$(tr '\n' ' ' < "$T/ru.sheets")" \
	"说明 主动公开政府信息情况 收到和处理政府信息公开申请情况 政府信息公开行政复议、行政诉讼情况 ${Y}年度各机关年度报告发布情况 "
xlsx_csv "$T/rollup.xlsx" "$T/ru-csv"
eq "LibreOffice Calc reads every sheet" "$?:$(ls "$T/ru-csv" | wc -l)" 0:5
for s in 主动公开政府信息情况 收到和处理政府信息公开申请情况 政府信息公开行政复议、行政诉讼情况; do
	cat "$T/ru-csv/rollup-$s.csv"
done > "$T/ru.tables"
csv_numbers "$T/ru.tables" > "$T/ru.got"
jq -r '.cells[] | .value // "" | tostring' "$T/cn-2021-rollup.json" | grep -v '^$' > "$T/ru.want"
eq "its figures are the roll-up's sums ($(wc -l < "$T/ru.want"))" "$(diff "$T/ru.want" "$T/ru.got")" ""
has "本年新收: 20 in all" "$T/ru.tables" "一、本年新收政府信息公开申请数量,,,"
st="$T/ru-csv/rollup-${Y}年度各机关年度报告发布情况.csv"
eq "the status list: a header and the 5 organs" "$(wc -l < "$st")" 7
has "status: the county on time" "$st" "测试县人民政府,本级人民政府,$N-03-31,按时发布,$N-03-20,全部通过"
has "status: d2 late, today" "$st" "测试县财政局,部门,$N-01-31,逾期发布,$TODAY,全部通过"
has "status: d3 missing" "$st" "测试县教育局,部门,$N-01-31,未发布（已逾期）,,全部通过"
hasnt "status: not the other county" "$st" 邻县
has "说明 says what it sums" "$T/ru-csv/rollup-说明.csv" "汇总 5 个机关的记录"
for ext in docx pdf; do
	req cl GET "$R/$Y/rollup.$ext"
	eq "rollup.$ext: 200" "$STATUS" 200
done
pdftotext "$T/body" - | tr -d ' \n' > "$T/ru.pdftext"
check "the PDF lists the organs too" grep -qF "${Y}年度各机关年度报告发布情况" "$T/ru.pdftext"
req cl GET "$R/$Y/rollup.odt"
eq "a type gongkai does not write: 404" "$STATUS" 404
req cc GET "$R/$Y/rollup.xlsx"
eq "the county's clerk: no Excel either" "$STATUS" 403
req cl GET "$R/$Y/rollup.json?format=fj-county-2018"
eq "JSON in another format" "$(cell "$T/body" stats items cumulative)" 161
req cl GET "$R/$THIS"
has "this year: nobody has published, nothing due yet" "$T/body" "<strong>5</strong> 个未发布"
has "not yet due" "$T/body" "未发布（未到期）"
hasnt "none overdue" "$T/body" "已逾期"
req cl GET "/admin/o/county/"
has "the workbench links the roll-up" "$T/body" "/admin/o/county/rollup/"
req cl GET "/admin/o/county/reports"
has "the report list links it" "$T/body" "/admin/o/county/rollup/"
req d2 GET "/admin/o/d2/reports"
hasnt "a department without sub-units: no link" "$T/body" "/rollup/"
req d1l GET "/admin/o/d1/rollup/$Y"
eq "d1's leader: d1's own roll-up (it has a sub-unit)" "$STATUS" 200
has "with the sub-unit" "$T/body" 测试县应急指挥中心
hasnt "not its sibling" "$T/body" 测试县财政局
stop_server

# failing checks: d3's and g's live figures break the data directory's
# check (rules issued and valid: 2 violations each); g publishes over
# it with a reason
start_server "$DB" --data-dir "$T/dd"
login cl c-leader "$PW"
login g g-leader "$PW"
req g GET "/admin/o/g/reports/$Y"
tok=$(csrf)
req g POST "/admin/o/g/reports/$Y/publish" --data-urlencode "csrf=$tok" \
	--data-urlencode format=cn-2021 --data-urlencode "override=测试：规章另行统计"
eq "g publishes over the failing check" "$STATUS" 303
req cl GET "$R/$Y"
cp "$T/body" "$T/page.html"
has "counts: 2 failing" "$T/page.html" "<strong>2</strong> 个勾稽关系未通过"
has "counts: now 2 late" "$T/page.html" "<strong>2</strong> 个逾期发布"
row "测试县教育局（部门）"
has "d3: the live figures fail" "$T/row" "实时数据 2 项未通过"
row "测试县应急指挥中心（部门）"
has "g: late now" "$T/row" "逾期发布"
has "g: published over the check" "$T/row" "附未通过说明发布"
has "g: its published copy fails it too" "$T/row" "已发布版本 2 项未通过"
row "测试县财政局（部门）"
has "d2: passes" "$T/row" "全部通过"
has "the roll-up fails it too (2 rules, 0 normative)" "$T/page.html" "test.rules_normative"
finish
