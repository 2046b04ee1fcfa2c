"""The 《》 house style of Chinese journals (the 引文注释 style of social-science journals).

责任者:《题名》(版本),其他责任者译,出版者出版年年版,第N页。
责任者:《题名》,《刊名》2016年第2期。
责任者:《题名》,载某某主编:《书名》,出版者2010年版,第N页。
[美]马克·H.穆尔:《创造公共价值》,伍满桂译,商务印书馆2016年版。
"""

from __future__ import annotations

from .. import lazyregex as regex  # patterns compiled on first use (start-up)
from ..text.script import HAN
from .common import ACCOUNT, DOC_NO, MEETING_WORDS, set_names, set_title, title_volume
from .doc_numbers import CN_STANDARD_NO
from .draft import Draft
from .names import ROLE_END, looks_like_names, personal_names_only
from .numbers import cn_year_issue, edition
from .text import MASK, cn_number, find_close, number_text, split_top, trim
from .web import SITE

__all__ = ["applies", "parse"]

_PAGE = regex.compile(
    r"^(?:第\s*(?P<p>[\dA-Za-z\-–~,、+]{1,30}|[一二三四五六七八九十百]{1,6})|(?P<p>\d{1,5}(?:\s*[-–~]\s*\d{1,5})?))"
    r"\s*页(?:及?以下|以次)?$"
    r"|^[Pp]{1,2}\s*\.?\s*(?P<p>\d{1,5}(?:\s*[-–~]\s*\d{1,5})?)$"
)  # 第3页, 第3-9页, 93～97页, 35页, 第5页以下, and a student's P35 / p.35 / pp.12-15
# (the publisher ends at a non-space, as the shortest one did, and every space run is taken whole,
# what follows it being no space: a publisher that ended at every space of a long run, each end
# followed by a scan of the rest, was quadratic, and the runs around 年 and an empty edition cubic)
_PUB_YEAR = regex.compile(
    r"^(?:(?P<place>[^:：,，]{1,12})\s*+[:：]\s*+)?(?P<pub>(?:.*?\S)??)\s*+(?:(?P<sep>[,.])\s*+)?"
    r"(?P<y>(?:1[5-9]|20)\d\d)\s*+(?:年\s*+(?:(?P<m>\d{1,2})\s*+月\s*+)?(?:(?P<ed>第?\s*+"
    r"[\d一二三四五六七八九十]{0,3}|修订|增订|新\s*+\d{1,2})\s*+)?(?P<ban>版)?"
    r"(?:(?<=版)\s*+第?\s*+\d{1,2}\s*+次\s*+印刷?)?|(?(sep)|(?!)))$"  # (…第2版第3次印刷)
)
_PAREN_IMPRINT = regex.compile(
    r"\s*(?P<place>[^:：,，()\d]{1,12}?)\s*[:：]\s*(?P<pub>[^:：,，()]{2,40}?)\s*[,，]\s*"
    r"(?P<y>(?:1[5-9]|20)\d\d)\s*(?:年\s*(?:(?P<m>\d{1,2})\s*月\s*)?)?(?:[,，][^()]*)?\s*"
)
_BARE_ISSUE = regex.compile(r"\s*第\s*(?P<i>\d{1,4}|[一二三四五六七八九十]{1,3})\s*期\s*$")
_CONTAINER_VOLUME = regex.compile(
    r"\s*\(\s*第\s*(?P<v>\d{1,4}|[一二三四五六七八九十百]{1,4})\s*[卷辑册]\s*\)"
)
_VOLUME_AFTER = regex.compile(r"\s*第\s*(?P<v>\d{1,4}|[一二三四五六七八九十]{1,3})\s*[卷辑册]")
# a law's or rule's dated act: 2021年8月20日发布, 2020年5月28日第十三届全国人民代表大会第三次会议通过,
# (2014年4月24日修订): the date of what the text was made (issued); 施行/实施 dates only when no other
_DATED_ACT = regex.compile(
    r"^(?:自\s*)?(?P<y>(?:1[5-9]|20)\d\d)\s*年\s*(?P<m>\d{1,2})\s*月\s*(?:(?P<d>\d{1,2})\s*日)?"
    r"\s*(?:\p{Han}[\p{Han}\d\s]{0,40}?)?\s*起?\s*(?P<act>发布|公布|通过|修订|修正|印发|颁布|施行|实施|生效)$"
)
# the last character of every title _BARE_LAW reads, before its separator (a cheap test)
_LAW_END = regex.compile(r"[法典例定则知见程要划案复告释]\s*[(,.;]")
_ACT_WORDS = ("发布", "公布", "通过", "修订", "修正", "印发", "颁布", "施行", "实施", "生效")
# the title of a law, regulation or official notice (not a book's)
_LAW_TITLE = regex.compile(
    r"(?:法|法典|条例|规定|办法|细则|决定|通知|意见|规则|准则|章程|纲要|规划|方案|批复|公告|解释|"
    r"宪法|法\s*[(（][^()（）]{1,12}[)）])$"
)
_ISSUER_ENDS = frozenset("会院部局署厅室府央行")  # the last characters _ISSUER's names end with
# an issuing body standing as its own piece after a law's title: 全国人民代表大会常务委员会
_ISSUER = regex.compile(
    r"^\p{Han}{2,30}(?:委员会|人民代表大会|国务院|部|局|署|院|厅|办公厅|办公室|政府|中央|总局|银行|法院|检察院)$"
)
# a paper given at a meeting: 第二届…博士论坛会议论文, 中国教育学会年会论文
_CONF_PAPER = regex.compile(
    # (quotes around the whole name are no part of it; quotes inside are: “中国转型”国际研讨会)
    rf"^(?P<q>[“\"])?(?P<event>.{{2,60}}?(?:{MEETING_WORDS}))(?(q)[”\"])\s*"
    r"(?P<genre>(?:会议|交流|提交)?论文)?$"
)
# the article of a law or rule cited: 《中华人民共和国民法典》第1165条, …第5条第2款
_ARTICLE = regex.compile(
    r"^第\s*[\d一二三四五六七八九十百千零]{1,8}\s*条(?:\s*第\s*[\d一二三四五六七八九十]{1,4}\s*[款项])*$"
)
# a journal's year and issue standing as its own piece: 2019年第5期, 2019年5期
_YEAR_ISSUE = regex.compile(r"(?:1[5-9]|20)\d\d\s*年\s*(?:第\s*)?\d{1,3}\s*期")
_NEWS_PAGE = regex.compile(r"^第\s*(?P<p>\d{1,3})\s*版$")
_CONTAINER_LEAD = regex.compile(r"^(?:载|见|收入|载于|参见)\s*")
# a note's lead-in before the author: 参见王泽鉴：《民法总则》 / 转引自张三：《…》
_NOTE_LEAD = regex.compile(
    r"^(?:(?:参见|参看|参阅|详见|另见|又见|转引自|引自|见)\s*(?=\p{Han}{2}|[\[(〔（【]|$)"
    r"|参考\s*[:：]\s*)"  # (a student's 参考：冯友兰《中国哲学史》)
)
# a volume standing after the 》: 《马克思恩格斯选集》第1卷 / 《国史大纲》上册
_VOL_PIECE = regex.compile(
    r"^(?:第\s*(?P<v>\d{1,4}|[一二三四五六七八九十百]{1,4})\s*卷|卷\s*(?P<v>\d{1,4}|[一二三四五六七八九十百]{1,4}))$|^(?P<t>第\s*[\d一二三四五六七八九十百]{1,4}\s*[册辑]|[上中下][册卷])$"
)
# an edition and a volume in one piece: 第3版第2卷
_EDITION_VOLUME = regex.compile(
    r"(?P<ed>第?\s*[\d一二三四五六七八九十]{1,3}\s*版)\s*第\s*(?P<v>\d{1,4}|[一二三四五六七八九十百]{1,4})\s*卷"
)
# a body that edits or writes a work (编辑室, 编写组, 编委会 …)
_EDITING_BODY = regex.compile(
    r"\p{Han}{2,40}(?:编辑室|编辑部|编写组|编委会|编辑委员会|编纂委员会|委员会|课题组|研究所|研究院|研究中心|"
    r"办公室|领导小组)"
)
# a responsible party after the title: 《古代汉语》，王力著 / 《正义论》，何怀宏等译
_ROLE_PIECE = regex.compile(r"^(?P<who>.{1,40}?)\s*(?:主编|编著|编|著)$")
_TRANSLATOR = regex.compile(r"(?:译|译校|译注|编译|校译|译本)$")
_PLACE_PUB = regex.compile(r"^(?P<place>[^:：,，\d]{1,12})\s*[:：]\s*(?P<pub>[^:：]{2,60})$")
# (possessive space runs, what follows each being no space: a run after the year was split every
# way between the two \s* around 年, quadratic in its length)
_THESIS = regex.compile(
    r"^(?P<pub>.{2,40}?)\s*+(?:(?P<y>(?:1[5-9]|20)\d\d)\s*+(?:年|年度)?\s*+)?"
    r"(?P<genre>(?:博士|硕士|学士)(?:学位)?论文|学位论文)$"
)
_GENRE_ONLY = regex.compile(r"(?:博士|硕士|学士)(?:学位)?论文|学位论文")
# a place of publication written as its own element: a city the lists name, or any 某某市
_CITY = regex.compile(
    r"北京|上海|天津|重庆|广州|南京|杭州|武汉|成都|西安|长沙|济南|沈阳|长春|哈尔滨|郑州|"
    r"合肥|福州|南昌|昆明|贵阳|南宁|兰州|太原|石家庄|呼和浩特|乌鲁木齐|银川|西宁|拉萨|海口|"
    r"深圳|厦门|青岛|大连|苏州|台北|香港|澳门|\p{Han}{2,4}市"
)
_PUBLISHER_WORD = regex.compile(
    r"出版社|书局|书店|印书馆|书社|出版公司|出版集团|大学|研究院|研究所|Press|Publishing"
)


