#!/bin/sh
# t_items.sh - proactive disclosure through the real server and CLI: a
# clerk drafts, a reviewer records the 保密审查, a leader approves, the clerk
# publishes; rich text is sanitised; bad input is refused with nothing
# stored; attachments round-trip byte for byte; abolish, withdraw, bulk
# actions, organ isolation, and the all-or-nothing CSV importer.
. "$(dirname "$0")/lib.sh"

DB="$T/g.db"
"$GONGKAI" init --db "$DB" --demo > /dev/null || exit 1
PW=gongkai2026
GONGKAI_MAX_ATTACHMENT=4096 start_server "$DB"
O=/admin/o/shaxian-yjj
YEAR=$(date +%Y)
count_items() {
	"$GONGKAI" export --db "$DB" --organ shaxian-yjj items --format json |
		grep -c '"title":'
}
# act JAR ID ACTION [curl args]: posts a workflow action from the item page
act() {
	j=$1; id=$2; a=$3; shift 3
	req "$j" GET "$O/items/$id"
	tok=$(csrf)
	req "$j" POST "$O/items/$id/act" --data-urlencode "csrf=$tok" \
		--data-urlencode "action=$a" "$@"
}

login c yjj-clerk "$PW"
req c GET "$O/items/new"
eq "editor opens" "$STATUS" 200
tok=$(csrf)
CAT=$(sed -n 's/.*<option value="\([0-9][0-9]*\)"[^>]*>工作动态<.*/\1/p' "$T/body" | head -n 1)
check "editor offers the preset categories" [ -n "$CAT" ]
has "editor offers 政府信息公开制度" "$T/body" '政府信息公开制度'

# bad input: nothing stored
n0=$(count_items)
req c POST "$O/items/new" --data-urlencode "csrf=$tok" \
	--data-urlencode "title=" --data-urlencode "category=$CAT" \
	--data-urlencode "kind=normal"
eq "missing title is 400" "$STATUS" 400
has "message names the title" "$T/body" '标题'
req c POST "$O/items/new" --data-urlencode "csrf=$tok" \
	--data-urlencode "title=x" --data-urlencode "category=999999" \
	--data-urlencode "kind=normal"
eq "unknown category is 400" "$STATUS" 400
has "message names the category" "$T/body" '主题分类'
req c POST "$O/items/new" --data-urlencode "csrf=$tok" \
	--data-urlencode "title=x" --data-urlencode "category=$CAT" \
	--data-urlencode "kind=normal" --data-urlencode "written_date=2999-01-01"
eq "future written date is 400" "$STATUS" 400
req c POST "$O/items/new" --data-urlencode "csrf=$tok" \
	--data-urlencode "title=x" --data-urlencode "category=$CAT" \
	--data-urlencode "kind=normal" --data-urlencode "written_date=2018-02-30"
eq "impossible date is 400" "$STATUS" 400
req c POST "$O/items/new" --data-urlencode "csrf=$tok" \
	--data-urlencode "title=x" --data-urlencode "category=$CAT" \
	--data-urlencode "kind=secret"
eq "unknown kind is 400" "$STATUS" 400
req c POST "$O/items/new" --data-urlencode "csrf=$tok" \
	--data-urlencode "title=x" --data-urlencode "category=$CAT" \
	--data-urlencode "kind=normal" --data-urlencode "channel=fax"
eq "unknown channel is 400" "$STATUS" 400
eq "refused forms stored nothing" "$(count_items)" "$n0"

# a draft with hostile HTML
req c POST "$O/items/new" --data-urlencode "csrf=$tok" \
	--data-urlencode "title=关于做好2018年安全生产工作的通知" \
	--data-urlencode "doc_no=沙政办〔2018〕52号" \
	--data-urlencode "category=$CAT" --data-urlencode "kind=normal" \
	--data-urlencode "written_date=2018-03-01" \
	--data-urlencode "channel=website" --data-urlencode "channel=led" \
	--data-urlencode "body=<p onclick=\"alert(1)\">各乡镇<script>alert(2)</script></p><a href=\"javascript:alert(3)\">链接</a><table><tr><td colspan=\"2\">表格</td></tr></table>"
