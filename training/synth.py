"""Synthetic labelled references: random CSL items rendered through many CSL styles, fields marked.

``synthesise(n, seed)`` returns ``n`` records ``{"text", "spans", "source"}`` in the format of
``training/data/*.jsonl``.  How:

1. Random CSL-JSON items (seeded): English and Chinese, every common type (journal articles,
   books, chapters, conference papers, theses, reports, web pages, newspaper articles, patents),
   names of every shape (initials, full given names, particles, suffixes, compound Chinese
   surnames, ``·`` transliterations, corporate names), subtitles, volume/issue/pages, DOIs, URLs.
2. Every text and number field is wrapped in invisible markers (plane-15 private-use characters,
   an opening and a closing one per label) and the items are rendered with
   ``citekit.renderer.render_bibliography`` through a fixed list of common styles plus a seeded
   sample of other installed CSL styles.  The markers survive rendering, so each field's span is
   known.  Names: each family name is marked; the name group's span is grown over the given
   names, initials, ``et al.``/``等`` around it.  Dates: the year (and a month name or day next to
   it) is found in the unmarked text.
3. Noise, with spans kept aligned: full-width/half-width punctuation swaps, dropped spaces after
   punctuation, words hyphenated across a line break, OCR-like confusions, numbering prefixes
   (also glued to the first field or malformed: ``15王明``, ``[7」``, ``[^2]: ``, ``* ``),
   and (for Chinese GB/T strings) the type code removed; then the noise of pasted text
   (``extraction_noise``): spaces inside Chinese words, broken URLs, markdown/HTML emphasis,
   mixed punctuation widths.

Half of the Chinese titles, journals, publishers, universities and names are real ones from
zotero-chinese/styles' example items (``data/zotero-chinese-vocab.json``, CC BY-SA 3.0).

``synthesise_en(n, seed)`` makes English items of the shapes the labeller reads worst (talks with
their meeting, reports and patents with their numbers, editions, series, editors; ``make_en_item``)
rendered through ACM, MLA, Harvard, APA and IEEE styles (``STYLES_EN_FOCUS``); ``--english`` here
writes them, ``train.py --synthetic-en`` reads them.
"""

from __future__ import annotations

import random
import re
from typing import Any

LABELS = [
    "author",
    "editor",
    "translator",
    "title",
    "container-title",
    "collection-title",
    "publisher",
    "location",
    "volume",
    "issue",
    "pages",
    "edition",
    "doi",
    "url",
    "genre",
    "isbn",
    "date",
    "identifier",  # a report's, working paper's or patent's number (CSL ``number``)
]
_OPEN = {lab: chr(0xF0000 + i) for i, lab in enumerate(LABELS)}
_CLOSE = {lab: chr(0xF0100 + i) for i, lab in enumerate(LABELS)}
_MARK = {v: ("open", k) for k, v in _OPEN.items()} | {v: ("close", k) for k, v in _CLOSE.items()}
_NAME_LABELS = ("author", "editor", "translator")

STYLES_EN = [
    "apa",
    "apa-6th-edition",
    "chicago-author-date",
    "chicago-notes-bibliography-17th-edition",
    "modern-language-association",
    "harvard-cite-them-right",
    "elsevier-harvard",
    "elsevier-vancouver",
    "elsevier-with-titles",
    "ieee",
    "nature",
    "american-chemical-society",
    "american-medical-association",
    "springer-basic-author-date",
    "springer-basic-brackets",
    "springer-lecture-notes-in-computer-science",
    "vancouver",
    "cell",
    "the-lancet",
    "bmj",
    "american-physics-society",
    "american-institute-of-physics",
    "american-political-science-association",
    "american-sociological-association",
    "mhra-notes",
    "mhra-author-date",
    "oscola",
    "iso690-author-date-en",
    "iso690-numeric-en",
    "council-of-science-editors",
    "association-for-computational-linguistics",
    "annual-review-of-linguistics",
    "royal-society-of-chemistry",
    "taylor-and-francis-chicago-author-date",
    "plos",
    "science",
    "pnas",
    "din-1505-2",
    "unified-style-sheet-for-linguistics",
    "optica",
]
STYLES_ZH = [
    "gbt7714-2015-numeric",
    "china-national-standard-gb-t-7714-2015-numeric",
    "china-national-standard-gb-t-7714-2015-author-date",
    "chinese-gb7714-2005-numeric",
    "chinese-gb7714-2005-author-date",
    "chinese-gb7714-1987-numeric",
]

