"""More GB/T 7714 rules (family G, G045-G058) and duplicated elements (R001).

Author-date entries (rules.md GBT-FMT-AY), unknown and corporate authors (GBT-AUTH-09/10/11),
collected and parallel titles (GBT-TITLE-02/03), whole serials and serialized articles
(GBT-FMT-SERIAL, GBT-SER-03), element punctuation (GBT-PUNCT-01/02), and the GB/T 7714-2025
changes: the em dash in serial ranges, the standard number before the title, hyphenated
initials.  Like :mod:`rules_gbt` every pattern is anchored to an element position and a rule
that is not sure stays silent.  Each rule first checks a cheap condition and bails out.
"""

from __future__ import annotations

import re
from typing import Iterator

import regex

from ..model import Applicability, Diagnostic, Edit, Fix, Severity, Span
from ._entry import Entry, script_language
from .registry import Context, diag, rule

SAFE, UNSAFE = Applicability.SAFE, Applicability.UNSAFE
_ONLY_2015 = ("gbt7714-2015",)
_ONLY_2025 = ("gbt7714-2025",)


def _fix(message: str, *edits: tuple[int, int, str], applicability: Applicability = SAFE) -> Fix:
    return Fix(message, tuple(Edit(Span(s, t), r) for s, t, r in edits), applicability)


def _fullwidth(e: Entry) -> bool:
    raw = e.raw
    return raw.count("，") + raw.count("：") > raw.count(",") + raw.count(":")


# --- author-date (GBT-FMT-AY, GBT-DEV-06) -------------------------------------------------

_YEAR = r"(?:1[4-9]|20)\d\d"
# the year of the imprint: ": publisher, YEAR" before ':' (pages), '[' (cited), '.' or the end
_IMPRINT_YEAR = regex.compile(
    rf"[:：][^.．:：,，\[\]]{{1,80}}?(?P<sep>\s*[,，]\s*)(?P<y>{_YEAR})(?![\d\-—/])(?=\s*(?:[.．:：\[]|$))"
)
# the year of the serial slot: "[J]. 科学通报, YEAR, 57(34)" / "中国图书馆学报, YEAR(2)"
_SERIAL_YEAR = regex.compile(
    rf"\G\s*[.．]\s*[^.．,，\[\]]{{1,120}}?(?P<sep>\s*[,，]\s*)(?P<y>{_YEAR})(?![\d\-—/])(?=\s*[,，(（:：])"
)


