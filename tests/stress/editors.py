#!/usr/bin/env python3
"""editors.py - two "editors" save one note while `notes commit` runs on it.

usage: editors.py atomic|inplace NOTE VERSIONS_DIR SAVES

Run twice at once, one per way of saving: "atomic" saves like vim with
backupcopy=no (temp file + rename), "inplace" like an editor that rewrites
the file (open with O_TRUNC, write). The two take turns through a lock of
their own (VERSIONS_DIR/lock), so their saves are ordered; `notes commit`
takes no part in that lock. Each save is a whole note (VERSIONS_DIR/base.md)
with a new focus item without an id, so every commit in between must
rewrite the file to give it one. Every version saved is kept as
VERSIONS_DIR/<n>.md, the last one's number in VERSIONS_DIR/last.

Before each save an editor checks that the file still holds the previous
save, by either editor (ids appended by notes are allowed). A commit that
found a save made while it swapped the note in puts that save back at
once, but "at once" is after the editor that saved went on: on a loaded
machine the other editor may look in that moment and see the commit's
copy. So a file that does not hold the previous save is looked at again
for up to 5 s (notes gives an editor writing in place 2 s, then swaps
back); only a save that does not come back is a lost edit. Prints
"<way>: saves N lost M seen-late K" and the first lost edit.
"""
import fcntl
import os
import random
import re
import sys
import time

ID = re.compile(rb' \^[0-9a-z]{6}')


def strip_ids(b):
    return ID.sub(b'', b)


def save_atomic(path, data):
    tmp = os.path.join(os.path.dirname(path), '.editor.swp')
    with open(tmp, 'wb') as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.rename(tmp, path)


def save_in_place(path, data):
    fd = os.open(path, os.O_WRONLY | os.O_TRUNC | os.O_CREAT, 0o644)
    try:
        os.write(fd, data)
    finally:
        os.close(fd)


def main():
    way, path, versions, saves = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    save = save_atomic if way == 'atomic' else save_in_place
    base = open(os.path.join(versions, 'base.md'), 'rb').read()
    at = base.index(b'\n## Feedback')
    lock = open(os.path.join(versions, 'lock'), 'wb')
    last_file = os.path.join(versions, 'last')
    lost = late = 0
    first = None
    random.seed(way)

    def last_saved():
        try:
            n = int(open(last_file).read())
        except (OSError, ValueError):
            return 0, None
        return n, open(os.path.join(versions, '%d.md' % n), 'rb').read()

    for _ in range(saves):
        fcntl.flock(lock, fcntl.LOCK_EX)
        n, last = last_saved()
        now = open(path, 'rb').read()
        if last is not None and strip_ids(now) != strip_ids(last):
            deadline = time.monotonic() + 5
            while strip_ids(now) != strip_ids(last) and time.monotonic() < deadline:
                time.sleep(0.01)
                now = open(path, 'rb').read()
            if strip_ids(now) == strip_ids(last):
                late += 1
        if last is not None and strip_ids(now) != strip_ids(last):
            lost += 1
            if first is None:
                first = 'before save %d: the file no longer holds save %d (%d bytes, expected %d + ids)' % (
                    n + 1, n, len(now), len(last))
        n += 1
        data = (base[:at] + b'\n- [ ] Editor save %d #ship\n  - metric: saves\n' % n
                + base[at:].replace(b'- first', b'- save %d' % n))
        open(os.path.join(versions, '%d.md' % n), 'wb').write(data)
        save(path, data)
        open(last_file, 'w').write(str(n))
        fcntl.flock(lock, fcntl.LOCK_UN)
        time.sleep(random.uniform(0, 0.02))
    print('%s: saves %d lost %d seen-late %d' % (way, saves, lost, late))
    if first:
        print('%s: first lost edit: %s' % (way, first))
    return 1 if lost else 0


sys.exit(main())
