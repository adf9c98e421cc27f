#!/bin/sh
# t_apply_public.sh - the public side of disclosure on application (依申请
# 公开) on the demo database: the online form of an organ (fields, labels,
# CSRF, the checks of app_check, the honeypot), the stored application and
# its acknowledgement mail, the confirmation page, the status lookup by
# tracking code and phone or e-mail (no personal data shown, one answer
# for every miss, throttled failures) and the hourly limit per address.
. "$(dirname "$0")/lib.sh"

"$GONGKAI" init --db "$T/g.db" --demo > /dev/null || exit 1
# Four failed status lookups per address, then 429 (4 x this).
GONGKAI_LOGIN_MAX_FAILURES=1 start_server "$T/g.db"
O=/organ/shaxian-yjj
APPLICANT='王小明'
IDNO='350427199001011234'
PHONE='138 0598-1234'
MAIL='Wang.XM@Example.com'
WANT='2018年沙县安全生产大检查的检查记录'

# sql QUERY: one value from the database
sql() { sqlite3 "$T/g.db" "$1"; }
apps() { sql "SELECT count(*) FROM application"; }
# apply JAR [KEY=VALUE ...]: posts the form with a fresh token: the good
# values below, each replaced by a KEY=VALUE given.
apply() {
	jar=$1; shift
	req "$jar" GET "$O/apply"
	set -- "csrf=$(csrf)" "$@"
	for kv in kind=natural "name=$APPLICANT" id_type=id_card \
		"id_number=$IDNO" "phone=$PHONE" "email=$MAIL" \
		"request=$WANT" delivery=email website=; do
		given=0
		for a in "$@"; do
			[ "${a%%=*}" = "${kv%%=*}" ] && given=1
		done
		[ $given = 1 ] || set -- "$@" "$kv"
	done
	n=$#
	for a in "$@"; do
		set -- "$@" --data-urlencode "$a"
	done
	shift $n
	req "$jar" POST "$O/apply" "$@"
}
# lookup JAR CODE CONTACT: the status form with a fresh token
lookup() {
	req "$1" GET /apply/status
	tok=$(csrf)
	req "$1" POST /apply/status --data-urlencode "csrf=$tok" \
		--data-urlencode "code=$2" --data-urlencode "contact=$3"
}
# code_ok CODE: a tracking code's shape (year, two groups of four)
code_ok() { expr "$1" : '20[0-9][0-9]-[A-Z2-9]\{4\}-[A-Z2-9]\{4\}$' > /dev/null; }
# personal WHAT: none of the applicant's data is in the body
personal() {
	hasnt "$1 has no name" "$T/body" "$APPLICANT"
	hasnt "$1 has no ID number" "$T/body" "$IDNO"
	hasnt "$1 has no phone" "$T/body" '0598-1234'
	hasnt "$1 has no e-mail" "$T/body" 'Example.com'
	hasnt "$1 has no request text" "$T/body" '检查记录'
}

#---- Links
req a GET "$O/"
has "organ page links the form" "$T/body" "href=\"$O/apply\""
has "organ page links the status lookup" "$T/body" 'href="/apply/status"'
req a GET "$O/xxgk/"
has "xxgk page links the form" "$T/body" "href=\"$O/apply\""
req a GET /
has "site navigation has the status lookup" "$T/body" '<a href="/apply/status" aria-current="false">申请进度查询</a>'

#---- The form
req a GET "$O/apply"
eq "form is 200" "$STATUS" 200
has "form has a CSRF token" "$T/body" 'name="csrf" value="'
has "form posts to itself" "$T/body" "<form method=\"post\" action=\"$O/apply\""
has "form cites art. 29" "$T/body" '第二十九条'
has "form explains the receipt date" "$T/body" '第三十一条第三项'
has "form gives the 20 working days" "$T/body" '20 个工作日'
for f in name id_type id_number legal_rep contact_person phone email \
	address postcode request doc_no purpose; do
	has "form has the field $f" "$T/body" "name=\"$f\""
done
for id in f-name f-id-type f-id-number f-legal-rep f-contact f-phone \
	f-email f-address f-postcode f-request f-doc-no f-purpose f-website; do
	has "control $id has a label" "$T/body" "<label for=\"$id\">"
done
for k in natural commercial research public_interest legal_service other; do
	has "applicant kind $k" "$T/body" "name=\"kind\" value=\"$k\""
done
for d in paper email electronic onsite; do
	has "delivery form $d" "$T/body" "name=\"delivery\" value=\"$d\""
done
for l in 自然人 法人或其他组织 商业企业 科研机构 社会公益组织 法律服务机构 纸质文本 电子邮件 当场查阅; do
	has "form says $l" "$T/body" "$l"
done
has "kinds are a fieldset" "$T/body" '<legend>申请人类型(必填)</legend>'
has "hints are tied to their fields" "$T/body" 'aria-describedby="h-request"'
has "required fields are marked" "$T/body" '所需信息的内容描述(必填)'
has "honeypot is hidden from people" "$T/body" '<div class="hp" aria-hidden="true">'
has "honeypot is out of the tab order" "$T/body" 'name="website" type="text" value="" tabindex="-1"'
hasnt "no script on the form" "$T/body" '<script'
req a GET /organ/no-such-organ/apply
eq "form of an unknown organ is 404" "$STATUS" 404

