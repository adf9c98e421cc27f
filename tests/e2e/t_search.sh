#!/bin/sh
# t_search.sh - full-text search through the real server and CLI: every
# published item that contains a 1-, 2-, 3-character or mixed query is
# found (counted against the database itself), highlighted, filtered,
# sorted and paged; the API answers DESIGN.md §6 and a bad query is a 400
# in JSON, never a 500; the index follows import, withdrawal and
# republication, and the server's job adds the text of PDF, DOCX and XLSX
# attachments;
# `gongkai reindex` rebuilds and checks.
. "$(dirname "$0")/lib.sh"

DB="$T/g.db"
"$GONGKAI" init --db "$DB" --demo > /dev/null || exit 1
PW=gongkai2026
printf 'tick_seconds = 1\n' > "$T/g.conf"
start_server "$DB" --config "$T/g.conf"
O=/admin/o/shaxian-yjj

# The published items containing $1 in title, document number, summary
# or body, counted by SQLite itself.
truth() {
	sqlite3 "$DB" "SELECT count(*) FROM item WHERE status = 'published'
	  AND (instr(title, '$1') OR instr(doc_no, '$1') OR instr(summary, '$1')
	  OR instr(body, '$1'))"
}
api() { req p GET "/api/v1/search" -G "$@"; }
total() { jq -r .total "$T/body"; }

#---- Recall: 1-, 2-, 3-character and mixed queries
for q in 应急 安 县 安全生产 管理局 2018年 年度报告; do
	api --data-urlencode "q=$q" --data-urlencode per_page=100
	eq "API $q: 200" "$STATUS" 200
	want=$(truth "$q")
	check "there are items with $q" [ "$want" -gt 0 ]
	eq "API $q finds every item that contains it" "$(total)" "$want"
	eq "API $q returns them all" "$(jq '.results | length' "$T/body")" "$want"
done
api --data-urlencode "q=应急"
eq "result fields of DESIGN §6" \
	"$(jq -c '.results[0] | [has("index_no"), has("title"), has("organ"), has("published_date"), has("url"), has("snippet")]' "$T/body")" \
	'[true,true,true,true,true,true]'
check "every result is highlighted" \
	[ "$(jq '[.results[] | select((.title_html + .doc_no_html + .snippet) | contains("<mark>应急</mark>"))] | length' "$T/body")" = "$(total)" ]
check "snippets are text: no markup but <mark>" \
	[ "$(jq -r '.results[].snippet' "$T/body" | sed 's|</*mark>||g' | grep -c '<')" = 0 ]
url=$(jq -r '.results[0].url' "$T/body")
req p GET "$url"
eq "a result's url is its item page" "$STATUS" 200
api --data-urlencode 'q=应急 -年度'
eq "exclusion" "$(total)" "$(sqlite3 "$DB" "SELECT count(*) FROM item WHERE status = 'published' AND (instr(title || doc_no || summary || body, '应急')) AND NOT instr(title || doc_no || summary || body, '年度')")"
api --data-urlencode 'q="安全 生产"'
eq "a quoted phrase with a space between Chinese words" "$(total)" "$(truth 安全生产)"
api --data-urlencode 'q=沙安监[2018]12号'
eq "document number with ASCII brackets" "$(jq -r '.results[0].title' "$T/body")" \
	"$(sqlite3 "$DB" "SELECT title FROM item WHERE doc_no = '沙安监〔2018〕12号'")"
api --data-urlencode 'q=沙安监［２０１８］１２号'
eq "document number in full-width forms" "$(total)" 1

