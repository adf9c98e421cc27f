#!/bin/sh
# t_report_pdf.sh - `gongkai report --out x.pdf` (render/report_pdf.c) for
# the seed bureau's 2018 in fj-county-2018 and the hand-built 2023 in
# cn-2021: A4 pages (pdfinfo), every font embedded (pdffonts), every
# table label and every figure of the .json report in the text
# (pdftotext), every page renders (pdftoppm); the cn-2021 applications
# table runs over pages with its header rows repeated on each; the same
# report gives the same bytes.
. "$(dirname "$0")/lib.sh"
E2E="$(cd "$(dirname "$0")" && pwd)"
FMT="$E2E/../../data/report-formats"

# pdf_checks NAME ORGAN YEAR FORMAT: the report of $DB as .pdf and .json
pdf_checks() {
	n=$1
	"$GONGKAI" report --db "$DB" --organ "$2" --year "$3" --format "$4" \
		--out "$T/$n.pdf" > "$T/out"
	eq "$n: pdf written" "$?" 0
	"$GONGKAI" report --db "$DB" --organ "$2" --year "$3" --format "$4" \
		--out "$T/$n.json" > "$T/out" || exit 1
	pdfinfo "$T/$n.pdf" > "$T/info" 2>&1
	eq "$n: pdfinfo reads it" "$?" 0
	has "$n: A4" "$T/info" "595.276 x 841.89 pts (A4)"
	has "$n: title in the metadata" "$T/info" "$(jq -r .title "$T/$n.json")"
	has "$n: creator" "$T/info" "gongkai"
	np=$(sed -n 's/^Pages: *//p' "$T/info")
	check "$n: pages ($np)" [ "${np:-0}" -ge 1 ]
	pdffonts "$T/$n.pdf" | tail -n +3 > "$T/fonts"
	check "$n: Noto CJK fonts" grep -q NotoSerifCJK "$T/fonts"
	eq "$n: every font embedded" "$(awk '{ if ($(NF-4) != "yes") print }' "$T/fonts")" ""
	# text in drawing order: each cell's lines together
	pdftotext -raw "$T/$n.pdf" "$T/raw.txt"
	tr -d ' \n' < "$T/raw.txt" > "$T/flat.txt"
	organ=$(jq -r .organ "$T/$n.json")
	jq -r --arg o "$organ" --arg y "$3" '.tables[] | (.caption,
		(.blocks[] | (.title, .corner, .unit_label,
		 (.cols, .rows | .. | objects | select(.label and (.hide_label | not)) | .label))))
		| select(. != null and . != "") | gsub("{organ}"; $o) | gsub("{year}"; $y)
		| gsub("\\s"; "")' "$FMT/$4.json" | sort -u > "$T/labels"
	missing=$(while IFS= read -r l; do grep -qF -- "$l" "$T/flat.txt" || echo "$l"; done < "$T/labels")
	eq "$n: every table label ($(wc -l < "$T/labels")) in the text" "$missing" ""
	grep -v '^— [0-9]* —$' "$T/raw.txt" | tr ' ' '\n' |
		grep -E '^[0-9]+(\.[0-9]+)?$' > "$T/pdfnums"
	jq -r '.cells[] | .value // "" | tostring' "$T/$n.json" | grep -v '^$' > "$T/jnums"
	eq "$n: every figure of the .json, in order ($(wc -l < "$T/jnums"))" \
		"$(diff "$T/pdfnums" "$T/jnums")" ""
	pdftoppm -r 50 -png "$T/$n.pdf" "$T/$n-p" 2> "$T/ppm"
	eq "$n: pdftoppm renders every page" "$?:$(ls "$T/$n"-p*.png | wc -l):$(wc -c < "$T/ppm")" "0:$np:0"
}

. "$E2E/shaxian_year.sh"
pdf_checks fj shaxian-yjj 2018 fj-county-2018
has "fj: the seed's 259 in the text" "$T/raw.txt" "主动公开文件数 条 259 1225"

rm -f "$DB"
"$GONGKAI" init --db "$DB" > /dev/null || exit 1
. "$E2E/cn2021_year.sh"
cn2021_year "$DB" t 测试局
pdf_checks cn t 2023 cn-2021
# the applications table runs over pages, its header on each
first=0 pages=0
for p in $(seq 1 "$np"); do
	pdftotext -layout -f "$p" -l "$p" "$T/cn.pdf" "$T/page.txt"
	if grep -q "办理结果\|上年结转" "$T/page.txt"; then
		pages=$((pages + 1))
		grep -q "申请人情况" "$T/page.txt" && grep -q "法人或其他组织" "$T/page.txt" &&
			grep -q "总计" "$T/page.txt" || echo "page $p" >> "$T/nohead"
	fi
done
check "cn: the applications table spans pages ($pages)" [ "$pages" -ge 2 ]
check "cn: its header rows on every page" [ ! -s "$T/nohead" ]

"$GONGKAI" report --db "$DB" --organ t --year 2023 --format cn-2021 \
	--out "$T/again.pdf" > "$T/out"
check "the same report gives the same bytes" cmp -s "$T/cn.pdf" "$T/again.pdf"
has "created 1 January of the next year" "$T/info" "Jan  1 00:00:00 2024"

"$GONGKAI" report --db "$DB" --organ t --year 2023 --format cn-2021 \
	--out "$T/x.pdfx" > "$T/out" 2> "$T/err"
eq "unknown extension exits 2" "$?" 2
has "says .pdf is known" "$T/err" ".pdf"
finish
