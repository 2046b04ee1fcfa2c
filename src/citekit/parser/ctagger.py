"""crfsuite's own C tagger, called with attribute ids instead of feature strings.

python-crfsuite's ``Tagger.tag`` copies every feature string of a reference (~590 of them) into C++
strings and looks each one up in the model's string database before the C code scores a single
label: about three quarters of the labelling time.  The C library that python-crfsuite loads exports
crfsuite's public C API (``crfsuite.h``): this module opens the model with it (through ``ctypes``),
asks the model's attribute dictionary for a feature's id once, keeps the id as a packed
``crfsuite_attribute_t`` record (int id, double value 1.0: 16 bytes), and gives the tagger each
reference as those records laid end to end.  The scores, the Viterbi path and the marginals are
computed by the same C functions python-crfsuite calls, on the same attribute ids in the same order
(a feature the model does not know is skipped, as crfsuite skips it), so the labels and the
marginals are python-crfsuite's, bit for bit.

:func:`open_tagger` returns ``None`` where this cannot work (python-crfsuite not installed, a build
without the exported symbols, a layout that does not answer a probe exactly as python-crfsuite
does); the caller then uses python-crfsuite's tagger.  One :class:`CTagger` per thread (a crfsuite
tagger keeps its state between ``set`` and ``viterbi``).
"""

from __future__ import annotations

import ctypes
import struct
import threading
from collections.abc import Sequence
from ctypes import CFUNCTYPE, POINTER, Structure, byref, c_char_p, c_double, c_int, c_void_p
from itertools import accumulate
from pathlib import Path
from typing import Any

from .features import sequence_features, sequence_items, token_features

__all__ = ["CTagger", "open_tagger"]

_ATTRIBUTE = struct.Struct("<i4xd")  # crfsuite_attribute_t: int aid, (padding), floatval_t value
# crfsuite_instance_t: number of items, capacity, items, labels, weight, group
_INSTANCE = struct.Struct("<iiQQdi4x")
_CACHE_MAX = 200_000  # packed features and feature groups kept per tagger (~16 MB at most)

_int_fn = CFUNCTYPE(c_int, c_void_p)


class _Model(Structure):  # crfsuite_model_t
    pass


class _Tagger(Structure):  # crfsuite_tagger_t
    pass


class _Dictionary(Structure):  # crfsuite_dictionary_t
    pass


_Model._fields_ = [
    ("internal", c_void_p),
    ("nref", c_int),
    ("addref", _int_fn),
    ("release", _int_fn),
    ("get_tagger", CFUNCTYPE(c_int, c_void_p, POINTER(POINTER(_Tagger)))),
    ("get_labels", CFUNCTYPE(c_int, c_void_p, POINTER(POINTER(_Dictionary)))),
    ("get_attrs", CFUNCTYPE(c_int, c_void_p, POINTER(POINTER(_Dictionary)))),
    ("dump", c_void_p),
]
_Tagger._fields_ = [
    ("internal", c_void_p),
    ("nref", c_int),
    ("addref", _int_fn),
    ("release", _int_fn),
    ("set", CFUNCTYPE(c_int, c_void_p, c_char_p)),
    ("length", _int_fn),
    ("viterbi", CFUNCTYPE(c_int, c_void_p, c_void_p, POINTER(c_double))),
    ("score", c_void_p),
    ("lognorm", c_void_p),
    ("marginal_point", CFUNCTYPE(c_int, c_void_p, c_int, c_int, POINTER(c_double))),
    ("marginal_path", c_void_p),
]
_Dictionary._fields_ = [
    ("internal", c_void_p),
    ("nref", c_int),
    ("addref", _int_fn),
    ("release", _int_fn),
    ("get", CFUNCTYPE(c_int, c_void_p, c_char_p)),
    ("to_id", CFUNCTYPE(c_int, c_void_p, c_char_p)),
    ("to_string", CFUNCTYPE(c_int, c_void_p, c_int, POINTER(c_char_p))),
    ("num", _int_fn),
    ("free", CFUNCTYPE(None, c_void_p, c_char_p)),
]


