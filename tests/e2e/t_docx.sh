#!/bin/sh
# t_docx.sh - the .docx writer (src/render/docx.c) checked with real office
# software: tests/tools/docx_sample writes a reply letter, a page-grid
# document and a long table with merged cells; LibreOffice turns them into
# PDF (and the table into HTML), and poppler's pdfinfo/pdftotext read back
# the page size, page count, text, and where things sit on the page
# (GB/T 9704-2012: 22 lines of 28 characters, 28 mm inside and 26 mm
# outside margins mirrored on even pages, "— N —" page numbers on the
# outer side).
. "$(dirname "$0")/lib.sh"

SAMPLE="${DOCX_SAMPLE:-$(dirname "$GONGKAI")/docx_sample}"
export HOME="$T/home" # LibreOffice keeps its profile there
mkdir -p "$HOME" "$T/pdf" "$T/html"

for k in letter grid table; do
	"$SAMPLE" "$k" "$T/$k.docx" 2> "$T/err"
	eq "docx_sample $k (exit 0)" "$?" 0
done
timeout 300 libreoffice --headless --convert-to pdf --outdir "$T/pdf" \
	"$T/letter.docx" "$T/grid.docx" "$T/table.docx" > "$T/lo.out" 2>&1
eq "LibreOffice converts the three documents to PDF (exit 0)" "$?" 0
timeout 300 libreoffice --headless --convert-to html --outdir "$T/html" \
	"$T/table.docx" > "$T/lo.out" 2>&1
eq "LibreOffice converts the table to HTML (exit 0)" "$?" 0

# text FILE [PAGE]: the PDF's text (one page, or all) without spaces (which
# pdftotext puts between Chinese and Latin text) and page-end form feeds.
text() {
	if [ -n "${2:-}" ]; then
		pdftotext -f "$2" -l "$2" "$1" - | tr -d ' \f'
	else
		pdftotext "$1" - | tr -d ' \f'
	fi
}
# words FILE PAGE: "xMin yMin xMax yMax word" for each word on the page.
words() {
	pdftotext -f "$2" -l "$2" -bbox "$1" - |
		sed -n 's/.*<word xMin="\([0-9.]*\)" yMin="\([0-9.]*\)" xMax="\([0-9.]*\)" yMax="\([0-9.]*\)">\(.*\)<\/word>.*/\1 \2 \3 \4 \5/p'
}
# near DESCRIPTION GOT WANT TOLERANCE: |GOT - WANT| <= TOLERANCE
near() {
	if awk -v g="$2" -v w="$3" -v t="$4" \
		'BEGIN { d = g - w; if (d < 0) d = -d; exit !(g != "" && d <= t) }'; then
		ok "$1"
	else
		bad "$1" "got '$2', want $3 +- $4"
	fi
}

for k in letter grid table; do
	pdfinfo "$T/pdf/$k.pdf" > "$T/$k.info" 2>&1
	has "$k: page size is A4" "$T/$k.info" "595.304 x 841.89 pts (A4)"
done
pages() { sed -n 's/^Pages: *//p' "$T/$1.info"; }
eq "letter: one page" "$(pages letter)" 1
eq "grid: three pages of 22 lines" "$(pages grid)" 3
check "table: at least two pages" [ "$(pages table)" -ge 2 ]

# The letter.
text "$T/pdf/letter.pdf" > "$T/letter.txt"
for s in 政府信息公开申请答复告知书 沙应急依复〔2026〕3号 张三： 一、答复意见 \
	（一）获取方式 您申请的信息属于公开范围。 "特殊字符<&>\"'应原样显示。" \
	第二段：信息以电子邮件方式提供。 沙县应急管理局 2026年3月16日 \
	（联系人：李四，联系电话：0598-5800000） —1—; do
	has "letter shows $s" "$T/letter.txt" "$s"
done
words "$T/pdf/letter.pdf" 1 > "$T/letter.words"
x=$(awk '$5 == "张三：" { print $1; exit }' "$T/letter.words")
near "addressee starts at the 28 mm margin" "$x" 79.4 2
x=$(awk '$5 ~ /^本机关于/ { print $1; exit }' "$T/letter.words")
near "body is indented two characters" "$x" 111.4 2
x=$(awk '$5 == "沙县应急管理局" { print $3; exit }' "$T/letter.words")
near "signature ends four characters in from the right" "$x" 457.6 3

