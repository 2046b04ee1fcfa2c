"""The CRF sequence labeller (python-crfsuite) and its shipped model.

``label_spans(text, start, end)`` tokenises ``text[start:end]`` (:mod:`.tokens`), computes the
features (:mod:`.features`), tags the tokens with the model and returns labelled spans: runs of
tokens with one label, each ``(label, start, end, confidence)`` in ``text`` coordinates, where the
confidence is the mean marginal probability of the label at the run's first, middle and last token.  Text between spans (separators,
tokens labelled ``O``) belongs to no field.  Without the model file the parser
runs its rules only (``available()`` is False).  The model is loaded once per thread on first use
(a crfsuite tagger is not thread-safe, so each thread opens its own); ``available()`` says whether
a model is installed.  The model is trained by ``training/train.py``.  Without python-crfsuite
(or with ``CITEKIT_LABELLER=python``) the pure-Python tagger of :mod:`.labeller` reads the same
model and gives the same labels.  By default the first references are labelled by python-crfsuite
and, from the ``SWITCH_AFTER``-th on, by crfsuite's C API fed attribute ids (:mod:`.ctagger`, the
same labels, cheaper per reference): a short list does not pay its set-up.
"""

from __future__ import annotations

import os
import threading
from itertools import groupby, repeat
from pathlib import Path
from typing import Any

from .features import sequence_features
from .tokens import tokenize

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


# references labelled through python-crfsuite before the C-API tagger is opened: its set-up (the
# ctypes import, a second model load, the probe) costs ~15 ms, ~40 references' worth of its savings
SWITCH_AFTER = 32


def _tagger():
    tagger = getattr(_local, "tagger", None)
    if tagger is None:
        tagger = _open_tagger()
        _local.tagger = tagger
        _local.upgrade = (tagger, SWITCH_AFTER) if _may_upgrade() else None
    return tagger


def _may_upgrade() -> bool:
    return os.environ.get("CITEKIT_LABELLER") not in ("python", "crfsuite", "ids")


def _upgraded(tagger: Any) -> Any:
    """The tagger to label with now: the C-API tagger once this thread's python-crfsuite tagger,
    opened by default, has labelled ``SWITCH_AFTER`` references."""
    upgrade = getattr(_local, "upgrade", None)
    if upgrade is None or upgrade[0] is not tagger:  # (forced, or a tagger set by a test)
        return tagger
    if upgrade[1] > 0:
        _local.upgrade = (tagger, upgrade[1] - 1)
        return tagger
    _local.upgrade = None
    from .ctagger import open_tagger

    fast = open_tagger(MODEL_PATH)
    if fast is not None:
        _local.tagger = tagger = fast
    return tagger


def _open_tagger() -> Any:
    """python-crfsuite's tagger, else the pure-Python one: the same labels from each.
    ``CITEKIT_LABELLER`` picks one: ``python``, ``crfsuite`` (python-crfsuite's string interface
    only) or ``ids`` (crfsuite's C API fed attribute ids from the first reference on)."""
    import importlib.util

    choice = os.environ.get("CITEKIT_LABELLER")
    if choice == "python" or not importlib.util.find_spec("pycrfsuite"):
        from .labeller import Tagger

        return Tagger(MODEL_PATH)
    if choice == "ids":
        from .ctagger import open_tagger

        fast = open_tagger(MODEL_PATH)
        if fast is not None:
            return fast
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL_PATH))
    return tagger


def _labels(text: str, tokens: list[tuple[int, int]]) -> list[str]:
    tagger = _upgraded(_tagger())
    tag_text = getattr(tagger, "tag_text", None)  # (the C tagger fed ids makes its own features)
    if tag_text is not None:
        return tag_text(text, tokens)
    return tagger.tag(sequence_features(text, tokens))


def tag_tokens(
    text: str, tokens: list[tuple[int, int]], *, marginals: bool = True
) -> tuple[list[str], list[float]]:
    """Labels (and, with ``marginals``, their marginal probabilities) for ``tokens`` of ``text``."""
    if not tokens:
        return [], []
    labels = _labels(text, tokens)
    if not marginals:
        return labels, [1.0] * len(labels)
    marginal = _tagger().marginal
    probs = [marginal(lab, i) for i, lab in enumerate(labels)]
    return labels, probs


def label_spans(
    text: str, start: int = 0, end: int | None = None
) -> list[tuple[str, int, int, float]]:
    if end is None:
        end = len(text)
    tokens = tokenize(text, start, end)[:MAX_TOKENS]
    if not tokens:
        return []
    labels = _labels(text, tokens)
    marginal = _tagger().marginal
    spans: list[tuple[str, int, int, float]] = []
    i = 0
    for lab, run in groupby(labels):
        j = i + len(list(run))
        if lab != "O":
            # the confidence of a run: the mean marginal of its first, middle and last token
            picks = {i, (i + j - 1) // 2, j - 1}
            conf = sum(map(marginal, repeat(lab, len(picks)), picks)) / len(picks)
            spans.append((lab, tokens[i][0], tokens[j - 1][1], conf))
        i = j
    return spans