eq "draft saved (303)" "$STATUS" 303
ID=$(sed -n 's|^Location: .*/items/\([0-9]*\)?done=created.*|\1|p' "$T/hdr" | tr -d '\r')
check "redirects to the new item" [ -n "$ID" ]
req c GET "$O/items/$ID"
eq "item page opens" "$STATUS" 200
has "document number intact" "$T/body" '沙政办〔2018〕52号'
hasnt "script stripped" "$T/body" 'alert(2)'
hasnt "event handler stripped" "$T/body" 'onclick'
hasnt "javascript: URL stripped" "$T/body" 'javascript:'
has "table kept" "$T/body" 'colspan="2"'
has "no index number before publication" "$T/body" '公开时生成'
has "channels recorded" "$T/body" 'LED 显示屏'

# organ isolation
login x czj-clerk "$PW"
req x GET "$O/items/$ID"
eq "another organ's clerk cannot read it" "$STATUS" 403
req x GET "/admin/o/shaxian-czj/items/$ID"
eq "nor reach it through their own organ" "$STATUS" 404

# the workflow
act c "$ID" review
eq "a clerk cannot review (409: not submitted yet)" "$STATUS" 409
act c "$ID" submit
eq "clerk submits" "$STATUS" 303
act c "$ID" review
eq "clerk cannot do 保密审查" "$STATUS" 403
login r yjj-reviewer "$PW"
req r GET "$O/queue"
has "reviewer's queue lists it" "$T/body" '关于做好2018年安全生产工作的通知'
act r "$ID" approve
eq "reviewer cannot approve" "$STATUS" 409
act r "$ID" return
eq "return without a note is 400" "$STATUS" 400
act r "$ID" review --data-urlencode "note=经审查,不涉及国家秘密和个人隐私"
eq "reviewer records the review" "$STATUS" 303
login l yjj-leader "$PW"
act l "$ID" approve --data-urlencode "note=同意公开"
eq "leader approves" "$STATUS" 303
req c GET "/organ/shaxian-yjj/"
act c "$ID" schedule --data-urlencode "when=2001-01-01T08:00"
eq "scheduling in the past is 400" "$STATUS" 400
act c "$ID" schedule --data-urlencode "when=2999-01-01T08:00"
eq "scheduling in the future works" "$STATUS" 303
req c GET "$O/items/$ID"
has "scheduled time shown" "$T/body" '2999-01-01T08:00'
act c "$ID" publish
eq "clerk publishes the approved item" "$STATUS" 303
req c GET "$O/items/$ID"
has "published" "$T/body" '已公开'
IDX=$(grep -o "003510427/$YEAR-[0-9]\{5\}" "$T/body" | head -n 1)
check "index number assigned from the organ's pattern" [ -n "$IDX" ]
has "trail has the review note" "$T/body" '经审查,不涉及国家秘密和个人隐私'
has "trail has the approval" "$T/body" '审批同意'
hasnt "published items have no delete button" "$T/body" '删除草稿'
PUB=$(sed -n 's|.*href="\(/organ/shaxian-yjj/item/[^"]*\)".*|\1|p' "$T/body" | head -n 1)
eq "public link keeps the index number's slash" "$PUB" "/organ/shaxian-yjj/item/$IDX"
req p GET "$PUB"
eq "the published item is public" "$STATUS" 200
has "public page shows the document number" "$T/body" '沙政办〔2018〕52号'
hasnt "public page has no script" "$T/body" 'alert(2)'
req p GET /organ/shaxian-yjj/catalog.json
has "it is in the open-data catalog" "$T/body" "\"$IDX\""
req p GET /organ/shaxian-yjj/led.txt
has "it is on the LED feed" "$T/body" '关于做好2018年安全生产工作的通知'
req p GET /organ/shaxian-yjj/feed.rss
has "it is in the RSS feed" "$T/body" '关于做好2018年安全生产工作的通知'
req p GET /organ/shaxian-yjj/xxgk/list
has "it is in the public list" "$T/body" '关于做好2018年安全生产工作的通知'

