"""List-level rules (family L): duplicates, numbering, and citations in the article text.

A list rule is ``fn(refs, ctx)`` yielding ``(index, diagnostic)``: the diagnostic belongs to
``refs[index]`` (its span points into that reference's raw string), or, with index ``None``,
to the article text (span into the text; only L005).  The article text, when given, is
``ctx.options["article_text"]``.
"""

from __future__ import annotations

import unicodedata
from typing import Iterator, Sequence

import regex

from ..csl import year_of
from ..model import Diagnostic, Reference
from ._entry import DOI, Entry, _strip_url
from .registry import Context, diag, rule

ListResult = Iterator[tuple[int | None, Diagnostic]]


def _doi_of(ref: Reference) -> tuple[str, tuple[int, int] | None] | None:
    m = DOI.search(ref.raw)
    if m:
        s, t = _strip_url(m.group("v"), m.start("v"))
        return ref.raw[s:t].lower(), (s, t)
    doi = ref.item.get("DOI") if ref.item else None
    if isinstance(doi, str) and doi.strip():
        return doi.strip().lower(), None
    return None


@rule("L001", "duplicate-doi", "warning", scope="list")
def duplicate_doi(refs: Sequence[Reference], ctx: Context) -> ListResult:
    """Two references with the same DOI are the same work: merge them and cite one number.

    Bad: [3] KANAMORI H. Shaking without quaking[J]. Science, 1998, 279(5359): 2063. DOI:10.1126/science.279.5359.2063. (same DOI as [1])
    Good: one entry per DOI.
    """
    seen: dict[str, int] = {}
    for i, ref in enumerate(refs):
        found = _doi_of(ref)
        if found is None:
            continue
        doi, span = found
        if doi in seen:
            first = seen[doi]
            yield i, diag("L001", f"same DOI as reference {_name(refs, first)}",
                          f"与第 {_name(refs, first)} 条的 DOI 相同", span=span, field="DOI")
        else:
            seen[doi] = i


def _name(refs: Sequence[Reference], i: int) -> str:
    return refs[i].label or str(i + 1)


_NOISE = regex.compile(r"[\p{P}\p{S}\s]+")


def _norm(text: str) -> str:
    return _NOISE.sub("", unicodedata.normalize("NFKC", text)).casefold()


def _key(ref: Reference) -> str | None:
    """Authors + title + year from the item when parsed, else the raw string without its label
    and punctuation."""
    item = ref.item or {}
    title = item.get("title")
    if isinstance(title, str) and title.strip():
        names = []
        for n in item.get("author") or ():
            if isinstance(n, dict):
                names.append(n.get("family") or n.get("literal") or "")
        return "|".join([_norm(" ".join(names)), _norm(title), str(year_of(item) or "")])
    body = Entry(ref)
    text = ref.raw[body.body:]
    norm = _norm(text)
    return norm if len(norm) >= 12 else None


@rule("L002", "duplicate-reference", "warning", scope="list")
def duplicate_reference(refs: Sequence[Reference], ctx: Context) -> ListResult:
    """The same work listed twice (same authors, title and year, whatever the punctuation):
    merge them and cite one number.

    Bad: [1] 陈登原. 国史旧闻: 第1卷[M]. 北京: 中华书局, 2000: 29.  …  [7] 陈登原. 国史旧闻：第1卷[M]. 北京：中华书局，2000：29.
    Good: one entry per work.
    """
    seen: dict[str, int] = {}
    doi_dupes = {i for i, _ in duplicate_doi(refs, ctx)}
    for i, ref in enumerate(refs):
        if i in doi_dupes:
            continue
        key = _key(ref)
        if key is None:
            continue
        if key in seen:
            first = seen[key]
            yield i, diag("L002", f"same authors, title and year as reference {_name(refs, first)}",
                          f"与第 {_name(refs, first)} 条的责任者、题名和年份相同")
        else:
            seen[key] = i


def _labels(refs: Sequence[Reference]) -> list[tuple[int, int]]:
    out = []
    for i, ref in enumerate(refs):
        if ref.label and ref.label.isdigit():
            out.append((i, int(ref.label)))
    return out


def _label_span(ref: Reference) -> tuple[int, int] | None:
    e = Entry(ref)
    text = ref.raw[: e.body].rstrip()
    return (len(text) - len(text.lstrip()), len(text)) if text else None


@rule("L003", "numbering-gap", "warning", rule_ids=("GBT-ORD-01",), scope="list")
def numbering_gap(refs: Sequence[Reference], ctx: Context) -> ListResult:
    """A numbered list counts 1, 2, 3, … without gaps: a missing number usually means a lost
    reference (or a wrapped line taken for a new entry).

    Bad: [1] …  [2] …  [4] …
    Good: [1] …  [2] …  [3] …
    """
    labels = _labels(refs)
    if len(labels) < 2:
        return
    prev = None
    for i, n in labels:
        expected = 1 if prev is None else prev + 1
        if n > expected and (prev is None or n > prev):
            missing = f"{expected}" if n == expected + 1 else f"{expected}-{n - 1}"
            yield i, diag("L003", f"number {missing} is missing before [{n}]",
                          f"[{n}] 之前缺少序号 {missing}", span=_label_span(refs[i]))
        if prev is None or n > prev:
            prev = n