#---- Filters, sorting, pages
api --data-urlencode q=县 --data-urlencode organ=shaxian-czj --data-urlencode per_page=100
eq "organ filter" "$(total)" "$(sqlite3 "$DB" "SELECT count(*) FROM item i JOIN organ o ON o.id = i.organ_id WHERE o.slug = 'shaxian-czj' AND status = 'published' AND instr(title || doc_no || summary || body, '县')")"
check "organ filter: only that organ" [ "$(jq '[.results[] | select(.organ != "沙县财政局")] | length' "$T/body")" = 0 ]
api --data-urlencode q=县 --data-urlencode year=2018 --data-urlencode per_page=100
eq "year filter" "$(total)" "$(sqlite3 "$DB" "SELECT count(*) FROM item WHERE status = 'published' AND published_date LIKE '2018-%' AND instr(title || doc_no || summary || body, '县')")"
api --data-urlencode q=县 --data-urlencode kind=annual_report
eq "kind filter" "$(total)" "$(sqlite3 "$DB" "SELECT count(*) FROM item WHERE status = 'published' AND kind = 'annual_report' AND instr(title || doc_no || summary || body, '县')")"
api --data-urlencode q=县 --data-urlencode sort=date --data-urlencode per_page=100
dates=$(jq -r '.results[].published_date' "$T/body")
eq "sort=date: newest first" "$dates" "$(echo "$dates" | sort -r)"
all=$(jq -r '[.results[].index_no] | join(",")' "$T/body")
api --data-urlencode q=县 --data-urlencode sort=date --data-urlencode per_page=3 --data-urlencode page=2
eq "page 2 of 3 per page" "$(jq -r '[.results[].index_no] | join(",")' "$T/body")" \
	"$(echo "$all" | cut -d, -f4-6)"
eq "page reports its number" "$(jq .page "$T/body")" 2

#---- Bad input: 400 with a JSON message, nothing else
for bad in "q=" "q=-应急" "q=%FF%FE" "q=a&sort=price" "q=a&per_page=101" \
	"q=a&page=0" "q=a&year=20x8" "q=a&organ=nope" "q=a&kind=poem" \
	"q=a&validity=maybe" "q=a&category=1" "q=a&organ=shaxian-yjj&category=999999" \
	"q=$(printf 'a%.0s' $(seq 1 300))"; do
	req p GET "/api/v1/search?$bad"
	eq "API $bad is 400" "$STATUS" 400
	check "API $bad explains in JSON" [ -n "$(jq -r .error "$T/body" 2>/dev/null)" ]
done
req p GET "/api/v1/search?q=$(printf 'a%.0s' $(seq 1 2100))"
eq "an oversize query is 413" "$STATUS" 413
check "... in JSON" [ -n "$(jq -r .error "$T/body" 2>/dev/null)" ]
for q in '"' '"""' '-' '* OR' 'NEAR(a b)' 'a:b' '{title}:x' '^a' "'" '\' '(' 'AND'; do
	api --data-urlencode "q=$q"
	case $STATUS in 200|400) ok "API query $q: $STATUS" ;; *) bad "API query $q: $STATUS" ;; esac
done

#---- The page
req p GET "/search" -G --data-urlencode q=应急
eq "search page 200" "$STATUS" 200
has "page highlights the match" "$T/body" '<mark>应急</mark>'
has "page states the count" "$T/body" "找到 $(truth 应急) 条结果"
has "page shows the index number" "$T/body" '索引号 003510427/'
has "page keeps the query in the box" "$T/body" 'value="应急"'
req p GET "/search"
eq "empty search page is the form" "$STATUS" 200
has "the form is there" "$T/body" 'role="search"'
req p GET "/search" -G --data-urlencode q=不存在的词语 --data-urlencode organ=shaxian-yjj
eq "no results is 200" "$STATUS" 200
has "no results says so" "$T/body" '没有找到包含“不存在的词语”的信息'
has "no results suggests dropping the filters" "$T/body" 'href="/search?q=%E4%B8%8D%E5%AD%98%E5%9C%A8%E7%9A%84%E8%AF%8D%E8%AF%AD"'
req p GET "/search" -G --data-urlencode 'q=-应急'
eq "a bad query on the page is 400" "$STATUS" 400
has "the page explains it" "$T/body" '只有排除词'
req p GET "/search?q=%E5%8E%BF&page=2&per_page=2"
has "page 2 of the page" "$T/body" '第 2 /'
req p GET "/"
has "the navigation links the search" "$T/body" 'href="/search"'

