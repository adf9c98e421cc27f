#!/bin/sh
# t_report_web.sh - the annual report through the real server: the
# workbench's warning of a report not yet out, the year's workspace (live
# tables and checks), the narrative with placeholders and a generated
# first draft (refused when a placeholder is unknown, nothing stored),
# publication by the leader or an admin only (a clerk: 403), which freezes
# the figures (later records do not change it), adds the annual_report
# catalog item and the portal page; a correction as version 2; publishing
# over a failing cross-check only with a written reason, shown publicly.
. "$(dirname "$0")/lib.sh"

FIX="$(cd "$(dirname "$0")/../fixtures/shaxian-yjj-2018" && pwd)"
DB="$T/g.db"
PW=gongkai2026
"$GONGKAI" init --db "$DB" --demo > /dev/null || exit 1
"$GONGKAI" organ add --db "$DB" --name 测试应急局 --slug t-yjj \
	--parent 沙县人民政府 > /dev/null || exit 1
echo "$PW" | "$GONGKAI" user add --db "$DB" --organ t-yjj --login t-clerk \
	--role clerk --password-stdin > /dev/null || exit 1
echo "$PW" | "$GONGKAI" user add --db "$DB" --organ t-yjj --login t-leader \
	--role leader --password-stdin > /dev/null || exit 1
for k in items baseline activities; do
	"$GONGKAI" import --db "$DB" --organ t-yjj "$k" "$FIX/$k.csv" > /dev/null || exit 1
done
# a format of the data directory with a check no real year can pass
mkdir -p "$T/dd/data/report-formats"
jq '.checks += [{"id": "test.never", "label": "测试用的不可能关系", "table": "stats", "each": "col", "left": ["items"], "right": ["items.gazette"]}]' \
	"$(dirname "$0")/../../data/report-formats/fj-county-2018.json" \
	> "$T/dd/data/report-formats/fj-county-2018.json"
start_server "$DB"
count() { sqlite3 "$DB" "SELECT count(*) FROM report WHERE organ_id = (SELECT id FROM organ WHERE slug = 't-yjj') ${1:+AND $1}"; }
O=/admin/o/t-yjj
login c t-clerk "$PW"
login l t-leader "$PW"

req c GET "$O/"
has "workbench warns of last year's report" "$T/body" "年度政府信息公开工作年度报告尚未发布"
has "with the department's date" "$T/body" "-01-31"
req c GET "$O/reports"
eq "report list" "$STATUS" 200
req c GET "$O/reports/2018"
eq "workspace opens" "$STATUS" 200
has "the seed's format by default for 2018" "$T/body" 'value="fj-county-2018" selected'
has "live table: 1225" "$T/body" '>1225</td>'
has "every check holds" "$T/body" "未通过 <strong>0</strong>"
hasnt "a clerk gets no publish button" "$T/body" "发布年度报告</button>"
tok=$(csrf)
sec() { j=$1; shift; req "$j" POST "$O/reports/2018/sections" --data-urlencode "csrf=$tok" \
	--data-urlencode format=fj-county-2018 "$@"; }
# refused: an unknown placeholder; nothing stored
req c POST "$O/reports/2018/sections" --data-urlencode "csrf=$tok" \
	--data-urlencode format=fj-county-2018 --data-urlencode action=save \
	--data-urlencode 's_overview=共公开{{items.nothing}}条'
eq "unknown placeholder: 400" "$STATUS" 400
has "names it" "$T/body" "items.nothing"
has "keeps the text typed" "$T/body" "共公开"
eq "nothing stored" "$(count)" 0
req c POST "$O/reports/2018/sections" --data-urlencode "csrf=$tok" \
	--data-urlencode format=fj-county-2018 --data-urlencode action=draft \
	--data-urlencode 's_overview={{year}}年，我局认真贯彻《条例》。'
eq "first draft: redirect" "$STATUS" 303
eq "a draft stored" "$(count "status = 'draft'")" 1
sqlite3 "$DB" "SELECT sections FROM report" > "$T/sec"
has "the typed section kept" "$T/sec" "我局认真贯彻"
has "drafted with placeholders" "$T/sec" "{{items.published}}"
has "the cumulative cell" "$T/sec" "{{stats/items/cumulative}}"
req c GET "$O/reports/2018?format=fj-county-2018"
has "preview fills them" "$T/body" "1225"
req c POST "$O/reports/2018/publish" --data-urlencode "csrf=$tok" \
	--data-urlencode format=fj-county-2018
