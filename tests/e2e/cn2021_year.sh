# cn2021_year.sh - sourced by e2e scripts after lib.sh: organ 测试局 (slug t)
# in $DB with the hand-built 2023 of t_report_cn2021.sh (every outcome
# code, applicant kind, carry-in/out, pending cases, activities, rules).

DB="$T/g.db"
"$GONGKAI" init --db "$DB" > /dev/null || exit 1
"$GONGKAI" organ add --db "$DB" --name 测试局 --slug t > /dev/null || exit 1
imp() { "$GONGKAI" import --db "$DB" --organ t "$1" "$2" > /dev/null; eq "import $1" "$?" 0; }

# 21 outcomes, received and replied in 2023, applicant kind i mod 6
kinds="natural commercial research public_interest legal_service other"
outs="disclosed partial withheld.state_secret withheld.law_prohibited
withheld.security_stability withheld.third_party withheld.internal_affairs
withheld.process_info withheld.enforcement_file withheld.query_matter
unavailable.not_held unavailable.needs_creation unavailable.unclear
not_processed.petition not_processed.duplicate not_processed.publication
not_processed.excessive not_processed.confirmation other.no_supplement
other.fee_unpaid other.other"
{
	echo "received_date,channel,applicant_kind,outcome,replied_date"
	i=0
	for o in $outs; do
		k=$(echo $kinds | cut -d' ' -f$((i % 6 + 1)))
		echo "2023-04-0$((i % 9 + 1)),online,$k,$o,2023-06-$((i % 9 + 10))"
		i=$((i + 1))
	done
	echo "2022-12-20,letter,natural,disclosed,2023-01-10"   # carried in, replied
	echo "2022-12-21,in_person,commercial,,"               # carried in and out
	echo "2023-12-28,fax,legal_service,,"                  # carried out
	echo "2023-12-01,email,other,partial,2024-01-05"       # carried out
	echo "2022-03-01,online,natural,disclosed,2022-03-20"  # 2022 only
	echo "2024-02-01,online,natural,disclosed,2024-02-20"  # 2024 only
} > "$T/apps.csv"
imp applications "$T/apps.csv"
cat > "$T/cases.csv" <<'CSV'
kind,filed_date,result,closed_date
review,2023-02-01,upheld,2023-05-01
review,2023-06-01,corrected,2024-01-15
litigation_direct,2023-03-01,other,2023-09-01
litigation_after_review,2023-08-01,pending,
review,2022-05-01,upheld,2022-07-01
CSV
imp cases "$T/cases.csv"
cat > "$T/acts.csv" <<'CSV'
date,kind,count,amount,title
2023-02-01,licence_decision,5,,许可
2023-09-01,licence_decision,7,,许可
2022-09-01,licence_decision,9,,上年
2023-03-01,penalty,3,,处罚
2023-04-01,coercion,1,,强制
2023-05-01,fee_income,1,12345.67,收费
2023-11-01,fee_income,1,0.5,收费
CSV
imp activities "$T/acts.csv"
cat > "$T/items.csv" <<'CSV'
title,category,kind,published_date,abolished_date
规章一,通知公告,rule,2023-02-01,
规章二,通知公告,rule,2023-07-01,
旧规范性文件,通知公告,normative,2021-03-01,2023-06-30
新规范性文件,通知公告,normative,2023-05-01,
次年规章,通知公告,rule,2024-01-02,
CSV
imp items "$T/items.csv"

