#!/bin/sh
# t_auth.sh - accounts through the real server: login and logout, CSRF on
# every POST, wrong passwords, rate limiting, organ isolation, admin pages,
# and that refused requests change nothing on disk.
. "$(dirname "$0")/lib.sh"

"$GONGKAI" init --db "$T/g.db" --demo > /dev/null || exit 1
start_server "$T/g.db"
PW=gongkai2026
audit_rows() { "$GONGKAI" audit list --db "$T/g.db" --limit 100000 | wc -l; }

req a GET /admin/
eq "back office needs login" "$STATUS" 303
has "redirects to login with next" "$T/hdr" 'Location: /login?next=%2Fadmin%2F'

req a GET /login
eq "login page is 200" "$STATUS" 200
has "login form has a CSRF token" "$T/body" 'name="csrf" value="'
has "anonymous CSRF cookie is HttpOnly and Strict" "$T/hdr" 'HttpOnly; SameSite=Strict'
tok=$(csrf)

before=$(audit_rows)
req a POST /login --data-urlencode "login=admin" --data-urlencode "password=$PW"
eq "login without CSRF token is 403" "$STATUS" 403
hasnt "no session without CSRF" "$T/hdr" 'gk_session='
req a POST /login --data-urlencode "csrf=0000000000000000000000000000000000000000000000000000000000000000" \
	--data-urlencode "login=admin" --data-urlencode "password=$PW"
eq "login with a wrong CSRF token is 403" "$STATUS" 403
req b POST /login --data-urlencode "csrf=$tok" \
	--data-urlencode "login=admin" --data-urlencode "password=$PW"
eq "another visitor's token is refused (403)" "$STATUS" 403
eq "refused logins wrote nothing to the audit log" "$(audit_rows)" "$before"

req a POST /login --data-urlencode "csrf=$tok" \
	--data-urlencode "login=admin" --data-urlencode "password=wrong-pass-1"
eq "wrong password is refused (403)" "$STATUS" 403
has "wrong password message" "$T/body" '登录名或密码不正确'
hasnt "no session for a wrong password" "$T/hdr" 'gk_session='
req a POST /login --data-urlencode "csrf=$tok" \
	--data-urlencode "login=nobody" --data-urlencode "password=$PW"
eq "unknown login is refused the same way" "$STATUS" 403

login a admin "$PW"
eq "admin login redirects" "$STATUS" 303
has "login lands in the back office" "$T/hdr" 'Location: /admin/'
check "session cookie flags" grep -qE 'Set-Cookie: gk_session=[0-9a-f]{64}; Path=/; HttpOnly; SameSite=Strict' "$T/hdr"
hasnt "no Secure flag over plain HTTP" "$T/hdr" 'Secure'
req a GET /admin/
eq "admin home is 200" "$STATUS" 200
has "admin home lists every organ" "$T/body" '沙县教育局'
req a GET /admin/o/shaxian-czj/
eq "admin may open any organ's back office" "$STATUS" 200
for p in /admin/organs /admin/users /admin/audit /admin/organs/new /admin/password; do
	req a GET "$p"
	eq "admin page $p is 200" "$STATUS" 200
done
req a GET /admin/audit
has "audit page says the chain is intact" "$T/body" '哈希链完整'

# Admin creates an account through the web.
req a GET /admin/users
tok=$(csrf)
req a POST /admin/users --data-urlencode "csrf=$tok" \
	--data-urlencode "login=yjj-head" --data-urlencode "display_name=王局长" \
	--data-urlencode "organ=shaxian-yjj" --data-urlencode "role=leader" \
	--data-urlencode "password=leader-pass-1"
eq "admin creates a user (303)" "$STATUS" 303
"$GONGKAI" user list --db "$T/g.db" --organ shaxian-yjj > "$T/users"
has "new user is in the database" "$T/users" 'yjj-head	leader	shaxian-yjj	王局长'
req a POST /admin/users --data-urlencode "csrf=$tok" \
	--data-urlencode "login=yjj-head" --data-urlencode "organ=shaxian-yjj" \
	--data-urlencode "role=clerk" --data-urlencode "password=leader-pass-1"
eq "duplicate login is 409" "$STATUS" 409
has "duplicate login message" "$T/body" '已被使用'
req a POST /admin/users --data-urlencode "csrf=$tok" \
	--data-urlencode "login=weak" --data-urlencode "organ=shaxian-yjj" \
	--data-urlencode "role=clerk" --data-urlencode "password=short"
eq "weak password is 400" "$STATUS" 400

# Admin creates an organ through the web.
req a GET /admin/organs/new
tok=$(csrf)
req a POST /admin/organs/new --data-urlencode "csrf=$tok" \
	--data-urlencode "name=沙县民政局" --data-urlencode "slug=shaxian-mzj" \
	--data-urlencode "parent=shaxian" --data-urlencode "code=003510433"
eq "admin creates an organ (303)" "$STATUS" 303
"$GONGKAI" organ list --db "$T/g.db" > "$T/organs"
has "new organ is in the database" "$T/organs" 'shaxian-mzj	沙县民政局	003510433	沙县人民政府'
req a POST /admin/organs/new --data-urlencode "csrf=$tok" \
	--data-urlencode "name=沙县民政局"
eq "duplicate organ name is 409" "$STATUS" 409
req a POST /admin/organs/new --data-urlencode "csrf=$tok" \
	--data-urlencode "name=某局" --data-urlencode "email=not-an-email"
