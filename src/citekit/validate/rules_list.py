"""List-level rules (family L): duplicates, numbering, and citations in the article text.

A list rule is ``fn(refs, ctx)`` yielding ``(index, diagnostic)``: the diagnostic belongs to
``refs[index]`` (its span points into that reference's raw string), or, with index ``None``,
to the article text (span into the text; only L005).  The article text, when given, is
``ctx.options["article_text"]``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from typing import Any

import regex

from ..csl import year_of
from ..model import Diagnostic, Reference, Severity
from ..text.author_order import first_author, list_group, order_key
from ..text.identifiers import DOI_MENTION
from ._entry import Entry, _strip_url
from .gbt.names import ANONYMOUS
from .registry import Context, diag, rule

ListResult = Iterator[tuple[int | None, Diagnostic]]


def _doi_of(ref: Reference) -> tuple[str, tuple[int, int] | None] | None:
    m = DOI_MENTION.search(ref.raw)
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

    Bad: [1] KANAMORI H. Shaking without quaking[J]. Science, 1998, 279(5359): 2063. DOI:10.1126/science.279.5359.2063.  …  [2] KANAMORI H. Shaking without quaking[J]. Science, 1998, 279: 2063-2064. DOI:10.1126/science.279.5359.2063.
    Good: [1] KANAMORI H. Shaking without quaking[J]. Science, 1998, 279(5359): 2063. DOI:10.1126/science.279.5359.2063.  …  [2] 徐光宪, 王祥云. 物质结构[M]. 北京: 科学出版社, 2010.
    """
    seen: dict[str, int] = {}
    for i, ref in enumerate(refs):
        found = _doi_of(ref)
        if found is None:
            continue
        doi, span = found
        if doi in seen:
            yield i, same_doi(_name(refs, seen[doi]), span)
        else:
            seen[doi] = i


def same_doi(first: str, span: tuple[int, int] | None) -> Diagnostic:
    """L001 on a reference whose DOI reference ``first`` (its list name) has already."""
    return diag(
        "L001",
        f"same DOI as reference {first}",
        f"与第 {first} 条的 DOI 相同",
        span=span,
        field="DOI",
    )


def _name(refs: Sequence[Reference], i: int) -> str:
    # a block of a longer list (citekit.validate.list_stream) carries its offset in the list
    return refs[i].label or str(i + 1 + getattr(refs, "offset", 0))


_NOISE = regex.compile(r"[\p{P}\p{S}\s]+")


_HAN = regex.compile(r"\p{Han}")


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
                family = n.get("family") or n.get("literal") or ""
                if isinstance(family, str) and _HAN.match(family):  # 王 + 刚: the whole name
                    family += str(n.get("given") or "")
                names.append(family)
        return "|".join([_norm(" ".join(names)), _norm(title), str(year_of(item) or "")])
    body = Entry(ref)
    text = ref.raw[body.body :]
    norm = _norm(text)
    return norm if len(norm) >= 12 else None