_FAMILY = (
    "Smith Johnson Williams Brown Jones Miller Davis Garcia Rodriguez Wilson Martinez Anderson Taylor "
    "Thomas Hernandez Moore Martin Jackson Thompson White Lopez Lee Gonzalez Harris Clark Lewis Robinson "
    "Walker Perez Hall Young Allen Sanchez Wright King Scott Green Baker Adams Nelson Hill Campbell "
    "Mitchell Roberts Carter Phillips Evans Turner Torres Parker Collins Edwards Stewart Morris Murphy "
    "Cook Rogers Morgan Peterson Cooper Reed Bailey Bell Gomez Kelly Howard Ward Cox Diaz Richardson "
    "Wood Watson Brooks Bennett Gray James Reyes Cruz Hughes Price Myers Long Foster Sanders Ross Müller "
    "Schmidt Schneider Fischer Weber Dubois Lefèvre Rossi Russo Ferrari Nakamura Tanaka Suzuki Kim Park "
    "Nguyen Ivanov Kowalski Novak O'Brien McDonald Fitzgerald Alford Hartley Moore Osborne Stoker Keohane "
    "Zhang Wang Li Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Luo Gao Zheng Liang"
).split()
_GIVEN = (
    "James John Robert Michael William David Richard Joseph Thomas Charles Mary Patricia Jennifer Linda "
    "Elizabeth Barbara Susan Jessica Sarah Karen Anna Maria Hans Pierre Jean-Paul Marie-Claire Giovanni "
    "Hiroshi Yuki Ji-Won Wei Xiaoming Hui Jun Lei Ming Yan Peter Paul Mark Helen Laura Emma Olivia Noah "
    "Liam Ethan Sophia Isabella Mia Lucas Henry Alexander Daniel Matthew Andrew Christopher Kevin Brian"
).split()
_PARTICLE = ["van", "van der", "de", "de la", "von", "da", "di", "du", "le"]
_SUFFIX = ["Jr.", "Sr.", "III", "II"]
_CN_SURNAME = list(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
) + ["欧阳", "司马", "诸葛", "上官", "皇甫", "东方", "慕容", "尉迟", "令狐", "公孙"]
_CN_GIVEN = list(
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志文新春海林宇浩然子轩梓涵一诺欣怡思远晨曦嘉怡博文俊杰昊天晓东振华立新卫东"
)
_CN_TRANSLIT = [
    "马克·H.穆尔",
    "戴维·H.罗森布鲁姆",
    "约翰·罗尔斯",
    "卡尔·马克思",
    "米歇尔·福柯",
    "彼得·德鲁克",
    "阿马蒂亚·森",
    "罗伯特·D.帕特南",
    "安东尼·吉登斯",
    "尤尔根·哈贝马斯",
    "汉娜·阿伦特",
    "马克斯·韦伯",
]
_CORP_EN = [
    "World Health Organization",
    "National Research Council",
    "European Commission",
    "OECD",
    "U.S. Department of Energy",
    "Cabinet Office",
    "United Nations Development Programme",
    "American Psychological Association",
    "International Monetary Fund",
    "World Bank",
]
_CORP_ZH = [
    "国家统计局",
    "中华人民共和国国务院新闻办公室",
    "中国互联网络信息中心",
    "全国信息与文献标准化技术委员会",
    "中国社会科学院经济研究所",
    "国家知识产权局",
    "教育部高等教育司",
    "中华医学会",
]
_WORDS = (
    "analysis of the effect model data learning public value management network system theory approach "
    "study review evidence from china europe governance policy reform market social economic deep neural "
    "a an and for in on with under toward towards new framework empirical evaluation performance design "
    "control optimization structure dynamics role impact case health care clinical patients trial risk "
    "urban rural development growth innovation digital government services climate change water energy "
    "quantum cell protein gene expression human mouse cancer treatment outcomes survey history culture "
    "politics war power state law rights justice education learning students teachers language"
).split()
_STOP = {
    "a",
    "an",
    "and",
    "for",
    "in",
    "on",
    "with",
    "under",
    "of",
    "the",
    "from",
    "toward",
    "towards",
}
_CN_WORDS = (
    "公共 价值 治理 数字 政府 改革 研究 分析 基于 视角 路径 机制 创新 发展 影响 效应 实证 模型 中国 地方 "
    "服务 平台 企业 经济 社会 文化 历史 制度 逻辑 理论 框架 评价 体系 建设 政策 管理 组织 城市 农村 "
    "环境 生态 教育 技术 网络 数据 算法 医学 临床 患者 治疗 方法 系统 设计 优化 结构 水循环 流域 气候"
).split()
_JOURNAL_EN = [
    "Nature",
    "Science",
    "Journal of Applied Physics",
    "Public Administration Review",
    "The American Review of Public Administration",
    "Public Management Review",
    "Lancet",
    "N Engl J Med",
    "J. Am. Chem. Soc.",
    "Phys. Rev. Lett.",
    "Proceedings of the National Academy of Sciences",
    "Journal of Informetrics",
    "Scientometrics",
    "American Economic Review",
    "IEEE Transactions on Pattern Analysis and Machine Intelligence",
    "Journal of Policy Analysis and Management",
    "Governance",
    "World Development",
    "China Quarterly",
    "Journal of Chinese Political Science",
    "BMC Public Health",
    "PLoS ONE",
    "Cell",
    "Neuron",
    "Annual Review of Sociology",
    "Adv Neural Inf Process Syst",
    "J Clin Oncol",
    "Environ. Sci. Technol.",
]
_JOURNAL_ZH = [
    "中国行政管理",
    "管理世界",
    "经济研究",
    "中国社会科学",
    "社会学研究",
    "政治学研究",
    "公共管理学报",
    "浙江社会科学",
    "中华医学杂志",
    "科学通报",
    "北京大学学报(哲学社会科学版)",
    "清华大学学报(自然科学版)",
    "图书情报工作",
    "中国图书馆学报",
    "编辑学报",
    "地理学报",
    "计算机学报",
    "软件学报",
    "人民日报",
    "光明日报",
]
_PUBLISHER_EN = [
    ("Cambridge", "Cambridge University Press"),
    ("Oxford", "Oxford University Press"),
    ("New York", "Routledge"),
    ("London", "Sage"),
    ("Cambridge, MA", "Harvard University Press"),
    ("Princeton", "Princeton University Press"),
    ("Berlin", "Springer"),
    ("Amsterdam", "Elsevier"),
    ("Hoboken, NJ", "Wiley"),
    ("Chicago", "University of Chicago Press"),
    ("New York", "Penguin"),
    ("Boston", "Little, Brown and Company"),
    ("Washington, DC", "Brookings Institution Press"),
]
_PUBLISHER_ZH = [
    ("北京", "商务印书馆"),
    ("北京", "中国人民大学出版社"),
    ("上海", "上海人民出版社"),
    ("北京", "科学出版社"),
    ("北京", "社会科学文献出版社"),
    ("北京", "中华书局"),
    ("杭州", "浙江大学出版社"),
    ("北京", "北京大学出版社"),
    ("北京", "清华大学"),
    ("上海", "复旦大学"),
    ("南京", "南京大学出版社"),
    ("北京", "中国标准出版社"),
]
_UNIV_EN = [
    "Harvard University",
    "University of Oxford",
    "Stanford University",
    "University of California, Berkeley",
    "Peking University",
    "University of Tokyo",
]
_CONF = [
    "Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition",
    "Advances in Neural Information Processing Systems",
    "Proceedings of the 58th Annual Meeting of the Association for Computational Linguistics",
    "International Conference on Machine Learning",
    "Proceedings of the ACM SIGIR Conference",
    "第十届全国信息检索学术会议论文集",
]


def _load_vocab() -> dict[str, list[str]]:
    """Real titles, journals, publishers, universities and names from zotero-chinese/styles' example
    items (CC BY-SA 3.0; ``data/zotero-chinese-vocab.json``, made by ``zotero_vocab.py``)."""
    import json
    from pathlib import Path

    path = Path(__file__).parent / "data" / "zotero-chinese-vocab.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    # a nationality tag such as [德] is printed before the name, outside the author field
    data["name_zh"] = sorted(
        {re.sub(r"^[\[（(【].{1,3}?[\]）)】]\s*", "", n) for n in data["name_zh"]}
    )
    for key in ("publisher_zh", "publisher_en"):
        data[key] = [tuple(v.split("\t")) for v in data[key]]
    return data


VOCAB = _load_vocab()
REAL = 0.5  # share of Chinese fields drawn from the real vocabulary rather than made up


def _en_name(rng: random.Random) -> dict[str, str]:
    r = rng.random()
    if r < 0.04:
        return {"literal": rng.choice(_CORP_EN)}
    fam = rng.choice(_FAMILY)
    if r < 0.1:
        fam = rng.choice(_PARTICLE) + " " + fam
    given = rng.choice(_GIVEN)
    if rng.random() < 0.35:
        given += " " + rng.choice("ABCDEFGHJKLMNPRSTW") + "."
    if rng.random() < 0.25:
        given = " ".join(w[0] + "." for w in given.split())
    name = {"family": fam, "given": given}
    if rng.random() < 0.03:
        name["suffix"] = rng.choice(_SUFFIX)
    return name


def _zh_name(rng: random.Random) -> dict[str, str]:
    r = rng.random()
    if r < 0.05:
        return {"literal": rng.choice(_CORP_ZH if rng.random() < 0.5 else VOCAB["org_zh"])}
    if r < 0.12:
        return {"literal": rng.choice(_CN_TRANSLIT)}
    if r < 0.12 + REAL * 0.88:
        return {"literal": rng.choice(VOCAB["name_zh"])}
    return {
        "literal": rng.choice(_CN_SURNAME)
        + "".join(rng.choice(_CN_GIVEN) for _ in range(rng.choice((1, 2, 2))))
    }


def _names(rng: random.Random, zh: bool, k: int | None = None) -> list[dict[str, str]]:
    k = k or rng.choice((1, 1, 2, 2, 3, 3, 4, 5, 7))
    return [(_zh_name if zh and rng.random() < 0.97 else _en_name)(rng) for _ in range(k)]


def _en_title(rng: random.Random, lo: int = 3, hi: int = 12) -> str:
    if rng.random() < 0.3:
        return rng.choice(VOCAB["title_en"])
    words = [rng.choice(_WORDS) for _ in range(rng.randint(lo, hi))]
    words[0] = words[0].capitalize()
    if rng.random() < 0.5:
        words = [w if w in _STOP else w.capitalize() for w in words]
        words[0] = words[0].capitalize()
    title = " ".join(words)
    if rng.random() < 0.3:
        sub = [rng.choice(_WORDS) for _ in range(rng.randint(2, 6))]
        title += ": " + " ".join(sub).capitalize()
    if rng.random() < 0.05:
        title += "?"
    return title


def _zh_title(rng: random.Random) -> str:
    if rng.random() < REAL:
        return rng.choice(VOCAB["title_zh"])
    title = "".join(rng.choice(_CN_WORDS) for _ in range(rng.randint(3, 9)))
    r = rng.random()
    if r < 0.25:
        title += ":" + "".join(rng.choice(_CN_WORDS) for _ in range(rng.randint(2, 5)))
    elif r < 0.35:
        title += "——以" + rng.choice(["浙江", "上海", "深圳", "北京"]) + "为例"
    elif r < 0.42:
        title = "“" + rng.choice(_CN_WORDS) + rng.choice(_CN_WORDS) + "”" + title
    return title


