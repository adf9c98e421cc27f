#!/bin/sh
# t_catalog.sh - the public side of proactive disclosure (主动公开) on the
# demo database: each organ's 政府信息公开 home, the catalog with filters
# and pages, item pages and their print view, attachment downloads, the
# RSS/Atom feeds, LED texts, the bulletin-board sheet and the open-data
# catalog (DESIGN.md §6). Only published items are public: drafts, items
# pending review and withdrawn items never appear anywhere.
. "$(dirname "$0")/lib.sh"

"$GONGKAI" init --db "$T/g.db" --demo > /dev/null || exit 1
start_server "$T/g.db"
O=/organ/shaxian-yjj
DRAFT='内部草稿'
PENDING='待审核'
WITHDRAWN='第一批安全生产标准化达标企业名单'

# ctype PREFIX: the Content-Type of the last response starts with PREFIX
ctype() { grep -qi "^Content-Type: $1" "$T/hdr"; }
# json FILTER: jq -e FILTER holds for the last body
json() { jq -e "$1" "$T/body" > /dev/null; }
# rows: the rows of the catalog table in the last body
rows() { grep -c '<td class="idx">' "$T/body"; }
# never_public WHAT: none of the unpublished demo items is in the body
never_public() {
	hasnt "$1 has no draft" "$T/body" "$DRAFT"
	hasnt "$1 has no pending item" "$T/body" "$PENDING"
	hasnt "$1 has no withdrawn item" "$T/body" "$WITHDRAWN"
}

#---- Links into the 政府信息公开 pages
req a GET /
has "home links an organ's disclosure page" "$T/body" "href=\"$O/xxgk/\""
req a GET "$O/"
has "organ page links its disclosure page" "$T/body" "href=\"$O/xxgk/\""
has "organ page's guide has an anchor" "$T/body" 'id="guide"'

#---- 政府信息公开 home
req a GET "$O/xxgk/"
eq "xxgk home is 200" "$STATUS" 200
check "xxgk home is HTML" ctype 'text/html; charset=utf-8'
for h in 政府信息公开指南 政府信息公开制度 法定主动公开内容 政府信息公开年报 依申请公开; do
	has "xxgk home has the column $h" "$T/body" "$h</h2>"
done
has "guide links the organ page's guide" "$T/body" "href=\"$O/#guide\""
has "system documents are listed" "$T/body" '沙县安监局2018年政务公开工作实施方案'
has "annual reports are listed" "$T/body" '沙县应急管理局2018年政府信息公开工作年度报告'
has "categories show their counts" "$T/body" '政务公开</a> <span class="muted">(4 条)</span>'
has "how to apply names the office" "$T/body" '沙县应急管理局办公室'
has "how to apply gives the e-mail" "$T/body" 'fjsxajj@163.com'
has "how to apply links the online form" "$T/body" "href=\"$O/apply\""
has "total of published items" "$T/body" '现有主动公开信息 15 条'
has "abolished item is marked on the home" "$T/body" '<strong class="badge">已废止</strong>'
never_public "xxgk home"
cat_id() {
	sed -n "s|.*href=\"$O/xxgk/list?category=\([0-9]*\)\">$1</a>.*|\1|p" \
		"$T/body" | head -n 1
}
C_ZWGK=$(cat_id 政务公开)
C_TZGG=$(cat_id 通知公告)
check "category ids found" test -n "$C_ZWGK" -a -n "$C_TZGG"
req a GET "$O/xxgk"
eq "xxgk without slash redirects" "$STATUS" 308

