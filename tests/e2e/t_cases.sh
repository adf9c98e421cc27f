#!/bin/sh
# t_cases.sh - review and litigation cases (行政复议 / 行政诉讼) through the
# real server and CLI: registering, editing and closing a case over HTTP
# with CSRF, its documents, the link to an application of the same organ
# (and refusal of another organ's), the register's order and filters, the
# workbench's open count, the application page's list; refusals of bad
# input with nothing stored (form and CSV import alike), organ isolation,
# deletion by a leader, and the audit rows of every change.
. "$(dirname "$0")/lib.sh"

DB="$T/g.db"
"$GONGKAI" init --db "$DB" --demo > /dev/null || exit 1
PW=gongkai2026
O=/admin/o/shaxian-yjj
q() { sqlite3 "$DB" "$1"; }
ncases() { q "SELECT count(*) FROM lawcase"; }
naudit() { q "SELECT count(*) FROM audit WHERE entity='lawcase'"; }
# the demo: 陈某's answered application, and one of 沙县财政局 (imported)
APP=$(q "SELECT tracking_code FROM application WHERE applicant_name='陈某'")
APPID=$(q "SELECT id FROM application WHERE applicant_name='陈某'")
printf 'tracking_code,received_date,channel,applicant_kind\nCZJ-2026-001,2026-03-02,letter,natural\n' > "$T/czj.csv"
"$GONGKAI" import --db "$DB" --organ shaxian-czj applications "$T/czj.csv" > /dev/null
eq "another organ has an application" "$(q "SELECT count(*) FROM application WHERE tracking_code='CZJ-2026-001'")" 1

start_server "$DB"
login c yjj-clerk "$PW"
login l yjj-leader "$PW"
login z czj-clerk "$PW"

# --- the register ---
req c GET "$O/cases"
eq "register opens" "$STATUS" 200
has "the demo's pending lawsuit" "$T/body" "(2026)闽0427行初15号"
has "pending marked" "$T/body" 'class="open-case"'
has "the demo's closed review" "$T/body" "沙政复决字〔2026〕7号"
# pending first: the lawsuit (filed later anyway) and the review after it
first=$(grep -o '行初15号\|复决字〔2026〕7号' "$T/body" | head -n 1)
eq "pending cases come first" "$first" "行初15号"
req c GET /admin/o/shaxian-yjj/
has "workbench: open cases" "$T/body" "尚未审结 <strong>1</strong> 件"
has "workbench links the open ones" "$T/body" "$O/cases?result=pending"
has "staff menu: 复议诉讼" "$T/body" ">复议诉讼<"

# --- registering ---
req c GET "$O/cases/new"
eq "the form" "$STATUS" 200
tok=$(csrf)
new() { req c POST "$O/cases/new" --data-urlencode "csrf=$tok" "$@"; }
n=$(ncases); na=$(naudit)
new -d kind=review -d result=upheld -d filed_date=2026-05-06
eq "a result without a closing date: 400" "$STATUS" 400
has "the form says which field" "$T/body" "结案日期:审理结果为“维持”的案件须填写结案日期"
has "and points at it" "$T/body" 'href="#f-closed_date"'
eq "one field marked invalid" "$(grep -o 'aria-invalid="true"' "$T/body" | wc -l)" 1
new -d kind=review -d result=pending -d filed_date=2026-05-06 -d closed_date=2026-06-01
eq "pending with a closing date: 400" "$STATUS" 400
has "says why" "$T/body" "尚未审结的案件不能填写结案日期"
new -d kind=review -d result=corrected -d filed_date=2026-05-06 -d closed_date=2026-05-01 \
	--data-urlencode "party=保留的输入"
