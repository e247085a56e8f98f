#!/bin/sh
# t0230-finer-checks.sh - the finer checks of the loop: no-purpose,
# vague-feedback, feedback-not-forward, blocker-no-impact and
# recurring-blocker, each at its line in English and in Korean notes, and
# none of them on notes that are specific; every phrase of the
# vocabularies both ways (tests/cases/vocab/LANG.tsv, which must list each
# phrase of templates/LANG/vocab); the built-in templates, left empty or
# filled in, trigger none of them falsely.
. "$(dirname "$0")/lib.sh"

VOCAB=$ROOT/tests/cases/vocab
TAB=$(printf '\t')

# finer FILE: "file:line code" for each problem of these checks in FILE
# (notes check output).
finer() {
	sed -n 's/^\([^:]*\):\([0-9]*\):[0-9]*: warning: .*\[\(no-purpose\|vague-feedback\|feedback-not-forward\|blocker-no-impact\|recurring-blocker\)\]$/\1:\2 \3/p' "$1"
}

# front DATE [PERSON]: a note's front matter.
front() {
	printf -- '---\nperson: %s\nleader: kim\ndate: %s 10:00\n---\n' "${2:-alice}" "$1"
}

test_expect_success 'English: each finer check at its line' '
	{ front 2026-11-23 && cat <<-\EOF; } >en.md &&

	# 1:1 — Alice Park — 2026-11-23

	## Goals
	- #conv Raise conversion

	## Blockers
	- Staging deploys take 3 hours #infra
	  - kind: environment
	- [x] The fraud API timed out #fraud
	  - kind: environment

	## Support within 48 hours
	- [ ] Book a staging slot

	## Focus for the next 5 days
	- [ ] Call five users #conv
	  - metric: calls made

	## Feedback
	- Good job!
	- Thanks for the honest review of the survey.
	- Good call to stop the rollout when the error rate moved.
	EOF
	notes check en.md >out 2>err &&
	test_no_crash err &&
	finer out >actual &&
	cat >expect <<-\EOF &&
	en.md:7 no-purpose
	en.md:13 blocker-no-impact
	en.md:25 feedback-not-forward
	en.md:26 vague-feedback
	EOF
	test_cmp expect actual &&
	test_grep "^en\.md:7:1: warning: no purpose line: say what this meeting is for \(Purpose: \.\.\.\) \[no-purpose\]$" out &&
	test_grep "^en\.md:13:1: warning: blocker .Staging deploys take 3 hours. has no impact: what does it cost if it continues\? \[blocker-no-impact\]$" out &&
	test_grep "^en\.md:25:1: warning: no feedback item looks forward: end with what to do next \[feedback-not-forward\]$" out &&
	test_grep "^en\.md:26:1: warning: .Good job!. is only generic praise or blame: name what was done and what it did \[vague-feedback\]$" out
'

test_expect_success 'English: the same note made specific has none of them' '
	sed -e "s/^# 1:1 .*/&\n\nPurpose: decide how far to roll out./" \
		-e "s/^  - kind: environment$/&\n  - impact: one deploy a day/" \
		-e "s/^- Good job!$/- The rollout plan was easy to follow. Next time post the graph with it./" \
		en.md >specific.md &&
	notes check specific.md >out 2>err &&
	finer out >actual &&
	test_cmp /dev/null actual
'

test_expect_success 'an empty purpose line is reported on its own line' '
	{ front 2026-11-23 && printf "Purpose:   \n\n## Feedback\n- Next time bring the numbers.\n"; } >p.md &&
	{ front 2026-11-23 && printf "목적:\n\n## 피드백\n- 다음에는 숫자부터 보여 주세요.\n"; } >p-ko.md &&
	{ front 2026-11-23 && printf "**Purpose:** plan the launch.\n\n## Feedback\n- Next time bring the numbers.\n"; } >p-bold.md &&
	notes check p.md p-ko.md p-bold.md >out 2>err &&
	finer out >actual &&
	printf "p.md:6 no-purpose\np-ko.md:6 no-purpose\n" >expect &&
	test_cmp expect actual &&
	test_grep "^p\.md:6:1: warning: the purpose line is empty: say what this meeting is for \[no-purpose\]$" out
'

test_expect_success 'Korean: each finer check at its line' '
	{ front 2026-11-26 minji && cat <<-\EOF; } >ko.md &&

	# 1:1 — 김민지 — 2026-11-26

	## 목표
	- #온보딩 가입 전환율 개선

	## 지금 막힌 것은?
	- 스테이징 배포가 3시간 걸린다 #인프라
	  - 유형: 환경
	- [x] 사기 탐지 API가 멈췄다 #사기
	  - 유형: 환경

	## 제가 48시간 안에 도와드릴 것은?
	- [ ] 스테이징 슬롯 예약

	## 앞으로 5일 동안 집중할 실행은?
	- [ ] 이탈 고객 다섯 명과 통화 #온보딩
	  - 지표: 통화 수

	## 피드백
	- 정말 잘했어요!
	- 솔직하게 회고해 줘서 고마워요, 설문 결과를 다시 볼 수 있었어요.
	- 지난주 데이터 분석 방식이 전환율 원인 파악에 효과적이었다.
	EOF
	notes check ko.md >out 2>err &&
	test_no_crash err &&
	finer out >actual &&
	cat >expect <<-\EOF &&
	ko.md:7 no-purpose
	ko.md:13 blocker-no-impact
	ko.md:25 feedback-not-forward
	ko.md:26 vague-feedback
	EOF
	test_cmp expect actual
