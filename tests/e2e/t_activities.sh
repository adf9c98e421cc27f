#!/bin/sh
# t_activities.sh - activities (工作记录) through the real server and CLI on
# the demo database: the overview with this year's totals per kind (the
# seed's figures), adding, editing and deleting entries of count and
# amount kinds (audited), refusals that store nothing (unknown kind,
# negative count, bad amount, reply date without a reply, bad or future
# date) with a 4xx page saying why in Chinese, an admin adding a kind that
# then works in the form and the CSV import, the import's all-or-nothing
# errors (FILE:LINE: column: problem, exit 2), and organ isolation
# (another organ's clerk can neither read nor change anything).
. "$(dirname "$0")/lib.sh"

"$GONGKAI" init --db "$T/g.db" --demo > /dev/null || exit 1
start_server "$T/g.db"
O=/admin/o/shaxian-yjj
PW=gongkai2026
YEAR=$(date +%Y)
TODAY=$(date +%F)
TOMORROW=$(date -d tomorrow +%F)

sql() { sqlite3 "$T/g.db" "$1"; }
acts() { sql "SELECT count(*) FROM activity"; }
audits() { sql "SELECT count(*) FROM audit WHERE action LIKE 'activity%'"; }
# main: the <main> part of the last page
main() { sed -n '/<main/,/<\/main>/p' "$T/body" > "$T/main"; }

login c yjj-clerk "$PW"
eq "clerk signs in" "$STATUS" 303

#---- The overview
req c GET "$O/activities"
eq "overview is 200" "$STATUS" 200
has "staff menu links activities" "$T/body" "href=\"$O/activities\" aria-current=\"page\">工作记录</a>"
has "overview names the year" "$T/body" "工作记录(${YEAR}年)"
for l in 行政许可决定 行政处罚决定 行政强制决定 行政事业性收费 申诉/举报/投诉 \
	12345热线转办件 网上审批事项 政策解读活动 发布解读信息 发放宣传材料 培训 \
	回应社会关切 新闻发布会 在线访谈 人大建议政协提案办理 信息稿件 网上留言; do
	has "overview row $l" "$T/body" ">$l</a>"
done
main
# the seed's figures (demo data of 2026)
if [ "$YEAR" = 2026 ]; then
	has "penalties total 7" "$T/main" '<td class="num">7 件</td>'
	has "online approvals total 34" "$T/main" '<td class="num">34 件</td>'
	has "interpretation events total 39" "$T/main" '<td class="num">39 场</td>'
	has "interpretation releases total 10" "$T/main" '<td class="num">10 条</td>'
	has "materials total 70000" "$T/main" '<td class="num">70000 份</td>'
	has "articles total 49 + 71" "$T/main" '<td class="num">120 篇</td>'
	has "hotline referrals total 2" "$T/main" '<td class="num">2 件</td>'
fi
has "fee income in yuan" "$T/main" '0.00 元'
has "a kind links its list" "$T/main" "href=\"$O/activities/penalty?year=$YEAR\""
req c GET "$O/activities?year=2025"
has "another year's overview" "$T/body" "工作记录(2025年)"

#---- A kind's list and adding entries
req c GET "$O/activities/penalty"
eq "kind list is 200" "$STATUS" 200
has "kind list has the form" "$T/body" "<form method=\"post\" action=\"$O/activities/penalty\""
for id in a-date a-count a-title a-note; do
	has "control $id has a label" "$T/body" "<label for=\"$id\">"
done
hasnt "count kind has no amount field" "$T/body" 'name="amount"'
hasnt "penalty has no reply field" "$T/body" 'name="reply"'
has "year filter" "$T/body" '<select id="f-year" name="year">'
n0=$(acts)
a0=$(audits)
form_post c "$O/activities/penalty" "$O/activities/penalty" "date=$TODAY" count=2 \
	"title=对某化工企业未落实隐患排查制度的处罚" "note=罚款 2 万元"