eq "closed before filed: 400" "$STATUS" 400
has "says why" "$T/body" "结案日期:不能早于立案日期(2026-05-06)"
has "what was typed is kept" "$T/body" "保留的输入"
new -d kind=appeal -d result=pending -d filed_date=2026-05-06
eq "unknown kind: 400" "$STATUS" 400
has "names the field" "$T/body" "案件类型"
new -d kind=review -d result=won -d filed_date=2026-05-06
eq "unknown result: 400" "$STATUS" 400
new -d kind=review -d result=pending -d filed_date=2026-02-30
eq "not a date: 400" "$STATUS" 400
has "names the field" "$T/body" "立案日期:“2026-02-30”不是有效日期"
new -d kind=review -d result=pending -d filed_date=2099-01-05
eq "a future date: 400" "$STATUS" 400
has "says why" "$T/body" "晚于今天"
new -d kind=review -d result=pending -d filed_date=
eq "no filing date: 400" "$STATUS" 400
new -d kind=review -d result=pending -d filed_date=2026-05-06 -d application=CZJ-2026-001
eq "another organ's application: 400" "$STATUS" 400
has "says the organ has none such" "$T/body" "本机关没有编号为“CZJ-2026-001”的申请"
has "the link field is marked" "$T/body" 'href="#f-application"'
new -d kind=review -d result=pending -d filed_date=2026-05-06 -d application=NO-SUCH-CODE
eq "an unknown tracking code: 400" "$STATUS" 400
req c POST "$O/cases/new" -d kind=review -d result=pending -d filed_date=2026-05-06
eq "without the CSRF token: 403" "$STATUS" 403
eq "nothing stored by refusals" "$(ncases)" "$n"
eq "nothing audited by refusals" "$(naudit)" "$na"

new -d kind=litigation_after_review -d result=pending -d filed_date=2026-07-01 \
	--data-urlencode "case_no=(2026)闽0427行初20号" \
	--data-urlencode "authority=三明市沙县区人民法院" \
	--data-urlencode "party=张三<script>" \
	--data-urlencode "subject=不服复议决定" -d "application=$APP"
eq "registered: redirect" "$STATUS" 303
ID=$(sed -n 's|^[Ll]ocation: .*/cases/\([0-9]*\)?done=created.*|\1|p' "$T/hdr" | tr -d '\r')
check "an id came back" test -n "$ID"
eq "stored with its link" "$(q "SELECT kind||' '||result||' '||filed_date||' '||application_id||' '||coalesce(closed_date,'-') FROM lawcase WHERE id=$ID")" \
	"litigation_after_review pending 2026-07-01 $APPID -"
eq "audited: create" "$(q "SELECT count(*) FROM audit WHERE action='lawcase.create' AND entity_id=$ID")" 1
P="$O/cases/$ID"
req c GET "$P"
eq "case page" "$STATUS" 200
has "party escaped" "$T/body" "张三&lt;script&gt;"
hasnt "never raw" "$T/body" "张三<script>"
has "links the application's page" "$T/body" "href=\"$O/applications/$APPID\""
has "offers to close it" "$T/body" "登记审结"
hasnt "a clerk is not offered deletion" "$T/body" "删除此案件"
req c GET "$O/applications/$APPID"
has "the application page lists its cases" "$T/body" "行政复议和诉讼"
has "with this one" "$T/body" "href=\"$P\""
has "and the demo's review" "$T/body" "沙政复决字〔2026〕7号"
req c GET "$O/cases/new?application=$APP"
has "registering from the application fills its code" "$T/body" "value=\"$APP\""
req c GET /admin/o/shaxian-yjj/
has "workbench counts it" "$T/body" "尚未审结 <strong>2</strong> 件"

# --- editing and closing ---
req c GET "$P/edit"
eq "edit form" "$STATUS" 200
has "filled with the case" "$T/body" 'value="2026-07-01"'
tok=$(csrf)
edit() { req c POST "$P/edit" --data-urlencode "csrf=$tok" -d kind=litigation_after_review "$@"; }
before=$(q "SELECT updated_at||result||party FROM lawcase WHERE id=$ID")
na=$(naudit)
edit -d result=other -d filed_date=2026-07-01 --data-urlencode "party=张三"
eq "edit to a result without closing date: 400" "$STATUS" 400
edit -d result=pending -d filed_date=2026-07-01 -d application=CZJ-2026-001 --data-urlencode "party=张三"
eq "edit linking another organ's application: 400" "$STATUS" 400
eq "unchanged" "$(q "SELECT updated_at||result||party FROM lawcase WHERE id=$ID")" "$before"
edit -d result=pending -d filed_date=2026-07-02 --data-urlencode "party=张三" \
	--data-urlencode "case_no=(2026)闽0427行初20号" --data-urlencode "note=第一行
