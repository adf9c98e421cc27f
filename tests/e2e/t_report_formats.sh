#!/bin/sh
# t_report_formats.sh - the two formats added as data files: `cn-2019`
# (the 2019 trial national format) and `fj-putian-2009` (the 莆田 form).
# A year of records per format imported through the CLI; every nonzero
# cell is as counted by hand below (the new metric kinds: items by
# written date, matter counts read on a date with their previous year and
# change, a 历年累计 column from baselines registered by the format file),
# every check holds, check-report agrees, and the HTML and Markdown
# outputs carry the official labels.
. "$(dirname "$0")/lib.sh"

DB="$T/g.db"
"$GONGKAI" init --db "$DB" > /dev/null || exit 1
imp() { "$GONGKAI" import --db "$DB" --organ "$1" "$2" "$3" > "$T/out" 2>&1; eq "import $1 $2" "$?" 0; }
cells() { jq -r '.cells[] | select(.value != 0) | "\(.table)/\(.row)/\(.col)=\(.value)"' "$1" | sort; }
same() { sort "$2" > "$2.s"; cells "$3" > "$3.got"; if diff "$2.s" "$3.got" > "$T/diff"; then ok "$1"; else bad "$1" "$(cat "$T/diff")"; fi; }

#---- cn-2019: a hand-built 2019 ----
"$GONGKAI" organ add --db "$DB" --name 试行测试局 --slug t19 > /dev/null || exit 1
cat > "$T/items.csv" <<'CSV'
title,category,kind,written_date,published_date,abolished_date
规章甲,通知公告,rule,2018-12-20,2019-01-10,
规章乙,通知公告,rule,2019-03-01,2019-03-15,
规章丙,通知公告,rule,2019-11-20,,
次年规章,通知公告,rule,2019-12-30,2020-01-05,
上年规章,通知公告,rule,2018-03-01,2018-04-01,
规范性文件一,通知公告,normative,2019-02-01,2019-02-10,
旧规范性文件,通知公告,normative,2016-05-01,2016-06-01,2019-06-30
一般信息,通知公告,normal,2019-05-01,2019-05-02,
CSV
imp t19 items "$T/items.csv"
cat > "$T/acts.csv" <<'CSV'
date,kind,count,amount,title
2017-12-31,licence_matter,12,,许可事项清单
2018-12-31,licence_matter,15,,许可事项清单
2019-06-01,licence_matter,16,,许可事项清单
2019-12-31,licence_matter,17,,许可事项清单
2019-02-01,licence_decision,5,,许可
2019-09-01,licence_decision,7,,许可
2018-09-01,licence_decision,9,,上年许可
2019-12-01,service_matter,4,,服务事项
2019-10-01,service_decision,30,,服务事项办理
2018-12-31,penalty_matter,20,,处罚事项
2019-12-31,penalty_matter,18,,处罚事项
2019-03-01,penalty,3,,处罚
2018-05-01,coercion_matter,6,,强制事项
2019-04-01,coercion,1,,强制
2018-12-31,fee_item,3,,收费项目
2019-12-31,fee_item,2,,收费项目
2019-04-01,procurement,2,150000,采购
2019-09-01,procurement,1,23456.78,采购
2020-02-01,procurement,5,999,次年采购
CSV
imp t19 activities "$T/acts.csv"
cat > "$T/apps.csv" <<'CSV'
received_date,channel,applicant_kind,outcome,replied_date
2019-03-01,online,natural,disclosed,2019-03-20
2019-04-01,letter,commercial,partial,2019-04-25
2019-05-01,in_person,natural,withheld.third_party,2019-05-20
2019-06-01,email,research,unavailable.not_held,2019-06-15
2019-07-01,fax,other,not_processed.duplicate,2019-07-10
2019-08-01,online,natural,other.no_supplement,2019-09-30
2019-08-02,online,legal_service,other.other,2019-08-20
2018-12-20,letter,natural,disclosed,2019-01-10
2019-12-27,online,public_interest,,
2018-06-01,online,natural,disclosed,2018-06-10
CSV
imp t19 applications "$T/apps.csv"
cat > "$T/cases.csv" <<'CSV'
kind,filed_date,result,closed_date
review,2019-02-01,upheld,2019-05-01
review,2019-06-01,corrected,2020-01-15
litigation_direct,2019-03-01,other,2019-09-01
review,2018-05-01,upheld,2018-07-01
CSV
imp t19 cases "$T/cases.csv"
# 对外公开总数量 of rules: 10 by the end of 2017, then the records
printf 'metric,year,value\nrules,2017,10\n' > "$T/base19.csv"
imp t19 baseline "$T/base19.csv"