#---- Refusals: nothing stored
n0=$(apps)
req a POST "$O/apply" --data-urlencode kind=natural --data-urlencode "name=$APPLICANT"
eq "POST without CSRF is 403" "$STATUS" 403
apply a request=
eq "missing description is 400" "$STATUS" 400
has "the error names the description" "$T/body" '所需信息的内容描述:必须填写'
has "the error links the field" "$T/body" 'href="#f-request"'
has "the field is marked invalid" "$T/body" 'aria-describedby="h-request" aria-invalid="true"'
has "typed name kept" "$T/body" "value=\"$APPLICANT\""
has "typed ID kept" "$T/body" "value=\"$IDNO\""
has "typed e-mail kept" "$T/body" "value=\"$MAIL\""
has "chosen delivery kept" "$T/body" 'value="email" checked'
apply a id_type= id_number=
eq "natural person without ID is 400" "$STATUS" 400
has "the error names the ID" "$T/body" '身份证明:自然人申请须填写证件类型和证件号码'
apply a email=
eq "e-mail delivery without e-mail is 400" "$STATUS" 400
has "the error names the e-mail" "$T/body" '电子邮箱:选择以电子邮件获取信息时必须填写'
apply a kind=commercial legal_rep= \
	contact_person=
eq "organisation without representative or contact is 400" "$STATUS" 400
has "organisation kind kept" "$T/body" 'value="commercial" checked'
apply a delivery=
eq "no delivery form is 400" "$STATUS" 400
has "the error names the delivery" "$T/body" '获取信息的方式:请选择'
apply a kind=robot
eq "unknown applicant kind is 400" "$STATUS" 400
apply a email=not-an-address
eq "bad e-mail is 400" "$STATUS" 400
apply a website=http://spam.example/
eq "filled honeypot is 400" "$STATUS" 400
hasnt "honeypot refusal shows no form" "$T/body" 'name="request"'
apply a "request=$(head -c 30000 /dev/zero | tr '\0' x)"
eq "an over-long field is 413" "$STATUS" 413
eq "nothing stored by refusals" "$(apps)" "$n0"
eq "no mail queued by refusals" "$(sql 'SELECT count(*) FROM outbox')" 0

#---- A good application
apply a
eq "good application redirects" "$STATUS" 303
check "to the confirmation" grep -qi '^Location: /apply/done' "$T/hdr"
check "with the signed cookie" grep -qi '^Set-Cookie: gk_applied=' "$T/hdr"
req a GET /apply/done
eq "confirmation is 200" "$STATUS" 200
CODE=$(sed -n 's|.*id="tracking-code">\([^<]*\)<.*|\1|p' "$T/body")
check "tracking code shown" test -n "$CODE"
check "tracking code looks right" code_ok "$CODE"
has "confirmation says awaiting receipt" "$T/body" '待确认收到'
has "confirmation explains the receipt date" "$T/body" '第三十一条第三项'
has "confirmation links the lookup" "$T/body" "href=\"/apply/status?code=$CODE\""
personal "confirmation"
eq "one application stored" "$(apps)" $((n0 + 1))
row=$(sql "SELECT channel, status, applicant_kind, delivery, received_date IS NULL, length(submit_ip) FROM application WHERE tracking_code = '$CODE'")
eq "stored online, awaiting receipt, no receipt date, address hashed" "$row" 'online|awaiting_receipt|natural|email|1|64'
eq "address not stored in clear" "$(sql "SELECT count(*) FROM application WHERE submit_ip LIKE '%127.0.0.1%'")" 0
eq "applicant fields stored" "$(sql "SELECT applicant_name || '|' || id_number || '|' || phone FROM application WHERE tracking_code = '$CODE'")" "$APPLICANT|$IDNO|$PHONE"
eq "one acknowledgement queued to the applicant" "$(sql "SELECT count(*) FROM outbox WHERE to_addr = '$MAIL'")" 1
eq "the mail carries the code" "$(sql "SELECT count(*) FROM outbox WHERE body LIKE '%$CODE%'")" 1
req b GET /apply/done
eq "another browser has no confirmation" "$STATUS" 404
curl -s -o "$T/body" -w '%{http_code}' -b "gk_applied=$CODE.$(printf '%064d' 0)" "$BASE/apply/done" > "$T/st"
eq "a forged cookie has no confirmation" "$(cat "$T/st")" 404

#---- Escaping
apply c 'name=<script>alert(1)</script>' \
	"email=c@example.org"
eq "script name accepted" "$STATUS" 303
eq "script name stored as typed" "$(sql "SELECT count(*) FROM application WHERE applicant_name = '<script>alert(1)</script>'")" 1
apply c 'name=<script>alert(1)</script>' \
	"email=c@example.org" request=
has "script name echoed escaped" "$T/body" 'value="&lt;script&gt;alert(1)&lt;/script&gt;"'
hasnt "script name never raw" "$T/body" '<script>alert'

