#!/bin/sh
# t_applications.sh - disclosure on application through the real CLI and
# server: working-day arithmetic (`gongkai workday`), the back-office
# register (register → 补正 → clock restart → consultation → extension →
# reply → letter → delivery), refusals of bad input with nothing stored,
# roles, organ isolation, notices queued for the applicant, and the
# all-or-nothing CSV import of applications. Expected dates were counted
# by hand from data/cn-holidays.csv (see tests/unit/test_deadline.c).
. "$(dirname "$0")/lib.sh"

DB="$T/g.db"
"$GONGKAI" init --db "$DB" --demo > /dev/null || exit 1
PW=gongkai2026
O=/admin/o/shaxian-yjj

# --- gongkai workday (DESIGN.md §6) ---
# 2026-09-30 Wed; 10-01..07 off; 10-08 Thu is the 1st working day after
eq "workday add over National Day" "$("$GONGKAI" workday add 2026-09-30 1)" 2026-10-08
# 2026-02-13 Fri; 02-14 Sat is a 调休 working day
eq "workday add onto a makeup Saturday" "$("$GONGKAI" workday add 2026-02-13 1)" 2026-02-14
# (2024-09-30, 2024-10-14]: 10-08..11, 10-12 (Sat, worked), 10-14 = 6
eq "workday between" "$("$GONGKAI" workday between 2024-09-30 2024-10-14)" 6
eq "workday with --db" "$("$GONGKAI" workday add --db "$DB" 2026-09-30 1)" 2026-10-08
"$GONGKAI" workday add 2026-12-20 20 > "$T/out" 2> "$T/err"
eq "a year the calendar lacks: exit 1" "$?" 1
has "the message names the year" "$T/err" 2027
"$GONGKAI" workday add 2026-13-01 1 2> /dev/null
eq "a bad date: exit 2" "$?" 2
"$GONGKAI" workday add 2026-01-01 0 2> /dev/null
eq "N must be >= 1: exit 2" "$?" 2
# an admin loads 2027 (a test calendar) and the count goes through
printf 'date,kind,name\n2027-01-01,holiday,元旦\n' > "$T/y.csv"
"$GONGKAI" workday import --db "$DB" "$T/y.csv" > "$T/out"
eq "workday import" "$?" 0
"$GONGKAI" workday years --db "$DB" | tail -n 1 > "$T/out"
has "2027 is covered now" "$T/out" 2027
eq "the shipped calendar is unchanged" "$("$GONGKAI" workday years | tail -n 1)" 2026
printf 'date,kind\n2027-02-30,holiday\n' > "$T/bad.csv"
"$GONGKAI" workday import --db "$DB" "$T/bad.csv" 2> "$T/err"
eq "a bad calendar file: exit 2" "$?" 2
has "names the line" "$T/err" "第 2 行"
printf 'date,kind\n2027-01-01,holiday\n' > "$T/y.csv"
"$GONGKAI" workday import --db "$DB" "$T/y.csv" > /dev/null

start_server "$DB"
count() { sqlite3 "$DB" "SELECT count(*) FROM $1"; }
login c yjj-clerk "$PW"
login v yjj-reviewer "$PW"

# --- registering ---
req c GET "$O/applications"
eq "register opens" "$STATUS" 200
has "dashboard" "$T/body" "5 个工作日内到期"
req c GET "$O/applications/new"
eq "registration form" "$STATUS" 200
tok=$(csrf)
reg() {
	req c POST "$O/applications/new" --data-urlencode "csrf=$tok" "$@"
}
before=$(count application)
reg -d channel=in_person -d submitted=2026-03-02 -d applicant_kind=natural \
	--data-urlencode "applicant_name=张三" -d id_type=id_card \
	-d id_number=350427199001011234 -d delivery=paper \
	--data-urlencode "request=2026年安全生产检查计划"
eq "no contact at all: 400" "$STATUS" 400
has "the form says why" "$T/body" "至少填写一项"
has "what was typed is kept" "$T/body" "2026年安全生产检查计划"
reg -d channel=in_person -d submitted=2026-03-02 -d applicant_kind=natural \
	--data-urlencode "applicant_name=张三" -d delivery=onsite \
	-d phone=13800000000 --data-urlencode "request=检查计划"
eq "natural person without ID: 400" "$STATUS" 400
reg -d channel=in_person -d submitted=2099-03-02 -d applicant_kind=natural \
	--data-urlencode "applicant_name=张三" -d id_type=id_card \
	-d id_number=350427199001011234 -d delivery=onsite -d phone=138 \
	--data-urlencode "request=检查计划"