@rule("L002", "duplicate-reference", "warning", scope="list")
def duplicate_reference(refs: Sequence[Reference], ctx: Context) -> ListResult:
    """The same work listed twice (same authors, title and year, whatever the punctuation):
    merge them and cite one number.

    Bad: [1] 陈登原. 国史旧闻: 第1卷[M]. 北京: 中华书局, 2000: 29.  …  [2] 陈登原. 国史旧闻：第1卷[M]. 北京：中华书局，2000：29.
    Good: [1] 陈登原. 国史旧闻: 第1卷[M]. 北京: 中华书局, 2000: 29.  …  [2] 徐光宪, 王祥云. 物质结构[M]. 北京: 科学出版社, 2010.
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
            yield i, same_work(_name(refs, seen[key]))
        else:
            seen[key] = i


def same_work(first: str) -> Diagnostic:
    """L002 on a reference that repeats reference ``first`` (its list name)."""
    return diag(
        "L002",
        f"same authors, title and year as reference {first}",
        f"与第 {first} 条的责任者、题名和年份相同",
    )


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

    Bad: [1] 陈登原. 国史旧闻: 第1卷[M]. 北京: 中华书局, 2000: 29.  …  [2] 徐光宪, 王祥云. 物质结构[M]. 北京: 科学出版社, 2010.  …  [4] 丁文详. 数字革命与竞争国际化[N]. 中国青年报, 2000-11-20(15).
    Good: [1] 陈登原. 国史旧闻: 第1卷[M]. 北京: 中华书局, 2000: 29.  …  [2] 徐光宪, 王祥云. 物质结构[M]. 北京: 科学出版社, 2010.  …  [3] 丁文详. 数字革命与竞争国际化[N]. 中国青年报, 2000-11-20(15).
    """
    labels = _labels(refs)
    if len(labels) < 2:
        return
    prev = None
    for i, n in labels:
        d = numbering_gap_at(refs[i], n, prev)
        if d is not None:
            yield i, d
        if prev is None or n > prev:
            prev = n


def numbering_gap_at(ref: Reference, n: int, prev: int | None) -> Diagnostic | None:
    """L003 for ``ref`` numbered ``n`` after the highest number so far, ``prev``."""
    expected = 1 if prev is None else prev + 1
    if n <= expected or (prev is not None and n <= prev):
        return None
    missing = f"{expected}" if n == expected + 1 else f"{expected}-{n - 1}"
    return diag(
        "L003",
        f"number {missing} is missing before [{n}]",
        f"[{n}] 之前缺少序号 {missing}",
        span=_label_span(ref),
    )


@rule("L004", "numbering-disorder", "warning", rule_ids=("GBT-ORD-01",), scope="list")
def numbering_disorder(refs: Sequence[Reference], ctx: Context) -> ListResult:
    """List numbers are unique and increasing.

    Bad: [1] 陈登原. 国史旧闻: 第1卷[M]. 北京: 中华书局, 2000: 29.  …  [2] 徐光宪, 王祥云. 物质结构[M]. 北京: 科学出版社, 2010.  …  [2] 丁文详. 数字革命与竞争国际化[N]. 中国青年报, 2000-11-20(15).  …  [3] 杨洪升. 四库馆私家抄校书考略[J]. 文献, 2013(1): 56-75.
    Good: [1] 陈登原. 国史旧闻: 第1卷[M]. 北京: 中华书局, 2000: 29.  …  [2] 徐光宪, 王祥云. 物质结构[M]. 北京: 科学出版社, 2010.  …  [3] 丁文详. 数字革命与竞争国际化[N]. 中国青年报, 2000-11-20(15).  …  [4] 杨洪升. 四库馆私家抄校书考略[J]. 文献, 2013(1): 56-75.
    """
    labels = _labels(refs)
    prev = None
    for i, n in labels:
        d = numbering_disorder_at(refs[i], n, prev)
        if d is not None:
            yield i, d
        if prev is None or n > prev:
            prev = n