eq "adding a penalty redirects" "$STATUS" 303
check "back to the list with a notice" grep -qi "^Location: $O/activities/penalty?year=$YEAR&done=created" "$T/hdr"
eq "one entry stored" "$(acts)" $((n0 + 1))
PID=$(sql "SELECT max(id) FROM activity")
eq "stored as typed, by the clerk, from the form" \
	"$(sql "SELECT a.kind || '|' || a.date || '|' || a.count || '|' || coalesce(a.amount_fen, 'null') || '|' || a.source || '|' || u.login FROM activity a JOIN user u ON u.id = a.created_by WHERE a.id = $PID")" \
	"penalty|$TODAY|2|null|staff|yjj-clerk"
eq "creation audited" "$(sql "SELECT count(*) FROM audit WHERE action = 'activity.create' AND entity_id = $PID AND actor = 'yjj-clerk'")" 1
req c GET "$O/activities/penalty?year=$YEAR&done=created"
has "notice after adding" "$T/body" '已添加一条记录。'
has "the entry is listed" "$T/body" '对某化工企业未落实隐患排查制度的处罚'
has "its count" "$T/body" '<td class="nowrap">2 件</td>'
has "edit link" "$T/body" "href=\"$O/activities/penalty/$PID/edit\""
has "delete link" "$T/body" "href=\"$O/activities/penalty/$PID/delete\""
if [ "$YEAR" = 2026 ]; then
	req c GET "$O/activities"
	has "overview total follows" "$T/body" '<td class="num">9 件</td>'
fi
# count empty = 1
form_post c "$O/activities/training" "$O/activities/training" "date=$TODAY" count= "title=政务公开业务培训"
eq "an empty count is accepted" "$STATUS" 303
eq "and counts 1" "$(sql "SELECT count FROM activity WHERE kind = 'training'")" 1

#---- An amount kind
req c GET "$O/activities/fee_income"
has "amount kind has the amount field" "$T/body" '<label for="a-amount">金额(元,必填)</label>'
form_post c "$O/activities/fee_income" "$O/activities/fee_income" "date=$TODAY" amount=1234.5 "title=危险化学品经营许可证工本费"
eq "adding fee income redirects" "$STATUS" 303
form_post c "$O/activities/fee_income" "$O/activities/fee_income" "date=$TODAY" amount=0.05
eq "a second one" "$STATUS" 303
eq "amounts stored in fen" "$(sql "SELECT group_concat(amount_fen, ',') FROM (SELECT amount_fen FROM activity WHERE kind = 'fee_income' ORDER BY id)")" "123450,5"
req c GET "$O/activities"
has "overview sums the amounts" "$T/body" '<td class="num">1234.55 元</td>'
req c GET "$O/activities/fee_income?year=$YEAR"
has "list shows yuan" "$T/body" '1234.50 元'

#---- Editing
req c GET "$O/activities/penalty/$PID/edit"
eq "edit form is 200" "$STATUS" 200
has "edit form posts to the entry" "$T/body" "action=\"$O/activities/penalty/$PID/edit\""
has "edit form has the count" "$T/body" 'name="count" type="text" inputmode="numeric" value="2"'
has "edit form has the title" "$T/body" 'value="对某化工企业未落实隐患排查制度的处罚"'
form_post c "$O/activities/penalty/$PID/edit" "$O/activities/penalty/$PID/edit" \
	"date=$TODAY" count=5 "title=对某化工企业的处罚(已更正)" "note=罚款 5 万元"
eq "saving redirects" "$STATUS" 303
eq "entry changed" "$(sql "SELECT count || '|' || title FROM activity WHERE id = $PID")" "5|对某化工企业的处罚(已更正)"
eq "change audited with before and after" "$(sql "SELECT count(*) FROM audit WHERE action = 'activity.update' AND entity_id = $PID AND before LIKE '%\"count\":2%' AND after LIKE '%\"count\":5%'")" 1
form_post c "$O/activities/penalty/$PID/edit" "$O/activities/penalty/$PID/edit" "date=$TODAY" count=-1
eq "a bad edit is 400" "$STATUS" 400
has "a bad edit says why" "$T/body" '件数:不能为负数'
has "and keeps the edit form" "$T/body" "action=\"$O/activities/penalty/$PID/edit\""
eq "a bad edit changes nothing" "$(sql "SELECT count FROM activity WHERE id = $PID")" 5
req c GET "$O/activities/fee_income/$PID/edit"
eq "an entry under another kind's address is 404" "$STATUS" 404
req c GET "$O/activities/penalty/999999/edit"
eq "an unknown entry is 404" "$STATUS" 404