#---- The index follows the records
printf 'title,category,kind,published_date,doc_no,body\n乡村振兴示范村建设方案,通知公告,normal,2019-03-04,沙应急〔2019〕7号,"<p>推进示范&amp;振兴</p>"\n' > "$T/new.csv"
"$GONGKAI" import --db "$DB" --organ shaxian-yjj items "$T/new.csv" > /dev/null 2>&1
api --data-urlencode q=乡村振兴
eq "an imported item is found at once" "$(total)" 1
ID=$(sqlite3 "$DB" "SELECT id FROM item WHERE title = '乡村振兴示范村建设方案'")
api --data-urlencode q=振
eq "one character of it" "$(total)" 1
api --data-urlencode 'q=沙应急〔2019〕7号'
eq "its document number as typed" "$(total)" 1
login l yjj-leader "$PW"
req l GET "$O/items/$ID"
tok=$(csrf)
req l POST "$O/items/$ID/act" --data-urlencode "csrf=$tok" \
	--data-urlencode action=withdraw --data-urlencode "note=内容需要更正"
eq "withdrawn" "$STATUS" 303
api --data-urlencode q=乡村振兴
eq "a withdrawn item is never returned" "$(total)" 0
req p GET "/search" -G --data-urlencode q=乡村振兴
hasnt "... nor on the page" "$T/body" '示范村建设方案'

# the text of PDF, Word and Excel attachments (the report's own files),
# each on an item of its own, extracted by the server's job
n=0
for f in pdf:application/pdf \
	docx:application/vnd.openxmlformats-officedocument.wordprocessingml.document \
	xlsx:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; do
	ext=${f%%:*}; type=${f#*:}
	OID=$(sqlite3 "$DB" "SELECT id FROM item WHERE status = 'published' AND kind = 'normal' ORDER BY id LIMIT 1 OFFSET $n")
	OIDX=$(sqlite3 "$DB" "SELECT index_no FROM item WHERE id = $OID")
	[ $n -eq 0 ] && PID_ITEM=$OID
	n=$((n + 1))
	"$GONGKAI" report --db "$DB" --organ shaxian-yjj --year 2025 --format cn-2021 --out "$T/附件.$ext" > /dev/null 2>&1
	check "$ext: a file to attach" [ -s "$T/附件.$ext" ]
	api --data-urlencode q=制发件数 --data-urlencode per_page=100
	hasnt "$ext: before, the item is not found by the file's words" "$T/body" "\"$OIDX\""
	req l GET "$O/items/$OID"
	tok=$(csrf)
	req l POST "$O/items/$OID/attachments" -F "csrf=$tok" -F "file=@$T/附件.$ext;type=$type"
	eq "$ext attached" "$STATUS" 303
	i=0
	while [ $i -lt 50 ]; do
		api --data-urlencode q=制发件数 --data-urlencode per_page=100
		grep -qF "\"$OIDX\"" "$T/body" && break
		sleep 0.2
		i=$((i + 1))
	done
	has "$ext: after the job, found by the text inside it" "$T/body" "\"$OIDX\""
done
has "the job logs it" "$T/server.log" 'bytes of text'

#---- reindex and check
api --data-urlencode q=应急 --data-urlencode per_page=100
before=$(total)
stop_server
out=$("$GONGKAI" reindex --db "$DB" --check)
eq "reindex --check: consistent" "$?" 0
has_out() { printf '%s\n' "$out" > "$T/out"; has "$1" "$T/out" "$2"; }
has_out "reindex --check says so" "matches the items"
out=$("$GONGKAI" reindex --db "$DB")
eq "reindex exit 0" "$?" 0
has_out "reindex reports" "search index rebuilt"
start_server "$DB"
api --data-urlencode q=应急 --data-urlencode per_page=100
eq "after reindex the same results" "$(total)" "$before"
stop_server
"$GONGKAI" reindex > /dev/null 2>&1
eq "reindex without --db is a usage error" "$?" 2
"$GONGKAI" reindex --db "$DB" extra > /dev/null 2>&1
eq "reindex with an extra argument is a usage error" "$?" 2
# an index that differs from the items is reported (exit 1)
"$GONGKAI" reindex --db "$DB" --check > /dev/null 2>&1
sqlite3 "$DB" "DROP TRIGGER item_search_bu; DROP TRIGGER item_search_au; UPDATE item SET title = '改过的标题' WHERE id = $PID_ITEM;" 2> /dev/null
"$GONGKAI" reindex --db "$DB" --check > "$T/out" 2>&1
eq "a stale index: --check exit 1" "$?" 1
has "--check says what to do" "$T/out" "gongkai reindex"

finish
