#!/usr/bin/env python3
"""Assemble the facts development set's texts into tests/eval/facts/texts/ (never committed).

Three sources, each rebuilt from what this machine holds:
  - the committed modern_news articles (public domain and CC BY), copied;
  - news articles of many outlets, 2023-2026, from the test fixtures of flairNLP/fundus (MIT
    code; the articles belong to their publishers, so only their names are committed): bring
    the snapshot with the fetch tool (github:flairNLP/fundus), it lands in
    /work/.mirror/flairNLP+fundus/repo;
  - Reuters documents of CoNLL-2003 dev (1996), through ../shared/eval/conll_to_suite.py.

Run from the repository root:  python3 tests/eval/facts/rebuild_texts.py
"""
import json, os, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
OUT = os.path.join(HERE, "texts")
FUNDUS = os.environ.get("FUNDUS_GIT", "/work/.mirror/flairNLP+fundus/repo")
FUNDUS_COMMIT = "18da6e53592f99cf0ac5770dc63d6ba99ba63ae8"
CONLL_DEV = os.path.join(ROOT, "..", "shared", "data", "conll2003", "dev.txt")
SUITE = os.path.join(ROOT, "..", "shared", "eval", "conll_to_suite.py")

MODERN = [
    "digitalgov-2019-presidential-innovation-fellows", "digitalgov-2020-10x-projects",
    "dod-2024-f35-milestone-c", "doe-2024-water-innovation", "fda-2024-otc-glucose-monitor",
    "ftc-2024-noncompete-rule", "nasa-2024-asteroid-over-germany",
    "nasa-2024-ingenuity-mission-ends", "nasa-2024-lro-danuri", "nist-2022-plastic-nanoparticles",
    "usgs-2024-mount-rushmore-fireworks", "eff-2018-super-bowl",
    "eff-2023-google-browser-paternalism", "eff-2024-police-drone-footage",
]
# (name, fixture file under tests/resources/parser/test_data/, article key)
FUNDUS_ARTICLES = [
    ("apnews-2023-mexico-economy", "us/APNews.json", "V1"),
    ("westaustralian-2024-climate-target", "au/WestAustralian.json", "V1"),
    ("cbc-2024-gaza-sinwar", "ca/CBCNews.json", "V1"),
    ("financialpost-2026-jobs-report", "ca/FinancialPost.json", "V1"),
    ("globalnews-2026-kyiv-missile", "ca/GlobalNews.json", "V1"),
    ("ottawacitizen-2026-ircc-offices", "ca/OttawaCitizen.json", "V1"),
    ("malaymail-2024-pm-trips", "my/MalayMail.json", "V1"),
    ("euronews-2026-venezuela-oil", "uk/EuronewsEN.json", "V1_1"),
    ("guardian-2024-valencia-fire", "uk/TheGuardian.json", "V1"),
    ("telegraph-2024-starmer-gifts", "uk/TheTelegraph.json", "V1_1"),
    ("inews-2025-protest-arrests", "uk/iNews.json", "V1_1"),
    ("cnbc-2023-crypto-buyers", "us/CNBC.json", "V1"),
    ("reuters-2023-nepal-flydubai", "us/Reuters.json", "V1"),
    ("reuters-2024-israeli-tank", "us/Reuters.json", "V1_1"),
    ("voa-2024-child-care", "us/VoiceOfAmerica.json", "V1"),
    ("washingtontimes-2023-indiana-budget", "us/WashingtonTimes.json", "V1"),
    ("timeslive-2025-zuma-trial", "za/TimesLive.json", "V1_1"),
    ("citizen-2025-gauteng-storms", "za/TheCitizen.json", "V1"),
    ("globeandmail-2024-business-brief", "ca/TheGlobeAndMail.json", "V1"),
]
# (name, document of the CoNLL-2003 dev suite)
CONLL = [
    ("conll-dev-0189-suu-kyi", "dev-0189"), ("conll-dev-0206-gulf-warplanes", "dev-0206"),
    ("conll-dev-0062-economic-reports", "dev-0062"), ("conll-dev-0065-boatmens-merger", "dev-0065"),
    ("conll-dev-0064-cardinal-bernardin", "dev-0064"), ("conll-dev-0090-arctic-crash", "dev-0090"),
]


def fundus_text(fixture, key):
    raw = subprocess.run(["git", "--git-dir", FUNDUS, "show",
                          f"{FUNDUS_COMMIT}:tests/resources/parser/test_data/{fixture}"],
                         check=True, capture_output=True).stdout
    article = json.loads(raw)[key]
    parts = [article["title"].strip()]
    body = article.get("body") or {}
    parts += [p.strip() for p in body.get("summary", []) if p.strip()]
    for section in body.get("sections", []):
        parts += [h.strip() for h in section.get("headline", []) if h.strip()]
        parts += [p.strip() for p in section.get("paragraphs", []) if p.strip()]
    return "\n\n".join(parts) + "\n"


def main():
    os.makedirs(OUT, exist_ok=True)
    for name in MODERN:
        shutil.copy(os.path.join(HERE, "..", "modern_news", name + ".txt"), os.path.join(OUT, name + ".txt"))
    missing = []
    for name, fixture, key in FUNDUS_ARTICLES:
        try:
            text = fundus_text(fixture, key)
        except (subprocess.CalledProcessError, FileNotFoundError, KeyError):
            missing.append(name)
            continue
        with open(os.path.join(OUT, name + ".txt"), "w", encoding="utf-8") as f:
            f.write(text)
    with tempfile.TemporaryDirectory() as suite:
        subprocess.run([sys.executable, SUITE, CONLL_DEV, suite], check=True, capture_output=True)
        for name, doc in CONLL:
            shutil.copy(os.path.join(suite, doc + ".txt"), os.path.join(OUT, name + ".txt"))
    total = len(MODERN) + len(FUNDUS_ARTICLES) + len(CONLL) - len(missing)
    print(f"{total} texts in {OUT}")
    if missing:
        print("missing (fetch github:flairNLP/fundus first): " + ", ".join(missing))
        sys.exit(1)


if __name__ == "__main__":
    main()
