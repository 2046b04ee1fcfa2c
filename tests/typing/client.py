"""A typed client of citekit's public API: every name in ``citekit.__all__``, used the way a user
would.  ``mypy --strict`` must pass on it (tests/test_typing.py), and it runs.

Run: python tests/typing/client.py
"""

from __future__ import annotations

from collections.abc import Iterator

import citekit
from citekit import (
    CODES,
    DEFAULT_STAGES,
    Applicability,
    Cite,
    CitekitError,
    Cluster,
    CodeInfo,
    Config,
    Diagnostic,
    Edit,
    FieldEvidence,
    Fix,
    InputError,
    Reference,
    RenderedCitation,
    RenderedEntry,
    Renderer,
    Severity,
    Span,
    StyleNotFoundError,
    UsageError,
    check,
    parse,
    process,
    process_iter,
    process_many,
    render,
)

LIST = "[1]胡重明,邢润杰.公共价值创造[J].浙江社会科学,2026(3):64-76.\n"


def parsed() -> list[Reference]:
    refs: list[Reference] = parse(LIST, lines=True, standard="gbt7714-2015")
    ref = refs[0]
    title: object = ref.item.get("title")
    evidence: FieldEvidence | None = ref.fields.get("title")
    span: Span | None = evidence.span if evidence else None
    if span is not None:
        assert isinstance(title, str) and span.slice(ref.raw)
    return refs


def checked(refs: list[Reference]) -> list[Diagnostic]:
    again: list[Reference] = check(refs, standard="gbt7714-2025", lines=True)
    found: list[Diagnostic] = [d for r in again for d in r.diagnostics]
    for d in found:
        severity: Severity = d.severity
        info: CodeInfo = CODES[d.code]
        assert info.severity in Severity and severity.rank >= 0
        fix: Fix | None = d.fix
        if fix is not None:
            edits: tuple[Edit, ...] = fix.edits
            applicable: bool = fix.applicability is Applicability.SAFE
            assert edits or not applicable
    return found


def pipeline() -> Iterator[Reference]:
    config = Config(standard="gbt7714-2015", lines=True, ignore=("G035",))
    stages = DEFAULT_STAGES
    refs: list[Reference] = process(LIST, config, stages=stages)
    assert len(refs) == 1
    many: list[Reference] = list(process_many([LIST, LIST], config, jobs=1, stages=stages))
    assert [r.raw for r in many] == [LIST.rstrip("\n")] * 2  # the line end is not kept
    return process_iter(iter([LIST]), config)


def rendered(refs: list[Reference]) -> tuple[list[RenderedEntry], list[RenderedCitation]]:
    entries: list[RenderedEntry] = render(refs, "gbt7714-2015-numeric")
    renderer = Renderer("gbt7714-2015-numeric", locale="zh-CN")
    items = [r.item for r in refs]
    html: list[RenderedEntry] = renderer.bibliography(items, "html")
    cite = Cite(id=refs[0].id, locator="65")
    cites: list[RenderedCitation] = renderer.citations([Cluster(cites=(cite,))], items)
    for entry in entries + html:
        if entry.error is not None:  # a Diagnostic (or a message) when the item failed
            print(entry.id, entry.error)
    return entries, cites


def errors() -> list[str]:
    caught: list[str] = []
    try:
        Renderer("no-such-style")
    except StyleNotFoundError as exc:
        caught.append(type(exc).__name__)
    try:
        Config(standard="gbt7714-1987")
    except UsageError as exc:
        caught.append(type(exc).__name__)
    try:
        raise InputError("unreadable input")
    except CitekitError as exc:
        caught.append(type(exc).__name__)
    return caught


def main() -> None:
    refs = parsed()
    print(len(checked(refs)), "diagnostics")
    print(sum(1 for _ in pipeline()), "streamed")
    entries, cites = rendered(refs)
    print(entries[0].text, cites[0].text)
    print(errors(), citekit.__version__)


if __name__ == "__main__":
    main()
