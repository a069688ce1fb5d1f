#!/usr/bin/env bash
# Rebuilds the bundled fallback fonts in this folder from Debian's font packages.
# See SOURCES.md for what they are and why. Run from anywhere:
#
#     bash assets/fonts/remake.sh
#
# Needs apt-get and dpkg-deb (Debian or Ubuntu), and python3 with fontTools
# (`pip install fonttools`; tested with 4.68.0). No root needed: `apt-get download`
# only fetches the .deb files into a temporary folder, nothing is installed.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# 1. The upstream fonts, from Debian 12 (bookworm):
#    fonts-droid-fallback 1:6.0.1r16-1.1 (Droid Sans Fallback 2.55b, Apache-2.0)
#    fonts-dejavu-core    2.37-6          (DejaVu Sans 2.37, Bitstream Vera/Arev licence)
apt-get download fonts-droid-fallback fonts-dejavu-core
for deb in ./*.deb; do dpkg-deb -x "$deb" x; done
droid=x/usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf
dejavu=x/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
dejavu_bold=x/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf

# The exact files the committed subsets were made from. Another Debian release may ship
# other versions: then the output differs, so stop unless asked to go on (ANY_VERSION=1).
if ! sha256sum --check --quiet <<SUMS
56d3edfb377a8bc3c4b77f4476405c770173c0e31221ad7c77d0a8e1f3039a3e  $droid
abdc775b21b1bc470d50c97e790d276f2054b7504e56e5bd3e64f48d68582322  $dejavu
0d977336a6d5fba34eab8e3199eb218327161b5143749f802982c2bc34df0c96  $dejavu_bold
SUMS
then
    if [ "${ANY_VERSION:-0}" != 1 ]; then
        echo "remake.sh: the upstream fonts are not the versions SOURCES.md names;" >&2
        echo "remake.sh: set ANY_VERSION=1 to build from them anyway" >&2
        exit 1
    fi
fi

# 2. The code points of the CJK subset, by decoding the national code tables.
python3 - <<'PY'
def decode_all(codec, leads, trails):
    out = set()
    for a in leads:
        for b in trails:
            try:
                s = bytes([a, b]).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(s) == 1:
                out.add(ord(s))
    return out

def ideograph(c):
    return 0x3400 <= c <= 0x9FFF or 0xF900 <= c <= 0xFAFF or 0x20000 <= c <= 0x3FFFF

def hangul(c):
    return 0xAC00 <= c <= 0xD7A3

euc = range(0xA1, 0xFF)
big5_trails = list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF))

# GB2312 (EUC-CN): all 6,763 hanzi (level 1 rows 16-55, level 2 rows 56-87).
gb2312 = {c for c in decode_all("gb2312", range(0xB0, 0xF8), euc) if ideograph(c)}
# Big5 level 1, the 5,401 frequently used hanzi: 0xA440-0xC67E.
big5 = {c for c in decode_all("big5", range(0xA4, 0xC7), big5_trails) if ideograph(c)}
# JIS X 0208 (EUC-JP): all 6,355 kanji (level 1 rows 16-47, level 2 rows 48-84).
jis = {c for c in decode_all("euc_jp", range(0xB0, 0xF5), euc) if ideograph(c)}
# KS X 1001 (EUC-KR): the 2,350 precomposed Hangul syllables.
ksx = {c for c in decode_all("euc_kr", range(0xA1, 0xFF), euc) if hangul(c)}
# The symbol rows of all four tables (punctuation, circled numbers, arrows, shapes, ...).
symbols = (decode_all("gb2312", range(0xA1, 0xAA), euc)
           | decode_all("big5", range(0xA1, 0xA4), big5_trails)
           | decode_all("euc_jp", range(0xA1, 0xA9), euc)
           | decode_all("euc_kr", range(0xA1, 0xAD), euc))
symbols = {c for c in symbols if c > 0x7F and not ideograph(c) and not hangul(c)}
blocks = (set(range(0x3000, 0x3040))    # CJK Symbols and Punctuation
          | set(range(0x3040, 0x3100))  # Hiragana, Katakana
          | set(range(0x3130, 0x3190))  # Hangul Compatibility Jamo
          | set(range(0x31F0, 0x3200))  # Katakana Phonetic Extensions
          | set(range(0xFF00, 0xFFF0)))  # Halfwidth and Fullwidth Forms
assert (len(gb2312), len(big5), len(jis), len(ksx)) == (6763, 5401, 6355, 2350)
wanted = gb2312 | big5 | jis | ksx | symbols | blocks
with open("cjk.txt", "w") as f:
    f.write("\n".join(f"U+{c:04X}" for c in sorted(wanted)) + "\n")
PY

# 3. The subsets: no hinting (egui does not use it), no vertical metrics, every
#    OpenType layout feature kept (egui shapes text with harfrust, so GSUB/GPOS are used).
common=(--no-hinting --desubroutinize --layout-features='*' --name-IDs='*'
        --name-languages='*' --notdef-outline --drop-tables+=vhea,vmtx,MATH,FFTM)
pyftsubset "$droid" --unicodes-file=cjk.txt "${common[@]}" \
    --output-file=DroidSansFallback-subset.ttf
# Hebrew, Arabic, Arabic Supplement and Extended-A, the presentation forms (Hebrew
# FB1D-FB4F, Arabic A FB50-FDFF, Arabic B FE70-FEFF), the joiners and direction marks,
# the new shekel sign and the dotted circle that marks stand on.
pyftsubset "$dejavu" \
    --unicodes="U+0590-05FF,U+0600-06FF,U+0750-077F,U+08A0-08FF,U+FB1D-FB4F,U+FB50-FDFF,U+FE70-FEFF,U+200C-200F,U+20AA,U+25CC" \
    "${common[@]}" --output-file=DejaVuSans-subset.ttf
# The bold face headings are drawn in (egui's own fonts have no bold): Latin with its
# extensions and combining marks, Greek, Cyrillic, punctuation, currency and letterlike
# symbols, arrows.
pyftsubset "$dejavu_bold" \
    --unicodes="U+0020-007E,U+00A0-024F,U+0300-036F,U+0370-03FF,U+0400-04FF,U+1E00-1EFF,U+2000-206F,U+20A0-20CF,U+2100-214F,U+2190-21FF" \
    "${common[@]}" --output-file=DejaVuSans-Bold-subset.ttf

# 4. Say in each file that it was changed (Apache-2.0 section 4(b)).
python3 - <<'PY'
from fontTools.ttLib import TTFont
notes = {
    "DroidSansFallback-subset.ttf": "Subset of Droid Sans Fallback 2.55b (Debian fonts-droid-fallback "
        "1:6.0.1r16-1.1) made for newslens: kana, CJK punctuation, full-width forms, the Hangul "
        "syllables of KS X 1001 and the ideographs of GB2312, Big5 level 1 and JIS X 0208; "
        "hinting removed. Licensed under the Apache License, Version 2.0.",
    "DejaVuSans-subset.ttf": "Subset of DejaVu Sans 2.37 (Debian fonts-dejavu-core 2.37-6) made for "
        "newslens: Hebrew and Arabic with their presentation forms; hinting removed.",
    "DejaVuSans-Bold-subset.ttf": "Subset of DejaVu Sans Bold 2.37 (Debian fonts-dejavu-core 2.37-6) "
        "made for newslens: Latin, Greek, Cyrillic and punctuation, for headings; hinting removed.",
}
for path, note in notes.items():
    font = TTFont(path, recalcTimestamp=False)
    name = font["name"]
    name.setName(note, 10, 3, 1, 0x409)  # Description, Windows Unicode English
    name.setName(note, 10, 1, 0, 0)      # Description, Macintosh Roman English
    font.save(path)
PY

cp DroidSansFallback-subset.ttf DejaVuSans-subset.ttf DejaVuSans-Bold-subset.ttf "$here/"
ls -l "$here"/*.ttf
sha256sum "$here"/*.ttf
