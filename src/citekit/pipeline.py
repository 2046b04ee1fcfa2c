"""The pipeline: segment → language → parse (normalise, label, assemble) → check.

Each stage is a plain function ``(Reference, Config) -> Reference``; :data:`DEFAULT_STAGES`
is a tuple a caller can replace or extend.  The runner isolates every reference: an exception
inside a stage becomes an X001 diagnostic naming the stage, and the reference goes on with
what it had.  N references in, N references out, in order, raw strings untouched.
:func:`run_stages_many` runs a list the same way, with the parse stage on a chunk of references
at a time (the CRF labeller then labels them one after another: faster, same results).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence

from . import codes
from .budget import over_budget
from .config import Config
from .itemcheck import scrub, surrogate_runs
from .language import detect_language
from .model import ParseOutcome, Reference, Span, new_reference
from .segment import Segment, iter_lines, segment, split_label, split_lines

__all__ = [
    "DEFAULT_STAGES",
    "PARSE_STAGES",
    "Stage",
    "line_references",
    "process",
    "process_iter",
    "references_from_text",
    "run_stages",
    "run_stages_many",
    "string_references",
]

Stage = Callable[[Reference, Config], Reference]


def stage_empty(ref: Reference, config: Config) -> Reference:
    if ref.raw.strip():
        return ref
    return ref.with_diagnostics(codes.make("S001"))


def stage_language(ref: Reference, config: Config) -> Reference:
    # new_reference, not dataclasses.replace: several times cheaper, and this runs per reference
    return new_reference(
        ref.id,
        ref.raw,
        ref.item,
        ref.fields,
        detect_language(ref.raw),
        ref.confidence,
        ref.diagnostics,
        ref.label,
        ref.line,
    )


def stage_parse(ref: Reference, config: Config) -> Reference:
    if not ref.raw.strip():
        return ref
    from .parser import parse_reference  # the parser is the heaviest import: load it on use

    return _parsed(ref, parse_reference(ref.raw, ref.language))


def _parsed(ref: Reference, outcome: ParseOutcome) -> Reference:
    item = {"id": ref.id, **outcome.item}
    item["id"] = ref.id  # first, and never the parser's
    return new_reference(
        ref.id,
        ref.raw,
        item,
        dict(outcome.fields),
        item.get("language") or ref.language,
        outcome.confidence,
        ref.diagnostics + tuple(outcome.diagnostics),
        ref.label,
        ref.line,
    )


def stage_check(ref: Reference, config: Config) -> Reference:
    from .validate import check_reference

    return check_reference(ref, config)


DEFAULT_STAGES: tuple[tuple[str, Stage], ...] = (
    ("segment", stage_empty),
    ("language", stage_language),
    ("parse", stage_parse),
    ("check", stage_check),
)
#: Parsing without validation: what ``citekit parse`` and :func:`citekit.parse` run.
PARSE_STAGES: tuple[tuple[str, Stage], ...] = DEFAULT_STAGES[:3]


def run_stages(
    ref: Reference,
    config: Config,
    stages: Sequence[tuple[str, Stage]] = DEFAULT_STAGES,
    clock: Callable[[], float] = time.monotonic,
    *,
    later: Sequence[str] = (),
) -> Reference:
    """``ref`` through ``stages``; an exception in a stage becomes X001, and when the reference
    has used up ``config.time_budget`` (seconds of ``clock``) the stages left, and the ones named
    ``later`` that the caller runs next, are skipped with X002 (:func:`over_budget_mark` tells
    the caller); the check stage also checks the budget between its rules."""
    budget = config.time_budget
    deadline = clock() + budget if budget > 0 else None
    for k, (name, stage) in enumerate(stages):
        try:
            ref = stage(ref, config)
        except Exception as exc:  # isolation: one bad reference never spoils a batch
            ref = ref.with_diagnostics(
                codes.make(
                    "X001",
                    f"internal error in stage '{name}': {type(exc).__name__}: {exc}",
                )
            )
        if deadline is not None and (k + 1 < len(stages) or later) and clock() > deadline:
            rest = [n for n, _ in stages[k + 1 :]] + list(later)
            return ref.with_diagnostics(over_budget(budget, f"stage '{name}'", rest))
    return ref


def over_budget_mark(ref: Reference) -> bool:
    """Whether :func:`run_stages` stopped on ``ref`` for its time budget (its last diagnostic is
    that X002): the stages after are not run on it."""
    return bool(ref.diagnostics) and ref.diagnostics[-1].code == "X002"


# References parsed together by run_stages_many: the gain grows with the chunk up to about this size,
# and the parses waiting for the labeller take a few MB.
CHUNK = 2000
# The first chunks are smaller, so that a stream's first results come out at once.
_FIRST_CHUNKS = (50, 500)


def chunk_sizes(size: int = CHUNK) -> Iterator[int]:
    """The sizes of the chunks a stream is cut into: a few small ones, then ``size``."""
    for first in _FIRST_CHUNKS:
        if first < size:
            yield first
    while True:
        yield size


def run_stages_many(
    refs: Iterable[Reference],
    config: Config,
    stages: Sequence[tuple[str, Stage]] = DEFAULT_STAGES,
    clock: Callable[[], float] = time.monotonic,
) -> Iterator[Reference]:
    """:func:`run_stages` for each reference, in order, with the same results.  When the stages
    include the standard parse stage, it runs on :data:`CHUNK` references at a time
    (:func:`citekit.parser.parse_many`): the stages before it run on the chunk, then the parses,
    then the stages after it."""
    at = next((i for i, (_, fn) in enumerate(stages) if fn is stage_parse), None)
    if at is None:
        for ref in refs:
            yield run_stages(ref, config, stages, clock)
        return
    before, (name, _), after = stages[:at], stages[at], stages[at + 1 :]
    # a reference whose time budget ran out before the parse skips the parse and what follows
    later = [n for n, _ in stages[at:]]
    chunk: list[Reference] = []
    sizes = chunk_sizes()
    size = next(sizes)
    for ref in refs:
        chunk.append(run_stages(ref, config, before, clock, later=later))
        if len(chunk) == size:
            for parsed in _parse_chunk(chunk, name):
                yield (
                    run_stages(parsed, config, after, clock)
                    if after and not over_budget_mark(parsed)
                    else parsed
                )  # (parse only: nothing after)
            chunk = []
            size = next(sizes)
    for parsed in _parse_chunk(chunk, name):
        yield (
            run_stages(parsed, config, after, clock)
            if after and not over_budget_mark(parsed)
            else parsed
        )


def _parse_chunk(refs: list[Reference], name: str) -> list[Reference]:
    """The parse stage on ``refs``, as :func:`run_stages` runs it (an exception becomes X001 on
    its reference)."""
    todo = [i for i, ref in enumerate(refs) if ref.raw.strip() and not over_budget_mark(ref)]
    if not todo:
        return refs
    from .parser import parse_many

    out = list(refs)
    for i, outcome in zip(
        todo, parse_many([(refs[i].raw, refs[i].language) for i in todo]), strict=False
    ):
        ref = refs[i]
        if isinstance(outcome, Exception):
            out[i] = ref.with_diagnostics(
                codes.make(
                    "X001", f"internal error in stage '{name}': {type(outcome).__name__}: {outcome}"
                )
            )
            continue
        try:
            out[i] = _parsed(ref, outcome)
        except Exception as exc:
            out[i] = ref.with_diagnostics(
                codes.make("X001", f"internal error in stage '{name}': {type(exc).__name__}: {exc}")
            )
    return out


def _reference(seg: Segment, index: int) -> Reference:
    ref_id = f"ref-{index}"
    # A heading is not a reference: it is reported on the reference that follows it.
    notes = tuple(
        codes.make(
            "S002",
            f"line {line}: the heading '{text}' is not a reference; skipped",
            message_zh=f"第 {line} 行：标题“{text}”不是参考文献，已跳过",
        )
        for line, text in seg.headings
    )
    # An unpaired surrogate (from a JSON escape or an API caller) cannot be written as UTF-8 by
    # any output: it becomes U+FFFD here, once, and is reported at its place.
    # Each run gets its span, so that E001 does not report the U+FFFD put in its place again.
    raw = seg.raw
    runs = surrogate_runs(raw)
    if runs:
        raw = scrub(raw)[0]
        notes += tuple(codes.make("E006", span=Span(a, b)) for a, b in runs)
    return new_reference(
        ref_id,
        raw,
        {"id": ref_id, "type": "document"},
        {},
        None,
        0.0,
        notes,
        seg.label,
        seg.line,
    )


def line_references(lines: Iterable[str], start: int = 1) -> Iterator[Reference]:
    """Unparsed references of one reference per line, as they are read (``--lines`` on a
    stream: the same records as :func:`references_from_text` with ``lines=True``); ``start``
    is the number of the first line (a chunk of a longer input)."""
    for i, line in enumerate(lines, start=start):
        yield _line_reference(line, i)


def references_from_text(text: str, *, lines: bool = False) -> list[Reference]:
    """Unparsed references of a pasted list (segmented) or of one reference per line."""
    segs = iter_lines(split_lines(text)) if lines else segment(text)
    return [_reference(seg, i) for i, seg in enumerate(segs, start=1)]


def process(
    text: str,
    config: Config | None = None,
    *,
    stages: Sequence[tuple[str, Stage]] = DEFAULT_STAGES,
) -> list[Reference]:
    """Run the whole pipeline on a pasted reference list.

    When the stages include ``check``, the list-level rules (duplicates, numbering) run too.
    """
    config = config or Config()
    refs = list(run_stages_many(references_from_text(text, lines=config.lines), config, stages))
    return check_list_level(refs, config) if any(name == "check" for name, _ in stages) else refs


def check_list_level(refs: list[Reference], config: Config) -> list[Reference]:
    """The list-level rules (family L: duplicates, numbering, author-date order, the list's
    style) over checked references."""
    from .validate import check_list
    from .validate.rules_style import style_findings, with_style_findings

    found = style_findings(refs, config)
    return list(with_style_findings(check_list(refs, config).references, found))


def process_iter(
    references: Iterable[str],
    config: Config | None = None,
    *,
    stages: Sequence[tuple[str, Stage]] = DEFAULT_STAGES,
) -> Iterator[Reference]:
    """Stream: each input string is one reference; results come out one by one, in order.

    A line terminator at the end of a string (as in the lines of an open file) is not part of
    the reference.

    Which checks run: every stage of ``stages`` on each string by itself, by default the
    per-reference ones (S001 empty reference, the parser's P/D/E codes, and every per-reference
    rule of the validator: families E, B, D, I, G, R, W).  Which do not: the list-level rules
    (family L: duplicates L001/L002, numbering L003/L004, the author-date order L008-L010, the
    list's style L012/L013), which need the whole list (:func:`process` runs them, or
    :func:`check_list_level` on the collected results), and segmentation (each string is taken
    as one reference, so a list heading is not recognised).
    """
    config = config or Config()
    for ref in string_references(references):
        yield run_stages(ref, config, stages)


def string_references(references: Iterable[str], start: int = 1) -> Iterator[Reference]:
    """Unparsed references of reference strings (a line terminator at the end dropped);
    ``start`` is the number of the first."""
    for index, raw in enumerate(references, start=start):
        if raw.endswith("\n"):
            raw = raw[:-2] if raw.endswith("\r\n") else raw[:-1]
        yield _line_reference(raw, index)


def _line_reference(raw: str, index: int) -> Reference:
    """The unparsed reference of line ``index``, kept exactly (as ``iter_lines`` segments it)."""
    label, _ = split_label(raw)
    return _reference(Segment(raw, label, index, 0), index)