# a newspaper's name (人民日报, 光明日报, 经济观察报), not a journal's (学报, 通报)
_NEWSPAPER = regex.compile(r"(?:日报|晚报|时报|商报|周报|青年报|观察报|经济报|法制报|导报)$")


# the lead of the quoted variant: names, “title”, the book's editor (any may be empty)
_QUOTED_LEAD = regex.compile(r"(?P<who>[^“”《]*?)“(?P<t>[^“”]{1,200})”(?P<ed>[^“”《]*)")
_VOL_NUMBER = regex.compile(r"第\s*(\d{1,4}|[一二三四五六七八九十百]{1,4})\s*卷")
# the year after the names in the author-year variant: "，2006：" / "(2006)" / "(2006a)"
_LEAD_YEAR = regex.compile(
    r"(?:[,，]\s*|\(\s*)(?P<y>(?:1[5-9]|20)\d\d)[a-z]?"
    r"(?:\s*(?:年|[,，])\s*(?P<m>\d{1,2})\s*月)?\s*(?:\)\s*)?[:：]?\s*$"
)  # (and its month: "(2019，5月)", "（2019年5月）")


# the same notes typed without 《》 (student notes, reading lists): 费孝通：乡土中国，北京大学出版社，2012年
# (the title without its surrounding spaces, up to 80 characters; the comma at least two after the
# colon: as the lazy 2-80 title with spaces around it read it, but linear in a run of spaces;
# only matched at a position, \G)
_BARE = regex.compile(
    r"\G(?P<who>[^:：,，.《》]{2,30}?)\s*[:：](?![,，]|[\s\S][,，])\s*+"
    r"(?P<t>[^:：,，《》\s](?:[^:：,，《》]{0,78}[^:：,，《》\s])?)?\s*+[,，]"
)
_TITLE_FIRST = regex.compile(
    r"(?P<t>[^:：,，.《》]{2,60}?)\s*(?P<sep>[,，])\s*(?P<who>[^,，:：《》]{1,30}?)\s*(?:主编|编著|编|著)?\s*[,，]"
)