class _Packed(dict):
    """feature bytes -> its packed attribute record (b"" for a feature the model does not know)."""

    def __init__(self, to_id: Any, attrs: Any) -> None:
        super().__init__()
        self._to_id, self._attrs = to_id, attrs

    def __missing__(self, feature: bytes) -> bytes:
        aid = self._to_id(self._attrs, feature)
        packed = _ATTRIBUTE.pack(aid, 1.0) if aid >= 0 else b""
        if len(self) < _CACHE_MAX:
            self[feature] = packed
        return packed


class _Groups(dict):
    """a tuple of feature bytes -> their packed records, in order (one join per distinct group)."""

    def __init__(self, packed: _Packed) -> None:
        super().__init__()
        self._packed = packed

    def __missing__(self, group: tuple[bytes, ...]) -> bytes:
        packed = b"".join(map(self._packed.__getitem__, group))
        if len(self) < _CACHE_MAX:
            self[group] = packed
        return packed


class _Slots(dict):
    """token text -> its features for the window slots -2, -1, 0, +1, +2, each packed."""

    def __init__(self, groups: _Groups) -> None:
        super().__init__()
        self._groups = groups

    def __missing__(self, token: str) -> tuple[bytes, ...]:
        ft = token_features(token)
        g = self._groups
        packed = (g[ft[0]], g[ft[1]], g[ft[2]], g[ft[3]], g[ft[4]])
        if len(self) < _CACHE_MAX:
            self[token] = packed
        return packed


_LIBRARY: list[Any] = []  # the loaded library, or None when it cannot serve
_LOCK = threading.Lock()


def _library() -> Any:
    with _LOCK:
        if not _LIBRARY:
            try:
                import pycrfsuite._pycrfsuite as binding

                lib = ctypes.CDLL(binding.__file__)
                lib.crfsuite_create_instance_from_file.argtypes = [c_char_p, POINTER(c_void_p)]
                lib.crfsuite_create_instance_from_file.restype = c_int
                _LIBRARY.append(lib)
            except (ImportError, OSError, AttributeError):
                _LIBRARY.append(None)
        return _LIBRARY[0]


