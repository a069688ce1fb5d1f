#!/usr/bin/env python3
"""Re-create the modern_news texts that may not be committed.

Ten articles of the set (The Conversation, CC BY-ND; ProPublica, Grist and Rest of
World, CC BY-NC-ND) are kept out of the repository (see .gitignore). Their gold files
are committed; this script rebuilds NAME.txt byte for byte from local mirrors of the
public GitHub snapshots they were taken from, applying the edits listed in SOURCES.md,
and checks every result against texts.sha256.

Usage (from anywhere; standard library only, needs `git` on PATH):

    python3 tests/eval/modern_news/rebuild_texts.py              # rebuild all ten
    python3 tests/eval/modern_news/rebuild_texts.py --check      # verify only, write nothing
    python3 tests/eval/modern_news/rebuild_texts.py --only grist-2024-washers-dryers
    python3 tests/eval/modern_news/rebuild_texts.py --mirror-root /path/to/mirrors

Mirrors: bare git directories of OpenDocCN/hackernews-2024-zh and flairNLP/fundus,
looked up as MIRROR_ROOT/OWNER+NAME/repo (or MIRROR_ROOT/OWNER+NAME), default
MIRROR_ROOT /work/.mirror. Files are read at the pinned commits below with
`git --git-dir=DIR show COMMIT:PATH`, so a newer snapshot works as long as it still
contains the pinned commit.

A text whose SHA-256 matches texts.sha256 is written to NAME.txt. A text that does not
match is written to NAME.txt.mismatch instead (NAME.txt is left alone) and the script
exits with status 1.
"""

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHA_FILE = os.path.join(HERE, "texts.sha256")

# Pinned snapshots (the commits named in SOURCES.md).
MIRRORS = {
    "HN": ("OpenDocCN/hackernews-2024-zh", "f4046f2a80031df7c42fc6e68f6b9eb59f8994c2"),
    "FU": ("flairNLP/fundus", "18da6e53592f99cf0ac5770dc63d6ba99ba63ae8"),
}

# One entry per non-committable article.
#   path:   file inside the mirror at the pinned commit
#   suffix: site name taken off the headline
#   drop:   block ids (HN) left out, with the reason (SOURCES.md); "* * *" separators
#           are always left out
#   keep:   excerpt length: number of body paragraphs kept after the drops (None = all)
ARTICLES = {
    "conv-2021-online-pseudonyms": dict(
        mirror="HN",
        path="data/Online-anonymity--study-found--stable-pseudonyms--created-a-more-civil-environment-than-real-user-names.yaml",
        suffix=None,
        drop={"totrans-split-12": "photo caption (David Amess, Alamy)"},
        keep=13,
    ),
    "conv-2024-airline-bag-fees": dict(
        mirror="HN",
        path="data/Why-do-airlines-charge-so-much-for-checked-bags--This-obscure-rule-helps-explain-why.yaml",
        suffix=None,
        drop={},
        keep=None,
    ),
    "conv-2024-streaming-cable-tactics": dict(
        mirror="HN",
        path="data/With-higher-fees-and-more-ads--streaming-services-like-Netflix--Disney--and-Hulu-are-cashing-in-by-using-the-old-tactics-of-cable-TV.yaml",
        suffix=None,
        drop={
            "totrans-17": "photo caption (Pat Weaver, Getty Images)",
            "totrans-38": "photo caption (John Malone, Getty Images)",
        },
        keep=24,
    ),
    "conv-2024-uk-military-nuclear": dict(
        mirror="HN",
        path="data/Military-interests-are-pushing-new-nuclear-power---and-the-UK-government-has-finally-admitted-it.yaml",
        suffix=None,
        drop={
            "totrans-16": "photo caption (submarines, Defence Imagery / flickr)",
            "totrans-26": "photo caption (Rishi Sunak, EPA)",
        },
        keep=22,
    ),
    "conv-2024-norway-oil-ruling": dict(
        mirror="HN",
        path="data/Oil-firms-forced-to-consider-full-climate-effects-of-new-drilling--following-landmark-Norwegian-court-ruling.yaml",
        suffix=None,
        drop={
            "totrans-split-15": "photo caption (Shutterstock)",
            "totrans-split-21": "'Read more:' link",
        },
        keep=21,
    ),
    "propublica-2024-rent-algorithms": dict(
        mirror="HN",
        path="data/Senators-Seek-to-Bar-Landlords-From-Using-Algorithms-to-Artificially-Inflate-Rents---ProPublica.yaml",
        suffix=" — ProPublica",
        drop={"totrans-6": "outlet boilerplate and newsletter line"},
        keep=None,
    ),
    "row-2024-github-developer-growth": dict(
        mirror="HN",
        path="data/The-fastest-growing-countries-for-software-development---Rest-of-World.yaml",
        suffix=" - Rest of World",
        drop={},
        keep=None,
    ),
    "grist-2024-washers-dryers": dict(
        mirror="HN",
        path="data/Washers-and-dryers-are-about-to-get-a-whole-lot-more-efficient---Grist.yaml",
        suffix=" | Grist",
        drop={},
        keep=None,
    ),
    "grist-2024-connecticut-insurers": dict(
        mirror="HN",
        path="data/Connecticut-wants-to-penalize-insurers-for-backing-fossil-fuels---Grist.yaml",
        suffix=" | Grist",
        drop={},
        keep=None,
    ),
    "row-2025-oman-spaceport": dict(
        mirror="FU",
        path="tests/resources/parser/test_data/us/RestOfWorld.json",
        suffix=None,
        drop={},
        keep=8,
    ),
}