#---- Deleting: a confirmation, then the deletion
req c GET "$O/activities/penalty/$PID/delete"
eq "delete confirmation is 200" "$STATUS" 200
has "it asks" "$T/body" '确定要删除下面这条行政处罚决定记录吗'
has "it names the entry" "$T/body" '对某化工企业的处罚(已更正)'
has "it has the button" "$T/body" '确认删除</button>'
eq "asking deletes nothing" "$(sql "SELECT count(*) FROM activity WHERE id = $PID")" 1
req c POST "$O/activities/penalty/$PID/delete"
eq "deleting without CSRF is 403" "$STATUS" 403
form_post c "$O/activities/penalty/$PID/delete" "$O/activities/penalty/$PID/delete"
eq "deleting redirects" "$STATUS" 303
check "to the list" grep -qi "^Location: $O/activities/penalty?year=$YEAR&done=deleted" "$T/hdr"
eq "entry gone" "$(sql "SELECT count(*) FROM activity WHERE id = $PID")" 0
eq "deletion audited with what it was" "$(sql "SELECT count(*) FROM audit WHERE action = 'activity.delete' AND entity_id = $PID AND before LIKE '%已更正%' AND after IS NULL")" 1

#---- Refusals store nothing
n1=$(acts)
a1=$(audits)
req c POST "$O/activities/penalty" --data-urlencode "date=$TODAY"
eq "no CSRF is 403" "$STATUS" 403
form_post c "$O/activities/penalty" "$O/activities/no_such_kind" "date=$TODAY" count=1
eq "unknown kind is 404" "$STATUS" 404
has "unknown kind says so" "$T/body" '没有这种工作类型“no_such_kind”'
form_post c "$O/activities/penalty" "$O/activities/penalty" "date=$TODAY" count=-3 "title=负数件数"
eq "negative count is 400" "$STATUS" 400
has "negative count says so" "$T/body" '件数:不能为负数'
has "the error links the field" "$T/body" 'href="#a-count"'
has "what was typed is kept" "$T/body" 'value="负数件数"'
form_post c "$O/activities/penalty" "$O/activities/penalty" "date=$TODAY" count=1.5
eq "fractional count is 400" "$STATUS" 400
form_post c "$O/activities/fee_income" "$O/activities/fee_income" "date=$TODAY" amount=12.345
eq "three decimals is 400" "$STATUS" 400
has "three decimals says so" "$T/body" '金额:最多保留两位小数(分)'
form_post c "$O/activities/fee_income" "$O/activities/fee_income" "date=$TODAY" amount=1,200
eq "thousands separator is 400" "$STATUS" 400
has "bad amount says so" "$T/body" '不是有效的金额'
form_post c "$O/activities/fee_income" "$O/activities/fee_income" "date=$TODAY" amount=-5
eq "negative amount is 400" "$STATUS" 400
has "negative amount says so" "$T/body" '金额:不能为负数'
form_post c "$O/activities/fee_income" "$O/activities/fee_income" "date=$TODAY" amount=
eq "missing amount is 400" "$STATUS" 400
has "missing amount says so" "$T/body" '金额:必须填写'
form_post c "$O/activities/hotline_referral" "$O/activities/hotline_referral" "date=$TODAY" reply= "reply_date=$TODAY"
eq "reply date without a reply is 400" "$STATUS" 400
has "reply date without a reply says so" "$T/body" '答复日期:填写了答复日期，但没有答复内容'
form_post c "$O/activities/hotline_referral" "$O/activities/hotline_referral" "date=$TODAY" reply=已办结 reply_date=2000-01-01
eq "reply before the date is 400" "$STATUS" 400
has "reply before the date says so" "$T/body" '答复日期:不能早于日期'
form_post c "$O/activities/penalty" "$O/activities/penalty" date=2026-02-30
eq "impossible date is 400" "$STATUS" 400
has "impossible date says so" "$T/body" '日期:“2026-02-30”不是有效日期(格式 YYYY-MM-DD)'
form_post c "$O/activities/penalty" "$O/activities/penalty" date=20260101
eq "malformed date is 400" "$STATUS" 400
form_post c "$O/activities/penalty" "$O/activities/penalty" "date=$TOMORROW"
eq "future date is 400" "$STATUS" 400
has "future date says so" "$T/body" '日期:不能晚于今天'
form_post c "$O/activities/penalty" "$O/activities/penalty" date=
eq "no date is 400" "$STATUS" 400
has "no date says so" "$T/body" '日期:必须填写'
form_post c "$O/activities/public_message" "$O/activities/public_message" "date=$TODAY" title=x
eq "staff cannot file public messages" "$STATUS" 400
has "and are told where they come from" "$T/body" '网上留言由公众在网站上提交'
eq "refusals stored nothing" "$(acts)" "$n1"
eq "refusals audited nothing" "$(audits)" "$a1"