eq "bad e-mail is 400" "$STATUS" 400
has "bad e-mail message" "$T/body" '电子邮箱格式不正确'

# A clerk sees only their own organ.
login c yjj-clerk "$PW"
eq "clerk login redirects" "$STATUS" 303
req c GET /admin/
eq "clerk's back office home redirects" "$STATUS" 303
has "to their own organ" "$T/hdr" 'Location: /admin/o/shaxian-yjj/'
req c GET /admin/o/shaxian-yjj/
eq "clerk opens their own organ (200)" "$STATUS" 200
has "own organ lists its staff" "$T/body" 'yjj-clerk'
req c GET /admin/o/shaxian-czj/
eq "clerk cannot open another organ (403)" "$STATUS" 403
has "403 page has the layout" "$T/body" 'class="site-header"'
req c GET /admin/users
eq "clerk cannot manage users (403)" "$STATUS" 403
req c GET /admin/o/shaxian-yjj/edit
eq "clerk cannot edit organ info (403)" "$STATUS" 403

# A leader edits their organ; a POST without a token changes nothing.
login l yjj-head leader-pass-1
req l GET /admin/o/shaxian-yjj/edit
eq "leader opens the organ editor" "$STATUS" 200
tok=$(csrf)
req l POST /admin/o/shaxian-yjj/edit --data-urlencode "name=沙县应急管理局" \
	--data-urlencode "phone=0598-1111111"
eq "edit without CSRF is 403" "$STATUS" 403
req a GET /organ/shaxian-yjj/
hasnt "refused edit changed nothing" "$T/body" '0598-1111111'
req l POST /admin/o/shaxian-czj/edit --data-urlencode "csrf=$tok" \
	--data-urlencode "name=沙县财政局" --data-urlencode "phone=0598-2222222"
eq "leader cannot edit another organ (403)" "$STATUS" 403
req l POST /admin/o/shaxian-yjj/edit --data-urlencode "csrf=$tok" \
	--data-urlencode "name=沙县应急管理局" --data-urlencode "phone=0598-5845276" \
	--data-urlencode "office=办公室" --data-urlencode "parent=shaxian" \
	--data-urlencode "guide=第一段

第二段"
eq "leader saves the organ (303)" "$STATUS" 303
req a GET /organ/shaxian-yjj/
has "saved guide paragraphs show publicly" "$T/body" '<p>第二段</p>'
req a GET /organ/shaxian-czj/
hasnt "other organ untouched" "$T/body" '0598-2222222'

# Changing one's password ends the session.
req l GET /admin/password
tok=$(csrf)
req l POST /admin/password --data-urlencode "csrf=$tok" \
	--data-urlencode "current=wrong" --data-urlencode "password=new-pass-12" \
	--data-urlencode "confirm=new-pass-12"
eq "wrong current password is 400" "$STATUS" 400
req l POST /admin/password --data-urlencode "csrf=$tok" \
	--data-urlencode "current=leader-pass-1" --data-urlencode "password=new-pass-12" \
	--data-urlencode "confirm=new-pass-12"
eq "password change redirects to login" "$STATUS" 303
req l GET /admin/o/shaxian-yjj/
eq "old session no longer works" "$STATUS" 303
login l yjj-head new-pass-12
eq "new password works" "$STATUS" 303

# Logout.
req c GET /admin/o/shaxian-yjj/
tok=$(csrf)
req c POST /logout --data-urlencode "csrf=$tok"
eq "logout redirects" "$STATUS" 303
has "logout clears the cookie" "$T/hdr" 'gk_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0'
req c GET /admin/o/shaxian-yjj/
eq "after logout the back office needs login" "$STATUS" 303

# Disabling an account ends its sessions.
login d czj-clerk "$PW"
"$GONGKAI" user disable --db "$T/g.db" --login czj-clerk > /dev/null
req d GET /admin/o/shaxian-czj/
eq "disabled user's session ends" "$STATUS" 303
login d czj-clerk "$PW"
eq "disabled user cannot log in (403)" "$STATUS" 403

# Rate limit: after 5 failures even the right password is refused.
i=0
while [ $i -lt 5 ]; do
	login r zf-clerk "wrong-$i-pass"
	i=$((i + 1))
done
eq "5th wrong password still 403" "$STATUS" 403
login r zf-clerk "$PW"
eq "6th attempt is throttled (429)" "$STATUS" 429
has "throttle message" "$T/body" '登录失败次数过多'
login r jyj-clerk "$PW"
eq "another login from the same address still works" "$STATUS" 303

# Behind an HTTPS proxy the session cookie is Secure.
req s GET /login -H 'X-Forwarded-Proto: https'
tok=$(csrf)
req s POST /login -H 'X-Forwarded-Proto: https' --data-urlencode "csrf=$tok" \
	--data-urlencode "login=jyj-clerk" --data-urlencode "password=$PW"
check "Secure cookie behind HTTPS" grep -qE 'gk_session=[0-9a-f]+; .*; Secure' "$T/hdr"

"$GONGKAI" audit verify --db "$T/g.db" > "$T/verify"
eq "audit chain intact after all of it" "$?" 0
"$GONGKAI" audit list --db "$T/g.db" --limit 1000 > "$T/audit"
has "logins are audited" "$T/audit" 'session.create'
has "logouts are audited" "$T/audit" 'session.delete'
has "web user changes are audited" "$T/audit" 'user.create'
has "web organ changes are audited" "$T/audit" 'organ.update'
finish
