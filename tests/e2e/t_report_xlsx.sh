#!/bin/sh
# t_report_xlsx.sh - the annual report as an Excel workbook
# (render/report_xlsx.c): `gongkai report --out x.xlsx` for the seed's
# 2018 (fj-county-2018) and the hand-built cn-2021 year: a 说明 sheet, then
# one sheet per table named after its caption; LibreOffice Calc reads
# every sheet back (CSV) with every table label and every figure of the
# report JSON in order, figures stored as number cells; the merges and
# print set-up (A4, header rows repeated) are in the sheet XML (failing
# checks' notes: unit report_xlsx); the same report gives the same bytes; LibreOffice turns
# it into A4 pages. Through the server: the back office's report.xlsx (a
# draft), the portal's after publication, and the .xlsx attached to the
# annual_report catalog item.
. "$(dirname "$0")/lib.sh"
E2E="$(cd "$(dirname "$0")" && pwd)"
FMT="$E2E/../../data/report-formats"
. "$E2E/xlsx.sh"

# labels FORMAT YEAR ORGAN: every table label, caption and block title of
# the format as printed (hidden labels left out), spaces removed
labels() {
	jq -r --arg o "$3" --arg y "$2" '.tables[] | (.caption,
		(.blocks[] | (.title, .corner, .unit_label,
		 (.cols, .rows | .. | objects | select(.label and (.hide_label | not)) | .label),
		 (.. | objects | .unit? // empty))))
		| select(. != null and . != "") | gsub("{organ}"; $o) | gsub("{year}"; $y)
		| gsub("\\s"; "")' "$FMT/$1.json" | sort -u
}

# xlsx_checks NAME SLUG YEAR FORMAT: the report of $DB as .xlsx and .json
xlsx_checks() {
	n=$1
	"$GONGKAI" report --db "$DB" --organ "$2" --year "$3" --format "$4" \
		--out "$T/$n.xlsx" > "$T/out"
	eq "$n: xlsx written" "$?" 0
	has "$n: says so" "$T/out" "wrote $T/$n.xlsx"
	"$GONGKAI" report --db "$DB" --organ "$2" --year "$3" --format "$4" \
		--out "$T/$n.json" > "$T/out" || exit 1
	organ=$(jq -r .organ "$T/$n.json")
	xlsx_sheets "$T/$n.xlsx" > "$T/$n.sheets"
	{ echo 说明; jq -r --arg o "$organ" --arg y "$3" \
		'.tables[].caption | gsub("{organ}"; $o) | gsub("{year}"; $y)' "$FMT/$4.json"; } > "$T/$n.want-sheets"
	eq "$n: 说明 then a sheet per table, named by caption" "$(diff "$T/$n.want-sheets" "$T/$n.sheets")" ""
	xlsx_csv "$T/$n.xlsx" "$T/$n-csv"
	eq "$n: LibreOffice Calc reads every sheet" "$?:$(ls "$T/$n-csv" | wc -l)" "0:$(wc -l < "$T/$n.sheets")"
	base=$(basename "$T/$n.xlsx" .xlsx)
	about="$T/$n-csv/$base-说明.csv"
	has "$n: 说明 has the title" "$about" "$(jq -r .title "$T/$n.json")"
	has "$n: 说明 has the organ" "$about" "机关,$organ"
	has "$n: 说明 has the year" "$about" "年度,$3"
	has "$n: 说明 lists the checks" "$about" "勾稽关系,结果"
	eq "$n: 说明: one line a check, each passed" \
		"$(grep -c ',通过$' "$about")" "$(jq '[.checks[].rule] | unique | length' "$T/$n.json")"
	tail -n +2 "$T/$n.sheets" | while IFS= read -r s; do cat "$T/$n-csv/$base-$s.csv"; done > "$T/$n.tables.csv"
	tr -d ' ' < "$T/$n.tables.csv" > "$T/$n.flat"
	labels "$4" "$3" "$organ" > "$T/$n.labels"
	missing=$(while IFS= read -r l; do grep -qF -- "$l" "$T/$n.flat" || echo "$l"; done < "$T/$n.labels")
	eq "$n: every table label ($(wc -l < "$T/$n.labels")) in the sheets" "$missing" ""
	csv_numbers "$T/$n.tables.csv" > "$T/$n.got-n"
	jq -r '.cells[] | .value // "" | tostring' "$T/$n.json" | grep -v '^$' > "$T/$n.want-n"
	eq "$n: every figure of the .json, in order ($(wc -l < "$T/$n.want-n"))" \
		"$(diff "$T/$n.want-n" "$T/$n.got-n")" ""
	# figures are number cells (no t="s" string type)
	unzip -p "$T/$n.xlsx" 'xl/worksheets/sheet*.xml' > "$T/$n.sheetxml"
	nnum=$(grep -o '<c r="[A-Z]*[0-9]*" s="[0-9]*"><v>[^<]*</v>' "$T/$n.sheetxml" | wc -l)
	eq "$n: every figure a number cell" "$nnum" "$(wc -l < "$T/$n.want-n")"
	check "$n: merged cells" grep -q '<mergeCell ref=' "$T/$n.sheetxml"
	eq "$n: A4 on every sheet" "$(grep -o 'paperSize="9"' "$T/$n.sheetxml" | wc -l)" "$(wc -l < "$T/$n.sheets")"
	check "$n: header rows repeated" sh -c "unzip -p '$T/$n.xlsx' xl/workbook.xml | grep -q _xlnm.Print_Titles"
	"$GONGKAI" report --db "$DB" --organ "$2" --year "$3" --format "$4" \
		--out "$T/$n-again.xlsx" > "$T/out"
	check "$n: the same report gives the same bytes" cmp -s "$T/$n.xlsx" "$T/$n-again.xlsx"
}

. "$E2E/shaxian_year.sh"
xlsx_checks fj shaxian-yjj 2018 fj-county-2018
has "fj: the seed's row 主动公开文件数 259 1225" "$T/fj.tables.csv" "主动公开文件数,条,259,1225"
has "fj: 政府网站公开数 259 1078" "$T/fj.tables.csv" "政府网站公开数,条,259,1078"
SEED_DB="$DB"

DB="$T/cn.db"
"$GONGKAI" init --db "$DB" > /dev/null || exit 1
. "$E2E/cn2021_year.sh"
cn2021_year "$DB" t 测试局
xlsx_checks cn t 2023 cn-2021
has "cn: 本年新收 4 4 4 3 4 4 23" "$T/cn.tables.csv" "一、本年新收政府信息公开申请数量,,,4,4,4,3,4,4,23"
has "cn: fees in 万元 with 4 decimals" "$T/cn.tables.csv" "1.2346"
check "cn: fees stored as the number 1.2346" grep -q '<v>1.2346</v>' "$T/cn.sheetxml"

# LibreOffice prints both on A4 pages
mkdir -p "$T/pdf"
HOME="$T/lo-home" timeout 300 libreoffice -env:UserInstallation="file://$T/lo-xlsx" --headless \
	--convert-to pdf --outdir "$T/pdf" "$T/fj.xlsx" "$T/cn.xlsx" > "$T/lo.out" 2>&1
eq "LibreOffice converts both to PDF (exit 0)" "$?" 0
for n in fj cn; do
	pdfinfo "$T/pdf/$n.pdf" > "$T/$n.info" 2>&1
	check "$n: A4 pages" grep -qE '(595.30[0-9]* x 841.89|841.89 x 595.30[0-9]*) pts' "$T/$n.info"
	pdftotext "$T/pdf/$n.pdf" - | tr -d ' \n\f' > "$T/$n.pdftext"
	first=$(head -n 1 "$T/$n.labels" | cut -c1-6)
	check "$n: the PDF has the labels ($first…)" grep -qF -- "$first" "$T/$n.pdftext"
done

"$GONGKAI" report --db "$DB" --organ t --year 2023 --format cn-2021 \
	--out "$T/x.xlsm" > "$T/out" 2> "$T/err"
eq "unknown extension exits 2" "$?" 2
has "says .xlsx is known" "$T/err" ".xlsx"

# through the server
DB="$SEED_DB"
PW=gongkai2026
echo "$PW" | "$GONGKAI" user add --db "$DB" --organ shaxian-yjj --login s-leader \
	--role leader --password-stdin > /dev/null || exit 1
start_server "$DB"
login l s-leader "$PW"
O=/admin/o/shaxian-yjj
XL=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
name=沙县应急管理局2018年政府信息公开工作年度报告
enc() { jq -rn --arg s "$1" '$s | @uri'; }
req l GET "$O/reports/2018?format=fj-county-2018"
has "workspace offers the Excel file" "$T/body" "未发布稿（Excel 表格，.xlsx）</a>"
has "with its type" "$T/body" "type=\"$XL\""
req l GET "$O/reports/2018/report.xlsx?format=fj-county-2018"
eq "admin report.xlsx: 200" "$STATUS" 200
cp "$T/body" "$T/admin.xlsx"
has "admin: Excel content type" "$T/hdr" "Content-Type: $XL"
has "admin: RFC 5987 name" "$T/hdr" "filename*=UTF-8''$(enc "$name（未发布稿）.xlsx")"
xlsx_csv "$T/admin.xlsx" "$T/admin-csv"
has "admin: marked as a draft on 说明" "$T/admin-csv/admin-说明.csv" "未发布稿：数据按"
req x GET /organ/shaxian-yjj/report/2018/report.xlsx
eq "portal: unpublished year: 404" "$STATUS" 404
req l GET "$O/reports/2018?format=fj-county-2018"
tok=$(csrf)
req l POST "$O/reports/2018/publish" --data-urlencode "csrf=$tok" \
	--data-urlencode format=fj-county-2018
eq "published" "$STATUS" 303
req x GET /organ/shaxian-yjj/report/2018
has "portal report page offers the Excel file" "$T/body" "报告全文（Excel 表格，.xlsx）</a>"
req x GET /organ/shaxian-yjj/report/2018/report.xlsx
eq "portal report.xlsx: 200" "$STATUS" 200
cp "$T/body" "$T/portal.xlsx"
has "portal: RFC 5987 name" "$T/hdr" "filename*=UTF-8''$(enc "$name.xlsx")"
check "portal: the published workbook is the CLI's for the same figures" cmp -s "$T/portal.xlsx" "$T/fj.xlsx"
q="SELECT a.id || ' ' || a.ctype FROM attachment a JOIN report r ON r.item_id = a.item_id WHERE a.name = '$name.xlsx'"
att=$(sqlite3 "$DB" "$q")
check "the catalog item has the .xlsx attached ($att)" [ -n "$att" ]
eq "as an Excel file" "${att#* }" "$XL"
req x GET "/organ/shaxian-yjj/attachment/${att%% *}"
eq "the attachment downloads" "$STATUS" 200
check "the attachment is the published workbook" cmp -s "$T/body" "$T/portal.xlsx"
finish
