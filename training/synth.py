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
}


def mark(item: dict[str, Any]) -> dict[str, Any]:
    out = dict(item)
    for var, lab in _FIELD_LABEL.items():
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
            r"^[\s.,;:]*(?:(?:[Ii]n|[Ee]dited by|[Ee]d\. by|[Tt]rans(?:lated)?\.? by|by|载|见)\b[\s:]*)?",
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
            ma = re.match(r"\s*" + _MONTH_WORD.pattern + r"(?:\s+\d{1,2})?", s[b : b + 12])
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


SYNTHETIC = "synthetic.jsonl.gz"  # the frozen set train.py reads (in training/data/)
SYNTHETIC_N = 26000
SYNTHETIC_SEED = 20260322


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
    args = ap.parse_args()
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
