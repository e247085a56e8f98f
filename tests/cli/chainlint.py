#!/usr/bin/env python3
"""chainlint.py - find test bodies whose failures would go unnoticed.

A test body runs under `set -e`, but the shell forgives a failing command
that is not the last of an && list, of a { } or ( ) group written with ';',
or of a pipeline. So, as git's t/chainlint does, every command of a body
must be joined to the next by && (or ||): at the top level, inside { } and
( ) groups and in the branches of if, case and loops; a loop body must end
its chain with `|| return 1` (or `|| exit 1`), since a loop's status is its
last command's; and `notes` or `git` must not stand on the left of a pipe,
where their exit status is lost.

usage: chainlint.py FILE...   each FILE holds one test: its title on the
first line, its body after. Prints "FILE: line N: problem" for each problem
and exits 1 when there is one.
"""
import sys

RESERVED_START = {"{", "}", "if", "then", "elif", "else", "fi", "for", "while", "until",
                  "do", "done", "case", "esac", "!"}
# a command whose status must not be lost on the left of a pipe
PRODUCT = ("notes", "git", "$NOTES", '"$NOTES"', "${NOTES}", '"${NOTES}"',
           "$NOTES_WRAPPER", "test_expect_code")


class Lint(Exception):
    pass


class Tok:
    def __init__(self, kind, text, line):
        self.kind = kind  # "word", "op" or "nl"
        self.text = text
        self.line = line

    def __repr__(self):
        return "%s:%r@%d" % (self.kind, self.text, self.line)


def skip_quoted(s, i, line):
    """s[i] opens a quote or substitution; return (index past it, line)."""
    c = s[i]
    if c == "'":
        j = s.find("'", i + 1)
        if j < 0:
            raise Lint("line %d: unclosed single quote" % line)
        return j + 1, line + s.count("\n", i, j)
    if c == '"':
        j = i + 1
        while j < len(s):
            if s[j] == "\\":
                line += s[j + 1:j + 2] == "\n"
                j += 2
            elif s[j] == '"':
                return j + 1, line
            elif s[j] == "`" or (s[j] == "$" and s[j + 1:j + 2] in ("(", "{")):
                j, line = skip_quoted(s, j, line)
            else:
                line += s[j] == "\n"
                j += 1
        raise Lint("line %d: unclosed double quote" % line)
    if c == "`":
        j = i + 1
        while j < len(s) and s[j] != "`":
            if s[j] == "\\":
                j += 1
            line += s[j] == "\n"
            j += 1
        return j + 1, line
    # $( ... ), $(( ... )) or ${ ... }
    close = ")" if s[i + 1] == "(" else "}"
    opener = s[i + 1]
    depth, j = 1, i + 2
    while j < len(s) and depth:
        ch = s[j]
        if ch in "'\"`" or (ch == "$" and s[j + 1:j + 2] in ("(", "{")):
            j, line = skip_quoted(s, j, line)
            continue
        if ch == "\\":
            j += 2
            continue
        if ch == opener:
            depth += 1
        elif ch == close:
            depth -= 1
        line += ch == "\n"
        j += 1
    if depth:
        raise Lint("line %d: unclosed %s" % (line, "$" + opener))
    return j, line


