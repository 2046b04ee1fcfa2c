"""Derive citekit's GB/T 7714-2025 styles from its 2015 styles.

Run after changing a 2015 style: python tools/make_gbt7714_2025_styles.py
"""

import re
from pathlib import Path

D = Path(__file__).resolve().parent.parent / "src" / "citekit" / "styles"
NAME_OLD = re.compile(
    r'<name delimiter-precedes-et-al="always" ck:suffix-delimiter=", " ck:suffix-strip-periods="true">\s*<name-part name="family" text-case="uppercase" ck:script="latin"/>\s*</name>'
)
NAME_NEW = '<name delimiter="，" delimiter-precedes-et-al="always" ck:suffix-delimiter="，" ck:suffix-strip-periods="true"/>'

SUMMARY = (
    "The Chinese GB/T 7714-2025 {kind} style (信息与文献 参考文献著录规则, published 2025-12-02, in force 2026-07-01), "
    "adapted by citekit for bilingual lists. Derived from citekit's gbt7714-2015-{kind} (itself derived from the CSL project's "
    "China National Standard GB/T 7714-2015 styles by 牛耕田 and Zeping Lee) with the 2025 changes as the CSL project's "
    "china-national-standard-gb-t-7714-2025-numeric (Zeping Lee) implements them: the marks between elements are full-width "
    "(，：（）) except the period, // and the square brackets; family names are not upper-cased and hyphenated given names keep "
    "the hyphen (Godard J-L); a numbered volume of a Chinese book reads 卷1 (citekit variable zh-volume-number); year ranges of serials take "
    "the em dash (1984—, citekit variable issued-em-dash); the citation date [YYYY-MM-DD] is given for web pages, posts, datasets and software only; "
    "a journal article may carry a translator after its title; a standard is cited as number, U+3000, title (no responsible "
    "party, no imprint); a preprint (CSL type article) is [PP]. Titles are printed as given (their punctuation is not converted). "
    "Citations keep ASCII marks. Other processors ignore the ck: extensions."
)


