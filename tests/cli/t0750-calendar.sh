#!/bin/sh
# t0750-calendar.sh - notes calendar, read back by an independent parser
# (python3-icalendar): a weekly event per person with a slot, to-dos for
# the open support and focus items of the latest notes with their due
# times, a reminder 4 hours before a support item, floating times, UIDs
# that stay the same from one export to the next.
. "$(dirname "$0")/lib.sh"

# Debian's python3 has python3-icalendar; a python3 of its own may not.
PY=/usr/bin/python3

# ics_dump FILE: one line per component, its properties as the parser
# reads them (times with their zone, "floating" when they have none).
cat >"$TRASH/ics_dump.py" <<\EOF
import sys
from icalendar import Calendar

def t(v):
    d = v.dt
    return d.strftime("%Y-%m-%dT%H:%M") + ("" if d.tzinfo is None else "Z")

cal = Calendar.from_ical(open(sys.argv[1], "rb").read())
print("calendar", cal["VERSION"], cal["PRODID"].split("//")[1])
for c in cal.walk():
    if c.name == "VEVENT":
        print("event", c["UID"], "|", c["SUMMARY"], "|", t(c["DTSTART"]), t(c["DTEND"]),
              (c["DTEND"].dt - c["DTSTART"].dt).seconds // 60, "min",
              c["RRULE"].to_ical().decode(), "|", str(c["DESCRIPTION"]).replace("\n", " / "))
    elif c.name == "VTODO":
        alarms = [a for a in c.walk() if a.name == "VALARM"]
        line = ["todo", c["UID"], "|", c["SUMMARY"], "|", t(c["DTSTART"]), "due", t(c["DUE"]),
                c["STATUS"], c["CATEGORIES"].to_ical().decode()]
        for a in alarms:
            trig = a["TRIGGER"]
            line += ["alarm", a["ACTION"], trig.params.get("RELATED", "START"),
                     "-%dh" % (-trig.dt.total_seconds() // 3600)]
        print(*line)
EOF

ics() {
	$PY "$TRASH/ics_dump.py" "$1"
}

# uids FILE: the UIDs, one a line, sorted
uids() {
	ics "$1" >"$1.dump" &&
	sed -n 's/^\(event\|todo\) \([^ ]*\) .*/\1 \2/p' "$1.dump" | sort
}

test_expect_success 'setup: alice with two notes, minji with a slot and no note, bob without a slot' '
	export NOTES_NOW=2026-11-01T09:00 &&
	notes init j --leader kim --name "Kim Wonwoo" --email kim@example.com &&
	notes -C j person add alice --name "Alice Park" --slot "mon 10:00" &&
	notes -C j person add minji --name "박민지" --slot "목 14:00" --lang ko &&
	notes -C j person add bob --name "Bob Lee" &&
	git -C j config -f .notes/config person.minji.duration 60 &&
	mkdir j/alice &&
	cat >j/alice/2026-11-18.md <<-\EOF &&
	---
	person: alice
	leader: kim
	date: 2026-11-18 11:00
	---
	## Support
	- [x] Order the laptop ^a0done
	## Focus
	- [ ] Read the onboarding guide ^a0foc0
	EOF
	cat >j/alice/2026-11-23.md <<-\EOF &&
	---
	person: alice
	leader: kim
	date: 2026-11-23 10:00
	---
	## Review
	- [ ] Read the onboarding guide ^a0foc0
	  - cause: execution
	  - learning: block an hour
	## Support
	- [ ] Book the usability lab, the big one; today ^a1sup1
	- [x] Send the survey budget ^a2sup2
	- [~] Get a staging slot @bob due:2026-11-26T09:00 ^a3part
	## Focus
	- [ ] Call five churned users ^a4foc1
	- [-] Translate the page ^a5drop
	- [ ] Land the variant due:2026-11-26 ^a6foc2
	EOF
	cat >j/alice/2026-11-30.md <<-\EOF
	---
	person: alice
	leader: kim
	date: 2026-11-30 10:00
	---
	## Support
	- [ ] Not agreed yet: the meeting has not happened ^a7next
	EOF
'

test_expect_success 'the calendar holds a weekly event per person with a slot and a to-do per open item' '
	NOTES_NOW=2026-11-24T12:00 notes -C j calendar -o "$TRASH/cal.ics" >out &&
	echo "wrote 2 meeting(s) and 4 to-do(s) to $TRASH/cal.ics" >expect &&
	test_cmp expect out &&
	ics cal.ics >dump &&
	sed "s/\.[0-9a-f]\{16\}@notes/@H/" dump >actual &&
	cat >expect <<-\EOF &&
	calendar 2.0 notes
	event meeting-alice@H | 1:1 Kim / Alice | 2026-11-16T10:00 2026-11-16T10:45 45 min FREQ=WEEKLY | What is blocking you right now? / What should I help with within 48 hours? / What will you focus on for the next 5 days?
	event meeting-minji@H | 1:1 Kim / 박민지 | 2026-11-26T14:00 2026-11-26T15:00 60 min FREQ=WEEKLY | 지금 막힌 건 무엇인가요? / 제가 48시간 안에 도와드려야 할 것은 무엇인가요? / 앞으로 5일 동안 집중하실 실행은 무엇인가요?
	todo item-a1sup1@H | Book the usability lab, the big one; today | 2026-11-23T10:00 due 2026-11-25T10:00 NEEDS-ACTION support alarm DISPLAY END -4h
	todo item-a3part@H | Get a staging slot | 2026-11-23T10:00 due 2026-11-26T09:00 IN-PROCESS support alarm DISPLAY END -4h
	todo item-a4foc1@H | Call five churned users | 2026-11-23T10:00 due 2026-11-27T18:00 NEEDS-ACTION focus
	todo item-a6foc2@H | Land the variant | 2026-11-23T10:00 due 2026-11-26T18:00 NEEDS-ACTION focus
	EOF
	test_cmp expect actual
'

test_expect_success 'the file is RFC 5545 text: CRLF line ends, lines of at most 75 octets' '
	! grep -v "$(printf "\r")\$" cal.ics &&
	LC_ALL=C awk "length(\$0) > 76 { bad = 1 } END { exit bad }" cal.ics &&
	grep "^DTSTAMP:20261124T120000Z" cal.ics &&
	! grep -E "^(DTSTART|DTEND|DUE)[:;].*(Z|TZID)" cal.ics
'

test_expect_success 'a second export gives every event and to-do the same UID' '
	NOTES_NOW=2026-11-25T08:00 notes -C j calendar >again.ics &&
	uids cal.ics >first &&
	uids again.ics >second &&
	test_cmp first second &&
	test $(sort -u first | wc -l) = 6
'

test_expect_success 'an item ticked done leaves the calendar; the others keep their UIDs' '
	notes -C j done a4foc1 --at 2026-11-24T15:00 >out &&
	NOTES_NOW=2026-11-25T08:00 notes -C j calendar >third.ics &&
	uids third.ics >third &&
	grep -v "item-a4foc1\." first >expect &&
	test_cmp expect third
'

test_expect_success 'stdout and -o write the same bytes' '
	NOTES_NOW=2026-11-25T08:00 notes -C j calendar -o "$TRASH/same.ics" >out &&
	cmp third.ics same.ics
'

test_expect_success 'notes calendar PERSON holds only that person' '
	NOTES_NOW=2026-11-25T08:00 notes -C j calendar minji >minji.ics &&
	ics minji.ics >dump &&
	test $(grep -c "^event meeting-minji\." dump) = 1 &&
	test $(grep -c "^\(event\|todo\)" dump) = 1
'

test_expect_success 'open items without an id yet are left out, with a warning' '
	mkdir j/bob &&
	cat >j/bob/2026-11-23.md <<-\EOF &&
	---
	person: bob
	leader: kim
	date: 2026-11-23 15:00
	---
	## Support
	- [ ] Review the design doc
	EOF
	NOTES_NOW=2026-11-25T08:00 notes -C j calendar bob >bob.ics 2>err &&
	test_grep "1 open item\(s\) have no id yet" err &&
	ics bob.ics >dump &&
	! grep "^\(event\|todo\)" dump
'

test_expect_success 'bad input: an unknown person, a bad duration, an unwritable file' '
	test_expect_code 2 notes -C j calendar carol 2>err &&
	test_grep "^notes: calendar: carol: no such person$" err &&
	test_expect_code 2 notes -C j calendar ../x 2>err &&
	test_grep "invalid person id" err &&
	git -C j config -f .notes/config person.alice.duration 45min &&
	test_expect_code 2 notes -C j calendar -o "$TRASH/bad.ics" 2>err &&
	test_grep "^notes: calendar: person.alice.duration: .45min. is not a number of minutes" err &&
	test ! -e bad.ics &&
	git -C j config -f .notes/config --unset person.alice.duration &&
	test_expect_code 2 notes -C j calendar -o no/such/dir/cal.ics 2>err &&
	test_grep "^notes: calendar: no/such/dir/cal.ics: " err &&
	test_expect_code 2 notes -C j calendar --bogus 2>err &&
	test_grep "^notes: unknown option '"'"'--bogus'"'"'$" err &&
	test_no_crash err
'

test_done