第二行"
eq "edited" "$STATUS" 303
eq "stored; the link dropped" "$(q "SELECT filed_date||' '||party||' '||coalesce(application_id,'none') FROM lawcase WHERE id=$ID")" "2026-07-02 张三 none"
eq "audited with before and after" "$(q "SELECT count(*) FROM audit WHERE action='lawcase.update' AND entity_id=$ID AND before LIKE '%2026-07-01%' AND after LIKE '%2026-07-02%'")" 1
edit -d result=pending -d filed_date=2026-07-02 --data-urlencode "party=张三" \
	--data-urlencode "case_no=(2026)闽0427行初20号" -d "application=$APP"
eq "linked again" "$(q "SELECT application_id FROM lawcase WHERE id=$ID")" "$APPID"
req c GET "$P"
tok=$(csrf)
close() { req c POST "$P/close" --data-urlencode "csrf=$tok" "$@"; }
close -d result=corrected -d closed_date=2026-06-30
eq "closing before filing: 400" "$STATUS" 400
has "a clear message" "$T/body" "不能早于立案日期"
close -d result=pending -d closed_date=2026-08-30
eq "closing as pending: 400" "$STATUS" 400
close -d result=corrected
eq "closing without a date: 400" "$STATUS" 400
eq "still pending" "$(q "SELECT result FROM lawcase WHERE id=$ID")" pending
close -d result=corrected -d closed_date=2026-09-15
eq "closed" "$STATUS" 303
eq "result and date stored" "$(q "SELECT result||' '||closed_date||' '||party FROM lawcase WHERE id=$ID")" "corrected 2026-09-15 张三"
eq "closing audited" "$(q "SELECT count(*) FROM audit WHERE action='lawcase.update' AND entity_id=$ID AND after LIKE '%corrected%'")" 1
close -d result=upheld -d closed_date=2026-09-16
eq "closing twice: 409" "$STATUS" 409
req c GET /admin/o/shaxian-yjj/
has "workbench count went down" "$T/body" "尚未审结 <strong>1</strong> 件"

