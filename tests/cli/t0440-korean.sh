#!/bin/sh
# t0440-korean.sh - the messages in Korean (LANG=ko_KR.UTF-8, LANGUAGE=ko):
# every command's help, an error, a usage error, check, status, review and
# person list, with columns that line up by display width; English under C
# even with LANGUAGE=ko; JSON and commit messages byte for byte the same in
# both locales.
. "$(dirname "$0")/lib.sh"

export NOTES_NOW=2026-11-30T09:00

# journal DIR: a team journal of kim with minji (Korean notes, a Hangul
# name) and alice, and minji's notes of the last two weeks.
journal() {
	NOTES_NOW=2026-11-16T09:00 notes init "$1" --leader kim --name "김원우" --lang ko >/dev/null &&
	notes -C "$1" person add minji --name "이민지" --slot "월 10:00" >/dev/null &&
	notes -C "$1" person add alice --name "Alice Park" --slot "tue 14:00" --lang en >/dev/null &&
	mkdir "$1/minji" &&
	cat >"$1/minji/2026-11-16.md" <<-\EOF &&
	---
	person: minji
	leader: kim
	date: 2026-11-16 10:00
	---
	# 1:1 — 이민지 — 2026-11-16

	목적: 온보딩 첫 주 점검

	## 목표
	- #온보딩 첫 주 안에 배포까지

	## 지금 막힌 것은?
	- 테스트 기기가 없다 #기기
	  - 유형: 환경
	  - 범위: 이번 주
	  - 영향: 배포가 하루 늦어진다

	## 제가 48시간 안에 도와드릴 것은?
	- [ ] 기기 대여 신청 ^sup001

	## 앞으로 5일 동안 집중할 실행은?
	- [ ] 첫 배포 #온보딩 ^foc001
	  - 지표: 배포 1회
	- [ ] 코드 리뷰 두 건 #온보딩 ^foc002
	  - 지표: 리뷰 2건

	## 피드백
	- 질문을 먼저 올려 준 덕분에 설정이 빨리 끝났다. 다음 주에도 막히면 바로 알려 주세요.
	EOF
	cat >"$1/minji/2026-11-23.md" <<-\EOF
	---
	person: minji
	leader: kim
	date: 2026-11-23 10:00
	---
	# 1:1 — 이민지 — 2026-11-23

	목적: 

	## 목표
	- #온보딩 첫 주 안에 배포까지

	## 지난주 합의한 실행은 어떻게 되었나요?
	- [x] 첫 배포 #온보딩 ^foc001
	- [ ] 기기 대여 신청 ^sup001

	## 지금 막힌 것은?
	- 테스트 기기가 없다 #기기

	## 제가 48시간 안에 도와드릴 것은?
	- [ ] 기기 대여 다시 요청 ^sup002

	## 앞으로 5일 동안 집중할 실행은?
	- [ ] 로그 정리 ^foc003

	## 피드백
	- 좋았어요
	EOF
}

test_expect_success 'setup: the same journal twice, committed in C and in Korean' '
	journal c &&
	journal k &&
	notes -C c commit --force >c.out 2>&1 &&
	notes_ko -C k commit --force >k.out 2>&1 &&
	test_grep "^committed minji/2026-11-23.md: minji 2026-11-23: " c.out &&
	test_grep "^커밋했습니다 minji/2026-11-23.md: minji 2026-11-23: " k.out &&
	notes -C c done sup002 >c.out &&
	notes_ko -C k done sup002 >k.out &&
	test_grep "^committed minji/2026-11-23.md: " c.out &&
	test_grep "^커밋했습니다 minji/2026-11-23.md: " k.out
'

test_expect_success 'every command says its help in Korean, and in English under C' '
	for c in init person new parse check commit done status review report calendar share sync hook lsp; do
		notes_ko $c --help >ko.out &&
		notes $c --help >c.out &&
		test_grep "^사용법: notes $c" ko.out &&
		test_grep "^usage: notes $c" c.out &&
		! test_grep -q "[가-힣]" c.out &&
		test "$(grep -c "[가-힣]" ko.out)" -ge 2 || return 1
	done &&
	notes_ko --help >ko.out &&
	test_grep "^  check    노트가 루프를 지키는지 점검$" ko.out &&
	test_grep "^명령:$" ko.out
'

