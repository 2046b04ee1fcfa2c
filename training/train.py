"""Train citekit's CRF reference labeller and write the model shipped in the package.

    python training/train.py                 # corpora + frozen synthetic data -> src/citekit/parser/model.crfsuite
    python training/train.py --no-synthetic  # the converted corpora only
    python training/train.py --regenerate-synthetic   # render fresh synthetic data instead of reading the file
    python training/train.py --out /tmp/m.crfsuite --holdout 0.1   # report token accuracy on a held-out tenth
    python training/train.py --synthetic-en --out /tmp/m.crfsuite  # also the synthetic English shapes

Inputs: ``training/data/*.jsonl`` (AnyStyle core and gold, read twice each, and GROBID's citation
corpus, converted by ``convert_datasets.py``; 1,042 hand-checked Chinese and mixed references from zotero-chinese/styles,
``zotero-chinese.jsonl``, read three times each) and the synthetic references in ``training/data/synthetic.jsonl.gz``, made
once by ``python training/synth.py --write`` (CSL items rendered through many CSL styles with marked
fields, plus noise).  The synthetic set is a committed file so that renderer changes do not change
the model; ``--regenerate-synthetic`` renders it afresh in memory instead.  Everything is seeded: the
same command gives the same model.  The parser's development set (``tests/fixtures/parse/``) is never read.

Each record ``{"text", "spans": [[label, start, end], ...]}`` is normalised like the parser's input
(``citekit.normalise``), tokenised (``citekit.parser.tokens``) and every token gets the label of the
span its first character is in (``O`` outside every span).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "training"))

from citekit.normalise import normalise  # noqa: E402
from citekit.parser.features import sequence_features  # noqa: E402
from citekit.parser.tokens import tokenize  # noqa: E402

DATA = ROOT / "training" / "data"
MODEL = ROOT / "src" / "citekit" / "parser" / "model.crfsuite"
MAX_TOKENS = 400


# real Chinese and mixed references, hand-checked (data/SOURCES.real-zh.md, and README.md for
# zotero-chinese): few next to the synthetic ones, so each is read REAL_WEIGHT times
REAL = ("real-zh.jsonl", "zotero-chinese.jsonl")
REAL_WEIGHT = 3
# AnyStyle's real English references (humanities and social-science lists: MLA, Chicago, APA,
# translators, chapters) would be outweighed by GROBID's physics lists and the Chinese ones
ENGLISH = ("anystyle-core.jsonl", "anystyle-gold.jsonl")
ENGLISH_WEIGHT = 2


def load_corpora(
    real_weight: int = REAL_WEIGHT, english_weight: int = ENGLISH_WEIGHT
) -> list[dict]:
    rows = []
    for name in (*ENGLISH, "grobid-corpus.jsonl", *REAL):
        with open(DATA / name, encoding="utf-8") as fh:
            recs = [json.loads(line) for line in fh if line.strip()]
        weight = real_weight if name in REAL else english_weight if name in ENGLISH else 1
        rows.extend(recs * weight)
    return rows


def to_sequence(rec: dict) -> tuple[list[list[str]], list[str]] | None:
    text = rec["text"]
    char_label = ["O"] * len(text)
    for label, s, e in rec["spans"]:
        for k in range(s, min(e, len(text))):
            char_label[k] = label
    view = normalise(text)
    tokens = tokenize(view.text)[:MAX_TOKENS]
    if not tokens:
        return None
    labels = [char_label[view.offsets[s]] for s, _ in tokens]
    return sequence_features(view.text, tokens), labels


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(MODEL))
    ap.add_argument("--no-synthetic", action="store_true")
    ap.add_argument(
        "--synthetic",
        type=int,
        default=None,
        help="number of synthetic references (default: all of the frozen file)",
    )
    ap.add_argument("--synthetic-file", default=str(DATA / "synthetic.jsonl.gz"))
    ap.add_argument(
        "--synthetic-en",
        nargs="?",
        const=str(DATA / "synthetic-en.jsonl.gz"),
        default=None,
        metavar="PATH",
        help="also read the synthetic English shapes (reports, patents, talks, editions, editors "
        "through ACM/MLA/Harvard/APA/IEEE; synth.py --english --write; default file "
        "data/synthetic-en.jsonl.gz). Not in the shipped recipe: it scored lower on dev/",
    )
    ap.add_argument(
        "--regenerate-synthetic",
        action="store_true",
        help="render synthetic references with the current renderer instead of reading the file",
    )
    ap.add_argument(
        "--holdout", type=float, default=0.0, help="share of records kept out to measure"
    )
    ap.add_argument(
        "--real-weight",
        type=int,
        default=REAL_WEIGHT,
        help=f"times each hand-checked real reference ({', '.join(REAL)}) is read",
    )
    ap.add_argument(
        "--english-weight",
        type=int,
        default=ENGLISH_WEIGHT,
        help=f"times each AnyStyle English reference ({', '.join(ENGLISH)}) is read",
    )
    ap.add_argument("--iterations", type=int, default=60)
    ap.add_argument("--c1", type=float, default=0.1)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--seed", type=int, default=20260322)
    ap.add_argument(
        "--minfreq",
        type=float,
        default=5,
        help="crfsuite's feature.minfreq: attributes seen fewer times get no weight",
    )
    args = ap.parse_args()

    import pycrfsuite

    t0 = time.time()
    records = load_corpora(args.real_weight, args.english_weight)
    print(f"corpora: {len(records)} references")
    if not args.no_synthetic:
        from synth import SYNTHETIC_N, read_jsonl, synthesise

        if args.regenerate_synthetic:
            synth = synthesise(args.synthetic or SYNTHETIC_N, seed=args.seed)
        else:
            synth = read_jsonl(args.synthetic_file)
            if args.synthetic is not None:
                if args.synthetic > len(synth):
                    sys.exit(
                        f"{args.synthetic_file} holds only {len(synth)} references; use --regenerate-synthetic"
                    )
                synth = synth[: args.synthetic]
        print(f"synthetic: {len(synth)} references")
        records += synth
        if args.synthetic_en:
            synth_en = read_jsonl(args.synthetic_en)
            print(f"synthetic English shapes: {len(synth_en)} references")
            records += synth_en
    rng = random.Random(args.seed)
    rng.shuffle(records)
    n_hold = int(len(records) * args.holdout)
    held, train = records[:n_hold], records[n_hold:]

    trainer = pycrfsuite.Trainer(verbose=False)
    for rec in train:
        seq = to_sequence(rec)
        if seq:
            trainer.append(*seq)
    print(f"features built in {time.time() - t0:.0f} s")
    trainer.set_params(
        {
            "c1": args.c1,
            "c2": args.c2,
            "max_iterations": args.iterations,
            "feature.possible_transitions": True,
            "feature.minfreq": args.minfreq,
        }
    )
    out = Path(args.out)
    trainer.train(str(out))
    print(f"trained in {time.time() - t0:.0f} s: {out} ({out.stat().st_size / 1e6:.1f} MB)")

    if held:
        tagger = pycrfsuite.Tagger()
        tagger.open(str(out))
        ok = total = 0
        by_source: dict[str, list[int]] = {}
        for rec in held:
            seq = to_sequence(rec)
            if not seq:
                continue
            got = tagger.tag(seq[0])
            good = sum(a == b for a, b in zip(got, seq[1], strict=True))
            ok += good
            total += len(got)
            src = rec.get("source", "?").split(":")[0]
            acc = by_source.setdefault(src, [0, 0])
            acc[0] += good
            acc[1] += len(got)
        print(f"held-out token accuracy: {ok / total:.4f} ({len(held)} references)")
        for src, (a, b) in sorted(by_source.items()):
            print(f"  {src}: {a / b:.4f}")


if __name__ == "__main__":
    main()
