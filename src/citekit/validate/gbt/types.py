"""GB/T 7714 rules, §1 Document type and carrier codes (GBT-TYPE).

Codes: G001, G002, G003, G004, G005.  Each rule names the IDs of the rules it checks in the GB/T
7714 rule catalogue (``tests/fixtures/gbt7714/rules.md``).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ...model import Diagnostic, Span
from .._entry import CARRIERS, TYPE_CODES_2015, TYPE_CODES_2025, Entry
from ..registry import Context, diag, make_fix, rule

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
                fix=make_fix(f"write {fixed}", (m.start(), m.end(), fixed)),
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
                fix=make_fix(f"write {fixed}", (m.start(), m.end(), fixed)),
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
                    fix=make_fix(f"write {fixed}", (m.start(), m.end(), fixed)),
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
        yield diag("G003", span=(j, i), fix=make_fix("remove the space", (j, i, "")))


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
    yield diag(
        "G004", span=(e.code.start(), e.code.end()), fix=make_fix("add /OL", (at, at, "/OL"))
    )


@rule("G005", "online-without-access-path", "warning", rule_ids=("GBT-ACC-01", "GBT-TYPE-04"))
def online_without_access_path(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """An item marked /OL is an online resource: give its URL (or at least its DOI).

    Bad: 储大同. 恶性肿瘤个体化治疗靶向药物的临床表现[J/OL]. 中华肿瘤杂志, 2010, 32(10): 721-724[2014-06-25].
    Good: 储大同. 恶性肿瘤个体化治疗靶向药物的临床表现[J/OL]. 中华肿瘤杂志, 2010, 32(10): 721-724[2014-06-25]. http://vip.calis.edu.cn/asp/Detail.asp.
    """
    if e.online and not e.urls and not e.dois:
        yield diag("G005", span=(e.code.start(), e.code.end()))  # type: ignore[union-attr]