# attachments
printf '%%PDF-1.4\n%% gongkai test\n\000\001\002binary\377\n%%%%EOF\n' > "$T/a.pdf"
cp "$T/a.pdf" "$T/通知.pdf"
printf 'MZ not allowed' > "$T/a.exe"
head -c 5000 /dev/zero | sed 's/^/%PDF-/' > "$T/big.pdf"
ID2=""
req c GET "$O/items/new"
tok=$(csrf)
req c POST "$O/items/new" --data-urlencode "csrf=$tok" \
	--data-urlencode "title=附件测试" --data-urlencode "category=$CAT" \
	--data-urlencode "kind=normal" --data-urlencode "body=纯文本第一段

第二段"
ID2=$(sed -n 's|^Location: .*/items/\([0-9]*\)?done=created.*|\1|p' "$T/hdr" | tr -d '\r')
req c GET "$O/items/$ID2"
tok=$(csrf)
has "plain text becomes paragraphs" "$T/body" '<p>第二段</p>'
req p GET /organ/shaxian-yjj/catalog.json
hasnt "a draft is not in the open-data catalog" "$T/body" '附件测试'
req p GET /organ/shaxian-yjj/xxgk/list
hasnt "a draft is not in the public list" "$T/body" '附件测试'
req p GET /organ/shaxian-yjj/led.txt
hasnt "a draft is not on the LED feed" "$T/body" '附件测试'
req c POST "$O/items/$ID2/attachments" -F "csrf=$tok" -F "file=@$T/通知.pdf"
eq "upload accepted" "$STATUS" 303
req c GET "$O/items/$ID2"
has "attachment listed with its Chinese name" "$T/body" '通知.pdf'
AH=$(sed -n 's|.*href="\('"$O"'/attachment/[0-9]*\)".*|\1|p' "$T/body" | head -n 1)
curl -s -b "$T/c.jar" -D "$T/ahdr" -o "$T/down.pdf" "$BASE$AH"
check "download is byte-identical" cmp -s "$T/a.pdf" "$T/down.pdf"
has "served as PDF" "$T/ahdr" 'Content-Type: application/pdf'
has "Chinese file name in Content-Disposition" "$T/ahdr" "filename*=UTF-8''%E9%80%9A%E7%9F%A5.pdf"
req c POST "$O/items/$ID2/attachments" -F "csrf=$tok" -F "file=@$T/a.exe"
eq "disallowed type is 400" "$STATUS" 400
has "message names the type problem" "$T/body" '类型不允许'
req c POST "$O/items/$ID2/attachments" -F "csrf=$tok" -F "file=@$T/big.pdf"
eq "oversize attachment is 413" "$STATUS" 413
req c POST "$O/items/$ID2/attachments" -F "file=@$T/a.pdf"
eq "upload without CSRF token is 403" "$STATUS" 403
req c GET "$O/items/$ID2"
eq "only the good attachment was stored" "$(grep -c "$O/attachment/" "$T/body")" 1

# abolish and withdraw (leader only; withdraw needs a reason)
act c "$ID" abolish
eq "clerk cannot abolish" "$STATUS" 403
act l "$ID" abolish
eq "leader abolishes" "$STATUS" 303
req l GET "$O/items/$ID"
has "marked 已废止" "$T/body" '已废止'
has "still published" "$T/body" '已公开'
act l "$ID" withdraw
eq "withdraw without a reason is 400" "$STATUS" 400
act l "$ID" withdraw --data-urlencode "note=内容需要更正"
eq "leader withdraws" "$STATUS" 303

# bulk actions and deleting drafts
req c GET "$O/items"
tok=$(csrf)
req c POST "$O/items/bulk" --data-urlencode "csrf=$tok" \
	--data-urlencode "action=submit" --data-urlencode "id=$ID2"
eq "bulk submit" "$STATUS" 303
req c POST "$O/items/bulk" --data-urlencode "csrf=$tok" \
	--data-urlencode "action=delete" --data-urlencode "id=$ID2"