def _pages(rng: random.Random) -> str:
    a = rng.randint(1, 2000)
    if rng.random() < 0.15:
        return str(a)
    return f"{a}-{a + rng.randint(1, 40)}"


def _publisher(rng: random.Random, zh: bool) -> tuple[str, str]:
    if rng.random() < REAL:
        return rng.choice(VOCAB["publisher_zh" if zh else "publisher_en"])
    return rng.choice(_PUBLISHER_ZH if zh else _PUBLISHER_EN)


def make_item(rng: random.Random, zh: bool, i: int) -> dict[str, Any]:
    typ = rng.choices(
        [
            "article-journal",
            "book",
            "chapter",
            "paper-conference",
            "thesis",
            "report",
            "webpage",
            "article-newspaper",
        ],
        weights=[40, 18, 10, 9, 5, 5, 6, 3],
    )[0]
    item: dict[str, Any] = {"id": f"s{i}", "type": typ, "language": "zh-CN" if zh else "en"}
    if rng.random() < 0.97:
        item["author"] = _names(rng, zh)
    item["title"] = _zh_title(rng) if zh and rng.random() < 0.9 else _en_title(rng)
    year = rng.randint(1950, 2026)
    date = [year]
    if typ in ("article-newspaper", "webpage") or rng.random() < 0.15:
        date += [rng.randint(1, 12)]
        if rng.random() < 0.6:
            date.append(rng.randint(1, 28))
    item["issued"] = {"date-parts": [date]}
    if typ == "article-journal":
        if rng.random() < REAL:
            item["container-title"] = rng.choice(VOCAB["journal_zh" if zh else "journal_en"])
        else:
            item["container-title"] = rng.choice(_JOURNAL_ZH[:-2] if zh else _JOURNAL_EN)
        if rng.random() < 0.85:
            item["volume"] = str(rng.randint(1, 120))
        if rng.random() < 0.75:
            item["issue"] = str(rng.randint(1, 12))
        if rng.random() < 0.9:
            item["page"] = _pages(rng)
    elif typ == "article-newspaper":
        item["container-title"] = rng.choice(
            _JOURNAL_ZH[-2:] if zh else ["The New York Times", "The Guardian", "Financial Times"]
        )
        item["page"] = str(rng.randint(1, 20))
    elif typ in ("book", "chapter", "report", "thesis"):
        place, pub = _publisher(rng, zh)
        if typ == "thesis":
            pub = rng.choice(VOCAB["university_zh"]) if zh else rng.choice(_UNIV_EN)
            item["genre"] = (
                rng.choice(["博士学位论文", "硕士学位论文"])
                if zh
                else rng.choice(["PhD thesis", "Doctoral dissertation", "Master's thesis"])
            )
        if typ == "report":
            pub = rng.choice(_CORP_ZH) if zh else rng.choice(_CORP_EN)
            if rng.random() < 0.5:
                item["number"] = f"{rng.choice(['WP', 'TR', 'No.'])} {rng.randint(1, 999)}"
        item["publisher"] = pub
        if rng.random() < 0.85:
            item["publisher-place"] = place
        if typ == "book" and rng.random() < 0.15:
            item["edition"] = str(rng.randint(2, 6))
        if typ == "book" and rng.random() < 0.1:
            item["translator"] = _names(rng, zh, rng.choice((1, 2)))
        if typ == "chapter":
            item["container-title"] = _zh_title(rng) if zh else _en_title(rng)
            item["editor"] = _names(rng, zh, rng.choice((1, 2, 3)))
            item["page"] = _pages(rng)
    elif typ == "paper-conference":
        item["container-title"] = rng.choice(_CONF)
        item["page"] = _pages(rng)
        if rng.random() < 0.5:
            item["publisher-place"], item["publisher"] = rng.choice(_PUBLISHER_EN)
    elif typ == "webpage":
        item["container-title"] = rng.choice(
            ["BBC News", "Wikipedia", "新华网", "The Conversation", "World Bank Blogs"]
        )
        item["URL"] = (
            f"https://www.example{rng.randint(1, 99)}.org/{rng.choice(_WORDS)}/{rng.randint(100, 99999)}.html"
        )
        item["accessed"] = {
            "date-parts": [[rng.randint(2015, 2026), rng.randint(1, 12), rng.randint(1, 28)]]
        }
    if typ in ("article-journal", "paper-conference", "chapter") and rng.random() < 0.35:
        item["DOI"] = (
            f"10.{rng.randint(1000, 99999)}/{rng.choice(['j', 's', 'a'])}.{rng.randint(2000, 2026)}.{rng.randint(1, 99999):05d}"
        )
    return item


_FIELD_LABEL = {
    "title": "title",
    "container-title": "container-title",
    "collection-title": "collection-title",
    "publisher": "publisher",
    "publisher-place": "location",
    "volume": "volume",
    "issue": "issue",
    "page": "pages",
    "edition": "edition",
    "DOI": "doi",
    "URL": "url",
    "genre": "genre",
    "number": "identifier",
    # the meeting a paper was given at: the corpora mark it as the container (AnyStyle) and the
    # parser's assembly makes it the event-title ("presented at …", "[Paper presentation]. …")
    "event": "container-title",
    "event-place": "location",
}


def mark(item: dict[str, Any]) -> dict[str, Any]:
    out = dict(item)
    for var, lab in _FIELD_LABEL.items():
        if var == "edition" and str(out.get(var, "")).isdigit():
            continue  # marked, a number would print as "3 ed." not "3rd ed.": found by ``unmark``
        if var in out:
            out[var] = _OPEN[lab] + str(out[var]) + _CLOSE[lab]
    for role in _NAME_LABELS:
        if role in out:
            names = []
            for n in out[role]:
                n = dict(n)
                key = "literal" if "literal" in n else "family"
                n[key] = _OPEN[role] + n[key] + _CLOSE[role]
                names.append(n)
            out[role] = names
    return out


_NAME_CHARS = re.compile(r"[\w.,\-&'’· ]")
_ELEMENT_END = re.compile(r"\w{3,}\.\s$")
_MONTH_WORD = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?", re.IGNORECASE
)