#---- The catalog, filters and pages
req a GET "$O/xxgk/list"
eq "catalog is 200" "$STATUS" 200
eq "catalog shows all 15 published items" "$(rows)" 15
has "catalog has the table head" "$T/body" '<th scope="col">索引号</th>'
has "catalog links the stable item URL" "$T/body" "href=\"$O/item/003510427/2018-00001\""
has "doc numbers keep 〔〕" "$T/body" '沙安监〔2018〕12号'
has "catalog's filter form is a GET form" "$T/body" "<form method=\"get\" action=\"$O/xxgk/list\""
never_public "catalog"
req a GET "$O/xxgk/list?category=$C_ZWGK"
eq "category filter" "$(rows)" 4
has "chosen category is selected" "$T/body" "<option value=\"$C_ZWGK\" selected>"
req a GET "$O/xxgk/list?year=2018"
eq "year filter" "$(rows)" 9
has "year options come from published years" "$T/body" '<option value="2026">'
hasnt "no year option without published items" "$T/body" '<option value="2022">'
req a GET "$O/xxgk/list?kind=annual_report"
eq "kind filter" "$(rows)" 2
req a GET "$O/xxgk/list?validity=abolished"
eq "validity filter" "$(rows)" 1
has "abolished item listed as 已废止" "$T/body" '已废止'
req a GET "$O/xxgk/list?year=2018&kind=interpretation&category=&validity=valid"
eq "filters combine (empty ones ignored)" "$(rows)" 1
req a GET "$O/xxgk/list?year=2020"
eq "a year without items is 200" "$STATUS" 200
has "empty result says so" "$T/body" '没有符合条件的信息'
req a GET "$O/xxgk/list?page=2"
eq "page past the end is 200" "$STATUS" 200
has "page past the end says so" "$T/body" '本页没有信息'
for q in category=abc category=999999 "category=1" year=abc year=1800 \
	kind=bogus validity=bogus page=0 page=abc; do
	req a GET "$O/xxgk/list?$q"
	eq "catalog ?$q is 400" "$STATUS" 400
done
req a GET "$O/xxgk/list?validity=bogus"
has "bad filter names the field" "$T/body" '有效性'

#---- Item pages
req a GET "$O/item/003510427/2018-00001"
eq "item page is 200" "$STATUS" 200
check "item page is HTML" ctype 'text/html'
for f in 索引号 发布机构 主题分类 成文日期 发布日期 文号 有效性; do
	has "item metadata has $f" "$T/body" "<dt>$f</dt>"
done
has "item page shows its index number" "$T/body" '<dd>003510427/2018-00001</dd>'
has "item body is HTML, not escaped" "$T/body" '<table><caption>2018年度收支预算总表'
has "item page lists the attachment" "$T/body" '2018年度部门预算公开表.pdf'
att=$(sed -n "s|.*href=\"\($O/attachment/[0-9]*\)\".*|\1|p" "$T/body" | head -n 1)
check "attachment link found" test -n "$att"
has "attachment size shown" "$T/body" '605 字节'
has "breadcrumbs lead to the category" "$T/body" "href=\"$O/xxgk/list?category=$C_ZWGK\""
has "print link" "$T/body" "href=\"$O/item/003510427/2018-00001?view=print\""
req a GET "$O/item/003510427/2018-00008"
has "abolished item is marked prominently" "$T/body" '<strong>本文件已于 2021-09-01 废止</strong>'
has "abolished item's doc number intact" "$T/body" '沙安监〔2018〕41号'
req a GET "$O/item/003510427/2018-00004"
has "policy lists its interpretation" "$T/body" "href=\"$O/item/003510427/2018-00005\""
req a GET "$O/item/003510427/2018-00005"
has "interpretation links its policy" "$T/body" "被解读的文件:<a href=\"$O/item/003510427/2018-00004\""
req a GET "$O/item/003510427/2018-00004?view=print"
eq "print view is 200" "$STATUS" 200
hasnt "print view has no site header" "$T/body" 'class="site-header"'
has "print view has the title" "$T/body" '地方党政领导干部安全生产责任制规定'
has "print view has the page address" "$T/body" "$O/item/003510427/2018-00004"
req a GET "$O/item/003510427/2018-00004?view=bogus"
eq "unknown view is 400" "$STATUS" 400
eq "HEAD of an item page" "$(curl -s -I -o /dev/null -w '%{http_code}' "$BASE$O/item/003510427/2018-00001")" 200
req a GET "$O/item/003510427/2022-00001"
eq "withdrawn item is 404" "$STATUS" 404
wbody=$(sed 's/rid=[0-9]*//' "$T/body")
req a GET "$O/item/003510427/2099-00001"
eq "missing index number is 404" "$STATUS" 404
eq "withdrawn and missing give the same page" "$(sed 's/rid=[0-9]*//' "$T/body")" "$wbody"
req a GET "$O/item/003510427/2026-00002"
eq "a draft's would-be number is 404" "$STATUS" 404
req a GET "/organ/shaxian/item/003510427/2018-00001"
eq "item under another organ is 404" "$STATUS" 404
req a GET "$O/item/../../" --path-as-is
check "dot segments are 4xx" test "$STATUS" -ge 400 -a "$STATUS" -lt 500