def _bracketed_names(inner: str) -> bool:
    """Whether a bracket after a title holds only its author's names (``费孝通``, ``费孝通著``,
    ``王利明 主编``)."""
    inner = inner.strip()
    if len(inner) > 40 or not HAN.search(inner):
        return False
    m = _ROLE_PIECE.fullmatch(inner)
    return looks_like_names(m.group("who")) if m else personal_names_only(inner)


# a note of a title and its author in brackets, nothing else: 乡土中国（费孝通）
_BARE_PAREN = regex.compile(
    r"(?P<t>[^():：,，.《》]{2,60}?)\s*(?=\((?P<who>[^()]{2,40})\)[\s.。]*$)"
)


def _bare_paren(d: Draft) -> regex.Match[str] | None:
    m = _BARE_PAREN.match(d.work, d.start, d.end)
    # (the title may look like a name, 边城（沈从文）: the bracket is what holds the names)
    if not m or not HAN.search(m.group("t")) or not _bracketed_names(m.group("who")):
        return None
    return m


def _bare(d: Draft) -> tuple[int, int] | None:
    """Where the names end and the title's closing comma stands, in a note typed without 《》:
    费孝通：乡土中国，北京大学出版社，2012年 / 张三，李四，城市治理研究，管理世界，2019年第5期."""
    work = d.work
    m = _BARE.match(work, d.start, d.end)
    if m:
        if not HAN.search(m.group("t") or "") or not personal_names_only(m.group("who")):
            return None
        bounds = m.end("who"), m.end() - 1
    else:  # the names separated by commas, then the title
        pieces = split_top(work, d.start, min(d.end, d.start + 200), ",，")
        k = 0
        while k < min(len(pieces) - 2, 6) and personal_names_only(
            work[slice(*trim(work, *pieces[k]))]
        ):
            k += 1
        if k == 0 or k + 1 >= len(pieces):
            return None
        title = work[slice(*trim(work, *pieces[k]))]
        if (
            not 2 <= len(title) <= 80
            or not HAN.search(title)
            or any(ch in title for ch in ":：《》")
            or personal_names_only(title)
            or _PUBLISHER_WORD.search(title)
        ):
            return None
        bounds = pieces[k - 1][1], pieces[k][1]
    rest = work[bounds[1] : d.end]
    # the rest must read as an imprint or a journal's year and issue
    return bounds if _PUBLISHER_WORD.search(rest) or _YEAR_ISSUE.search(rest) else None


def _bare_title_first(d: Draft) -> regex.Match[str] | None:
    """城市治理，张三主编，人民出版社，2010年: a reading list's title, then its author or editor
    (the role word may be left out: 乡土中国，费孝通，北京大学出版社)."""
    m = _TITLE_FIRST.match(d.work, d.start, d.end)
    if (
        not m
        or not HAN.search(m.group("t"))
        or personal_names_only(m.group("t"))
        or not personal_names_only(m.group("who"))
    ):
        return None
    return m if _PUBLISHER_WORD.search(d.work, m.end(), d.end) else None


# a law or notice named without 《》 at the start of a note, then its document number in brackets or
# its dated act: 中华人民共和国数据安全法. 2021年6月10日…通过 / 国务院关于…的通知(国发〔2014〕43号)
_BARE_LAW = regex.compile(
    r"(?P<t>\p{Han}[\p{Han}\d、·—\-]{1,80}?(?:法|法典|条例|规定|办法|细则|决定|通知|意见|规则|准则|"
    r"章程|纲要|规划|方案|批复|公告|解释))\s*(?=[(,.;]\s*(?P<next>[^,.;()]{4,60}))"
)


def _bare_law(d: Draft) -> regex.Match[str] | None:
    head = d.work[d.start : d.start + 160]
    if "号" not in head and not any(w in head for w in _ACT_WORDS):
        return None  # (a cheap test: a document number or a dated act must follow the title)
    if not _LAW_END.search(head):
        return None  # (and a law word must close the title)
    m = _BARE_LAW.match(d.work, d.start, d.end)
    if m is None:
        return None
    nxt = m.group("next").strip()
    return m if DOC_NO.fullmatch(nxt) or _DATED_ACT.match(nxt) else None


def _bounds(d: Draft) -> tuple[int, int]:
    """Where the title's opening and closing marks stand: 《…》, or the bare variants' : and ,
    (a title first opens at the reference's start: one before it)."""
    p = d.work.find("《", d.start, d.end)
    if p >= 0:
        return p, find_close(d.work, p, d.end, "《", "》")
    law = _bare_law(d)
    if law:
        return d.start - 1, law.end("t")
    bare = _bare(d)
    if bare:
        return bare
    m = _bare_title_first(d)
    if m:
        return d.start - 1, m.start("sep")
    m = _bare_paren(d)
    return (d.start - 1, m.end("t")) if m else (-1, -1)


# words that go on a title after a marked one: 《红楼梦》的版本, 《史记》与《汉书》比较, 《论语》中的仁
_TITLE_GOES_ON = regex.compile(r"(?:的|中的|里的|与|和|及|之)(?=\p{Han}|《)")


