# report_figures.jq - the lines tests/cli/report_figures.py prints for a
# person's section, made from the person's object of notes review --json
# (every line but strip, row and script, which the JSON does not hold).
def figures:
  .person as $p
  | ("person=\($p) carried=\(.carried | length)"
     + " causes-assumption=\(.causes.assumption) causes-execution=\(.causes.execution)"
     + " causes-unknown=\(.causes.unknown) focus-done=\(.focus.done)"
     + " focus-dropped=\(.focus.dropped) focus-open=\(.focus.open)"
     + " focus-partial=\(.focus.partial) focus-rate=\(.focus.rate // "")"
     + " focus-total=\(.focus.total) meetings-held=\(.meetings.held)"
     + " meetings-weeks=\(.meetings.weeks) recurring-blockers=\(.recurring_blockers | length)"
     + " support-kept=\(.support.kept) support-late=\(.support.late)"
     + " support-open=\(.support.open) support-total=\(.support.total)"),
    (.weeks[] | "week person=\($p) week=\(.week) focus=\(.focus) done=\(.done)"),
    (.recurring_blockers[]
     | "blocker person=\($p) key=\(.key) count=\(.count) weeks=\(.weeks | join(","))"),
    (.carried[] | "carried person=\($p) id=\(.id) weeks=\(.weeks)"),
    "lists person=\($p) learnings=\(.learnings | length) feedback=\(.feedback | length)";

if has("team") then .team[] | figures else figures end