@rule("G045", "author-date-year-repeated", "warning", rule_ids=("GBT-FMT-AY",), fixable=True)
def author_date_year_repeated(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """In an author-date (著者-出版年制) list the year moves right after the responsible
    parties and is dropped from the imprint ('北京: 中华书局: 29') and from the serial slot
    ('科学通报, 57(34): 3219').  Dates that are not bare years (newspaper, patent, update and
    citation dates) stay where they are.  The safe fix removes the repeated year.

    Bad: 尼葛洛庞帝, 1996. 数字化生存[M]. 胡泳, 范海燕, 译. 海口: 海南出版社, 1996.
    Good: 尼葛洛庞帝, 1996. 数字化生存[M]. 胡泳, 范海燕, 译. 海口: 海南出版社.
    """
    if not e.code:
        return
    head = e.ay_year
    if head is None:
        return
    year = head.group("n")
    if year not in e.raw[e.tail_start :]:
        return
    found = []
    if e.type_code in ("J", "N"):
        m = _SERIAL_YEAR.match(e.raw, e.tail_start)
        if m and m.group("y") == year:
            found.append(m)
    for m in _IMPRINT_YEAR.finditer(e.raw, e.tail_start):
        if m.group("y") == year and not e.in_url(m.start("y")):
            found.append(m)
    for m in found:
        yield diag(
            "G045",
            f"the year {year} is repeated: in an author-date list it stands only after the names",
            f"出版年 {year} 重复: 著者-出版年制中只著录在责任者之后",
            span=(m.start("y"), m.end("y")),
            fix=_fix("remove the repeated year", (m.start("sep"), m.end("y"), "")),
        )


_DOT_YEAR = regex.compile(rf"\G(?P<y>{_YEAR}[a-z]?)(?=[.．](?:\s|\p{{Han}}))")


@rule("G046", "name-year-delimiter", "warning", rule_ids=("GBT-FMT-AY", "GBT-DEV-06"), fixable=True)
def name_year_delimiter(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """An author-date entry reads 'Name, Year. Title' in GB/T 7714-2015 and -2025 (all
    reference implementations; 'Name. Year.' is an older school style).  Set the profile option
    ``name-year-delimiter = "period"`` to accept the old form.

    Bad: 杨宗英. 1996. 电子图书馆的现实模型[J]. 中国图书馆学报(2): 24-29.
    Good: 杨宗英, 1996. 电子图书馆的现实模型[J]. 中国图书馆学报(2): 24-29.
    """
    if not e.code or e.head_end is None or e.ay_year is not None:
        return
    if ctx.option("name_year_delimiter", "comma") != "comma":
        return
    m = _DOT_YEAR.match(e.raw, e.title_start)
    if m is None or e.head_end <= e.body:
        return
    s, t = e.head_end, e.title_start
    yield diag(
        "G046",
        span=(s, s + 1),
        fix=_fix("write ', ' before the year", (s, t, "，" if _fullwidth(e) else ", ")),
    )


# --- responsible parties (GBT-AUTH-09/10/11, GBT-PUNCT-01) --------------------------------

_ANON = regex.compile(
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
        fix=_fix(f"write {want}", (s, t, want), applicability=SAFE if safe else UNSAFE),
    )


_LEADING = frozenset(".,:;．，：；、。")


@rule(
    "G048",
    "leading-punctuation",
    "warning",
    rule_ids=("GBT-PUNCT-01", "GBT-AUTH-10"),
    fixable=True,
    gbt_only=False,
)
def leading_punctuation(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """Every mark introduces the element after it, so the first element (the author, or the
    title when the author is left out) has no mark before it — a leading '. ' usually means a
    blanked-out author.  The safe fix removes the mark.

    Bad: . Coffee drinking and cancer of the pancreas[J]. Br Med J, 1981, 283(6292): 628.
    Good: Coffee drinking and cancer of the pancreas[J]. Br Med J, 1981, 283(6292): 628.
    """
    raw = e.raw
    i = e.body
    n = len(raw)
    while i < n and raw[i] in " \t\u3000":
        i += 1
    if i >= n or raw[i] not in _LEADING or raw.startswith("...", i) or raw[i : i + 1] == "…":
        return
    j = i
    while j < n and (raw[j] in _LEADING or raw[j] in " \t\u3000"):
        j += 1
    if j >= n:
        return
    yield diag("G048", span=(i, i + 1), fix=_fix("remove the leading punctuation", (i, j, "")))


_MARKS2 = regex.compile(r"(?P<a>[.,:;．，：；。])(?P<sp>[ \t\u3000]*)(?P<b>[.,:;．，：；。])")
_MARKS2_FAST = re.compile(r"[.,:;．，：；。] ?[.,:;．，：；。]")


@rule(
    "G049",
    "doubled-punctuation",
    "warning",
    rule_ids=("GBT-PUNCT-02",),
    fixable=True,
    gbt_only=False,
)
def doubled_punctuation(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """Each element is introduced by exactly one mark: no '..', '. .', ', ,', '.:' or ':.'.
    An abbreviation's full stop before ',' or ':' is not a mark ('Colo.: Libraries Unlimited,
    Inc., 1982').  The safe fix removes a repeated identical mark.

    Bad: 汪冰. 电子图书馆理论与实践研究[M]. . 北京: 北京图书馆出版社, 1997: 16.
    Good: 汪冰. 电子图书馆理论与实践研究[M]. 北京: 北京图书馆出版社, 1997: 16.
    """
    raw = e.raw
    if _MARKS2_FAST.search(raw) is None:
        return
    for m in _MARKS2.finditer(raw, e.body):
        a, b, s = m.group("a"), m.group("b"), m.start()
        if (
            a in ".．"
            and b in ".．"
            and ((raw[m.end() : m.end() + 1] or "x") in ".．" or (raw[s - 1 : s] or "x") in ".．")
        ):
            continue  # an ellipsis
        if a == "." and b in ",:;，：；" and raw[s - 1 : s].isalpha() and not m.group("sp"):
            continue  # "Inc.,", "Colo.:", "et al.,"
        if e.urls and e.in_url(s):
            continue
        if a == ":" and b == ":" and raw[s - 1 : s].isalnum():
            continue
        same = a == b or {a, b} <= {".", "．", "。"}
        yield diag(
            "G049",
            f"'{a}' and '{b}' in a row: keep one mark",
            f"“{a}”与“{b}”连用: 只保留一个",
            span=(s, m.end()),
            fix=_fix(
                "remove the repeated mark",
                (m.end("a"), m.end(), ""),
                applicability=SAFE if same else UNSAFE,
            ),
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
            fix=_fix(f"write {fixed}", (start, m.end("p"), fixed), applicability=UNSAFE),
        )


_CORP_WORDS = (
    r"UNIVERSITY|INSTITUTE|ASSOCIATION|SOCIETY|DEPARTMENT|COMMITTEE|ORGANI[SZ]ATION|CENT(?:ER|RE)|"
    r"COUNCIL|OFFICE|BUREAU|MINISTRY|COMMISSION|ACADEMY|COMPANY|CORPORATION|FOUNDATION|AGENCY|"
    r"LABORATORY|ADMINISTRATION|LIBRARY|TEAM|GROUP"
)
_CORP_UPPER = regex.compile(rf"\b(?:{_CORP_WORDS})\b")
_CORP_REVERSED = regex.compile(
    r"\A(?P<low>(?:Department|School|Faculty|College|Institute|Laboratory|Division|Office|Center|Centre|Library)"
    r"\s+of\s+[^,，.]{2,60}?)\s*[,，]\s*(?P<top>(?:[A-Z][\w'’&\-]*\s+){0,5}(?:University|Institute of Technology)"
    r"(?:\s+of\s+[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})?)\Z"
)


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
            fix=_fix(f"write {fixed}", (s, s + len(head), fixed), applicability=UNSAFE),
        )
        return
    if upper and len(head) > 12 and head.count(" ") >= 2 and _CORP_UPPER.search(head):
        s = e.body
        yield diag(
            "G056",
            "a corporate name is not upper-cased: write it as in the source",
            "机关团体名称不大写, 按原文著录",
            span=(s, s + len(head)),
        )


# --- titles (GBT-TITLE-02/03) ----------------------------------------------------------------

_COLLECTED = regex.compile(r"\A\p{Han}{2,12}(?:(?P<sep>\s*[,，、]\s*|\s+)\p{Han}{2,12}){2}\Z")


@rule(
    "G057",
    "collected-titles-separator",
    "warning",
    rule_ids=("GBT-TITLE-02",),
    fixable=True,
    types=("M",),
)
def collected_titles(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """A volume without a collective title records the first three titles by the same author
    joined with '; ' ('为人民服务; 纪念白求恩; 愚公移山').  Only three short Chinese titles joined
    by commas, 、 or spaces are recognised (a partial check).

    Bad: 毛泽东. 为人民服务, 纪念白求恩, 愚公移山[M]. 北京: 人民出版社, 1966.
    Good: 毛泽东. 为人民服务; 纪念白求恩; 愚公移山[M]. 北京: 人民出版社, 1966.
    """
    if e.type_code != "M" or e.contribution:
        return
    title = e.title
    if (
        not title
        or len(title) > 45
        or not (" " in title or "," in title or "，" in title or "、" in title)
    ):
        return
    m = _COLLECTED.match(title)
    if m is None:
        return
    s0 = e.title_start
    semi = "；" if _fullwidth(e) else "; "
    edits = [(s0 + a, s0 + b, semi) for a, b in m.spans("sep")]
    yield diag(
        "G057",
        span=(s0, s0 + len(title)),
        fix=_fix("join the titles with '; '", *edits, applicability=UNSAFE),
    )


_PARALLEL = regex.compile(r"\s+=\s+(?P<p>[^=]{2,})\Z")


@rule("G058", "parallel-title", "warning", rule_ids=("GBT-TITLE-03",), fixable=True)
def parallel_title(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """Parallel titles (the same title in another language, 'Title = Parallel title' in
    catalogue records) are not recorded.

    Bad: 奈斯比特. 大趋势 = Megatrends[M]. 北京: 中国社会科学出版社, 1984.
    Good: 奈斯比特. 大趋势[M]. 北京: 中国社会科学出版社, 1984.
    """
    if not e.code or "=" not in e.title:
        return
    m = _PARALLEL.search(e.title)
    if m is None:
        return
    main = e.title[: m.start()]
    if script_language(main) == script_language(m.group("p")):
        return
    s = e.title_start + m.start()
    t = e.title_start + m.end()
    yield diag(
        "G058",
        f"parallel title '{m.group('p')}': leave it out",
        f"并列题名“{m.group('p')}”不著录",
        span=(s, t),
        fix=_fix("remove the parallel title", (s, t, ""), applicability=UNSAFE),
    )


# --- serials (GBT-FMT-SERIAL, GBT-SER-03, 2025 em dash) ----------------------------------------

_SERIALIZED = regex.compile(
    r"(?<=[:：]\s?\d+(?:\s*-\s*\d+)?)(?P<sep>\s*[,，.．]\s*|\s+)"
    rf"(?={_YEAR}\s*(?:[,，]\s*\d+\s*)?[(（]\d+[)）]\s*[:：]|{_YEAR}\s*[,，]\s*\d+\s*[:：])"
)


@rule(
    "G050",
    "serialized-parts-separator",
    "warning",
    rule_ids=("GBT-SER-03", "GBT-PUNCT-02"),
    fixable=True,
    types=("J",),
)
def serialized_parts(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """An article published in instalments lists its later parts after the first, each
    introduced by '; ': '2011, 33(2): 20-25; 2011, 33(3): 26-30'.

    Bad: 李四. 连载文章[J]. 某学报, 2011, 33(2): 20-25, 2011, 33(3): 26-30.
    Good: 李四. 连载文章[J]. 某学报, 2011, 33(2): 20-25; 2011, 33(3): 26-30.
    """
    if e.type_code != "J":
        return
    for m in _SERIALIZED.finditer(e.raw, e.tail_start):
        if e.urls and e.in_url(m.start()):
            continue
        semi = "；" if _fullwidth(e) else "; "
        yield diag(
            "G050",
            span=(m.start("sep"), m.end("sep")),
            fix=_fix("write '; '", (m.start("sep"), m.end("sep"), semi)),
        )


_RANGE_AFTER_ISSUE = regex.compile(
    rf"(?<=\d\s*[)）])(?P<d>\s*[-—–~～－]\s*)(?=[.．]|\s*$|{_YEAR}\s*[(（.．])"
)
_RANGE_AFTER_YEAR = regex.compile(
    rf"(?<=(?:[,，]|[.．]\s?)\s?{_YEAR})(?P<d>\s*[-—–~～－]\s*)(?=(?:{_YEAR})?\s*(?:[.．](?!\d)|$))"
)


def _serial_dashes(e: Entry) -> Iterator[regex.Match[str]]:
    raw = e.raw
    for pattern in (_RANGE_AFTER_ISSUE, _RANGE_AFTER_YEAR):
        for m in pattern.finditer(raw, e.body):
            if e.urls and e.in_url(m.start()):
                continue
            yield m


@rule(
    "G051",
    "serial-range-dash",
    "warning",
    rule_ids=("GBT-FMT-SERIAL", "GBT-PUNCT-07"),
    fixable=True,
    types=("J",),
)
def serial_range_dash(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """The year-volume-issue range and the publication years of a whole serial are joined with
    '-' in GB/T 7714-2015 ('1984, 1(1)-', '1957-1990') and with the em dash '—' (一字线) in
    GB/T 7714-2025 ('1984，1（1）—', '1957—1990').  An en dash is tolerated under 2015 (info).

    Bad: 中华医学会湖北分会. 临床内科杂志[J]. 1984, 1(1)—. 武汉: 中华医学会湖北分会, 1984—.
    Good: 中华医学会湖北分会. 临床内科杂志[J]. 1984, 1(1)-. 武汉: 中华医学会湖北分会, 1984-.
    """
    if e.type_code != "J" or not (
        "-" in e.raw or "—" in e.raw or "–" in e.raw or "~" in e.raw or "～" in e.raw
    ):
        return
    want = "—" if ctx.standard == "gbt7714-2025" else "-"
    for m in _serial_dashes(e):
        dash = m.group("d").strip()
        if dash == want and m.group("d") == dash:
            continue
        sev = Severity.INFO if want == "-" and dash == "–" else None
        edition = "GB/T 7714-2025" if want == "—" else "GB/T 7714-2015"
        yield diag(
            "G051",
            f"{edition} joins a serial's range with '{want}', not '{dash}'",
            f"{edition} 连续出版物的范围用“{want}”连接, 而非“{dash}”",
            span=(m.start("d"), m.end("d")),
            severity=sev,
            fix=_fix(f"write '{want}'", (m.start("d"), m.end("d"), want)),
        )


_RANGE_LATE = regex.compile(
    rf"\G\s*[.．]\s*[^.．\[\]:：]{{1,40}}[:：][^.．\[\]]{{1,80}}?[,，]\s*(?P<r>{_YEAR}\s*[,，]\s*\d+\s*[(（]\d+[)）]\s*[-—–])"
)


_RANGE_FAST = re.compile(r"[)）] ?[-—–]")


@rule("G052", "serial-range-after-imprint", "warning", rule_ids=("GBT-FMT-SERIAL",), types=("J",))
def serial_range_after_imprint(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """A whole serial (连续出版物) reads 'title[J]. year, volume(issue)-. place: publisher,
    year-.': the holdings range comes before the imprint.

    Bad: 中华医学会湖北分会. 临床内科杂志[J]. 武汉: 中华医学会湖北分会, 1984, 1(1)-.
    Good: 中华医学会湖北分会. 临床内科杂志[J]. 1984, 1(1)-. 武汉: 中华医学会湖北分会, 1984-.
    """
    if e.type_code != "J" or e.contribution or _RANGE_FAST.search(e.raw) is None:
        return
    m = _RANGE_LATE.match(e.raw, e.tail_start)
    if m:
        yield diag("G052", span=(m.start("r"), m.end("r")))


# --- standards (GBT-FMT-STD; the GB/T 7714-2025 format) -------------------------------------

_STDNUM = (
    r"(?:GB(?:/[TZ])?|GBZ|GJB|[A-Z]{2}/[TZ]|ISO(?:/IEC)?(?:/IEEE)?|IEC(?:/IEEE)?|ANSI|BS|DIN|EN|JIS|ASTM|IEEE)"
    r"\s?[A-Z]?\s?\d+(?:[.\-]\d+)*(?:\s?[—–\-:]\s?(?:19|20)\d\d)"
)
_STD_FIRST = regex.compile(rf"\A(?P<n>{_STDNUM})(?P<s>[\s\u3000]+)(?=\S)")
_STD_LAST = regex.compile(rf"(?P<s>\s*[:：]\s*)(?P<n>{_STDNUM})\s*\Z")


@rule("G053", "standard-number-position", "warning", rule_ids=("GBT-FMT-STD",), types=("S",))
def standard_number_position(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """GB/T 7714-2015 records the standard number as other title information after the title
    ('信息与文献　都柏林核心元数据元素集: GB/T 25100—2010[S]'); GB/T 7714-2025 puts it first,
    'number title[S]' ('GB/T 3792—2021　信息与文献　资源描述[S].').

    Bad: GB/T 25100—2010 信息与文献　都柏林核心元数据元素集[S]. 北京: 中国标准出版社, 2010.
    Good: 全国信息与文献标准化技术委员会. 信息与文献　都柏林核心元数据元素集: GB/T 25100—2010[S]. 北京: 中国标准出版社, 2010.
    """
    if e.type_code != "S" or e.contribution:
        return
    title = e.title
    s0 = e.title_start
    if ctx.standard == "gbt7714-2025":
        m = _STD_LAST.search(title)
        if m:
            yield diag(
                "G053",
                "GB/T 7714-2025 writes the standard number before the title: 'number title[S]'",
                "GB/T 7714-2025 将标准编号著录在标准名称之前: “标准编号 标准名称[S]”",
                span=(s0 + m.start("n"), s0 + m.end("n")),
            )
    else:
        m = _STD_FIRST.match(title)
        if m:
            yield diag(
                "G053",
                "GB/T 7714-2015 writes the standard number after the title: 'title: number[S]'",
                "GB/T 7714-2015 将标准编号作为其他题名信息著录在题名之后: “题名: 标准编号[S]”",
                span=(s0 + m.start("n"), s0 + m.end("n")),
            )


# --- hyphenated initials (GB/T 7714-2025) ----------------------------------------------------


def _initials(given: str) -> str:
    parts = regex.split(r"\s+", given.strip())
    out = []
    for p in parts:
        pieces = [q for q in p.split("-") if q]
        if pieces:
            out.append("-".join(q[0].upper() for q in pieces))
    return " ".join(out)


@rule(
    "G054",
    "hyphenated-initials",
    "warning",
    editions=_ONLY_2025,
    rule_ids=("GBT-AUTH-02",),
    fixable=True,
)
def hyphenated_initials(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """GB/T 7714-2025 keeps the hyphen when it initializes a hyphenated given name: Jean-Luc
    Godard is 'Godard J-L', Park Ji-Ryun 'Park J-R' (2015 has no example).  Needs the parsed
    item's given names.

    Bad: Godard J L. Histoire(s) du cinéma[M]. Paris: Gallimard, 1998.
    Good: Godard J-L. Histoire(s) du cinéma[M]. Paris: Gallimard, 1998.
    """
    if not e.code or e.head_end is None:
        return
    authors = e.item("author")
    if not authors or not isinstance(authors, list):
        return
    raw = e.raw
    head_end = e.head_end
    for a in authors:
        if not isinstance(a, dict):
            continue
        given, family = a.get("given"), a.get("family")
        if (
            not isinstance(given, str)
            or "-" not in given
            or not isinstance(family, str)
            or not family
        ):
            continue
        want = _initials(given)
        if "-" not in want:
            continue
        m = regex.search(
            rf"(?i){regex.escape(family)}\s+(?P<i>[A-Z](?:[\s.\-]*[A-Z](?![a-z]))*)", raw[:head_end]
        )
        if m is None or m.start() < e.body:
            continue
        got = m.group("i")
        if "-" in got or got.replace(".", "").replace(" ", "") != want.replace("-", "").replace(
            " ", ""
        ):
            continue
        yield diag(
            "G054",
            f"'{got}' for '{given}': GB/T 7714-2025 writes '{want}'",
            f"“{given}”的缩写应为“{want}”而非“{got}”",
            span=(m.start("i"), m.end("i")),
            fix=_fix(f"write {want}", (m.start("i"), m.end("i"), want)),
        )


# --- duplicated elements (R001) ---------------------------------------------------------------

_SEP = re.compile(r"\s*(?:\.(?=\s|[\u3400-\u9fff]|$)|[．,，:：;；])\s*")
_SEP_FAST = re.compile(r"[.．,，:：;；] *")  # a cheap split to see whether any token repeats at all
_DOI_EL = regex.compile(r"(?i)\bdoi\s*[:：]\s*(?P<v>10\.\S+)")
_CODE_TWICE = regex.compile(r"(?P<a>\[[A-Z]{1,2}(?:/[A-Z]{2})?\])(?P<b>\s*(?P=a))")


@rule("R001", "duplicated-element", "warning", fixable=True)
def duplicated_element(e: Entry, ctx: Context) -> Iterator[Diagnostic]:
    """An element appears twice in one entry: the same year, publisher, name or title twice in
    a row, the type code twice, the same DOI or URL twice.  Usually a copy-paste or export slip;
    the safe fix removes the second copy.

    Bad: 徐光宪, 王祥云. 物质结构[M]. 北京: 科学出版社, 2010, 2010.
    Good: 徐光宪, 王祥云. 物质结构[M]. 北京: 科学出版社, 2010.
    """
    raw = e.raw
    # 1. the same element twice in a row (a cheap test first: two equal neighbours at all?)
    toks = _SEP_FAST.split(raw)
    if len(set(toks)) < len(toks) and any(a == b and len(a) >= 2 for a, b in zip(toks, toks[1:])):
        excluded = e.urls + [(s, t) for s, t, _ in e.dois]
        prev_t = -1
        prev = ""
        pos = e.body
        for m in _SEP.finditer(raw, e.body):
            s, t = pos, m.start()
            pos = m.end()
            tok = raw[s:t]
            if excluded and any(a <= s < b or a < t <= b for a, b in excluded):
                prev = ""
                continue
            if tok and tok == prev and len(tok) >= 2 and (not tok.isdigit() or len(tok) == 4):
                yield diag(
                    "R001",
                    f"'{tok}' is repeated",
                    f"“{tok}”重复出现",
                    span=(s, t),
                    fix=_fix("remove the repeated element", (prev_t, t, "")),
                )
                prev = ""
                continue
            prev, prev_t = tok, t
    # 2. the type code twice
    if "][" in raw or "] [" in raw:
        for m in _CODE_TWICE.finditer(raw, e.body):
            yield diag(
                "R001",
                f"the type code '{m.group('a')}' is repeated",
                f"文献类型标识“{m.group('a')}”重复",
                span=(m.start("b"), m.end("b")),
                fix=_fix("remove the repeated code", (m.start("b"), m.end("b"), "")),
            )
    # 3. the same DOI or URL twice
    if (
        "oi:" in raw
        or "OI:" in raw
        or "oi：" in raw
        or "OI：" in raw
        or "oi :" in raw
        or "OI :" in raw
    ):
        seen: dict[str, int] = {}
        for m in _DOI_EL.finditer(raw, e.body):
            if e.in_url(m.start()):
                continue
            v = m.group("v").rstrip(".").lower()
            if v in seen:
                s = m.start()
                while s > 0 and raw[s - 1] in " .．":
                    s -= 1
                end = m.start("v") + len(m.group("v").rstrip("."))
                yield diag(
                    "R001",
                    "the DOI is given twice",
                    "DOI 重复著录",
                    span=(m.start(), end),
                    fix=_fix("remove the second DOI", (s, end, "")),
                )
            else:
                seen[v] = m.start()
    if len(e.urls) > 1:
        seen_urls: set[str] = set()
        for s, t in e.urls:
            u = raw[s:t]
            if u in seen_urls:
                a = s
                while a > 0 and raw[a - 1] in " .．":
                    a -= 1
                yield diag(
                    "R001",
                    "the URL is given twice",
                    "网址重复著录",
                    span=(s, t),
                    fix=_fix("remove the second URL", (a, t, "")),
                )
            seen_urls.add(u)