def applies(d: Draft) -> bool:
    p = d.work.find("《", d.start, d.end)
    if p < 0:  # the variants without 《》 open with a Chinese name or title
        if not HAN.match(d.work, d.start):
            return False
        return (
            _bare(d) is not None
            or _bare_title_first(d) is not None
            or _bare_law(d) is not None
            or _bare_paren(d) is not None
        )
    q = find_close(d.work, p, d.end, "《", "》")
    if q > 0 and _TITLE_GOES_ON.match(d.work, q + 1, d.end):
        return False  # 《红楼梦》的版本．…: the marked title is a part of the item's title
    lead = d.work[d.start : p].rstrip()
    if lead and (note := _NOTE_LEAD.match(lead)):  # 见《史记·项羽本纪》, 参考：冯友兰《…》
        lead = lead[note.end() :]
    return not lead or lead.endswith((":", "：", ",", "，")) or looks_like_names(lead)


_ROLES = ("author", "editor", "translator")


def _lead_names(d: Draft, start: int, end: int) -> None:
    """``汉斯·摩根索著,杨岐鸣等译:`` → author and translator: a role word closes a name group."""
    work = d.work
    pieces = [trim(work, a, b) for a, b in split_top(work, start, end, ",，")]
    pieces = [(a, b) for a, b in pieces if b > a]
    groups: list[tuple[int, int]] = []
    first = None
    for a, b in pieces:
        if first is None:
            first = a
        if ROLE_END.search(work, a, b):
            groups.append((first, b))
            first = None
    if first is not None:
        groups.append((first, pieces[-1][1]))
    if len(groups) == 1:
        set_names(d, start, end, "author", 0.9)
        return
    for a, b in groups:
        before = {role: (d.values[role], d.spans[role]) for role in _ROLES if d.has(role)}
        role = set_names(d, a, b, "author", 0.9)
        if role in before:  # 张三主编，李四副主编：two groups in one role: one list
            names, span = before[role]
            if span is not None:
                d.set(role, [*names, *d.values[role]], span[0], b, 0.9)