#---- Attachments
req a GET "$att"
eq "attachment is 200" "$STATUS" 200
check "attachment has its stored type" ctype 'application/pdf'
sqlite3 "$T/g.db" "SELECT writefile('$T/stored.pdf', b.data) FROM attachment a JOIN blob b ON b.sha256 = a.sha256 WHERE a.id = ${att##*/}" > /dev/null
check "attachment bytes are what demo stored" cmp -s "$T/body" "$T/stored.pdf"
has "attachment Content-Length" "$T/hdr" 'Content-Length: 605'
has "PDF is shown inline" "$T/hdr" 'Content-Disposition: inline; filename="'
has "UTF-8 file name" "$T/hdr" "filename*=UTF-8''2018%E5%B9%B4%E5%BA%A6%E9%83%A8%E9%97%A8%E9%A2%84%E7%AE%97%E5%85%AC%E5%BC%80%E8%A1%A8.pdf"
sha=$(sha256sum "$T/stored.pdf" | cut -d' ' -f1)
has "ETag is the SHA-256" "$T/hdr" "ETag: \"$sha\""
hasnt "attachment is cacheable" "$T/hdr" 'no-store'
req a GET "$att" -H "If-None-Match: \"$sha\""
eq "matching ETag gives 304" "$STATUS" 304
req a GET "/organ/shaxian/attachment/${att##*/}"
eq "attachment under another organ is 404" "$STATUS" 404
for id in 0 999999 abc 99999999999999999999; do
	req a GET "$O/attachment/$id"
	eq "attachment $id is 404" "$STATUS" 404
done

#---- Feeds
for f in rss atom; do
	req a GET "$O/feed.$f"
	eq "feed.$f is 200" "$STATUS" 200
	check "feed.$f content type" ctype "application/$f+xml"
	check "feed.$f is well-formed XML" xmllint --noout "$T/body"
	eq "feed.$f has 15 entries" "$(grep -cE '^<(item|entry)>' "$T/body")" 15
	has "feed.$f has absolute item links" "$T/body" "$BASE$O/item/003510427/2018-00001"
	never_public "feed.$f"
	req a GET "$O/feed.$f?category=$C_TZGG"
	eq "feed.$f of a category" "$(grep -cE '^<(item|entry)>' "$T/body")" 3
	check "category feed.$f is well-formed" xmllint --noout "$T/body"
	for q in category=abc category=999999; do
		req a GET "$O/feed.$f?$q"
		eq "feed.$f ?$q is 400" "$STATUS" 400
	done
	req a GET "/organ/nope/feed.$f"
	eq "feed.$f of an unknown organ is 404" "$STATUS" 404
done
req a GET "$O/feed.rss"
has "RSS dates are RFC 822" "$T/body" '<pubDate>Fri, 26 Jan 2018 00:00:00 +0800</pubDate>'
has "RSS links itself" "$T/body" "<atom:link rel=\"self\" type=\"application/rss+xml\" href=\"$BASE$O/feed.rss\"/>"
req a GET "$O/feed.atom"
has "Atom dates are RFC 3339" "$T/body" '<published>2018-01-26T00:00:00+08:00</published>'
has "Atom feed is updated with its newest item" "$T/body" '<updated>2026-01-20T00:00:00+08:00</updated>'
has "Atom body is escaped HTML" "$T/body" '<content type="html">&lt;p&gt;'
req a GET "$O/feed.rss" -H 'Host: gongkai.example.org' -H 'X-Forwarded-Proto: https'
has "feed links follow Host and HTTPS" "$T/body" "https://gongkai.example.org$O/item/"
req a GET "$O/feed.rss" -H 'Host: evil"><x'
hasnt "an odd Host is not echoed" "$T/body" 'evil'
has "an odd Host falls back to the listen address" "$T/body" "http://127.0.0.1:"