class CTagger:
    """The model at ``path`` opened through crfsuite's C API.  :meth:`tag_items` labels one
    reference given as packed attribute records per token (:func:`.features.sequence_items` with
    this tagger's :attr:`packed` and :attr:`groups`); :meth:`marginal` is P(label at t)."""

    def __init__(self, path: str | Path) -> None:
        lib = _library()
        if lib is None:
            raise OSError("crfsuite's C library is not available")
        self._model = c_void_p()
        if lib.crfsuite_create_instance_from_file(str(path).encode(), byref(self._model)) != 0:
            raise OSError(f"crfsuite could not open {path}")
        model = ctypes.cast(self._model, POINTER(_Model)).contents
        self._model_struct = model
        self._tp = POINTER(_Tagger)()
        labels_p = POINTER(_Dictionary)()
        self._attrs_p = POINTER(_Dictionary)()
        if (
            model.get_tagger(self._model, byref(self._tp))
            or model.get_labels(self._model, byref(labels_p))
            or model.get_attrs(self._model, byref(self._attrs_p))
        ):
            raise OSError(f"crfsuite could not open a tagger on {path}")
        tagger = self._tp.contents
        self._set, self._viterbi = tagger.set, tagger.viterbi
        self._marginal_point = tagger.marginal_point
        self._release = tagger.release
        labels = labels_p.contents
        names = []
        for i in range(labels.num(labels_p)):
            s = c_char_p()
            if labels.to_string(labels_p, i, byref(s)) != 0 or s.value is None:
                raise OSError("crfsuite's label dictionary did not answer")
            names.append(s.value.decode())
            labels.free(labels_p, s)
        labels.release(labels_p)
        self._labels = names
        self._index = {name: i for i, name in enumerate(names)}
        attrs = self._attrs_p.contents
        self.packed = _Packed(attrs.to_id, self._attrs_p)
        self.groups = _Groups(self.packed)
        self.slots = _Slots(self.groups)
        self._n = 0
        self._prob = c_double()

    def labels(self) -> list[str]:
        return list(self._labels)

    def tag_items(self, items: Sequence[bytes]) -> list[str]:
        """The Viterbi labels of a reference whose tokens are ``items`` (each token's packed
        attribute records, in feature order)."""
        n = len(items)
        self._n = n
        if not n:
            return []
        data = b"".join(items)
        base = ctypes.cast(c_char_p(data), c_void_p).value or 0
        lengths = [len(item) for item in items]
        flat: list[int] = []
        for length, address in zip(lengths, accumulate(lengths, initial=base), strict=False):
            k = length >> 4
            flat += (k, k, address)
        records = struct.pack("<" + "iiQ" * n, *flat)
        address = ctypes.cast(c_char_p(records), c_void_p).value or 0
        instance = _INSTANCE.pack(n, n, address, 0, 1.0, 0)
        # (data and records stay referenced until set() has read them: it scores at once)
        if self._set(self._tp, instance) != 0:
            raise RuntimeError("crfsuite's tagger refused the sequence")
        path = (c_int * n)()
        score = c_double()
        if self._viterbi(self._tp, path, byref(score)) != 0:
            raise RuntimeError("crfsuite's Viterbi failed")
        names = self._labels
        return [names[i] for i in path]

    def marginal(self, label: str, t: int) -> float:
        """P(``label`` at token ``t``) for the sequence last tagged."""
        if not 0 <= t < self._n:
            raise IndexError(t)
        prob = self._prob
        if self._marginal_point(self._tp, self._index[label], t, byref(prob)) != 0:
            raise RuntimeError("crfsuite's marginal failed")
        return prob.value

    def tag_text(self, text: str, tokens: list[tuple[int, int]]) -> list[str]:
        """The labels of ``tokens`` of ``text`` (their features: :func:`.features.sequence_items`)."""
        return self.tag_items(sequence_items(text, tokens, self.packed, self.groups, self.slots))

    def tag(self, xseq: Sequence[Sequence[bytes]]) -> list[str]:
        """pycrfsuite's ``Tagger.tag`` interface: feature bytes per token."""
        groups = self.groups
        return self.tag_items([groups[tuple(item)] for item in xseq])

    def __del__(self) -> None:
        try:
            self._release(self._tp)
            self._model_struct.release(self._model)
        except Exception:  # (interpreter shutdown) nothing to free into
            pass


def open_tagger(path: str | Path) -> CTagger | None:
    """A :class:`CTagger` on ``path`` when crfsuite's C API is reachable and answers a probe exactly as
    python-crfsuite does; else ``None``."""
    try:
        tagger = CTagger(path)
    except (OSError, AttributeError, ValueError):
        return None
    if not _PROBED:
        with _LOCK:
            if not _PROBED:
                _PROBED.append(_probe(tagger, path))
    return tagger if _PROBED[0] else None


_PROBED: list[bool] = []


def _probe(tagger: CTagger, path: str | Path) -> bool:
    """Do this tagger's labels and marginals equal python-crfsuite's on a real reference?  (Guards
    against a crfsuite build whose structures differ from the documented ones.)"""
    import pycrfsuite

    from .tokens import tokenize

    text = "Smith, J. A. (2019). Deep parsing of references. J. Doc. 12(3): 45-67. 王明. 论文[J]. 2020."
    xseq = sequence_features(text, tokenize(text))
    reference = pycrfsuite.Tagger()
    reference.open(str(path))
    try:
        expected = reference.tag(xseq)
        if tagger.tag(xseq) != expected:
            return False
        return all(
            tagger.marginal(label, t) == reference.marginal(label, t)
            for t, label in enumerate(expected)
        )
    except (RuntimeError, IndexError, KeyError):
        return False
    finally:
        reference.close()
