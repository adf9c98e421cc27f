#!/bin/sh
# t_report_docx.sh - the annual report as a Word document
# (render/report_docx.c): `gongkai report --out x.docx` for the seed's 2018
# (fj-county-2018, tests/fixtures/shaxian-yjj-2018) and the hand-built
# cn-2021 year (cn2021_year.sh): its document.xml holds the title, the six
# headings in order, every table label and every figure of the report JSON
# in order, the merged cells and repeated header rows; LibreOffice turns it
# into an A4 PDF whose text has them too. Through the server: report.docx
# from the back office (live, a draft) and the portal (404 before
# publication and for a type gongkai does not write), and publication
# attaching the .docx to the annual_report catalog item, downloadable.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/cn2021_year.sh"

FIX="$(cd "$(dirname "$0")/../fixtures/shaxian-yjj-2018" && pwd)"
FMTS="$(cd "$(dirname "$0")/../../data/report-formats" && pwd)"
DB="$T/g.db"
PW=gongkai2026
"$GONGKAI" init --db "$DB" > /dev/null || exit 1
"$GONGKAI" organ add --db "$DB" --name 沙县应急管理局 --slug shaxian-yjj \
	--code 003510427 > /dev/null || exit 1
for k in items baseline activities; do
	"$GONGKAI" import --db "$DB" --organ shaxian-yjj "$k" "$FIX/$k.csv" > /dev/null || exit 1
done
cn2021_year "$DB" t 测试局

