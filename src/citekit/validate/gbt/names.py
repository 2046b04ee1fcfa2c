"""GB/T 7714 rules, §3 Responsible parties (GBT-AUTH): et al., initials, case of family names
(2015), conjunctions, suffixes, editors, translators, anonymous and corporate authors,
particles.

Codes: G010, G011, G012, G013, G014, G016, G017, G018, G019, G047, G055, G056.  Each rule names
the IDs of the rules it checks in the GB/T 7714 rule catalogue
(``tests/fixtures/gbt7714/rules.md``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from ...model import Diagnostic
from ...text.names import has_corporate_word
from ...text.script import script_language
from .._entry import Entry
from ..registry import ONLY_2015, SAFE, UNSAFE, Context, diag, make_fix, rule
from ._shared import _fullwidth, _western_names


def _comma(e: Entry) -> str:
    return "，" if _fullwidth(e) else ", "


# ``(?:\G|(?<!\s))``: a match starts where the search does or after a non-space (the leftmost
# match always does); without it the leading ``\s*`` is retried at every space of a long run.
_ETAL = regex.compile(
    r"(?:\G|(?<!\s))(?P<sep>\s*[,，]\s*|\s*)(?P<term>等|et\s+al\.?|외)(?=\s*[.．,，]|\s*$|\s*译|(?<=\.)\s)"
)


_SUFFIX = regex.compile(r"(?i)^(?:jr|sr|ii|iii|iv)\.?$")


_HAN_NAME = regex.compile(r"^[\p{Han}·]{2,6}$")


_LATIN_NAME = regex.compile(
    r"^[\p{Latin}][\p{Latin}'’\-]*(?:\s+[\p{Latin}][\p{Latin}'’\-.]*){0,4}$"
)


_HANGUL_NAME = regex.compile(r"^[\p{Hangul}\p{Han}]{2,6}$")


_ELEMENT_SEP = regex.compile(r"\.\s|．|//|\]\s*[.．]?\s*")


_COMMA_SPLIT = regex.compile(r"[,，]")


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
    Korean '외' after fewer names is as the source prints it (the standard's own example
    reads '김세훈, 외'): not reported.

    Bad: 印森林, 吴胜和, 李俊飞, 冯文杰, 等. 基于露头的河流相储层构型研究[J]. 石油勘探与开发, 2014, 41(3): 281-290.
    Good: 印森林, 吴胜和, 李俊飞, 等. 基于露头的河流相储层构型研究[J]. 石油勘探与开发, 2014, 41(3): 281-290.
    Bad: 于潇, 刘义, 柴跃廷, 李明. 互联网药品可信交易环境中主体资质审核备案模式[J]. 清华大学学报(自然科学版), 2012, 52(11): 1518-1523.
    Good: 于潇, 刘义, 柴跃廷, 等. 互联网药品可信交易环境中主体资质审核备案模式[J]. 清华大学学报(自然科学版), 2012, 52(11): 1518-1523.
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
                fix=make_fix(
                    "keep the first three names", (cut_from, names[-1][1], ""), applicability=UNSAFE
                ),
            )
        elif n < 3 and m.group("term") != "외":
            yield diag(
                "G010",
                f"'{m.group('term')}' after {n} name(s): with three or fewer, list them all",
                f"仅 {n} 个责任者却用了“{m.group('term')}”: 3 个以内应全部著录",
                span=(m.start("term"), m.end("term")),
            )
    names = _head_names_without_etal(e)
    if len(names) > 3:
        n = len(names)
        yield diag(
            "G010",
            f"{n} names: give the first three, then 等 / et al.",
            f"列了 {n} 个责任者: 只应著录前 3 个, 其后加“等”或“et al.”",
            span=(names[3][0], names[-1][1]),
        )


# A personal name as a list gives it, strictly (the head of an entry may also be a list of
# corporate bodies): Chinese 2-4 characters, or a family name and initials ('KANAMORI H',
# 'Boobier T', 'De Morgan A').
_STRICT_NAME = regex.compile(
    r"^(?:\p{Han}{2,4}|\p{Lu}[\p{L}'’\-]+(?:\s+\p{Lu}[\p{L}'’\-]+)*(?:\s+\p{Lu}(?:-\p{Lu})?){1,3})$"
)


def _head_names_without_etal(e: Entry) -> list[tuple[int, int]]:
    """The name spans of the entry's first responsible-party block when it lists personal
    names only and closes with no 等/et al./외 (an author-date head's year left out)."""
    end = e.head_end
    if end is None or not e.code:
        return []
    if e.ay_year is not None:
        end = e.ay_year.start()
    head = e.raw[e.body : end]
    if _ETAL.search(head) or head.count(",") + head.count("，") < 3:
        return []
    names: list[tuple[int, int]] = []
    pos = e.body
    for piece in _COMMA_SPLIT.split(head):
        t = piece.strip()
        s = pos + len(piece) - len(piece.lstrip())
        pos += len(piece) + 1
        if _SUFFIX.match(t):
            continue
        if not _STRICT_NAME.match(t):
            return []
        names.append((s, s + len(t)))
    return names


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
            fix=make_fix("insert a comma", (s, end, comma)),
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
    # the language of the work itself: its title's script (an English paper in a Chinese
    # volume takes et al., whatever language a parser gave the whole entry)
    lang = (script_language(e.title) if e.title else None) or e.language
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
            fix=make_fix(f"write {expected}", (m.start("term"), end, repl), applicability=UNSAFE),
        )


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
            yield diag(
                "G013", span=(i, i + 1), fix=make_fix("remove the full stop", (i, i + 1, repl))
            )


