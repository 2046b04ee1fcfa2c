"""The list-level rules over a stream of references, in bounded memory.

:func:`check_list` needs the whole list; a catalogue of millions of references does not fit.
:class:`ListStream` gives the same findings while it keeps only what the rules need:

- duplicates (L001, L002): a 64-bit digest of each DOI and work key with the number of its
  first reference (:class:`KeyIndex`, ~20-40 bytes a key), never the references; the digests
  can be computed where the references are checked (:func:`list_keys`, on ``--jobs``
  workers) and fed in (:meth:`ListStream.feed_keys`);
- numbering (L003, L004): the highest number so far;
- the author-date order rules (L008-L010) need to know whether the list is author-date, and
  that is decided over the whole list; any numbered reference says "no", so a numbered list
  streams from its second number on.  An unnumbered list is held until :data:`HOLD`
  references (then checked exactly as :func:`check_list` does when it ends there); past that,
  those three rules run on each block of :data:`HOLD` references (a catalogue is many lists,
  not one author-date list), while duplicates and numbering stay global.
- the rules on the article text (L005-L007, L011) need the list's numbers before the text
  is read: with an article the caller checks the whole list (one article's references).
"""

from __future__ import annotations

from array import array
from collections import deque
from collections.abc import Iterable, Iterator
from hashlib import blake2b
from typing import Any, NamedTuple

from ..model import Diagnostic, Reference
from .core import _apply_overrides, _internal_error, _overrides, context_for, rules_for
from .rules_list import (
    _doi_of,
    _key,
    numbering_disorder_at,
    numbering_gap_at,
    same_doi,
    same_work,
)

__all__ = ["HOLD", "KeyIndex", "ListKeys", "ListStream", "key_hash", "list_keys"]

#: References held before an unnumbered list is checked block by block (a list this long or
#: shorter is checked as a whole, exactly as check_list does).
HOLD = 1000
_ORDER_RULES = ("L008", "L009", "L010")
_ONLINE_RULES = ("L001", "L002", "L003", "L004")


def key_hash(key: str) -> int:
    """A non-zero 64-bit digest of ``key``, the same in every process (``hash()`` of a string
    is salted per process, and spawned workers have their own salt)."""
    digest = blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little") | 1  # 0 marks a free slot


class ListKeys(NamedTuple):
    """What the duplicate rules read of a reference: the digests of its DOI and of its work key
    (None: it has none) and where the DOI is in the raw string."""

    doi: int | None
    doi_span: tuple[int, int] | None
    work: int | None


def list_keys(ref: Reference) -> ListKeys | None:
    """``ref``'s duplicate keys, computed ahead (on a worker); None when that fails, so that
    :class:`ListStream` computes them itself and reports the failure as it always does."""
    try:
        doi = _doi_of(ref)
        work = _key(ref)
    except Exception:
        return None
    return ListKeys(
        key_hash(doi[0]) if doi else None,
        doi[1] if doi else None,
        key_hash(work) if work is not None else None,
    )


class KeyIndex:
    """``key -> first value`` for millions of string keys in a few tens of bytes each: the
    keys' 64-bit hashes in an open-addressing table of two arrays.  Two different keys share a
    hash with odds of about n²/2⁶⁴ (3·10⁻⁸ for a million keys); such a pair would be taken for
    the same key."""

    def __init__(self, capacity: int = 1 << 12) -> None:
        self._hashes = array("Q", bytes(8 * capacity))
        self._values = array("q", bytes(8 * capacity))
        self._mask = capacity - 1
        self._used = 0

    def __len__(self) -> int:
        return self._used

    def setdefault(self, key: str, value: int) -> int:
        """The value stored for ``key``, storing ``value`` when the key is new."""
        return self.setdefault_hash(key_hash(key), value)

    def setdefault_hash(self, h: int, value: int) -> int:
        """:meth:`setdefault` for a key given by its :func:`key_hash`."""
        hashes, mask = self._hashes, self._mask
        slot = h & mask
        while True:
            found = hashes[slot]
            if found == h:
                return self._values[slot]
            if not found:
                break
            slot = (slot + 1) & mask
        hashes[slot] = h
        self._values[slot] = value
        self._used += 1
        if self._used * 10 > mask * 7:
            self._grow()
        return value

    def _grow(self) -> None:
        hashes, values = self._hashes, self._values
        self.__init__(len(hashes) * 2)  # type: ignore[misc]
        mask, new_h, new_v = self._mask, self._hashes, self._values
        for h, v in zip(hashes, values, strict=True):
            if h:
                slot = h & mask
                while new_h[slot]:
                    slot = (slot + 1) & mask
                new_h[slot] = h
                new_v[slot] = v
        self._used = sum(1 for h in hashes if h)


