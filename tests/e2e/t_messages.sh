#!/bin/sh
# t_messages.sh - public messages (网上留言) through the real server on the
# demo database: the organ's public page (answered, consented, not hidden
# messages only, never the askers' names or contacts), the form (CSRF,
# checks, honeypot, escaping), the confirmation with the query code, the
# lookup by code (the reply even when not public; misses throttled), the
# staff's list and message page (contacts shown and each showing
# audited), replying (audited without personal data; an e-mail notice
# queued in the outbox when the asker gave an address), hiding, the flag
# on messages unanswered for message_flag_months, organ isolation, and
# the hourly limit per address (429).
. "$(dirname "$0")/lib.sh"

# demo_dates DB: the demo's two unanswered messages dated yesterday and
# four months ago, whatever today is (the demo's own dates are fixed).
demo_dates() {
	sqlite3 "$1" "UPDATE activity SET date = date('now', 'localtime', '-1 day') WHERE title = '小区楼道电动车充电安全';
		UPDATE activity SET date = date('now', 'localtime', '-4 months') WHERE title = '企业安全培训证书查询'"
}
"$GONGKAI" init --db "$T/g.db" --demo > /dev/null || exit 1
demo_dates "$T/g.db"
# Four failed lookups per address, then 429 (4 x this).
GONGKAI_LOGIN_MAX_FAILURES=1 start_server "$T/g.db"
P=/organ/shaxian-yjj
O=/admin/o/shaxian-yjj
PW=gongkai2026
TODAY=$(date +%F)
ASKER='欧阳小华'
PHONE='139 0598 2468'
MAIL='ouyang.xh@Example.net'
SUBJECT='化工园区应急演练的时间'
QUESTION='听说化工园区今年要搞应急演练,请问具体在哪天?附近居民需要做什么准备?'

sql() { sqlite3 "$T/g.db" "$1"; }
msgs() { sql "SELECT count(*) FROM message"; }
# ask JAR [KEY=VALUE ...]: posts the form with a fresh token: the good
# values below, each replaced by a KEY=VALUE given.
ask() {
	jar=$1; shift
	req "$jar" GET "$P/messages"
	set -- "csrf=$(csrf)" "$@"
	for kv in "name=$ASKER" "phone=$PHONE" "email=$MAIL" "subject=$SUBJECT" \
		"question=$QUESTION" consent=1 website=; do
		given=0
		for a in "$@"; do
			[ "${a%%=*}" = "${kv%%=*}" ] && given=1
		done
		[ $given = 1 ] || set -- "$@" "$kv"
	done
	n=$#
	for a in "$@"; do
		[ "$a" = "consent=" ] && continue # unchecked: not sent
		set -- "$@" --data-urlencode "$a"
	done
	shift $n
	req "$jar" POST "$P/messages" "$@"
}
# lookup JAR CODE: the lookup form with a fresh token
lookup() {
	req "$1" GET /messages/status
	tok=$(csrf)
	req "$1" POST /messages/status --data-urlencode "csrf=$tok" \
		--data-urlencode "code=$2"
}
# personal WHAT: none of the askers' data is in the body
personal() {
	hasnt "$1 has no asker name" "$T/body" "$ASKER"
	hasnt "$1 has no phone" "$T/body" '2468'
	hasnt "$1 has no e-mail" "$T/body" 'Example.net'
	hasnt "$1 has no demo asker" "$T/body" '张某'
	hasnt "$1 has no demo e-mail" "$T/body" 'zhang.mou@example.org'
}

#---- Links
req a GET "$P/"
has "organ page links the messages" "$T/body" "href=\"$P/messages\""
has "site navigation has the lookup" "$T/body" '<a href="/messages/status" aria-current="false">留言查询</a>'

#---- The public page
req a GET "$P/messages"
eq "messages page is 200" "$STATUS" 200
has "the demo's answered message is public" "$T/body" '城南危化品仓库是否纳入今年检查'
has "with its reply" "$T/body" '该仓库已列入2026年度重点检查名单'
hasnt "unanswered demo message is not" "$T/body" '小区楼道电动车充电安全'
hasnt "unconsented demo message is not" "$T/body" '企业安全培训证书查询'
personal "public page"
has "form has a CSRF token" "$T/body" 'name="csrf" value="'
has "form posts to itself" "$T/body" "<form method=\"post\" action=\"$P/messages\""
for id in m-name m-phone m-email m-subject m-question m-website; do
	has "control $id has a label" "$T/body" "<label for=\"$id\">"