#---- Replies of a reply kind
form_post c "$O/activities/hotline_referral" "$O/activities/hotline_referral" "date=$TODAY" "title=反映企业违规储存烟花爆竹" "reply=已督促企业清理,群众满意"
eq "a referral with its reply" "$STATUS" 303
eq "a reply without a date is today's" "$(sql "SELECT reply_date FROM activity WHERE kind = 'hotline_referral' ORDER BY id DESC LIMIT 1")" "$TODAY"
form_post c "$O/activities/hotline_referral" "$O/activities/hotline_referral" "date=$TODAY" "title=反映某工地无证施工"
eq "an open referral" "$STATUS" 303
req c GET "$O/activities/hotline_referral?year=0"
first=$(grep -o '反映某工地无证施工\|已督促企业清理' "$T/body" | head -n 1)
eq "unanswered entries come first" "$first" 反映某工地无证施工

#---- Admin adds a kind
req c GET /admin/activity-kinds
eq "clerks cannot open the kinds page" "$STATUS" 403
req c POST /admin/activity-kinds --data-urlencode code=x
eq "clerks cannot post there" "$STATUS" 403
login a admin "$PW"
req a GET /admin/activity-kinds
eq "kinds page is 200" "$STATUS" 200
has "admin menu links the kinds" "$T/body" 'href="/admin/activity-kinds" aria-current="page">工作类型</a>'
has "built-ins listed" "$T/body" '<code>interpretation_release</code>'
has "public messages listed" "$T/body" '<code>public_message</code>'
k0=$(sql "SELECT count(*) FROM activity_kind")
form_post a /admin/activity-kinds /admin/activity-kinds "code=Bad Code" label=坏代码 measure=count
eq "a bad code is 400" "$STATUS" 400
has "a bad code says why" "$T/body" '类型代码:须以小写字母开头'
has "typed label kept" "$T/body" 'value="坏代码"'
form_post a /admin/activity-kinds /admin/activity-kinds code=penalty label=罚款决定 measure=count
eq "a built-in code is 409" "$STATUS" 409
form_post a /admin/activity-kinds /admin/activity-kinds code=my_training label=培训 measure=count
eq "a built-in label is 409" "$STATUS" 409
eq "refused kinds stored nothing" "$(sql "SELECT count(*) FROM activity_kind")" "$k0"
form_post a /admin/activity-kinds /admin/activity-kinds code=lecture label=专题讲座 measure=count
eq "adding a kind redirects" "$STATUS" 303
form_post a /admin/activity-kinds /admin/activity-kinds code=fine_income label=罚没收入 measure=amount has_reply=
eq "adding an amount kind redirects" "$STATUS" 303
form_post a /admin/activity-kinds /admin/activity-kinds code=lecture label=讲座 measure=count
eq "the same code again is 409" "$STATUS" 409
eq "two kinds stored" "$(sql "SELECT group_concat(code || ':' || measure, ',') FROM (SELECT * FROM activity_kind ORDER BY code)")" "fine_income:amount,lecture:count"
eq "kinds audited" "$(sql "SELECT count(*) FROM audit WHERE action = 'activity_kind.create' AND actor = 'admin'")" 2
req a GET /admin/activity-kinds?done=kind
has "new kind listed" "$T/body" '<code>lecture</code>'
req c GET "$O/activities"
has "the new kind is on the overview" "$T/body" ">专题讲座</a>"
req c GET "$O/activities/lecture"
eq "its list is 200" "$STATUS" 200
form_post c "$O/activities/lecture" "$O/activities/lecture" "date=$TODAY" count=3 "title=安全生产专题讲座"
eq "the form takes the new kind" "$STATUS" 303
eq "stored under it" "$(sql "SELECT count FROM activity WHERE kind = 'lecture'")" 3
form_post c "$O/activities/fine_income" "$O/activities/fine_income" "date=$TODAY" amount=500
eq "an added amount kind takes amounts" "$STATUS" 303
eq "in fen" "$(sql "SELECT amount_fen FROM activity WHERE kind = 'fine_income'")" 50000