#---- LED texts
req a GET "$O/led.txt"
eq "led.txt is 200" "$STATUS" 200
check "led.txt is plain text" ctype 'text/plain; charset=utf-8'
eq "led.txt has 10 lines by default" "$(wc -l < "$T/body")" 10
eq "led.txt starts with the newest title" "$(head -n 1 "$T/body")" '沙县应急管理局2025年政府信息公开工作年度报告'
never_public "led.txt"
req a GET "$O/led.txt?n=50"
eq "led.txt ?n=50 lists every published item" "$(wc -l < "$T/body")" 15
req a GET "$O/led.txt?n=2"
eq "led.txt ?n=2" "$(wc -l < "$T/body")" 2
for n in 0 51 abc -1; do
	req a GET "$O/led.txt?n=$n"
	eq "led.txt ?n=$n is 400" "$STATUS" 400
done
req a GET "$O/led.json?n=3"
eq "led.json is 200" "$STATUS" 200
check "led.json is JSON" ctype 'application/json'
check "led.json has organ and items" json '.organ == "沙县应急管理局" and (.items | length) == 3 and (.items[0] | keys_unsorted) == ["title", "published_date", "index_no"]'
req a GET "$O/led.json?n=99"
eq "led.json ?n=99 is 400" "$STATUS" 400

#---- Bulletin board sheet
req a GET "$O/bulletin?week=2018-05-16"
eq "bulletin is 200" "$STATUS" 200
check "bulletin is HTML" ctype 'text/html'
has "bulletin heading names the organ" "$T/body" '<p class="sheet-organ">沙县应急管理局</p>'
has "bulletin heading gives Monday to Sunday" "$T/body" '2018年5月14日至2018年5月20日'
has "bulletin has the week's bulletin item" "$T/body" '《地方党政领导干部安全生产责任制规定》政策解读'
hasnt "bulletin has no item of another week" "$T/body" '中共中央办公厅 国务院办公厅印发'
has "previous week link" "$T/body" "href=\"$O/bulletin?week=2018-05-07\""
has "next week link" "$T/body" "href=\"$O/bulletin?week=2018-05-21\""
has "week links hidden in print" "$T/body" '<nav class="noprint sheet-nav"'
hasnt "bulletin has no site header" "$T/body" 'class="site-header"'
req a GET "$O/bulletin?week=2018-12-10"
hasnt "items not on the bulletin channel stay off it" "$T/body" '岁末年初安全生产大检查'
has "an empty week says so" "$T/body" '本周没有在政务公开栏发布的信息'
req a GET /static/site.css
has "print CSS sets A4" "$T/body" '@page { size: A4;'
req a GET "$O/bulletin"
eq "bulletin of this week is 200" "$STATUS" 200
for w in 2018-13-01 2018-02-30 abc 20180516; do
	req a GET "$O/bulletin?week=$w"
	eq "bulletin ?week=$w is 400" "$STATUS" 400
done

#---- Open data
req a GET "$O/catalog.json"
eq "catalog.json is 200" "$STATUS" 200
check "catalog.json is JSON" ctype 'application/json'
check "catalog.json has the contract keys" json '.organ == "沙县应急管理局" and (.items | length) == 15 and ([.items[] | keys_unsorted] | unique) == [["index_no", "title", "doc_no", "category", "kind", "published_date", "validity", "url"]]'
check "catalog.json url is the stable path" json '.items[] | select(.index_no == "003510427/2018-00001") | .url == "/organ/shaxian-yjj/item/003510427/2018-00001"'
check "catalog.json keeps abolished items" json '[.items[] | select(.validity == "abolished")] | length == 1'
check "catalog.json kinds are codes" json '[.items[] | select(.kind == "interpretation")] | length == 1'
never_public "catalog.json"
req a GET "$O/catalog.csv"
eq "catalog.csv is 200" "$STATUS" 200
check "catalog.csv is CSV" ctype 'text/csv; charset=utf-8'
eq "catalog.csv header row" "$(head -n 1 "$T/body" | tr -d '\r')" 'index_no,title,doc_no,category,kind,published_date,validity,url'
eq "catalog.csv has a row per item" "$(wc -l < "$T/body")" 16
has "catalog.csv rows" "$T/body" '003510427/2018-00008,关于印发《沙县安全生产举报奖励办法》的通知,沙安监〔2018〕41号,部门文件,normative,2018-09-05,abolished,/organ/shaxian-yjj/item/003510427/2018-00008'
never_public "catalog.csv"
for p in catalog.json catalog.csv led.txt led.json bulletin xxgk/ xxgk/list; do
	req a GET "/organ/nope/$p"
	eq "/organ/nope/$p is 404" "$STATUS" 404
