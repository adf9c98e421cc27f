#!/bin/sh
# t_baselines.sh - opening balances (期初累计值) through the real CLI and
# server: the all-or-nothing CSV import with line-numbered errors, the
# back-office page showing each cumulative metric as baseline + records
# with where the baseline came from (DESIGN.md §6: the latest baseline at
# or before the year before, plus the records dated after it), entry and
# deletion by an admin (audited), refusals with nothing stored, and who
# may read or change them.
. "$(dirname "$0")/lib.sh"

DB="$T/g.db"
"$GONGKAI" init --db "$DB" --demo > /dev/null || exit 1
PW=gongkai2026
# A bureau of its own, so that only this test's records count.
"$GONGKAI" organ add --db "$DB" --name 测试安监局 --slug test-ajj > /dev/null || exit 1
echo "$PW" | "$GONGKAI" user add --db "$DB" --organ test-ajj --login ajj-clerk \
	--role clerk --password-stdin > /dev/null || exit 1
O=/admin/o/test-ajj
OID=$(sqlite3 "$DB" "SELECT id FROM organ WHERE slug = 'test-ajj'")
count() { sqlite3 "$DB" "SELECT count(*) FROM baseline WHERE organ_id = $OID ${1:+AND $1}"; }
imp() { "$GONGKAI" import --db "$DB" --organ test-ajj baseline "$@"; }

# Records to add to: 5 items published in 2018 (4 on the website, 1 in
# the gazette too) and 2 in 2019; an application received in 2018.
{
	printf 'title,category,kind,published_date,channels\n'
	for d in 2018-01-05 2018-03-01 2018-06-30 2018-12-31; do
		printf '通知 %s,通知公告,normal,%s,website;bulletin\n' "$d" "$d"
	done
	printf '公报 2018,通知公告,normal,2018-08-08,gazette\n'
	printf '通知 2019a,通知公告,normal,2019-02-01,website\n'
	printf '通知 2019b,通知公告,normal,2019-05-01,website\n'
} > "$T/items.csv"
"$GONGKAI" import --db "$DB" --organ test-ajj items "$T/items.csv" > /dev/null
eq "history items imported" "$?" 0

# --- CSV import ---
printf '\357\273\277metric,year,value\nitems,2017,966\nitems.website,2017,819\n' > "$T/b.csv"
imp "$T/b.csv" > "$T/out" 2> "$T/err"
eq "baseline import exits 0" "$?" 0
has "says how many" "$T/out" "stored 2 baseline"
eq "two stored" "$(count)" 2
eq "source and origin kept" \
	"$(sqlite3 "$DB" "SELECT source || ':' || origin FROM baseline WHERE organ_id = $OID AND metric='items'")" \
	"import:b.csv"

cat > "$T/bad.csv" <<'CSV'
value,metric,year
10,items.gazette,2017
5,foo,2017
7,items,2040
-3,replies,2017
abc,reviews,2017
900,items,2018
966,items,2017
1000,items,2016
2,applications,2017
3,applications.online,2017
CSV
imp "$T/bad.csv" > "$T/out" 2> "$T/err"
eq "a bad file exits 2" "$?" 2
has "unknown metric, by line" "$T/err" "bad.csv:3: metric:"
has "year out of range" "$T/err" "bad.csv:4: year:"
has "negative value" "$T/err" "bad.csv:5: value:"
has "not a number" "$T/err" "bad.csv:6: value:"
has "a cumulative total never falls" "$T/err" "bad.csv:7: value:"
has "a repeat of metric and year" "$T/err" "bad.csv:8: year:"
has "an earlier year above a later one" "$T/err" "bad.csv:9: value:"
has "a part above its total" "$T/err" "bad.csv:11: value:"
hasnt "good lines are not errors" "$T/err" "bad.csv:2:"
hasnt "good lines are not errors (2)" "$T/err" "bad.csv:10:"
has "nothing stored, said" "$T/err" "nothing was stored"
eq "nothing stored" "$(count)" 2
printf 'metric,year,value,colour\nitems,2015,1,red\n' > "$T/col.csv"
imp "$T/col.csv" 2> "$T/err"
eq "an unknown column exits 2" "$?" 2
has "names the column" "$T/err" "col.csv:1: colour:"
printf 'metric,value\nitems,1\n' > "$T/col.csv"
imp "$T/col.csv" 2> "$T/err"
eq "a missing column exits 2" "$?" 2
has "names the missing column" "$T/err" "col.csv:1: year:"
printf 'metric,year,value\nitems.website,2016,1000\n' > "$T/part.csv"
imp "$T/part.csv" 2> "$T/err"
eq "a later total below an earlier one exits 2" "$?" 2
eq "still two" "$(count)" 2