def tokenize(s):
    toks, heredocs = [], []
    i, line, n = 0, 1, len(s)
    while i < n:
        c = s[i]
        if c == "\\" and s[i + 1:i + 2] == "\n":
            i, line = i + 2, line + 1
        elif c in " \t":
            i += 1
        elif c == "#" and (not toks or toks[-1].kind != "word" or s[i - 1] in " \t\n"):
            while i < n and s[i] != "\n":
                i += 1
        elif c == "\n":
            toks.append(Tok("nl", "\n", line))
            i, line = i + 1, line + 1
            # the bodies of here-documents follow the line that opened them
            for delim, strip in heredocs:
                while True:
                    if i >= n:
                        raise Lint("here-document %s is never closed" % delim)
                    j = s.find("\n", i)
                    j = n if j < 0 else j
                    text = s[i:j].lstrip("\t") if strip else s[i:j]
                    i, line = j + 1, line + 1
                    if text == delim:
                        break
            heredocs = []
        elif s.startswith("&&", i) or s.startswith("||", i) or s.startswith(";;", i):
            toks.append(Tok("op", s[i:i + 2], line))
            i += 2
        elif c in "|;&()":
            toks.append(Tok("op", c, line))
            i += 1
        else:
            # a word, redirections included ("2>&1", ">out", "<<-EOF")
            start, word = i, []
            while i < n and s[i] not in " \t\n|;&()":
                ch = s[i]
                if ch in "<>":
                    j = i + 1
                    while j < n and s[j] in "<>&-":
                        j += 1
                    op = s[i:j]
                    i = j
                    if op.startswith("<<"):
                        while i < n and s[i] in " \t":
                            i += 1
                        k = i
                        while k < n and s[k] not in " \t\n;&|()":
                            k += 1
                        delim = s[i:k].replace("\\", "").replace("'", "").replace('"', "")
                        heredocs.append((delim, op.endswith("-")))
                        i = k
                    elif op.endswith("&"):
                        while i < n and (s[i].isdigit() or s[i] == "-"):
                            i += 1
                    continue
                if ch in "'\"`" or (ch == "$" and s[i + 1:i + 2] in ("(", "{")):
                    i, line = skip_quoted(s, i, line)
                elif ch == "\\":
                    i += 2
                else:
                    i += 1
            word = s[start:i]
            if word:
                toks.append(Tok("word", word, line))
    return toks


