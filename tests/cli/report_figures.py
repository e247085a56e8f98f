#!/usr/bin/env python3
"""report_figures.py - the figures a notes report page carries, one line
each, in the form tests build from `notes review --json` with jq:

  person=ID carried=N causes-assumption=N ...     (the data- attributes of
                                                   each person's section)
  row person=ID late=N skipped=N rate=R           (the team table, in order)
  week person=ID week=W focus=N done=N            (the focus series)
  strip person=ID cells=N held=N skipped=N upcoming=N said=N
                                                  (said: the section's skipped)
  blocker person=ID key=K count=N weeks=W,W       (recurring blockers)
  carried person=ID id=I weeks=N
  lists person=ID learnings=N feedback=N
  script N                                        (<script> elements)

Reads the page as written or as Chromium's --dump-dom prints it.
usage: report_figures.py FILE.html
"""
import sys
from html.parser import HTMLParser

FIGURES = ("meetings-held", "meetings-weeks", "focus-total", "focus-done",
           "focus-partial", "focus-dropped", "focus-open", "focus-rate",
           "causes-execution", "causes-assumption", "causes-unknown",
           "support-total", "support-kept", "support-late", "support-open",
           "recurring-blockers", "carried")


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.stack, self.person = [], [], None
        self.strip, self.lists = {}, {}
        self.blocker, self.in_week, self.scripts = None, False, 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = (a.get("class") or "").split()
        if tag not in ("br", "meta", "rect", "line", "input", "img", "link"):
            self.stack.append(tag)
        if tag == "script":
            self.scripts += 1
        if tag == "section" and "person" in cls:
            self.person = a.get("data-person")
            self.said = a.get("data-meetings-skipped")
            self.strip[self.person] = {"held": 0, "skipped": 0, "upcoming": 0}
            self.lists[self.person] = {"learnings": 0, "feedback": 0}
            self.out.append("person=%s " % self.person + " ".join(
                "%s=%s" % (k, a.get("data-" + k)) for k in sorted(FIGURES)))
        if tag == "tr" and "person-row" in cls:
            self.out.append("row person=%s late=%s skipped=%s rate=%s" % (
                a.get("data-person"), a.get("data-support-late"),
                a.get("data-meetings-skipped"), a.get("data-focus-rate")))
        if self.person is None:
            return
        if tag == "g" and "week" in cls:
            self.out.append("week person=%s week=%s focus=%s done=%s" % (
                self.person, a.get("data-week"), a.get("data-focus"), a.get("data-done")))
        if tag == "rect" and a.get("data-state"):
            self.strip[self.person][a["data-state"]] += 1
        if tag == "li" and a.get("data-key") is not None:
            self.blocker = [a.get("data-key"), a.get("data-count"), []]
        if tag == "li" and a.get("data-id") is not None:
            self.out.append("carried person=%s id=%s weeks=%s" % (
                self.person, a.get("data-id"), a.get("data-weeks")))
        if tag == "span" and "week" in cls and self.blocker:
            self.in_week = True
        if tag == "div" and "learning" in cls:
            self.lists[self.person]["learnings"] += 1
        if tag == "div" and "feedback" in cls:
            self.lists[self.person]["feedback"] += 1

    def handle_endtag(self, tag):
        while tag in self.stack:
            if self.stack.pop() == tag:
                break
        if tag == "span":
            self.in_week = False
        if tag == "li" and self.blocker:
            key, count, weeks = self.blocker
            self.out.append("blocker person=%s key=%s count=%s weeks=%s" % (
                self.person, key, count, ",".join(weeks)))
            self.blocker = None
        if tag == "section" and self.person and "section" not in self.stack:
            s, li = self.strip[self.person], self.lists[self.person]
            self.out.append("strip person=%s cells=%d held=%d skipped=%d upcoming=%d said=%s" % (
                self.person, sum(s.values()), s["held"], s["skipped"], s["upcoming"], self.said))
            self.out.append("lists person=%s learnings=%d feedback=%d" % (
                self.person, li["learnings"], li["feedback"]))
            self.person = None

    def handle_data(self, data):
        if self.in_week and self.blocker:
            self.blocker[2].append(data.strip())


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__.strip().splitlines()[-1])
    page = Page()
    with open(sys.argv[1], encoding="utf-8") as f:
        page.feed(f.read())
    page.close()
    for line in page.out:
        print(line)
    print("script %d" % page.scripts)


if __name__ == "__main__":
    main()