# --- the page ---
start_server "$DB"
login a admin "$PW"
login c ajj-clerk "$PW"
login x czj-clerk "$PW"
req c GET "$O/baselines?year=2018"
eq "clerk reads the page" "$STATUS" 200
# 2018: 966 + the 5 items of 2018; website 819 + 4
has "items cumulative 2018" "$T/body" "<strong>971</strong>"
has "website cumulative 2018" "$T/body" "<strong>823</strong>"
has "where the baseline came from" "$T/body" "导入自 b.csv"
has "the span of records" "$T/body" "<span class=\"hint\">2018 年</span>"
hasnt "no entry form for a clerk" "$T/body" 'name="value"'
req c GET "$O/baselines?year=2019"
has "items cumulative 2019" "$T/body" "<strong>973</strong>"
has "a span of years" "$T/body" "2018–2019 年"
has "gazette without a baseline: all records" "$T/body" "截至 2019 年底的全部记录"
# 2017: the 2017 baseline serves 2018 on; 2017 itself counts records
req c GET "$O/baselines?year=2017"
has "2017 counts records only" "$T/body" "截至 2017 年底的全部记录"
req a GET "$O/"
has "workbench links the page" "$T/body" "$O/baselines"

# --- entry by an admin ---
req a GET "$O/baselines"
has "admin sees the form" "$T/body" 'name="value"'
tok=$(csrf)
add() { req a POST "$O/baselines" --data-urlencode "csrf=$tok" "$@"; }
add --data-urlencode metric=applications --data-urlencode year=2017 \
	--data-urlencode value=12 --data-urlencode "note=2017 年度报告"
eq "admin adds: redirect" "$STATUS" 303
eq "stored" "$(count "metric='applications' AND year=2017 AND value=12 AND source='entered' AND origin='admin'")" 1
req a GET "$O/baselines?year=2018"
has "shown as entered" "$T/body" "admin 录入"
has "note shown" "$T/body" "2017 年度报告"
n=$(count)
add --data-urlencode metric=applications --data-urlencode year=2017 --data-urlencode value=13
eq "a second value for the year: 409" "$STATUS" 409
has "says so" "$T/body" "已有 2017 年的期初值"
add --data-urlencode metric=nosuch --data-urlencode year=2017 --data-urlencode value=1
eq "unknown metric: 400" "$STATUS" 400
has "unknown metric message" "$T/body" "不是可累计的指标"
add --data-urlencode metric=replies --data-urlencode year=2017 --data-urlencode value=-1
eq "negative value: 400" "$STATUS" 400
add --data-urlencode metric=replies --data-urlencode year=1900 --data-urlencode value=1
eq "year out of range: 400" "$STATUS" 400
add --data-urlencode metric=applications.in_person --data-urlencode year=2017 --data-urlencode value=20
eq "a part above its total: 400" "$STATUS" 400
has "part message" "$T/body" "超过了其总数"
has "the form keeps the value" "$T/body" 'value="20"'
add --data-urlencode metric=replies --data-urlencode year=2017 --data-urlencode value=5
eq "no token: refused" "$STATUS" 303
req a POST "$O/baselines" --data-urlencode metric=replies \
	--data-urlencode year=2017 --data-urlencode value=5
eq "without CSRF token: 403" "$STATUS" 403
eq "nothing stored by the refusals" "$(count)" $((n + 1))

# --- who may change ---
req c GET "$O/baselines"
ctok=$(csrf)
req c POST "$O/baselines" --data-urlencode "csrf=$ctok" \
	--data-urlencode metric=reviews --data-urlencode year=2017 --data-urlencode value=1
eq "a clerk may not enter: 403" "$STATUS" 403
id=$(sqlite3 "$DB" "SELECT id FROM baseline WHERE organ_id = $OID AND metric='items'")
req c POST "$O/baselines/$id/delete" --data-urlencode "csrf=$ctok"
eq "a clerk may not delete: 403" "$STATUS" 403
req x GET "$O/baselines"
eq "another organ's clerk may not read" "$STATUS" 403
eq "nothing changed by them" "$(count)" $((n + 1))

# --- deletion ---
req a POST "$O/baselines/$id/delete" --data-urlencode "csrf=$tok"
eq "admin deletes: redirect" "$STATUS" 303
eq "gone" "$(count "id=$id")" 0
req a POST "$O/baselines/$id/delete" --data-urlencode "csrf=$tok"
eq "deleting again: 404" "$STATUS" 404
req a GET "$O/baselines?year=2018"
# without the items baseline: every item up to 2018
has "recomputed without the baseline" "$T/body" "<strong>5</strong>"
"$GONGKAI" audit list --db "$DB" > "$T/audit" 2>&1
has "import audited" "$T/audit" "baseline.create"
has "deletion audited" "$T/audit" "baseline.delete"
finish