eq "a future date: 400" "$STATUS" 400
eq "nothing stored by refusals" "$(count application)" "$before"
reg -d channel=in_person -d submitted=2026-03-02 -d applicant_kind=natural \
	--data-urlencode "applicant_name=张三<script>" -d id_type=id_card \
	-d id_number=350427199001011234 -d delivery=email \
	-d email=zhang@example.cn -d phone=13800000000 \
	--data-urlencode "request=2026年安全生产检查计划"
eq "registered: redirect" "$STATUS" 303
A=$(sed -n 's|^[Ll]ocation: .*/applications/\([0-9]*\)?.*|\1|p' "$T/hdr" | tr -d '\r')
check "an id came back" test -n "$A"
P="$O/applications/$A"
req c GET "$P"
# 2026-03-02 Mon + 20 working days (no holidays in March) = 03-30
has "due date" "$T/body" "2026-03-30"
has "derivation cites art. 31" "$T/body" "第三十一条第一项"
has "name escaped" "$T/body" "张三&lt;script&gt;"
hasnt "never raw" "$T/body" "张三<script>"
eq "acknowledgement queued" "$(sqlite3 "$DB" "SELECT count(*) FROM outbox WHERE to_addr='zhang@example.cn'")" 1
eq "viewing is audited" "$(sqlite3 "$DB" "SELECT count(*) > 0 FROM audit WHERE action='application.view' AND entity_id=$A")" 1

# act JAR ACTION [curl args]
act() {
	j=$1; a=$2; shift 2
	req "$j" GET "$P"
	t=$(csrf)
	req "$j" POST "$P/act" --data-urlencode "csrf=$t" -d "action=$a" "$@"
}
events() { sqlite3 "$DB" "SELECT count(*) FROM application_event WHERE application_id=$A"; }
n=$(events)
act c supplement_request -d date=2026-03-05 -d until=2026-03-20
eq "补正 without what to supplement: 400" "$STATUS" 400
act c supplement_request -d date=2026-03-01 -d until=2026-03-20 --data-urlencode "text=请写明文件名称"
eq "补正 before receipt: 400" "$STATUS" 400
eq "nothing stored" "$(events)" "$n"
act c supplement_request -d date=2026-03-05 -d until=2026-03-20 --data-urlencode "text=请写明文件名称"
eq "补正 requested" "$STATUS" 303
req c GET "$P"
has "clock stopped" "$T/body" "答复期限停止计算"
eq "status supplement" "$(sqlite3 "$DB" "SELECT status FROM application WHERE id=$A")" supplement
act c supplement_receive -d date=2026-03-04
eq "supplement before its request: 400" "$STATUS" 400
act c supplement_receive -d date=2026-03-16
eq "supplement received" "$STATUS" 303
# the clock restarts 03-16: 20 working days with 清明 04-04..06 off = 04-14
req c GET "$P"
has "clock restart visible" "$T/body" "2026-04-14"
has "restart explained" "$T/body" "收到补正"
act c consult_start -d consult_kind=third_party --data-urlencode "text=某化工公司" -d date=2026-03-18
eq "consultation started" "$STATUS" 303
act c reply -d outcome=disclosed -d date=2026-03-25
eq "no reply while a consultation is open: 409" "$STATUS" 409
CID=$(sqlite3 "$DB" "SELECT id FROM consultation WHERE application_id=$A")
act c consult_end -d consult="$CID" -d date=2026-03-20
eq "opinion received" "$STATUS" 303
# (03-18, 03-20] = 2 working days not counted: 04-14 → 04-16
req c GET "$P"
has "consultation time excluded" "$T/body" "2026-04-16"
act c extend -d days=5 -d date=2026-04-10 --data-urlencode "text=需要检索档案"
eq "a clerk may not extend: 403" "$STATUS" 403
act v extend -d days=21 -d date=2026-04-10 --data-urlencode "text=需要检索档案"
eq "more than 20 days: 400" "$STATUS" 400
act v extend -d days=5 -d date=2026-04-10 --data-urlencode "text=需要检索档案"
eq "the reviewer extends" "$STATUS" 303
# 27 working days after 03-16: 04-17, 20, 21, 22, 23
req c GET "$P"
has "extended due date" "$T/body" "2026-04-23"
act c reply -d outcome=withheld.secret -d date=2026-04-20
eq "unknown outcome: 400" "$STATUS" 400
act c reply -d outcome= -d date=2026-04-20
eq "closing without an outcome: 400" "$STATUS" 400
act c reply -d outcome=withheld.state_secret -d date=2026-04-20
eq "a refusal needs reasons: 400" "$STATUS" 400
act c reply -d outcome=disclosed -d date=2026-03-10
eq "reply before the supplement: 400" "$STATUS" 400
eq "still open" "$(sqlite3 "$DB" "SELECT outcome IS NULL FROM application WHERE id=$A")" 1
act c reply -d outcome=partial -d date=2026-04-20 --data-urlencode "text=第二项涉及商业秘密，不予公开。"
eq "replied" "$STATUS" 303
eq "outcome stored" "$(sqlite3 "$DB" "SELECT outcome||' '||replied_date||' '||status FROM application WHERE id=$A")" "partial 2026-04-20 closed"
req c GET "$P/letter?kind=reply"
eq "reply letter" "$STATUS" 200
has "letter title" "$T/body" "政府信息公开申请答复告知书"
has "legal basis" "$T/body" "第三十七条"
has "remedy: review within 60 days" "$T/body" "60日内"
has "remedy: litigation within 6 months" "$T/body" "6个月内"
has "clerk's reasons" "$T/body" "第二项涉及商业秘密"
req c GET "$P/letter.docx?kind=reply"
eq "reply letter as DOCX" "$STATUS" 200
has "a Word document" "$T/hdr" "wordprocessingml"
cp "$T/body" "$T/letter.docx"
if command -v pdftotext > /dev/null && command -v libreoffice > /dev/null; then
	HOME="$T" timeout 120 libreoffice --headless --convert-to pdf \
		--outdir "$T" "$T/letter.docx" > /dev/null 2>&1
	pdftotext "$T/letter.pdf" "$T/letter.txt" 2> /dev/null
	has "DOCX opens in LibreOffice: title" "$T/letter.txt" "答复告知书"
	tr -d ' \n' < "$T/letter.txt" > "$T/letter1.txt"
	has "DOCX: remedy notice" "$T/letter1.txt" "60日内"