'

test_expect_success 'Korean: the same note made specific has none of them' '
	sed -e "s/^# 1:1 .*/&\n\n목적: 알림톡 출시 범위 결정./" \
		-e "s/^  - 유형: 환경$/&\n  - 영향: 하루에 한 번만 배포/" \
		-e "s/^- 정말 잘했어요!$/- 출시 계획이 읽기 쉬웠어요. 다음 실행에서는 이 방식을 어떻게 확장할 수 있을까요?/" \
		ko.md >specific-ko.md &&
	notes check specific-ko.md >out 2>err &&
	finer out >actual &&
	test_cmp /dev/null actual
'

# Each phrase of the vocabularies, both ways. A note per example: for a
# purpose row the example is the note's purpose line, for the others its
# one feedback item.
write_example() { # LANG KIND TEXT
	if [ "$2" = purpose ]; then
		purpose=$3
	elif [ "$1" = ko ]; then
		purpose="목적: 출시 준비"
	else
		purpose="Purpose: prepare the launch."
	fi
	case $1.$2 in
	*.purpose) feedback="- Next time bring the numbers." ;;
	*) feedback="- $3" ;;
	esac
	front 2026-11-23 &&
	printf "%s\n\n## Feedback\n%s\n" "$purpose" "$feedback"
}

