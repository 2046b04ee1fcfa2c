"""The optional compiled tagger (``_crftag``, built from ``_crftag.c`` where a C compiler is found).

python-crfsuite's ``Tagger.tag`` copies every feature string into C++ and looks it up in the
model's string database on every call: about 90% of its time, and a tenth of a long parse.  The
compiled tagger takes the same feature lists, looks each feature up in a dict of the model's
attribute names (a bytes object keeps its hash) and does crfsuite's arithmetic in crfsuite's
order, so its labels and marginals are python-crfsuite's to the bit (tests/test_labeller.py).

Reading the model into that dict costs about what the tagger saves on a few hundred references,
so :mod:`.crf` switches to it only in a long run.  ``compiled_tagger(path)`` returns a new
tagger (one per thread: each keeps the sequence it tagged last), or None without the extension.
"""

from __future__ import annotations

import threading
from array import array
from pathlib import Path
from typing import Any

from .crfmodel import read_model

__all__ = ["compiled_tagger", "have_compiled"]

_arrays: dict[str, tuple] = {}  # model path -> the compiled tagger's arguments
_lock = threading.Lock()


def have_compiled() -> bool:
    """Is the compiled tagger built?"""
    try:
        from ._crftag import Tagger  # noqa: F401
    except ImportError:
        return False
    return array("i").itemsize == 4  # (the extension reads C int32 offsets)


def compiled_tagger(path: str | Path) -> Any | None:
    """A compiled tagger for the model at ``path`` (the model is read once per process), or None."""
    if not have_compiled():
        return None
    from ._crftag import Tagger

    key = str(path)
    args = _arrays.get(key)
    if args is None:
        with _lock:
            args = _arrays.get(key)
            if args is None:
                args = _arrays[key] = _model_arrays(path)
    return Tagger(*args)


def _model_arrays(path: str | Path) -> tuple:
    """``(labels, index, offsets, targets, weights, trans)`` as ``_crftag.Tagger`` takes them."""
    model = read_model(path)
    index: dict[bytes, int] = {}
    offsets, targets, weights = array("i"), array("i"), array("d")
    for a, (name, ws) in enumerate(model.state.items()):
        index[name] = a
        offsets.append(len(targets))
        for label, w in ws:  # (in the model's order: crfsuite adds them in this order)
            targets.append(label)
            weights.append(w)
    offsets.append(len(targets))
    trans = array("d", [w for row in model.trans for w in row])
    return (
        list(model.labels),
        index,
        offsets.tobytes(),
        targets.tobytes(),
        weights.tobytes(),
        trans.tobytes(),
    )
