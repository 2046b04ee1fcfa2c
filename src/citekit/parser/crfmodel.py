"""Read a crfsuite CRF1d model file (what ``pycrfsuite.Trainer`` writes) without crfsuite.

The file is little-endian: a 48-byte header (magic ``lCRF``, type ``FOMC``, counts and the offsets
of its chunks), a ``FEAT`` chunk of 20-byte features (type, source, destination as uint32, weight as
float64; type 0 is a state feature: attribute -> label, type 1 a transition: label -> label), and
two CQDB string databases, one for the labels and one for the attributes, whose backward array maps
an id to its record (int32 id, uint32 size with the terminating NUL, the string).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

from ..errors import CitekitError

__all__ = ["CRFModel", "ModelFormatError", "read_model"]


class ModelFormatError(CitekitError, ValueError):
    """The file is not a crfsuite CRF1d model."""


@dataclass
class CRFModel:
    labels: list[str]
    state: dict[bytes, tuple[tuple[int, float], ...]]  # attribute -> (label id, weight) pairs
    trans: list[tuple[float, ...]]  # trans[i][j]: the weight of label i followed by label j


def _strings(data: bytes, off: int) -> list[bytes]:
    """The strings of the CQDB database at ``off``, by id."""
    magic, _size, _flag, _order, count, bwd = struct.unpack_from("<4sIIIII", data, off)
    if magic != b"CQDB":
        raise ModelFormatError("no CQDB string database where the header says")
    out = []
    unpack = struct.Struct("<iI").unpack_from
    for rec in struct.unpack_from(f"<{count}I", data, off + bwd):
        _id, size = unpack(data, off + rec)
        start = off + rec + 8
        out.append(data[start : start + size - 1])
    return out


def read_model(path: str | Path) -> CRFModel:
    """The model in the file at ``path``; ``ModelFormatError`` if it is not a (whole) CRF1d model."""
    data = Path(path).read_bytes()
    try:
        return _parse(data, path)
    except (struct.error, IndexError, UnicodeDecodeError) as exc:  # offsets past the end: cut short
        raise ModelFormatError(f"{path}: damaged crfsuite model ({exc})") from None


def _parse(data: bytes, path: str | Path) -> CRFModel:
    if len(data) < 48:
        raise ModelFormatError(f"{path}: too short for a crfsuite model")
    magic, _size, kind, _ver, _nf, n_labels, n_attrs, off_feat, off_labels, off_attrs, _lr, _ar = (
        struct.unpack_from("<4sI4sI8I", data, 0)
    )
    if magic != b"lCRF" or kind != b"FOMC":
        raise ModelFormatError(f"{path}: not a crfsuite CRF1d model")
    chunk, _csize, n_feat = struct.unpack_from("<4sII", data, off_feat)
    if chunk != b"FEAT":
        raise ModelFormatError(f"{path}: no feature chunk where the header says")
    labels = [s.decode() for s in _strings(data, off_labels)]
    attrs = _strings(data, off_attrs)
    if len(labels) != n_labels or len(attrs) != n_attrs:
        raise ModelFormatError(f"{path}: label or attribute count does not match the header")
    trans = [[0.0] * n_labels for _ in range(n_labels)]
    per_attr: dict[int, list[tuple[int, float]]] = {}
    start = off_feat + 12
    for typ, src, dst, w in struct.iter_unpack("<IIId", data[start : start + 20 * n_feat]):
        if typ == 0:
            per_attr.setdefault(src, []).append((dst, w))
        elif typ == 1:
            trans[src][dst] = w
    state = {attrs[a]: tuple(ws) for a, ws in per_attr.items()}
    return CRFModel(labels, state, [tuple(r) for r in trans])