else
	bad "LibreOffice and pdftotext are test dependencies (make deps-test)"
fi
req c GET "$P/letter?kind=extension"
has "extension letter" "$T/body" "延长5个工作日"
act c deliver -d date=2026-04-19 --data-urlencode "text=邮寄"
eq "delivery before the reply: 400" "$STATUS" 400
act c deliver -d date=2026-04-21 --data-urlencode "text=EMS 1234"
eq "delivered" "$STATUS" 303
eq "the applicant was told of each step" "$(sqlite3 "$DB" "SELECT count(*) FROM outbox WHERE application_id=$A")" 4
eq "every event audited" "$(sqlite3 "$DB" "SELECT count(*) >= 8 FROM audit WHERE entity='application' AND entity_id=$A AND action <> 'application.view'")" 1

# --- other offices may not see it ---
login z czj-clerk "$PW"
req z GET "$P"
eq "another organ's clerk: 403" "$STATUS" 403
req z GET "/admin/o/shaxian-czj/applications/$A"
eq "not through their own organ either" "$STATUS" 404

# --- letter received by post, confirmed later (art. 31) ---
req c GET "$O/applications/new"
tok=$(csrf)
reg -d channel=letter -d submitted=2026-11-02 -d applicant_kind=commercial \
	--data-urlencode "applicant_name=某公司" --data-urlencode "contact_person=王五" \
	-d phone=05981234567 -d delivery=onsite --data-urlencode "request=企业名录"
eq "letter registered" "$STATUS" 303
B=$(sed -n 's|^[Ll]ocation: .*/applications/\([0-9]*\)?.*|\1|p' "$T/hdr" | tr -d '\r')
eq "awaiting receipt" "$(sqlite3 "$DB" "SELECT status FROM application WHERE id=$B")" awaiting_receipt
P="$O/applications/$B"
act c receive -d date=2026-11-01
eq "receipt before submission: 400" "$STATUS" 400
act c receive -d date=2026-11-03
# 2026-11-03 Tue + 20: 11-04..06, 09..13, 16..20, 23..27, 30, 12-01 = 12-01
eq "received; due computed" "$(sqlite3 "$DB" "SELECT status||' '||due_date FROM application WHERE id=$B")" "open 2026-12-01"
req c GET "$O/applications?status=open"
has "register filter" "$T/body" "某公司"

