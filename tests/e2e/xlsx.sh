# xlsx.sh - sourced by e2e scripts after lib.sh: reading .xlsx workbooks
# back, by unzipping them and through LibreOffice Calc.

# xlsx_sheets FILE: the sheet names in workbook order, one a line
xlsx_sheets() {
	unzip -p "$1" xl/workbook.xml | grep -o '<sheet name="[^"]*"' |
		sed 's/^<sheet name="//; s/"$//'
}

# xlsx_csv FILE DIR: every sheet of FILE as DIR/BASE-SHEET.csv (UTF-8,
# values as shown), converted by LibreOffice; returns its exit status
xlsx_csv() {
	mkdir -p "$2" "$T/lo-home"
	HOME="$T/lo-home" timeout 300 libreoffice -env:UserInstallation="file://$T/lo-xlsx" \
		--headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' \
		--outdir "$2" "$1" > "$T/lo-csv.out" 2>&1
}

# csv_numbers FILE...: the fields that are plain numbers, in reading order
csv_numbers() {
	cat "$@" | tr ',' '\n' | tr -d '"' | grep -xE -- '-?[0-9]+(\.[0-9]+)?'
}
