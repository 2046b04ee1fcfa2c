"""A pure-Python tagger for a crfsuite model: Viterbi labels and marginal probabilities.

It reads the model file itself (:mod:`.crfmodel`): the weights go into a dict keyed by the feature's
UTF-8 bytes (the features of :mod:`.features` are bytes objects from its cache, which carry their
hash), so a feature costs one dict lookup and no string copy; a token's state scores are cached per
distinct feature list.  It serves any model python-crfsuite writes (the label and attribute names
come from the file), and it is used where python-crfsuite is not installed or with
``CITEKIT_LABELLER=python``: python-crfsuite's C tagger stays the default because it is faster (a
Viterbi and forward-backward pass over 22 labels is ~500 multiply-adds a token, which C does in well
under a microsecond and Python in tens).  python-crfsuite remains the trainer.

The labels are crfsuite's, bit for bit: the state scores are summed in crfsuite's order (feature
order, from zero), the path scores with the same additions, and ties go to the lowest label index
as in crfsuite's Viterbi.  The marginals come from the same scaled forward-backward
recursions summed in another order; they agree with crfsuite's within ~1e-15.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Sequence
from functools import reduce
from math import exp
from operator import add, mul
from pathlib import Path

from .crfmodel import read_model

__all__ = ["Labeller", "Tagged", "Tagger", "labeller"]

_ROWS_MAX = 50_000  # cached state-score rows (~0.6 KB each with their keys: ~30 MB at most)

if sys.version_info >= (3, 12):  # sum() compensates from 3.12 on; crfsuite adds plainly

    def _plain_sum(values: Sequence[float]) -> float:
        return reduce(add, values, 0.0)

else:
    _plain_sum = sum


class Labeller:
    """The model at ``path``; :meth:`tag` labels one sequence of feature lists."""

    def __init__(self, path: str | Path) -> None:
        m = read_model(path)
        self.labels: list[str] = m.labels
        n = self.size = len(m.labels)
        self._index = {name: i for i, name in enumerate(m.labels)}
        self._sparse = m.state  # feature bytes -> ((label, weight), ...)
        self._dense: dict[bytes, tuple[float, ...]] = {}  # the same as full rows, made on first use
        trans = [list(row) for row in m.trans]  # trans[i][j]: label i followed by label j
        self._trans_cols = [[trans[i][j] for i in range(n)] for j in range(n)]
        self._etrans = [[exp(x) for x in r] for r in trans]
        self._ecols = [[r[j] for r in self._etrans] for j in range(n)]
        self._rows: dict[tuple, list[float]] = {}  # a token's features -> its state scores

    def _row(self, feature: bytes) -> tuple[float, ...] | None:
        ws = self._sparse.get(feature)
        if ws is None:
            return None
        row = [0.0] * self.size
        for j, w in ws:
            row[j] = w
        dense = self._dense[feature] = tuple(row)
        return dense

    def _state(self, item: Sequence[bytes]) -> list[float]:
        """The token's score for every label: the weights of its features, added in their order
        (a missing weight adds 0.0, which changes no sum)."""
        key = tuple(item)
        row = self._rows.get(key)
        if row is not None:
            return row
        get, make = self._dense.get, self._row
        rows = [r for r in [get(f) or make(f) for f in key] if r is not None]
        row = list(map(_plain_sum, zip(*rows, strict=True))) if rows else [0.0] * self.size
        if len(self._rows) < _ROWS_MAX:
            self._rows[key] = row  # (a dict store is atomic: threads may share the cache)
        return row

    def tag(self, xseq: Sequence[Sequence[bytes]]) -> Tagged:
        """The Viterbi labels of ``xseq`` (one feature list per token) and, on demand, marginals."""
        states = [self._state(item) for item in xseq]
        return Tagged(self, states, self._viterbi(states))

    def _viterbi(self, states: list[list[float]]) -> list[int]:
        if not states:
            return []
        cols = self._trans_cols
        # scores[t][j]: the best path score ending in label j at token t (crfsuite's additions)
        scores = [states[0]]
        prev = states[0]
        for state in states[1:]:
            prev = [max(map(add, prev, col)) + s for col, s in zip(cols, state, strict=True)]
            scores.append(prev)
        # back from the best end along the best predecessors (the first best, as crfsuite's)
        last = prev.index(max(prev))
        path = [last]
        for t in range(len(states) - 2, -1, -1):
            cand = list(map(add, scores[t], cols[last]))
            last = cand.index(max(cand))
            path.append(last)
        path.reverse()
        return path


class Tagged:
    """One tagged sequence: ``path`` (label indices), ``labels`` and ``marginal(label, t)`` (the
    forward-backward pass runs on the first call)."""

    __slots__ = ("_alpha", "_beta", "_lab", "_scale", "_states", "path")

    def __init__(self, lab: Labeller, states: list[list[float]], path: list[int]) -> None:
        self._lab = lab
        self._states = states
        self.path = path
        self._alpha: list[list[float]] = []
        self._beta: list[list[float]] = []
        self._scale: list[float] = []

    @property
    def labels(self) -> list[str]:
        names = self._lab.labels
        return [names[i] for i in self.path]

    def marginal(self, label: str, t: int) -> float:
        """The probability that token ``t`` has ``label``."""
        if not self._alpha:
            if not self._states:
                raise IndexError("no tokens")
            self._forward_backward()
        j = self._lab._index[label]
        return self._alpha[t][j] * self._beta[t][j] / self._scale[t]

    def _forward_backward(self) -> None:
        lab = self._lab
        et, ecols = lab._etrans, lab._ecols
        # exp of the state scores, shifted by each token's largest (the shift cancels out)
        xs = []
        for s in self._states:
            m = max(s)
            xs.append([exp(v - m) for v in s])
        alpha: list[list[float]] = []
        scale: list[float] = []
        a = xs[0]
        for x in xs[1:]:
            z = 1.0 / sum(a)
            a = [v * z for v in a]
            alpha.append(a)
            scale.append(z)
            a = [sum(map(mul, a, col)) * v for col, v in zip(ecols, x, strict=True)]
        z = 1.0 / sum(a)
        alpha.append([v * z for v in a])
        scale.append(z)
        n = len(xs)
        beta: list[list[float]] = [[]] * n
        b = [scale[-1]] * lab.size
        beta[-1] = b
        for t in range(n - 2, -1, -1):
            w = list(map(mul, xs[t + 1], b))
            zt = scale[t]
            b = [sum(map(mul, row, w)) * zt for row in et]
            beta[t] = b
        self._alpha, self._beta, self._scale = alpha, beta, scale


class Tagger:
    """python-crfsuite's ``Tagger`` interface over a :class:`Labeller` (``tag``, then ``marginal``
    of the sequence tagged last, ``labels``): one per thread, like crfsuite's."""

    def __init__(self, path: str | Path) -> None:
        self._lab = labeller(path)
        self._last: Tagged | None = None

    def labels(self) -> list[str]:
        return list(self._lab.labels)

    def tag(self, xseq: Sequence[Sequence[bytes]]) -> list[str]:
        self._last = self._lab.tag(xseq)
        return self._last.labels

    def marginal(self, label: str, t: int) -> float:
        if self._last is None:
            raise ValueError("marginal() before tag()")
        return self._last.marginal(label, t)


_models: dict[str, Labeller] = {}
_lock = threading.Lock()


def labeller(path: str | Path) -> Labeller:
    """The labeller of the model at ``path``, read once per process (shared by threads: its caches
    only grow by atomic dict stores, and each tagged sequence keeps its own state)."""
    key = str(path)
    lab = _models.get(key)
    if lab is None:
        with _lock:
            lab = _models.get(key)
            if lab is None:
                lab = _models[key] = Labeller(path)
    return lab
