"""GB/T 7714 rules (family G), each tied to rule IDs of ``gbt7714/rules.md``.

They work on the raw string of an entry recognised as GB/T 7714 by its type code
(``[J]``, ``[M/OL]``...): the title lies before the code, the "tail" after it holds the
responsible parties of the host, edition, imprint, serial block, dates, URL and DOI.  Every
pattern is anchored to an element position so that titles are never inspected for imprint
rules.  A rule that is not sure stays silent.
"""

from __future__ import annotations

import re
from typing import Iterator

import regex

from ..model import Applicability, Diagnostic, Edit, Fix, Severity, Span
from ._entry import CARRIERS, TYPE_CODES_2015, TYPE_CODES_2025, Entry
from .registry import Context, diag, rule

SAFE, UNSAFE = Applicability.SAFE, Applicability.UNSAFE
_ONLY_2015 = ("gbt7714-2015",)
_ONLY_2025 = ("gbt7714-2025",)


def _fix(message: str, *edits: tuple[int, int, str], applicability: Applicability = SAFE) -> Fix:
    return Fix(message, tuple(Edit(Span(s, e), r) for s, e, r in edits), applicability)


def _fullwidth(e: Entry) -> bool:
    """Does the entry use full-width commas and colons (its own scheme) rather than ASCII?"""
    raw = e.raw
    return raw.count("，") + raw.count("：") > raw.count(",") + raw.count(":")


def _comma(e: Entry) -> str:
    return "，" if _fullwidth(e) else ", "


def _colon(e: Entry) -> str:
    return "：" if _fullwidth(e) else ": "


# --- 1. type and carrier codes -----------------------------------------------------------

_CANDIDATE = regex.compile(
    r"\[(?P<t>\s*[A-Za-z]{1,10}\s*)(?:/(?P<c>\s*[A-Za-z]{1,10}\s*))?\]"
    r"(?=\s*(?:[.．,，]|//|／／|\[|$))"
)
_SPLIT_CARRIER = regex.compile(r"\[(?P<t>[A-Z]{1,2})\]\[(?P<c>[A-Za-z]{2,7})\]")


def _valid_types(ctx: Context) -> frozenset[str]:
    return TYPE_CODES_2025 if ctx.standard == "gbt7714-2025" else TYPE_CODES_2015


def _code_candidates(e: Entry) -> list[regex.Match[str]]:
    """The bracketed codes of the entry (computed once, shared by G001 and G002)."""
    cached = e.__dict__.get("_candidates")
    if cached is None:
        cached = list(_CANDIDATE.finditer(e.raw, e.body)) if "[" in e.raw else []
        e.__dict__["_candidates"] = cached
    return cached


def _only_good_code(e: Entry, valid: frozenset[str]) -> bool:
    """The one candidate is the entry's own well-formed code: nothing for G001/G002 to say."""
    cands = _code_candidates(e)
    if not cands:
        return "][" not in e.raw
    if len(cands) != 1 or e.code is None or cands[0].start() != e.code.start():
        return False
    t, c = cands[0].group("t"), cands[0].group("c")
    return t in valid and (c is None or c in CARRIERS) and "][" not in e.raw


