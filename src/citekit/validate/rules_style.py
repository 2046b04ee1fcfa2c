"""The list's style (issue 13): entries written in another citation style than GB/T 7714.

An editor often pastes a list in APA, Chicago, Vancouver or a journal's 《》 house style and
checks it against GB/T 7714; the per-entry rules then say little (most of them look at GB/T
shapes that are not there).  :func:`entry_style` reads the shape of one entry from its text;
L012 reports, once for the list, how many entries are in which other style, and L013 marks an
entry whose style differs from the rest of its list.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

import regex

from ..model import Diagnostic, Reference
from ._entry import Entry
from .registry import Context, diag, rule

__all__ = [
    "STYLE_NAMES",
    "entry_style",
    "style_findings",
    "with_style_findings",
    "with_style_findings_streamed",
]

ListResult = Iterator[tuple[int | None, Diagnostic]]

GBT = "gbt7714"
#: style key -> (English name, Chinese name)
STYLE_NAMES = {
    GBT: ("GB/T 7714", "GB/T 7714"),
    "apa": ("APA", "APA"),
    "chicago": ("Chicago", "芝加哥(Chicago)"),
    "vancouver": ("Vancouver", "温哥华(Vancouver)"),
    "house": ("the 《》 house style", "《》期刊引文注释体例"),
}

# Each style's tell-tale shape; an entry that shows none of them is not counted.
_CUES = (
    # APA: the year in parentheses right after the names: "Crane, D. (1972)."
    (
        "apa",
        regex.compile(
            r"^[^()\d]{2,300}?\((?:\d{4}(?:[/–-]\d{2,4})?[a-z]?|n\.\s?d\.)(?:,\s?[^()]{1,20})?\)\."
        ),
    ),
    # Vancouver: "Journal. 1998;279(5359):2063", or names as "Gu FX, Chan JM"
    (
        "vancouver",
        regex.compile(
            r"\.\s\d{4}(?:\s[A-Z][a-z]{2}(?:\s\d{1,2})?)?;\s?\d+(?:\([^)]{1,12}\))?:\s?[A-Za-z]?\d"
            r"|^(?:\p{Lu}[\p{L}'’-]+\s\p{Lu}{1,3},\s)*\p{Lu}\p{Ll}[\p{L}'’-]*\s\p{Lu}{2,3}[,.]\s"
        ),
    ),
    # Chicago: "Science 279, no. 5359 (1998): 2063"; "Crane, Diana. “Title.”"; or a full given
    # name and "Place: Publisher, Year."
    (
        "chicago",
        regex.compile(
            r"(?<!\d)\d+,\sno\.\s\d+\s\([^()]{0,15}\d{4}\)"  # (?<!\d): linear over long digit runs
            r"|^\p{Lu}[\p{L}'’-]+,\s\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)*(?:,\sJr\.)?\.\s[“\"]"
            r"|^\p{Lu}\p{Ll}+,\s\p{Lu}\p{Ll}+.*:\s[^:]+,\s\d{4}\.$"
        ),
    ),
    # the 《》 house style: 作者:《书名》 / ,《刊名》2016年第2期 / Alford,J.&Hughes,O.,“...”
    (
        "house",
        regex.compile(
            r"^[^《\[]{1,80}[:：,，]\s?《|》\s?[,，]?\s?\d{4}年第|^\p{Lu}\p{Ll}+,\p{Lu}\.(?:[&,]|\p{Lu}\.)"
        ),
    ),
)


def entry_style(ref: Reference) -> str | None:
    """The style ``ref``'s text is written in (``gbt7714``, ``apa``, ``chicago``, ``vancouver``,
    ``house``), or None when its shape says nothing."""
    entry = Entry(ref)
    if entry.type_code is not None:
        return GBT
    body = ref.raw[entry.body :].strip()
    for name, pattern in _CUES:
        if pattern.search(body):
            return name
    return None


def style_findings(refs: Sequence[Reference], config: Any = None) -> dict[int, list[Diagnostic]]:
    """The whole-list rules' (L012, L013) findings by reference index.  They read only each
    entry's text and label, so they can run before the references are parsed: the CLI finds
    them on the segmented list and attaches them as the parsed references stream out.
    ``ListStream`` and ``check_list`` leave them out (a stream cannot wait for its end)."""
    from .core import _apply_overrides, _internal_error, _overrides, context_for, rules_for

    ctx = context_for(config)
    found: dict[int, list[Diagnostic]] = {}
    for r in rules_for(config, "whole-list"):
        try:
            for index, d in r.fn(refs, ctx):
                if index is not None:
                    found.setdefault(index, []).append(d)
        except Exception as exc:  # as check_list reports a failing rule: on the first entry
            if refs:
                found.setdefault(0, []).append(_internal_error(r, exc))
    overrides = _overrides(config)
    return {i: list(_apply_overrides(ds, overrides)) for i, ds in found.items()}


def with_style_findings(
    refs: Iterable[Reference], found: dict[int, list[Diagnostic]]
) -> Iterator[Reference]:
    """``refs`` with the findings of :func:`style_findings` attached, as they stream by."""
    for i, ref in enumerate(refs):
        extra = found.get(i)
        yield ref.with_diagnostics(*extra) if extra else ref


#: ``--lines`` input streams: the list's style is decided on its first WINDOW references (held
#: until then), and each later reference is compared with it.  A file of WINDOW lines or fewer
#: is checked as one list, exactly as a pasted list is.
WINDOW = 50


def with_style_findings_streamed(
    refs: Iterable[Reference], config: Any = None, *, window: int = WINDOW
) -> Iterator[Reference]:
    """``refs`` (one reference a line, ``--lines``) with the whole-list rules' findings, in
    bounded memory and with output before the input ends: the first ``window`` references
    are checked as a list (L012 reports on them); a later entry in another style than theirs
    gets L013."""
    from .core import _apply_overrides, _overrides, rules_for

    rest = iter(refs)
    head = list(islice(rest, window))
    yield from with_style_findings(head, style_findings(head, config))
    main = _main_style(_styles(head)) if len(head) == window else None
    if main is None or "L013" not in {r.code for r in rules_for(config, "whole-list")}:
        yield from rest
        return
    overrides = _overrides(config)
    for ref in rest:
        style = entry_style(ref)
        if style is not None and style != main[0]:
            found = _outlier(style, main[0], main[1], window, first=True)
            ref = ref.with_diagnostics(*_apply_overrides([found], overrides))
        yield ref


def _name(style: str, zh: bool = False) -> str:
    return STYLE_NAMES[style][1 if zh else 0]


def _styles(refs: Sequence[Reference]) -> list[str | None]:
    return [entry_style(r) for r in refs]


def _edition(ctx: Context) -> str:
    return "GB/T 7714-" + ctx.standard.rsplit("-", 1)[-1]


@rule("L012", "list-style", "warning", scope="whole-list")
def list_style(refs: Sequence[Reference], ctx: Context) -> ListResult:
    """Most entries of the list are written in another citation style than GB/T 7714 (APA,
    Chicago, Vancouver, a journal's 《》 house style): the list needs rewriting, not entry fixes.
    Reported once, on the first entry in another style, with how many look like which style.

    Bad: [1] Kanamori H. Shaking without quaking. Science. 1998;279(5359):2063.  …  [2] Tenopir C. Online databases: quality control. Libr J. 1987;113(2):124-5.
    Good: [1] KANAMORI H. Shaking without quaking[J]. Science, 1998, 279(5359): 2063.  …  [2] TENOPIR C. Online databases: quality control[J]. Library Journal, 1987, 113(2): 124-125.
    """
    styles = _styles(refs)
    foreign = Counter(s for s in styles if s is not None and s != GBT)
    if not foreign or sum(foreign.values()) * 2 < len(refs) or foreign.total() <= styles.count(GBT):
        return
    n = len(refs)
    counts = foreign.most_common()
    en = ", ".join(f"{k} of {n} entries look like {_name(s)}" for s, k in counts)
    zh = "，".join(f"{n} 条中有 {k} 条像{_name(s, True)}格式" for s, k in counts)
    first = next(i for i, s in enumerate(styles) if s in foreign)
    yield (
        first,
        diag(
            "L012",
            f"{en}, not {_edition(ctx)} form",
            f"{zh}，不是 {_edition(ctx)} 格式",
        ),
    )


@rule("L013", "entry-style-outlier", "warning", scope="whole-list")
def entry_style_outlier(refs: Sequence[Reference], ctx: Context) -> ListResult:
    """One entry is written in another citation style than the rest of the list (an APA or
    Vancouver entry among GB/T 7714 entries, a 《》 house-style entry in a [n] list): rewrite it
    in the list's form.

    Bad: [1] 汪冰. 电子图书馆理论与实践研究[M]. 北京: 北京图书馆出版社, 1997: 16.  …  [2] 周鲁卫. 软物质物理导论[M]. 上海: 复旦大学出版社, 2011: 1.  …  [3] Kanamori, H. (1998). Shaking without quaking. Science, 279(5359), 2063.
    Good: [1] 汪冰. 电子图书馆理论与实践研究[M]. 北京: 北京图书馆出版社, 1997: 16.  …  [2] 周鲁卫. 软物质物理导论[M]. 上海: 复旦大学出版社, 2011: 1.  …  [3] KANAMORI H. Shaking without quaking[J]. Science, 1998, 279(5359): 2063.
    """
    styles = _styles(refs)
    main = _main_style(styles)
    if main is None:
        return
    for i, s in enumerate(styles):
        if s is not None and s != main[0]:
            yield (i, _outlier(s, main[0], main[1], len(refs)))


def _main_style(styles: Sequence[str | None]) -> tuple[str, int] | None:
    """The list's own style and how many entries are in it: at least two entries and two
    thirds of those whose style is recognised; None when no style is the list's own."""
    known = Counter(s for s in styles if s is not None)
    if not known:
        return None
    main, k = known.most_common(1)[0]
    if k < 2 or (known.total() - k) * 3 > known.total():
        return None
    return main, k


def _outlier(style: str, main: str, k: int, n: int, *, first: bool = False) -> Diagnostic:
    of_en, of_zh = ("the first ", "前 ") if first else ("", "")
    return diag(
        "L013",
        f"this entry looks like {_name(style)}; {k} of {of_en}{n} entries are in {_name(main)} form",
        f"该条像{_name(style, True)}格式；列表{of_zh}{n} 条中 {k} 条为{_name(main, True)}格式",
    )