@rule("L004", "numbering-disorder", "warning", rule_ids=("GBT-ORD-01",), scope="list")
def numbering_disorder(refs: Sequence[Reference], ctx: Context) -> ListResult:
    """List numbers are unique and increasing.

    Bad: [1] …  [2] …  [2] …  [3] …
    Good: [1] …  [2] …  [3] …  [4] …
    """
    labels = _labels(refs)
    prev = None
    for i, n in labels:
        if prev is not None and n <= prev:
            what = "repeats" if n == prev else f"comes after [{prev}]"
            yield i, diag("L004", f"number [{n}] {what}",
                          f"序号 [{n}] " + ("重复" if n == prev else f"排在 [{prev}] 之后"),
                          span=_label_span(refs[i]))
        if prev is None or n > prev:
            prev = n


# Numeric citations: "[1]", "[1,3]", "[2-4]", "[1, 5–7]", superscript markup stripped.
_CITATION = regex.compile(r"[\[［](?P<body>\s*\d{1,4}(?:\s*[,，、\-–—~]\s*\d{1,4})*\s*)[\]］]")


def citations(text: str) -> list[tuple[int, int, list[int]]]:
    """``(start, end, numbers)`` of each numeric citation in ``text``, ranges expanded.

    >>> citations("see [1,3] and [5-7].")
    [(4, 9, [1, 3]), (14, 19, [5, 6, 7])]
    """
    out = []
    for m in _CITATION.finditer(text):
        numbers: list[int] = []
        for part in regex.split(r"\s*[,，、]\s*", m.group("body").strip()):
            bounds = regex.split(r"\s*[\-–—~]\s*", part)
            if len(bounds) == 2:
                a, b = int(bounds[0]), int(bounds[1])
                if a <= b and b - a < 1000:
                    numbers.extend(range(a, b + 1))
                    continue
            numbers.extend(int(x) for x in bounds)
        # a bracketed year ("[2012]") is not a citation
        if all(1000 <= n <= 2100 for n in numbers) and len(numbers) == 1:
            continue
        out.append((m.start(), m.end(), numbers))
    return out


def _numbers(refs: Sequence[Reference]) -> dict[int, int]:
    """List number → index: the labels when the list is numbered, else positions 1..N."""
    labels = _labels(refs)
    if labels:
        return {n: i for i, n in reversed(labels)}
    return {i + 1: i for i in range(len(refs))}


@rule("L005", "citation-without-reference", "error", scope="list")
def citation_without_reference(refs: Sequence[Reference], ctx: Context) -> ListResult:
    """Given the article text (``--text ARTICLE``), every numeric citation points to an entry
    of the list.  The diagnostic's span points into the article text.

    Bad: …as shown before[12]. (the list has 11 entries)
    Good: …as shown before[11].
    """
    text = ctx.option("article_text")
    if not text:
        return
    numbers = _numbers(refs)
    for s, t, cited in citations(text):
        for n in cited:
            if n not in numbers:
                yield None, diag("L005", f"citation [{n}] has no reference in the list",
                                 f"引用的 [{n}] 在参考文献表中不存在", span=(s, t))


@rule("L006", "reference-not-cited", "warning", scope="list")
def reference_not_cited(refs: Sequence[Reference], ctx: Context) -> ListResult:
    """Given the article text (``--text ARTICLE``), every entry of the list is cited.

    Bad: [5] 陈登原. 国史旧闻: 第1卷[M]. 北京: 中华书局, 2000: 29. (never cited as [5])
    Good: …陈登原指出[5]…
    """
    text = ctx.option("article_text")
    if not text:
        return
    cited = {n for _, _, ns in citations(text) for n in ns}
    for n, i in sorted(_numbers(refs).items(), key=lambda x: x[1]):
        if n not in cited:
            yield i, diag("L006", f"reference [{n}] is never cited in the article",
                          f"第 [{n}] 条参考文献在正文中未被引用", span=_label_span(refs[i]))


@rule("L007", "citation-order", "warning", rule_ids=("GBT-ORD-01",), scope="list")
def citation_order(refs: Sequence[Reference], ctx: Context) -> ListResult:
    """In a numeric (顺序编码制) list, numbers follow the order of first citation in the text:
    the first new number cited is [1], the next new one [2], and so on.

    Bad: text cites [2] before [1].
    Good: text cites [1], then [2], then [1] again, then [3].
    """
    text = ctx.option("article_text")
    if not text:
        return
    numbers = _numbers(refs)
    expected = 1
    reported: set[int] = set()
    seen: set[int] = set()
    for _, _, cited in citations(text):
        for n in cited:
            if n in seen or n not in numbers:
                continue
            seen.add(n)
            if n != expected and n not in reported:
                reported.add(n)
                yield numbers[n], diag(
                    "L007", f"[{n}] is cited first where [{expected}] was expected: number in order of first citation",
                    f"首次引用顺序处应为 [{expected}], 实为 [{n}]: 序号应按首次引用先后编排",
                    span=_label_span(refs[numbers[n]]))
            while expected in seen:
                expected += 1