def numbering_disorder_at(ref: Reference, n: int, prev: int | None) -> Diagnostic | None:
    """L004 for ``ref`` numbered ``n`` after the highest number so far, ``prev``."""
    if prev is None or n > prev:
        return None
    what = "repeats" if n == prev else f"comes after [{prev}]"
    return diag(
        "L004",
        f"number [{n}] {what}",
        f"序号 [{n}] " + ("重复" if n == prev else f"排在 [{prev}] 之后"),
        span=_label_span(ref),
    )


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

    List: [1] 陈登原. 国史旧闻: 第1卷[M]. 北京: 中华书局, 2000: 29.  …  [2] 徐光宪, 王祥云. 物质结构[M]. 北京: 科学出版社, 2010.  …  [3] 丁文详. 数字革命与竞争国际化[N]. 中国青年报, 2000-11-20(15).
    Bad: 陈登原指出[1], 徐光宪认为[2-3], 另见[4]。
    Good: 陈登原指出[1], 徐光宪认为[2-3]。
    """
    text = ctx.option("article_text")
    if not text:
        return
    numbers = _numbers(refs)
    for s, t, cited in citations(text):
        for n in cited:
            if n not in numbers:
                yield (
                    None,
                    diag(
                        "L005",
                        f"citation [{n}] has no reference in the list",
                        f"引用的 [{n}] 在参考文献表中不存在",
                        span=(s, t),
                    ),
                )


@rule("L006", "reference-not-cited", "warning", scope="list")
def reference_not_cited(refs: Sequence[Reference], ctx: Context) -> ListResult:
    """Given the article text (``--text ARTICLE``), every entry of the list is cited.

    List: [1] 陈登原. 国史旧闻: 第1卷[M]. 北京: 中华书局, 2000: 29.  …  [2] 徐光宪, 王祥云. 物质结构[M]. 北京: 科学出版社, 2010.  …  [3] 丁文详. 数字革命与竞争国际化[N]. 中国青年报, 2000-11-20(15).
    Bad: 陈登原指出[1], 徐光宪认为[2]。
    Good: 陈登原指出[1], 徐光宪认为[2], 丁文详认为[3]。
    """
    text = ctx.option("article_text")
    if not text:
        return
    cited = {n for _, _, ns in citations(text) for n in ns}
    for n, i in sorted(_numbers(refs).items(), key=lambda x: x[1]):
        if n not in cited:
            yield (
                i,
                diag(
                    "L006",
                    f"reference [{n}] is never cited in the article",
                    f"第 [{n}] 条参考文献在正文中未被引用",
                    span=_label_span(refs[i]),
                ),
            )


@rule("L007", "citation-order", "warning", rule_ids=("GBT-ORD-01",), scope="list")
def citation_order(refs: Sequence[Reference], ctx: Context) -> ListResult:
    """In a numeric (顺序编码制) list, numbers follow the order of first citation in the text:
    the first new number cited is [1], the next new one [2], and so on.

    List: [1] 陈登原. 国史旧闻: 第1卷[M]. 北京: 中华书局, 2000: 29.  …  [2] 徐光宪, 王祥云. 物质结构[M]. 北京: 科学出版社, 2010.  …  [3] 丁文详. 数字革命与竞争国际化[N]. 中国青年报, 2000-11-20(15).
    Bad: 徐光宪认为[2], 陈登原指出[1], 丁文详认为[3]。
    Good: 陈登原指出[1], 徐光宪认为[2], 陈登原又说[1], 丁文详认为[3]。
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
                yield (
                    numbers[n],
                    diag(
                        "L007",
                        f"[{n}] is cited first where [{expected}] was expected: number in order of first citation",
                        f"首次引用顺序处应为 [{expected}], 实为 [{n}]: 序号应按首次引用先后编排",
                        span=_label_span(refs[numbers[n]]),
                    ),
                )
            while expected in seen:
                expected += 1


# --- author-date lists (GBT-ORD-02/03/04) ---------------------------------------------------


def _author_date(refs: Sequence[Reference], entries: list[Entry], ctx: Context) -> bool:
    """Is this an author-date list?  The profile option ``citation-system`` says so, else most
    GB/T entries read 'Name, Year.' and none is numbered."""
    system = ctx.option("citation_system", "auto")
    if system != "auto":
        return system == "author-date"
    gbt = [e for e in entries if e.is_gbt]
    if len(gbt) < 2 or any(r.label and r.label.isdigit() for r in refs):
        return False
    return sum(1 for e in gbt if e.ay_year is not None) * 2 > len(gbt)


def _ay_entries(refs: Sequence[Reference], ctx: Context) -> list[tuple[int, Entry]] | None:
    entries = [Entry(r) for r in refs]
    if not _author_date(refs, entries, ctx):
        return None
    return [(i, e) for i, e in enumerate(entries) if e.ay_year is not None]