@rule("G001", "unknown-type-code", "error", rule_ids=("GBT-TYPE-01",), fixable=True, gbt_only=False)
def unknown_type_code(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """The document type code after the title is one of M C G N J D R S P DB CP EB A CM DS Z
    (2025 adds PP, preprint), in upper-case ASCII letters.  Lower case is fixed safely.

    Bad: 陈登原. 国史旧闻[m]. 北京: 中华书局, 2000: 29.
    Good: 陈登原. 国史旧闻[M]. 北京: 中华书局, 2000: 29.
    """
    valid = _valid_types(ctx)
    if _only_good_code(e, valid):
        return
    for m in _code_candidates(e):
        t, c = m.group("t"), m.group("c")
        tt = t.strip().upper()
        cc = c.strip().upper() if c is not None else None
        if t in valid and (c is None or c in CARRIERS):
            continue  # a good code
        if c is None and tt in CARRIERS:
            continue  # "[OL]" alone: G002
        span = Span(m.start(), m.end())
        if tt in valid:
            if cc is not None and cc not in CARRIERS:
                continue  # G002
            if t == tt:
                continue  # only the carrier is off: G002
            fixed = "[" + tt + ("/" + cc if cc else "") + "]"
            yield diag(
                "G001",
                f"type code '{m.group()}' should be '{fixed}'",
                f"文献类型标识“{m.group()}”应为“{fixed}”",
                span=span,
                fix=_fix(f"write {fixed}", (m.start(), m.end(), fixed)),
            )
        elif tt == "PP":
            yield diag(
                "G001",
                "'[PP]' (preprint) is a GB/T 7714-2025 code; 2015 has none (use [EB])",
                "“[PP]”(预印本)是 GB/T 7714-2025 新增的代码, 2015 版无此代码(可用 [EB])",
                span=span,
            )
        elif e.code is not None and m.start() > e.code.start():
            continue  # a bracketed word after the entry's real code
        elif len(tt) <= 3 or (m.start() > e.body and e.raw[m.start() - 1] != " "):
            yield diag(
                "G001",
                f"'{m.group()}' is not a GB/T 7714 document type code",
                f"“{m.group()}”不是 GB/T 7714 规定的文献类型标识",
                span=span,
            )


@rule("G002", "bad-carrier-code", "error", rule_ids=("GBT-TYPE-02",), fixable=True, gbt_only=False)
def bad_carrier_code(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """The carrier code (MT, DK, CD or OL) follows the type code after '/' inside the same
    brackets, with no spaces: [J/OL], [M/CD].

    Bad: 储大同. 恶性肿瘤个体化治疗靶向药物的临床表现[J][OL]. 中华肿瘤杂志, 2010, 32(10): 721-724[2014-06-25]. http://vip.calis.edu.cn/asp/Detail.asp.
    Good: 储大同. 恶性肿瘤个体化治疗靶向药物的临床表现[J/OL]. 中华肿瘤杂志, 2010, 32(10): 721-724[2014-06-25]. http://vip.calis.edu.cn/asp/Detail.asp.
    """
    valid = _valid_types(ctx)
    if _only_good_code(e, valid):
        return
    for m in _code_candidates(e):
        t, c = m.group("t"), m.group("c")
        tt = t.strip().upper()
        span = Span(m.start(), m.end())
        if c is None:
            if tt in CARRIERS and tt not in valid and e.raw[m.start() - 1 : m.start()] != "]":
                yield diag(
                    "G002",
                    f"'{m.group()}' is a carrier code without a type code",
                    f"“{m.group()}”只有载体标识, 缺少文献类型标识",
                    span=span,
                )
            continue
        cc = c.strip().upper()
        if tt not in valid or (c in CARRIERS and t == tt):
            continue
        if cc in CARRIERS:
            fixed = f"[{tt}/{cc}]"
            yield diag(
                "G002",
                f"'{m.group()}' should be '{fixed}'",
                f"“{m.group()}”应为“{fixed}”",
                span=span,
                fix=_fix(f"write {fixed}", (m.start(), m.end(), fixed)),
            )
        else:
            yield diag(
                "G002",
                f"'{c.strip()}' is not a carrier code (MT, DK, CD, OL)",
                f"“{c.strip()}”不是载体标识(MT、DK、CD、OL)",
                span=span,
            )
    if "][" in e.raw:
        for m in _SPLIT_CARRIER.finditer(e.raw, e.body):
            if m.group("t") in valid and m.group("c").upper() in CARRIERS:
                fixed = f"[{m.group('t')}/{m.group('c').upper()}]"
                yield diag(
                    "G002",
                    f"'{m.group()}' should be one code: '{fixed}'",
                    f"“{m.group()}”应合写为“{fixed}”",
                    span=(m.start(), m.end()),
                    fix=_fix(f"write {fixed}", (m.start(), m.end(), fixed)),
                )


@rule(
    "G003",
    "space-before-type-code",
    "warning",
    rule_ids=("GBT-TYPE-03", "GBT-PUNCT-05"),
    fixable=True,
)
def space_before_type_code(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """The type code attaches to the title (or other title information) with no space.

    Bad: 陈登原. 国史旧闻: 第1卷 [M]. 北京: 中华书局, 2000: 29.
    Good: 陈登原. 国史旧闻: 第1卷[M]. 北京: 中华书局, 2000: 29.
    """
    if not e.code:
        return
    i = e.code.start()
    j = i
    while j > e.body and e.raw[j - 1] in " \u3000\t":
        j -= 1
    if j < i and j > e.body and e.raw[j - 1] not in ".．":
        yield diag("G003", span=(j, i), fix=_fix("remove the space", (j, i, "")))


@rule(
    "G004", "missing-carrier-code", "warning", rule_ids=("GBT-TYPE-04", "GBT-DEV-08"), fixable=True
)
def missing_carrier_code(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """An electronic resource records the carrier code with the type code: an entry with a URL
    or a citation date is online, so its code reads [J/OL], [M/OL], [EB/OL].

    Bad: 李炳穆. 韩国图书馆法[J]. 图书情报工作, 2008, 52(6): 6-21[2013-10-25]. http://www.docin.com/p-400265742.html.
    Good: 李炳穆. 韩国图书馆法[J/OL]. 图书情报工作, 2008, 52(6): 6-21[2013-10-25]. http://www.docin.com/p-400265742.html.
    """
    if not e.code or e.carrier:
        return
    tail_urls = [u for u in e.urls if u[0] >= e.tail_start]
    if not tail_urls and not e.access_dates:
        return
    at = e.code.end() - 1
    yield diag("G004", span=(e.code.start(), e.code.end()), fix=_fix("add /OL", (at, at, "/OL")))


@rule("G005", "online-without-access-path", "warning", rule_ids=("GBT-ACC-01", "GBT-TYPE-04"))
def online_without_access_path(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """An item marked /OL is an online resource: give its URL (or at least its DOI).

    Bad: 储大同. 恶性肿瘤个体化治疗靶向药物的临床表现[J/OL]. 中华肿瘤杂志, 2010, 32(10): 721-724[2014-06-25].
    Good: 储大同. 恶性肿瘤个体化治疗靶向药物的临床表现[J/OL]. 中华肿瘤杂志, 2010, 32(10): 721-724[2014-06-25]. http://vip.calis.edu.cn/asp/Detail.asp.
    """
    if e.online and not e.urls and not e.dois:
        yield diag("G005", span=(e.code.start(), e.code.end()))  # type: ignore[union-attr]


@rule("G006", "missing-citation-date", "warning", editions=_ONLY_2015, rule_ids=("GBT-DATE-03",))
def missing_citation_date(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """GB/T 7714-2015 makes the citation date [YYYY-MM-DD] required for online resources: it
    goes right after the last publication element, before the URL.  (GB/T 7714-2025 no longer
    requires it: its online examples often have none, so the rule is 2015-only.)

    Bad: 储大同. 恶性肿瘤个体化治疗靶向药物的临床表现[J/OL]. 中华肿瘤杂志, 2010, 32(10): 721-724. http://vip.calis.edu.cn/asp/Detail.asp.
    Good: 储大同. 恶性肿瘤个体化治疗靶向药物的临床表现[J/OL]. 中华肿瘤杂志, 2010, 32(10): 721-724[2014-06-25]. http://vip.calis.edu.cn/asp/Detail.asp.
    """
    if not e.code or e.access_dates:
        return
    for s, end in e.urls:
        if s >= e.tail_start:
            yield diag(
                "G006",
                "an online item with a URL has no citation date [YYYY-MM-DD]",
                "有网址的网络资源缺少引用日期 [YYYY-MM-DD]",
                span=(s, end),
            )
            return


@rule("G007", "citation-date-misplaced", "warning", rule_ids=("GBT-DATE-04",))
def citation_date_misplaced(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """The citation date follows the last element of the publication or serial block directly
    (year, pages, update date) and precedes '. URL'.

    Bad: 李炳穆. 韩国图书馆法[J/OL]. 图书情报工作, 2008, 52(6): 6-21. [2013-10-25] http://www.docin.com/p-400265742.html.
    Good: 李炳穆. 韩国图书馆法[J/OL]. 图书情报工作, 2008, 52(6): 6-21[2013-10-25]. http://www.docin.com/p-400265742.html.
    """
    if not e.code or not e.access_dates:
        return
    first_url = min((s for s, _ in e.urls if s >= e.tail_start), default=None)
    for m in e.access_dates:
        span = (m.start(), m.end())
        if first_url is not None and m.start() > first_url:
            yield diag(
                "G007",
                "the citation date comes after the URL; put it before",
                "引用日期位于网址之后, 应置于网址之前",
                span=span,
            )
            continue
        before = e.raw[: m.start()].rstrip(" ")
        if before.endswith((".", "．")) and not before[:-1].endswith("]"):
            yield diag(
                "G007",
                "the citation date attaches to the preceding element, with no '. ' before it",
                "引用日期紧接前一著录项目, 其前不加“. ”",
                span=span,
            )


_SWAPPED = regex.compile(r"\[(\d{4}-\d{2}-\d{2})\]\s*\((\d{4}-\d{2}-\d{2})\)")


@rule("G008", "date-brackets-swapped", "error", rule_ids=("GBT-DATE-02",), fixable=True)
def date_brackets_swapped(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """The update or modification date goes in ( ), the citation date in [ ]: (update)[cited].

    Bad: 萧钰. 出版业信息化迈入快车道[EB/OL]. [2001-12-19](2002-04-15). http://www.creader.com/news/20011219/200112190019.html.
    Good: 萧钰. 出版业信息化迈入快车道[EB/OL]. (2001-12-19)[2002-04-15]. http://www.creader.com/news/20011219/200112190019.html.
    """
    if not e.code:
        return
    for m in _SWAPPED.finditer(e.raw, e.tail_start):
        fixed = f"({m.group(1)})[{m.group(2)}]"
        yield diag(
            "G008",
            span=(m.start(), m.end()),
            fix=_fix(f"write {fixed}", (m.start(), m.end(), fixed)),
        )


_DATE_LIKE = regex.compile(
    r"(?<![\d.\-/])(?P<y>\d{4})(?:(?P<sep>[./])(?P<m1>\d{1,2})(?P=sep)(?P<d1>\d{1,2})"
    r"|-(?P<m2>\d{1,2})-(?P<d2>\d{1,2})|年(?P<m3>\d{1,2})月(?P<d3>\d{1,2})日)(?![\d.\-/])"
)


# non-ISO dates only: "2013.01.08", "2013/1/8", "2013年1月8日", "2013-1-8", "2013-01-8"
_DATE_FAST = re.compile(r"\d{4}(?:[./年]\d|-\d(?!\d)|-\d\d-\d(?!\d))")


@rule("G009", "non-iso-date", "warning", rule_ids=("GBT-DATE-01",), fixable=True)
def non_iso_date(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """Newspaper dates, patent dates, update and citation dates are written YYYY-MM-DD,
    zero-padded, with hyphens (GB/T 7408).

    Bad: 丁文详. 数字革命与竞争国际化[N]. 中国青年报, 2000年11月20日(15).
    Good: 丁文详. 数字革命与竞争国际化[N]. 中国青年报, 2000-11-20(15).
    """
    if not e.code or _DATE_FAST.search(e.raw, e.tail_start) is None:
        return
    for m in _DATE_LIKE.finditer(e.raw, e.tail_start):
        if e.in_url(m.start()):
            continue
        mo = m.group("m1") or m.group("m2") or m.group("m3")
        d = m.group("d1") or m.group("d2") or m.group("d3")
        if not (1 <= int(mo) <= 12 and 1 <= int(d) <= 31):
            continue
        fixed = f"{m.group('y')}-{int(mo):02d}-{int(d):02d}"
        if fixed == m.group():
            continue
        yield diag(
            "G009",
            f"'{m.group()}' should be written '{fixed}'",
            f"“{m.group()}”应写作“{fixed}”",
            span=(m.start(), m.end()),
            fix=_fix(f"write {fixed}", (m.start(), m.end(), fixed)),
        )


# --- 3. responsible parties --------------------------------------------------------------

_ETAL = regex.compile(
    r"(?P<sep>\s*[,，]\s*|\s*)(?P<term>等|et\s+al\.?|외)(?=\s*[.．,，]|\s*$|\s*译|(?<=\.)\s)"
)
_SUFFIX = regex.compile(r"(?i)^(?:jr|sr|ii|iii|iv)\.?$")
_HAN_NAME = regex.compile(r"^[\p{Han}·]{2,6}$")
_LATIN_NAME = regex.compile(
    r"^[\p{Latin}][\p{Latin}'’\-]*(?:\s+[\p{Latin}][\p{Latin}'’\-.]*){0,4}$"
)
_HANGUL_NAME = regex.compile(r"^[\p{Hangul}\p{Han}]{2,6}$")


_ELEMENT_SEP = regex.compile(r"\.\s|．|//|\]\s*[.．]?\s*")
_COMMA_SPLIT = regex.compile(r"[,，]")
_MERGED_SL_SN = regex.compile(r"\[S\.l\.\s*[:：]\s*s\.n\.\]")


def _element_start(raw: str, pos: int, floor: int) -> int:
    """Start of the element that ends at ``pos``: after the previous '. ', '．', '//' or ']'."""
    best = floor
    for m in _ELEMENT_SEP.finditer(raw, floor, pos):
        best = m.end()
    return best


def _etal_groups(e: Entry) -> list[tuple[regex.Match[str], int, list[tuple[int, int]]]]:
    """``(match, element start, name spans)`` for every 等/et al. that closes a name list at the
    start of the entry, after '//' or before 译."""
    cached = e.__dict__.get("_etal")
    if cached is not None:
        return cached
    out = []
    raw = e.raw
    if "等" in raw or "et al" in raw or "외" in raw:
        for m in _ETAL.finditer(raw, e.body):
            start = _element_start(raw, m.start(), e.body)
            after = raw[m.end() :].lstrip(" ,，")
            at_head = start == e.body or raw[max(e.body, start - 2) : start] == "//"
            if not (at_head or after.startswith("译")):
                continue
            names: list[tuple[int, int]] = []
            pos = start
            ok = True
            for piece in _COMMA_SPLIT.split(raw[start : m.start()]):
                s = pos + len(piece) - len(piece.lstrip())
                t = piece.strip()
                pos += len(piece) + 1
                if not t:
                    continue
                if _SUFFIX.match(t):
                    continue
                if not (_HAN_NAME.match(t) or _LATIN_NAME.match(t) or _HANGUL_NAME.match(t)):
                    ok = False
                    break
                names.append((s, s + len(t)))
            if ok and names:
                out.append((m, start, names))
    e.__dict__["_etal"] = out
    return out


@rule("G010", "et-al-count", "warning", rule_ids=("GBT-AUTH-06",), fixable=True)
def et_al_count(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """With more than three responsible parties, list the first three and then 等 / et al.;
    with three or fewer, list them all (no 等).  The fix (unsafe) drops the extra names.

    Bad: 印森林, 吴胜和, 李俊飞, 冯文杰, 等. 基于露头的河流相储层构型研究[J]. 石油勘探与开发, 2014, 41(3): 281-290.
    Good: 印森林, 吴胜和, 李俊飞, 等. 基于露头的河流相储层构型研究[J]. 石油勘探与开发, 2014, 41(3): 281-290.
    """
    if not e.code:
        return
    for m, _, names in _etal_groups(e):
        n = len(names)
        if n > 3:
            s, end = names[3][0], names[-1][1]
            cut_from = names[2][1]
            yield diag(
                "G010",
                f"{n} names before '{m.group('term')}': give only the first three",
                f"“{m.group('term')}”前列了 {n} 个责任者, 只应著录前 3 个",
                span=(s, end),
                fix=_fix(
                    "keep the first three names", (cut_from, names[-1][1], ""), applicability=UNSAFE
                ),
            )
        elif n < 3:
            yield diag(
                "G010",
                f"'{m.group('term')}' after {n} name(s): with three or fewer, list them all",
                f"仅 {n} 个责任者却用了“{m.group('term')}”: 3 个以内应全部著录",
                span=(m.start("term"), m.end("term")),
            )


@rule("G011", "et-al-comma", "warning", rule_ids=("GBT-AUTH-06",), fixable=True)
def et_al_comma(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """等 and et al. are introduced by a comma like a further name: '李俊飞, 等'.

    Bad: 印森林, 吴胜和, 李俊飞等. 基于露头的河流相储层构型研究[J]. 石油勘探与开发, 2014, 41(3): 281-290.
    Good: 印森林, 吴胜和, 李俊飞, 等. 基于露头的河流相储层构型研究[J]. 石油勘探与开发, 2014, 41(3): 281-290.
    """
    if not e.code:
        return
    for m, _, _names in _etal_groups(e):
        if regex.search(r"[,，]", m.group("sep")):
            continue
        s, end = m.start("sep"), m.end("sep")
        comma = _comma(e)
        yield diag(
            "G011",
            f"a comma is missing before '{m.group('term')}'",
            f"“{m.group('term')}”之前缺少逗号",
            span=(s, m.end("term")),
            fix=_fix("insert a comma", (s, end, comma)),
        )


_TERMS = {"zh": "等", "ja": "等", "ko": "외"}


@rule("G012", "et-al-language", "warning", rule_ids=("GBT-LANG-03", "GBT-AUTH-06"), fixable=True)
def et_al_language(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """The et-al term follows the item's language: 等 for Chinese items, et al. for Western
    ones (also for an English paper by Chinese authors), 외 for Korean.

    Bad: FRESE K S, KATUS H A, MEDER B, 等. Next-generation sequencing[J]. Biology, 2013, 2(1): 378-398.
    Good: FRESE K S, KATUS H A, MEDER B, et al. Next-generation sequencing[J]. Biology, 2013, 2(1): 378-398.
    """
    if not e.code or not _etal_groups(e):
        return
    lang = e.language
    if lang is None:
        return
    expected = _TERMS.get(lang, "et al.")
    for m, _, _names in _etal_groups(e):
        term = m.group("term")
        got = "et al." if term.startswith("et") else term
        if got == expected or (lang == "ja" and got == "et al."):
            continue
        end = m.end("term")
        # "et al." carries the element's closing period; after 等 a separate period follows.
        if expected == "et al.":
            repl = "et al" if e.raw[end : end + 1] in ".．" else "et al."
        else:
            repl = expected + "." if term.endswith(".") else expected
        yield diag(
            "G012",
            f"'{term}' in a {lang} item: use '{expected}'",
            f"{lang} 语种的文献应用“{expected}”而非“{term}”",
            span=(m.start("term"), end),
            fix=_fix(f"write {expected}", (m.start("term"), end, repl), applicability=UNSAFE),
        )


# Western names in GB/T form: FAMILY INITIALS, separated by ", ", optionally ", Jr" and
# ", et al." — anchored at the start of the entry.
_NAME = (
    r"(?P<fam>(?:(?:[A-ZÀ-Þ][\p{Latin}'’\-]+|de|van|von|der|den|du|la|le|da|di)\s)*"
    r"[A-ZÀ-Þ][\p{Latin}'’\-]+)"
    r"\s(?P<ini>[A-Z](?:-[A-Z])?\.?"
    r"(?:(?<!\.)\s[A-Z](?:-[A-Z])?\.?(?=[\s,.]|$)|(?<=\.)\s?[A-Z](?:-[A-Z])?(?:\.|(?=\s*,)))*)"
)
_NAME_LIST = regex.compile(
    rf"(?:{_NAME}|(?:Jr|Sr|JR|SR)\.?)(?:\s*,\s*(?:{_NAME}|(?:Jr|Sr|JR|SR)\.?))*"
    r"(?:\s*,\s*et\s+al\.?)?(?=\s|$|[.．])"
)


def _western_names(e: Entry) -> regex.Match[str] | None:
    cached = e.__dict__.get("_western", False)
    if cached is not False:
        return cached
    m = _NAME_LIST.match(e.raw, e.body) if e.code else None
    if m is not None and e.code is not None and m.end() > e.code.start():
        m = None
    e.__dict__["_western"] = m
    return m


@rule("G013", "initials-with-periods", "warning", rule_ids=("GBT-AUTH-02",), fixable=True)
def initials_with_periods(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """Western given names are reduced to initials without abbreviation points, separated by
    spaces: 'FRESE K S'.  The safe fix removes the points.

    Bad: FRESE K. S., KATUS H. A., MEDER B. Next-generation sequencing[J]. Biology, 2013, 2(1): 378-398.
    Good: FRESE K S, KATUS H A, MEDER B. Next-generation sequencing[J]. Biology, 2013, 2(1): 378-398.
    """
    m = _western_names(e)
    if m is None:
        return
    end = m.end()
    for s, t in m.spans("ini"):
        for i in range(s, t):
            if e.raw[i] != ".":
                continue
            if i == end - 1 and (end == len(e.raw) or e.raw[end] == " "):
                continue  # the element's own closing period
            nxt = e.raw[i + 1 : i + 2]
            repl = " " if nxt.isalpha() else ""
            yield diag("G013", span=(i, i + 1), fix=_fix("remove the full stop", (i, i + 1, repl)))


@rule(
    "G014",
    "family-name-not-uppercase",
    "warning",
    editions=_ONLY_2015,
    rule_ids=("GBT-AUTH-03", "GBT-DEV-02"),
    fixable=True,
)
def family_not_uppercase(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """GB/T 7714-2015 writes the family names of Latin-script personal names in capitals
    ('KANAMORI H'); corporate names keep their case.  Turn off with the profile option
    ``uppercase-names = false`` (a common house style), or choose gbt7714-2025.

    Bad: Kanamori H. Shaking without quaking[J]. Science, 1998, 279(5359): 2063.
    Good: KANAMORI H. Shaking without quaking[J]. Science, 1998, 279(5359): 2063.
    """
    if not ctx.uppercase_names:
        return
    m = _western_names(e)
    if m is None:
        return
    for s, t in m.spans("fam"):
        fam = e.raw[s:t]
        if fam.isupper():
            continue
        yield diag(
            "G014",
            f"family name '{fam}' should be in capitals: '{fam.upper()}'",
            f"姓“{fam}”应全部大写为“{fam.upper()}”",
            span=(s, t),
            fix=_fix("upper-case the family name", (s, t, fam.upper())),
        )


def _title_case(word: str) -> str:
    return regex.sub(r"[\p{Latin}]+", lambda w: w.group()[0] + w.group()[1:].lower(), word)


@rule(
    "G015",
    "family-name-uppercase",
    "info",
    editions=_ONLY_2025,
    rule_ids=("GBT-AUTH-03",),
    fixable=True,
)
def family_uppercase(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """GB/T 7714-2025 no longer upper-cases family names: 'Boobier T', 'Fordham E W'.
    The fix (unsafe: particles and Mc/O' names need care) writes them in title case.

    Bad: BOOBIER T. AI and the future of banking[M]. Hoboken: Wiley, 2020.
    Good: Boobier T. AI and the future of banking[M]. Hoboken: Wiley, 2020.
    """
    if ctx.option("uppercase_names") is True:
        return
    m = _western_names(e)
    if m is None:
        return
    for s, t in m.spans("fam"):
        fam = e.raw[s:t]
        if not fam.isupper() or len(fam) < 2:
            continue
        fixed = _title_case(fam)
        yield diag(
            "G015",
            f"family name '{fam}' is upper-cased; 2025 writes '{fixed}'",
            f"姓“{fam}”全大写; 2025 版写作“{fixed}”",
            span=(s, t),
            fix=_fix("title-case the family name", (s, t, fixed), applicability=UNSAFE),
        )


_CONJ = regex.compile(
    r"(?<=\s[A-Z]\.?)\s+(?P<c>and|&)\s+(?=[A-ZÀ-Þ][\p{Latin}'’\-]+\s[A-Z](?:[\s.,]|$))"
)


@rule("G016", "name-conjunction", "warning", rule_ids=("GBT-AUTH-07",), fixable=True)
def name_conjunction(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """Names with the same role are separated by ', '; no 'and' or '&' in the bibliography.

    Bad: BAKER S K and JACKSON M E. The future of resource sharing[M]. New York: Haworth Press, 1995.
    Good: BAKER S K, JACKSON M E. The future of resource sharing[M]. New York: Haworth Press, 1995.
    """
    if not e.code:
        return
    for m in _CONJ.finditer(e.raw, e.body, e.code.start()):
        yield diag(
            "G016",
            f"'{m.group('c')}' between names: use ', '",
            f"责任者之间用逗号, 不用“{m.group('c')}”",
            span=(m.start("c"), m.end("c")),
            fix=_fix("write ', '", (m.start(), m.end(), ", ")),
        )


_SUFFIX_BAD = regex.compile(r"(?<=\s[A-Z]\.?)(?P<sep>\s*,?\s*)(?P<s>Jr|JR|Sr|SR)\b")


@rule("G017", "generational-suffix", "warning", rule_ids=("GBT-AUTH-08",), fixable=True)
def generational_suffix(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """A generational suffix follows the initials after a comma, without a period: 'PEEBLES P Z, Jr'.

    Bad: PEEBLES P Z Jr. Probability, random variables, and random signal principles[M]. 4th ed. New York: McGraw-Hill, 2001.
    Good: PEEBLES P Z, Jr. Probability, random variables, and random signal principles[M]. 4th ed. New York: McGraw-Hill, 2001.
    """
    if not e.code or "r" not in e.raw:
        return
    for m in _SUFFIX_BAD.finditer(e.raw, e.body, e.code.start()):
        sep, s = m.group("sep"), m.group("s")
        want = s[0].upper() + s[1].lower()
        if "," in sep and s == want:
            continue
        yield diag(
            "G017",
            f"write the suffix as ', {want}'",
            f"后缀应写作“, {want}”",
            span=(m.start(), m.end()),
            fix=_fix(f"write ', {want}'", (m.start(), m.end(), ", " + want)),
        )


_EDITOR_LABEL = regex.compile(
    r"(?P<l>\s*[,，]\s*(?:主编|编著|合编|编)(?=\s*[.．])|\s*[,，]\s*eds?(?=\.\s)|"
    r"\s*[(（](?:主编|编|eds?\.?)[)）](?=\s*[.．]))"
)


@rule("G018", "editor-label", "warning", rule_ids=("GBT-AUTH-12", "GBT-TYPE-07"), fixable=True)
def editor_label(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """When editors are the main responsible party (whole proceedings, compilations, edited
    books, the host after '//') no 编/主编/ed./eds. label is printed.

    Bad: 程根伟. 1998年长江洪水的成因与减灾对策[M]//许厚泽, 赵其国, 主编. 长江流域洪涝灾害与科技对策. 北京: 科学出版社, 1999: 32-36.
    Good: 程根伟. 1998年长江洪水的成因与减灾对策[M]//许厚泽, 赵其国. 长江流域洪涝灾害与科技对策. 北京: 科学出版社, 1999: 32-36.
    """
    if not e.code or not ("编" in e.raw or "ed" in e.raw):
        return
    starts = [e.body]
    if e.contribution:
        starts.append(e.raw.index("/", e.code.end()) + 2)
    for start in starts:
        seg_end = ELEMENT_END_OR_CODE(e, start)
        m = _EDITOR_LABEL.search(e.raw, start, seg_end + 2)
        if m is None or m.start() > seg_end:
            continue
        yield diag(
            "G018",
            f"no editor label '{m.group('l').strip(' ,，')}' for the main responsible party",
            f"主要责任者后不加“{m.group('l').strip(' ,，')}”",
            span=(m.start("l"), m.end("l")),
            fix=_fix("remove the label", (m.start("l"), m.end("l"), "")),
        )


_ELEMENT_OR_CODE = regex.compile(r"(?<!\s(?:ed|eds))\.(?:\s|(?=\p{Han}))|．|\[")


def ELEMENT_END_OR_CODE(e: Entry, start: int) -> int:  # noqa: N802 - helper
    m = _ELEMENT_OR_CODE.search(e.raw, start)
    return m.start() if m else len(e.raw)


_TRANSLATOR = regex.compile(
    r"(?<=[.．]\s?)(?P<n>[\p{Han}·]{2,}(?:\s*[,，]\s*[\p{Han}·]{2,})*)(?P<t>译)(?=\s*[.．])"
)


@rule("G019", "translator-comma", "warning", rule_ids=("GBT-AUTH-13",), fixable=True)
def translator_comma(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """Translators follow the title block as '名1, 名2, 译.': a comma before 译.  After 等,
    GB/T 7714-2015 prints '等译' and GB/T 7714-2025 '等，译' (the comma is required under 2025).

    Bad: 罗斯基. 战前中国经济的增长[M]. 唐巧天, 毛立坤, 姜修宪译. 杭州: 浙江大学出版社, 2009.
    Good: 罗斯基. 战前中国经济的增长[M]. 唐巧天, 毛立坤, 姜修宪, 译. 杭州: 浙江大学出版社, 2009.
    """
    if not e.code or "译" not in e.raw:
        return
    if ctx.standard == "gbt7714-2025" and "等译" in e.raw:
        # 2015 printed "等译"; 2025 keeps the comma: "杨斌，王忠玉，陈彦斌，等，译"
        at = e.raw.index("等译", e.tail_start if "等译" in e.raw[e.tail_start :] else 0) + 1
        yield diag(
            "G019",
            "GB/T 7714-2025 writes '等, 译' with a comma",
            "GB/T 7714-2025 “等”与“译”之间加逗号",
            span=(at - 1, at + 1),
            fix=_fix("insert a comma", (at, at, _comma(e))),
        )
    for m in _TRANSLATOR.finditer(e.raw, e.tail_start):
        if e.raw[m.start("t") - 1] in "编选节摘合校注转":
            continue
        at = m.start("t")
        yield diag("G019", span=(at - 1, at + 1), fix=_fix("insert a comma", (at, at, _comma(e))))


# --- 5. edition ----------------------------------------------------------------------------

_FIRST_EDITION = regex.compile(
    r"(?P<sep>[.．]\s?)(?P<e>第?\s*[1一]\s*版|初版|1st\s+ed(?=\.)|First\s+ed(?=\.)|First\s+edition|1st\s+edition)(?=\s*[.．])"
)
_CN_NUM = {
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}
_ORDINAL_WORDS = {
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
_EDITION = regex.compile(
    r"(?<=[.．]\s?)(?:"
    r"第\s*(?P<a>\d+)\s*版|第?(?P<c>[二三四五六七八九十]{1,3})版"
    r"|(?P<n>\d+)(?:st|nd|rd|th)?\s*(?:edition|Edition|edn\.?|Ed\.)"
    r"|(?P<m>\d+)\s+ed\."
    r"|(?P<w>Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)\s+(?:edition|Edition|ed\.)"
    r"|ed\.\s*(?P<x>\d+)"
    r")(?=\s*[.．]|\s)"
)


_EDITION_FAST = re.compile(r"版|[Ee]d(?:\.|ition|n)")


def _cn_number(text: str) -> int | None:
    if text == "十":
        return 10
    if len(text) == 1:
        return _CN_NUM.get(text)
    if len(text) == 2 and text[0] == "十":
        return 10 + _CN_NUM.get(text[1], 0)
    if len(text) == 2 and text[1] == "十":
        return _CN_NUM.get(text[0], 0) * 10
    if len(text) == 3 and text[1] == "十":
        return _CN_NUM.get(text[0], 0) * 10 + _CN_NUM.get(text[2], 0)
    return None


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_FIRST_EDITION_FAST = re.compile(r"[1一初]\s*版|(?:1st|First)\s+ed")


@rule("G020", "first-edition", "warning", rule_ids=("GBT-EDN-01",), fixable=True)
def first_edition(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """The first edition is not recorded; every other edition statement is.

    Bad: 周鲁卫. 软物质物理导论[M]. 1版. 上海: 复旦大学出版社, 2011: 1.
    Good: 周鲁卫. 软物质物理导论[M]. 上海: 复旦大学出版社, 2011: 1.
    """
    if not e.code or _FIRST_EDITION_FAST.search(e.raw, e.tail_start) is None:
        return
    for m in _FIRST_EDITION.finditer(e.raw, e.tail_start):
        yield diag(
            "G020",
            f"'{m.group('e')}': the first edition is not recorded",
            f"“{m.group('e')}”: 第 1 版不著录",
            span=(m.start("e"), m.end("e")),
            fix=_fix("remove the edition statement", (m.start(), m.end("e"), "")),
        )


@rule("G021", "edition-format", "warning", rule_ids=("GBT-EDN-02", "GBT-EDN-03"), fixable=True)
def edition_format(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """Chinese edition statements are Arabic numerals plus 版 ('2版', no 第); Western ones are
    abbreviated ordinals plus 'ed.' ('4th ed.').

    Bad: 冯友兰. 冯友兰自选集[M]. 第2版. 北京: 首都师范大学出版社, 2008.
    Good: 冯友兰. 冯友兰自选集[M]. 2版. 北京: 首都师范大学出版社, 2008.
    """
    if not e.code or _EDITION_FAST.search(e.raw, e.tail_start) is None:
        return
    for m in _EDITION.finditer(e.raw, e.tail_start):
        if m.group("a"):
            n, cn = int(m.group("a")), True
        elif m.group("c"):
            n, cn = _cn_number(m.group("c")) or 0, True
        else:
            value = m.group("n") or m.group("m") or m.group("x")
            n = int(value) if value else _ORDINAL_WORDS[m.group("w").lower()]
            cn = False
        if n <= 1:
            continue  # G020
        fixed = f"{n}版" if cn else f"{_ordinal(n)} ed"
        text = m.group()
        span_end = m.end()
        if not cn and text.endswith("."):
            span_end -= 1  # keep the period: it closes the element
            text = text[:-1]
        if text == fixed:
            continue
        shown = fixed if cn else fixed + "."
        yield diag(
            "G021",
            f"edition '{m.group()}' should read '{shown}'",
            f"版本“{m.group()}”应著录为“{shown}”",
            span=(m.start(), m.end()),
            fix=_fix(f"write {shown}", (m.start(), span_end, fixed)),
        )


# --- 6. publication ------------------------------------------------------------------------

_CITIES_ZH = (
    "北京 上海 天津 重庆 南京 杭州 广州 武汉 长沙 成都 西安 济南 沈阳 长春 哈尔滨 郑州 合肥 福州 南昌 "
    "昆明 贵阳 南宁 太原 石家庄 兰州 西宁 银川 乌鲁木齐 呼和浩特 拉萨 海口 香港 台北 深圳 厦门 大连 青岛 "
    "苏州 桂林 开封 保定 澳门 无锡 宁波 扬州"
).split()
_CITIES_EN = (
    "New York|London|Oxford|Cambridge|Berlin|Boston|Chicago|Paris|Amsterdam|Singapore|Tokyo|"
    "Heidelberg|Hoboken|Philadelphia|Washington|Princeton|Beijing|Shanghai|Dordrecht|Cham|Leiden|"
    "Thousand Oaks|Los Angeles|San Francisco|Toronto|Sydney|Melbourne|Basel|Vienna|Moscow|Abingdon"
)
_CITY = "(?:" + "|".join(_CITIES_ZH) + "|" + _CITIES_EN + ")"
_PUBLISHER_WORD = r"(?:出版社|书局|印书馆|出版公司|出版集团|Press|Publishers?|Publishing|Verlag|Springer|Elsevier|Wiley)"
_CITY_COMMA = re.compile(_CITY + r"\s*[,，]")  # a cheap test before the two imprint patterns
_PUB_HINT = regex.compile(_PUBLISHER_WORD + r"[^.,，:：\[\]]{0,10}?\s*[,，]")
_SWAPPED_IMPRINT = regex.compile(
    rf"(?<=[.．]\s?)(?P<pub>[^\s.,，:：\[\]][^.,，:：\[\]]{{0,39}}?{_PUBLISHER_WORD}[^.,，:：\[\]]{{0,10}}?)"
    rf"(?P<s1>\s*[,，]\s*)(?P<place>{_CITY})(?P<s2>\s*[,，]\s*)(?=(?:1[5-9]|20)\d\d)"
)
_COMMA_IMPRINT = regex.compile(
    rf"(?<=[.．]\s?)(?P<place>{_CITY})(?P<sep>\s*[,，]\s*)"
    rf"(?=[^,，.:：\[\]]{{0,40}}?{_PUBLISHER_WORD}[^,，.:：\[\]]{{0,10}}?\s*[,，]\s*(?:1[5-9]|20)\d\d)"
)


@rule("G022", "place-publisher-order", "warning", rule_ids=("GBT-PUB-01",), fixable=True)
def place_publisher_order(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """The imprint reads 'place: publisher, year': a colon after the place, the place first.

    Bad: 徐光宪, 王祥云. 物质结构[M]. 北京, 科学出版社, 2010.
    Good: 徐光宪, 王祥云. 物质结构[M]. 北京: 科学出版社, 2010.
    """
    if not e.code or e.type_code in ("J", "N") or _CITY_COMMA.search(e.raw, e.tail_start) is None:
        return
    if not _PUB_HINT.search(e.raw, e.tail_start):
        return
    for m in _COMMA_IMPRINT.finditer(e.raw, e.tail_start):
        yield diag(
            "G022",
            "a colon, not a comma, separates the place from the publisher",
            "出版地与出版者之间用冒号, 不用逗号",
            span=(m.start("sep"), m.end("sep")),
            fix=_fix("write ': '", (m.start("sep"), m.end("sep"), _colon(e))),
        )
    for m in _SWAPPED_IMPRINT.finditer(e.raw, e.tail_start):
        fixed = f"{m.group('place')}{_colon(e)}{m.group('pub')}{m.group('s2')}"
        yield diag(
            "G022",
            "the place comes before the publisher: 'place: publisher, year'",
            "出版地应在出版者之前: “出版地: 出版者, 出版年”",
            span=(m.start(), m.end("place")),
            fix=_fix(
                "write 'place: publisher, '", (m.start(), m.end("s2"), fixed), applicability=UNSAFE
            ),
        )


_SEP_IN_REGION = regex.compile(r"[.．](?!\s*[a-z])\s*")
_IMPRINT_YEAR = regex.compile(r"[,，]\s*(?:c|\[)?(?:1[4-9]\d\d|20\d\d)")


@rule(
    "G023",
    "missing-place",
    "warning",
    rule_ids=("GBT-PUB-01", "GBT-FMT-THESIS", "GBT-PUB-04"),
    types=("M", "D"),
)
def missing_place(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """Printed monographs and theses give the place of publication before the publisher (for a
    thesis: the city of the degree-granting institution).  Unknown: [出版地不详] / [S.l.].
    Online items may omit it.

    Bad: 马欢. 人类活动影响下海河流域典型区水循环变化分析[D]. 清华大学, 2011.
    Good: 马欢. 人类活动影响下海河流域典型区水循环变化分析[D]. 北京: 清华大学, 2011.
    """
    if not e.code or e.type_code not in ("M", "D") or e.carrier or e.contribution:
        return
    y = _IMPRINT_YEAR.search(e.raw, e.tail_start)
    if y is None:
        return
    region = e.raw[e.tail_start : y.start()]
    if ":" in region or "：" in region:
        return
    start = e.tail_start
    for sep in _SEP_IN_REGION.finditer(region):  # "Univ. of California": not a separator
        start = e.tail_start + sep.end()
    end = y.start()
    if start >= end:
        return
    yield diag("G023", span=(start, end))


# --- 8. pages, volume, issue ---------------------------------------------------------------

_PAGE_DASH = regex.compile(r"(?<=[:：]\s?)(?P<a>\d+)(?P<d>\s*[~～—–－−]\s*)(?P<b>\d+)(?!\d)")


_PAGE_DASH_FAST = re.compile(r"\d\s*[~～—–－−]\s*\d")


@rule(
    "G024",
    "page-range-dash",
    "warning",
    rule_ids=("GBT-PAGE-01", "GBT-PUNCT-07", "GBT-DEV-09"),
    fixable=True,
)
def page_range_dash(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """Page ranges are joined with the hyphen '-'.  An en dash '–' is tolerated (reported as
    info); '~', '～' and '—' are not.

    Bad: 杨洪升. 四库馆私家抄校书考略[J]. 文献, 2013(1): 56~75.
    Good: 杨洪升. 四库馆私家抄校书考略[J]. 文献, 2013(1): 56-75.
    """
    if not e.code or _PAGE_DASH_FAST.search(e.raw, e.tail_start) is None:
        return
    for m in _PAGE_DASH.finditer(e.raw, e.tail_start):
        dash = m.group("d").strip()
        sev = (
            Severity.INFO
            if dash == "–" and ctx.option("page_dash", "lenient") != "strict"
            else None
        )
        yield diag(
            "G024",
            f"page range joined with '{dash}': use '-'",
            f"页码范围用了“{dash}”, 应用“-”",
            span=(m.start("d"), m.end("d")),
            severity=sev,
            fix=_fix("write '-'", (m.start("d"), m.end("d"), "-")),
        )


_PAGE_RANGE = regex.compile(
    r"(?<=[:：]\s?)(?<![\d.])(?P<a>\d+)-(?P<b>\d+)(?!\d|\.\d)(?=\s*(?:\[|[.．;；,，]|$))"
)


_RANGE_FAST = re.compile(r"(\d+)-(\d+)")  # a superset of _PAGE_RANGE: any "b < a" at all?


@rule("G025", "page-range-order", "error", rule_ids=("GBT-PAGE-01",), fixable=True)
def page_range_order(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """A page range runs from a smaller to a larger page and is written in full ('457-472',
    not '457-72'; the safe fix expands an abbreviated range).

    Bad: 杨洪升. 四库馆私家抄校书考略[J]. 文献, 2013(1): 75-56.
    Good: 杨洪升. 四库馆私家抄校书考略[J]. 文献, 2013(1): 56-75.
    """
    if not e.code:
        return
    for m in _RANGE_FAST.finditer(e.raw, e.tail_start):
        if int(m.group(2)) < int(m.group(1)):
            break
    else:
        return  # no range that ends before it starts
    for m in _PAGE_RANGE.finditer(e.raw, e.tail_start):
        a, b = m.group("a"), m.group("b")
        if int(b) >= int(a):
            continue
        if len(b) < len(a):
            full = a[: len(a) - len(b)] + b
            if int(full) > int(a):
                yield diag(
                    "G025",
                    f"abbreviated page range '{a}-{b}': write '{a}-{full}'",
                    f"页码范围“{a}-{b}”被缩写, 应写作“{a}-{full}”",
                    span=(m.start(), m.end()),
                    severity=Severity.WARNING,
                    fix=_fix(f"write {a}-{full}", (m.start("b"), m.end("b"), full)),
                )
                continue
        yield diag(
            "G025",
            f"page range '{a}-{b}' ends before it starts",
            f"页码范围“{a}-{b}”起止颠倒",
            span=(m.start(), m.end()),
        )


_ISSUE_SPACE = regex.compile(r"(?<=\d)\s+(?=\((?:\d|增刊|Suppl|S\d))")
_ISSUE_COMMA = regex.compile(r"(?<=\d\))\s*(?:[,，]|[.．])\s*(?=\d+(?:-\d+)?\s*(?:[.．\[]|$))")
_YEAR_LAST = regex.compile(
    r"(?<=\)[:：]\s*[\d\-]+)\s*[,，]\s*(?P<y>(?:1[5-9]|20)\d\d)\s*[.．]?\s*$"
)
_VOL_LABEL = regex.compile(r"\b(?:Vol\.|vol\.|No\.|no\.)\s*(?=\d)")


@rule(
    "G026",
    "serial-block-punctuation",
    "warning",
    rule_ids=("GBT-SER-01", "GBT-PUNCT-05"),
    fixable=True,
    types=("J",),
)
def serial_block(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """After the journal title: ', year, volume(issue): pages'.  No space before '(', a colon
    before the pages, no 'Vol.'/'No.' labels, the year before the volume.

    Bad: KANAMORI H. Shaking without quaking[J]. Science, 1998, 279 (5359), 2063.
    Good: KANAMORI H. Shaking without quaking[J]. Science, 1998, 279(5359): 2063.
    """
    if e.type_code != "J" or e.contribution:
        return
    raw, start = e.raw, e.tail_start
    for m in _ISSUE_SPACE.finditer(raw, start):
        yield diag(
            "G026",
            "no space before the issue number in parentheses",
            "期号括号前不加空格",
            span=(m.start(), m.end()),
            fix=_fix("remove the space", (m.start(), m.end(), "")),
        )
    for m in _ISSUE_COMMA.finditer(raw, start):
        if e.in_url(m.start()):
            continue
        yield diag(
            "G026",
            "a colon introduces the pages after volume(issue)",
            "卷(期)之后用冒号引出页码",
            span=(m.start(), m.end()),
            fix=_fix("write ': '", (m.start(), m.end(), _colon(e))),
        )
    m = _YEAR_LAST.search(raw, start)
    if m:
        yield diag(
            "G026",
            "the year comes before the volume: ', year, volume(issue): pages'",
            "年份应在卷期之前: “, 年, 卷(期): 页码”",
            span=(m.start("y"), m.end("y")),
        )
    for m in _VOL_LABEL.finditer(raw, start):
        if e.in_url(m.start()):
            continue
        yield diag(
            "G026",
            f"no '{m.group().strip()}' label: volume(issue) are bare numbers",
            f"卷期前不加“{m.group().strip()}”",
            span=(m.start(), m.end()),
        )


_COMBINED = regex.compile(r"\((?P<a>\d{1,3})(?P<d>\s*[-–,，、]\s*)(?P<b>\d{1,3})\)")


@rule(
    "G027", "combined-issue-slash", "warning", rule_ids=("GBT-SER-02",), fixable=True, types=("J",)
)
def combined_issue(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """Combined issues join their numbers with '/': '2001(9/10)', '21(1/2)'.

    Bad: DOWLER L. The research university's dilemma[J]. Journal of Library Administration, 1995, 21(1-2): 5-26.
    Good: DOWLER L. The research university's dilemma[J]. Journal of Library Administration, 1995, 21(1/2): 5-26.
    """
    if e.type_code != "J":
        return
    for m in _COMBINED.finditer(e.raw, e.tail_start):
        if int(m.group("b")) != int(m.group("a")) + 1 or e.in_url(m.start()):
            continue
        yield diag(
            "G027",
            span=(m.start("d"), m.end("d")),
            fix=_fix("write '/'", (m.start("d"), m.end("d"), "/")),
        )


_PAGE_PREFIX = regex.compile(
    r"(?<![\p{Latin}])(?P<p>[Pp]{1,2}\.\s*)(?=\d)|(?<=\d)(?P<y>\s*页)(?=\s*[.．\[]|$)"
)


_PAGE_PREFIX_FAST = re.compile(r"[Pp]\.\s*\d|\d\s*页")


@rule("G028", "page-prefix", "warning", rule_ids=("GBT-PAGE-01", "GBT-PAGE-03"), fixable=True)
def page_prefix(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """Pages are bare Arabic numerals after ': ': no 'p.', 'pp.' or 页.

    Bad: 汪冰. 电子图书馆理论与实践研究[M]. 北京: 北京图书馆出版社, 1997: pp. 16.
    Good: 汪冰. 电子图书馆理论与实践研究[M]. 北京: 北京图书馆出版社, 1997: 16.
    """
    if not e.code or _PAGE_PREFIX_FAST.search(e.raw, e.tail_start) is None:
        return
    for m in _PAGE_PREFIX.finditer(e.raw, e.tail_start):
        if e.in_url(m.start()):
            continue
        g = "p" if m.group("p") else "y"
        yield diag(
            "G028",
            f"'{m.group(g).strip()}' before or after the page number: leave it out",
            f"页码前后不加“{m.group(g).strip()}”",
            span=(m.start(g), m.end(g)),
            fix=_fix("remove it", (m.start(g), m.end(g), "")),
        )


# --- 2. contributions ('//') ---------------------------------------------------------------

_SLASH_FORM = regex.compile(
    r"\G(?P<s>\s+//\s*|//\s+|\s*/\s+/\s*|\s*／／\s*|\s*／/\s*|\s*/／\s*|\s*[.．]\s*In\s*:\s*)"
)


@rule(
    "G029",
    "double-slash-form",
    "warning",
    rule_ids=("GBT-PUNCT-04", "GBT-FMT-CONTRIB"),
    fixable=True,
)
def double_slash_form(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """'//' introduces the host of a contribution: two half-width slashes, no spaces, no 'In:'.
    Spaces around '//' (a thesis-rule variant) are reported as info.

    Bad: 贾东琴, 柯平. 面向数字素养的高校图书馆数字服务体系研究[C] // 中国图书馆学会. 中国图书馆学会年会论文集: 2011年卷. 北京: 国家图书馆出版社, 2011: 45-52.
    Good: 贾东琴, 柯平. 面向数字素养的高校图书馆数字服务体系研究[C]//中国图书馆学会. 中国图书馆学会年会论文集: 2011年卷. 北京: 国家图书馆出版社, 2011: 45-52.
    """
    if not e.code:
        return
    m = _SLASH_FORM.match(e.raw, e.code.end())
    if m is None:
        return
    text = m.group("s")
    only_spaces = text.replace(" ", "") == "//"
    sev = Severity.INFO if only_spaces else None
    applicability = UNSAFE if "In" in text else SAFE
    yield diag(
        "G029",
        f"'{text.strip()}' before the host: write '//' with no spaces",
        f"出处项前的“{text.strip()}”应为无空格的“//”",
        span=(m.start(), m.end()),
        severity=sev,
        fix=_fix("write '//'", (m.start(), m.end(), "//"), applicability=applicability),
    )


_SLASHES = regex.compile(r"\s*//\s*")


@rule(
    "G030",
    "double-slash-for-serial",
    "warning",
    rule_ids=("GBT-FMT-ARTICLE",),
    fixable=True,
    types=("J", "N"),
)
def double_slash_for_serial(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """'//' is for contributions in monographs (books, proceedings).  A journal or newspaper
    article puts '. ' before the serial's title.

    Bad: 袁训来, 陈哲, 肖书海, 等. 蓝田生物群: 一个认识多细胞生物起源和早期演化的新窗口[J]//科学通报, 2012, 57(34): 3219.
    Good: 袁训来, 陈哲, 肖书海, 等. 蓝田生物群: 一个认识多细胞生物起源和早期演化的新窗口[J]. 科学通报, 2012, 57(34): 3219.
    """
    if e.type_code not in ("J", "N") or not e.contribution:
        return
    m = _SLASHES.match(e.raw, e.tail_start)
    if m is None:
        return
    yield diag(
        "G030",
        span=(m.start(), m.end()),
        fix=_fix("write '. '", (m.start(), m.end(), ". "), applicability=UNSAFE),
    )


@rule(
    "G031",
    "contribution-without-double-slash",
    "warning",
    rule_ids=("GBT-FMT-CONTRIB", "GBT-FMT-CONF"),
)
def contribution_without_slash(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """A chapter or conference paper (析出文献) names its host after '//', not after '. '.
    Needs the parsed item: silent when the parser did not find a book or proceedings title.

    Bad: 程根伟. 1998年长江洪水的成因与减灾对策[M]. 许厚泽, 赵其国. 长江流域洪涝灾害与科技对策. 北京: 科学出版社, 1999: 32-36.
    Good: 程根伟. 1998年长江洪水的成因与减灾对策[M]//许厚泽, 赵其国. 长江流域洪涝灾害与科技对策. 北京: 科学出版社, 1999: 32-36.
    """
    if e.item("type") not in ("chapter", "paper-conference"):
        return
    if not e.code or e.contribution or e.type_code not in ("M", "C", "S", "G"):
        return
    host = e.item("container-title")
    if not isinstance(host, str) or not host or e.raw.find(host, e.tail_start) < 0:
        return
    yield diag("G031", span=(e.code.start(), e.code.end()))


# --- 9. URL and DOI ------------------------------------------------------------------------

_DOI_ELEMENT = regex.compile(r"(?i)\bdoi\s*[:：]\s*(?P<v>10\.\S+)")


@rule("G032", "doi-placement", "warning", rule_ids=("GBT-ACC-02",))
def doi_placement(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """A DOI comes last, after the URL, as 'DOI:10.xxxx/…'.

    Bad: FRESE K S, KATUS H A, MEDER B. Next-generation sequencing[J/OL]. Biology, 2013, 2(1): 378-398[2013-03-19]. DOI:10.3390/biology2010378. http://www.mdpi.com/2079-7737/2/1/378.
    Good: FRESE K S, KATUS H A, MEDER B. Next-generation sequencing[J/OL]. Biology, 2013, 2(1): 378-398[2013-03-19]. http://www.mdpi.com/2079-7737/2/1/378. DOI:10.3390/biology2010378.
    """
    if not e.code or "oi" not in e.raw.lower():
        return
    for m in _DOI_ELEMENT.finditer(e.raw, e.tail_start):
        if e.in_url(m.start()):
            continue
        s, end = m.start(), m.end()
        value = m.group("v").rstrip(".")
        end = m.start("v") + len(value)
        rest = e.raw[end:].strip(" .．")
        if rest:
            yield diag(
                "G032",
                "the DOI must be the last element, after the URL",
                "DOI 应为最后一个著录项目, 位于网址之后",
                span=(s, end),
            )


@rule("G033", "doi-repeated-in-url", "warning", rule_ids=("GBT-ACC-03",), fixable=True)
def doi_repeated(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """The DOI is recorded only when the URL does not already contain it (it may be left out).

    Bad: FAN X, SOMMERS C H. Food irradiation research and technology[M/OL]. 2nd ed. Ames, Iowa: Blackwell Publishing, 2013: 25-26[2014-06-26]. http://onlinelibrary.wiley.com/doi/10.1002/9781118422557/summary. DOI:10.1002/9781118422557.
    Good: FAN X, SOMMERS C H. Food irradiation research and technology[M/OL]. 2nd ed. Ames, Iowa: Blackwell Publishing, 2013: 25-26[2014-06-26]. http://onlinelibrary.wiley.com/doi/10.1002/9781118422557/summary.
    """
    if not e.code or not e.urls or "oi" not in e.raw.lower():
        return
    urls = [e.raw[s:t].lower() for s, t in e.urls]
    for m in _DOI_ELEMENT.finditer(e.raw, e.tail_start):
        if e.in_url(m.start()):
            continue  # "...?persistentId=doi:10.18170/..." is part of the URL
        value = m.group("v").rstrip(".")
        if any(value.lower() in u for u in urls if not u.endswith(value.lower()) or "doi" in u):
            s = m.start()
            while s > 0 and e.raw[s - 1] in " .．":
                s -= 1
            end = m.start("v") + len(value)
            yield diag(
                "G033",
                span=(m.start(), end),
                fix=_fix("remove the DOI", (s, end, ""), applicability=UNSAFE),
            )


_URL_DECORATION = regex.compile(
    r"(?i)(?P<p>\bURL\s*[:：]\s*|\bAvailable\s+(?:at|from)\s*[:：]?\s*|网址\s*[:：]\s*)(?=(?:https?|ftp)://|www\.)"
)
_ANGLE_URL = regex.compile(r"<(?=(?:https?|ftp)://)(?P<u>[^<>\s]+)>")


@rule("G034", "url-decoration", "warning", rule_ids=("GBT-ACC-01",), fixable=True)
def url_decoration(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """The access path is written as found after '. ': no 'URL:', 'Available at' or <…>.

    Bad: 萧钰. 出版业信息化迈入快车道[EB/OL]. (2001-12-19)[2002-04-15]. URL: http://www.creader.com/news/20011219/200112190019.html.
    Good: 萧钰. 出版业信息化迈入快车道[EB/OL]. (2001-12-19)[2002-04-15]. http://www.creader.com/news/20011219/200112190019.html.
    """
    if not e.code or not e.urls:
        return
    for m in _URL_DECORATION.finditer(e.raw, e.tail_start):
        yield diag(
            "G034",
            f"'{m.group('p').strip()}' before the URL: leave it out",
            f"网址前不加“{m.group('p').strip()}”",
            span=(m.start(), m.end()),
            fix=_fix("remove it", (m.start(), m.end(), "")),
        )
    for m in _ANGLE_URL.finditer(e.raw, e.tail_start):
        yield diag(
            "G034",
            "angle brackets around the URL: leave them out",
            "网址不加尖括号",
            span=(m.start(), m.end()),
            fix=_fix(
                "remove the brackets", (m.start(), m.start() + 1, ""), (m.end() - 1, m.end(), "")
            ),
        )


# --- 12. punctuation and numbering -------------------------------------------------------


@rule("G035", "missing-final-period", "info", rule_ids=("GBT-PUNCT-06",), fixable=True)
def missing_final_period(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """Entries end with '.' (the standard says 'may'; all implementations do, also after a URL).

    Bad: 杨洪升. 四库馆私家抄校书考略[J]. 文献, 2013(1): 56-75
    Good: 杨洪升. 四库馆私家抄校书考略[J]. 文献, 2013(1): 56-75.
    """
    if not e.code or ctx.option("final_period", True) is False:
        return
    text = e.raw.rstrip()
    if not text or text[-1] in ".．。":
        return
    n = len(text)
    yield diag(
        "G035", span=(n - 1, n), fix=_fix("add '.'", (n, n, "．" if text[-1] == "．" else "."))
    )


_NEWS_COLON = regex.compile(
    r"(?P<d>\d{4}-\d{2}-\d{2})(?P<s>\s*[:：]\s*|\s+)(?P<p>\d{1,3})(?=\s*(?:[.．\[]|$))"
)
_NEWS_VOL = regex.compile(r"[,，]\s*(?P<y>\d{4})\s*[,，]\s*\d+\s*\(\d+\)")


@rule(
    "G036", "newspaper-date-page", "warning", rule_ids=("GBT-FMT-NEWS",), fixable=True, types=("N",)
)
def newspaper_date_page(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """A newspaper article gives the full date and then the page (版次) in parentheses:
    '中国青年报, 2000-11-20(15)'.

    Bad: 丁文详. 数字革命与竞争国际化[N]. 中国青年报, 2000-11-20: 15.
    Good: 丁文详. 数字革命与竞争国际化[N]. 中国青年报, 2000-11-20(15).
    """
    if e.type_code != "N":
        return
    for m in _NEWS_COLON.finditer(e.raw, e.tail_start):
        yield diag(
            "G036",
            "the newspaper page goes in parentheses after the date",
            "报纸版次应置于日期后的括号内",
            span=(m.start("s"), m.end("p")),
            fix=_fix("write (page)", (m.start("s"), m.end("p"), f"({m.group('p')})")),
        )
    for m in _NEWS_VOL.finditer(e.raw, e.tail_start):
        yield diag(
            "G036",
            "a newspaper article is dated YYYY-MM-DD(page), not year, volume(issue)",
            "报纸文章著录“出版日期(版次)”, 不用“年, 卷(期)”",
            span=(m.start("y"), m.end()),
        )


_PATENT_YEAR = regex.compile(r"\G\s*[.．]\s*(?P<y>\d{4})(?![\d\-])")
_PATENT_COUNTRY = regex.compile(
    r"(?<=[.．]\s?)(?P<c>中国|美国|日本|US|CN)\s*[:：]\s*(?=[A-Z]{0,2}\d)"
)


@rule(
    "G037",
    "patent-date",
    "warning",
    rule_ids=("GBT-FMT-PATENT", "GBT-DATE-01", "GBT-DEV-01"),
    types=("P",),
)
def patent_date(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """A patent reads '持有者. 题名: 专利号[P]. 公告日期': the number is other title
    information, the date is YYYY-MM-DD, and there is no country block (2005 style).

    Bad: 邓一刚. 全智能节电器: 200610171314.3[P]. 2006.
    Good: 邓一刚. 全智能节电器: 200610171314.3[P]. 2006-12-13.
    """
    if e.type_code != "P":
        return
    m = _PATENT_YEAR.match(e.raw, e.tail_start)
    if m:
        yield diag(
            "G037",
            "a patent gives its full announcement or publication date YYYY-MM-DD",
            "专利应著录完整的公告日期或公开日期 YYYY-MM-DD",
            span=(m.start("y"), m.end("y")),
        )
    for m in _PATENT_COUNTRY.finditer(e.raw, e.tail_start):
        yield diag(
            "G037",
            "no country before the patent number (2005 style): the number goes after the title",
            "专利号前不加国别(2005 版格式), 专利号置于题名之后",
            span=(m.start(), m.end()),
        )


_YEAR_NIAN = regex.compile(
    r"(?<=[,，]\s?)(?P<y>(?:1[4-9]|20)\d\d)(?P<n>\s*年)(?=\s*(?:[.．:：\[(]|$))"
)
_NO_DATE = regex.compile(
    r"(?i)(?<![\p{Latin}])(?:n\.\s?d\.|无日期|ca\.\s*(?=\d{4}))|(?<=[,，]\s?\d{4})\?"
)


_YEAR_FORMAT_FAST = re.compile(r"\d\s*年|[nN]\.\s?[dD]\.|无日期|ca\.|\d\?")


@rule("G038", "year-format", "warning", rule_ids=("GBT-PUB-07", "GBT-PUB-08"), fixable=True)
def year_format(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """The year is in Arabic numerals with no 年; an uncertain year is 'c1988', '1995印刷' or
    '[1936]', never 'n.d.', 'ca.' or '1936?'.

    Bad: 汪冰. 电子图书馆理论与实践研究[M]. 北京: 北京图书馆出版社, 1997年: 16.
    Good: 汪冰. 电子图书馆理论与实践研究[M]. 北京: 北京图书馆出版社, 1997: 16.
    """
    if not e.code or _YEAR_FORMAT_FAST.search(e.raw, e.tail_start) is None:
        return
    for m in _YEAR_NIAN.finditer(e.raw, e.tail_start):
        yield diag(
            "G038",
            "no 年 after the year",
            "出版年后不加“年”",
            span=(m.start(), m.end()),
            fix=_fix("remove 年", (m.start("n"), m.end("n"), "")),
        )
    for m in _NO_DATE.finditer(e.raw, e.tail_start):
        if e.in_url(m.start()):
            continue
        yield diag(
            "G038",
            f"'{m.group()}' is not a GB/T 7714 date: use c1988, 1995印刷 or [1936]",
            f"“{m.group()}”不是规范的年份著录, 应用 c1988、1995印刷或 [1936]",
            span=(m.start(), m.end()),
        )


_SL = regex.compile(r"(?<![\p{Latin}.])\[?\s*[Ss]\s*\.\s*[lL]\s*\.?\s*\]?(?=\s*[:：])")
_SN = regex.compile(r"(?<=[:：]\s?)\[?\s*[Ss]\s*\.\s*[nN]\s*\.?\s*\]?(?=\s*[,，])")
_BUXIANG = regex.compile(r"(?<![\[［])出版(?P<w>[地者])不详(?![\]］])")


_SL_SN_FAST = re.compile(r"[Ss]\s*\.\s*[lLnN]|不详")


@rule(
    "G039",
    "unknown-place-publisher-form",
    "warning",
    rule_ids=("GBT-PUB-04", "GBT-PUB-05"),
    fixable=True,
)
def unknown_place_publisher(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """An unknown place is '[S.l.]' (Chinese items: '[出版地不详]'), an unknown publisher
    '[s.n.]' ('[出版者不详]'), in square brackets, in exactly this case.

    Bad: Salt Lake City: [S.N.], 1964.
    Good: Salt Lake City: [s.n.], 1964.
    """
    raw = e.raw
    if not e.code or _SL_SN_FAST.search(raw) is None:
        return
    if _MERGED_SL_SN.search(raw):
        return  # the merged form, accepted
    for pattern, good in ((_SL, "[S.l.]"), (_SN, "[s.n.]")):
        for m in pattern.finditer(raw, e.tail_start):
            if m.group() == good:
                continue
            yield diag(
                "G039",
                f"'{m.group().strip()}' should be '{good}'",
                f"“{m.group().strip()}”应为“{good}”",
                span=(m.start(), m.end()),
                fix=_fix(f"write {good}", (m.start(), m.end(), good)),
            )
    for m in _BUXIANG.finditer(raw, e.tail_start):
        good = f"[{m.group()}]"
        yield diag(
            "G039",
            f"'{m.group()}' goes in square brackets",
            f"“{m.group()}”应加方括号",
            span=(m.start(), m.end()),
            fix=_fix(f"write {good}", (m.start(), m.end(), good)),
        )


_MULTI_PLACE = regex.compile(
    r"(?<=[.．]\s?)(?P<a>[^.;；:：\[\]\d]{2,30}?)(?P<s>[;；]\s*[^.;；:：\[\]\d]{2,30}?)(?=[:：])"
    r"|(?<=[:：]\s?)[^.;；:：\[\]]{1,40}?(?P<s2>[;；]\s*[^.;；:：\[\]\d]{1,30}?[:：]\s*[^.;；:：,，\[\]]{1,40})"
)


@rule("G040", "multiple-places", "warning", rule_ids=("GBT-PUB-03",))
def multiple_places(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """Record only the first (or most prominent) place and publisher.

    Bad: CRAWFORD W, GORMAN M. Future libraries: dreams, madness, & reality[M]. London; Chicago: American Library Association, 1995.
    Good: CRAWFORD W, GORMAN M. Future libraries: dreams, madness, & reality[M]. Chicago: American Library Association, 1995.
    """
    if not e.code or e.type_code in ("J", "N") or ";" not in e.raw and "；" not in e.raw:
        return
    for m in _MULTI_PLACE.finditer(e.raw, e.tail_start):
        g = "s" if m.group("s") else "s2"
        yield diag("G040", span=(m.start(g), m.end(g)))


@rule("G041", "title-in-book-marks", "warning", rule_ids=("GBT-TITLE-05",), fixable=True)
def title_in_book_marks(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """Titles are not wrapped in 《》 as a citation device; title marks that belong to the title
    itself are kept ('《五行》学说与《荀子》').

    Bad: 常森. 《〈五行〉学说与〈荀子〉》[J]. 北京大学学报(哲学社会科学版), 2013, 50(1): 75.
    Good: 常森. 《五行》学说与《荀子》[J]. 北京大学学报(哲学社会科学版), 2013, 50(1): 75.
    """
    if not e.code or "《" not in e.raw or "《" not in e.title:
        return
    title = e.title.rstrip()
    if not (title.startswith("《") and title.endswith("》") and title.count("》") == 1):
        return
    s = e.title_start
    t = s + len(title)
    inner = title[1:-1].replace("〈", "《").replace("〉", "》")
    yield diag("G041", span=(s, t), fix=_fix("remove the outer 《》", (s, t, inner)))


_LABEL_OK = regex.compile(r"\[\d{1,4}\][ \t\u3000]*")
_LABEL_DOT = regex.compile(r"\s*\[\d+\][.．]\s*")


@rule("G042", "label-format", "info", rule_ids=("GBT-ORD-01",), fixable=True)
def label_format(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """In a numeric list the number stands in square brackets at the start of the entry, with
    no punctuation after it: '[1] 陈登原. …'.

    Bad: [1]. 陈登原. 国史旧闻: 第1卷[M]. 北京: 中华书局, 2000: 29.
    Good: [1] 陈登原. 国史旧闻: 第1卷[M]. 北京: 中华书局, 2000: 29.
    """
    if not e.code or e.label is None or ctx.option("label_format", "brackets") != "brackets":
        return
    text = e.raw[: e.body]
    if _LABEL_OK.fullmatch(text):
        return
    lead = len(text) - len(text.lstrip())
    span = (lead, len(text.rstrip()) if text.rstrip() else len(text))
    fixed = f"[{e.label}]"
    applicability = SAFE if _LABEL_DOT.fullmatch(text) else UNSAFE
    yield diag(
        "G042",
        f"list number '{text.strip()}' should read '{fixed}'",
        f"序号“{text.strip()}”应为“{fixed}”",
        span=span,
        fix=_fix(f"write {fixed}", (span[0], span[1], fixed), applicability=applicability),
    )


_NO_JOURNAL = regex.compile(r"\G\s*[.．]\s*(?:1[5-9]|20)\d\d\s*[,，]\s*\d+\s*\(\d+\)\s*[:：]")
_EMPTY_PUBLISHER = regex.compile(r"(?P<c>[:：])\s*(?=[,，]\s*(?:1[4-9]|20)\d\d)")
_DANGLING_COLON = regex.compile(r"(?<=\.\s|．\s?)(?P<c>[:：])\s*(?=[^\s\d])")


@rule(
    "G043",
    "missing-required-element",
    "warning",
    rule_ids=("GBT-FMT-ARTICLE", "GBT-FMT-M", "GBT-PUB-04", "GBT-PUB-05"),
)
def missing_required_element(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """Each document type has required elements: a journal article names its journal, a
    monograph its publisher (or [s.n.]) after the place (or [S.l.]) — a colon with nothing on
    one side means an element was blanked out.

    Bad: 三户图书刊行社. 日本的中国图书馆学[M]. : 三户图书刊行社, 1990.
    Good: 三户图书刊行社. 日本的中国图书馆学[M]. [出版地不详]: 三户图书刊行社, 1990.
    """
    if not e.code:
        return
    if e.type_code == "J" and not e.contribution:
        m = _NO_JOURNAL.match(e.raw, e.tail_start)
        if m:
            yield diag(
                "G043",
                "the journal title is missing before the year",
                "缺少刊名",
                span=(e.code.start(), e.code.end()),
            )
    if e.type_code in ("J", "N"):
        return
    for m in _EMPTY_PUBLISHER.finditer(e.raw, e.tail_start):
        yield diag(
            "G043",
            "the publisher is missing after the place (unknown: [s.n.] / [出版者不详])",
            "出版地后缺少出版者(不详时著录 [s.n.] 或 [出版者不详])",
            span=(m.start("c"), m.end("c")),
        )
    for m in _DANGLING_COLON.finditer(e.raw, e.tail_start):
        yield diag(
            "G043",
            "the place is missing before the publisher (unknown: [S.l.] / [出版地不详])",
            "出版者前缺少出版地(不详时著录 [S.l.] 或 [出版地不详])",
            span=(m.start("c"), m.end("c")),
        )


_TRANSLATOR_LAST = regex.compile(
    r"(?:1[4-9]|20)\d\d(?:\s*[:：]\s*[\w\-]+)?\s*[.．]\s*(?P<t>[^.．\[\]]{1,40}?[,，]?\s*译)\s*[.．]?\s*$"
)
_EB_2005 = regex.compile(
    r"(?:https?|ftp)://\S+?(?P<d>[,，]\s*\d{4}-\d{2}-\d{2}\s*/\s*\d{4}-\d{2}-\d{2})"
)


@rule("G044", "element-after-imprint", "error", rule_ids=("GBT-FMT-M", "GBT-FMT-EB", "GBT-DEV-01"))
def element_after_imprint(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """Elements keep the template's order: translators come after the title, before the
    edition and imprint; for electronic resources the dates come before the URL (the 2005-era
    'URL, date/date' order is wrong).

    Bad: 哈里森, 沃尔德伦. 经济数学与金融数学[M]. 北京: 中国人民大学出版社, 2012. 谢远涛, 译.
    Good: 哈里森, 沃尔德伦. 经济数学与金融数学[M]. 谢远涛, 译. 北京: 中国人民大学出版社, 2012.
    """
    if not e.code:
        return
    if "译" in e.raw:
        m = _TRANSLATOR_LAST.search(e.raw, e.tail_start)
        if m:
            yield diag(
                "G044",
                "the translators come after the title, before the imprint",
                "译者应著录在题名之后、出版项之前",
                span=(m.start("t"), m.end("t")),
            )
    for m in _EB_2005.finditer(e.raw, e.tail_start):
        yield diag(
            "G044",
            "dates after the URL (2005 style): write (update)[cited]. URL",
            "日期位于网址之后(2005 版格式), 应为“(更新日期)[引用日期]. 网址”",
            span=(m.start("d"), m.end("d")),
        )