def unmark(text: str, item: dict[str, Any]) -> dict[str, Any] | None:
    """Rendered text with markers → ``{"text", "spans"}`` (None when markers are unbalanced)."""
    plain: list[str] = []
    opened: dict[str, int] = {}
    spans: list[list[Any]] = []
    for ch in text:
        m = _MARK.get(ch)
        if m is None:
            plain.append(ch)
            continue
        kind, lab = m
        if kind == "open":
            opened[lab] = len(plain)
        elif lab in opened:
            spans.append([lab, opened.pop(lab), len(plain)])
    s = "".join(plain)
    if opened or any(0xF0000 <= ord(c) <= 0xF01FF for c in s):
        return None
    # a numeric edition as printed ("3rd ed.", "3rd edn", "3. Aufl."), with its word, as the
    # corpora mark it (before the name groups grow, so that they stop at it)
    edition = str(item.get("edition", ""))
    if edition.isdigit():
        for m in re.finditer(
            rf"(?<![\w.]){edition}(?:st|nd|rd|th|\.)?\s*(?:ed(?:n|ition)?\b\.?|Aufl\.?)", s
        ):
            if not any(a <= m.start() < b or a < m.end() <= b for _, a, b in spans):
                spans.append(["edition", m.start(), m.end()])
                break
    # name groups: first to last marked name, grown over given names and initials around them
    merged: list[list[Any]] = []
    for role in _NAME_LABELS:
        parts = [sp for sp in spans if sp[0] == role]
        if not parts:
            continue
        a, b = min(p[1] for p in parts), max(p[2] for p in parts)
        others = [sp for sp in spans if sp[0] not in _NAME_LABELS]
        left = max([sp[2] for sp in others if sp[2] <= a] + [0])
        right = min([sp[1] for sp in others if sp[1] >= b] + [len(s)])
        while (
            a > left
            and _NAME_CHARS.match(s[a - 1])
            and not s[a - 1].isdigit()
            and not _ELEMENT_END.search(s[max(left, a - 6) : a])
        ):
            a -= 1
        while (
            b < right
            and _NAME_CHARS.match(s[b])
            and not s[b].isdigit()
            and not _ELEMENT_END.search(s[max(a, b - 5) : b + 1])
        ):
            b += 1
        seg = s[a:b]
        while (
            b > a
            and s[b - 1] == "."
            and not re.search(r"(?:\b[A-Za-z]|\bal|\beds?|\bJr|\bSr|\bInc|\bLtd|\bCo)\.$", s[a:b])
        ):
            b -= 1  # the full stop ends the element; after an initial or "et al." it is the name's
        lead = re.match(
            r"^[\s.,;:’”'\"]*(?:(?:[Ii]n|[Ee]dited by|[Ee]d\. by|[Tt]rans(?:lated)?\.? by|by|载|见)\b[\s:]*)?",
            seg,
        )
        a += lead.end() if lead else 0
        while b > a and s[b - 1] in " ,;:":
            b -= 1
        if b > a:
            merged.append([role, a, b])
    spans = [sp for sp in spans if sp[0] not in _NAME_LABELS] + merged
    # dates: the year (and a month name or a day beside it) outside every other span
    issued = (item.get("issued") or {}).get("date-parts", [[None]])[0]
    accessed = (item.get("accessed") or {}).get("date-parts", [[None]])[0]
    taken = [(sp[1], sp[2]) for sp in spans]
    for parts in (issued, accessed):
        if not parts or parts[0] is None:
            continue
        for m in re.finditer(rf"(?<!\d){parts[0]}(?!\d)", s):
            if any(a <= m.start() < b for a, b in taken):
                continue
            a, b = m.span()
            mm = re.match(
                r"[-/.]\d{1,2}(?:[-/.]\d{1,2})?|,?\s*(?:年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)",
                s[b : b + 12],
            )
            if mm:
                b += mm.end()
            mb = re.search(
                r"(?:\d{1,2}\s+)?" + _MONTH_WORD.pattern + r"(?:\s+\d{1,2},?)?\s*$",
                s[max(0, a - 16) : a],
            )
            if mb and len(parts) > 1:
                a = max(0, a - 16) + mb.start()
            ma = re.match(r",?\s*" + _MONTH_WORD.pattern + r"(?:\s+\d{1,2})?", s[b : b + 12])
            if ma and len(parts) > 1:
                b += ma.end()
            spans.append(["date", a, b])
            taken.append((a, b))
            break
    spans.sort(key=lambda sp: sp[1])
    return {"text": s, "spans": spans}


# -- Chinese house styles and reading lists (no CSL style renders these) -------------------------


def _build(parts: list[tuple[str | None, str]]) -> dict[str, Any]:
    text = ""
    spans = []
    for lab, piece in parts:
        if lab and piece:
            spans.append([lab, len(text), len(text) + len(piece)])
        text += piece
    return {"text": text, "spans": spans}


def zh_template(rng: random.Random) -> dict[str, Any]:
    """A Chinese reference in one of the 《》 house styles or as a plain comma-separated reading list."""
    names = [_zh_name(rng)["literal"] for _ in range(rng.choice((1, 1, 2, 2, 3, 4)))]
    sep = rng.choice(["、", "，", ", ", "、"])
    authors = sep.join(names) + (rng.choice(["等", " 等"]) if rng.random() < 0.1 else "")
    role = rng.choice(["", "", "", "著", " 著", "主编", "编"])
    c = rng.choice(["，", ",", "，"])
    colon = rng.choice(["：", ":"])
    title = _zh_title(rng)
    year = str(rng.randint(1950, 2026))
    place, pub = _publisher(rng, True)
    journal = rng.choice(VOCAB["journal_zh"] if rng.random() < REAL else _JOURNAL_ZH[:-2])
    issue = str(rng.randint(1, 12))
    page = str(rng.randint(1, 600))
    pages = f"{page}{rng.choice(['-', '—', '～', '~'])}{int(page) + rng.randint(1, 30)}"
    end = rng.choice(["。", ".", ""])
    t = rng.randrange(9)
    if t == 0:  # reading list: 作者 著，书名，出版社，年份
        parts = [
            ("author", authors),
            (None, role + c),
            ("title", title),
            (None, c),
            ("publisher", pub),
            (None, rng.choice([c, ". ", "，"])),
            ("date", year),
            (None, end),
        ]
    elif t == 1:
        parts = [
            ("author", authors),
            (None, role + colon + "《"),
            ("title", title),
            (None, "》" + c),
            ("publisher", pub),
            ("date", year),
            (None, "年版"),
        ]
        if rng.random() < 0.6:
            parts += [(None, c + "第"), ("pages", page), (None, "页")]
        parts.append((None, end))
    elif t == 2:
        parts = [
            ("author", authors),
            (None, colon + "《"),
            ("title", title),
            (None, "》" + c + "《"),
            ("container-title", journal),
            (None, "》" + rng.choice(["", c])),
            ("date", year),
            (None, "年第"),
            ("issue", issue),
            (None, "期" + end),
        ]
    elif t == 3:
        parts = [
            ("author", authors),
            (None, c + "“"),
            ("title", title),
            (None, "”" + c + "《"),
            ("container-title", journal),
            (None, "》" + c),
            ("date", year),
            (None, "年第"),
            ("issue", issue),
            (None, "期" + c),
            ("pages", pages),
            (None, "页" + end),
        ]
    elif t == 4:
        editors = sep.join(_zh_name(rng)["literal"] for _ in range(rng.choice((1, 2))))
        parts = [
            ("author", authors),
            (None, colon + "《"),
            ("title", title),
            (None, "》" + c + "载"),
            ("editor", editors),
            (None, "主编" + colon + "《"),
            ("container-title", _zh_title(rng)),
            (None, "》" + c),
            ("publisher", pub),
            ("date", year),
            (None, "年版" + c + "第"),
            ("pages", pages),
            (None, "页" + end),
        ]
    elif t == 5:
        parts = [
            ("author", authors),
            (None, colon + "《"),
            ("title", title),
            (None, "》" + c),
            ("location", place),
            (None, colon),
            ("publisher", pub),
            (None, c),
            ("date", year),
            (None, rng.choice(["年", ""]) + end),
        ]
    elif t == 6:
        univ = rng.choice(
            ["北京大学", "清华大学", "中国人民大学", "浙江大学", "中国社会科学院研究生院"]
        )
        parts = [
            ("author", authors),
            (None, colon + "《"),
            ("title", title),
            (None, "》" + c),
            ("publisher", univ),
            ("date", year),
            (None, "年"),
            ("genre", rng.choice(["博士学位论文", "硕士学位论文"])),
            (None, end),
        ]
    elif t == 7:
        paper = rng.choice(["人民日报", "光明日报", "经济日报", "法制日报"])
        parts = [
            ("author", authors),
            (None, colon + "《"),
            ("title", title),
            (None, "》" + c + "《"),
            ("container-title", paper),
            (None, "》"),
            ("date", f"{year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"),
            (None, c + "第"),
            ("pages", str(rng.randint(1, 16))),
            (None, "版" + end),
        ]
    else:  # translated book: [美]作者:《书名》,译者译,出版社2016年版
        trans = _zh_name(rng)["literal"]
        parts = [
            (None, rng.choice(["", "[美]", "（英）", "[德]"])),
            ("author", rng.choice(_CN_TRANSLIT)),
            (None, colon + "《"),
            ("title", title),
            (None, "》" + c),
            ("translator", trans),
            (None, "译" + c),
            ("publisher", pub),
            ("date", year),
            (None, "年版" + end),
        ]
    return _build(parts)


def _given_first(rng: random.Random) -> str:
    n = _en_name(rng)
    if "literal" in n:
        return n["literal"]
    return f"{n['given']} {n['family']}" + (f" {n['suffix']}" if "suffix" in n else "")


_MONTHS = [
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
]