class RebuildError(Exception):
    pass


# --------------------------------------------------------------------------- git


def find_git_dir(mirror_root, repo):
    name = repo.replace("/", "+")
    for cand in (os.path.join(mirror_root, name, "repo"), os.path.join(mirror_root, name)):
        if os.path.isfile(os.path.join(cand, "HEAD")) and os.path.isdir(os.path.join(cand, "objects")):
            return cand
    raise RebuildError(
        f"no mirror of {repo} under {mirror_root} (expected {os.path.join(mirror_root, name, 'repo')}); "
        f"fetch github:{repo} first"
    )


def git_show(git_dir, commit, path):
    try:
        res = subprocess.run(
            ["git", "--git-dir", git_dir, "show", f"{commit}:{path}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
    except FileNotFoundError:
        raise RebuildError("git is not installed or not on PATH")
    if res.returncode != 0:
        msg = res.stderr.decode("utf-8", "replace").strip()
        raise RebuildError(f"git show {commit}:{path} failed in {git_dir}: {msg}")
    return res.stdout.decode("utf-8")


# ------------------------------------------------------------------ YAML (subset)
#
# The hackernews-2024-zh files are a top-level sequence of flat mappings written by
# PyYAML:
#
#   - en: <scalar>            plain, 'single-quoted' or "double-quoted", possibly
#         <continuation>      folded over indented continuation lines
#     id: totrans-split-7
#     prefs: []               or  prefs:\n  - PREF_H1
#     type: TYPE_NORMAL
#     zh: <scalar>
#
# Only that much YAML is understood; anything else raises RebuildError.

_KEY_RE = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*):(?: (.*))?$")


def _fold(lines):
    """YAML line folding of a flow scalar's lines (leading/trailing blanks trimmed):
    a single line break becomes a space, each empty line a newline."""
    out = ""
    pending_newlines = 0
    first = True
    for line in lines:
        s = line.strip(" \t")
        if first:
            out = line.rstrip(" \t")
            first = False
            continue
        if s == "":
            pending_newlines += 1
            continue
        out += ("\n" * pending_newlines) if pending_newlines else " "
        pending_newlines = 0
        out += s
    out += "\n" * pending_newlines
    return out


_DQ_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v",
    "f": "\f", "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\",
    "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029",
}
_DQ_HEX = {"x": 2, "u": 4, "U": 8}