done
has "consent box" "$T/body" '<input type="checkbox" name="consent" value="1"> 同意在答复后公开（不含个人信息）'
has "honeypot is hidden from people" "$T/body" '<div class="hp" aria-hidden="true">'
hasnt "no script" "$T/body" '<script'
req a GET /organ/no-such-organ/messages
eq "unknown organ is 404" "$STATUS" 404

#---- Refusals store nothing
n0=$(msgs)
req a POST "$P/messages" --data-urlencode "name=$ASKER"
eq "no CSRF is 403" "$STATUS" 403
ask a name=
eq "no name is 400" "$STATUS" 400
has "no name says so" "$T/body" '姓名:必须填写'
has "the error links the field" "$T/body" 'href="#m-name"'
has "the field is marked" "$T/body" 'name="name" type="text" value="" maxlength="50" autocomplete="name" aria-invalid="true"'
has "typed subject kept" "$T/body" "value=\"$SUBJECT\""
has "ticked consent kept" "$T/body" 'name="consent" value="1" checked'
ask a phone= email=
eq "no contact is 400" "$STATUS" 400
has "no contact says so" "$T/body" '联系电话和电子邮箱至少填写一项'
ask a email=nobody
eq "bad e-mail is 400" "$STATUS" 400
has "bad e-mail says so" "$T/body" '电子邮箱:格式不正确'
ask a subject=
eq "no subject is 400" "$STATUS" 400
ask a question=
eq "no question is 400" "$STATUS" 400
has "no question says so" "$T/body" '留言内容:必须填写'
ask a website=http://spam.example/
eq "filled honeypot is 400" "$STATUS" 400
hasnt "honeypot refusal shows no form" "$T/body" 'name="question"'
ask a "question=$(head -c 9000 /dev/zero | tr '\0' x)"
eq "an over-long question is 413" "$STATUS" 413
eq "nothing stored by refusals" "$(msgs)" "$n0"

#---- A good message
ask a
eq "good message redirects" "$STATUS" 303
check "to the confirmation" grep -qi '^Location: /messages/done' "$T/hdr"
check "with the signed cookie" grep -qi '^Set-Cookie: gk_asked=' "$T/hdr"
req a GET /messages/done
eq "confirmation is 200" "$STATUS" 200
CODE=$(sed -n 's|.*id="message-code">\([^<]*\)<.*|\1|p' "$T/body")
code_ok() { expr "$1" : 'LY-[A-Z2-9]\{4\}-[A-Z2-9]\{4\}$' > /dev/null; }
check "query code looks right" code_ok "$CODE"
has "confirmation shows the subject" "$T/body" "$SUBJECT"
has "confirmation says it will be public" "$T/body" '同意(公开标题、内容和答复'
has "confirmation links the lookup" "$T/body" "href=\"/messages/status?code=$CODE\""
personal "confirmation"
req b GET /messages/done
eq "another browser has no confirmation" "$STATUS" 404
eq "one message stored" "$(msgs)" $((n0 + 1))
ID=$(sql "SELECT activity_id FROM message WHERE code = '$CODE'")
eq "stored with the asker" "$(sql "SELECT name || '|' || phone || '|' || email || '|' || consent || '|' || hidden || '|' || length(submit_ip) FROM message WHERE code = '$CODE'")" "$ASKER|$PHONE|$MAIL|1|0|64"
eq "as an activity of today, from the public" "$(sql "SELECT kind || '|' || date || '|' || source || '|' || count || '|' || title FROM activity WHERE id = $ID")" "public_message|$TODAY|public|1|$SUBJECT"
eq "address not stored in clear" "$(sql "SELECT count(*) FROM message WHERE submit_ip LIKE '%127.0.0.1%'")" 0
eq "creation audited" "$(sql "SELECT count(*) FROM audit WHERE action = 'message.create' AND entity_id = $ID")" 1
req a GET "$P/messages"
hasnt "not public before a reply" "$T/body" "$SUBJECT"

