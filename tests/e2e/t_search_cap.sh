#!/bin/sh
# t_search_cap.sh - a query matching more than SEARCH_CAP (10,000) items,
# through the real server: the total says 10,000 and capped; sorted by
# date the first page is still the newest dates, even when they are the
# oldest ids (found by the dated walk, not among the newest-id matches);
# ranked, the page is ranked among the newest-id matches; a filter that
# narrows the query below the cap is exact again.
. "$(dirname "$0")/lib.sh"

DB="$T/g.db"
"$GONGKAI" init --db "$DB" --demo > /dev/null || exit 1
start_server "$DB"
api() { req p GET "/api/v1/search" -G "$@"; }
first() { jq -r '.results[0].title' "$T/body"; }

# 10,050 items with 澜沧 (not in the demo): the first imported (lowest id)
# has the newest date and a strong title, the last (highest id) a strong
# title; the rest are dated 2020-2023.
N=10050
awk -v n=$N 'BEGIN {
	print "title,category,kind,published_date,body"
	for (k = 1; k <= n; k++) {
		t = "澜沧巡查记录第" k "号"; d = sprintf("202%d-%02d-%02d", k % 4, k % 12 + 1, k % 28 + 1)
		if (k == 1) { t = "澜沧澜沧澜沧专项报告"; d = "2025-06-01" }
		if (k == n) { t = "澜沧澜沧澜沧年度总结" }
		printf "%s,通知公告,normal,%s,<p>第%d次澜沧江巡查。</p>\n", t, d, k
	}
}' > "$T/many.csv"
out=$("$GONGKAI" import --db "$DB" --organ shaxian-yjj items "$T/many.csv" 2>&1)
eq "the import stores them all" "$out" "stored $N items for 沙县应急管理局"
eq "every one contains it" "$(sqlite3 "$DB" "SELECT count(*) FROM item WHERE status = 'published' AND instr(body, '澜沧')")" $N

api --data-urlencode q=澜沧 --data-urlencode sort=date
eq "by date: 200" "$STATUS" 200
eq "by date: the total is the cap" "$(jq -c '[.total, .total_capped]' "$T/body")" "[10000,true]"
eq "by date: the newest date first, though its id is the lowest" "$(first)" 澜沧澜沧澜沧专项报告
eq "by date: then newest first" "$(jq -r '[.results[].published_date] | (. == (sort | reverse))' "$T/body")" true

api --data-urlencode q=澜沧
eq "ranked: the total is the cap" "$(jq -c '[.total, .total_capped]' "$T/body")" "[10000,true]"
eq "ranked among the newest-id matches: the strong title there first" "$(first)" 澜沧澜沧澜沧年度总结
hasnt "the strong title outside them is not ranked" "$T/body" 澜沧澜沧澜沧专项报告

api --data-urlencode q=沧
eq "one character: capped" "$(jq -c '[.total, .total_capped]' "$T/body")" "[10000,true]"
eq "one character: in date order, the newest first" "$(first)" 澜沧澜沧澜沧专项报告

api --data-urlencode q=澜沧 --data-urlencode page=500 --data-urlencode per_page=20
eq "the last page of the cap" "$(jq -c '[.total, .total_capped, (.results | length)]' "$T/body")" "[10000,true,20]"
api --data-urlencode q=澜沧 --data-urlencode page=501 --data-urlencode per_page=20
eq "past the cap: no rows, the total still said" "$(jq -c '[.total, .total_capped, (.results | length)]' "$T/body")" "[10000,true,0]"

api --data-urlencode q=澜沧 --data-urlencode year=2025
eq "a year narrows it below the cap: exact" "$(jq -c '[.total, .total_capped, .results[0].title]' "$T/body")" '[1,false,"澜沧澜沧澜沧专项报告"]'
api --data-urlencode q=澜沧 --data-urlencode year=2021 --data-urlencode sort=date
eq "another year: exact" "$(jq -c '[.total, .total_capped]' "$T/body")" "[$(sqlite3 "$DB" "SELECT count(*) FROM item WHERE instr(body, '澜沧') AND published_date LIKE '2021-%'"),false]"

finish
