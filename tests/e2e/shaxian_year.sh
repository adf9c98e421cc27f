# shaxian_year.sh - sourced by e2e scripts after lib.sh: the seed bureau
# 沙县应急管理局 (slug shaxian-yjj) in $DB with its 2018 records and 2017
# totals imported from tests/fixtures/shaxian-yjj-2018.

FIX="$(cd "$(dirname "$0")/../fixtures/shaxian-yjj-2018" && pwd)"
DB="$T/g.db"
"$GONGKAI" init --db "$DB" > /dev/null || exit 1
"$GONGKAI" organ add --db "$DB" --name 沙县应急管理局 --slug shaxian-yjj \
	--code 003510427 > /dev/null || exit 1
"$GONGKAI" import --db "$DB" --organ shaxian-yjj items "$FIX/items.csv" > "$T/out"
eq "the 259 items of 2018 imported" "$?" 0
"$GONGKAI" import --db "$DB" --organ shaxian-yjj baseline "$FIX/baseline.csv" > "$T/out"
eq "the 2017 totals imported" "$?" 0
"$GONGKAI" import --db "$DB" --organ shaxian-yjj activities "$FIX/activities.csv" > "$T/out"
eq "the year's other work imported" "$?" 0