def _names(e: Entry) -> str:
    return e.raw[e.body : e.ay_year.start()].strip()


def _group(e: Entry) -> int:
    # the work's own language, read from its title: '［日］夫马进. 龜山集…' is a Chinese item by
    # a Japanese author, whatever language a parser gave the entry (the renderer's order too)
    lang = e.item("language")
    return list_group(e.title, lang if isinstance(lang, str) else None, _names(e))


_GROUP_NAMES = ("Chinese", "Japanese", "Western", "Russian", "other")
_GROUP_NAMES_ZH = ("中文", "日文", "西文", "俄文", "其他语种")


def _rank(group: int, ctx: Context) -> int:
    if ctx.option("western_first", False):
        return {2: 0, 0: 1, 1: 2}.get(group, group)
    return group


def _head_span(e: Entry) -> tuple[int, int]:
    return (e.body, e.ay_year.end("y"))


@rule(
    "L008", "language-group-order", "warning", rule_ids=("GBT-ORD-02", "GBT-DEV-10"), scope="list"
)
def language_group_order(refs: Sequence[Reference], ctx: Context) -> ListResult:
    """An author-date (著者-出版年制) list is grouped by language — Chinese, Japanese, Western,
    Russian, other — in that order (profile option ``western-first = true`` puts Western
    entries first, as many schools want).  Where the list steps back to an earlier group, the
    first entry of the step is reported.

    Bad: KANAMORI H, 1998. Shaking without quaking[J]. Science, 279(5359): 2063.  …  陈登原, 2000. 国史旧闻: 第1卷[M]. 北京: 中华书局: 29.
    Good: 陈登原, 2000. 国史旧闻: 第1卷[M]. 北京: 中华书局: 29.  …  KANAMORI H, 1998. Shaking without quaking[J]. Science, 279(5359): 2063.
    """
    found = _ay_entries(refs, ctx)
    if not found:
        return
    prev_rank, prev_group = -1, 0
    for i, e in found:
        g = _group(e)
        r = _rank(g, ctx)
        if r < prev_rank:
            yield (
                i,
                diag(
                    "L008",
                    f"a {_GROUP_NAMES[g]} entry after {_GROUP_NAMES[prev_group]} ones: group the list by language",
                    f"{_GROUP_NAMES_ZH[g]}文献排在{_GROUP_NAMES_ZH[prev_group]}文献之后: 应按语种分集排列",
                    span=_head_span(e),
                ),
            )
        prev_rank, prev_group = r, g


def _sort_key(e: Entry) -> tuple[tuple[str, ...], int, str, tuple[str, ...]]:
    """The entry's order key (:func:`citekit.text.author_order.order_key`, which the renderer
    sorts by): name by name, then year; a suffixed entry by its first author, year, suffix."""
    y = e.ay_year
    return order_key(_names(e), int(y.group("n")), y.group("s") or "")