def parse(d: Draft) -> bool:
    work = d.work
    p, q = _bounds(d)
    if q < 0 or p < d.start - 1:
        return False
    d.style = "house-zh"
    a, b = trim(work, d.start, p)
    if b > a and (lead_in := _NOTE_LEAD.match(work, a, b)):
        d.claim(a, lead_in.end())
        a = lead_in.end()
    y = _LEAD_YEAR.search(work, a, b) if b > a else None
    if y and y.start() > a:  # 作者，2006：《题名》 / 作者（2006）《题名》: the author-year variant
        month = int(y.group("m") or 0)
        if 1 <= month <= 12:
            d.set(
                "issued",
                {"date-parts": [[int(y.group("y")), month]]},
                y.start("y"),
                y.end("m"),
                0.85,
            )
        else:
            d.set("issued", {"date-parts": [[int(y.group("y"))]]}, y.start("y"), y.end("y"), 0.85)
        d.claim(y.start(), b)
        b = trim(work, a, y.start())[1]
    quoted = _QUOTED_LEAD.fullmatch(work, a, b) if b > a and "“" in work[a:b] else None
    if quoted:
        # 马某，“论文”，劳某，《书》，北京，…: an older house style, a chapter without 载 (or an
        # article: 张某，“论文”，《某学报》2010年第2期)
        if quoted.group("who").strip(" ,，:："):
            na, nb = trim(work, quoted.start("who"), quoted.end("who"), " ,，:：")
            _lead_names(d, na, nb)
        set_title(d, "title", quoted.start("t"), quoted.end("t"), 0.9)
        d.claim(quoted.start("t") - 1, quoted.start("t"))
        d.claim(quoted.end("t"), quoted.end("t") + 1)
        ea, eb = trim(work, quoted.start("ed"), quoted.end("ed"), " ,，:：")
        if lead_word := _CONTAINER_LEAD.match(work[ea:eb]):  # 载李四主编：《某书》
            d.claim(ea, ea + lead_word.end())
            ea += lead_word.end()
        if eb > ea and looks_like_names(work[ea:eb]):
            set_names(d, ea, eb, "container-author", 0.8)
        set_title(d, "container-title", p + 1, q, 0.9)
    elif b > a:
        if work[b - 1] == "的" and b - a > 2 and looks_like_names(work[a : b - 1]):
            d.claim(b - 1, b)  # 费孝通的《乡土中国》: a student's possessive
            b -= 1
        _lead_names(d, a, b)
    if not quoted:
        set_title(d, "title", p + 1, title_volume(d, p + 1, q), 0.93)  # 《古代汉语（第三版）》
    if p >= d.start:
        d.claim(p, p + 1)
    d.claim(q, q + 1)
    pos = (
        q if work[q : q + 1] == "(" else q + 1
    )  # (a bare law's or note's title ends at its bracket)
    end = d.end
    acted = False  # a law's dated act was read (2021年8月20日发布)
    standard = False  # a standard's number was read in brackets after the title
    site = False  # a web site was named as the container (百度百科, 某某网)
    # (第五版) / (修订版) / (上册) right after the title
    if pos < end and work[pos] == "(":
        close = find_close(work, pos, end, "(", ")")
        if close > 0:
            inner = work[pos + 1 : close]
            ed = edition(inner)
            if ed:
                d.set("edition", ed, pos + 1, close, 0.9)
            elif v := _VOL_NUMBER.fullmatch(inner.strip()):  # (第十六卷) → 16
                n = cn_number(v.group(1))
                d.set("volume", str(n) if n is not None else inner, pos + 1, close, 0.8)
            elif inner.endswith(("卷", "册")) or inner in ("上", "中", "下"):
                d.set("volume", inner, pos + 1, close, 0.7)
            elif DOC_NO.fullmatch(inner.strip()):
                a, b = trim(work, pos + 1, close)
                d.set("number", work[a:b], a, b, 0.85)
            elif CN_STANDARD_NO.fullmatch(inner.strip()):
                # 《信息安全技术 个人信息安全规范》（GB/T 35273—2020）: a standard's number
                a, b = trim(work, pos + 1, close)
                d.set("number", work[a:b], a, b, 0.85)
                standard = True
            elif not d.has("author") and not d.has("editor") and _bracketed_names(inner):
                # 《乡土中国》（费孝通著） / 乡土中国（费孝通）: a student's note names the author after
                # the title, in brackets
                set_names(d, *trim(work, pos + 1, close), "author", 0.8)
            elif acts := _dated_acts(work, pos + 1, close):
                # (2014年4月24日修订) / (…通过，自2021年9月1日起施行)
                for a, act in acts:
                    _set_act_date(d, act, a)
                acted = True
            elif im := _PAREN_IMPRINT.fullmatch(work, pos + 1, close):
                # 《禮記校證》（臺北：藝文印書館，1976年12月）: the imprint in brackets (Taiwan)
                d.set(
                    "publisher-place", im.group("place"), im.start("place"), im.end("place"), 0.85
                )
                ps, pe = trim(work, im.start("pub"), im.end("pub"))
                d.set("publisher", work[ps:pe], ps, pe, 0.85)
                parts = [int(im.group("y"))]
                ye = im.end("y")
                if im.group("m") and 1 <= int(im.group("m")) <= 12:
                    parts.append(int(im.group("m")))
                    ye = im.end("m") + 1
                d.set("issued", {"date-parts": [parts]}, im.start("y"), ye, 0.85)
                d.claim(im.start(), im.end())
            pos = close + 1
    has_container = has_publisher = newspaper = account = False
    chapter = journal_tail = thesis = False
    if quoted:
        has_container = True
        chapter = (
            d.has("container-author")
            or d.has("editor")
            or bool(_CONTAINER_LEAD.match(work, quoted.start("ed")))
        )
    conference = -1  # the piece that named the meeting
    pieces = split_top(work, pos, end, ",;，；")
    if (dash := _DASH_LEAD.match(work, pos, end)) is not None:
        # 《乡土中国》——费孝通——北京大学出版社: a student's dashes between the elements (the
        # view folds a dash to "-")
        d.claim(dash.start(), dash.end())
        pos = dash.end()
        pieces = split_top(work, pos, end, ",;，；")
        if len(pieces) == 1:
            pieces = _dashed_pieces(work, pos, end)
    if len(pieces) == 1 and _SPACED.search(work, pos, end):
        pieces = _spaced_pieces(
            work, pos, end
        )  # "《乡土中国》 费孝通 著 北京大学出版社 2012": a list's spaces
    if "：" in work or ":" in work or "页" in work or "p" in work or "P" in work:
        pieces = _split_pieces(work, pieces)
    first: bool | None = None
    for idx, (s, e) in enumerate(pieces):
        s, e = trim(work, s, e, " ,;:。.，；：")
        if e <= s:
            continue
        if (label := _FIELD_LABEL.match(work, s, e)) is not None:
            d.claim(s, label.end())  # 作者：费孝通 / 出版社：…: a bookshop's or a student's labels
            s = label.end()
            if e <= s:
                continue
            role = _LABEL_ROLE.get(label.group("l"))
            if role and not d.has(role) and looks_like_names(work[s:e]):
                set_names(d, s, e, role, 0.8)
                first = False
                continue
        text = work[s:e]
        first = first is None  # (the first piece with text: True once, then False)
        if (
            conference >= 0
            and idx == conference + 1
            and len(text) <= 30
            and not any(ch.isdigit() for ch in text)
            and not d.has("event-place")
        ):
            d.set(
                "event-place", text, s, e, 0.75
            )  # …会议论文，中国社会科学院研究生院，2007年5月12日
            continue
        if (
            _CITY.fullmatch(text)
            and not d.has("publisher-place")
            and idx + 1 < len(pieces)
            and _PUBLISHER_WORD.search(work, *pieces[idx + 1])
        ):
            d.set("publisher-place", text, s, e, 0.8)  # 北京，北京大学出版社，1986
            continue
        if (
            not has_container
            and idx + 1 < len(pieces)
            and len(text) <= 30
            and "《" not in text
            and not any(ch.isdigit() for ch in text)
            and _YEAR_ISSUE.match(work, *trim(work, *pieces[idx + 1]))
        ):  # 张三：城市治理研究，管理世界，2019年第5期: a journal named without 《》
            set_title(d, "container-title", s, e, 0.75)
            has_container = True
            continue
        lead = _CONTAINER_LEAD.match(text)
        if (
            not has_container
            and (wx := ACCOUNT.fullmatch(work, s + (lead.end() if lead else 0), e)) is not None
        ):  # 载微信公众号“法学学术前沿”: a WeChat account publishes the post
            set_title(d, "container-title", wx.start("name"), wx.end("name"), 0.85)
            d.claim(s, wx.start("name"))  # 载, the account word and the quotes
            d.claim(wx.end("name"), e)
            has_container = account = True
            continue
        k = work.find("《", s, e)
        if k >= 0 and (k == s or lead or work[k - 1] in ":："):
            close = find_close(work, k, e, "《", "》")
            if close < 0:
                continue
            if k > s:  # 载某某主编:《书名》
                ns = s + (lead.end() if lead else 0)
                na, nb = trim(work, ns, k)
                if nb > na:
                    set_names(d, na, nb, "container-author", 0.8)
                chapter = True
            elif lead:
                chapter = True
            set_title(d, "container-title", k + 1, close, 0.9)
            has_container = True
            bracket = _CONTAINER_VOLUME.match(work, close + 1, e)
            if bracket and not d.has("volume"):  # 《某某评论》（第2卷）
                d.set(
                    "volume",
                    number_text(bracket.group("v")),
                    bracket.start("v"),
                    bracket.end("v"),
                    0.85,
                )
                d.claim(bracket.start(), bracket.end())
            vm = _VOLUME_AFTER.match(work, close + 1, e)
            if vm and not d.has("volume"):
                d.set(
                    "volume",
                    number_text(vm.group("v")),
                    vm.start("v"),
                    vm.end("v"),
                    0.85,
                )
            tail = cn_year_issue(work, close + 1, e)
            if tail:
                d.set(
                    "issued",
                    {"date-parts": [tail.date]},
                    tail.year[0],
                    tail.year[1] if len(tail.date) == 1 else tail.span[1],
                    0.9,
                )
                if tail.volume:
                    d.set("volume", work[slice(*tail.volume)], *tail.volume, 0.9)
                if tail.issue:
                    d.set("issue", tail.issue, *tail.issue_span, 0.9)
                if len(tail.date) == 3:
                    newspaper = True
                    if tail.page:
                        d.set("page", work[slice(*tail.page)], *tail.page, 0.85)
                journal_tail = journal_tail or bool(tail.issue or tail.volume)
                d.claim(tail.span[0], tail.span[1])
            elif (im := _BARE_ISSUE.match(work, close + 1, e)) and not d.has("issue"):
                # 作者（2019）：《题名》，《刊名》第3期: the year stood after the author
                d.set(
                    "issue",
                    number_text(im.group("i")),
                    im.start("i"),
                    im.end("i"),
                    0.85,
                )
                journal_tail = True
            continue
        act = _DATED_ACT.match(text)
        if act and not has_container and not has_publisher:
            _set_act_date(d, act, s)  # 2021年8月20日发布, 2021年11月1日施行
            acted = True
            continue
        if (
            not has_container
            and not d.has("author")
            and text[-1] in _ISSUER_ENDS
            and _ISSUER.match(text)
            and _LAW_TITLE.search(d.values.get("title", ""))
        ):  # 《…法》，全国人民代表大会常务委员会，2021年8月20日发布: the issuing body
            d.set("author", [{"literal": text}], s, e, 0.75)
            continue
        if _ARTICLE.match(text) and not d.has("section") and not has_container:
            d.set("section", text, s, e, 0.85)  # the law's article: the item is the law
            continue
        m = _EDITION_VOLUME.fullmatch(text)
        if m and not d.has("volume") and not d.has("edition") and not has_container:
            # 《列宁选集》第3版第2卷: the edition, then the volume, in one piece
            ed = edition(m.group("ed"))
            if ed:
                d.set("edition", ed, s + m.start("ed"), s + m.end("ed"), 0.85)
                v = s + m.start("v"), s + m.end("v")
                d.set("volume", number_text(m.group("v")), *v, 0.85)
                continue
        m = _VOL_PIECE.match(text)
        if m and not d.has("volume") and not has_container:
            if m.group("v"):
                d.set(
                    "volume",
                    number_text(m.group("v")),
                    s + m.start("v"),
                    s + m.end("v"),
                    0.85,
                )
            else:
                d.set("volume", text, s, e, 0.8)
            continue
        if (
            first
            and not d.has("author")
            and not d.has("editor")
            and len(text) <= 20
            and not _CITY.fullmatch(text)
            and personal_names_only(text)
        ):  # 《古代汉语》，王力，中华书局，2018年: a reading list names the author after the title
            set_names(d, s, e, "author", 0.75)
            continue
        m = _ROLE_PIECE.match(text)
        if (
            m
            and not d.has("author")
            and not d.has("editor")
            and looks_like_names(m.group("who"))
            and not _PUBLISHER_WORD.search(text)
        ):
            set_names(d, s, e, "author", 0.8)
            continue
        if (
            m
            and not d.has("author")
            and not d.has("editor")
            and _EDITING_BODY.fullmatch(m.group("who"))
        ):  # 《现代汉语词典》，中国社会科学院语言研究所词典编辑室编: a body that edited the work
            role = "author" if text.endswith("著") else "editor"
            ws, we = s + m.start("who"), s + m.end("who")
            d.set(role, [{"literal": work[ws:we]}], ws, we, 0.8)
            d.claim(we, e)
            continue
        if (
            m
            and d.has("author")
            and not d.has("editor")
            and not text.endswith("著")
            and looks_like_names(m.group("who"))
            and not _PUBLISHER_WORD.search(text)
        ):  # 张三：《文集》，李四编: the author's work, edited by another
            set_names(d, s, e, "editor", 0.8)
            continue
        site_end = trim(work, s, e, " ,;:。.，；：[]" + MASK)[1]  # (before a masked access date)
        if (
            (d.has("URL") or d.has("accessed"))
            and not has_container
            and site_end - s <= 30
            and SITE.search(work, s, site_end)
            and not _PUBLISHER_WORD.search(text)
        ):  # 《题名》，百度百科，https://… (载国家统计局官网: the lead word is no part of it)
            ls = s + (lead.end() if lead else 0)
            d.claim(s, ls)
            d.set("container-title", work[ls:site_end], ls, site_end, 0.75)
            site = True
            continue
        if DOC_NO.fullmatch(text) and not d.has("number"):
            d.set("number", text, s, e, 0.85)
            continue
        if CN_STANDARD_NO.fullmatch(text) and not d.has("number"):
            d.set("number", text, s, e, 0.85)  # 《…规范》，GB/T 35273—2020，中国标准出版社
            standard = True
            continue
        m = _NEWS_PAGE.match(text)
        if m and newspaper and not d.has("page"):
            d.set("page", m.group("p"), s + m.start("p"), s + m.end("p"), 0.85)
            continue
        if _GENRE_ONLY.fullmatch(text) and not d.has("genre"):
            d.set("genre", text, s, e, 0.85)  # 博士学位论文，北京大学，2019年: the school follows
            thesis = True
            continue
        m = _THESIS.match(text)
        if m and not d.has("publisher"):
            ps, pe = trim(work, s + m.start("pub"), s + m.end("pub"))
            d.set("publisher", work[ps:pe], ps, pe, 0.85)
            d.set("genre", m.group("genre"), s + m.start("genre"), s + m.end("genre"), 0.85)
            if m.group("y"):
                d.set(
                    "issued",
                    {"date-parts": [[int(m.group("y"))]]},
                    s + m.start("y"),
                    s + m.end("y"),
                    0.9,
                )
            thesis = True
            continue
        m = _CONF_PAPER.match(text)
        if m and conference < 0 and not has_container:
            es, ee = trim(work, s + m.start("event"), s + m.end("event"))
            d.set("event-title", work[es:ee], es, ee, 0.8)
            if m.group("genre"):  # (…研讨会，北京，2019年5月: the meeting alone)
                d.set("genre", m.group("genre"), s + m.start("genre"), s + m.end("genre"), 0.8)
            conference = idx
            continue
        m = _PAGE.match(text)
        if m:
            value = m.group("p")
            n = cn_number(value)
            if n is not None and not value.isdigit():
                value = str(n)
            d.set("page", value, s + m.start("p"), s + m.end("p"), 0.9)
            continue
        if _TRANSLATOR.search(text) and len(text) < 60:
            # 徐霞村译本 ("X's translation"): the names before 译
            set_names(d, s, e - (text.endswith("译本")), "translator", 0.85)
            continue
        m = _PUB_YEAR.match(text)
        if m and len(text) < 80 and (m.group("pub") or m.group("ban")):
            if m.group("place"):
                d.set(
                    "publisher-place",
                    m.group("place").strip(),
                    s + m.start("place"),
                    s + m.end("place"),
                    0.85,
                )
            if m.group("pub"):
                ps, pe = trim(work, s + m.start("pub"), s + m.end("pub"))
                d.set(
                    "publisher",
                    work[ps:pe],
                    ps,
                    pe,
                    0.9 if _PUBLISHER_WORD.search(m.group("pub")) else 0.7,
                )
                has_publisher = True
            parts = [int(m.group("y"))]
            ye = s + m.end("y")
            if m.group("m") and 1 <= int(m.group("m")) <= 12:  # 出版社2010年4月: the month printed
                parts.append(int(m.group("m")))
                ye = s + m.end("m") + 1
            d.set("issued", {"date-parts": [parts]}, s + m.start("y"), ye, 0.9)
            if m.group("ed") and m.group("ban") and not d.has("edition"):
                ed = edition(m.group("ed") + "版")  # 中国人民大学出版社2015年第3版
                if ed:
                    d.set("edition", ed, s + m.start("ed"), s + m.end("ed"), 0.85)
            continue
        if _YEAR_ALONE.fullmatch(text) and not d.has("issued"):
            # 北京大学出版社 2015: a reading list's year after the publisher, alone
            d.set("issued", {"date-parts": [[int(text[:4])]]}, s, s + 4, 0.8)
            continue
        m = _PLACE_PUB.match(text)
        if m and _PUBLISHER_WORD.search(m.group("pub")) and not d.has("publisher"):
            d.set(
                "publisher-place",
                m.group("place").strip(),
                s + m.start("place"),
                s + m.end("place"),
                0.85,
            )
            ps, pe = trim(work, s + m.start("pub"), s + m.end("pub"))
            d.set("publisher", work[ps:pe], ps, pe, 0.85)
            has_publisher = True
            continue
        ed = edition(text)
        if ed and not d.has("edition"):
            d.set("edition", ed, s, e, 0.8)
            continue
        tail = cn_year_issue(work, s, e)
        if tail and tail.span == (s, e) and not d.has("issued"):
            ys, ye = tail.year[0], tail.year[1] if len(tail.date) == 1 else tail.span[1]
            d.set("issued", {"date-parts": [tail.date]}, ys, ye, 0.8)
            if has_container and tail.issue and not d.has("issue"):
                d.set("issue", tail.issue, *tail.issue_span, 0.85)
                journal_tail = True
            if has_container and tail.volume and not d.has("volume"):
                d.set("volume", work[slice(*tail.volume)], *tail.volume, 0.85)
                journal_tail = True
            if has_container and len(tail.date) == 3:
                newspaper = True
            continue
        if _PUBLISHER_WORD.search(text) and not d.has("publisher") and len(text) < 40:
            d.set("publisher", text, s, e, 0.6)
            has_publisher = True
    if account:
        d.set_type("post-weblog", 0.8)
    elif standard and not has_container:
        d.set_type("standard", 0.85)
    elif conference >= 0 and not has_container and not thesis:
        d.set_type("paper-conference", 0.85)
    elif thesis and not has_container:
        d.set_type("thesis", 0.85)
    elif (
        (
            d.has("number")
            or d.has("section")
            or acted
            or _LAW_TITLE.search(d.values.get("title", ""))
            and not d.has("author")
        )
        and not has_container
        and not has_publisher
    ):
        d.set_type("legislation", 0.85)  # a decree, notice or regulation by its document number
    elif (
        has_container
        and (newspaper or _NEWSPAPER.search(d.values.get("container-title", "")))
        and not has_publisher
        and not d.has("volume")
    ):
        d.set_type("article-newspaper", 0.85)
    elif has_container and journal_tail and not has_publisher:
        d.set_type("article-journal", 0.9)
    elif site and not has_container and not has_publisher:
        d.set_type("webpage", 0.8)  # 《万里长城》．中国政府网[引用日期…]: a page read online
    elif chapter or (has_container and has_publisher):
        d.set_type("chapter", 0.85)
    elif has_container:
        d.set_type("article-journal", 0.9 if d.has("issue") or d.has("volume") else 0.7)
    elif has_publisher:
        d.set_type("book", 0.9)
    elif d.has("URL"):
        d.set_type("webpage", 0.7)
    else:
        d.set_type("book", 0.5)
    return True