# The grid: 28 characters a line, 22 lines a page, mirrored margins.
line28=甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土日
text "$T/pdf/grid.pdf" 1 > "$T/grid1.txt"
eq "28 characters fit one line" "$(grep -c -x "$line28" "$T/grid1.txt")" 2
check "the 29th character wraps" grep -q -x 月 "$T/grid1.txt"
eq "page 1 ends with line 22" "$(grep -v '^—' "$T/grid1.txt" | grep . | tail -n 1)" 第22行
eq "page 2 starts with line 23" "$(text "$T/pdf/grid.pdf" 2 | head -n 1)" 第23行
eq "page 3 starts with line 45" "$(text "$T/pdf/grid.pdf" 3 | head -n 1)" 第45行
words "$T/pdf/grid.pdf" 1 > "$T/grid1.words"
words "$T/pdf/grid.pdf" 2 > "$T/grid2.words"
near "odd page: text starts 28 mm from the left edge" \
	"$(awk 'NR == 1 { print $1 }' "$T/grid1.words")" 79.4 2
near "even page: text starts 26 mm from the left edge" \
	"$(awk 'NR == 1 { print $1 }' "$T/grid2.words")" 73.7 2
near "28 characters are 441 pt wide" \
	"$(awk 'NR == 1 { print $3 - $1 }' "$T/grid1.words")" 441 2
near "lines are 28.95 pt apart" \
	"$(awk '$5 == "月" { m = $2 } NR == 1 { f = $2 } END { print (m - f) / 2 }' "$T/grid1.words")" 28.95 0.3
near "first line sits below the 37 mm top margin" \
	"$(awk 'NR == 1 { print $2 }' "$T/grid1.words")" 111 4
has "page number 1" "$T/grid1.txt" "—1—"
text "$T/pdf/grid.pdf" 2 > "$T/grid2.txt"
has "page number 2" "$T/grid2.txt" "—2—"
near "odd page number: right, one character in" \
	"$(awk '$5 == "—" { x = $3 } END { print x }' "$T/grid1.words")" 507.6 3
near "even page number: left, one character in" \
	"$(awk '$5 == "—" { print $1; exit }' "$T/grid2.words")" 87.7 3
near "page number 7 mm below the text area" \
	"$(awk '$5 == "—" { print $2; exit }' "$T/grid1.words")" 762.5 4

# The table: texts, the header repeated on every page, merged cells.
text "$T/pdf/table.pdf" > "$T/table.txt"
for s in 年度报告表格样例 三、收到和处理政府信息公开申请情况 本列数据的勾稽关系为： \
	第一项加第二项之和 申请人情况 自然人 法人或其他 总计 \
	一、本年新收政府信息公开申请数量 予以公开（1） 其他处理（12） 514 \
	四、结转下年度继续办理 （表尾合并单元格） 注：表中数据为样例。; do
	has "table shows $s" "$T/table.txt" "$s"
done
n=$(pages table)
p=2
while [ "$p" -le "$n" ]; do
	text "$T/pdf/table.pdf" "$p" > "$T/table$p.txt"
	has "header row repeated on page $p" "$T/table$p.txt" 申请人情况
	has "second header row repeated on page $p" "$T/table$p.txt" 法人或其他
	p=$((p + 1))
done
h="$T/html/table.html"
count() { grep -o "$1" "$h" | wc -l | tr -d ' '; }
eq "LibreOffice sees the 2x2 corner cell" "$(count '<td rowspan="2" colspan="2"')" 1
eq "LibreOffice sees six 12-row merged group cells" "$(count '<td rowspan="12"')" 6
eq "LibreOffice sees two 3-column cells" "$(count '<td colspan="3"')" 2
eq "LibreOffice sees two 2-column label cells" "$(count '<td colspan="2"')" 2
eq "LibreOffice sees 76 rows" "$(count '<tr')" 76
has "LibreOffice sees repeated header rows" "$h" "<thead>"

finish