@rule(
    "L009", "author-date-sort-order", "warning", rule_ids=("GBT-ORD-02", "GBT-ORD-03"), scope="list"
)
def author_date_sort_order(refs: Sequence[Reference], ctx: Context) -> ListResult:
    """Within a language group an author-date list is sorted by the responsible parties, name
    by name (Chinese names by pinyin, surnames read as surnames: 曾 zeng, 单 shan; diacritics
    ignored; 'et al.'/等 is not a name), then by year.  The works of one first author in one
    year that carry year suffixes stand together in the order of their letters, as the
    standard's 10.2.3 example prints '王临惠, 支建刚, 王忠一, 2010a' before '王临惠, 2010b'.
    The renderer sorts by the same key (citekit.text.author_order).
    Sorting by strokes (笔画) is allowed by the standard: set ``select``/``ignore`` to drop
    this rule for such a list.

    Bad: 张伯伟, 2002. 全唐五代诗格汇考[M]. 南京: 江苏古籍出版社: 288.  …  曹凌, 2011. 中国佛教疑伪经综录[M]. 上海: 上海古籍出版社: 19.
    Good: 曹凌, 2011. 中国佛教疑伪经综录[M]. 上海: 上海古籍出版社: 19.  …  张伯伟, 2002. 全唐五代诗格汇考[M]. 南京: 江苏古籍出版社: 288.
    """
    found = _ay_entries(refs, ctx)
    if not found:
        return
    groups: dict[int, list[tuple[Any, int, Entry]]] = {}
    for i, e in found:
        if ANONYMOUS.match(_names(e).rstrip(" ,，")):
            continue  # no author to sort by: lists put 佚名/Anon works by title or at the end
        groups.setdefault(_group(e), []).append((_sort_key(e), i, e))
    for members in groups.values():
        # the fewest entries to move: those off a longest sorted run (one misplaced entry is
        # one finding, not a finding for every entry after it)
        kept = _longest_sorted([key for key, _, _ in members])
        for k, (key, i, e) in enumerate(members):
            if k in kept:
                continue
            before = [j for j in range(k) if j in kept and members[j][0] > key]
            if before:
                other = _name(refs, members[before[0]][1])
                en = f"out of order: sorts before reference {other} (by author, then year)"
                zh = f"排序错误: 按著者和出版年应排在第 {other} 条之前"
            else:
                after = [j for j in range(k + 1, len(members)) if j in kept and members[j][0] < key]
                other = _name(refs, members[after[-1]][1]) if after else "?"
                en = f"out of order: sorts after reference {other} (by author, then year)"
                zh = f"排序错误: 按著者和出版年应排在第 {other} 条之后"
            yield i, diag("L009", en, zh, span=_head_span(e))


def _longest_sorted(keys: list[Any]) -> set[int]:
    """Positions of a longest non-decreasing subsequence of ``keys``, earliest positions first
    among equals (the later entry of a swapped pair is the one reported)."""
    # scanned from the end: starts[n] is the start of a sorted run of length n + 1 whose
    # first key is largest (keys of starts fall as n grows)
    starts: list[int] = []
    nxt: list[int] = [-1] * len(keys)
    for k in reversed(range(len(keys))):
        lo, hi = 0, len(starts)
        while lo < hi:
            mid = (lo + hi) // 2
            if keys[starts[mid]] >= keys[k]:
                lo = mid + 1
            else:
                hi = mid
        nxt[k] = starts[lo - 1] if lo else -1
        if lo == len(starts):
            starts.append(k)
        else:
            starts[lo] = k
    out: set[int] = set()
    k = starts[-1] if starts else -1
    while k >= 0:
        out.add(k)
        k = nxt[k]
    return out


def _first_author(e: Entry) -> str:
    return first_author(_names(e))  # the renderer's suffixes go by the same name


@rule("L010", "year-suffix", "warning", rule_ids=("GBT-ORD-04",), scope="list")
def year_suffix(refs: Sequence[Reference], ctx: Context) -> ListResult:
    """Works by the same (first) author in the same year are told apart by a, b, c after the
    year, in the list and in the citations ('2010a', '2010b'); each letter is used once.

    Bad: KENNEDY W J, GARRISON R E, 1975. Morphology and genesis of nodular chalks[J]. Sedimentology, 22: 311.  …  KENNEDY W J, GARRISON R E, 1975. Morphology and genesis of nodular phosphates[J]. Lethaia, 8: 339.
    Good: KENNEDY W J, GARRISON R E, 1975a. Morphology and genesis of nodular chalks[J]. Sedimentology, 22: 311.  …  KENNEDY W J, GARRISON R E, 1975b. Morphology and genesis of nodular phosphates[J]. Lethaia, 8: 339.
    """
    found = _ay_entries(refs, ctx)
    if not found:
        return
    groups: dict[tuple[str, str], list[tuple[int, Entry]]] = {}
    for i, e in found:
        groups.setdefault((_first_author(e), e.ay_year.group("n")), []).append((i, e))
    for (_, year), members in groups.items():
        if len(members) < 2:
            continue
        seen: set[str] = set()
        for i, e in members:
            s = e.ay_year.group("s")
            y0, y1 = e.ay_year.span("y")
            if not s:
                yield (
                    i,
                    diag(
                        "L010",
                        f"{len(members)} works by this author in {year}: add a, b, c after the year",
                        f"该著者 {year} 年有 {len(members)} 篇文献: 出版年后应加 a、b、c 区分",
                        span=(y0, y1),
                    ),
                )
            elif s in seen:
                yield (
                    i,
                    diag(
                        "L010",
                        f"the suffix '{year}{s}' is used twice",
                        f"“{year}{s}”重复使用",
                        span=(y0, y1),
                    ),
                )
            seen.add(s or "")