test_expect_success 'an error and a usage error in Korean' '
	test_expect_code 2 notes_ko -C k review nobody 2>err &&
	echo "notes: review: nobody은(는) 저널에 없습니다" >expect &&
	test_cmp expect err &&
	test_expect_code 2 notes_ko -C k status --bogus 2>err &&
	test_grep "^notes: 알 수 없는 옵션 .--bogus.$" err &&
	test_grep "^사용법: notes status \[PERSON\] \[--json\]$" err &&
	test_grep "^  --json  JSON 객체 하나 \\(필드는 README 참고\\)$" err &&
	test_expect_code 2 notes_ko -C k person 2>err &&
	test_grep "^notes: add인가요, list인가요\?$" err &&
	test_expect_code 2 notes_ko -C k person add minji 2>err &&
	echo "notes: person add: minji은(는) 이미 저널에 있습니다" >expect &&
	test_cmp expect err &&
	mkdir nowhere &&
	test_expect_code 2 notes_ko -C nowhere status 2>err &&
	test_grep "^notes: 저널 안이 아닙니다 " err
'

test_expect_success 'check messages in Korean; codes stay English' '
	test_expect_code 1 notes_ko -C k check minji >actual &&
	cat >expect <<-\EOF &&
	minji/2026-11-23.md:8:1: 경고: 목적 줄이 비어 있습니다: 이 1:1이 무엇을 위한 것인지 적으세요 [no-purpose]
	minji/2026-11-23.md:13:1: 오류: 2026-11-16에 집중하기로 한 실행 ^foc002 QUOTE코드 리뷰 두 건QUOTE이(가) 열린 채인데 여기서 점검하지 않았습니다 [loop-broken]
	minji/2026-11-23.md:15:1: 오류: QUOTE기기 대여 신청QUOTE을(를) 하지 못했는데 원인이 없습니다 (원인: 실행 또는 가정) [unreviewed]
	minji/2026-11-23.md:18:1: 경고: 막힘 QUOTE테스트 기기가 없다QUOTE에 유형이 없습니다 (유형: 역량 또는 환경) [blocker-unclassified]
	minji/2026-11-23.md:18:1: 경고: 막힘 QUOTE테스트 기기가 없다QUOTE에 영향이 없습니다: 계속되면 무엇을 잃나요? [blocker-no-impact]
	minji/2026-11-23.md:24:1: 경고: QUOTE로그 정리QUOTE에 지표가 없습니다 [no-metric]
	minji/2026-11-23.md:24:1: 경고: QUOTE로그 정리QUOTE에 #목표가 없습니다 [no-goal]
	minji/2026-11-23.md:26:1: 경고: 앞을 내다보는 피드백이 없습니다: 다음에 할 일로 맺으세요 [feedback-not-forward]
	minji/2026-11-23.md:27:1: 경고: QUOTE좋았어요QUOTE은(는) 막연한 칭찬이나 비난일 뿐입니다: 무엇을 했고 그것이 어떤 결과를 냈는지 적으세요 [vague-feedback]
	EOF
	sed "s/QUOTE/'\''/g" expect >expect.ko &&
	test_cmp expect.ko actual &&
	test_expect_code 1 notes -C k check minji >actual &&
	test_grep "^minji/2026-11-23.md:15:1: error: .기기 대여 신청. is not done with no cause \(cause: execution or assumption\) \[unreviewed\]$" actual &&
	test_grep "^minji/2026-11-23.md:13:1: error: open focus item \^foc002 .코드 리뷰 두 건. of 2026-11-16 is not reviewed here \[loop-broken\]$" actual
'

test_expect_success 'status in Korean, its labels padded by display width' '
	notes_ko -C k status >actual &&
	cat >expect <<-\EOF &&
	minji  지난 1:1 2026-11-23, 다음 2026-11-30T10:00
	  집중     로그 정리 ^foc003 (63시간 지남)
	  이어짐   기기 대여 신청 ^sup001 (2번의 1:1 동안 열림)
	alice  지난 1:1 없음, 다음 2026-12-01T14:00
	EOF
	test_cmp expect actual
'

test_expect_success 'review in Korean, its labels padded by display width' '
	notes_ko -C k review minji >actual &&
	cat >expect <<-\EOF &&
	minji, 2026-11-16 ~ 2026-11-30
	  1:1        3주 동안 2번 열림
	  집중       3개 중 완료 1, 일부 0, 중단 0, 열림 2 (100% 완료)
	  놓친 이유  실행 0, 가정 0, 원인 없음 1
	  지원       2개 중 48시간 안에 0, 늦음 1, 열림 1
	반복되는 막힘:
	  #기기 (1:1 2번)
	가장 오래 이어진 항목:
	  기기 대여 신청 ^sup001 (2번의 1:1 동안 열림)
	피드백:
	  2026-W47 질문을 먼저 올려 준 덕분에 설정이 빨리 끝났다. 다음 주에도 막히면 바로 알려 주세요.
	  2026-W48 좋았어요
	EOF
	test_cmp expect actual