#---- Escaping
ask c 'subject=<script>alert(1)</script>' name=
has "script subject echoed escaped" "$T/body" 'value="&lt;script&gt;alert(1)&lt;/script&gt;"'
hasnt "never raw" "$T/body" '<script>alert'

#---- Lookup by code
req a GET "/messages/status?code=$CODE"
eq "lookup form is 200" "$STATUS" 200
has "lookup form takes the code" "$T/body" "value=\"$CODE\""
lookup a "$CODE"
eq "lookup is 200" "$STATUS" 200
has "shows the subject" "$T/body" "$SUBJECT"
has "shows the question" "$T/body" '附近居民需要做什么准备'
has "not answered yet" "$T/body" '办理中,尚未答复'
personal "lookup"
lookup a "$(echo "$CODE" | tr 'A-Z' 'a-z')"
eq "lower case works" "$STATUS" 200

#---- Staff: the list, the message, the reply
login s yjj-clerk "$PW"
views0=$(sql "SELECT count(*) FROM audit WHERE action = 'message.view'")
req s GET "$O/activities/public_message?year=0"
eq "staff list is 200" "$STATUS" 200
has "staff see the asker" "$T/body" "$ASKER"
has "and the contact" "$T/body" "$MAIL"
has "and the message link" "$T/body" "href=\"$O/messages/$ID\""
first=$(grep -o "$SUBJECT\\|城南危化品仓库是否纳入今年检查" "$T/body" | head -n 1)
eq "unanswered first" "$first" "$SUBJECT"
views1=$(sql "SELECT count(*) FROM audit WHERE action = 'message.view'")
eq "each asker shown is audited (4 messages)" "$((views1 - views0))" 4
req s GET "$O/messages/$ID"
eq "message page is 200" "$STATUS" 200
has "message page shows the asker" "$T/body" "$ASKER"
has "and the phone" "$T/body" "$PHONE"
has "and the code" "$T/body" "$CODE"
has "and the reply form" "$T/body" "action=\"$O/messages/$ID/reply\""
eq "the view is audited by the clerk" "$(sql "SELECT count(*) FROM audit WHERE action = 'message.view' AND entity_id = $ID AND actor = 'yjj-clerk'")" 2
form_post s "$O/messages/$ID" "$O/messages/$ID/reply" reply= "reply_date=$TODAY"
eq "an empty reply is 400" "$STATUS" 400
has "an empty reply says so" "$T/body" '答复:必须填写'
form_post s "$O/messages/$ID" "$O/messages/$ID/reply" reply=已答复 reply_date=2000-01-01
eq "a reply before the message is 400" "$STATUS" 400
eq "refused replies changed nothing" "$(sql "SELECT reply_date IS NULL FROM activity WHERE id = $ID")" 1
eq "no mail yet" "$(sql "SELECT count(*) FROM outbox")" 0
REPLY='演练定于12月3日上午举行,届时会提前通知周边居民,无需特别准备。'
form_post s "$O/messages/$ID" "$O/messages/$ID/reply" "reply=$REPLY" "reply_date=$TODAY"
eq "replying redirects" "$STATUS" 303
check "back to the message" grep -qi "^Location: $O/messages/$ID?done=replied" "$T/hdr"
eq "reply stored" "$(sql "SELECT reply || '|' || reply_date FROM activity WHERE id = $ID")" "$REPLY|$TODAY"
eq "one notice queued to the asker" "$(sql "SELECT count(*) FROM outbox WHERE to_addr = '$MAIL'")" 1
eq "the notice carries the reply and the code" "$(sql "SELECT count(*) FROM outbox WHERE body LIKE '%12月3日%' AND body LIKE '%$CODE%' AND subject LIKE '%已答复您的留言%'")" 1
eq "reply audited" "$(sql "SELECT count(*) FROM audit WHERE action = 'message.reply' AND entity_id = $ID AND actor = 'yjj-clerk'")" 1
eq "no personal data in the audit log" "$(sql "SELECT count(*) FROM audit WHERE coalesce(before, '') || coalesce(after, '') LIKE '%$ASKER%' OR coalesce(before, '') || coalesce(after, '') LIKE '%2468%' OR coalesce(before, '') || coalesce(after, '') LIKE '%Example.net%'")" 0
form_post s "$O/messages/$ID" "$O/messages/$ID/reply" "reply=$REPLY" "reply_date=$TODAY"
eq "saving the same reply again" "$STATUS" 303
eq "mails nobody again" "$(sql "SELECT count(*) FROM outbox")" 1