# --- in-text citation forms (GBT-ORD-05, GBT-PAGE-04) -----------------------------------------

_PAGE_IN_BRACKETS = regex.compile(
    r"[\[［]\s*(?P<n>\d{1,4})\s*(?:[,，]\s*(?:pp?\.\s*|第\s*)(?P<p1>\d+(?:\s*[-–]\s*\d+)?)\s*页?"
    r"|[:：]\s*(?:pp?\.\s*|第\s*)?(?P<p2>\d+(?:\s*[-–]\s*\d+)?)\s*页?)\s*[\]］]"
)
_PAGE_AFTER = regex.compile(
    r"(?P<c>[\[［]\s*\d{1,4}\s*[\]］])(?P<x>\s*(?:pp?\.\s*|第\s*))(?P<p>\d+(?:\s*[-–]\s*\d+)?)(?P<y>\s*页)?"
)
_AY_CITATION = regex.compile(r"[(（](?P<b>[^()（）\[\]]{2,160}?)[)）]")
_AY_PART = regex.compile(
    r"\A(?P<name>[^\d,，;；]{1,60}?)(?P<sep>\s*[,，]\s*|\s+)(?P<y>(?:1[5-9]|20)\d\d[a-z]?)(?:\s*[:：].*)?\Z"
)
_LATIN_NAME_START = regex.compile(r"\A\p{Lu}[\p{L}'’\-]+")
_MONTHS = frozenset(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "Summer",
        "Winter",
        "Spring",
        "Autumn",
        "Fall",
    ]
)


def _numeric_forms(text: str) -> Iterator[Diagnostic]:
    for s, t, numbers in citations(text):
        body = text[s + 1 : t - 1]
        if regex.search(r"[~～—]", body):
            yield diag(
                "L011",
                "a range of citation numbers is joined with '-'",
                "连续序号用“-”连接",
                span=(s, t),
            )
        elif len(numbers) >= 3 and "-" not in body and "–" not in body:
            runs, start = [], 0
            for k in range(1, len(numbers) + 1):
                if k == len(numbers) or numbers[k] != numbers[k - 1] + 1:
                    if k - start >= 3:
                        runs.append((numbers[start], numbers[k - 1]))
                    start = k
            if runs:
                a, b = runs[0]
                yield diag(
                    "L011",
                    f"consecutive numbers {a}…{b}: write '{a}-{b}'",
                    f"连续序号应写作“{a}-{b}”",
                    span=(s, t),
                )
        if regex.search(r"[,，]\s+\d", body):
            yield diag(
                "L011",
                "no space after the comma between citation numbers: '[1,3]'",
                "序号之间的逗号后不加空格: “[1,3]”",
                span=(s, t),
                severity=Severity.INFO,
            )
    for m in _PAGE_IN_BRACKETS.finditer(text):
        page = m.group("p1") or m.group("p2")
        yield diag(
            "L011",
            f"the cited page goes after the brackets: '[{m.group('n')}]{page}'",
            f"引文页码置于方括号外: “[{m.group('n')}]{page}”",
            span=(m.start(), m.end()),
        )
    for m in _PAGE_AFTER.finditer(text):
        yield diag(
            "L011",
            f"the page after the number is bare: '{m.group('c').strip()}{m.group('p')}'",
            f"方括号外的页码不加“p.”“第”“页”: “{m.group('c').strip()}{m.group('p')}”",
            span=(m.start("x"), m.end()),
        )