#---- Import
cat > "$T/ok.csv" <<EOF
date,kind,count,amount,title,note,reply,reply_date
2025-03-01,penalty,2,,2025年处罚,,,
2025-04-01,fee_income,,88.8,2025年收费,,,
2025-05-01,hotline_referral,,,热线转办,来自12345,已办结,2025-05-03
2025-06-01,lecture,4,,讲座,,,
2025-07-01,materials,5000,,宣传册,,,
EOF
printf '\357\273\277' > "$T/bom.csv"
printf 'kind,date\r\narticle,2025-08-01\r\n' >> "$T/bom.csv"
n2=$(acts)
"$GONGKAI" import --db "$T/g.db" --organ shaxian-yjj activities "$T/ok.csv" > "$T/out" 2> "$T/err"
eq "good import exits 0" "$?" 0
eq "it says how many" "$(cat "$T/out")" "stored 5 activities for 沙县应急管理局"
eq "five rows stored" "$(acts)" $((n2 + 5))
eq "marked as imported" "$(sql "SELECT count(*) FROM activity WHERE source = 'import'")" 5
eq "amount in fen" "$(sql "SELECT amount_fen FROM activity WHERE source = 'import' AND kind = 'fee_income'")" 8880
eq "the admin's kind imports" "$(sql "SELECT count FROM activity WHERE source = 'import' AND kind = 'lecture'")" 4
eq "reply imported" "$(sql "SELECT reply || '|' || reply_date FROM activity WHERE source = 'import' AND kind = 'hotline_referral'")" "已办结|2025-05-03"
"$GONGKAI" import --db "$T/g.db" --organ 沙县应急管理局 activities "$T/bom.csv" > "$T/out" 2> "$T/err"
eq "BOM, CRLF, any column order, defaults" "$?" 0
eq "count defaults to 1" "$(sql "SELECT count FROM activity WHERE source = 'import' AND kind = 'article'")" 1
req c GET "$O/activities?year=2025"
has "imported year on the overview" "$T/body" '<td class="num">88.80 元</td>'
cat > "$T/bad.csv" <<EOF
date,kind,count,amount,title,reply,reply_date
2025-03-01,seminar,1,,未知类型,,
2025-03-02,penalty,-2,,负数,,
2025-03-03,fee_income,,12.345,三位小数,,
2025-03-04,hotline_referral,,,,,2025-03-05
2025-02-30,penalty,1,,坏日期,,
2025-03-06,penalty,1,,好的一行,,
2025-03-07,fee_income,,,缺金额,,
2025-03-08,penalty,1,100,多了金额,,
$TOMORROW,penalty,1,,明天,,
EOF
n3=$(acts)
a3=$(audits)
"$GONGKAI" import --db "$T/g.db" --organ shaxian-yjj activities "$T/bad.csv" > "$T/out" 2> "$T/err"
eq "bad import exits 2" "$?" 2
has "unknown kind reported" "$T/err" "$T/bad.csv:2: kind: 类型:未知的工作类型“seminar”"
has "negative count reported" "$T/err" "$T/bad.csv:3: count: 件数:不能为负数"
has "bad amount reported" "$T/err" "$T/bad.csv:4: amount: 金额:最多保留两位小数(分)"
has "reply date without reply reported" "$T/err" "$T/bad.csv:5: reply_date: 答复日期:填写了答复日期，但没有答复内容"
has "bad date reported" "$T/err" "$T/bad.csv:6: date: 日期:“2025-02-30”不是有效日期(格式 YYYY-MM-DD)"
hasnt "the good row is not reported" "$T/err" "$T/bad.csv:7:"
has "missing amount reported" "$T/err" "$T/bad.csv:8: amount: 金额:行政事业性收费须填写金额(元)"
has "amount on a count kind reported" "$T/err" "$T/bad.csv:9: amount: 金额:行政处罚决定只记件数，不填金额"
has "future date reported" "$T/err" "$T/bad.csv:10: date: 日期:不能晚于今天"
has "nothing stored, says the summary" "$T/err" 'gongkai import: 8 bad row(s); nothing was stored'
eq "nothing stored" "$(acts)" "$n3"
eq "nothing audited" "$(audits)" "$a3"
printf 'date,kind,colour\n2025-01-01,penalty,red\n' > "$T/col.csv"
"$GONGKAI" import --db "$T/g.db" --organ shaxian-yjj activities "$T/col.csv" > "$T/out" 2> "$T/err"
eq "unknown column exits 2" "$?" 2
has "unknown column reported" "$T/err" "$T/col.csv:1: colour: 未知的列"
printf 'date,count\n2025-01-01,1\n' > "$T/nokind.csv"
"$GONGKAI" import --db "$T/g.db" --organ shaxian-yjj activities "$T/nokind.csv" > "$T/out" 2> "$T/err"
eq "missing kind column exits 2" "$?" 2
has "missing column reported" "$T/err" "$T/nokind.csv:1: kind: 缺少必需的列"
eq "still nothing stored" "$(acts)" "$n3"
"$GONGKAI" import --help > "$T/out" 2>&1
has "usage names activities" "$T/out" 'activities'