#---- Public once replied, without personal data
req a GET "$P/messages"
has "public after the reply" "$T/body" "$SUBJECT"
has "with the reply" "$T/body" '演练定于12月3日上午举行'
personal "public page after the reply"
lookup a "$CODE"
has "lookup shows the reply" "$T/body" '演练定于12月3日上午举行'
has "lookup says it is public" "$T/body" '已在<a'

#---- Without consent: answered, never public, but the lookup shows it
ask d consent= "subject=不公开的留言" email=
eq "a message without consent" "$STATUS" 303
req d GET /messages/done
CODE2=$(sed -n 's|.*id="message-code">\([^<]*\)<.*|\1|p' "$T/body")
has "confirmation says it stays private" "$T/body" '不同意(只有凭查询码才能查看)'
ID2=$(sql "SELECT activity_id FROM message WHERE code = '$CODE2'")
eq "stored without consent" "$(sql "SELECT consent FROM message WHERE activity_id = $ID2")" 0
form_post s "$O/messages/$ID2" "$O/messages/$ID2/reply" "reply=私下答复的内容" "reply_date=$TODAY"
eq "replied" "$STATUS" 303
eq "no e-mail address, no mail" "$(sql "SELECT count(*) FROM outbox")" 1
req a GET "$P/messages"
hasnt "not public without consent" "$T/body" '不公开的留言'
lookup a "$CODE2"
has "the lookup shows the reply all the same" "$T/body" '私下答复的内容'
has "and says it is not public" "$T/body" '<dd>未公开</dd>'

#---- Hiding
form_post s "$O/messages/$ID" "$O/messages/$ID/visibility" hidden=1
eq "hiding redirects" "$STATUS" 303
eq "hidden" "$(sql "SELECT hidden FROM message WHERE activity_id = $ID")" 1
req a GET "$P/messages"
hasnt "a hidden message is not public" "$T/body" "$SUBJECT"
form_post s "$O/messages/$ID" "$O/messages/$ID/visibility" hidden=0
eq "showing again redirects" "$STATUS" 303
req a GET "$P/messages"
has "shown again" "$T/body" "$SUBJECT"
eq "hide and show audited" "$(sql "SELECT count(*) FROM audit WHERE action IN ('message.hide', 'message.show') AND entity_id = $ID")" 2

#---- Overdue: unanswered for message_flag_months (3)
req s GET "$O/"
has "workbench flags the demo's old message" "$T/body" '1 条网上留言超过 3 个月未答复'
has "workbench links the messages" "$T/body" "href=\"$O/activities/public_message?year=0\""
ask e "subject=等待很久的留言" email=
eq "another message" "$STATUS" 303
ID3=$(sql "SELECT max(activity_id) FROM message")
req s GET "$O/"
has "a new one is not overdue" "$T/body" '1 条网上留言超过 3 个月未答复'
sql "UPDATE activity SET date = date('now', 'localtime', '-4 months') WHERE id = $ID3"
sql "UPDATE message SET submitted_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-4 months') WHERE activity_id = $ID3"
req s GET "$O/"
has "dated back, it is flagged" "$T/body" '2 条网上留言超过 3 个月未答复'
req s GET "$O/activities/public_message?year=0"
has "the list marks it" "$T/body" '<span class="badge">超过 3 个月</span>'
req s GET "$O/messages/$ID3"
has "the message page marks it" "$T/body" '超过 3 个月未答复'
req s GET "$O/activities"
has "the overview flags them too" "$T/body" '2 条网上留言超过 3 个月未答复'
form_post s "$O/messages/$ID3" "$O/messages/$ID3/reply" "reply=已答复" "reply_date=$TODAY"
req s GET "$O/"
has "answered, it is no longer flagged" "$T/body" '1 条网上留言超过 3 个月未答复'

