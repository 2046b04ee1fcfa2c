"""Inputs for the fuzzing surfaces: real shapes, mutated.

Every generator takes a ``random.Random`` so that a run is reproducible from its seed; the
mutation step is also exposed as data (a list of operations) so that failures can be minimised.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]

# Real reference strings to start from: the bundled list, GB/T examples, other styles.
_SEED_FILES = [ROOT / "examples" / "zjss-2026-03-references.txt"]
SEED_REFERENCES: list[str] = [
    "[1]胡重明,邢润杰.公共价值创造:政务服务增值化的组织逻辑[J].浙江社会科学,2026,No.355(03):64-76+158.DOI:10.14167/j.zjss.2026.03.003.",
    "23.Alford,J.&Hughes,O.,“Public Value Pragmatism as the Next Phase of Public Management”,The American Review of Public Administration,2008,38(2):130-148.",
    "陈登原. 国史旧闻: 第1卷[M]. 北京: 中华书局, 2000: 29.",
    "赵学功. 当代美国外交[M/OL]. 北京: 社会科学文献出版社, 2001[2014-06-11]. http://www.cadal.zju.edu.cn/book/trySinglePage/33023884/1.",
    "KENNEDY W J, GARRISON R E. Morphology and genesis of nodular chalks[J]. Sedimentology, 1975, 22: 311.",
    "Smith, J. A., & Jones, K. (2019). A study of things. Journal of Studies, 12(3), 45–67. https://doi.org/10.1000/xyz123",
    "Dowler L. The research university's dilemma. J Libr Adm. 1995;21(1-2):5-26.",
    "[7] A. Author, “Title of paper,” in Proc. IEEE Conf., 2020, pp. 1–10.",
    "马克·H.穆尔:《创造公共价值:政府战略管理》,伍满桂译,商务印书馆2016年版。",
    "中华人民共和国国家质量监督检验检疫总局. 信息与文献 参考文献著录规则: GB/T 7714—2015[S]. 北京: 中国标准出版社, 2015.",
]
for _path in _SEED_FILES:
    if _path.exists():
        SEED_REFERENCES += [line for line in _path.read_text("utf-8").splitlines() if line.strip()][
            :30
        ]

# Characters that have broken parsers: brackets, quotes, CJK punctuation, controls, format and
# separator characters, lone surrogates, RTL marks, combining marks, emoji.
SPECIAL = list(
    "[]()（）【】《》〈〉“”‘’\"'「」『』.,;:。，；：、·—–-/\\//\\[J][M][EB/OL]"
    "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\u2028\u2029\u200b\u200e\u200f\u202e\ufeff\ufffd"
    "\u0301\u0308\ud800\udfff\U0001f600□锟斤拷Ã©0123456789"
)
OPS = ("insert", "delete", "duplicate", "swap", "bracket", "huge", "newline")


def mutation(rng: random.Random) -> tuple[str, int, str]:
    op = rng.choice(OPS)
    if op == "huge":
        # a realistic mix with a tail: most long tokens are hundreds of characters, one in ten
        # is 10,000 (a pasted table, a run of spaces); each still meets every check (an em space
        # outlives normalising, which folds ordinary spaces; a capitalised word is a name's start)
        payload = rng.choice(
            ["a", "字", "(", "《", "[J]", "1", " ", "-", "\u2003", "A"]
        ) * rng.choice([100] * 6 + [1000] * 3 + [10_000])
    elif op == "insert" and rng.random() < 0.3:
        payload = "".join(chr(rng.randrange(0x20, 0x3000)) for _ in range(rng.randint(1, 6)))
    else:
        payload = "".join(rng.choice(SPECIAL) for _ in range(rng.randint(1, 4)))
    return op, rng.randrange(1 << 20), payload


def apply(text: str, ops: list[tuple[str, int, str]]) -> str:
    """``text`` after the mutations ``ops`` (positions are taken modulo the length)."""
    for op, pos, payload in ops:
        n = len(text)
        at = pos % (n + 1)
        if op in ("insert", "huge"):
            text = text[:at] + payload + text[at:]
        elif op == "delete" and n:
            text = text[:at] + text[at + 1 + len(payload) :]
        elif op == "duplicate" and n:
            text = text[:at] + text[at : at + 8] + text[at:]
        elif op == "swap" and n > 1:
            i = at % (n - 1)
            text = text[:i] + text[i + 1] + text[i] + text[i + 2 :]
        elif op == "bracket":
            text = text[:at] + payload[:1] + text[at:] + payload[-1:]
        elif op == "newline":
            text = text[:at] + "\n" + text[at:]
    return text


def reference_text(rng: random.Random) -> tuple[str, list[tuple[str, int, str]]]:
    seed = rng.choice(SEED_REFERENCES)
    ops = [mutation(rng) for _ in range(rng.randint(0, 8))]
    return seed, ops


def reference_list(rng: random.Random, longest: int = 60) -> str:
    """A pasted list: numbered, unnumbered, under a heading, long (up to ``longest``) or short."""
    n = rng.choice([1, 2, 5, 30, longest]) if rng.random() < 0.05 else rng.randint(0, 8)
    form = rng.choice(["[{}] ", "{}. ", "{}、", "({}) ", "", "① "])
    lines = []
    if rng.random() < 0.2:
        lines.append(rng.choice(["参考文献", "References", "## 参考文献", ""]))
    for i in range(1, n + 1):
        seed, ops = reference_text(rng)
        lines.append((form.format(i) if "{}" in form else form) + apply(seed, ops))
        if rng.random() < 0.1:
            lines.append("")
    return "\n".join(lines)


def _json_value(rng: random.Random, depth: int = 0) -> Any:
    kind = rng.randrange(10 if depth < 3 else 7)
    if kind == 0:
        return None
    if kind == 1:
        return rng.choice([True, False])
    if kind == 2:
        return rng.choice([0, -1, 2**63, 10**400 // 10**390, 2020, 1e308, -0.0])
    if kind == 3:
        return rng.choice([float("inf"), float("-inf"), float("nan"), 1.5, 2020.0])
    if kind in (4, 5, 6):
        seed, ops = reference_text(rng)
        return apply(seed[: rng.randint(0, 40)], ops[:2])
    if kind == 7:
        return [_json_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    if kind == 8:
        return {
            rng.choice(["family", "given", "literal", "date-parts", "x"]): _json_value(
                rng, depth + 1
            )
        }
    return {}


_VARIABLES = [
    "type",
    "id",
    "title",
    "author",
    "editor",
    "translator",
    "issued",
    "accessed",
    "container-title",
    "volume",
    "issue",
    "page",
    "publisher",
    "publisher-place",
    "DOI",
    "URL",
    "ISBN",
    "edition",
    "language",
    "custom",
    "season",
    "note",
    "genre",
    "number",
    "event-title",
]
_GOOD = {
    "type": ["book", "article-journal", "chapter", "webpage", "thesis", "patent", "standard"],
    "author": [
        [{"family": "胡", "given": "重明"}],
        [{"family": "Smith", "given": "J. A."}],
        [{"literal": "国家统计局"}],
        [{}],
        [],
    ],
    "issued": [
        {"date-parts": [[2020, 5, 1]]},
        {"date-parts": [[2020], [2021]]},
        {"literal": "2020年"},
        {"date-parts": [[]]},
        {"date-parts": [["2020", "13"]]},
    ],
    "language": ["zh-CN", "en-US", "ko", "", "xx"],
}


def csl_item(rng: random.Random) -> Any:
    """A CSL-JSON item with values of every JSON type, extreme and non-finite numbers, empty and
    nested structures, names without parts; now and then not an object at all."""
    if rng.random() < 0.03:
        return _json_value(rng)
    item: dict[str, Any] = {"id": f"i{rng.randrange(1000)}", "type": rng.choice(_GOOD["type"])}
    for var in rng.sample(_VARIABLES, rng.randint(1, 10)):
        if var in _GOOD and rng.random() < 0.6:
            item[var] = rng.choice(_GOOD[var])
        elif rng.random() < 0.5:
            seed, ops = reference_text(rng)
            item[var] = apply(seed[: rng.randint(1, 60)], ops[:3])
        else:
            item[var] = _json_value(rng)
    return item


def export_text(rng: random.Random, fmt: str) -> str:
    """An export file of ``fmt`` written by citekit from random items, then mutated."""
    from citekit.formats import write

    items = [csl_item(rng) for _ in range(rng.randint(0, 5))]
    text, _ = write(items, fmt)
    return apply(text, [mutation(rng) for _ in range(rng.randint(0, 6))])


def style_xml(rng: random.Random) -> str:
    """A CSL style whose macros call the previous one ``fan`` times, ``depth`` levels deep."""
    depth, fan = rng.randint(1, 30), rng.randint(1, 3)
    macros = ['<macro name="m0"><text variable="title"/></macro>']
    for i in range(1, depth + 1):
        calls = "".join(f'<text macro="m{i - 1}"/>' for _ in range(fan))
        macros.append(f'<macro name="m{i}"><group delimiter=" ">{calls}</group></macro>')
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<style xmlns="http://purl.org/net/xbiblio/csl" '
        'class="in-text" version="1.0"><info><title>fuzz</title><id>fuzz</id>'
        "<updated>2026-01-01T00:00:00+00:00</updated></info>"
        + "".join(macros)
        + f'<citation><layout><text macro="m{depth}"/></layout></citation>'
        f'<bibliography><layout><text macro="m{depth}"/></layout></bibliography></style>'
    )


COMMANDS = [
    ["parse"],
    ["parse", "--lines"],
    ["parse", "-f", "csl-json"],
    ["check"],
    ["check", "-f", "sarif"],
    ["check", "--standard", "gbt7714-2025", "-f", "json"],
    ["check", "--fix"],
    ["format", "--style", "gbt7714-2015-numeric"],
    ["format", "--style", "gbt7714-2025-author-date", "-f", "html"],
    ["convert", "--to", "bibtex"],
    ["convert", "--to", "ris"],
    ["convert", "--to", "csl-json"],
    ["check", "--lang", "zh"],
    ["convert", "--from", "text", "--to", "ris"],
    ["rules"],
    ["rule", "G001"],
    ["styles"],
    ["eval"],
]
#: commands that take no input file
NO_INPUT = ("rules", "rule", "styles")
_BAD_ARGS = [
    "--style",
    "nope",
    "--from",
    "--to",
    "xyz",
    "-f",
    "--select",
    "ZZZ",
    "--jobs",
    "-1",
    "--standard",
    "gbt",
    "--lines",
    "--lang",
    "fr",
    "",
    "\x00",
]


def cli_case(rng: random.Random) -> tuple[list[str], bytes]:
    """An argument vector (real commands, now and then mangled) and the bytes given as input."""
    argv = list(rng.choice(COMMANDS))
    if rng.random() < 0.2:
        argv.insert(rng.randrange(len(argv) + 1), rng.choice(_BAD_ARGS))
    r = rng.random()
    if r < 0.15:
        data = bytes(rng.randrange(256) for _ in range(rng.randint(0, 400)))
    elif r < 0.3:
        fmt = rng.choice(["csl-json", "jsonl", "bibtex", "ris", "endnote", "endnote-xml"])
        data = export_text(rng, fmt).encode("utf-8", "surrogatepass")
    else:
        enc = rng.choice(["utf-8", "utf-8-sig", "gb18030", "utf-16"])
        data = reference_list(rng).encode(enc, "replace" if enc != "utf-8" else "surrogatepass")
    return argv, data


def as_json(value: Any) -> Any:
    """``value`` made storable in a JSON fixture (non-finite floats as strings)."""
    return json.loads(json.dumps(value, default=str, allow_nan=True).replace("NaN", '"NaN"'))