"$GONGKAI" report --db "$DB" --organ t19 --year 2019 --format cn-2019 --out "$T/r19.json" > "$T/out"
eq "cn-2019 report written" "$?" 0
# table 二: 3x2 + 3x2 + 3x2 + 2 + 2; 表三 7 x 23 rows; 表四 15
eq "cn-2019: 198 cells" "$(jq ".cells | length" "$T/r19.json")" 198
cat > "$T/want19" <<'W'
active/rules/written=3
active/rules/published=2
active/rules/total=13
active/normative/written=1
active/normative/published=1
active/normative/total=2
active/licence/previous=15
active/licence/change=2
active/licence/decisions=12
active/services/change=4
active/services/decisions=30
active/penalty/previous=20
active/penalty/change=-2
active/penalty/decisions=3
active/coercion/previous=6
active/coercion/decisions=1
active/fees/previous=3
active/fees/change=-1
active/procurement/count=3
active/procurement/amount=17.3457
applications/new/natural=3
applications/new/commercial=1
applications/new/research=1
applications/new/public_interest=1
applications/new/legal_service=1
applications/new/other=1
applications/new/total=8
applications/carried_in/natural=1
applications/carried_in/total=1
applications/result.disclosed/natural=2
applications/result.disclosed/total=2
applications/result.partial/commercial=1
applications/result.partial/total=1
applications/result.withheld.third_party/natural=1
applications/result.withheld.third_party/total=1
applications/result.unavailable.not_held/research=1
applications/result.unavailable.not_held/total=1
applications/result.not_processed.duplicate/other=1
applications/result.not_processed.duplicate/total=1
applications/result.other/natural=1
applications/result.other/legal_service=1
applications/result.other/total=2
applications/result.total/natural=4
applications/result.total/commercial=1
applications/result.total/research=1
applications/result.total/legal_service=1
applications/result.total/other=1
applications/result.total/total=8
applications/carried_out/public_interest=1
applications/carried_out/total=1
cases/all/review.upheld=1
cases/all/review.pending=1
cases/all/review.total=2
cases/all/litigation_direct.other=1
cases/all/litigation_direct.total=1
W
same "cn-2019: every nonzero cell as counted by hand" "$T/want19" "$T/r19.json"
eq "cn-2019: every check holds" "$(jq '[.checks[] | select(.ok | not)] | length' "$T/r19.json")" 0
# 2 rows (新公开 <= 总数量), 7 cols x 2, 23 rows (总计列), 3 case totals
eq "cn-2019: 42 checks" "$(jq '.checks | length' "$T/r19.json")" 42
has "cn-2019: the printed relation" "$T/r19.json" '"rule": "applications.balance"'
"$GONGKAI" check-report "$T/r19.json" > "$T/out"
eq "cn-2019: check-report consistent" "$?/$(cat "$T/out")" "0/"
jq '(.cells[] | select(.table == "active" and .row == "rules" and .col == "total") | .value) = 1' "$T/r19.json" > "$T/bad19.json"
"$GONGKAI" check-report "$T/bad19.json" > "$T/out"
eq "cn-2019: a total below the year's count is caught" "$?" 1
has "cn-2019: names the rule and the row" "$T/out" "active.published_total: row rules"

