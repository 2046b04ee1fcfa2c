"""Pre-label the example bibliographies of zotero-chinese/styles for hand checking.

    python training/prelabel_zotero_chinese.py CHECKOUT OUT.jsonl
    python training/prelabel_zotero_chinese.py --drop-held training/data/zotero-chinese.jsonl CHECKOUT GBT.bib...

CHECKOUT is a git directory of https://github.com/zotero-chinese/styles (CC BY-SA 3.0).  Each style's
``src/<style>/index.md`` shows, under 样式预览, the bibliography citeproc-js renders from the style's
own example items (``src/<style>/items.json``): real references from Chinese journals' and
universities' citation guides, printed in that journal's house style.  For every distinct entry this
script finds the item it renders (by title) and marks each field of the item where it occurs in the
string (titles compared on letters and digits only; names grown over given names, initials and
等/et al.; dates grown over month and day).  The output is a *pre-label* only: every record was then
read and corrected by hand before it went into ``data/zotero-chinese.jsonl`` (see ``data/SOURCES.md``).

Entries are dropped when their item also appears in a parser fixture set (dev/, dev-b/, the GB/T gold,
zjss; the dev set quotes 108 of these bibliographies), so training never sees another rendering of
an item it is scored on; ``--drop-held`` applies the same filter to the finished file.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from citekit.parser.bilingual import bilingual_part  # noqa: E402


# the styles the repository's Chinese items are rendered through (a fourth,
# chinese-gb7714-1987-numeric, was read and rejected: citeproc-py prints an empty "ISSN" after it)
RENDER_STYLES = (
    "gbt7714-2015-numeric",
    "china-national-standard-gb-t-7714-2015-author-date",
    "chinese-gb7714-2005-numeric",
)


def git(repo: str, *args: str) -> str:
    return subprocess.run(
        ["git", "--git-dir", repo, *args], capture_output=True, check=True
    ).stdout.decode("utf-8")


def entries(repo: str) -> list[tuple[str, str]]:
    """(style, plain text) of every distinct 样式预览 bibliography entry, in path order."""
    files = git(repo, "ls-tree", "-r", "--name-only", "-z", "HEAD").split("\0")
    seen: dict[str, str] = {}
    for f in sorted(f for f in files if f.startswith("src/") and f.endswith("/index.md")):
        if f.count("/") != 2:
            continue
        page = git(repo, "show", "HEAD:" + f).split("## 默认测试")[0]
        m = re.search(r"### 参考文献表(.*)", page, re.S)
        if not m:
            continue
        for piece in m.group(1).split('<div class="csl-entry">')[1:]:
            piece = piece.strip()
            if '<div class="csl-left-margin">' in piece:
                left = re.search(r'<div class="csl-left-margin">(.*?)</div>', piece, re.S)
                right = re.search(r'<div class="csl-right-inline">(.*?)</div>', piece, re.S)
                raw = left.group(1).strip() + " " + (right.group(1).strip() if right else "")
            else:
                raw = re.sub(r"</div>.*$", "", piece, flags=re.S).strip()
            text = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", raw))).strip()
            seen.setdefault(text, f.split("/")[1])
    return [(style, text) for text, style in seen.items()]


def items(repo: str) -> dict[str, list[dict]]:
    files = git(repo, "ls-tree", "-r", "--name-only", "-z", "HEAD").split("\0")
    out: dict[str, list[dict]] = {}
    for f in files:
        if f.endswith("items.json") and f.startswith(("src/", "lib/data/items/")):
            try:
                data = json.loads(git(repo, "show", "HEAD:" + f))
            except (json.JSONDecodeError, subprocess.CalledProcessError):
                continue
            out.setdefault(f.split("/")[1] if f.startswith("src/") else "lib", []).extend(data)
    return out


def skeleton(s: str) -> tuple[str, list[int]]:
    """Letters and digits of ``s``, case-folded, with the position of each in ``s``."""
    chars, pos = [], []
    for i, ch in enumerate(s):
        if ch.isalnum():
            chars.append(ch.lower())
            pos.append(i)
    return "".join(chars), pos


def find_loose(text: str, value: str, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    sk, pos = skeleton(text)
    vk, _ = skeleton(value)
    if len(vk) < 1:
        return None
    start = 0
    while True:
        k = sk.find(vk, start)
        if k < 0:
            return None
        a, b = pos[k], pos[k + len(vk) - 1] + 1
        # a number must not be part of a longer one
        if not (vk.isdigit() and ((a and text[a - 1].isdigit()) or text[b : b + 1].isdigit())):
            if not any(x < b and a < y for x, y in taken):
                return a, b
        start = k + 1


_PAIRS = {")": "(", "）": "（", "]": "[", "】": "【"}


def close_bracket(text: str, hit: tuple[int, int] | None) -> tuple[int, int] | None:
    """Grow a span over the closing bracket its last word needs: (自然科学版), (ACAIT)."""
    if hit and hit[1] < len(text) and text[hit[1]] in _PAIRS:
        inner = text[hit[0] : hit[1]]
        if inner.count(_PAIRS[text[hit[1]]]) > inner.count(text[hit[1]]):
            return hit[0], hit[1] + 1
    return hit


def name_group(
    text: str, names: list[dict], taken: list[tuple[int, int]]
) -> tuple[int, int] | None:
    marks: list[tuple[int, int]] = []
    for n in names:
        fam = None
        for key in ("literal", "family", "given", "suffix"):
            v = n.get(key)
            if not v:
                continue
            hit = find_loose(text, v, taken)
            if hit and (fam is None or abs(hit[0] - fam[0]) < 40):
                marks.append(hit)
                if key in ("literal", "family"):
                    fam = hit
            elif key == "given" and fam:  # initials, next to the family name
                lo, hi = max(0, fam[0] - 12), min(len(text), fam[1] + 12)
                for part in re.split(r"[\s\-.]+", v):
                    if part:
                        pat = r"(?<![A-Za-z])" + re.escape(part[0].upper()) + r"(?![A-Za-z])"
                        m = re.search(pat, text[fam[1] : hi]) or re.search(pat, text[lo : fam[0]])
                        if m:
                            k = fam[1] if re.search(pat, text[fam[1] : hi]) else lo
                            a, b = k + m.start(), k + m.end()
                            if not any(x < b and a < y for x, y in taken):
                                marks.append((a, b))
    if not marks:
        return None
    a, b = min(m[0] for m in marks), max(m[1] for m in marks)
    tail = re.match(r"(?:[\s,，、]*(?:等|et al\.?|等人))", text[b:])
    if tail:
        b += tail.end()
    while b < len(text) and text[b] == "." and re.search(r"(?:\b[A-Z]|al)$", text[a:b]):
        b += 1
        break
    return a, b


_DATE_TAIL = re.compile(
    r"(?:\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?|[-/.]\d{1,2}(?:[-/.]\d{1,2})?)"
)


def date_span(text: str, parts: list, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    if not parts or not parts[0]:
        return None
    year = str(parts[0])
    for m in re.finditer(rf"(?<!\d){year}(?!\d)", text):
        a, b = m.span()
        if any(x < b and a < y for x, y in taken):
            continue
        t = _DATE_TAIL.match(text, b)
        if t:
            b = t.end()
        elif len(parts) > 1:
            lead = re.search(
                r"(?:\d{1,2}\s+)?[A-Z][a-z]+\.?\s+(?:\d{1,2},?\s+)?$", text[max(0, a - 20) : a]
            )
            if lead:
                a = max(0, a - 20) + lead.start()
        while b < len(text) and text[b].isalpha() and text[b - 1].isdigit() and text[b] in "abcdef":
            b += 1  # 2015b
        return a, b
    return None


FIELDS = [
    ("URL", "url"),
    ("DOI", "doi"),
    ("ISBN", "isbn"),
    ("title", "title"),
    ("container-title", "container-title"),
    ("collection-title", "collection-title"),
    ("publisher", "publisher"),
    ("publisher-place", "location"),
    ("genre", "genre"),
    ("edition", "edition"),
    ("volume", "volume"),
    ("issue", "issue"),
]


def label(text: str, item: dict) -> list[list]:
    spans: list[list] = []
    taken: list[tuple[int, int]] = []

    def add(lab: str, hit: tuple[int, int] | None) -> None:
        if hit:
            spans.append([lab, *hit])
            taken.append(hit)

    m = re.match(r"\s*[\[(（]?(\d{1,3})[\])）.]?", text)
    if m and (m.group(0) != m.group(1) or text[m.end() : m.end() + 1] in (" ", "\t")):
        add("citation-number", m.span(1))
    for var, lab in FIELDS:
        v = item.get(var)
        if v:
            v = str(v)
            if var == "DOI":
                mm = re.search(r"(?:https?://(?:dx\.)?doi\.org/)?" + re.escape(v), text, re.I)
                add(lab, mm.span() if mm else None)
            elif var == "URL":
                k = text.find(v)
                add(lab, (k, k + len(v)) if k >= 0 else None)
            else:
                add(lab, close_bracket(text, find_loose(text, v, taken)))
        elif var == "container-title":
            for alt in ("container-title-short", "journalAbbreviation", "event-title", "event"):
                if item.get(alt) and str(item[alt]) not in ("",):
                    hit = close_bracket(text, find_loose(text, str(item[alt]), taken))
                    if hit:
                        add(lab, hit)
                        break
    extra = dict(re.findall(r"^([\w-]+):\s*(.+)$", item.get("note") or "", re.M))
    page = item.get("page") or extra.get("page")
    if page:
        ends = re.findall(r"\d+", str(page))
        if ends:
            pat = re.escape(ends[0]) + (
                r"\s*[-–—~～]+\s*" + re.escape(ends[-1]) if len(ends) > 1 else ""
            )
            for mm in re.finditer(rf"(?<![\d.]){pat}(?!\d)", text):
                if not any(x < mm.end() and mm.start() < y for x, y in taken):
                    add("pages", mm.span())
                    break
    for role in ("author", "editor", "translator"):
        if item.get(role):
            add(role, name_group(text, item[role], taken))
    for var in ("issued", "accessed"):
        d = (item.get(var) or {}).get("date-parts")
        if d:
            add("date", date_span(text, d[0], taken))
    spans.sort(key=lambda s: s[1])
    return spans


def held_skeletons() -> str:
    """Raw strings and titles of every parser fixture set (dev/, dev-b/, the GB/T gold, zjss), as
    skeletons: no training string may come from an item they hold."""
    held = []
    for path in sorted((ROOT / "tests/fixtures/parse").rglob("*.jsonl")):
        for line in open(path, encoding="utf-8"):
            if not line.strip():
                continue
            rec = json.loads(line)
            for key in ("raw", "expected_numeric", "expected_authordate"):
                held.append(skeleton(rec.get(key) or "")[0])
            item = rec.get("item") or rec.get("csl") or {}
            held.append(skeleton(item.get("title", ""))[0])
            if path.parent.name.startswith("zjss"):
                held.append(skeleton(json.dumps(rec, ensure_ascii=False))[0])
    return "\n".join(h for h in held if h)


def standard_example_titles(bib_paths: list[str]) -> list[str]:
    """Title skeletons of the GB/T 7714 standards' own examples, read from BibTeX files (e.g.
    zepinglee/gbt7714-bibtex-style's ``tests/support/gbt7714-2015-examples.bib``): the parser is
    scored on these examples, so no training string may render one of them."""
    titles = []
    for path in bib_paths:
        if not path.endswith(".bib"):  # a zotero-chinese/styles checkout: the examples of the
            # standard's own styles (GB-T-7714*) and the items with gbt7714.* ids
            for style, its in items(path).items():
                titles += [
                    skeleton(it.get("title", ""))[0]
                    for it in its
                    if style.startswith("GB-T-7714") or str(it.get("id", "")).startswith("gbt7714")
                ]
            continue
        bib = open(path, encoding="utf-8").read()
        for m in re.finditer(
            r"\b(?:title|booktitle)\s*=\s*[{\"](.+?)[}\"]\s*,?\s*$", bib, re.I | re.M
        ):
            titles.append(skeleton(re.sub(r"[{}\\]", "", m.group(1)))[0])
    return [t for t in titles if len(t) >= 6]


def drop_held(path: str, bib_paths: list[str]) -> None:
    """Drop the records of a labelled file whose string is, or contains the title of, a fixture
    item or a GB/T 7714 example (run again whenever a fixture set grows)."""
    held = held_skeletons()
    titles = [t for t in held.split("\n") if len(t) >= 6] + standard_example_titles(bib_paths)
    recs = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    keep = [
        r
        for r in recs
        if skeleton(r["text"])[0] not in held
        and not any(t in skeleton(r["text"])[0] for t in titles)
    ]
    with open(path, "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in keep)
    print(f"{path}: dropped {len(recs) - len(keep)} of {len(recs)}", file=sys.stderr)


def main() -> None:
    if sys.argv[1] == "--drop-held":
        drop_held(sys.argv[2], sys.argv[3:])
        return
    repo, out = sys.argv[1], sys.argv[2]
    by_style = items(repo)
    every = [it for its in by_style.values() for it in its]
    held_text = held_skeletons()
    n_held = 0
    with open(out, "w", encoding="utf-8") as fh:
        for style, text in entries(repo):
            cands = [it for it in by_style.get(style, []) + every if it.get("title")]
            cands = [it for it in cands if skeleton(it["title"])[0] in skeleton(text)[0]]
            item = max(cands, key=lambda it: len(it["title"]), default=None)
            tk = skeleton(item["title"])[0] if item else ""
            if (
                skeleton(text)[0] in held_text
                or (len(tk) >= 4 and tk in held_text)
                or (item and str(item.get("id", "")).startswith("gbt7714"))
            ):
                n_held += 1
                continue
            # a Chinese reference printed with its English translation: the parser reads one part
            a, b = bilingual_part(text, 0, len(text))
            part = text[a:b].strip()
            a += text[a:b].find(part)
            spans = label(text, item) if item else []
            spans = [[lab, s - a, e - a] for lab, s, e in spans if s >= a and e <= a + len(part)]
            rec = {
                "text": part,
                "spans": spans,
                "source": f"zotero-chinese:{style}:{item.get('id', '?') if item else '?'}",
            }
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        # the items with Chinese text, rendered through two GB/T 7714 styles, fields marked
        n_rendered = 0
        sys.path.insert(0, str(ROOT / "training"))
        from synth import render_marked

        chosen: dict[str, dict] = {}
        for style_items in by_style.values():
            for it in style_items:
                tk = skeleton(it.get("title", ""))[0]
                if (
                    len(tk) >= 4
                    and tk not in held_text
                    and not str(it.get("id", "")).startswith("gbt7714")
                    and re.search(r"[\u4e00-\u9fff]", json.dumps(it, ensure_ascii=False))
                ):
                    chosen.setdefault(tk, it)
        items_ = [dict(it, id=f"z{k}") for k, it in enumerate(chosen.values())]
        for style in RENDER_STYLES:
            for k in range(0, len(items_), 20):
                try:
                    pairs = render_marked(items_[k : k + 20], style)
                except Exception:
                    continue
                for it, rec in pairs:
                    rec["source"] = f"zotero-chinese-items:{style}:{it.get('title', '')[:20]}"
                    fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                    n_rendered += 1
    print(f"dropped {n_held} entries whose item is in a development or gold set", file=sys.stderr)
    print(f"rendered {n_rendered} references from {len(items_)} items", file=sys.stderr)


if __name__ == "__main__":
    main()
