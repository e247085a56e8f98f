#!/usr/bin/env python3
"""lsp-client.py - drive a Language Server from a script, for the tests.

usage: lsp-client.py [--latency FILE] SCRIPT OUT -- COMMAND...
       lsp-client.py --apply FILE EDITS    print FILE with the TextEdits of
                                           the JSON file EDITS applied, as an
                                           editor applies them (UTF-16 positions)

Starts COMMAND, plays SCRIPT (one directive a line) on its standard input
and writes every message it answers to OUT, one JSON object a line (keys
sorted). The exit status of COMMAND goes to OUT.exit. Fails (exit 1) when
a wait times out, when the server writes something that is not a framed
JSON message, or when it does not exit within 20 s of its input closing
(LSP_CLIENT_TIMEOUT seconds instead of 20 when it is set).

Directives ('#' starts a comment line):
  init [ROOT-URI]            initialize (and wait for it), then initialized
  request ID METHOD JSON     a request; `wait ID` waits for its answer
  notify METHOD JSON         a notification
  open URI FILE [VERSION]    didOpen with FILE's bytes as the text
  change URI VERSION FILE    didChange with FILE's bytes as the whole text
  edit URI VERSION L1 C1 L2 C2 JSON-STRING   didChange of one range
  send JSON                  any message, framed
  raw PYTHON-BYTES-LITERAL   bytes as they are, e.g. b'Content-Length: 2\\r\\n\\r\\n{}'
  begin / end                what is between is written in one write
  wait ID                    the answer to request ID has come
  wait-diag URI [VERSION]    diagnostics for URI (of VERSION) have come
  wait-count N               N messages have come in all
  sleep SECONDS
  close                      close the server's input
  kill                       end the server (SIGKILL), as a crashed client would
"""
import ast
import json
import os
import subprocess
import sys
import threading
import time

# seconds a wait may take; longer under valgrind (make leakcheck)
TIMEOUT = float(os.environ.get("LSP_CLIENT_TIMEOUT", "20"))


class Server:
    def __init__(self, cmd):
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.messages = []
        self.bad = None
        self.cond = threading.Condition()
        self.reader = threading.Thread(target=self.read, daemon=True)
        self.reader.start()
        self.pending = None

    def read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    with self.cond:
                        self.cond.notify_all()
                    return
                if line == b"\r\n":
                    break
                name, _, value = line.decode("ascii", "replace").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value.strip())
            body = out.read(length) if length is not None else b""
            try:
                msg = json.loads(body)
            except ValueError:
                msg = None
            with self.cond:
                if msg is None or length is None or len(body) != length:
                    self.bad = body
                else:
                    self.messages.append(msg)
                self.cond.notify_all()

    def write(self, data):
        if self.pending is not None:
            self.pending += data
            return
        try:
            self.proc.stdin.write(data)
            self.proc.stdin.flush()
        except (BrokenPipeError, ValueError):
            pass

    def send(self, msg):
        body = json.dumps(msg, ensure_ascii=False).encode("utf-8")
        self.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def wait(self, what, pred):
        deadline = time.time() + TIMEOUT
        with self.cond:
            while not any(pred(m) for m in self.messages):
                left = deadline - time.time()
                if left <= 0 or self.bad is not None:
                    sys.exit("lsp-client: timed out waiting for %s" % what)
                self.cond.wait(left)


def text_of(path):
    with open(path, "rb") as f:
        return f.read().decode("utf-8")