"$GONGKAI" report --db "$DB" --organ t19 --year 2019 --format cn-2019 --out "$T/r19.html" > "$T/out"
eq "cn-2019 html written" "$?" 0
xmllint --html --noout "$T/r19.html" 2> "$T/lint"
eq "cn-2019 html: xmllint clean" "$?/$(cat "$T/lint")" "0/"
"$GONGKAI" report --db "$DB" --organ t19 --year 2019 --format cn-2019 --out "$T/r19.md" > "$T/out"
eq "cn-2019 md written" "$?" 0
for l in 第二十条第（一）项 本年新制作数量 本年新公开数量 对外公开总数量 规章 规范性文件 \
	第二十条第（五）项 上一年项目数量 本年增/减 处理决定数量 行政许可 其他对外管理服务事项 \
	第二十条第（六）项 行政处罚 行政强制 第二十条第（八）项 行政事业性收费 \
	第二十条第（九）项 采购项目数量 采购总金额 政府集中采购 \
	一、本年新收政府信息公开申请数量 （六）其他处理 （七）总计 四、结转下年度继续办理 \
	复议后起诉 二、主动公开政府信息情况; do
	has "cn-2019 html: $l" "$T/r19.html" "$l"
	has "cn-2019 md: $l" "$T/r19.md" "$l"
done
hasnt "cn-2019: no 2021 sub-rows under （六）" "$T/r19.html" "逾期不补正"
has "cn-2019 md: a negative change" "$T/r19.md" "| -2 |"

#---- fj-putian-2009: the 莆田 form for 2009 ----
"$GONGKAI" organ add --db "$DB" --name 莆田测试局 --slug pt > /dev/null || exit 1
cat > "$T/pitems.csv" <<'CSV'
title,category,kind,published_date,channels
甲,通知公告,normal,2009-01-05,website
乙,通知公告,normal,2009-02-05,website;gazette
丙,通知公告,normal,2009-03-05,website
丁,通知公告,normal,2009-04-05,gazette
戊,通知公告,normal,2009-05-05,bulletin
己,通知公告,normal,2008-06-05,website
CSV
imp pt items "$T/pitems.csv"
cat > "$T/papps.csv" <<'CSV'
received_date,channel,applicant_kind,outcome,replied_date
2009-02-01,in_person,natural,disclosed,2009-02-10
2009-03-01,fax,commercial,partial,2009-03-20
2009-04-01,email,natural,withheld.state_secret,2009-04-20
2009-05-01,email,natural,unavailable.not_held,2009-05-10
2009-06-01,online,natural,disclosed,2009-06-15
2009-12-28,letter,natural,,
2008-12-30,online,natural,other.other,2009-01-08
CSV
imp pt applications "$T/papps.csv"
cat > "$T/pcases.csv" <<'CSV'
kind,filed_date,result,closed_date
review,2009-05-01,upheld,2009-06-01
litigation_after_review,2009-07-01,pending,
CSV
imp pt cases "$T/pcases.csv"
printf 'date,kind,count,title\n2009-03-01,complaint,2,申诉\n2010-01-01,complaint,1,次年\n' > "$T/pacts.csv"
imp pt activities "$T/pacts.csv"
# the 历年累计 of rows the format registers: its own (replies.refused)
# and those it shares with fj-county-2018 (items, replies, ...)
cat > "$T/pbase.csv" <<'CSV'
metric,year,value
items,2007,100
items.website,2007,80
replies,2008,10
replies.disclosed,2008,7
replies.partial,2008,1
replies.refused,2008,2
CSV
imp pt baseline "$T/pbase.csv"
printf 'metric,year,value\nreplies.refused,2008,11\n' > "$T/pbad.csv"
"$GONGKAI" import --db "$DB" --organ pt baseline "$T/pbad.csv" > "$T/out" 2>&1
eq "a part above its total (from the format's checks) is refused" "$?" 2