def en_template(rng: random.Random) -> dict[str, Any]:
    """English references in note styles (given name first), as Chinese journals and law reviews print them."""
    k = rng.choice((1, 1, 1, 2, 2, 3))
    people = [_given_first(rng) for _ in range(k)]
    authors = (
        people[0]
        if k == 1
        else ", ".join(people[:-1]) + rng.choice([" and ", ", and ", " & "]) + people[-1]
    )
    title = _en_title(rng)
    q = rng.choice([("“", ",”"), ("“", "”,"), ('"', ',"'), ("‘", "’,")])
    journal = rng.choice(_JOURNAL_EN)
    place, pub = rng.choice(_PUBLISHER_EN)
    year = str(rng.randint(1950, 2026))
    vol, iss = str(rng.randint(1, 90)), str(rng.randint(1, 12))
    a = rng.randint(1, 900)
    pages = f"{a}{rng.choice(['-', '–'])}{a + rng.randint(1, 40)}"
    pp = rng.choice(["pp.", "pp. ", "p. ", ""])
    t = rng.randrange(7)
    if t == 0:
        parts = [
            ("author", authors),
            (None, ", " + q[0]),
            ("title", title),
            (None, q[1] + " "),
            ("container-title", journal),
            (None, rng.choice([", Vol.", ", Vol. ", ", vol. "])),
            ("volume", vol),
            (None, rng.choice([", No.", ", No. ", ", no. "])),
            ("issue", iss),
            (None, ", "),
            ("date", year),
            (None, ", " + pp),
            ("pages", pages),
            (None, "."),
        ]
    elif t == 1:
        parts = [
            ("author", authors),
            (None, ", "),
            ("title", title),
            (None, ", "),
            ("location", place),
            (None, ": "),
            ("publisher", pub),
            (None, ", "),
            ("date", year),
        ]
        if rng.random() < 0.5:
            parts += [(None, ", " + pp), ("pages", str(a))]
        parts.append((None, "."))
    elif t == 2:
        eds = _given_first(rng)
        parts = [
            ("author", authors),
            (None, ", " + q[0]),
            ("title", title),
            (None, q[1] + " in "),
            ("editor", eds),
            (None, rng.choice([", ed., ", " ed., ", " (ed.), "])),
            ("container-title", _en_title(rng)),
            (None, ", "),
            ("location", place),
            (None, ": "),
            ("publisher", pub),
            (None, ", "),
            ("date", year),
            (None, ", " + pp),
            ("pages", pages),
            (None, "."),
        ]
    elif t == 3:
        paper = rng.choice(
            [
                "The New York Times",
                "Wall Street Journal",
                "Washington Post",
                "The Guardian",
                "Financial Times",
            ]
        )
        parts = [
            ("author", authors),
            (None, ", " + q[0]),
            ("title", title),
            (None, q[1] + " "),
            ("container-title", paper),
            (None, ", "),
            ("date", f"{rng.choice(_MONTHS)} {rng.randint(1, 28)}, {year}"),
            (None, "."),
        ]
    elif t == 4:
        parts = [
            ("author", authors),
            (None, ", " + q[0]),
            ("title", title),
            (None, q[1] + " "),
            ("container-title", journal),
            (None, " "),
            ("volume", vol),
            (None, ", no. "),
            ("issue", iss),
            (None, " ("),
            ("date", year),
            (None, "): "),
            ("pages", pages),
            (None, "."),
        ]
    elif t == 5:  # OSCOLA
        parts = [
            ("author", authors),
            (None, ", ‘"),
            ("title", title),
            (None, "’ ("),
            ("date", year),
            (None, ") "),
            ("volume", vol),
            (None, " "),
            ("container-title", journal),
            (None, " "),
            ("pages", str(a)),
        ]
    else:
        parts = [
            ("author", authors),
            (None, ", "),
            ("title", title),
            (None, " ("),
            ("publisher", pub),
            (None, " "),
            ("date", year),
            (None, ")"),
        ]
    return _build(parts)


# -- noise -------------------------------------------------------------------------------------

_WIDTH = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", ".": "．"}
_OCR = {"l": "1", "O": "0", "o": "0", "I": "l", "rn": "m", "e": "c", "5": "S", "1": "l"}


def _rewrite(rec: dict[str, Any], fn) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """Apply ``fn(i, ch) -> str`` to every character, keeping the spans aligned."""
    text = rec["text"]
    pos = [0] * (len(text) + 1)
    out: list[str] = []
    n = 0
    for i, ch in enumerate(text):
        pos[i] = n
        rep = fn(i, ch)
        out.append(rep)
        n += len(rep)
    pos[len(text)] = n
    spans = []
    for lab, a, b in rec["spans"]:
        na, nb = pos[a], pos[b]
        if nb > na:
            spans.append([lab, na, nb])
    return {"text": "".join(out), "spans": spans}


def add_noise(rec: dict[str, Any], rng: random.Random, zh: bool) -> dict[str, Any]:
    text = rec["text"]
    if (
        zh and rng.random() < 0.5
    ):  # Chinese lists print full-width punctuation, often without spaces
        rec = _rewrite(
            rec, lambda i, ch: _WIDTH.get(ch, ch) if ch in ",:;()" and rng.random() < 0.9 else ch
        )
    elif rng.random() < 0.2:  # English references inside Chinese lists: full-width commas, often
        rec = _rewrite(
            rec, lambda i, ch: _WIDTH.get(ch, ch) if ch in ",:;()" and rng.random() < 0.5 else ch
        )
    if rng.random() < 0.25:  # spaces dropped after punctuation
        text = rec["text"]
        rec = _rewrite(
            rec,
            lambda i, ch: (
                "" if ch == " " and i and text[i - 1] in ",.:;" and rng.random() < 0.8 else ch
            ),
        )
    if rng.random() < 0.1:  # a word hyphenated across a line break
        text = rec["text"]
        cands = [
            i
            for i in range(2, len(text) - 2)
            if text[i - 1].isalpha() and text[i].isalpha() and text[i].islower()
        ]
        if cands:
            k = rng.choice(cands)
            rec = _rewrite(rec, lambda i, ch: ("- " + ch) if i == k else ch)
    if rng.random() < 0.08:  # OCR-like confusions
        rec = _rewrite(rec, lambda i, ch: _OCR.get(ch, ch) if rng.random() < 0.02 else ch)
    if rng.random() < 0.3 and not any(
        sp[0] == "citation-number" for sp in rec["spans"]
    ):  # a numbering prefix
        n = rng.randint(1, 150)
        prefix = rng.choice(
            [f"[{n}] ", f"[{n}]", f"{n}. ", f"{n}.", f"({n}) ", f"{n}) "]
            # glued to the first field and list markup, as pasted lists print them
            + [f"{n}", f"[{n}」", f"［{n}］", f"[^{n}]: ", "* ", "- ", f"{n}、", f"（{n}）"]
        )
        spans = [[lab, a + len(prefix), b + len(prefix)] for lab, a, b in rec["spans"]]
        num = re.search(r"\d+", prefix)
        if num:
            spans.insert(0, ["citation-number", num.start(), num.end()])
        rec = {"text": prefix + rec["text"], "spans": spans}
    return extraction_noise(rec, rng, zh)


_URL_LABELS = ("url", "doi")
_EMPHASIS = [("*", "*"), ("**", "**"), ("_", "_"), ("<i>", "</i>"), ("<em>", "</em>")]