for lang in en ko; do
	test_expect_success "$lang: every phrase of the vocabulary has its examples" '
		grep -E "^(purpose|praise|filler|forward)$TAB" "$ROOT/templates/$lang/vocab" |
			cut -f1,2 | sort >vocab-$lang &&
		grep -v "^#" "$VOCAB/$lang.tsv" | cut -f1,2 | sort -u >examples-$lang &&
		test_cmp vocab-$lang examples-$lang &&
		test -s vocab-$lang
	'

	test_expect_success "$lang: setup: a note for each example, checked" '
		mkdir ex-$lang &&
		i=0 &&
		while IFS="$TAB" read -r kind pattern yes no; do
			case $kind in "#"*|"") continue ;; esac &&
			i=$((i + 1)) &&
			write_example $lang "$kind" "$yes" >ex-$lang/$i-yes.md &&
			write_example $lang "$kind" "$no" >ex-$lang/$i-no.md || return 1
		done <"$VOCAB/$lang.tsv" &&
		notes check ex-$lang/*.md >ex-$lang.out 2>err &&
		test_no_crash err &&
		finer ex-$lang.out >ex-$lang.finer
	'

	i=0
	while IFS="$TAB" read -r kind _ yes no <&3; do
		case $kind in "#"*|"") continue ;; esac
		i=$((i + 1))
		case $kind in
		purpose) code=no-purpose what="is a purpose line" ;;
		forward) code=feedback-not-forward what="looks forward" ;;
		*) code=vague-feedback what="is vague" ;;
		esac
		test_expect_success "$lang.tsv phrase $i, $kind: '$yes' $what, '$no' not" '
			if [ $code = vague-feedback ]; then
				grep -q "^ex-$lang/$i-yes.md:[0-9]* $code$" ex-$lang.finer &&
				! grep -q "^ex-$lang/$i-no.md:[0-9]* $code$" ex-$lang.finer
			else
				! grep -q "^ex-$lang/$i-yes.md:[0-9]* $code$" ex-$lang.finer &&
				grep -q "^ex-$lang/$i-no.md:[0-9]* $code$" ex-$lang.finer
			fi
		'
	done 3<"$VOCAB/$lang.tsv"
done

# recurring-blocker: three weeks of alice in a journal.
blockers_note() { # DATE BLOCKERS
	front "$1" &&
	printf "Purpose: the week.\n\n## Blockers\n%s\n\n## Feedback\n- Next time bring the numbers.\n" "$2"
}

test_expect_success 'recurring-blocker: a blocker of this week in each of the two previous notes' '
	export NOTES_NOW=2026-11-23T09:00 &&
	notes init j --leader kim >out &&
	notes -C j person add alice >out &&
	mkdir j/alice &&
	blockers_note 2026-11-09 "- Staging deploys take 3 hours #infra
- No access to analytics
- The laptop is slow #laptop" >j/alice/2026-11-09.md &&
	blockers_note 2026-11-16 "- [x] Deploys are slow again #infra
- No access to   Analytics" >j/alice/2026-11-16.md &&
	blockers_note 2026-11-23 "- Staging deploys take 3 hours #infra
  - kind: environment
  - impact: one deploy a day
- no access to analytics
  - 범위: 이번 주
  - impact: no funnel numbers
- Staging deploys still take 3 hours #infra #deploys
  - scope: structural
  - impact: one deploy a day
- The laptop is slow #laptop
  - impact: builds take ten minutes" >j/alice/2026-11-23.md &&
	notes -C j check alice/2026-11-23.md >out 2>err &&
	test_no_crash err &&
	finer out >actual &&
	printf "alice/2026-11-23.md:9 recurring-blocker\nalice/2026-11-23.md:12 recurring-blocker\n" >expect &&
	test_cmp expect actual &&
	test_grep "^alice/2026-11-23\.md:9:1: warning: blocker .Staging deploys take 3 hours. \(#infra\) was also in the notes of 2026-11-09 and 2026-11-16: one that returns every week is structural \(scope: structural\) \[recurring-blocker\]$" out &&
	test_grep "^alice/2026-11-23\.md:12:1: warning: blocker .no access to analytics. was also in the notes of 2026-11-09 and 2026-11-16: " out
'

test_expect_success 'recurring-blocker: not with one previous note, nor outside the journal' '
	notes -C j check alice/2026-11-16.md >out 2>err &&
	test_grep "\[blocker-no-impact\]$" out &&
	! grep -q recurring-blocker out &&
	cp j/alice/2026-11-23.md lone.md &&
	notes check lone.md >out 2>err &&
	test_grep "\[blocker-unclassified\]$" out &&
	! grep -q recurring-blocker out
'

test_expect_success 'recurring-blocker: parse --json of the note shows the same problems' '
	notes -C j parse --json alice/2026-11-23.md >p.json &&
	jq -r ".problems[] | select(.code == \"recurring-blocker\") | .line" p.json >actual &&
	printf "9\n12\n" >expect &&
	test_cmp expect actual
'

# The built-in templates: a note just written by notes new, and the same
# note filled in as a user would, replacing each placeholder.
test_expect_success 'the templates: an unfilled note has only its empty purpose line' '
	export NOTES_NOW=2026-11-30T09:00 &&
	notes init t --leader kim >out &&
	notes -C t person add alice --slot "mon 10:00" >out &&
	notes -C t person add minji --slot "thu 14:00" --lang ko >out &&
	notes -C t new alice --no-edit >out &&
	notes -C t new minji --no-edit >out &&
	notes -C t check alice minji >out 2>err &&
	finer out >actual &&
	printf "alice/2026-11-30.md:9 no-purpose\nminji/2026-12-03.md:9 no-purpose\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'the templates: filled in, they trigger none of the finer checks' '
	sed -i -e "s/^Purpose: $/Purpose: plan the launch./" \
		-e "/^## Goals$/,/^$/s/^- $/- #conv Raise conversion/" \
		-e "/^## What is blocking/,/^$/s/^- $/- Staging is slow #infra/" \
		-e "s/^  - kind: capability | environment$/  - kind: environment/" \
		-e "s/^  - scope: week | structural$/  - scope: week/" \
		-e "s/^  - impact: $/  - impact: one deploy a day/" \
		-e "s/^- \[ \] $/- [ ] Call five users #conv/" \
		-e "s/^  - metric: $/  - metric: calls made/" \
		-e "s/^  - fallback: $/  - fallback: a survey/" \
		-e "/^## Feedback$/,/^$/s/^- $/- The write-up was clear; next time add the numbers./" \
		t/alice/2026-11-30.md &&
	sed -i -e "s/^목적: $/목적: 출시 계획./" \
		-e "/^## 목표$/,/^$/s/^- $/- #conv 전환율 개선/" \
		-e "/^## 지금 막힌/,/^$/s/^- $/- 스테이징이 느리다 #infra/" \
		-e "s/^  - 유형: 역량 | 환경$/  - 유형: 환경/" \
		-e "s/^  - 범위: 이번 주 | 구조$/  - 범위: 이번 주/" \
		-e "s/^  - 영향: $/  - 영향: 하루에 한 번 배포/" \
		-e "s/^- \[ \] $/- [ ] 고객 다섯 명과 통화 #conv/" \
		-e "s/^  - 지표: $/  - 지표: 통화 수/" \
		-e "s/^  - 대안: $/  - 대안: 설문/" \
		-e "/^## 피드백$/,/^$/s/^- $/- 정리가 명확했어요. 다음에는 숫자도 넣어 주세요./" \
		t/minji/2026-12-03.md &&
	! grep -q "^- $" t/alice/2026-11-30.md &&
	! grep -q "^- $" t/minji/2026-12-03.md &&
	notes -C t check alice minji >out 2>err &&
	test_no_crash err &&
	finer out >actual &&
	test_cmp /dev/null actual &&
	test_cmp /dev/null out
'

test_done