# dashes after the title that separate a note's elements (not a page range's: 12-15)
_DASH_LEAD = regex.compile(r"\s*-{1,2}\s*(?=\p{Han})")
_DASH = regex.compile(r"\s*-{1,2}\s*(?!\d)|(?<!\d)\s*-{1,2}\s*")


def _dashed_pieces(work: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of ``[start, end)`` split at the dashes between elements."""
    out = []
    at = start
    for m in _DASH.finditer(work, start, end):
        out.append((at, m.start()))
        at = m.end()
    out.append((at, end))
    return out


# the label a bookshop's page or a student puts before an element (作者：费孝通, 出版社：…)
_FIELD_LABEL = regex.compile(
    r"(?P<l>作者|著者|译者|编者|出版社|出版者|出版时间|出版日期|出版年)\s*[:：]\s*"
)
_LABEL_ROLE = {
    "作者": "author",
    "著者": "author",
    "译者": "translator",
    "编者": "editor",
}
# a space before such a label separates two elements (a run taken whole from its start: a search
# retried it at every space of a long run, each try scanning the run)
_SPACED_LABEL = regex.compile(
    r"(?:\G|(?<!\s))\s++(?=(?:作者|著者|译者|编者|出版社|出版者|出版时间|出版日期|出版年)\s*[:：])"
)


def _split_pieces(work: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pieces split once more where a field label starts (《乡土中国》作者：费孝通 出版社：…) and
    before a page glued to the imprint (北京大学出版社2012年版第35页)."""
    out = []
    for s, e in pieces:
        cuts = [m.start() for m in _SPACED_LABEL.finditer(work, s, e) if m.start() > s]
        if (tail := _PAGE_TAIL.search(work, s, e)) is not None and tail.start() > s:
            cuts.append(tail.start())
        for c in sorted(set(cuts)):
            out.append((s, c))
            s = c
        out.append((s, e))
    return out


# a page glued to the end of an imprint: 北京大学出版社2012年版第35页
_PAGE_TAIL = regex.compile(r"(?<=[年版\d])\s*(?:第\s*\d[\d\-–~]*\s*页|[Pp]{1,2}\.?\s*\d[\d\-–~]*)$")
# a space that separates a reading list's elements: next to a Chinese character or a digit
_YEAR_ALONE = regex.compile(r"(?:1[5-9]|20)\d\d(?:\s*年版?)?")
_SPACED = regex.compile(r"(?<=[\p{Han}\d》])\s+(?=[\p{Han}\d《]|[Pp]{1,2}\.?\s*\d)")


def _spaced_pieces(work: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of ``[start, end)`` split at the spaces :data:`_SPACED` finds; a role word
    standing alone closes the names before it (``亚当·斯密 著 郭大力 王亚南 译``: two pieces)."""
    out: list[tuple[int, int]] = []
    grouped = 0  # the pieces before this index belong to a closed name group
    at = start
    for m in [*_SPACED.finditer(work, start, end), None]:
        piece = (at, m.start() if m else end)
        at = m.end() if m else end
        if ROLE_END.fullmatch(work, *trim(work, *piece)) and len(out) > grouped:
            k = len(out)
            while k > max(grouped, len(out) - 4) and looks_like_names(
                work[slice(*trim(work, *out[k - 1]))]
            ):
                k -= 1
            if k < len(out):
                piece = (out[k][0], piece[1])
                del out[k:]
                grouped = k + 1
        out.append(piece)
    return out


def _set_act_date(d: Draft, act: regex.Match[str], offset: int) -> None:
    """The date of a law's act (``act`` matched the text at ``offset``): a making act
    (发布, 通过, 修订...) is the issued date; a coming-into-force date only when no other is read."""
    parts = [int(act.group("y")), int(act.group("m"))]
    if act.group("d"):
        parts.append(int(act.group("d")))
    if not 1 <= parts[1] <= 12 or len(parts) == 3 and not 1 <= parts[2] <= 31:
        return
    in_force = act.group("act") in ("施行", "实施", "生效")
    if d.has("issued") and (in_force or d.conf.get("issued", 0) >= 0.85):
        d.claim(offset + act.start(), offset + act.end())
        return
    end = offset + (act.end("d") + 1 if act.group("d") else act.end("m") + 1)
    d.set(
        "issued",
        {"date-parts": [parts]},
        offset + act.start("y"),
        end,
        0.85 if not in_force else 0.8,
    )
    d.claim(end, offset + act.end())


def _dated_acts(work: str, start: int, end: int) -> list[tuple[int, regex.Match[str]]]:
    """The dated acts of a bracket after a law's title, each with its offset, when every piece of
    the bracket is one (else none)."""
    acts = []
    for a, b in split_top(work, start, end, ",;"):
        a, b = trim(work, a, b)
        act = _DATED_ACT.match(work[a:b])
        if act is None:
            return []
        acts.append((a, act))
    return acts