'

test_expect_success 'the summary of parse in Korean, its labels padded by display width' '
	notes_ko -C k parse minji/2026-11-23.md >actual &&
	test_grep "^minji/2026-11-23.md: minji \(리더 kim\), 2026-11-23 10:00 \(2026-W48\)$" actual &&
	test_grep "^  목표        #온보딩 첫 주 안에 배포까지$" actual &&
	test_grep "^  막힘        테스트 기기가 없다 #기기$" actual &&
	test_grep "^  문제        오류 2개, 경고 7개 \(.notes check. 참고\)$" actual &&
	notes -C k parse minji/2026-11-23.md >actual &&
	test_grep "^  problems    2 errors, 7 warnings \(see .notes check.\)$" actual
'

test_expect_success 'person list in Korean: Hangul names and headers line up' '
	notes_ko -C k person list >actual &&
	cat >expect <<-\EOF &&
	사람         이름                   정해진 시간  지난 1:1   다음 1:1
	alice        Alice Park             tue 14:00    -          2026-12-01T14:00
	kim          김원우                 -            -          -
	minji        이민지                 월 10:00     2026-11-23 2026-11-30T10:00
	EOF
	test_cmp expect actual &&
	notes -C k person list >actual &&
	cat >expect <<-\EOF &&
	PERSON       NAME                   SLOT         LAST       NEXT
	alice        Alice Park             tue 14:00    -          2026-12-01T14:00
	kim          김원우                 -            -          -
	minji        이민지                 월 10:00     2026-11-23 2026-11-30T10:00
	EOF
	test_cmp expect actual
'

test_expect_success 'under C the messages stay English, LANGUAGE=ko or not' '
	LANGUAGE=ko notes -C k status >actual &&
	notes -C k status >expect &&
	test_cmp expect actual &&
	test_grep "^minji  last 2026-11-23, next 2026-11-30T10:00$" actual &&
	test_grep "^  carried  기기 대여 신청 \^sup001 \(open 2 meetings\)$" actual &&
	test_expect_code 2 env LANGUAGE=ko "$NOTES" -C k status --bogus 2>err &&
	test_grep "^notes: unknown option .--bogus.$" err
'

test_expect_success 'JSON is byte for byte the same in both locales' '
	for cmd in "status --json" "review minji --json" "review --team --json" \
		"parse --json minji/2026-11-23.md"; do
		# shellcheck disable=SC2086
		notes -C k $cmd >c.json &&
		# shellcheck disable=SC2086
		notes_ko -C k $cmd >ko.json &&
		test -s c.json &&
		cmp c.json ko.json || return 1
	done &&
	jq -e ".problems[] | select(.code == \"unreviewed\") | .message | startswith(\"\\u0027기기 대여 신청\\u0027 is not done\")" ko.json >/dev/null &&
	! grep -q "오류\|경고" ko.json
'

test_expect_success 'commit messages are byte for byte the same in both locales' '
	git -C c log --format="%s%n%b%n--" >c.log &&
	git -C k log --format="%s%n%b%n--" >k.log &&
	test "$(grep -c "^--$" c.log)" -ge 4 &&
	test_cmp c.log k.log
'

# readme_block COMMAND: what the README's Korean session shows after
# "$ COMMAND", up to the next command or the end of the block.
readme_block() {
	awk -v cmd="\$ $1" '
		$0 == cmd { on = 1; next }
		on && (/^\$ / || /^```/) { exit }
		on { print }
	' "$ROOT/README.md"
}

test_expect_success 'the README: the Korean session is what notes prints' '
	sh "$ROOT/examples/replay.sh" "$NOTES" team >out 2>err &&
	NOTES_NOW=2026-11-26T13:00 notes_ko -C team new minji --no-edit >actual &&
	readme_block "notes new minji --no-edit" >expect &&
	test_cmp expect actual &&
	NOTES_NOW=2026-11-26T13:00 notes_ko -C team check minji >actual &&
	readme_block "notes check minji" >expect &&
	test "$(wc -l <expect)" -eq 6 &&
	test_cmp expect actual &&
	NOTES_NOW=2026-11-26T13:00 notes_ko -C team review minji --since 2026-11-01 >actual &&
	readme_block "notes review minji --since 2026-11-01" >expect &&
	test_grep "^  1:1        5주 동안 3번 열림$" expect &&
	test_cmp expect actual
'

test_done