class _Block(list[Reference]):
    """References ``offset + 0 ...`` of a longer list, for list rules that name references."""

    offset = 0


# A first occurrence is stored as one integer: its index and its numeric label, so that a
# numbered list of millions keeps no string per reference (labels up to 16,777,214; the index
# keeps 39 bits, 5·10¹¹ references).  A label that is not a plain number ("007", "A3") is kept
# aside as it is.
_LABEL_BITS = 24


def _pack(index: int, label: str | None) -> int:
    n = 0
    if label and label.isascii() and label.isdigit() and label == str(int(label)):
        n = int(label) + 1 if int(label) < (1 << _LABEL_BITS) - 1 else 0
    return (index << _LABEL_BITS) | n


class ListStream:
    """The list-level rules of ``config`` over a stream of checked references.

    ``run(refs)`` yields every reference, in order, with its list-level diagnostics, as soon as
    nothing later can change them; rule failures land in :attr:`text_diagnostics` (as
    :func:`check_list` reports them).
    """

    def __init__(self, config: Any = None, *, hold: int = HOLD) -> None:
        self.config = config
        self.hold = hold
        self.rules = rules_for(config, "list")
        codes = [r.code for r in self.rules]
        self._codes = codes
        self._order = [r for r in self.rules if r.code in _ORDER_RULES]
        self._ctx = context_for(config)
        self._overrides = _overrides(config)
        self.text_diagnostics: list[Diagnostic] = []
        self._dois = KeyIndex()
        self._works = KeyIndex()
        self._odd_labels: dict[int, str] = {}  # first occurrences whose label is not a number
        self._prev: int | None = None  # the highest list number so far
        self._labels = 0  # numbered references so far
        self._index = 0
        self._keys: deque[ListKeys | None] = deque()  # fed ahead, one per coming reference

    def feed_keys(self, keys: Iterable[ListKeys | None]) -> None:
        """The :func:`list_keys` of the next references, in order, computed where they were
        checked (feed them before the references reach :meth:`run`, for all or for none)."""
        self._keys.extend(keys)

    def run(self, refs: Iterable[Reference]) -> Iterator[Reference]:
        system = self._ctx.option("citation_system", "auto")
        order = bool(self._order) and system != "numeric"  # the order rules may find something
        held = _Block()
        flushed = False
        it = iter(refs)
        for ref in it:
            held.append(ref)
            if ref.label and ref.label.isdigit():
                self._labels += 1
            if self._labels >= 2 and (not order or system == "auto"):
                # numbered, so not an author-date list (check_list decides the same at any
                # length), and L003 knows there are two numbers: nothing waits for the end
                for r in held:
                    yield self._online(r)
                for r in it:
                    yield self._online(r)
                return
            if not order and not self._labels:  # nothing waits for later references
                yield self._online(ref)
                held.clear()
                flushed = True
                continue
            if len(held) > self.hold:
                break
        else:  # the end: the held references are the whole list, or the rest of it
            if order and not flushed:
                yield from self._block(held)
            else:
                for r in held:
                    yield self._online(r)
            return
        if not order:
            for r in held:
                yield self._online(r)
            for r in it:
                yield self._online(r)
            return
        # a long unnumbered list: order rules per block, duplicates and numbering global
        block = _Block(held[: self.hold])
        rest = _Block(held[self.hold :])
        rest.offset = self.hold
        del held
        yield from self._block(block)
        block = rest
        for ref in it:
            if len(block) == self.hold:
                yield from self._block(block)
                offset = block.offset + self.hold
                block = _Block()
                block.offset = offset
            block.append(ref)
        if block:
            yield from self._block(block)

    def _block(self, block: _Block) -> Iterator[Reference]:
        found: dict[int, dict[str, list[Diagnostic]]] = {}
        for rule in self._order:
            try:
                for index, d in rule.fn(block, self._ctx):
                    if index is None:
                        self.text_diagnostics.append(d)
                    else:
                        found.setdefault(index, {}).setdefault(rule.code, []).append(d)
            except Exception as exc:
                self.text_diagnostics.append(_internal_error(rule, exc))
        for i, ref in enumerate(block):
            yield self._online(ref, found.get(i))

    def _online(
        self, ref: Reference, extra: dict[str, list[Diagnostic]] | None = None
    ) -> Reference:
        """``ref`` with the online rules' findings (and ``extra``, by rule code) in rule order."""
        i = self._index
        self._index += 1
        codes = self._codes
        found: dict[str, list[Diagnostic]] = dict(extra) if extra else {}
        keys = self._keys.popleft() if self._keys else None
        if "L001" in codes or "L002" in codes:
            self._duplicates(ref, i, found, keys)
        label = ref.label
        if label and label.isdigit() and ("L003" in codes or "L004" in codes):
            n, prev = int(label), self._prev
            for code, check in (("L003", numbering_gap_at), ("L004", numbering_disorder_at)):
                if code in codes:
                    d = check(ref, n, prev)
                    # L003 needs two numbers in the list: run() counts them before this runs
                    if d is not None and (code != "L003" or self._labels >= 2 or prev is not None):
                        found.setdefault(code, []).append(d)
            if prev is None or n > prev:
                self._prev = n
        if not found:
            return ref
        diags = [d for code in codes for d in found.get(code, ())]
        return ref.with_diagnostics(*_apply_overrides(diags, self._overrides))

    def _duplicates(
        self,
        ref: Reference,
        i: int,
        found: dict[str, list[Diagnostic]],
        keys: ListKeys | None,
    ) -> None:
        try:
            if keys is None:
                doi = _doi_of(ref)
                doi_hash, span = (key_hash(doi[0]), doi[1]) if doi else (None, None)
            else:
                doi_hash, span = keys.doi, keys.doi_span
            if doi_hash is not None:
                first = self._dois.setdefault_hash(doi_hash, self._first(i, ref))
                if first >> _LABEL_BITS != i:
                    if "L001" in self._codes:
                        found["L001"] = [same_doi(self._name(first), span)]
                    return  # a DOI duplicate is not reported again as L002
            if "L002" in self._codes:
                if keys is None:
                    key = _key(ref)
                    work = key_hash(key) if key is not None else None
                else:
                    work = keys.work
                if work is not None:
                    first = self._works.setdefault_hash(work, self._first(i, ref))
                    if first >> _LABEL_BITS != i:
                        found["L002"] = [same_work(self._name(first))]
        except Exception as exc:  # as check_list does with a failing rule
            rule = next(r for r in self.rules if r.code in ("L001", "L002"))
            self.text_diagnostics.append(_internal_error(rule, exc))

    def _first(self, i: int, ref: Reference) -> int:
        packed = _pack(i, ref.label)
        if ref.label and not packed & ((1 << _LABEL_BITS) - 1):
            self._odd_labels[i] = ref.label
        return packed

    def _name(self, packed: int) -> str:
        index, n = packed >> _LABEL_BITS, packed & ((1 << _LABEL_BITS) - 1)
        if n:
            return str(n - 1)
        return self._odd_labels.get(index) or str(index + 1)