def play(srv, script, latency):
    sent = {}
    next_id = [1000]
    for line in open(script, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        op, _, rest = line.partition(" ")
        args = rest.split(" ")
        if op == "init":
            next_id[0] += 1
            params = {"processId": os.getpid(), "capabilities": {}}
            if rest:
                params["rootUri"] = rest
            srv.send({"jsonrpc": "2.0", "id": next_id[0], "method": "initialize",
                      "params": params})
            i = next_id[0]
            srv.wait("initialize", lambda m: m.get("id") == i)
            srv.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        elif op == "request":
            rid, method, params = rest.split(" ", 2)
            rid = json.loads(rid)
            sent[json.dumps(rid)] = time.time()
            srv.send({"jsonrpc": "2.0", "id": rid, "method": method,
                      "params": json.loads(params)})
        elif op == "notify":
            method, _, params = rest.partition(" ")
            srv.send({"jsonrpc": "2.0", "method": method, "params": json.loads(params)})
        elif op == "open":
            version = int(args[2]) if len(args) > 2 else 1
            srv.send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                      "params": {"textDocument": {"uri": args[0], "languageId": "markdown",
                                                  "version": version,
                                                  "text": text_of(args[1])}}})
        elif op == "change":
            srv.send({"jsonrpc": "2.0", "method": "textDocument/didChange",
                      "params": {"textDocument": {"uri": args[0], "version": int(args[1])},
                                 "contentChanges": [{"text": text_of(args[2])}]}})
        elif op == "edit":
            uri, version, l1, c1, l2, c2, text = rest.split(" ", 6)
            rng = {"start": {"line": int(l1), "character": int(c1)},
                   "end": {"line": int(l2), "character": int(c2)}}
            srv.send({"jsonrpc": "2.0", "method": "textDocument/didChange",
                      "params": {"textDocument": {"uri": uri, "version": int(version)},
                                 "contentChanges": [{"range": rng,
                                                     "text": json.loads(text)}]}})
        elif op == "send":
            body = rest.encode("utf-8")
            srv.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        elif op == "raw":
            srv.write(ast.literal_eval(rest))
        elif op == "begin":
            srv.pending = b""
        elif op == "end":
            data, srv.pending = srv.pending, None
            srv.write(data)
        elif op == "wait":
            rid = json.loads(rest)
            srv.wait("the answer to %s" % rest, lambda m: m.get("id") == rid and
                     ("result" in m or "error" in m))
            if latency is not None and json.dumps(rid) in sent:
                latency.write("%s %.3f\n" % (rest, (time.time() - sent[json.dumps(rid)]) * 1000))
        elif op == "wait-diag":
            def is_diag(m, uri=args[0], version=args[1:]):
                p = m.get("params") or {}
                return (m.get("method") == "textDocument/publishDiagnostics" and
                        p.get("uri") == uri and
                        (not version or p.get("version") == int(version[0])))
            srv.wait("diagnostics of %s" % rest, is_diag)
        elif op == "wait-count":
            srv.wait("%s messages" % rest, lambda m, n=int(rest): len(srv.messages) >= n)
        elif op == "sleep":
            time.sleep(float(rest))
        elif op == "close":
            srv.proc.stdin.close()
        elif op == "kill":
            srv.proc.kill()
        else:
            sys.exit("lsp-client: unknown directive %r" % op)


def offset(text, pos):
    """The index in text (a str) of an LSP position (line, UTF-16 character)."""
    i, line = 0, pos["line"]
    while line > 0 and i < len(text):
        j = i
        while j < len(text) and text[j] not in "\r\n":
            j += 1
        if j < len(text) and text[j:j + 2] == "\r\n":
            j += 1
        i = j + 1
        line -= 1
    units = 0
    while i < len(text) and text[i] not in "\r\n" and units < pos["character"]:
        units += 2 if ord(text[i]) > 0xFFFF else 1
        i += 1
    return min(i, len(text))


def apply(path, edits_path):
    text = text_of(path)
    with open(edits_path, encoding="utf-8") as f:
        edits = json.load(f)
    spans = [(offset(text, e["range"]["start"]), offset(text, e["range"]["end"]), e["newText"])
             for e in edits]
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    sys.stdout.write(text)


def main():
    argv = sys.argv[1:]
    if argv[:1] == ["--apply"]:
        apply(argv[1], argv[2])
        return
    latency = None
    if argv[:1] == ["--latency"]:
        latency = open(argv[1], "w")
        argv = argv[2:]
    script, out = argv[0], argv[1]
    cmd = argv[argv.index("--") + 1:]
    srv = Server(cmd)
    status = 0
    try:
        play(srv, script, latency)
    except SystemExit as e:
        print(e, file=sys.stderr)
        status = 1
    if not srv.proc.stdin.closed:
        try:
            srv.proc.stdin.close()
        except BrokenPipeError:
            pass
    try:
        rc = srv.proc.wait(TIMEOUT)
    except subprocess.TimeoutExpired:
        srv.proc.kill()
        rc = "hang"
        print("lsp-client: the server did not exit within %g s" % TIMEOUT, file=sys.stderr)
        status = 1
    srv.reader.join(TIMEOUT)
    with open(out, "w", encoding="utf-8") as f:
        for m in srv.messages:
            f.write(json.dumps(m, sort_keys=True, ensure_ascii=False) + "\n")
    with open(out + ".exit", "w") as f:
        f.write("%s\n" % rc)
    if srv.bad is not None:
        print("lsp-client: the server wrote a bad message: %r" % srv.bad[:200], file=sys.stderr)
        status = 1
    sys.exit(status)


if __name__ == "__main__":
    main()
