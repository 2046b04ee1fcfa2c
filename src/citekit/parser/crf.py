"""The CRF sequence labeller (python-crfsuite) and its shipped model.

``label_spans(text, start, end)`` tokenises ``text[start:end]`` (:mod:`.tokens`), computes the
features (:mod:`.features`), tags the tokens with the model and returns labelled spans: runs of
tokens with one label, each ``(label, start, end, confidence)`` in ``text`` coordinates, where the
confidence is the mean marginal probability of the label at the run's first, middle and last token.  Text between spans (separators,
tokens labelled ``O``) belongs to no field.  Without the model file the parser
runs its rules only (``available()`` is False).  The model is loaded once per thread on first use
(a crfsuite tagger is not thread-safe, so each thread opens its own); ``available()`` says whether
a model is installed.  The model is trained by ``training/train.py``.  A long run (from
``COMPILED_AFTER`` labelled references on) switches to the optional compiled tagger of
:mod:`.fasttag` where it is built; without python-crfsuite (or with ``CITEKIT_LABELLER=python``)
the pure-Python tagger of :mod:`.labeller` reads the same model.  All three give the same labels.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

from .tokens import tokenize

# .features (word lists, lexicon indexes: ~10% of a one-line parse's start-up) is imported on the
# first labelling, so a reference the rules parse alone never loads it

__all__ = ["MODEL_PATH", "available", "label_spans", "tag_tokens"]

MODEL_PATH = Path(os.environ.get("CITEKIT_CRF_MODEL") or Path(__file__).with_name("model.crfsuite"))
MAX_TOKENS = 400  # longer references are labelled in their first MAX_TOKENS tokens

_local = threading.local()


_AVAILABLE: list[bool] = []


def available() -> bool:
    """Is a model installed?  (Checked once per process.)"""
    if not _AVAILABLE:
        _AVAILABLE.append(MODEL_PATH.is_file())  # (without pycrfsuite: the pure-Python tagger)
    return _AVAILABLE[0]


# A long run switches from python-crfsuite's tagger to the compiled one (parser/fasttag.py, where
# it is built: the same labels and marginals, ~2x faster) after this many labelled references:
# reading the model for it (~0.1 s) pays off after a few hundred.  CITEKIT_LABELLER chooses one
# tagger for the whole run: "crfsuite", "compiled" (if built) or "python" (parser/labeller.py).
COMPILED_AFTER = 500
_labelled = [0]
_switched: list[bool] = []  # [True] once the run is long enough for the compiled tagger


def _tagger():
    _labelled[0] += 1
    if _labelled[0] == COMPILED_AFTER and not _switched:
        _switched.append(True)
    tagger = getattr(_local, "tagger", None)
    if tagger is None or _switched and not getattr(_local, "settled", False):
        tagger, _local.settled = _open_tagger(long_run=bool(_switched))
        _local.tagger = tagger
    return tagger


def _open_tagger(long_run: bool = False) -> tuple[Any, bool]:
    """The tagger for this thread, and whether it is the run's last choice: python-crfsuite's, or
    the compiled one in a long run, else the pure-Python one (all give the same labels)."""
    import importlib.util

    choice = os.environ.get("CITEKIT_LABELLER", "")
    if choice != "python" and choice != "crfsuite":
        from .fasttag import compiled_tagger, stored

        # (the model's arrays already read, by this run or an earlier one: compiled from the start)
        if (
            long_run
            or choice == "compiled"
            or stored(MODEL_PATH)
            or not importlib.util.find_spec("pycrfsuite")
        ):
            compiled = compiled_tagger(MODEL_PATH)
            if compiled is not None:
                return compiled, True
    if choice == "python" or not importlib.util.find_spec("pycrfsuite"):
        from .labeller import Tagger

        return Tagger(MODEL_PATH), True
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL_PATH))
    return tagger, long_run or choice == "crfsuite"


def tag_tokens(
    text: str, tokens: list[tuple[int, int]], *, marginals: bool = True
) -> tuple[list[str], list[float]]:
    """Labels (and, with ``marginals``, their marginal probabilities) for ``tokens`` of ``text``."""
    if not tokens:
        return [], []
    from .features import sequence_features

    tagger = _tagger()
    labels = tagger.tag(sequence_features(text, tokens))
    if not marginals:
        return labels, [1.0] * len(labels)
    probs = [tagger.marginal(lab, i) for i, lab in enumerate(labels)]
    return labels, probs


def label_spans(
    text: str, start: int = 0, end: int | None = None
) -> list[tuple[str, int, int, float]]:
    if end is None:
        end = len(text)
    tokens = tokenize(text, start, end)[:MAX_TOKENS]
    if not tokens:
        return []
    from .features import sequence_features

    tagger = _tagger()
    labels = tagger.tag(sequence_features(text, tokens))
    marginal = tagger.marginal
    spans: list[tuple[str, int, int, float]] = []
    i, n = 0, len(labels)
    while i < n:  # each run of one label: tokens i..k
        lab = labels[i]
        k = i
        while k + 1 < n and labels[k + 1] == lab:
            k += 1
        if lab != "O":
            # the confidence of a run: the mean marginal of its first, middle and last token
            if k == i:
                conf = marginal(lab, i)
            else:
                picks = {i, (i + k) // 2, k}  # (summed in the set's order, as before)
                conf = sum([marginal(lab, t) for t in picks]) / len(picks)
            spans.append((lab, tokens[i][0], tokens[k][1], conf))
        i = k + 1
    return spans