# --- documents ---
req c GET "$P"
tok=$(csrf)
printf '%%PDF-1.4\n判决书\n%%%%EOF\n' > "$T/判决书.pdf"
req c POST "$P/files" -F "csrf=$tok" -F "file=@$T/判决书.pdf"
eq "document uploaded" "$STATUS" 303
printf 'MZ' > "$T/a.exe"
req c POST "$P/files" -F "csrf=$tok" -F "file=@$T/a.exe"
eq "a disallowed type: 400" "$STATUS" 400
req c POST "$P/files" -F "file=@$T/判决书.pdf"
eq "upload without CSRF: 403" "$STATUS" 403
eq "one document stored" "$(q "SELECT count(*) FROM lawcase_file WHERE lawcase_id=$ID")" 1
req c GET "$P"
has "listed" "$T/body" "判决书.pdf"
FH=$(sed -n 's|.*href="\('"$P"'/files/[0-9]*\)".*|\1|p' "$T/body" | head -n 1)
check "a download link" test -n "$FH"
curl -s -b "$T/c.jar" -D "$T/fhdr" -o "$T/down.pdf" "$BASE$FH"
check "download is byte-identical" cmp -s "$T/判决书.pdf" "$T/down.pdf"
has "served as PDF" "$T/fhdr" "application/pdf"
eq "upload audited" "$(q "SELECT count(*) FROM audit WHERE action='lawcase.file' AND entity_id=$ID")" 1
FID=${FH##*/}
req c GET "$O/cases/1/files/$FID"
eq "a document only under its own case" "$STATUS" 404

# --- filters ---
req c GET "$O/cases?result=pending"
has "pending filter: the lawsuit" "$T/body" "行初15号"
hasnt "pending filter: not the closed review" "$T/body" "复决字〔2026〕7号"
req c GET "$O/cases?result=closed"
has "closed filter" "$T/body" "行初20号"
hasnt "closed filter: no pending" "$T/body" "行初15号"
req c GET "$O/cases?kind=review"
has "kind filter" "$T/body" "复决字〔2026〕7号"
hasnt "kind filter leaves out lawsuits" "$T/body" "行初20号"
req c GET "$O/cases?result=corrected&year=2026"
has "result and year" "$T/body" "行初20号"
has "one found" "$T/body" "共 1 件"
req c GET "$O/cases?year=2025"
has "a year without cases" "$T/body" "没有符合条件的案件"
req c GET "$O/cases?year=20x5"
eq "a bad year: 400" "$STATUS" 400

# --- other organs ---
before=$(q "SELECT group_concat(id||result||filed_date||updated_at) FROM lawcase")
na=$(naudit)
req z GET "$O/cases"
eq "another organ's clerk: list 403" "$STATUS" 403
req z GET "$P"
eq "case page 403" "$STATUS" 403
req z GET "$FH"
eq "document 403" "$STATUS" 403
req z GET "/admin/o/shaxian-czj/cases/$ID"
eq "not through their own organ either: 404" "$STATUS" 404
req z GET "/admin/o/shaxian-czj/cases/$ID/files/$FID"
eq "nor its document: 404" "$STATUS" 404
req z GET /admin/o/shaxian-czj/cases
tok=$(csrf)
hasnt "their register does not list it" "$T/body" "行初20号"
req z POST "$P/edit" --data-urlencode "csrf=$tok" -d kind=review -d result=pending -d filed_date=2026-07-02
eq "edit through the other organ: 403" "$STATUS" 403
req z POST "/admin/o/shaxian-czj/cases/$ID/edit" --data-urlencode "csrf=$tok" -d kind=review -d result=pending -d filed_date=2026-07-02
eq "edit through their own organ: 404" "$STATUS" 404
req z POST "/admin/o/shaxian-czj/cases/$ID/close" --data-urlencode "csrf=$tok" -d result=upheld -d closed_date=2026-09-20
eq "close through their own organ: 404" "$STATUS" 404
req z POST "$P/files" -F "csrf=$tok" -F "file=@$T/判决书.pdf"
eq "upload to it: 403" "$STATUS" 403
req z POST "/admin/o/shaxian-czj/cases/$ID/delete" --data-urlencode "csrf=$tok"
eq "delete through their own organ: 404" "$STATUS" 404
req z POST /admin/o/shaxian-czj/cases/new --data-urlencode "csrf=$tok" -d kind=review -d result=pending -d filed_date=2026-07-02 -d "application=$APP"
eq "linking yjj's application from czj: 400" "$STATUS" 400
eq "nothing changed" "$(q "SELECT group_concat(id||result||filed_date||updated_at) FROM lawcase")" "$before"
eq "nothing audited" "$(naudit)" "$na"
eq "no documents added" "$(q "SELECT count(*) FROM lawcase_file")" 1

# --- deleting (leaders and admins) ---
req c GET "$P"
tok=$(csrf)
req c POST "$P/delete" --data-urlencode "csrf=$tok"
eq "a clerk may not delete: 403" "$STATUS" 403
req l GET "$P"
has "a leader is offered deletion" "$T/body" "删除此案件"
tok=$(csrf)
req l POST "$P/delete" --data-urlencode "csrf=$tok"
eq "deleted" "$STATUS" 303
eq "gone with its documents" "$(q "SELECT count(*) FROM lawcase WHERE id=$ID")/$(q "SELECT count(*) FROM lawcase_file")" "0/0"
eq "the content went too" "$(q "SELECT count(*) FROM blob WHERE data LIKE '%判决书%'")" 0
eq "deletion audited with the last state" "$(q "SELECT count(*) FROM audit WHERE action='lawcase.delete' AND entity_id=$ID AND before LIKE '%corrected%'")" 1
req l GET "$P"
eq "its page is gone" "$STATUS" 404

# --- CSV import ---
cat > "$T/cases.csv" <<CSV
kind,filed_date,result,closed_date,application
review,2025-03-10,upheld,2025-05-20,$APP
litigation_direct,2025-06-01,pending,,
litigation_after_review,2024-11-02,corrected,2025-04-30,
CSV
n=$(ncases)
"$GONGKAI" import --db "$DB" --organ shaxian-yjj cases "$T/cases.csv" > "$T/out"
eq "import: exit 0" "$?" 0
has "import: says how many" "$T/out" "stored 3 cases"
eq "three rows" "$(ncases)" $((n + 3))
eq "linked by tracking code" "$(q "SELECT count(*) FROM lawcase WHERE filed_date='2025-03-10' AND application_id=$APPID")" 1
eq "imports audited" "$(q "SELECT count(*) FROM audit WHERE action='lawcase.create' AND actor LIKE 'cli:%' AND entity_id IN (SELECT id FROM lawcase WHERE filed_date < '2026')")" 3
printf 'result,filed_date,kind\npending,2025-01-02,review\n' > "$T/min.csv"
"$GONGKAI" import --db "$DB" --organ shaxian-yjj cases "$T/min.csv" > "$T/out"
eq "the optional columns may be absent" "$?" 0
n=$(ncases); na=$(naudit)
cat > "$T/bad.csv" <<'CSV'
kind,filed_date,result,closed_date,application
review,2025-03-10,upheld,,
review,2025-03-10,pending,2025-04-01,
review,2025-03-10,corrected,2025-03-01,
appeal,2025-03-10,pending,,
review,2025-02-30,pending,,
review,2099-01-01,pending,,
review,2025-03-10,pending,,NO-SUCH-CODE
review,2025-03-10,pending,,CZJ-2026-001
review,2025-03-10,won,,
litigation_direct,2025-03-11,pending,,
CSV
"$GONGKAI" import --db "$DB" --organ shaxian-yjj cases "$T/bad.csv" 2> "$T/err"
eq "bad rows: exit 2" "$?" 2
has "a result without a closing date, line 2" "$T/err" "bad.csv:2: closed_date: 结案日期"
has "pending with a closing date, line 3" "$T/err" "bad.csv:3: closed_date:"
has "closed before filed, line 4" "$T/err" "bad.csv:4: closed_date:"
has "unknown kind, line 5" "$T/err" "bad.csv:5: kind:"
has "a bad date, line 6" "$T/err" "bad.csv:6: filed_date:"
has "a future date, line 7" "$T/err" "bad.csv:7: filed_date:"
has "an unknown tracking code, line 8" "$T/err" "bad.csv:8: application:"
has "another organ's tracking code, line 9" "$T/err" "bad.csv:9: application:"
has "unknown result, line 10" "$T/err" "bad.csv:10: result:"
hasnt "the good row is not reported" "$T/err" "bad.csv:11:"
has "nothing stored, says so" "$T/err" "nothing was stored"
eq "zero rows stored" "$(ncases)" "$n"
eq "zero audit rows" "$(naudit)" "$na"
printf 'kind,filed_date,result,court\nreview,2025-03-10,pending,x\n' > "$T/col.csv"
"$GONGKAI" import --db "$DB" --organ shaxian-yjj cases "$T/col.csv" 2> "$T/err"
eq "an unknown column: exit 2" "$?" 2
has "names it" "$T/err" "col.csv:1: court:"
printf 'kind,result\nreview,pending\n' > "$T/col.csv"
"$GONGKAI" import --db "$DB" --organ shaxian-yjj cases "$T/col.csv" 2> "$T/err"
eq "a missing column: exit 2" "$?" 2
has "names it" "$T/err" "col.csv:1: filed_date:"
eq "still nothing stored" "$(ncases)" "$n"
req c GET "$O/cases?year=2025"
has "imported cases in the register" "$T/body" "共 3 件"

"$GONGKAI" audit verify --db "$DB" > /dev/null
eq "the audit chain holds" "$?" 0
finish