class Parser:
    def __init__(self, toks):
        self.toks = toks
        self.i = 0
        self.problems = []

    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else None

    def at(self, *words):
        t = self.peek()
        return t is not None and t.text in words and (t.kind == "word" or t.kind == "op")

    def take(self):
        t = self.peek()
        self.i += 1
        return t

    def expect(self, word):
        t = self.take()
        if t is None or t.text != word:
            raise Lint("line %d: expected '%s'" % (t.line if t else 0, word))
        return t

    def skip_nl(self):
        while self.peek() is not None and self.peek().kind == "nl":
            self.i += 1

    def problem(self, line, what):
        self.problems.append((line, what))

    def parse_list(self, ends, chained):
        """And-or lists up to a word in ends; returns the last one's pipelines."""
        last = None
        while True:
            self.skip_nl()
            t = self.peek()
            if t is None or (t.text in ends and t.kind in ("word", "op")):
                return last
            last = self.parse_andor()
            t = self.peek()
            if t is None or (t.text in ends and t.kind in ("word", "op")):
                return last
            sep = self.take()
            if sep.text == "&":
                continue  # a job in the background: its status is waited for later
            self.skip_nl()
            t = self.peek()
            if chained and t is not None and not (t.text in ends and t.kind in ("word", "op")):
                self.problem(sep.line, "broken &&-chain: a failure before here is not seen "
                             "(join the commands with &&)")

    def parse_andor(self):
        pipes = [self.parse_pipeline()]
        while self.at("&&", "||"):
            op = self.take().text
            self.skip_nl()
            pipes.append((op, self.parse_pipeline()))
        return pipes

    def parse_pipeline(self):
        if self.at("!"):
            self.take()
        cmds = [self.parse_command()]
        while self.peek() is not None and self.peek().kind == "op" and self.peek().text == "|":
            line = self.take().line
            self.skip_nl()
            first = cmds[-1]
            if first and first[0] in PRODUCT:
                self.problem(line, "'%s' on the left of a pipe: its exit status is lost "
                             "(write its output to a file first)" % first[0])
            cmds.append(self.parse_command())
        return cmds

    def redirections(self):
        while self.peek() is not None and self.peek().kind == "word" and \
                self.peek().text[:1] in "<>0123456789" and \
                ("<" in self.peek().text or ">" in self.peek().text):
            self.take()

    def parse_command(self):
        t = self.peek()
        if t is None:
            raise Lint("unexpected end of the body")
        if t.kind == "op" and t.text == "(":
            self.take()
            self.parse_list({")"}, True)
            self.expect(")")
            self.redirections()
            return ["("]
        if t.kind != "word":
            raise Lint("line %d: unexpected '%s'" % (t.line, t.text))
        if t.text == "{":
            self.take()
            last = self.branch({"}"})
            self.expect("}")
            self.redirections()
            return ["exit"] if self.is_exit(last) else ["{"]
        if t.text == "if":
            self.take()
            self.parse_list({"then"}, False)
            self.expect("then")
            self.branch({"elif", "else", "fi"})
            while self.at("elif"):
                self.take()
                self.parse_list({"then"}, False)
                self.expect("then")
                self.branch({"elif", "else", "fi"})
            if self.at("else"):
                self.take()
                self.branch({"fi"})
            self.expect("fi")
            self.redirections()
            return ["if"]
        if t.text in ("for", "while", "until"):
            self.take()
            if t.text == "for":
                self.take()  # the name
                while not self.at("do") and not (self.peek().kind == "op" and
                                                 self.peek().text == ";"):
                    if self.peek().kind == "nl":
                        break
                    self.take()
                if self.peek().kind == "op" and self.peek().text == ";":
                    self.take()
                self.skip_nl()
            else:
                self.parse_list({"do"}, False)
            self.expect("do")
            last = self.parse_list({"done"}, True)
            if not self.ends_with_return(last):
                self.problem(t.line, "a loop body must end with '|| return 1': "
                             "otherwise only its last round counts")
            self.expect("done")
            self.redirections()
            return [t.text]
        if t.text == "case":
            self.take()
            self.take()  # the word
            self.skip_nl()
            self.expect("in")
            self.skip_nl()
            while not self.at("esac"):
                if self.at("("):
                    self.take()
                while not (self.peek().kind == "op" and self.peek().text == ")"):
                    self.take()
                self.take()
                self.parse_list({";;", "esac"}, True)
                if self.at(";;"):
                    self.take()
                self.skip_nl()
            self.expect("esac")
            self.redirections()
            return ["case"]
        # reserved words count only where a command starts: "notes done" is
        # one command
        words = []
        while self.peek() is not None and self.peek().kind == "word":
            words.append(self.take().text)
        # "name() { ...; }": a function defined in a body
        if len(words) == 1 and self.at("(") and self.toks[self.i + 1].text == ")":
            self.take()
            self.take()
            self.skip_nl()
            return self.parse_command()
        return words

    def branch(self, ends):
        """A list that may be a failure report: "{ echo why >&2; exit 1; }"
        or an else branch ending in "return 1". What runs before its exit
        only writes to the log, so it need not be chained."""
        start = len(self.problems)
        last = self.parse_list(ends, True)
        if self.is_exit(last):
            del self.problems[start:]
        return last

    @staticmethod
    def is_exit(last):
        """Whether an and-or list is a lone 'exit N' or 'return N'."""
        return bool(last) and len(last) == 1 and len(last[0]) == 1 and \
            last[0][0][:1] in (["return"], ["exit"])

    @staticmethod
    def ends_with_return(last):
        if not last or len(last) < 2:
            return False
        op, pipe = last[-1]
        return op == "||" and len(pipe) == 1 and pipe[0][:1] in (["return"], ["exit"])


def lint(body):
    p = Parser(tokenize(body))
    p.parse_list(set(), True)
    if p.peek() is not None:
        raise Lint("line %d: unexpected '%s'" % (p.peek().line, p.peek().text))
    return p.problems


def main(files):
    bad = 0
    for f in files:
        with open(f, encoding="utf-8", errors="surrogateescape") as fh:
            title, _, body = fh.read().partition("\n")
        try:
            problems = lint(body)
        except Lint as e:
            problems = [(0, "cannot read the body: %s" % e)]
        for line, what in problems:
            print("%s: '%s': line %d: %s" % (f, title, line, what))
        bad += bool(problems)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