done

#---- More than a page, odd titles, an attachment of a withdrawn item
stop_server
# 30 more published items of 2017, one with markup and a line break in
# its title, and the withdrawn item given an attachment.
# (gk_sql: the sqlite3 shell cannot change items, whose triggers keep the
# search index and need gongkai's tokenizer)
"${GK_SQL:-$(dirname "$GONGKAI")/gk_sql}" "$T/g.db" "
WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 30)
INSERT INTO item(organ_id, index_no, title, category_id, kind, body,
  published_date, status, ever_published, created_at, updated_at)
SELECT organ_id, printf('003510427/2017-%05d', i),
  CASE i WHEN 7 THEN 'A&B <i>x</i> \"q\"' || char(10) || 'line2'
  ELSE '二〇一七年动态第' || i || '号' END,
  category_id, 'normal', '<p>旧闻</p>', printf('2017-06-%02d', i),
  'published', 1, created_at, updated_at
FROM item, k WHERE item.id = 9;
INSERT INTO attachment(item_id, name, ctype, sha256, size, created_at)
SELECT i.id, 'w.pdf', a.ctype, a.sha256, a.size, a.created_at
FROM item i, attachment a WHERE i.status = 'withdrawn' AND a.id = ${att##*/};"
wid=$(sqlite3 "$T/g.db" "SELECT max(id) FROM attachment")
start_server "$T/g.db"
req a GET "$O/attachment/$wid"
eq "attachment of a withdrawn item is 404" "$STATUS" 404
req a GET "$O/xxgk/list"
eq "page 1 has 20 rows" "$(rows)" 20
has "page 1 says how many pages" "$T/body" '第 1 / 3 页'
has "page 1 links page 2" "$T/body" "href=\"$O/xxgk/list?page=2\" rel=\"next\""
req a GET "$O/xxgk/list?page=3"
eq "page 3 has the last 5 rows" "$(rows)" 5
has "page 3 links back" "$T/body" "href=\"$O/xxgk/list?page=2\" rel=\"prev\""
req a GET "$O/xxgk/list?year=2017&page=2"
eq "filtered page 2" "$(rows)" 10
has "page links keep the filters" "$T/body" "href=\"$O/xxgk/list?year=2017\""
has "markup in a title is escaped" "$T/body" 'A&amp;B &lt;i&gt;x&lt;/i&gt;'
req a GET "$O/xxgk/list?page=4"
has "page 4 of 3 is an empty list" "$T/body" '本页没有信息(共 3 页)'
req a GET "$O/led.txt?n=50"
eq "led.txt: one title a line even with a line break in it" "$(wc -l < "$T/body")" 45
has "led.txt joins the broken title" "$T/body" 'A&B <i>x</i> "q" line2'
for f in rss atom; do
	req a GET "$O/feed.$f"
	check "feed.$f with markup in titles is well-formed" xmllint --noout "$T/body"
	eq "feed.$f keeps the latest 20" "$(grep -cE '^<(item|entry)>' "$T/body")" 20
done
req a GET "$O/catalog.json"
check "catalog.json with odd titles parses" json '(.items | length) == 45'
req a GET "$O/catalog.csv"
has "CSV quotes a field with quotes and a line break" "$T/body" '"A&B <i>x</i> ""q""'
check "nothing answered 500" sh -c "! grep -qE ' 5[0-9][0-9] [0-9]+ [0-9]+us' '$T/server.log'"
finish