"$GONGKAI" report --db "$DB" --organ pt --year 2009 --format fj-putian-2009 --out "$T/p.json" > "$T/out"
eq "fj-putian-2009 report written" "$?" 0
eq "fj-putian-2009: 34 cells" "$(jq '.cells | length' "$T/p.json")" 34
cat > "$T/wantp" <<'W'
stats/items/year=5
stats/items/cumulative=106
stats/items.website/year=3
stats/items.website/cumulative=84
stats/items.gazette/year=2
stats/items.gazette/cumulative=2
stats/applications/year=6
stats/applications/cumulative=7
stats/applications.in_person/year=1
stats/applications.in_person/cumulative=1
stats/applications.fax/year=1
stats/applications.fax/cumulative=1
stats/applications.email/year=2
stats/applications.email/cumulative=2
stats/applications.internet/year=1
stats/applications.internet/cumulative=2
stats/applications.letter/year=1
stats/applications.letter/cumulative=1
stats/replies/year=6
stats/replies/cumulative=16
stats/replies.disclosed/year=2
stats/replies.disclosed/cumulative=9
stats/replies.partial/year=1
stats/replies.partial/cumulative=2
stats/replies.refused/year=3
stats/replies.refused/cumulative=5
stats/reviews/year=1
stats/reviews/cumulative=1
stats/lawsuits/year=1
stats/lawsuits/cumulative=1
stats/appeals/year=2
stats/appeals/cumulative=2
W
same "fj-putian-2009: every nonzero cell as counted by hand" "$T/wantp" "$T/p.json"
eq "fj-putian-2009: 其它形式 is 0" "$(jq '.cells[] | select(.row == "applications.other_form" and .col == "year") | .value' "$T/p.json")" 0
eq "fj-putian-2009: every check holds" "$(jq '[.checks[] | select(.ok | not)] | length' "$T/p.json")" 0
# 4 column checks x 2 columns + 17 rows
eq "fj-putian-2009: 25 checks" "$(jq '.checks | length' "$T/p.json")" 25
"$GONGKAI" check-report "$T/p.json" > "$T/out"
eq "fj-putian-2009: check-report consistent" "$?/$(cat "$T/out")" "0/"
jq '(.cells[] | select(.row == "applications.fax" and .col == "year") | .value) = 4' "$T/p.json" > "$T/pbad.json"
"$GONGKAI" check-report "$T/pbad.json" > "$T/out"
eq "fj-putian-2009: a wrong channel figure is caught" "$?" 1
has "fj-putian-2009: the total of the channels" "$T/out" "stats.applications: column year: 6 ≠ 9"
"$GONGKAI" report --db "$DB" --organ pt --year 2009 --format fj-putian-2009 --out "$T/p.html" > "$T/out"
eq "fj-putian-2009 html written" "$?" 0
xmllint --html --noout "$T/p.html" 2> "$T/lint"
eq "fj-putian-2009 html: xmllint clean" "$?/$(cat "$T/lint")" "0/"
"$GONGKAI" report --db "$DB" --organ pt --year 2009 --format fj-putian-2009 --out "$T/p.md" > "$T/out"
eq "fj-putian-2009 md written" "$?" 0
for l in 指标名称 计量单位 2009年度 历年累计 主动公开信息数 其中：1.政府网站 2.政府公报 \
	受理依申请公开信息总数 其中：1.当面申请数 2.传真申请数 3.电子邮件申请数 4.网上申请数 \
	5.信函申请数 6.其它形式申请数 本年度对申请的答复总数 其中：1.同意公开答复数 \
	2.同意部分公开答复数 3.否决公开答复总数 行政复议数 行政诉讼数 行政申诉数; do
	has "fj-putian-2009 html: $l" "$T/p.html" "$l"
	has "fj-putian-2009 md: $l" "$T/p.md" "$l"
