"""What each surface promises, as checks.  A check returns quietly or raises :class:`Violation`
(a broken promise: lost or reordered records, raw text changed, a span outside its string, an
internal error) or lets an unexpected exception through (a crash)."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from typing import Any

import citekit
from citekit import formats
from citekit.cli import main
from citekit.errors import CitekitError
from citekit.itemcheck import admit, scrub
from citekit.segment import segment

from . import generate


class Violation(AssertionError):
    """A promise of citekit broken on one input."""


def _check_records(refs: list[Any], raws: list[str] | None) -> None:
    if raws is not None:
        if len(refs) != len(raws):
            raise Violation(f"{len(raws)} references in, {len(refs)} records out")
        for ref, raw in zip(refs, raws, strict=True):
            if raw.endswith("\n"):  # a line's terminator is not part of the reference
                raw = raw[:-2] if raw.endswith("\r\n") else raw[:-1]
            if ref.raw != scrub(raw)[0]:
                raise Violation(f"raw string changed: {raw[:40]!r} -> {ref.raw[:40]!r}")
    for ref in refs:
        for name, evidence in ref.fields.items():
            span = evidence.span
            if span is not None and not 0 <= span.start <= span.end <= len(ref.raw):
                raise Violation(f"span {span} of {name} outside a raw string of {len(ref.raw)}")
        for d in ref.diagnostics:
            if d.code == "X001":
                raise Violation(f"X001: {d.message}")
            if d.span is not None and not 0 <= d.span.start <= d.span.end <= len(ref.raw):
                raise Violation(f"{d.code} span {d.span} outside the raw string")


def parse_lines(case: dict[str, Any]) -> None:
    """One reference per line through the streaming API and the list API: N in, N out."""
    raws = case["lines"]
    _check_records(list(citekit.process_iter(raws)), raws)
    text = "\n".join(raws)
    if all(not any(c in r for c in "\r\n") for r in raws):
        _check_records(citekit.parse(text, lines=True), raws)


def segment_long(case: dict[str, Any]) -> None:
    """A long numbered list (past 1,000 and 10,000): one segment per reference, in order."""
    refs = case["refs"]
    segs = segment("\n".join(case["form"].replace("N", str(i)) + r for i, r in enumerate(refs, 1)))
    if len(segs) != len(refs):
        raise Violation(f"{len(refs)} numbered references, {len(segs)} segments")


def parse_list(case: dict[str, Any]) -> None:
    """A pasted list: segmented, parsed and checked; every non-blank character accounted for."""
    text = case["text"]
    segs = segment(text)
    for s in segs:
        if text[s.start : s.start + len(s.raw)] != s.raw:
            raise Violation("a segment's raw is not a slice of the input")
    refs = citekit.check(text)
    if len(refs) != len(segs):
        raise Violation(f"{len(segs)} segments, {len(refs)} records")
    _check_records(refs, None)


def formats_round_trip(case: dict[str, Any]) -> None:
    """Items written to every format and read back: the record count is kept."""
    items = case["items"]
    objects = [it for it in items if isinstance(it, dict)]
    for fmt in formats.FORMATS:
        out, _ = formats.write(items, fmt)
        back = formats.read(out, fmt)
        if len(back) != len(objects):
            raise Violation(f"{fmt}: {len(objects)} items written, {len(back)} read back")


def read_export(case: dict[str, Any]) -> None:
    """A (mutated) export file read by its sniffed format and by the one it was made in."""
    text = case["text"]
    # the sniffed format, then the given one (an ordered set: a fixture replays the same way)
    for fmt in dict.fromkeys(f for f in (formats.sniff(text), case["format"]) if f):
        for ref in formats.read(text, fmt):
            if not isinstance(ref.raw, str):
                raise Violation("a record without its raw text")
        _check_records(formats.read(text, fmt), None)


def render(case: dict[str, Any]) -> None:
    """Items rendered in a style, as a reader admits them and as an API caller hands them in
    (any JSON value): one entry per item and one citation per cluster, never an exception,
    nothing UTF-8 cannot hold."""
    items = case["items"]
    admitted = [admit(it)[0] for it in items if isinstance(it, dict)]
    for n, item in enumerate(admitted):
        item["id"] = f"i{n}"
    renderer = citekit.Renderer(case["style"])
    for given in (admitted, items):
        entries = renderer.bibliography(given)
        if len(entries) != len(given):
            raise Violation(f"{len(given)} items, {len(entries)} entries")
        for e in entries:
            (e.text + e.html).encode("utf-8")
    ids = [it["id"] for it in admitted]
    clusters = renderer.citations([[i] for i in ids] + [ids], admitted)
    if len(clusters) != len(ids) + 1:
        raise Violation(f"{len(ids) + 1} clusters, {len(clusters)} citations")
    for c in clusters:
        (c.text + c.html).encode("utf-8")


def style(case: dict[str, Any]) -> None:
    """A generated style: refused cleanly or rendered."""
    with tempfile.NamedTemporaryFile("w", suffix=".csl", delete=False, encoding="utf-8") as f:
        f.write(case["xml"])
    try:
        try:
            renderer = citekit.Renderer(f.name)
        except CitekitError:
            return
        item = {"id": "a", "type": "book", "title": "T"}
        if len(renderer.bibliography([item])) != 1:
            raise Violation("one item, not one entry")
    finally:
        os.unlink(f.name)


def _utf8_stream() -> io.TextIOWrapper:
    """A text stream that encodes as a pipe does (UTF-8, strict): what ``citekit`` writes to a
    terminal or a file must be encodable, which a ``StringIO`` would never check."""
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict", newline="")


def _stream_text(stream: io.TextIOWrapper) -> str:
    stream.flush()
    return stream.buffer.getvalue().decode("utf-8")  # type: ignore[attr-defined]


def _cli_result(code: Any, err: str) -> None:
    if code not in (0, 1, 2):
        raise Violation(f"exit status {code!r}")
    if "Traceback" in err:
        raise Violation("a traceback on standard error")
    if code == 2 and err.count("\n") > 1:
        raise Violation("a usage error of more than one line")


def cli(case: dict[str, Any]) -> None:
    """A command line with some input: exit 0, 1 or 2, never a traceback.  Run in this process
    (``citekit.cli.main`` with UTF-8 byte streams, as a pipe encodes); with ``"process": true``
    also as a real ``citekit`` process (the long run does that for a sample of the cases: it
    costs an interpreter start, ~0.5 s)."""
    with tempfile.NamedTemporaryFile("wb", delete=False) as f:
        f.write(case["data"].encode("latin-1") if isinstance(case["data"], str) else case["data"])
    out, err = _utf8_stream(), _utf8_stream()
    argv = case["argv"] + ([f.name] if case["argv"][0] not in generate.NO_INPUT else [])
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv, stdout=out, stderr=err)
        _cli_result(code, _stream_text(err))
        # an argument vector with a NUL byte cannot reach a real process (execve takes C strings:
        # ``subprocess`` raises ValueError before citekit starts); it ran in this process above
        if case.get("process") and not any("\x00" in a for a in argv):
            done = subprocess.run(
                [sys.executable, "-c", "from citekit.cli import entry; entry()", *argv],
                capture_output=True,
                stdin=subprocess.DEVNULL,
                timeout=600,
            )
            _cli_result(done.returncode, done.stderr.decode("utf-8", "replace"))
    except SystemExit as exc:
        _cli_result(exc.code, _stream_text(err))
    finally:
        os.unlink(f.name)


#: surface name -> (check, a generator of one case from a random.Random)
SURFACES: dict[str, tuple[Callable[[dict[str, Any]], None], Callable[[Any], dict[str, Any]]]] = {
    "parse-lines": (
        parse_lines,
        lambda rng: {
            "lines": [
                generate.apply(*generate.reference_text(rng)) for _ in range(rng.randint(1, 4))
            ]
        },
    ),
    "parse-list": (parse_list, lambda rng: {"text": generate.reference_list(rng)}),
    "segment-long": (
        segment_long,
        lambda rng: {
            "form": rng.choice(["[N] ", "N. ", "N、", "(N) ", "N) ", "（N）"]),
            "refs": [
                rng.choice(generate.SEED_REFERENCES).lstrip("0123456789[](（）. ")
                for _ in range(rng.choice([1200, 10_050]))
            ],
        },
    ),
    "formats": (
        formats_round_trip,
        lambda rng: {"items": [generate.csl_item(rng) for _ in range(rng.randint(0, 4))]},
    ),
    "read": (
        read_export,
        lambda rng: (lambda fmt: {"format": fmt, "text": generate.export_text(rng, fmt)})(
            rng.choice(formats.FORMATS)
        ),
    ),
    "render": (
        render,
        lambda rng: {
            "style": rng.choice(
                [
                    "gbt7714-2015-numeric",
                    "gbt7714-2025-author-date",
                    "gbt7714-2015-note",
                    "zhejiang-social-sciences",
                ]
            ),
            "items": [generate.csl_item(rng) for _ in range(rng.randint(1, 3))],
        },
    ),
    "style": (style, lambda rng: {"xml": generate.style_xml(rng)}),
    "cli": (
        cli,
        lambda rng: (lambda a: {"argv": a[0], "data": a[1].decode("latin-1")})(
            generate.cli_case(rng)
        ),
    ),
}