def _ay_forms(text: str) -> Iterator[Diagnostic]:
    for m in _AY_CITATION.finditer(text):
        body = m.group("b")
        offset = m.start("b")
        pos = 0
        for part in regex.split(r"([;；])", body):
            if part in (";", "；"):
                pos += 1
                continue
            start = offset + pos + (len(part) - len(part.lstrip()))
            pos += len(part)
            p = _AY_PART.match(part.strip())
            if p is None:
                continue
            name = p.group("name").strip()
            han = bool(regex.search(r"\p{Han}", regex.sub(r"\s*(?:等|et al\.?)\Z", "", name)))
            if not han:
                first = _LATIN_NAME_START.match(name)
                if first is None or first.group() in _MONTHS or len(name.split()) > 6:
                    continue
            span = (start, start + len(part.strip()))
            if "," not in p.group("sep") and "，" not in p.group("sep"):
                yield diag(
                    "L011",
                    "a comma separates the author from the year: '(Crane, 1972)'",
                    "著者与出版年之间用逗号: “(Crane, 1972)”",
                    span=span,
                )
            if regex.search(r"\bet al(?!\.)", name):
                yield diag("L011", "'et al.' takes a full stop", "“et al.”应带缩写点", span=span)
            if not han and "等" in name:
                yield diag(
                    "L011",
                    "a Western author takes 'et al.', not 等: '(Walls et al., 1999)'",
                    "西文著者用“et al.”而非“等”",
                    span=span,
                )
            elif han and "et al" in name:
                yield diag(
                    "L011",
                    "a Chinese author takes 等, not 'et al.': '(张三 等, 2002)'",
                    "中文著者用“等”而非“et al.”",
                    span=span,
                )
            elif han and regex.search(r"\p{Han}等\Z", name):
                yield diag(
                    "L011",
                    "a space before 等: '(张三 等, 2002)'",
                    "“等”前空一格: “(张三 等, 2002)”",
                    span=span,
                    severity=Severity.INFO,
                )


@rule(
    "L011",
    "citation-form",
    "warning",
    rule_ids=("GBT-ORD-05", "GBT-PAGE-04", "GBT-DEV-07"),
    scope="list",
)
def citation_form(refs: Sequence[Reference], ctx: Context) -> ListResult:
    """Given the article text (``--text ARTICLE``), citations take the standard's forms: numbers
    in brackets, a consecutive run with '-' ('[2-4]', not '[2,3,4]'), no space after the comma
    ('[1,3]', info); the page of a repeated citation after the brackets ('[4]15-17', not
    '[4, p. 15]'); author-date citations as '(Crane, 1972)', 'et al.' for Western authors and
    等 for Chinese ones.  Spans point into the article text.

    List: [1] 陈登原. 国史旧闻: 第1卷[M]. 北京: 中华书局, 2000: 29.  …  [2] 徐光宪, 王祥云. 物质结构[M]. 北京: 科学出版社, 2010.  …  [3] 丁文详. 数字革命与竞争国际化[N]. 中国青年报, 2000-11-20(15).  …  [4] 杨洪升. 四库馆私家抄校书考略[J]. 文献, 2013(1): 56-75.
    Bad: 陈登原指出[1], 另见[2,3,4]。
    Good: 陈登原指出[1], 另见[2-4]。
    """
    text = ctx.option("article_text")
    if not text:
        return
    if "[" in text or "［" in text:
        for d in _numeric_forms(text):
            yield None, d
    if "(" in text or "（" in text:
        for d in _ay_forms(text):
            yield None, d
