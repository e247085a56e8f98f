#!/bin/sh
# t0420-language.sh - the template language: journal default, per person,
# and both languages read back the same way.
. "$(dirname "$0")/lib.sh"

export NOTES_NOW=2026-11-23T09:00

test_expect_success 'setup: an English journal with a Korean-writing member' '
	notes init j --leader kim --name "Kim Wonwoo" >/dev/null &&
	notes -C j person add alice --slot "mon 10:00" >/dev/null &&
	notes -C j person add minji --name "이민지" --slot "목 14:00" --lang ko >/dev/null &&
	test "$(git config -f j/.notes/config person.minji.language)" = ko
'

test_expect_success 'notes new writes English for alice and Korean for minji' '
	notes -C j new alice --no-edit >out &&
	test_grep "^alice/2026-11-23.md$" out &&
	test_grep "^## What will you focus on for the next 5 days\?$" j/alice/2026-11-23.md &&
	notes -C j new minji --no-edit >out &&
	test_grep "^minji/2026-11-26.md$" out &&
	test_grep "^## 앞으로 5일 동안 집중할 실행은\?$" j/minji/2026-11-26.md &&
	test_grep "^# 1:1 — 이민지 — 2026-11-26$" j/minji/2026-11-26.md &&
	test_grep "^date: 2026-11-26 14:00$" j/minji/2026-11-26.md
'

test_expect_success 'the Korean template, filled in, parses into every section' '
	python3 - j/minji/2026-11-26.md <<-\PY &&
	import sys
	p = sys.argv[1]
	s = open(p, encoding="utf-8").read()
	s = s.replace("## 목표\n- \n", "## 목표\n- #온보딩 첫 주 안에 배포까지\n")
	s = s.replace("## 지금 막힌 것은?\n- \n  - 유형: 역량 | 환경\n  - 범위: 이번 주 | 구조\n",
	              "## 지금 막힌 것은?\n- 테스트 기기가 없다 #기기\n  - 유형: 환경\n  - 범위: 이번 주\n")
	s = s.replace("## 제가 48시간 안에 도와드릴 것은?\n- [ ] \n",
	              "## 제가 48시간 안에 도와드릴 것은?\n- [ ] 기기 대여 신청\n  - 방식: 연결\n")
	s = s.replace("## 앞으로 5일 동안 집중할 실행은?\n- [ ] \n  - 지표: \n  - 대안: \n",
	              "## 앞으로 5일 동안 집중할 실행은?\n- [ ] 첫 배포 #온보딩\n  - 지표: 배포 1회\n  - 대안: 페어로 진행\n")
	open(p, "w", encoding="utf-8").write(s)
	PY
	notes -C j parse --json minji/2026-11-26.md >out.json &&
	test "$(jq -r ".goals[0].tag" out.json)" = "온보딩" &&
	test "$(jq -r ".blockers[0].kind + \" \" + .blockers[0].scope" out.json)" = "environment week" &&
	test "$(jq -r ".support[0].how + \" \" + .support[0].owner + \" \" + .support[0].due" out.json)" = "connect kim 2026-11-28T14:00" &&
	test "$(jq -r ".focus[0].metric" out.json)" = "배포 1회" &&
	test "$(jq -r ".focus[0].due" out.json)" = "2026-12-02T18:00"
'

test_expect_success 'an unknown language is refused before anything is written' '
	before=$(git -C j rev-parse HEAD) &&
	test_expect_code 2 notes -C j person add bob --lang fr 2>err &&
	test_grep "unknown language .fr." err &&
	test "$(git -C j rev-parse HEAD)" = "$before" &&
	test -z "$(git config -f j/.notes/config person.bob.name)"
'

test_expect_success 'a journal started in Korean writes Korean notes by default' '
	notes init k --leader kim --lang ko >/dev/null &&
	notes -C k person add alice >/dev/null &&
	notes -C k new alice --no-edit >/dev/null &&
	test_grep "^## 지금 막힌 것은\?$" k/alice/2026-11-23.md
'

test_done