@rule(
    "G014",
    "family-name-not-uppercase",
    "warning",
    editions=ONLY_2015,
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
            fix=make_fix("upper-case the family name", (s, t, fam.upper())),
        )


_CONJ = regex.compile(
    r"(?<=\s[A-Z]\.?)\s+(?P<c>and|&)\s+(?=[A-ZÀ-Þ][\p{Latin}'’\-]+\s[A-Z](?:[\s.,]|$))"
)


@rule("G016", "name-conjunction", "warning", rule_ids=("GBT-AUTH-07",), fixable=True)
def name_conjunction(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """Names with the same role are separated by ', '; no 'and' or '&' in the bibliography.

    Bad: BAKER S K and JACKSON M E. The future of resource sharing[M]. New York: Haworth Press, 1995.
    Good: BAKER S K, JACKSON M E. The future of resource sharing[M]. New York: Haworth Press, 1995.
    Bad: 吴十和郑一. 中国古代建筑史[M]. 北京: 中国建筑工业出版社, 2003.
    Good: 吴十, 郑一. 中国古代建筑史[M]. 北京: 中国建筑工业出版社, 2003.
    """
    if not e.code:
        return
    found = [
        (m.group("c"), m.span("c"), m.span()) for m in _CONJ.finditer(e.raw, e.body, e.code.start())
    ]
    if e.head_end is not None:
        # A Chinese name block (吴十 and 郑一, 吴十和郑一): the conjunctions that join its names.
        m = _CJK_NAMES.fullmatch(e.raw, e.body, e.head_end)
        if m is not None:
            found += [
                (e.raw[c[0] : c[1]], c, j) for c, j in zip(m.spans("c"), m.spans("j"), strict=True)
            ]
    for word, (cs, ce), (js, je) in found:
        yield diag(
            "G016",
            f"'{word}' between names: use ', '",
            f"责任者之间用逗号, 不用“{word}”",
            span=(cs, ce),
            fix=make_fix("write ', '", (js, je, ", ")),
        )


# A responsible-party block of Chinese personal names (2 to 4 characters each, or with a middle
# dot) joined by commas, 、 or a conjunction; each conjunction used as a join is captured ("c",
# with its spaces "j"), never a 和 inside a name (张和平).
_CJK_NAME = r"(?:\p{Han}{2,4}|\p{Han}+·\p{Han}+)"
_CJK_NAMES = regex.compile(
    rf"\G{_CJK_NAME}(?:(?:\s*[,，、]\s*|(?P<j>\s*(?P<c>和|与|及|\band\b|&)\s*)){_CJK_NAME})+"
)


_SUFFIX_BAD = regex.compile(r"(?<=\s[A-Z]\.?)(?P<sep>\s*,?\s*)(?P<s>Jr|JR|Sr|SR)\b")


@rule("G017", "generational-suffix", "warning", rule_ids=("GBT-AUTH-08",), fixable=True)
def generational_suffix(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """A generational suffix follows the initials after a comma, without a period: 'PEEBLES P Z, Jr'
    (GB/T 7714-2025: after a space, 'Peebles P Z Jr').

    Bad: PEEBLES P Z Jr. Probability, random variables, and random signal principles[M]. 4th ed. New York: McGraw-Hill, 2001.
    Good: PEEBLES P Z, Jr. Probability, random variables, and random signal principles[M]. 4th ed. New York: McGraw-Hill, 2001.
    """
    if not e.code or "r" not in e.raw:
        return
    # 2025 prints the suffix after the initials with a space: 'Peebles P Z Jr' (8.2.2, B.1)
    sep_2025 = ctx.standard == "gbt7714-2025"
    for m in _SUFFIX_BAD.finditer(e.raw, e.body, e.code.start()):
        sep, s = m.group("sep"), m.group("s")
        want = s[0].upper() + s[1].lower()
        if s == want and (("," not in sep and sep.strip() == "") if sep_2025 else "," in sep):
            continue
        mark = " " if sep_2025 else ", "
        yield diag(
            "G017",
            f"write the suffix as '{mark}{want}'",
            f"后缀应写作“{mark}{want}”",
            span=(m.start(), m.end()),
            fix=make_fix(f"write '{mark}{want}'", (m.start(), m.end(), mark + want)),
        )


# (every branch opens with \s*: started only where the search starts or after a non-space)
_EDITOR_LABEL = regex.compile(
    r"(?:\G|(?<!\s))(?P<l>\s*[,，]\s*(?:主编|编著|合编|编)(?=\s*[.．])|\s*[,，]\s*eds?(?=\.\s)|"
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
            fix=make_fix("remove the label", (m.start("l"), m.end("l"), "")),
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
            fix=make_fix("insert a comma", (at, at, _comma(e))),
        )
    for m in _TRANSLATOR.finditer(e.raw, e.tail_start):
        if e.raw[m.start("t") - 1] in "编选节摘合校注转翻":
            continue  # 编译, 翻译 (a title ending in '…的理解和翻译'): not a translator role
        at = m.start("t")
        yield diag(
            "G019", span=(at - 1, at + 1), fix=make_fix("insert a comma", (at, at, _comma(e)))
        )


# the forms of "no known author" (佚名, Anon), as a whole responsible-party block
ANONYMOUS = _ANON = regex.compile(
    r"\A(?P<a>[\[［(（【〔]\s*(?:佚名|无名氏|Anon(?:ymous)?|anon(?:ymous)?|ANON(?:YMOUS)?)\s*[\]］)）】〕]"
    r"|佚名著|无名氏|佚名|Anonymous|ANONYMOUS|anonymous|ANON|anon|Anon)\Z"
)


@rule(
    "G047",
    "anonymous-author-form",
    "warning",
    rule_ids=("GBT-AUTH-10", "GBT-LANG-03"),
    fixable=True,
)
def anonymous_author_form(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """An unknown responsible party is written 佚名 for Chinese items and Anon for others, as a
    plain first element (in a numeric list it may also be left out, the entry then starting with
    its title).  No brackets, no 著, no 'Anonymous'.

    Bad: [佚名]. 康熙字典: 巳集上: 水部[M]. 同文书局影印本. 北京: 中华书局, 1962: 50.
    Good: 佚名. 康熙字典: 巳集上: 水部[M]. 同文书局影印本. 北京: 中华书局, 1962: 50.
    """
    if not e.code or e.head_end is None:
        return
    raw = e.raw
    if "名" not in raw[e.body : e.head_end] and "non" not in raw[e.body : e.head_end].lower():
        return
    end = e.ay_year.start() if e.ay_year is not None else e.head_end
    text = raw[e.body : end].strip()
    m = _ANON.match(text)
    if m is None:
        return
    s = raw.index(text, e.body)
    t = s + len(text)
    lang = e.language
    want = (
        "佚名"
        if lang in ("zh", "ja")
        else ("Anon" if lang else ("佚名" if "名" in text else "Anon"))
    )
    if text == want:
        return
    safe = ("名" in text) == (want == "佚名")
    yield diag(
        "G047",
        f"'{text}' for an unknown author: write '{want}'",
        f"责任者不详应著录为“{want}”, 而非“{text}”",
        span=(s, t),
        fix=make_fix(f"write {want}", (s, t, want), applicability=SAFE if safe else UNSAFE),
    )


_PARTICLE_AFTER = regex.compile(
    r"(?<=\s[A-Z](?:\s[A-Z])*)\s(?P<p>DE LA|DE|De|de|VAN DER|VAN|Van|van|VON|Von|von|DER|der|DU|Du|du|DA|Da|da|"
    r"DI|Di|di|DES|Des|des|LE|Le|le|LA|La|la|DEL|del|DOS|dos)(?=\s*(?:[,，.．]|$))"
)


_PARTICLE_FAST = re.compile(
    r"[A-Z] (?:DE|De|de|VAN|Van|van|VON|Von|von|DER|der|DU|Du|du|DA|Da|da|DI|Di|di|DES|Des|des|LE|Le|le|LA|La|la|DEL|del|DOS|dos)(?:\s*[,，.．]|$)"
)


@rule("G055", "name-particle", "warning", rule_ids=("GBT-AUTH-09",), fixable=True)
def name_particle(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """Name particles (de, van, von, des, du...) stay with the family name, in front of it and
    in its case: 'DE MORGAN A' (2015), 'De Morgan A' (2025), not 'MORGAN A DE'.

    Bad: MORGAN A DE. A budget of paradoxes[M]. London: Longmans, Green, and Co., 1872.
    Good: DE MORGAN A. A budget of paradoxes[M]. London: Longmans, Green, and Co., 1872.
    """
    if not e.code or e.head_end is None:
        return
    end = e.ay_year.start() if e.ay_year is not None else e.head_end
    if _PARTICLE_FAST.search(e.raw, e.body, end) is None:
        return
    for m in _PARTICLE_AFTER.finditer(e.raw, e.body, end):
        p = m.group("p")
        # the name this particle closes: from the previous ", " (or the start) to the particle
        start = max(e.raw.rfind(",", e.body, m.start()), e.raw.rfind("，", e.body, m.start())) + 1
        while start < m.start() and e.raw[start] == " ":
            start += 1
        name = e.raw[start : m.start()]
        fam, _, initials = name.partition(" ")
        if not fam or not initials:
            continue
        particle = p.upper() if fam.isupper() else p
        fixed = f"{particle} {fam} {initials}"
        yield diag(
            "G055",
            f"the particle '{p}' goes before the family name: '{fixed}'",
            f"姓氏前缀“{p}”应置于姓之前: “{fixed}”",
            span=(m.start("p"), m.end("p")),
            fix=make_fix(f"write {fixed}", (start, m.end("p"), fixed), applicability=UNSAFE),
        )


_CORP_REVERSED = regex.compile(
    r"\A(?P<low>(?:Department|School|Faculty|College|Institute|Laboratory|Division|Office|Center|Centre|Library)"
    r"\s+of\s+[^,，.]{2,60}?)\s*[,，]\s*(?P<top>(?:[A-Z][\w'’&\-]*\s+){0,5}(?:University|Institute of Technology)"
    r"(?:\s+of\s+[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})?)\Z"
)


# "PRESS W H, TEUKOLSKY S A": upper-cased family names with initials are persons, even when a
# family name is also a corporate word
_UPPER_PERSON = regex.compile(r"\G(?:\p{Lu}[\p{Lu}'’\-]+(?: \p{Lu}{1,2})+|ET AL\.?|等)")


def _persons_only(head: str) -> bool:
    pieces = [p.strip() for p in regex.split(r"[,，]", head) if p.strip()]
    return all(_UPPER_PERSON.fullmatch(p) for p in pieces)


_CORP_STARTS = (
    "Department",
    "School",
    "Faculty",
    "College",
    "Institute",
    "Laboratory",
    "Division",
    "Office",
    "Center",
    "Centre",
    "Library",
)


@rule("G056", "corporate-author-form", "warning", rule_ids=("GBT-AUTH-11",), fixable=True)
def corporate_author_form(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """Corporate bodies are recorded as in the source, never upper-cased or reduced to
    initials, with a hierarchy given from the top level down, separated by '. '
    ('Stanford University. Department of Civil Engineering').

    Bad: Department of Civil Engineering, Stanford University. Annual report 2001[R]. Stanford: Stanford University, 2002.
    Good: Stanford University. Department of Civil Engineering. Annual report 2001[R]. Stanford: Stanford University, 2002.
    """
    if not e.code or e.head_end is None:
        return
    end = e.ay_year.start() if e.ay_year is not None else e.head_end
    head = e.raw[e.body : end]
    if not head:
        return
    upper = head.isupper()
    if not upper and not head.startswith(_CORP_STARTS):
        return
    m = None if upper else _CORP_REVERSED.match(head)
    if m:
        s = e.body
        fixed = f"{m.group('top')}. {m.group('low')}"
        yield diag(
            "G056",
            "a corporate hierarchy is given from the top level down: 'University. Department'",
            "机关团体名称应由上至下分级著录, 级间用“. ”",
            span=(s, s + len(head)),
            fix=make_fix(f"write {fixed}", (s, s + len(head), fixed), applicability=UNSAFE),
        )
        return
    if (
        upper
        and len(head) > 12
        and head.count(" ") >= 2
        and has_corporate_word(head)
        and not _persons_only(head)
    ):
        s = e.body
        yield diag(
            "G056",
            "a corporate name is not upper-cased: write it as in the source",
            "机关团体名称不大写, 按原文著录",
            span=(s, s + len(head)),
        )