def _double_quoted(lines):
    # Join lines: an escaped line break (trailing backslash) joins with nothing and
    # drops the next line's indentation; otherwise normal folding applies.
    text = ""
    pending = 0  # empty lines seen since the last content line
    for i, line in enumerate(lines):
        if i == 0:
            cur = line
        else:
            s = line.lstrip(" \t")
            if s.strip(" \t") == "" and i != len(lines) - 1:
                pending += 1
                continue
            if _ends_with_escape(text):
                text = text[:-1]
                text += "\n" * pending
            else:
                text = text.rstrip(" \t")
                text += ("\n" * pending) if pending else " "
            pending = 0
            cur = s
        text += cur
    text = text.strip(" \t")
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise RebuildError("malformed double-quoted scalar")
    body = text[1:-1]
    out = []
    i = 0
    while i < len(body):
        c = body[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        e = body[i + 1]
        if e in _DQ_ESCAPES:
            out.append(_DQ_ESCAPES[e])
            i += 2
        elif e in _DQ_HEX:
            n = _DQ_HEX[e]
            out.append(chr(int(body[i + 2 : i + 2 + n], 16)))
            i += 2 + n
        else:
            raise RebuildError(f"unknown escape \\{e} in double-quoted scalar")
    return "".join(out)


def _ends_with_escape(text):
    n = len(text) - len(text.rstrip("\\"))
    return n % 2 == 1


def _scalar(lines):
    first = lines[0].lstrip(" ")
    if first.startswith("'"):
        folded = _fold(lines).strip(" \t")
        if len(folded) < 2 or not folded.endswith("'"):
            raise RebuildError("malformed single-quoted scalar")
        return folded[1:-1].replace("''", "'")
    if first.startswith('"'):
        return _double_quoted(lines)
    if first[:1] in ("|", ">"):
        raise RebuildError("block scalars are not supported")
    return _fold(lines).strip(" \t")


def parse_hn_yaml(text):
    items = []
    item = None
    key = None
    raw = None  # list of raw scalar lines for `key`, or None for a list value

    def finish_key():
        if item is not None and key is not None and raw is not None:
            while raw and raw[-1].strip() == "":
                raw.pop()
            item[key] = _scalar(raw) if raw else ""

    for line in text.split("\n"):
        if line.startswith("- "):
            finish_key()
            key = raw = None
            item = {}
            items.append(item)
            rest = line[2:]
        elif line.startswith("  ") and not line.startswith("   ") and item is not None:
            rest = line[2:]
            if rest.startswith("- ") and key is not None and isinstance(item.get(key), list):
                item[key].append(rest[2:].strip())
                continue
        elif line.startswith("    ") or line.strip() == "":
            if raw is not None:
                raw.append(line)
            elif line.strip() != "":
                raise RebuildError(f"unexpected line in YAML: {line[:60]!r}")
            continue
        else:
            raise RebuildError(f"unexpected line in YAML: {line[:60]!r}")
        finish_key()
        m = _KEY_RE.match(rest)
        if not m:
            raise RebuildError(f"unexpected line in YAML: {line[:60]!r}")
        key, value = m.group(1), m.group(2)
        if value and value[0] in "&*!":
            raise RebuildError(f"YAML anchors, aliases and tags are not supported: {line[:60]!r}")
        if value is None or value == "":
            item[key] = []  # a block sequence follows (prefs:)
            raw = None
        elif value == "[]":
            item[key] = []
            raw = None
        else:
            raw = [value]
    finish_key()
    return items


# ------------------------------------------------------------- markdown to text


def _match_bracket(s, i, open_c, close_c):
    """Index of the bracket closing s[i] (== open_c), honouring nesting and
    backslash escapes; -1 if none."""
    depth = 0
    j = i
    while j < len(s):
        c = s[j]
        if c == "\\":
            j += 2
            continue
        if c == open_c:
            depth += 1
        elif c == close_c:
            depth -= 1
            if depth == 0:
                return j
        j += 1
    return -1


def strip_links(s):
    """[words](url) -> words (nested brackets and parentheses in URLs handled);
    ![alt](url) images are removed. Brackets that are not links are kept."""
    out = []
    i = 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            out.append(s[i : i + 2])
            i += 2
            continue
        if c == "[":
            close = _match_bracket(s, i, "[", "]")
            if close != -1 and close + 1 < len(s) and s[close + 1] == "(":
                end = _match_bracket(s, close + 1, "(", ")")
                if end != -1:
                    words = strip_links(s[i + 1 : close])
                    if out and out[-1] == "!":
                        out.pop()  # image: drop it altogether
                    else:
                        out.append(words)
                    i = end + 1
                    continue
        out.append(c)
        i += 1
    return "".join(out)


_ITALIC_UNDERSCORE = re.compile(r"(?<![0-9A-Za-z])_(\S(?:.*?\S)?)_(?![0-9A-Za-z])")
_BACKSLASH_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def markdown_to_text(s):
    s = strip_links(s)
    s = s.replace("*", "")  # **bold**, *italic*, ***both*** (the texts hold no literal *)
    s = _ITALIC_UNDERSCORE.sub(r"\1", s)
    s = _BACKSLASH_ESCAPE.sub(r"\1", s)
    s = s.replace("\u00a0", " ")
    return s


# ------------------------------------------------------------------- builders


def build_hn(name, spec, source):
    blocks = parse_hn_yaml(source)
    headline = None
    body = []
    in_body = False
    seen_drops = set()
    for b in blocks:
        en = b.get("en", "")
        if not in_body:
            if "PREF_H1" in b.get("prefs", []) and headline is None:
                headline = markdown_to_text(en)
            if en.startswith("来源："):  # the archive's "source:" line ends the header
                in_body = True
            continue
        if b.get("id") in spec["drop"]:
            seen_drops.add(b["id"])
            continue
        if en.strip() == "* * *":
            continue
        body.append(markdown_to_text(en).strip())
    if headline is None or not in_body:
        raise RebuildError(f"{name}: no headline or no source line in {spec['path']}")
    missing = set(spec["drop"]) - seen_drops
    if missing:
        raise RebuildError(f"{name}: blocks to drop not found: {sorted(missing)}")
    return headline, body


def build_fundus(name, spec, source):
    data = json.loads(source)["V1"]
    headline = data["title"]
    body = []
    for section in data["body"]["sections"]:
        body.extend(section["headline"])
        body.extend(section["paragraphs"])
    body = [p.replace("\u00a0", " ").strip() for p in body]
    return headline, body


BUILDERS = {"HN": build_hn, "FU": build_fundus}


def build(name, spec, git_dirs):
    repo, commit = MIRRORS[spec["mirror"]]
    source = git_show(git_dirs[spec["mirror"]], commit, spec["path"])
    headline, body = BUILDERS[spec["mirror"]](name, spec, source)
    suffix = spec["suffix"]
    if suffix:
        if not headline.endswith(suffix):
            raise RebuildError(f"{name}: headline does not end with {suffix!r}")
        headline = headline[: -len(suffix)]
    body = [p for p in body if p]
    if spec["keep"] is not None:
        if len(body) < spec["keep"]:
            raise RebuildError(f"{name}: only {len(body)} paragraphs, {spec['keep']} wanted")
        body = body[: spec["keep"]]
    text = headline.strip() + "\n\n" + "\n\n".join(body) + "\n"
    return text.encode("utf-8")


# ----------------------------------------------------------------------- main


def read_sums():
    sums = {}
    with open(SHA_FILE, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            digest, fname = line.split(None, 1)
            sums[fname.lstrip("*")] = digest.lower()
    return sums


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mirror-root", default=os.environ.get("MODERN_NEWS_MIRRORS", "/work/.mirror"),
                    help="directory holding OWNER+NAME/repo bare git mirrors (default /work/.mirror)")
    ap.add_argument("--check", action="store_true", help="rebuild in memory and verify; write nothing")
    ap.add_argument("--only", action="append", metavar="NAME", help="rebuild only this article (repeatable)")
    args = ap.parse_args(argv)

    names = list(ARTICLES)
    if args.only:
        unknown = [n for n in args.only if n not in ARTICLES]
        if unknown:
            ap.error(f"not a rebuilt article: {', '.join(unknown)} (choose from {', '.join(ARTICLES)})")
        names = [n for n in names if n in args.only]

    sums = read_sums()
    git_dirs = {}
    try:
        for key in sorted({ARTICLES[n]["mirror"] for n in names}):
            git_dirs[key] = find_git_dir(args.mirror_root, MIRRORS[key][0])
    except RebuildError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2

    ok, bad = [], []
    for name in names:
        fname = name + ".txt"
        try:
            data = build(name, ARTICLES[name], git_dirs)
        except RebuildError as e:
            print(f"FAILED    {fname}: {e}", file=sys.stderr)
            bad.append(fname)
            continue
        digest = hashlib.sha256(data).hexdigest()
        want = sums.get(fname)
        if want is None:
            print(f"FAILED    {fname}: no entry in texts.sha256", file=sys.stderr)
            bad.append(fname)
            continue
        if digest != want:
            where = ""
            if not args.check:
                with open(os.path.join(HERE, fname + ".mismatch"), "wb") as f:
                    f.write(data)
                where = f"; rebuilt text written to {fname}.mismatch, {fname} left alone"
            print(f"MISMATCH  {fname}: sha256 {digest}, expected {want}{where}", file=sys.stderr)
            bad.append(fname)
            continue
        if args.check:
            print(f"ok        {fname} (sha256 matches; --check, not written)")
        else:
            with open(os.path.join(HERE, fname), "wb") as f:
                f.write(data)
            print(f"wrote     {fname} (sha256 ok)")
        ok.append(fname)

    print(f"{len(ok)} of {len(names)} texts rebuilt and verified" + (f"; {len(bad)} failed" if bad else ""))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