def extraction_noise(rec: dict[str, Any], rng: random.Random, zh: bool) -> dict[str, Any]:
    """The noise of text pasted from PDFs, web pages and Markdown (issue 10, item 3): spaces inside
    Chinese words, URLs and DOIs broken by a space, markdown/HTML emphasis around a title or a
    volume, a mix of full- and half-width punctuation.  Spans stay aligned; emphasis marks stay
    outside the field they wrap."""
    text = rec["text"]
    if zh and rng.random() < 0.15:  # PDF extraction: a space between two Han characters
        han = [
            i
            for i in range(1, len(text))
            if "\u4e00" <= text[i] <= "\u9fff" and "\u4e00" <= text[i - 1] <= "\u9fff"
        ]
        cut = set(rng.sample(han, min(len(han), rng.randint(1, 3))))
        rec = _rewrite(rec, lambda i, ch: (" " + ch) if i in cut else ch)
    if rng.random() < 0.3:  # a URL or DOI broken by a space (line wrap in the PDF)
        spans = [sp for sp in rec["spans"] if sp[0] in _URL_LABELS and sp[2] - sp[1] > 12]
        if spans:
            _, a, b = rng.choice(spans)
            k = rng.randint(a + 8, b - 2)
            rec = _rewrite(rec, lambda i, ch: (" " + ch) if i == k else ch)
    if rng.random() < 0.06:  # markdown or HTML emphasis around one field
        spans = [
            sp for sp in rec["spans"] if sp[0] in ("title", "container-title", "volume", "author")
        ]
        if spans:
            _, a, b = rng.choice(spans)
            left, right = rng.choice(_EMPHASIS)
            rec = _rewrite(
                rec, lambda i, ch: left + ch if i == a else (ch + right if i == b - 1 else ch)
            )
            # the marks are outside the field
            rec["spans"] = [
                [lab, x + len(left), y - len(right)]
                if (x, y) == (a, b + len(left) + len(right))
                else [lab, x, y]
                for lab, x, y in rec["spans"]
            ]
    if zh and rng.random() < 0.15:  # half- and full-width punctuation mixed in one string
        swap = {**_WIDTH, **{v: k for k, v in _WIDTH.items()}, "。": ".", "“": '"', "”": '"'}
        rec = _rewrite(rec, lambda i, ch: swap.get(ch, ch) if rng.random() < 0.3 else ch)
    # a space put before a field's first character is a separator, not part of the field
    text = rec["text"]
    spans = []
    for lab, a, b in rec["spans"]:
        while a < b and text[a] == " ":
            a += 1
        if b > a:
            spans.append([lab, a, b])
    return {**rec, "spans": spans}


_TYPE_CODE = re.compile(r"\[(?:J|M|C|D|N|R|S|P|EB|DB|Z|G|A)(?:/OL)?\](?://)?")


def drop_type_codes(rec: dict[str, Any]) -> dict[str, Any]:
    text = rec["text"]
    cut = set()
    for m in _TYPE_CODE.finditer(text):
        cut.update(range(m.start(), m.end() - (2 if m.group().endswith("//") else 0)))
    return _rewrite(rec, lambda i, ch: "" if i in cut else ch)


def render_marked(items: list[dict[str, Any]], style: str) -> list[tuple[dict, dict[str, Any]]]:
    """Render ``items`` through ``style`` with every field marked; ``(item, record)`` for each entry
    whose markers survive, the renderer's own numbering label marked as a citation number.
    Raises what the renderer raises."""
    from citekit.renderer import render_bibliography

    rendered = render_bibliography([mark(it) for it in items], style)
    by_id = {it["id"]: it for it in items}
    out = []
    for entry in rendered:
        item = by_id.get(entry.id)
        if item is None or entry.error:
            continue
        rec = unmark(entry.text, item)
        if rec is None or not rec["spans"]:
            continue
        m = re.match(r"^\s*(?:\[\d+\]|\d+\.|\(\d+\)|\d+(?=\s))\s*", rec["text"])
        if m:
            num = re.search(r"\d+", m.group())
            rec["spans"].insert(0, ["citation-number", num.start(), num.end()])
        out.append((item, rec))
    return out


def synthesise(n: int, seed: int = 1) -> list[dict[str, Any]]:
    from citekit.renderer import available_styles

    rng = random.Random(seed)
    installed = set(available_styles())
    en_styles = [s for s in STYLES_EN if s in installed]
    extra = sorted(installed - set(en_styles) - set(STYLES_ZH))
    en_styles += rng.sample(extra, min(60, len(extra)))
    zh_styles = [s for s in STYLES_ZH if s in installed]
    out: list[dict[str, Any]] = []
    batch = 20
    i = 0
    failures = 0
    while len(out) < n and failures < 200:
        if rng.random() < 0.06:  # English note styles (given names first)
            for _ in range(batch):
                rec = add_noise(en_template(rng), rng, False)
                rec["source"] = "synthetic:en-template"
                out.append(rec)
            continue
        if rng.random() < 0.08:  # Chinese house styles and reading lists, in batches like the rest
            for _ in range(batch):
                rec = add_noise(zh_template(rng), rng, True)
                rec["source"] = "synthetic:zh-template"
                out.append(rec)
            continue
        zh = rng.random() < 0.4
        style = rng.choice(zh_styles if zh and rng.random() < 0.85 else en_styles)
        items = [make_item(rng, zh, i + k) for k in range(batch)]
        i += batch
        try:
            pairs = render_marked(items, style)
        except Exception:
            failures += 1
            continue
        for _item, rec in pairs:
            if zh and rng.random() < 0.3:
                rec = drop_type_codes(rec)
            rec = add_noise(rec, rng, zh)
            rec["source"] = f"synthetic:{style}"
            out.append(rec)
    return out[:n]


# -- English shapes the labeller reads worst ------------------------------------------------------
# The styles of English lists where the parser is weakest (ACM, MLA, Harvard, APA 7, IEEE) and the
# fields they print that ``make_item`` rarely or never makes: proceedings with editors and series,
# papers given at a meeting (the event), report and working-paper numbers with their genre,
# patents, editions, edited books and book series.  ``synthesise_en`` renders only these, into a
# second frozen file (``SYNTHETIC_EN``), so the main synthetic set stays as it was.

STYLES_EN_FOCUS = [
    "association-for-computing-machinery",
    "acm-sig-proceedings",
    "acm-sigchi-proceedings",
    "modern-language-association",
    "modern-language-association-no-url",
    "harvard-cite-them-right",
    "harvard-cite-them-right-10th-edition",
    "harvard-anglia-ruskin-university",
    "harvard-limerick",
    "harvard-university-of-westminster",
    "harvard-manchester-metropolitan-university",
    "elsevier-harvard",
    "apa",
    "apa-no-ampersand",
    "ieee",
    "ieee-transactions-on-medical-imaging",
]
_ORDINAL = ["1st", "2nd", "3rd"] + [f"{k}th" for k in range(4, 21)] + ["21st", "22nd", "23rd"]
_ORDINAL_WORD = (
    "First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth Eleventh Twelfth".split()
)
_CONF_ORG = [
    "ACM",
    "IEEE",
    "ACM SIGCHI",
    "ACM SIGPLAN",
    "USENIX",
    "AAAI",
    "IEEE/CVF",
    "ACM/IEEE",
    "ACL",
    "SIAM",
    "",
]
_CONF_KIND = [
    "Conference",
    "International Conference",
    "Symposium",
    "International Symposium",
    "Workshop",
    "Annual Conference",
]
_CONF_TOPIC = [
    "Human Factors in Computing Systems",
    "Computer Vision and Pattern Recognition",
    "Software Engineering",
    "Knowledge Discovery and Data Mining",
    "Programming Language Design and Implementation",
    "Management of Data",
    "Computer and Communications Security",
    "Robotics and Automation",
    "Learning Analytics and Knowledge",
    "Empirical Methods in Natural Language Processing",
    "World Wide Web",
    "Operating Systems Principles",
    "Intelligent User Interfaces",
    "Information and Knowledge Management",
    "Artificial Intelligence",
    "Discrete Algorithms",
    "Research and Development in Information Retrieval",
    "Embedded Networked Sensor Systems",
]
_EVENT_ORG = [
    "American Educational Research Association",
    "American Sociological Association",
    "Society for Neuroscience",
    "Modern Language Association",
    "American Political Science Association",
    "International Communication Association",
    "Academy of Management",
    "British Educational Research Association",
    "American Anthropological Association",
    "Society for Research in Child Development",
    "American Economic Association",
]
_EVENT_GENRE = [
    "Paper presentation",
    "Paper presented",
    "Conference presentation",
    "Poster presentation",
    "Keynote address",
    "Conference session",
    "Symposium",
    "Lecture",
]
_PLACE_EN = [
    "New York, NY",
    "Boston, MA",
    "San Francisco, CA",
    "Chicago, IL",
    "Washington, DC",
    "London",
    "Montréal, QC",
    "Vancouver, BC",
    "Seattle, WA",
    "Honolulu, HI",
    "Glasgow, UK",
    "Denver, CO",
    "Philadelphia, PA",
    "Toronto",
    "Sydney",
    "Berlin",
    "Paris",
    "Singapore",
]
_REPORT_GENRE = [
    "Technical Report",
    "Tech. Rep.",
    "Working Paper",
    "Research Report",
    "Discussion Paper",
    "Policy Brief",
    "Technical Memorandum",
    "White paper",
    "Occasional Paper",
]
_REPORT_ISSUER = [
    ("Cambridge, MA", "National Bureau of Economic Research"),
    ("Santa Monica, CA", "RAND Corporation"),
    ("Stanford, CA", "Stanford University"),
    ("Pittsburgh, PA", "Carnegie Mellon University"),
    ("Redmond, WA", "Microsoft Research"),
    ("Washington, DC", "World Bank"),
    ("Geneva", "World Health Organization"),
    ("Paris", "OECD Publishing"),
    ("Washington, DC", "Congressional Research Service"),
    ("Berkeley, CA", "University of California, Berkeley"),
    ("Cambridge", "University of Cambridge Computer Laboratory"),
    ("Golden, CO", "National Renewable Energy Laboratory"),
    ("Washington, DC", "International Monetary Fund"),
    ("London", "Institute for Fiscal Studies"),
]
_SERIES = [
    "Lecture Notes in Computer Science",
    "Lecture Notes in Mathematics",
    "Springer Series in Statistics",
    "Cambridge Studies in Linguistics",
    "Oxford Studies in Philosophy of Science",
    "Advances in Experimental Medicine and Biology",
    "Graduate Texts in Mathematics",
    "Routledge Studies in Economics",
    "Methods in Molecular Biology",
    "ACM Books",
]