done

#---- the 期初累计值 page lists the rows the formats register ----
echo gongkai2026 | "$GONGKAI" user add --db "$DB" --organ pt --login pt-clerk \
	--role clerk --password-stdin > /dev/null || exit 1
start_server "$DB"
login c pt-clerk gongkai2026
req c GET "/admin/o/pt/baselines?year=2009"
eq "the clerk reads the page" "$STATUS" 200
has "a row of fj-putian-2009 alone" "$T/body" "<code>replies.refused</code>"
has "its formats" "$T/body" "fj-putian-2009"
has "a shared row names both" "$T/body" "fj-county-2018, fj-putian-2009"
has "a cn-2019 total" "$T/body" "<code>rules</code>"
has "the 历年累计 of items with its baseline" "$T/body" "<strong>106</strong>"
# the report workspace: 2019 defaults to cn-2019, 2009 may choose the 莆田 form
echo gongkai2026 | "$GONGKAI" user add --db "$DB" --organ t19 --login t19-clerk \
	--role clerk --password-stdin > /dev/null || exit 1
login d t19-clerk gongkai2026
req d GET "/admin/o/t19/reports/2019"
eq "the 2019 workspace" "$STATUS" 200
has "in the 2019 trial format" "$T/body" "上一年项目数量"
has "with its figures" "$T/body" ">-2<"
req c GET "/admin/o/pt/reports/2009?format=fj-putian-2009"
eq "the 2009 workspace in the 莆田 form" "$STATUS" 200
has "its labels" "$T/body" "3.否决公开答复总数"
# the office files of both formats: Excel (a sheet per table named by its
# caption, every figure of the JSON in order as LibreOffice reads it back),
# Word and PDF with the captions
. "$(dirname "$0")/xlsx.sh"
office() {
	for ext in xlsx docx pdf; do
		"$GONGKAI" report --db "$DB" --organ "$1" --year "$2" --format "$3" --out "$T/$4.$ext" > "$T/out"
		eq "$3: .$ext written" "$?" 0
	done
	jq -r '.tables[].caption' "$T/$4.json" 2> /dev/null > "$T/$4.caps"
	[ -s "$T/$4.caps" ] || jq -r --arg o "$5" --arg y "$2" '.tables[].caption | gsub("{organ}"; $o) | gsub("{year}"; $y)' \
		"$(dirname "$0")/../../data/report-formats/$3.json" > "$T/$4.caps"
	eq "$3: xlsx sheets: 说明 and the captions" "$(xlsx_sheets "$T/$4.xlsx" | tail -n +2)" "$(cat "$T/$4.caps")"
	xlsx_csv "$T/$4.xlsx" "$T/$4-csv"
	eq "$3: LibreOffice Calc reads it" "$?" 0
	while IFS= read -r c; do cat "$T/$4-csv/$4-$c.csv"; done < "$T/$4.caps" > "$T/$4.tables.csv"
	csv_numbers "$T/$4.tables.csv" > "$T/$4.got-n"
	jq -r '.cells[] | .value // "" | tostring' "$T/$4.json" | grep -v '^$' > "$T/$4.want-n"
	eq "$3: every figure in the workbook, in order ($(wc -l < "$T/$4.want-n"))" "$(diff "$T/$4.want-n" "$T/$4.got-n")" ""
	pdftotext "$T/$4.pdf" - | tr -d ' \n' > "$T/$4.pdftext"
	check "$3: the PDF has the first caption" grep -qF "$(head -n 1 "$T/$4.caps" | tr -d ' ')" "$T/$4.pdftext"
	check "$3: the Word file has it" sh -c "unzip -p '$T/$4.docx' word/document.xml | grep -qF '$(head -n 1 "$T/$4.caps")'"
}
office t19 2019 cn-2019 r19 试行测试局
office pt 2009 fj-putian-2009 p "$(jq -r .organ "$T/p.json")"
finish