#---- Status lookup
req a GET /apply/status
eq "status form is 200" "$STATUS" 200
has "status form has a CSRF token" "$T/body" 'name="csrf" value="'
has "status form has the code field" "$T/body" '<label for="f-code">'
has "status form has the contact field" "$T/body" '<label for="f-contact">'
req a GET "/apply/status?code=$CODE"
has "status form takes the code from the link" "$T/body" "value=\"$CODE\""
req a POST /apply/status --data-urlencode "code=$CODE" --data-urlencode "contact=$PHONE"
eq "lookup without CSRF is 403" "$STATUS" 403
lookup a "$CODE" 13805981234
eq "lookup by code and phone is 200" "$STATUS" 200
has "shows the code" "$T/body" "$CODE"
has "shows the organ" "$T/body" '沙县应急管理局'
has "shows the channel" "$T/body" '网上申请'
has "shows awaiting receipt" "$T/body" '<dd>待确认收到</dd>'
has "shows the derivation" "$T/body" '<ol class="steps">'
has "derivation cites art. 31" "$T/body" '第三十一条第三项'
personal "status page"
lookup a "$(echo "$CODE" | tr 'A-Z' 'a-z')" 'wang.xm@EXAMPLE.COM'
eq "lookup by code and e-mail in other cases is 200" "$STATUS" 200
has "e-mail lookup shows the status" "$T/body" '待确认收到'
personal "e-mail lookup"
lookup a "$CODE" '138-0598-1234 '
eq "phone with other dashes and spaces works" "$STATUS" 200

# what staff record shows up: a pending supplement, then the answer
sql "UPDATE application SET received_date = '2026-01-05', supplement_requested = '2026-01-07', supplement_deadline = '2026-01-21', supplement_note = '请写明检查的月份', status = 'supplement' WHERE tracking_code = '$CODE'"
lookup a "$CODE" "$PHONE"
has "pending supplement shown" "$T/body" '请补正申请'
has "what to supplement" "$T/body" '请写明检查的月份'
has "by when" "$T/body" '2026-01-21'
has "receipt date shown" "$T/body" '<time datetime="2026-01-05">'
sql "UPDATE application SET supplement_received = '2026-01-12', outcome = 'withheld.third_party', replied_date = '2026-01-30', status = 'closed' WHERE tracking_code = '$CODE'"
lookup a "$CODE" "$PHONE"
has "closed: the outcome" "$T/body" '不予公开(保护第三方合法权益)'
has "closed: the reply date" "$T/body" '<time datetime="2026-01-30">'
hasnt "closed: no supplement box" "$T/body" '请补正申请'

# misses: one answer, throttled after four
lookup a "$CODE" 13900000000
eq "wrong phone is 404" "$STATUS" 404
has "wrong phone says not found" "$T/body" '没有找到与该申请编号和联系方式相符的申请'
wrong=$(sed -n '/<main/,/<\/main>/p' "$T/body" | grep -v 'name="csrf"\|name="code"\|name="contact"')
lookup a 2026-ZZZZ-ZZZZ 13900000000
eq "unknown code is 404" "$STATUS" 404
unknown=$(sed -n '/<main/,/<\/main>/p' "$T/body" | grep -v 'name="csrf"\|name="code"\|name="contact"')
eq "wrong contact and unknown code look the same" "$unknown" "$wrong"
lookup a "$CODE" 'someone@example.com'
eq "wrong e-mail is 404" "$STATUS" 404
personal "not-found page"
lookup a "$CODE" ''
eq "empty contact is 400" "$STATUS" 400
lookup a "$CODE" '---'
eq "a contact without digits is 404" "$STATUS" 404
lookup a "$CODE" "$PHONE"
eq "fifth lookup after four misses is 429" "$STATUS" 429
has "throttle says to wait" "$T/body" '分钟后再试'
stop_server
eq "server stops cleanly" "$SERVER_RC" 0

#---- The hourly limit per address
"$GONGKAI" init --db "$T/h.db" --demo > /dev/null || exit 1
GONGKAI_APPLY_PER_HOUR=2 start_server "$T/h.db"
happs() { sqlite3 "$T/h.db" "SELECT count(*) FROM application WHERE channel = 'online' AND submit_ip <> ''"; }
apply d
eq "first of two is accepted" "$STATUS" 303
apply d
eq "second of two is accepted" "$STATUS" 303
apply e
eq "third within the hour is 429" "$STATUS" 429
has "429 says to try later" "$T/body" '请一小时后再试'
has "429 names letter and in person" "$T/body" '当面或以信函方式提交申请'
check "429 has Retry-After" grep -qi '^Retry-After: 3600' "$T/hdr"
has "429 keeps the typed request" "$T/body" "$WANT"
eq "only two stored" "$(happs)" 2
stop_server
eq "server stops cleanly again" "$SERVER_RC" 0
GONGKAI_APPLY_PER_HOUR=0 start_server "$T/h.db"
apply d
eq "limit 0 turns it off" "$STATUS" 303
stop_server
eq "server stops cleanly at the end" "$SERVER_RC" 0
finish