def _conference(rng: random.Random) -> tuple[str, str]:
    """A proceedings title and its meeting's name."""
    org = rng.choice(_CONF_ORG)
    topic = rng.choice(_CONF_TOPIC)
    kind = rng.choice(_CONF_KIND)
    acro = "".join(w[0] for w in topic.split() if w[0].isupper())
    year = rng.randint(1995, 2025)
    event = " ".join(w for w in (org, kind, "on", topic) if w)
    r = rng.random()
    if r < 0.3:
        event = f"{rng.choice(_ORDINAL)} {event}"
    elif r < 0.45:
        event = f"{year} {event}"
    if rng.random() < 0.4:
        event += f" ({acro} {year})" if rng.random() < 0.5 else f" ({acro} '{year % 100:02d})"
    lead = rng.choice(["Proceedings of the ", "Proceedings of the ", "Proc. ", ""])
    return lead + event, event


def _report_number(rng: random.Random) -> str:
    return rng.choice(
        [
            f"{rng.randint(1000, 32000)}",
            f"TR-{rng.randint(1995, 2025)}-{rng.randint(1, 99):02d}",
            f"MSR-TR-{rng.randint(2000, 2025)}-{rng.randint(1, 120)}",
            f"CMU-CS-{rng.randint(90, 99)}-{rng.randint(100, 199)}",
            f"UCB/EECS-{rng.randint(2005, 2025)}-{rng.randint(1, 200)}",
            f"RR-{rng.randint(100, 4000)}",
            f"No. {rng.randint(1, 999)}",
            f"{rng.randint(1, 40)}/{rng.randint(1, 300)}",
            f"NREL/TP-{rng.randint(5000, 7000)}-{rng.randint(10000, 90000)}",
        ]
    )


def _patent_number(rng: random.Random) -> str:
    n = rng.randint(3_000_000, 11_999_999)
    return rng.choice(
        [
            f"U.S. Patent {n:,}",
            f"US {n:,}",
            f"US{n}B{rng.randint(1, 2)}",
            f"US Patent {n}",
            f"U.S. Patent No. {n:,}",
            f"EP {rng.randint(100000, 3999999)} A{rng.randint(1, 3)}",
            f"WO {rng.randint(1990, 2025)}/{rng.randint(1, 199999):06d}",
            f"US {rng.randint(2001, 2025)}/{rng.randint(1, 999999):07d} A1",
        ]
    )


def _edition(rng: random.Random) -> str:
    if rng.random() < 0.75:
        return str(rng.randint(2, 9))  # printed "2nd ed.", "2nd edn", "2nd edition"
    return rng.choice(["Revised", "2nd rev.", "Expanded", "Second", "Third", "Anniversary"])


def _en_person(rng: random.Random) -> dict[str, str]:
    """A person's name: lists name an organisation alone, not among people."""
    while True:
        name = _en_name(rng)
        if "literal" not in name:
            return name


EN_KINDS = {  # kind of item: how often make_en_item makes it (the rare shapes only: adding
    # journal articles and proceedings as well cost more on the development set, see README.md)
    "presentation": 20,
    "report": 30,
    "patent": 10,
    "book": 25,
    "chapter": 15,
}


