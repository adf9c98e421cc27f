#!/bin/sh
# t_server.sh - the real server on loopback: public pages, 404 with the
# layout, static files and ETag, the organs API, limits (413, 431),
# keep-alive, graceful stop and the access log.
. "$(dirname "$0")/lib.sh"

"$GONGKAI" init --db "$T/g.db" --demo > /dev/null || exit 1
start_server "$T/g.db"

req a GET /
eq "home is 200" "$STATUS" 200
has "home is Chinese" "$T/body" '<html lang="zh-CN">'
has "home names the site organ" "$T/body" '沙县人民政府'
has "home lists departments" "$T/body" 'href="/organ/shaxian-yjj/"'
has "home has a skip link" "$T/body" 'href="#main"'
has "CSP header" "$T/hdr" "Content-Security-Policy: default-src 'self'"
has "nosniff header" "$T/hdr" 'X-Content-Type-Options: nosniff'
has "home links the search" "$T/body" 'href="/search"'
has "home has a search box" "$T/body" 'action="/search" role="search"'

req a GET /organ/shaxian-yjj/
eq "organ page is 200" "$STATUS" 200
has "organ page has the guide" "$T/body" '政府信息公开指南'
has "organ page has the e-mail" "$T/body" 'fjsxajj@163.com'
has "organ page links its parent" "$T/body" 'href="/organ/shaxian/"'
req a GET /organ/shaxian-yjj
eq "missing trailing slash redirects" "$STATUS" 308
has "redirect target" "$T/hdr" 'Location: /organ/shaxian-yjj/'
req a GET /organ/nope/
eq "unknown organ is 404" "$STATUS" 404

req a GET /no/such/page
eq "unknown path is 404" "$STATUS" 404
has "404 page has the site layout" "$T/body" 'class="site-header"'
has "404 page says so" "$T/body" '页面不存在'
req a POST /
eq "wrong method is 405" "$STATUS" 405
has "405 names allowed methods" "$T/hdr" 'Allow: GET'

req a GET /static/site.css
eq "css is 200" "$STATUS" 200
has "css content type" "$T/hdr" 'Content-Type: text/css'
etag=$(sed -n 's/^ETag: \(.*\)\r$/\1/p' "$T/hdr")
check "css has an ETag" test -n "$etag"
req a GET /static/site.css -H "If-None-Match: $etag"
eq "matching ETag gives 304" "$STATUS" 304
req a GET /static/nope.css
eq "unknown static file is 404" "$STATUS" 404

req a GET /api/v1/organs
eq "organs API is 200" "$STATUS" 200
has "organs API is JSON" "$T/hdr" 'Content-Type: application/json'
has "organs API lists slug and name" "$T/body" '{"slug":"shaxian-yjj","name":"沙县应急管理局"}'

# Limits: body over max_body (1 MiB) and too many header lines.
head -c 1100000 /dev/zero | tr '\0' 'a' > "$T/big"
req a POST /login -H 'Content-Type: application/x-www-form-urlencoded' \
	--data-binary "@$T/big"
eq "oversized body is 413" "$STATUS" 413
set --
i=0
while [ $i -lt 80 ]; do set -- "$@" -H "X-Test-$i: $i"; i=$((i + 1)); done
req a GET / "$@"
eq "too many headers is 431" "$STATUS" 431
long=$(head -c 70000 /dev/zero | tr '\0' 'b')
req a GET / -H "X-Long: $long"
check "huge header is refused" test "$STATUS" -ge 400 -a "$STATUS" -lt 500
req a GET '/organ/%FF/'
eq "invalid UTF-8 path is 400" "$STATUS" 400

# Keep-alive: two requests on one connection.
curl -s -v -o /dev/null -o /dev/null "$BASE/" "$BASE/static/site.css" \
	2> "$T/ka" || true
has "keep-alive reuses the connection" "$T/ka" 'Re-using existing connection'
hasnt "no Connection: close on a normal reply" "$T/ka" '< Connection: close'

# The server keeps working under a burst of parallel requests.
i=0
while [ $i -lt 20 ]; do
	curl -s -o /dev/null -w '%{http_code}\n' "$BASE/" >> "$T/burst" &
	i=$((i + 1))
done
wait_n=0
while [ "$(wc -l < "$T/burst")" -lt 20 ] && [ $wait_n -lt 100 ]; do
	sleep 0.1; wait_n=$((wait_n + 1))
done
eq "20 parallel requests all 200" "$(grep -c '^200$' "$T/burst")" 20

stop_server
eq "SIGTERM stops the server cleanly" "$SERVER_RC" 0
has "log says it stopped" "$T/server.log" 'stopped'
check "access log has method, path, status, bytes, microseconds" \
	grep -qE 'GET / 200 [0-9]+ [0-9]+us' "$T/server.log"
check "access log for the 404" grep -qE 'GET /no/such/page 404 ' "$T/server.log"

# A second server on a busy port fails with a message, exit 1.
start_server "$T/g.db"
port=${BASE##*:}
"$GONGKAI" serve --db "$T/g.db" --listen "127.0.0.1:$port" 2> "$T/busy.err"
eq "busy port exits 1" "$?" 1
has "busy port message" "$T/busy.err" 'cannot listen'
finish
