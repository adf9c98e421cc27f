#!/bin/sh
# t_report.sh - `gongkai report` (DESIGN.md §6) from records imported
# through the CLI: the seed bureau's 2018 (tests/fixtures/shaxian-yjj-2018)
# gives the seed's table cell for cell in fj-county-2018; the report file
# passes `gongkai check-report`; the same report as HTML (xmllint clean,
# the numbers in the cells their headers name) and Markdown; bad
# arguments exit 2.
. "$(dirname "$0")/lib.sh"

. "$(dirname "$0")/shaxian_year.sh"

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

# the same year as a standalone HTML document and as Markdown
# (render/report_html.c, render/report_md.c)
"$GONGKAI" report --db "$DB" --organ shaxian-yjj --year 2018 \
	--format fj-county-2018 --out "$T/r.html" > "$T/out"
eq "html report written" "$?" 0
has "says what it wrote (html)" "$T/out" "wrote $T/r.html: 沙县应急管理局 2018, fj-county-2018, 30 cells, 0 of 23 checks failed"
xmllint --html --noout "$T/r.html" 2> "$T/lint"
eq "xmllint --html: no errors" "$?/$(cat "$T/lint")" "0/"
has "html: a zh-CN document" "$T/r.html" '<html lang="zh-CN">'
has "html: the report title" "$T/r.html" "<h1>沙县应急管理局2018年政府信息公开工作年度报告</h1>"
has "html: the table's caption" "$T/r.html" "<caption id=\"rpt-stats-caption\">沙县应急管理局政府信息公开年度统计表</caption>"
has "html: the year's column header" "$T/r.html" '<th id="rpt-stats-0-c-year" scope="col">2018年度</th>'
has "html: 259 items in 2018" "$T/r.html" \
	'<td class="num" headers="rpt-stats-r-items rpt-stats-0-c-year">259</td>'
has "html: 1225 items in all" "$T/r.html" \
	'<td class="num" headers="rpt-stats-r-items rpt-stats-0-c-cumulative">1225</td>'
has "html: 259 on the website in 2018" "$T/r.html" \
	'<td class="num" headers="rpt-stats-r-items.website rpt-stats-0-c-year">259</td>'
has "html: 1078 on the website in all" "$T/r.html" \
	'<td class="num" headers="rpt-stats-r-items.website rpt-stats-0-c-cumulative">1078</td>'
has "html: the unit column" "$T/r.html" \
	'<td class="unit" headers="rpt-stats-r-items rpt-stats-0-unit">条</td>'
has "html: the report-table styles inside" "$T/r.html" ".report-table"
eq "html: 15 rows x 2 numbers" "$(grep -o '<td class="num"' "$T/r.html" | wc -l)" 30
"$GONGKAI" report --db "$DB" --organ shaxian-yjj --year 2018 \
	--format cn-2021 --out "$T/n.html" > /dev/null
eq "cn-2021 html written" "$?" 0
xmllint --html --noout "$T/n.html" 2> "$T/lint"
eq "cn-2021 html: no xmllint errors" "$?/$(cat "$T/lint")" "0/"
has "cn-2021 html: 7 penalties, spanning 3 columns" "$T/n.html" \
	'headers="rpt-active-r-penalty rpt-active-2-title rpt-active-2-c-decisions" colspan="3">7</td>'
has "cn-2021 html: the corner over 3 x 3" "$T/n.html" \
	'<th id="rpt-applications-0-corner" colspan="3" rowspan="3">（本列数据的勾稽关系为'
eq "cn-2021 html: 200 numbers" "$(grep -o '<td class="num"' "$T/n.html" | wc -l)" 200

# line DESCRIPTION FILE TEXT: FILE has the whole line TEXT
line() { if grep -qxF -- "$3" "$2"; then ok "$1"; else bad "$1" "no line '$3' in $2"; fi; }
"$GONGKAI" report --db "$DB" --organ shaxian-yjj --year 2018 \
	--format fj-county-2018 --out "$T/r.md" > "$T/out"
eq "markdown report written" "$?" 0
line "md: title" "$T/r.md" "# 沙县应急管理局2018年政府信息公开工作年度报告"
line "md: the section holding the table" "$T/r.md" "## 六、需要说明的其他事项与附表"
line "md: caption" "$T/r.md" "### 沙县应急管理局政府信息公开年度统计表"
line "md: header row" "$T/r.md" "| 指标名称 | 单位 | 2018年度 | 历年累计 |"
line "md: alignment row" "$T/r.md" "| --- | --- | ---: | ---: |"
line "md: 主动公开文件数" "$T/r.md" "| 主动公开文件数 | 条 | 259 | 1225 |"
line "md: 政府网站公开数" "$T/r.md" "| 其中：1.政府网站公开数 | 条 | 259 | 1078 |"
line "md: 政府公报公开数" "$T/r.md" "| 2.政府公报公开数 | 条 | 0 | 0 |"
line "md: 行政诉讼数" "$T/r.md" "| 行政诉讼数 | 件 | 0 | 0 |"
eq "md: 2 + 15 table lines" "$(grep -c '^| ' "$T/r.md")" 17
"$GONGKAI" report --db "$DB" --organ shaxian-yjj --year 2018 \
	--format cn-2021 --out "$T/n.md" > /dev/null
eq "cn-2021 markdown written" "$?" 0
line "md: 7 penalties" "$T/n.md" "| 行政处罚 | 7 |"
line "md: a flattened row" "$T/n.md" \
	"| 三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"

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
has "names the types it writes" "$T/err" ".json, .html, .md, .docx, .pdf or .xlsx"
"$GONGKAI" report --db "$DB" --organ shaxian-yjj --year 2018 --format cn-2021 --out "$T/x.htm" 2> "$T/err"
eq "an unknown type (.htm): exit 2" "$?" 2
check "nothing written for an unknown type" test ! -e "$T/x.htm"
"$GONGKAI" report --db "$DB" --organ shaxian-yjj --year 2018 --format cn-2021 2> "$T/err"
eq "no --out: exit 2" "$?" 2
check "nothing written for bad arguments" test ! -e "$T/x.json"
finish