def make_en_item(rng: random.Random, i: int, kinds: dict[str, int] | None = None) -> dict[str, Any]:
    """A random English item of the shapes ``STYLES_EN_FOCUS`` print and ``make_item`` lacks."""
    kinds = kinds or EN_KINDS
    typ = rng.choices(list(kinds), weights=list(kinds.values()))[0]
    item: dict[str, Any] = {"id": f"e{i}", "language": "en"}
    k = rng.choice((1, 1, 2, 2, 3, 3, 4, 5, 6, 8))
    item["author"] = [_en_person(rng) for _ in range(k)]
    item["title"] = _en_title(rng)
    year = rng.randint(1960, 2026)
    date = [year]
    if typ in ("presentation", "patent") or rng.random() < 0.12:
        date.append(rng.randint(1, 12))
        if rng.random() < 0.6:
            date.append(rng.randint(1, 28))
    item["issued"] = {"date-parts": [date]}
    if typ == "proceedings":
        item["type"] = "paper-conference"
        item["container-title"], event = _conference(rng)
        if rng.random() < 0.3:
            item["event"] = event
        if rng.random() < 0.3:
            item["event-place"] = rng.choice(_PLACE_EN)
        if rng.random() < 0.35:
            item["editor"] = [_en_person(rng) for _ in range(rng.choice((1, 2, 2, 3, 4)))]
        if rng.random() < 0.2:
            item["collection-title"] = rng.choice(_SERIES[:3])
            item["volume"] = str(rng.randint(100, 14000))
        if rng.random() < 0.6:
            item["publisher-place"], item["publisher"] = rng.choice(
                [
                    ("New York, NY", "ACM"),
                    ("Piscataway, NJ", "IEEE"),
                    ("Cham", "Springer"),
                    ("Berkeley, CA", "USENIX Association"),
                    ("Stroudsburg, PA", "Association for Computational Linguistics"),
                ]
            )
        if rng.random() < 0.8:
            item["page"] = _pages(rng)
    elif typ == "presentation":
        item["type"] = rng.choice(["paper-conference", "speech"])
        item["event"] = (
            f"{rng.choice(['Annual Meeting of the', 'Annual Conference of the', 'Annual Convention of the', ''])} "
            f"{rng.choice(_EVENT_ORG)}"
        ).strip()
        if rng.random() < 0.3:
            item["event"] = f"{rng.choice(_ORDINAL)} {item['event']}"
        item["genre"] = rng.choice(_EVENT_GENRE)
        if rng.random() < 0.8:
            item["event-place"] = rng.choice(_PLACE_EN)
    elif typ == "report":
        item["type"] = "report"
        place, pub = rng.choice(_REPORT_ISSUER)
        item["publisher"] = pub
        if rng.random() < 0.6:
            item["publisher-place"] = place
        if rng.random() < 0.85:
            item["genre"] = rng.choice(_REPORT_GENRE)
        if rng.random() < 0.85:
            item["number"] = _report_number(rng)
        if rng.random() < 0.15:
            item["collection-title"] = rng.choice(
                [
                    "NBER Working Paper Series",
                    "Policy Research Working Paper",
                    "IZA Discussion Papers",
                ]
            )
        if rng.random() < 0.1:
            item["author"] = [{"literal": rng.choice(_CORP_EN)}]
        if rng.random() < 0.2:
            item["URL"] = (
                f"https://www.{rng.choice(['nber', 'rand', 'worldbank', 'oecd'])}.org/{rng.choice(_WORDS)}/{rng.randint(100, 99999)}"
            )
    elif typ == "patent":
        item["type"] = "patent"
        item["number"] = _patent_number(rng)
        if rng.random() < 0.3:
            item["authority"] = rng.choice(
                ["U.S. Patent and Trademark Office", "European Patent Office"]
            )
    elif typ == "book":
        item["type"] = "book"
        item["publisher-place"], item["publisher"] = _publisher(rng, False)
        if rng.random() < 0.08:  # an edited book (rare in lists: more reads authors as editors)
            item["editor"] = [_en_person(rng) for _ in range(rng.choice((1, 2, 3)))]
            del item["author"]
        if rng.random() < 0.55:
            item["edition"] = _edition(rng)
        if rng.random() < 0.25:
            item["collection-title"] = rng.choice(_SERIES)
            if rng.random() < 0.5:
                item["collection-number"] = str(rng.randint(1, 400))
        if rng.random() < 0.12:
            item["translator"] = [_en_person(rng) for _ in range(rng.choice((1, 2)))]
    elif typ == "chapter":
        item["type"] = "chapter"
        item["container-title"] = _en_title(rng)
        item["editor"] = [_en_person(rng) for _ in range(rng.choice((1, 2, 2, 3, 4)))]
        item["publisher-place"], item["publisher"] = _publisher(rng, False)
        if rng.random() < 0.85:
            item["page"] = _pages(rng)
        if rng.random() < 0.3:
            item["edition"] = _edition(rng)
    elif typ == "article-journal":
        item["type"] = "article-journal"
        item["container-title"] = rng.choice(
            VOCAB["journal_en"] if rng.random() < REAL else _JOURNAL_EN
        )
        item["volume"] = str(rng.randint(1, 120))
        if rng.random() < 0.8:
            item["issue"] = str(rng.randint(1, 12))
        if rng.random() < 0.85:
            item["page"] = _pages(rng)
        elif rng.random() < 0.7:
            item["number"] = str(rng.randint(1, 999999))  # an article number
    else:
        item["type"] = "thesis"
        item["publisher"] = rng.choice(_UNIV_EN + [p for _, p in _REPORT_ISSUER if "Univ" in p])
        item["genre"] = rng.choice(
            [
                "PhD thesis",
                "Doctoral dissertation",
                "Master's thesis",
                "Ph.D. dissertation",
                "MSc thesis",
            ]
        )
        if rng.random() < 0.5:
            item["publisher-place"] = rng.choice(_PLACE_EN)
    if typ in ("proceedings", "chapter", "article-journal", "report") and rng.random() < 0.35:
        item["DOI"] = (
            f"10.{rng.randint(1000, 99999)}/{rng.choice(['3290605', 'j', 's', 'nber'])}.{rng.randint(2000, 2026)}.{rng.randint(1, 99999):05d}"
        )
    return item


_STRAY_MARK = re.compile(r"\s[.,;:](?:\s|$)")


def synthesise_en(
    n: int,
    seed: int = 1,
    *,
    styles: list[str] | None = None,
    kinds: dict[str, int] | None = None,
) -> list[dict[str, Any]]:
    """``n`` English records of :func:`make_en_item`'s shapes rendered through ``styles``
    (default ``STYLES_EN_FOCUS``)."""
    from citekit.renderer import available_styles

    rng = random.Random(seed)
    installed = set(available_styles())
    styles = [s for s in (styles or STYLES_EN_FOCUS) if s in installed]
    out: list[dict[str, Any]] = []
    batch = 20
    i = 0
    failures = 0
    while len(out) < n and failures < 200:
        style = rng.choice(styles)
        items = [make_en_item(rng, i + k, kinds) for k in range(batch)]
        i += batch
        try:
            pairs = render_marked(items, style)
        except Exception:
            failures += 1
            continue
        for _item, rec in pairs:
            if _STRAY_MARK.search(rec["text"]):
                continue  # a style that prints nothing for an empty part ("May 2019. .")
            rec = add_noise(rec, rng, False)
            rec["source"] = f"synthetic-en:{style}"
            out.append(rec)
    return out[:n]


SYNTHETIC = "synthetic.jsonl.gz"  # the frozen set train.py reads (in training/data/)
SYNTHETIC_N = 26000
SYNTHETIC_SEED = 20260322
SYNTHETIC_EN = "synthetic-en.jsonl.gz"  # the English shapes of ``synthesise_en``, also frozen
SYNTHETIC_EN_N = 2000
SYNTHETIC_EN_SEED = 20261207


def write_jsonl(records: list[dict[str, Any]], path: str) -> None:
    """Write records one JSON object a line; ``.gz`` paths are gzipped with no timestamp (same bytes each run)."""
    import gzip
    import json

    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
    if path.endswith(".gz"):
        with (
            open(path, "wb") as raw,
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as fh,
        ):
            fh.write(data)
    else:
        with open(path, "wb") as fh:
            fh.write(data)


def read_jsonl(path: str) -> list[dict[str, Any]]:
    import gzip
    import json

    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def main() -> None:
    import argparse
    import json
    from pathlib import Path

    ap = argparse.ArgumentParser(
        description="Synthetic labelled references (rendered through citekit's renderer)."
    )
    ap.add_argument(
        "n",
        nargs="?",
        type=int,
        default=None,
        help=f"how many (default 10 to stdout, {SYNTHETIC_N} with --write)",
    )
    ap.add_argument(
        "--seed", type=int, default=None, help=f"default 1 to stdout, {SYNTHETIC_SEED} with --write"
    )
    ap.add_argument(
        "--write",
        metavar="PATH",
        nargs="?",
        const=str(Path(__file__).parent / "data" / SYNTHETIC),
        help=f"write the records to PATH (default training/data/{SYNTHETIC}; .gz is gzipped)",
    )
    ap.add_argument(
        "--english",
        action="store_true",
        help=f"the English shapes of synthesise_en instead ({SYNTHETIC_EN_N}, seed "
        f"{SYNTHETIC_EN_SEED}, training/data/{SYNTHETIC_EN} with --write)",
    )
    args = ap.parse_args()
    if args.write and args.english:
        path = args.write
        if path == str(Path(__file__).parent / "data" / SYNTHETIC):
            path = str(Path(__file__).parent / "data" / SYNTHETIC_EN)
        n = args.n or SYNTHETIC_EN_N
        seed = SYNTHETIC_EN_SEED if args.seed is None else args.seed
        write_jsonl(synthesise_en(n, seed=seed), path)
        print(f"{n} synthetic English references (seed {seed}) -> {path}")
        return
    if args.english:
        for rec in synthesise_en(args.n or 10, seed=1 if args.seed is None else args.seed):
            print(json.dumps(rec, ensure_ascii=False))
        return
    if args.write:
        n = args.n or SYNTHETIC_N
        seed = SYNTHETIC_SEED if args.seed is None else args.seed
        write_jsonl(synthesise(n, seed=seed), args.write)
        print(f"{n} synthetic references (seed {seed}) -> {args.write}")
        return
    for rec in synthesise(args.n or 10, seed=1 if args.seed is None else args.seed):
        print(json.dumps(rec, ensure_ascii=False))


if __name__ == "__main__":
    main()