def derive(kind: str) -> str:
    s = (D / f"gbt7714-2015-{kind}.csl").read_text()
    head, sep, tail = s.partition("  <citation")

    def rep(old, new, count=None, text=None):
        nonlocal head
        n = head.count(old)
        assert n and (count is None or n == count), (kind, old, n)
        head = head.replace(old, new)

    # metadata
    head = re.sub(
        r"<title>GB/T 7714-2015 ([^<]*)</title>", r"<title>GB/T 7714-2025 \1</title>", head
    )
    head = head.replace(f"gbt7714-2015-{kind}", f"gbt7714-2025-{kind}")
    head = head.replace(
        f'china-national-standard-gb-t-7714-2015-{kind}" rel="template"',
        f'china-national-standard-gb-t-7714-2025-{kind}" rel="template"',
    )
    head = re.sub(
        r"<summary>.*?</summary>",
        "<summary>" + SUMMARY.format(kind=kind) + "</summary>",
        head,
        flags=re.S,
    )
    head = head.replace(
        "https://std.samr.gov.cn/gb/search/gbDetailed?id=71F772D8055ED3A7E05397BE0A0AB82A",
        "https://std.samr.gov.cn/gb/search/gbDetailed?id=4507EFE13D37CB6AE06397BE0A0A601F",
    )
    head = re.sub(r"<updated>[^<]*</updated>", "<updated>2026-07-01T00:00:00+08:00</updated>", head)
    # style options
    rep(' initialize-with-hyphen="false"', "")
    # 卷1: the number of a Chinese book's volume (citekit variable zh-volume-number, set by the adapter)
    rep(
        """          <if is-numeric="volume">
            <group delimiter=" ">
              <label variable="volume" form="short" text-case="capitalize-first"/>""",
        """          <if variable="zh-volume-number">
            <!-- 2025: 卷1 (citekit: zh-volume-number is the number of a Chinese volume) -->
            <text value="卷"/>
            <text variable="zh-volume-number"/>
          </if>
          <else-if is-numeric="volume">
            <group delimiter=" ">
              <label variable="volume" form="short" text-case="capitalize-first"/>""",
        1,
    )
    rep(
        """              <text variable="volume"/>
            </group>
          </if>
          <else>
            <text variable="volume"/>
          </else>""",
        """              <text variable="volume"/>
            </group>
          </else-if>
          <else>
            <text variable="volume"/>
          </else>""",
        1,
    )
    # 1984—: a literal year range (citekit variable issued-em-dash, set by the adapter)
    rep(
        """        </choose>
      </if>
      <else-if type="article-journal" variable="available-date" match="all">""",
        """        </choose>
      </else-if>
      <else-if type="article-journal" variable="available-date" match="all">""",
        1,
    )
    rep(
        """  <macro name="issued-year">
    <choose>
      <if variable="issued">""",
        """  <macro name="issued-year">
    <choose>
      <if variable="issued-em-dash">
        <!-- 2025: 1984—, 1957—1990 (citekit: issued-em-dash is a literal year range with the em dash) -->
        <text variable="issued-em-dash"/>
      </if>
      <else-if variable="issued">""",
        1,
    )
    # names: no upper case, full-width delimiter
    head, n = NAME_OLD.subn(NAME_NEW, head)
    assert n >= 3, n
    # full-width marks between elements
    rep('delimiter=", "', 'delimiter="，"')
    rep('delimiter=": "', 'delimiter="："')
    rep('prefix=", "', 'prefix="，"')
    rep('prefix="(" suffix=")"', 'prefix="（" suffix="）"')
    # citation date only for web resources
    rep(
        """  <macro name="accessed-date">
    <choose>
      <if variable="URL DOI" match="any">""",
        """  <macro name="accessed-date">
    <choose>
      <if type="post post-weblog webpage dataset software" match="none"/>
      <else-if variable="URL DOI" match="any">""",
        1,
    )
    rep(
        """        <date variable="accessed" form="numeric" prefix="[" suffix="]"/>
      </if>
    </choose>
  </macro>""",
        """        <date variable="accessed" form="numeric" prefix="[" suffix="]"/>
      </else-if>
    </choose>
  </macro>""",
        1,
    )
    # 2025 7.5.2.3: an unknown place (or publisher) is left out, not [出版地不详]
    rep(
        """                    <else-if variable="URL DOI" match="none">
                      <text term="no-place" prefix="[" suffix="]"/>
                    </else-if>""",
        "",
        1,
    )
    rep(
        """                    <else-if variable="URL DOI" match="none">
                      <text term="no-publisher" prefix="[" suffix="]"/>
                    </else-if>""",
        "",
        1,
    )
    # preprints are PP
    rep(
        '<else-if type="article bill collection hearing',
        """<else-if type="article">
        <!-- 2025: 预印本 PP -->
        <text value="PP"/>
      </else-if>
      <else-if type="bill collection hearing""",
        1,
    )
    # the number of a standard goes before the title
    rep(
        """            <if type="article article-journal" match="none">
              <!-- 预印本和期刊文章的编号用于其他位置 -->""",
        """            <if type="article article-journal standard" match="none">
              <!-- 预印本、期刊文章和标准（2025）的编号用于其他位置 -->""",
        1,
    )
    # journal articles: translator after the title
    rep(
        """          <!-- 4.4 连续出版物中的析出文献 -->
          <text macro="title"/>""",
        """          <!-- 8.5 连续出版物中的析出文献 (2025: 析出文献其他责任者) -->
          <text macro="title"/>
          <text macro="secondary-contributors"/>""",
        1,
    )
    if kind != "author-date":
        rep(
            """    <group delimiter=". ">
      <text macro="author"/>
      <choose>
        <if type="periodical">""",
            """    <group delimiter=". ">
      <choose>
        <if type="standard" match="none">
          <text macro="author"/>
        </if>
      </choose>
      <choose>
        <if type="standard">
          <!-- 8.9 (2025): 标准编号　标准名称[S]. 获取和访问路径. 永久标识符 -->
          <group delimiter="&#12288;">
            <text variable="number"/>
            <text macro="title"/>
          </group>
        </if>
        <else-if type="periodical">""",
            1,
        )
        rep(
            """          <text macro="year-volume-issue"/>
          <text macro="publisher"/>
        </if>""",
            """          <text macro="year-volume-issue"/>
          <text macro="publisher"/>
        </else-if>""",
            1,
        )
    return head + sep + tail


for kind in ("numeric", "author-date", "note"):
    out = derive(kind)
    (D / f"gbt7714-2025-{kind}.csl").write_text(out)
    print(kind, "ok")
