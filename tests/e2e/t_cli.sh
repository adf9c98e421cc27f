#!/bin/sh
# t_cli.sh - every subcommand's success and its bad usage (exit 2), with
# the database on disk, and `audit verify` catching a tampered row.
. "$(dirname "$0")/lib.sh"

G="$GONGKAI"
# run EXPECTED-EXIT DESCRIPTION ARGS...: output in $T/out, stderr $T/err
run() {
	want=$1; d=$2; shift 2
	"$G" "$@" > "$T/out" 2> "$T/err" < /dev/null
	eq "$d (exit $want)" "$?" "$want"
}

run 0 "help" help
has "help lists init" "$T/out" 'init'
run 2 "no command" 
run 2 "unknown command" frobnicate
has "unknown command named" "$T/err" "frobnicate"
run 0 "version" version
has "version prints" "$T/out" 'gongkai '
for c in init serve organ user audit version help; do
	run 0 "$c --help" "$c" --help
	has "$c --help shows usage" "$T/out" 'usage:'
done
run 0 "help init" help init
run 2 "help for an unknown command" help nope

run 2 "init without --db" init
has "init names the missing option" "$T/err" '--db'
run 2 "init with an unknown option" init --db "$T/a.db" --bogus
has "unknown option named" "$T/err" '--bogus'
run 2 "init with a stray argument" init --db "$T/a.db" extra
run 0 "init" init --db "$T/a.db"
check "database file exists" test -s "$T/a.db"
run 2 "init refuses an existing database" init --db "$T/a.db"
has "refusal explains --force" "$T/err" '--force'
run 0 "init --force --demo replaces it" init --db "$T/a.db" --force --demo
has "demo accounts are printed" "$T/out" 'yjj-clerk'
echo "not a database" > "$T/text.db"
run 2 "init refuses a foreign file" init --db "$T/text.db"
has "foreign file message" "$T/err" 'not a gongkai database'
check "foreign file untouched" grep -q "not a database" "$T/text.db"

run 0 "organ list" organ list --db "$T/a.db"
has "organ list shows the demo organ" "$T/out" 'shaxian-yjj	沙县应急管理局	003510427	沙县人民政府'
run 0 "organ add" organ add --db "$T/a.db" --name 沙县林业局 --slug shaxian-lyj \
	--code 003510450 --parent 沙县人民政府 --phone 0598-5800000
run 0 "organ add without slug" organ add --db "$T/a.db" --name 沙县水利局
has "generated slug" "$T/out" '(org-'
run 0 "organ list again" organ list --db "$T/a.db"
has "added organ listed with its code and parent" "$T/out" 'shaxian-lyj	沙县林业局	003510450	沙县人民政府'
run 2 "organ add duplicate name" organ add --db "$T/a.db" --name 沙县林业局
run 2 "organ add duplicate slug" organ add --db "$T/a.db" --name X局 --slug shaxian-lyj
run 2 "organ add bad slug" organ add --db "$T/a.db" --name Y局 --slug 'Bad Slug'
run 2 "organ add unknown parent" organ add --db "$T/a.db" --name Z局 --parent nowhere
run 2 "organ add without name" organ add --db "$T/a.db"
run 2 "organ add without db" organ add --name W局
run 2 "organ add on a missing db" organ add --db "$T/missing.db" --name W局
check "missing db not created" test ! -e "$T/missing.db"
run 2 "organ unknown subcommand" organ remove --db "$T/a.db"
run 2 "organ without subcommand" organ

printf 'pass-word-1\n' > "$T/pw"
"$G" user add --db "$T/a.db" --organ shaxian-lyj --login lyj-clerk --role clerk \
	--name 李四 --password-stdin < "$T/pw" > "$T/out" 2> "$T/err"
eq "user add --password-stdin (exit 0)" "$?" 0
"$G" user add --db "$T/a.db" --organ 沙县林业局 --login lyj-leader --role leader \
	> "$T/out" 2> "$T/err" < /dev/null
eq "user add with a generated password (exit 0)" "$?" 0
has "generated password printed" "$T/out" 'password: '
printf 'short\n' | "$G" user add --db "$T/a.db" --organ shaxian-lyj \
	--login lyj-x --role clerk --password-stdin > /dev/null 2> "$T/err"
eq "user add with a weak password (exit 2)" "$?" 2
has "weak password message" "$T/err" '至少需要 8 个字符'
run 2 "user add bad role" user add --db "$T/a.db" --organ shaxian-lyj --login q1 --role boss
run 2 "user add unknown organ" user add --db "$T/a.db" --organ nowhere --login q2 --role clerk
run 2 "user add duplicate login" user add --db "$T/a.db" --organ shaxian-lyj --login LYJ-CLERK --role clerk
run 2 "user add missing login" user add --db "$T/a.db" --organ shaxian-lyj --role clerk
run 0 "user list" user list --db "$T/a.db" --organ shaxian-lyj
has "user list shows the user" "$T/out" 'lyj-clerk	clerk	shaxian-lyj	李四'
run 2 "user list unknown organ" user list --db "$T/a.db" --organ nowhere
printf 'another-pass-2\n' | "$G" user passwd --db "$T/a.db" --login lyj-clerk \
	--password-stdin > "$T/out" 2>&1
eq "user passwd (exit 0)" "$?" 0
run 2 "user passwd without a password" user passwd --db "$T/a.db" --login lyj-clerk
run 2 "user passwd unknown login" user passwd --db "$T/a.db" --login nobody --password-stdin
run 0 "user disable" user disable --db "$T/a.db" --login lyj-clerk
run 0 "user list shows disabled" user list --db "$T/a.db"
has "disabled marker" "$T/out" '(disabled)'
run 0 "user enable" user enable --db "$T/a.db" --login lyj-clerk
run 2 "user unknown subcommand" user delete --db "$T/a.db" --login lyj-clerk

run 0 "audit verify" audit verify --db "$T/a.db"
has "verify reports intact" "$T/out" 'audit chain intact'
run 0 "audit list" audit list --db "$T/a.db" --limit 5
check "audit list honours --limit" test "$(wc -l < "$T/out")" -eq 5
run 2 "audit list bad limit" audit list --db "$T/a.db" --limit 0
run 2 "audit unknown subcommand" audit fix --db "$T/a.db"
run 2 "audit verify without db" audit verify

# Tamper with one row behind gongkai's back: verify must fail (exit 1).
sqlite3 "$T/a.db" "DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'mallory' WHERE id = 3;"
run 1 "audit verify detects a tampered row" audit verify --db "$T/a.db"
has "verify names the row" "$T/out" 'audit row 3'
finish
