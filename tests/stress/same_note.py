#!/usr/bin/env python3
"""same_note.py - is a note file one of the two versions a command may leave?

usage: same_note.py ids|done BEFORE FILE
  ids   FILE is BEFORE, or BEFORE with " ^xxxxxx" appended to some lines
        (what `notes commit` writes)
  done  FILE is BEFORE, or BEFORE with one "[ ]" marker turned into "[x]"
        (what `notes done` writes), ids appended allowed as for ids
Byte for byte otherwise: a truncated or mixed file is reported.
"""
import re
import sys

ID = re.compile(rb' \^[0-9a-z]{6}$')


def lines(b):
    return b.split(b'\n')


def main():
    mode, before_path, file_path = sys.argv[1:4]
    before = open(before_path, 'rb').read()
    now = open(file_path, 'rb').read()
    if now == before:
        return 0
    a, b = lines(before), lines(now)
    if len(a) != len(b):
        print('%s: %d lines, expected %d (old %d bytes, now %d bytes)'
              % (file_path, len(b), len(a), len(before), len(now)))
        return 1
    ticked = 0
    for n, (old, new) in enumerate(zip(a, b), 1):
        if old == new:
            continue
        core = ID.sub(b'', new) if ID.search(new) and not ID.search(old) else new
        if core != old and mode == 'done' and core.replace(b'[x]', b'[ ]', 1) == old:
            ticked += 1
            core = old
        if core != old:
            print('%s:%d: neither the old nor the new line: %r (old %r)'
                  % (file_path, n, new[:80], old[:80]))
            return 1
    if ticked > 1:
        print('%s: %d items ticked, expected one' % (file_path, ticked))
        return 1
    return 0


sys.exit(main())