eq "a clerk may not publish" "$STATUS" 403
eq "still a draft" "$(count "status = 'published'")" 0
req l GET "$O/reports/2018?format=fj-county-2018"
has "the leader may" "$T/body" "发布年度报告</button>"
ltok=$(csrf)
req l POST "$O/reports/2018/publish" --data-urlencode "csrf=$ltok" \
	--data-urlencode format=fj-county-2018
eq "published: redirect" "$STATUS" 303
eq "published" "$(count "status = 'published' AND frozen IS NOT NULL")" 1
eq "catalog item" "$(sqlite3 "$DB" "SELECT count(*) FROM item i JOIN report r ON r.item_id = i.id WHERE i.kind = 'annual_report' AND i.status = 'published'")" 1
"$GONGKAI" audit list --db "$DB" --limit 50 > "$T/audit"
has "publication audited" "$T/audit" "report.publish"
req x GET /organ/t-yjj/report/2018
eq "portal page" "$STATUS" 200
has "table cell 1225" "$T/body" '>1225</td>'
has "text filled: 1225" "$T/body" "历年累计"
has "text: the interpretation events" "$T/body" "39"
hasnt "no placeholder left" "$T/body" "{{"
req x GET /organ/t-yjj/report/2018/report.json
eq "frozen JSON" "$STATUS" 200
cp "$T/body" "$T/frozen.json"
eq "JSON: the seed's cell" "$(jq '.cells[] | select(.row == "items" and .col == "cumulative") | .value' "$T/frozen.json")" 1225
"$GONGKAI" check-report "$T/frozen.json" > /dev/null
eq "check-report agrees" "$?" 0
req x GET /organ/t-yjj/reports
has "listed by year" "$T/body" "/organ/t-yjj/report/2018"
req c GET "$O/"
# the warning concerns last year only; 2018 is long past
# later records do not change the published report
printf 'title,category,kind,published_date,channels\n补录,通知公告,normal,2018-05-05,website\n' > "$T/more.csv"
"$GONGKAI" import --db "$DB" --organ t-yjj items "$T/more.csv" > /dev/null
req x GET /organ/t-yjj/report/2018/report.json
eq "frozen: still 1225" "$(jq '.cells[] | select(.row == "items" and .col == "cumulative") | .value' "$T/body")" 1225
req c GET "$O/reports/2018?format=fj-county-2018"
has "live: 1226" "$T/body" '>1226</td>'
# a correction: version 2
sec c --data-urlencode action=save --data-urlencode 's_overview=更正：{{year}}年共公开{{items.published}}条。'
eq "correction draft saved" "$STATUS" 303
eq "version 2 draft" "$(count "version = 2 AND status = 'draft'")" 1
req l POST "$O/reports/2018/publish" --data-urlencode "csrf=$ltok" --data-urlencode format=fj-county-2018
eq "correction published" "$STATUS" 303
eq "version 1 superseded" "$(count "version = 1 AND status = 'superseded'")" 1
req x GET /organ/t-yjj/report/2018
has "the current version" "$T/body" "更正：2018年共公开260条。"
has "says it is a correction" "$T/body" "更正版"
req x GET "/organ/t-yjj/report/2018?v=1"
has "version 1 stays readable" "$T/body" "本版本已被更正版取代"
req x GET /organ/t-yjj/report/1999
eq "no report: 404" "$STATUS" 404
stop_server

# a failing check needs a written reason
start_server "$DB" --data-dir "$T/dd"
login l t-leader "$PW"
req l GET "$O/reports/2018?format=fj-county-2018"
has "the failing check is shown" "$T/body" "测试用的不可能关系"
ltok=$(csrf)
req l POST "$O/reports/2018/publish" --data-urlencode "csrf=$ltok" --data-urlencode format=fj-county-2018
eq "no reason: 400" "$STATUS" 400
has "asks for the reason" "$T/body" "发布说明"
eq "nothing published" "$(count "year = 2018 AND version = 3 AND status = 'published'")" 0
req l POST "$O/reports/2018/publish" --data-urlencode "csrf=$ltok" \
	--data-urlencode format=fj-county-2018 --data-urlencode "override=测试格式的检查不适用"
eq "with a reason: published" "$STATUS" 303
eq "reason stored" "$(count "year = 2018 AND version = 3 AND status = 'published' AND override_note = '测试格式的检查不适用'")" 1
req x GET /organ/t-yjj/report/2018
has "the reason is public" "$T/body" "测试格式的检查不适用"
has "with the failing rule" "$T/body" "test.never"
finish