# --- CSV import ---
cat > "$T/apps.csv" <<'CSV'
tracking_code,received_date,channel,applicant_kind,applicant_name,applicant_contact,request,outcome,replied_date
YS-2025-001,2025-03-03,letter,commercial,某公司,0598-1234567,企业名录,disclosed,2025-03-20
,2025-12-29,online,natural,李四,li@example.cn,规划,,
CSV
"$GONGKAI" import --db "$DB" --organ shaxian-yjj applications "$T/apps.csv" > "$T/out"
eq "import: exit 0" "$?" 0
has "import: says how many" "$T/out" "2"
eq "imported as replied" "$(sqlite3 "$DB" "SELECT status||' '||outcome FROM application WHERE tracking_code='YS-2025-001'")" "closed disclosed"
req c GET "$O/applications?due=overdue"
has "overdue view lists the carried-over one" "$T/body" "李四"
eq "imports mail nobody" "$(sqlite3 "$DB" "SELECT count(*) FROM outbox WHERE to_addr='li@example.cn'")" 0
n=$(count application)
cat > "$T/bad.csv" <<'CSV'
received_date,channel,applicant_kind,outcome,replied_date,colour
2025-03-03,letter,natural,disclosed,
CSV
"$GONGKAI" import --db "$DB" --organ shaxian-yjj applications "$T/bad.csv" 2> "$T/err"
eq "unknown column: exit 2" "$?" 2
cat > "$T/bad.csv" <<'CSV'
received_date,channel,applicant_kind,outcome,replied_date
2025-03-03,post,natural,,
2025-03-03,letter,natural,disclosed,
2025-03-03,letter,natural,withheld.secret,2025-03-04
2025-03-03,letter,natural,disclosed,2025-03-01
2025-03-03,letter,natural,,
CSV
"$GONGKAI" import --db "$DB" --organ shaxian-yjj applications "$T/bad.csv" 2> "$T/err"
eq "bad rows: exit 2" "$?" 2
has "unknown channel, line 2" "$T/err" "bad.csv:2: channel:"
has "outcome without reply date, line 3" "$T/err" "bad.csv:3: replied_date:"
has "unknown outcome, line 4" "$T/err" "bad.csv:4: outcome:"
has "reply before receipt, line 5" "$T/err" "bad.csv:5: replied_date:"
eq "nothing stored" "$(count application)" "$n"
"$GONGKAI" import --db "$DB" --organ shaxian-yjj applications "$T/apps.csv" 2> "$T/err"
eq "an existing tracking code: exit 2" "$?" 2
has "says which" "$T/err" "YS-2025-001"

# --- the calendar page (admins) ---
req c GET /admin/calendar
eq "a clerk may not open the calendar" "$STATUS" 403
login ad admin "$PW"
req ad GET /admin/calendar
eq "calendar page" "$STATUS" 200
has "lists 2026 with its 调休 days" "$T/body" "2月14日"
tok=$(csrf)
n=$(count holiday)
req ad POST /admin/calendar --data-urlencode "csrf=$tok" --data-urlencode "csv=date,kind
2028-02-30,holiday"
eq "a bad date: 400" "$STATUS" 400
has "names the line" "$T/body" "第 2 行"
eq "nothing stored" "$(count holiday)" "$n"
req ad POST /admin/calendar --data-urlencode "csrf=$tok" --data-urlencode "csv=date,kind
2028-01-29,workday"
eq "a year without a day off: 400" "$STATUS" 400
req ad POST /admin/calendar --data-urlencode "csrf=$tok" --data-urlencode "csv=date,kind,name
2028-01-01,holiday,元旦
2028-01-29,workday,春节"
eq "a year loaded" "$STATUS" 303
eq "2028 covered" "$("$GONGKAI" workday years --db "$DB" | tail -n 1)" 2028
eq "audited" "$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action='holiday.year' AND entity_id=2028")" 1

# --- the server's deadline job (runs at start and every tick) ---
req c GET "$O/applications/new"
tok=$(csrf)
reg -d channel=in_person -d submitted=2026-03-02 -d applicant_kind=natural \
	--data-urlencode "applicant_name=赵六" -d id_type=id_card \
	-d id_number=350427199001015678 -d delivery=onsite -d phone=13900000000 \
	--data-urlencode "request=会议纪要"
C=$(sed -n 's|^[Ll]ocation: .*/applications/\([0-9]*\)?.*|\1|p' "$T/hdr" | tr -d '\r')
P="$O/applications/$C"
act c supplement_request -d date=2026-03-05 -d until=2026-03-10 --data-urlencode "text=请写明会议名称"
eq "补正 with a short period" "$STATUS" 303
stop_server
start_server "$DB"
# the period ended 03-10: closed as other.no_supplement on the next day
eq "no supplement in time: closed by the server" "$(sqlite3 "$DB" "SELECT outcome||' '||replied_date FROM application WHERE id=$C")" "other.no_supplement 2026-03-11"
eq "staff reminded of the overdue one" "$(sqlite3 "$DB" "SELECT count(*) > 0 FROM outbox WHERE dedupe LIKE 'remind:%'")" 1
stop_server
start_server "$DB"
eq "one reminder a day" "$(sqlite3 "$DB" "SELECT count(*) FROM outbox WHERE dedupe LIKE 'remind:%' GROUP BY application_id, to_addr HAVING count(*) > 1" | wc -l)" 0
finish