# docxml FILE: word/document.xml of FILE
docxml() { unzip -p "$1" word/document.xml; }
# texts: the w:t texts of document.xml on stdin, one a line
texts() { grep -o '<w:t[^>]*>[^<]*</w:t>' | sed 's/<[^>]*>//g'; }
# labels FORMAT YEAR ORGAN: every table label, caption and block title of
# the format as printed (hidden labels left out)
labels() {
	jq -r '.tables[] | .caption, (.blocks[] | .title // empty, .corner // empty,
		.unit_label // empty, (.. | objects | select(has("label") and (.hide_label | not)) | .label),
		(.. | objects | .unit? // empty))' "$FMTS/$1.json" |
		sed "s/{year}/$2/g; s/{organ}/$3/g" | sort -u | grep .
}

# one_report SLUG ORGAN YEAR FORMAT NAME
one_report() {
	"$GONGKAI" report --db "$DB" --organ "$1" --year "$3" --format "$4" --out "$T/$5.docx" > "$T/out"
	eq "$5: docx written" "$?" 0
	"$GONGKAI" report --db "$DB" --organ "$1" --year "$3" --format "$4" --out "$T/$5.json" > /dev/null
	eq "$5: is a zip with word/document.xml" "$(unzip -l "$T/$5.docx" | grep -c ' word/document.xml$')" 1
	docxml "$T/$5.docx" > "$T/$5.xml"
	check "$5: document.xml is well-formed" xmllint --noout "$T/$5.xml"
	texts < "$T/$5.xml" > "$T/$5.texts"
	eq "$5: the title first" "$(head -n 1 "$T/$5.texts")" "$2$3年政府信息公开工作年度报告"
	jq -r '.sections[].title' "$T/$5.json" > "$T/$5.want-h"
	grep -o '<w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t[^>]*>[^<]*' "$T/$5.xml" | sed 's/.*>//' > "$T/$5.got-h"
	if diff "$T/$5.want-h" "$T/$5.got-h" > "$T/diff"; then ok "$5: the six headings in order"; else bad "$5: headings" "$(cat "$T/diff")"; fi
	labels "$4" "$3" "$2" > "$T/$5.labels"
	missing=$(grep -vxF -f "$T/$5.texts" "$T/$5.labels" | tr '\n' ' ')
	eq "$5: every label of the format ($(wc -l < "$T/$5.labels"))" "$missing" ""
	# the numbers of the cells, in reading order, are the JSON's cells
	jq -r '.cells[].value | tostring' "$T/$5.json" > "$T/$5.want-n"
	grep -xE '[0-9]+(\.[0-9]+)?' "$T/$5.texts" > "$T/$5.got-n"
	if diff "$T/$5.want-n" "$T/$5.got-n" > "$T/diff"; then ok "$5: every figure in order ($(wc -l < "$T/$5.want-n"))"; else bad "$5: figures" "$(head -n 20 "$T/diff")"; fi
	eq "$5: the organ signs" "$(tail -n 1 "$T/$5.texts")" "$2"
}
one_report shaxian-yjj 沙县应急管理局 2018 fj-county-2018 seed
one_report t 测试局 2023 cn-2021 cn

x="$T/seed.xml"
eq "seed: 4 columns adding up to the text width" \
	"$(grep -o '<w:gridCol w:w="[0-9]*"/>' "$x" | sed 's/[^0-9]//g' | awk '{ s += $1; n++ } END { print n "/" s }')" 4/8845
eq "seed: the header row repeats" "$(grep -o '<w:tblHeader/>' "$x" | wc -l)" 1
has "seed: the caption" "$x" '<w:pStyle w:val="Caption"/></w:pPr><w:r><w:t xml:space="preserve">沙县应急管理局政府信息公开年度统计表'
x="$T/cn.xml"
eq "cn: 3 header rows of applications + 3 of cases repeat" "$(grep -o '<w:tblHeader/>' "$x" | wc -l)" 6
eq "cn: three tables" "$(grep -o '<w:tbl>' "$x" | wc -l)" 3
has "cn: the corner spans 3 columns and restarts a merge" "$x" '<w:gridSpan w:val="3"/><w:vMerge w:val="restart"/><w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"/><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr><w:t xml:space="preserve">（本列数据的勾稽关系为'
check "cn: dense tables in 五号" grep -q '<w:sz w:val="21"/>' "$x"
check "cn: merged rows continue" grep -q '<w:vMerge/>' "$x"
# widths of each table add up to the text width; the row labels of
# applications are wider than its number columns
grep -o '<w:tblGrid>.*' "$x" | sed 's/<\/w:tblGrid>.*//' > /dev/null
awk 'BEGIN { RS = "<w:tblGrid>" } NR > 1 { s = 0; n = 0; t = $0; sub(/<\/w:tblGrid>.*/, "", t); while (match(t, /w:w="[0-9]+"/)) { s += substr(t, RSTART + 5, RLENGTH - 6); n++; t = substr(t, RSTART + RLENGTH) } print n "/" s }' "$x" > "$T/widths"
eq "cn: columns of the three tables" "$(tr '\n' ' ' < "$T/widths")" "4/8845 10/8845 16/8845 "
g=$(awk 'BEGIN { RS = "<w:tblGrid>" } NR == 3 { t = $0; sub(/<\/w:tblGrid>.*/, "", t); gsub(/<w:gridCol w:w="/, "", t); gsub(/"\/>/, " ", t); print t }' "$x")
check "cn: the deepest row labels wider than a number column ($g)" \
	awk -v g="$g" 'BEGIN { split(g, w, " "); exit !(w[3] > 2 * w[4]) }'

# LibreOffice: A4 pages, every label and figure in the text
export HOME="$T/home"
mkdir -p "$HOME" "$T/pdf"
timeout 300 libreoffice -env:UserInstallation="file://$T/lo" --headless \
	--convert-to pdf --outdir "$T/pdf" "$T/seed.docx" "$T/cn.docx" > "$T/lo.out" 2>&1
eq "LibreOffice converts both (exit 0)" "$?" 0
for n in seed cn; do
	pdfinfo "$T/pdf/$n.pdf" > "$T/$n.info" 2>&1
	has "$n: A4 pages" "$T/$n.info" "595.304 x 841.89 pts (A4)"
	pdftotext "$T/pdf/$n.pdf" - | tr -d ' \n\f' > "$T/$n.pdftext"
	missing=""
	while IFS= read -r l; do
		s=$(printf '%s' "$l" | tr -d ' ')
		grep -qF -- "$s" "$T/$n.pdftext" || missing="$missing $l"
	done < "$T/$n.labels"
	# a label wrapped in a narrow cell (2 characters a line in the
	# 16 columns of cases, a group label down its rows) comes out in
	# pieces between its neighbours'; its first line is on the page
	short=""
	for l in $missing; do
		grep -qF -- "$(printf '%s' "$l" | cut -c1-6)" "$T/$n.pdftext" || short="$short $l"
	done
	eq "$n: every label in the PDF's text" "$short" ""
done
pdftotext -layout "$T/pdf/seed.pdf" - > "$T/seed.layout"
check "seed PDF: 主动公开文件数 259 and 1225" grep -qE '主动公开文件数 +条 +259 +1225' "$T/seed.layout"
check "seed PDF: 政府网站公开数 259 and 1078" grep -qE '政府网站公开数 +条 +259 +1078' "$T/seed.layout"
pdftotext -layout "$T/pdf/cn.pdf" - > "$T/cn.layout"
check "cn PDF: 一、本年新收 4 4 4 3 4 4 23" grep -qE '本年新收.* 4 +4 +4 +3 +4 +4 +23' "$T/cn.layout"
check "cn PDF: fees 1.2346 万元" grep -qF 1.2346 "$T/cn.layout"
check "cn PDF: (七)总计 5 4 4 3 3 3 22" grep -qE '总计 +5 +4 +4 +3 +3 +3 +22' "$T/cn.layout"

# through the server
echo "$PW" | "$GONGKAI" user add --db "$DB" --organ shaxian-yjj --login s-leader \
	--role leader --password-stdin > /dev/null || exit 1
start_server "$DB"
login l s-leader "$PW"
O=/admin/o/shaxian-yjj
name=沙县应急管理局2018年政府信息公开工作年度报告
enc() { jq -rn --arg s "$1" '$s | @uri'; }
req l GET "$O/reports/2018?format=fj-county-2018"
has "workspace offers the Word file" "$T/body" "未发布稿（Word 文档，.docx）</a>"
has "with its type" "$T/body" 'type="application/vnd.openxmlformats-officedocument.wordprocessingml.document"'
req l GET "$O/reports/2018/report.docx?format=fj-county-2018"
eq "admin report.docx: 200" "$STATUS" 200
cp "$T/body" "$T/admin.docx"
has "admin: Word content type" "$T/hdr" "Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document"
has "admin: an attachment with the Chinese name" "$T/hdr" "attachment; filename=\""
has "admin: RFC 5987 name" "$T/hdr" "filename*=UTF-8''$(enc "$name（未发布稿）.docx")"
eq "admin: a zip with word/document.xml" "$(unzip -l "$T/admin.docx" | grep -c ' word/document.xml$')" 1
docxml "$T/admin.docx" | texts > "$T/admin.texts"
check "admin: marked as a draft" grep -q '^未发布稿：数据按' "$T/admin.texts"
check "admin: 1225 in it" grep -qx 1225 "$T/admin.texts"
req l GET "$O/reports/2018/report.odt?format=fj-county-2018"
eq "admin: a type gongkai does not write: 404" "$STATUS" 404
req x GET /organ/shaxian-yjj/report/2018/report.docx
eq "portal: unpublished year: 404" "$STATUS" 404
req l GET "$O/reports/2018?format=fj-county-2018"
tok=$(csrf)
req l POST "$O/reports/2018/sections" --data-urlencode "csrf=$tok" \
	--data-urlencode format=fj-county-2018 --data-urlencode action=save \
	--data-urlencode 's_overview=　　{{year}}年共主动公开政府信息{{items.published}}条。'
eq "narrative saved" "$STATUS" 303
req l POST "$O/reports/2018/publish" --data-urlencode "csrf=$tok" \
	--data-urlencode format=fj-county-2018
eq "published" "$STATUS" 303
req x GET /organ/shaxian-yjj/report/2018
has "portal report page offers the Word file" "$T/body" "报告全文（Word 文档，.docx）</a>"
req x GET /organ/shaxian-yjj/report/2018/report.docx
eq "portal report.docx: 200" "$STATUS" 200
cp "$T/body" "$T/portal.docx"
has "portal: Word content type" "$T/hdr" "Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document"
has "portal: RFC 5987 name" "$T/hdr" "filename*=UTF-8''$(enc "$name.docx")"
docxml "$T/portal.docx" | texts > "$T/portal.texts"
check "portal: the narrative filled" grep -qx '2018年共主动公开政府信息259条。' "$T/portal.texts"
check "portal: not a draft" sh -c "! grep -q 未发布稿 '$T/portal.texts'"
req x GET /organ/shaxian-yjj/report/2018/report.xlsy
eq "portal: unknown type: 404" "$STATUS" 404
req x GET /organ/shaxian-yjj/report/2017/report.docx
eq "portal: a year without a report: 404" "$STATUS" 404
q="SELECT a.id || ' ' || a.ctype FROM attachment a JOIN report r ON r.item_id = a.item_id WHERE a.name = '$name.docx'"
att=$(sqlite3 "$DB" "$q")
check "the catalog item has the .docx attached ($att)" [ -n "$att" ]
eq "as a Word file" "${att#* }" application/vnd.openxmlformats-officedocument.wordprocessingml.document
ix=$(sqlite3 "$DB" "SELECT i.index_no FROM item i JOIN report r ON r.item_id = i.id")
req x GET "/organ/shaxian-yjj/item/$ix"
has "the item page lists it" "$T/body" "$name.docx"
req x GET "/organ/shaxian-yjj/attachment/${att%% *}"
eq "the attachment downloads" "$STATUS" 200
cp "$T/body" "$T/att.docx"
docxml "$T/att.docx" > "$T/att.xml"
docxml "$T/portal.docx" > "$T/portal.xml"
check "the attachment is the published report (same document.xml)" cmp -s "$T/att.xml" "$T/portal.xml"
"$GONGKAI" audit list --db "$DB" --limit 50 > "$T/audit"
has "the attachment audited" "$T/audit" "attachment.add"
finish