#---- Organ isolation
before=$(sql "SELECT group_concat(reply || hidden, '|') FROM activity JOIN message ON activity_id = id")
login z czj-clerk "$PW"
ab=$(sql "SELECT count(*) FROM audit")
req z GET "$O/messages/$ID"
eq "another organ's clerk cannot read it" "$STATUS" 403
hasnt "and sees no asker" "$T/body" "$ASKER"
req z GET "$O/activities/public_message?year=0"
eq "nor the list" "$STATUS" 403
form_post z /admin/o/shaxian-czj/ "$O/messages/$ID/reply" reply=改掉 "reply_date=$TODAY"
eq "nor reply" "$STATUS" 403
form_post z /admin/o/shaxian-czj/ "$O/messages/$ID/visibility" hidden=1
eq "nor hide" "$STATUS" 403
req z GET "/admin/o/shaxian-czj/messages/$ID"
eq "not under the clerk's organ" "$STATUS" 404
hasnt "and still no asker" "$T/body" "$ASKER"
form_post z /admin/o/shaxian-czj/ "/admin/o/shaxian-czj/messages/$ID/reply" reply=改掉 "reply_date=$TODAY"
eq "replying there is 404" "$STATUS" 404
form_post z /admin/o/shaxian-czj/ "/admin/o/shaxian-czj/messages/$ID/visibility" hidden=1
eq "hiding there is 404" "$STATUS" 404
req z GET /admin/o/shaxian-czj/
hasnt "the other workbench has no flag" "$T/body" '未答复</a>'
eq "nothing changed" "$(sql "SELECT group_concat(reply || hidden, '|') FROM activity JOIN message ON activity_id = id")" "$before"
eq "nothing audited" "$(sql "SELECT count(*) FROM audit")" "$ab"
eq "no mail" "$(sql "SELECT count(*) FROM outbox")" 1

#---- Failed lookups: one answer, throttled after four
lookup f LY-ZZZZ-ZZZZ
eq "unknown code is 404" "$STATUS" 404
has "unknown code says so" "$T/body" '没有找到这个查询码的留言'
lookup f ''
eq "empty code is 400" "$STATUS" 400
lookup f LY-ZZZZ-ZZZY
lookup f LY-ZZZZ-ZZZX
lookup f LY-ZZZZ-ZZZW
lookup f "$CODE"
eq "fifth lookup after four misses is 429" "$STATUS" 429
has "throttle says to wait" "$T/body" '分钟后再试'
stop_server
eq "server stops cleanly" "$SERVER_RC" 0

#---- The hourly limit per address, and the flag's setting
"$GONGKAI" init --db "$T/h.db" --demo > /dev/null || exit 1
demo_dates "$T/h.db"
GONGKAI_MESSAGE_PER_HOUR=2 GONGKAI_MESSAGE_FLAG_MONTHS=6 start_server "$T/h.db"
hmsgs() { sqlite3 "$T/h.db" "SELECT count(*) FROM message WHERE submit_ip <> ''"; }
ask g
eq "first of two is accepted" "$STATUS" 303
ask g
eq "second of two is accepted" "$STATUS" 303
ask h "subject=第三条留言"
eq "third within the hour is 429" "$STATUS" 429
has "429 says to try later" "$T/body" '请一小时后再试'
check "429 has Retry-After" grep -qi '^Retry-After: 3600' "$T/hdr"
has "429 keeps the typed subject" "$T/body" 'value="第三条留言"'
eq "only two stored" "$(hmsgs)" 2
login s yjj-clerk "$PW"
req s GET "$O/"
hasnt "with 6 months the demo message is not flagged" "$T/body" '个月未答复'
stop_server
GONGKAI_MESSAGE_PER_HOUR=0 start_server "$T/h.db"
ask g
eq "limit 0 turns it off" "$STATUS" 303
stop_server
eq "server stops cleanly at the end" "$SERVER_RC" 0
finish