eq "bulk delete of a non-draft reports the failure (409)" "$STATUS" 409
req c GET "$O/items?status=pending_review"
has "list filter by status" "$T/body" '附件测试'
hasnt "filter leaves out others" "$T/body" '关于做好2018年安全生产工作的通知'

# the audit chain holds
check "audit chain verifies" "$GONGKAI" audit verify --db "$DB"
"$GONGKAI" audit list --db "$DB" --limit 1000 > "$T/audit"
has "publication audited" "$T/audit" 'item.publish'
has "review audited" "$T/audit" 'item.review'
has "upload audited" "$T/audit" 'attachment.add'

stop_server

# CSV import: 1,000 rows, then a file with one bad row that stores nothing
{
	printf '\357\273\277title,category,kind,published_date,doc_no,channels,body\n'
	i=1
	while [ $i -le 1000 ]; do
		printf '"第%d号通知,关于安全生产",通知公告,normal,2018-%02d-%02d,"沙安监〔2018〕%d号",website;bulletin,"<p>正文 %d</p>"\n' \
			$i $(( (i % 12) + 1 )) $(( (i % 28) + 1 )) $i $i
		i=$((i + 1))
	done
} > "$T/items.csv"
n0=$(count_items)
"$GONGKAI" import --db "$DB" --organ shaxian-yjj items "$T/items.csv" > "$T/imp.out" 2>&1
eq "import of 1,000 rows exits 0" "$?" 0
has "import says how many" "$T/imp.out" 'stored 1000 items'
eq "all 1,000 stored" "$(count_items)" $((n0 + 1000))
"$GONGKAI" export --db "$DB" --organ shaxian-yjj items > "$T/exp.csv"
has "export carries the document number" "$T/exp.csv" '沙安监〔2018〕999号'
has "export has generated index numbers" "$T/exp.csv" '003510427/2018-01000'

printf 'title,category,kind,published_date\n好,通知公告,normal,2018-01-02\n坏的日期,通知公告,normal,2018-13-01\n"跨行\n标题",工作动态,normal,2018-01-03\n坏的分类,没有这个分类,normal,2018-01-03\n未来,通知公告,normal,2999-01-01\n' > "$T/bad.csv"
n1=$(count_items)
"$GONGKAI" import --db "$DB" --organ shaxian-yjj items "$T/bad.csv" > "$T/bad.out" 2>&1
eq "bad file exits 2" "$?" 2
has "bad date reported with file, line and column" "$T/bad.out" "$T/bad.csv:3: published_date:"
has "unknown category on its physical line (after a 2-line record)" "$T/bad.out" "$T/bad.csv:6: category:"
has "future date reported" "$T/bad.out" "$T/bad.csv:7: published_date:"
eq "nothing stored from the bad file" "$(count_items)" "$n1"
printf 'title,category,kind,colour\nx,通知公告,normal,red\n' > "$T/col.csv"
"$GONGKAI" import --db "$DB" --organ shaxian-yjj items "$T/col.csv" > "$T/col.out" 2>&1
eq "unknown column exits 2" "$?" 2
has "unknown column named on line 1" "$T/col.out" "$T/col.csv:1: colour:"
printf 'index_no,title,category,kind,published_date\n003510427/2018-00001,重复,通知公告,normal,2018-01-02\n' > "$T/dup.csv"
"$GONGKAI" import --db "$DB" --organ shaxian-yjj items "$T/dup.csv" > "$T/dup.out" 2>&1
eq "duplicate index number exits 2" "$?" 2
has "duplicate index number reported" "$T/dup.out" "$T/dup.csv:2: index_no:"
"$GONGKAI" import --db "$DB" --organ nosuch items "$T/dup.csv" > /dev/null 2>&1
eq "unknown organ exits 2" "$?" 2
"$GONGKAI" import --db "$DB" --organ shaxian-yjj gadgets "$T/dup.csv" > /dev/null 2>&1
eq "unknown kind exits 2" "$?" 2
check "audit chain still verifies" "$GONGKAI" audit verify --db "$DB"

finish
