"""Real vocabulary for ``synth.py`` from zotero-chinese/styles' example items (CC BY-SA 3.0).

    python training/zotero_vocab.py CHECKOUT [GBT.bib ...]   # writes data/zotero-chinese-vocab.json

CHECKOUT is a git directory of https://github.com/zotero-chinese/styles.  The items in its
``src/<style>/items.json`` and ``lib/data/items/*.json`` are real references from Chinese journals'
and universities' citation guides.  This copies only the values ``synth.py`` draws from: Chinese and
English titles, journal names, (place, publisher) pairs, universities and personal names.  Items of
the GB/T 7714 standard's own examples (ids ``gbt7714.*``, and titles in the GB/T example BibTeX files
given) and items whose title occurs in a parser fixture set are left out, so the synthetic set never repeats them.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from prelabel_zotero_chinese import (  # noqa: E402
    ROOT,
    held_skeletons,
    items,
    skeleton,
    standard_example_titles,
)

OUT = ROOT / "training" / "data" / "zotero-chinese-vocab.json"
_HAN = re.compile(r"[\u4e00-\u9fff]")
# placeholder values of the repository's test items: not real vocabulary
_PLACEHOLDER = re.compile(
    r"张三|李四|王五|赵六|赵一|陈二|某某|作者|论文题目|文章标题|著作名|期刊名称|授予单位|城市|Title of"
)


def main() -> None:
    held = held_skeletons()
    standard = standard_example_titles(sys.argv[1:])
    vocab: dict[str, set] = {
        k: set()
        for k in (
            "title_zh",
            "title_en",
            "journal_zh",
            "journal_en",
            "publisher_zh",
            "publisher_en",
            "university_zh",
            "name_zh",
            "name_en_family",
            "name_en_given",
            "org_zh",
        )
    }
    for its in items(sys.argv[1]).values():
        for it in its:
            title = it.get("title") or ""
            tk = skeleton(title)[0]
            if (
                str(it.get("id", "")).startswith("gbt7714")
                or (len(tk) >= 4 and tk in held)
                or any(t in tk or tk in t for t in standard)
            ):
                continue
            zh = bool(_HAN.search(title))
            if title and len(title) < 80:
                vocab["title_zh" if zh else "title_en"].add(title)
            ct = it.get("container-title")
            if ct and it.get("type") in (
                "article-journal",
                "article-newspaper",
                "article-magazine",
            ):
                vocab["journal_zh" if _HAN.search(ct) else "journal_en"].add(ct)
            pub, place = it.get("publisher"), it.get("publisher-place")
            if pub and it.get("type") == "thesis":
                if _HAN.search(pub):
                    vocab["university_zh"].add(pub)
            elif pub and place and it.get("type") in ("book", "chapter", "report"):
                vocab["publisher_zh" if _HAN.search(pub) else "publisher_en"].add(f"{place}\t{pub}")
            for role in ("author", "editor", "translator"):
                for n in it.get(role) or []:
                    lit = n.get("literal") or ""
                    fam, giv = n.get("family") or "", n.get("given") or ""
                    if lit and _HAN.search(lit):
                        key = "name_zh" if len(lit) <= 4 and "·" not in lit else "org_zh"
                        if len(lit) <= 4 or "·" in lit or len(lit) >= 5:
                            vocab[key if "·" not in lit else "name_zh"].add(lit)
                    elif fam and _HAN.search(fam):
                        vocab["name_zh"].add(fam + giv)
                    elif fam and giv and len(fam) > 1:
                        vocab["name_en_family"].add(fam)
                        vocab["name_en_given"].add(giv)
    data = {k: sorted(x for x in v if not _PLACEHOLDER.search(x)) for k, v in vocab.items()}
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print({k: len(v) for k, v in data.items()})


if __name__ == "__main__":
    main()