#---- Organ isolation: another organ's clerk
ID=$(sql "SELECT id FROM activity WHERE kind = 'lecture' AND source = 'staff'")
snap() { sql "SELECT count(*), total(count), total(amount_fen), group_concat(title) FROM activity"; }
login z czj-clerk "$PW"
before=$(snap)
ab=$(sql "SELECT count(*) FROM audit")
for p in "$O/activities" "$O/activities/lecture" "$O/activities/lecture/$ID/edit" "$O/activities/lecture/$ID/delete"; do
	req z GET "$p"
	eq "other organ's clerk gets 403 for $p" "$STATUS" 403
	hasnt "and sees nothing of $p" "$T/body" '安全生产专题讲座'
done
has "403 says why" "$T/body" '您只能进入本机关的后台'
form_post z /admin/o/shaxian-czj/activities/lecture "$O/activities/lecture" "date=$TODAY" count=9
eq "other organ's clerk cannot add" "$STATUS" 403
form_post z /admin/o/shaxian-czj/activities/lecture "$O/activities/lecture/$ID/edit" "date=$TODAY" count=9
eq "nor edit" "$STATUS" 403
form_post z /admin/o/shaxian-czj/activities/lecture "$O/activities/lecture/$ID/delete"
eq "nor delete" "$STATUS" 403
# the entry's id under the clerk's own organ
Z=/admin/o/shaxian-czj
req z GET "$Z/activities/lecture/$ID/edit"
eq "the entry is not under the clerk's organ (edit)" "$STATUS" 404
req z GET "$Z/activities/lecture/$ID/delete"
eq "the entry is not under the clerk's organ (delete)" "$STATUS" 404
form_post z "$Z/activities/lecture" "$Z/activities/lecture/$ID/edit" "date=$TODAY" count=9
eq "posting an edit there is 404" "$STATUS" 404
form_post z "$Z/activities/lecture" "$Z/activities/lecture/$ID/delete"
eq "posting a delete there is 404" "$STATUS" 404
req z GET "$Z/activities/lecture?year=0"
hasnt "the clerk's own list has none of it" "$T/body" '安全生产专题讲座'
eq "nothing changed" "$(snap)" "$before"
eq "nothing audited" "$(sql "SELECT count(*) FROM audit")" "$ab"
# ...while the clerk's own organ works
form_post z "$Z/activities/press_conference" "$Z/activities/press_conference" "date=$TODAY" "title=财政预算新闻发布会"
eq "the other clerk adds to their own organ" "$STATUS" 303
req c GET "$O/activities/press_conference?year=0"
hasnt "which the first organ does not see" "$T/body" '财政预算新闻发布会'
req x GET "$O/activities"
eq "anonymous visitors are sent to the login" "$STATUS" 303

stop_server
eq "server stops cleanly" "$SERVER_RC" 0
finish
