"""The diagnostic code registry.

Codes are API: a family letter plus three digits, never renumbered and never reused; a code
that is retired stays here marked deprecated.  Families:

- ``S`` segmentation, ``P`` parsing, ``D`` dates, ``E`` encoding and characters,
  ``B`` brackets and quotes, ``F`` exchange formats (BibTeX, RIS, EndNote, NoteExpress,
  RefWorks, CSL-JSON), ``X`` internal errors.
- Validator families (issue 4): ``I`` identifiers, ``G`` GB/T 7714 rules (their rules.md IDs
  are recorded in :mod:`citekit.validate`'s registry), ``W`` punctuation width, ``L``
  list-level checks (duplicates, numbering, citations in the article text, author-date
  order), ``R`` repeated content inside one entry (duplicated elements).  ``N`` names and
  ``T`` type codes stay reserved.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Diagnostic, Fix, Severity, Span

__all__ = ["CODES", "CodeInfo", "make"]


@dataclass(frozen=True, slots=True)
class CodeInfo:
    code: str
    name: str
    severity: Severity
    summary: str
    summary_zh: str
    deprecated: bool = False


def _c(code: str, name: str, severity: str, summary: str, summary_zh: str) -> CodeInfo:
    return CodeInfo(code, name, Severity(severity), summary, summary_zh)


CODES: dict[str, CodeInfo] = {
    c.code: c
    for c in (
        _c("S001", "empty-reference", "error", "the reference is empty", "参考文献条目为空"),
        _c(
            "S002",
            "list-heading",
            "info",
            "a list heading before this reference was recognised and skipped",
            "已识别并跳过本条之前的列表标题",
        ),
        _c(
            "P001",
            "unparsed-reference",
            "error",
            "the reference could not be parsed into fields",
            "无法识别该条参考文献的著录项目",
        ),
        _c(
            "P002",
            "low-confidence-field",
            "warning",
            "a field was recognised with low confidence",
            "著录项目识别置信度低",
        ),
        _c(
            "P003",
            "unrecognised-text",
            "info",
            "part of the reference was not assigned to any field",
            "部分文字未能归入任何著录项目",
        ),
        _c(
            "P004",
            "input-truncated",
            "warning",
            "the reference is too long; only its start was parsed",
            "条目过长, 仅解析了开头部分",
        ),
        _c(
            "D001",
            "missing-year",
            "warning",
            "the reference has no year of publication",
            "缺少出版年",
        ),
        _c(
            "E001",
            "replacement-character",
            "error",
            "U+FFFD replacement character: text was lost in an encoding conversion",
            "含有替换字符 U+FFFD, 说明编码转换时丢失了文字",
        ),
        _c(
            "E002",
            "placeholder-square",
            "error",
            "'□' stands where a character could not be displayed or converted",
            "含有“□”, 可能是无法显示或转换的字符",
        ),
        _c(
            "E003",
            "gbk-utf8-mojibake",
            "error",
            "'锟斤拷'-style mojibake: UTF-8 decoded as GBK",
            "含有“锟斤拷”类乱码(UTF-8 被当作 GBK 解码)",
        ),
        _c(
            "E004",
            "double-encoded-utf8",
            "error",
            "double-encoded UTF-8 such as 'Ã©' for 'é'",
            "含有双重编码的 UTF-8 乱码(如“Ã©”应为“é”)",
        ),
        _c(
            "E005",
            "control-character",
            "error",
            "control or non-text characters in the reference",
            "含有控制字符或非文本字符",
        ),
        _c(
            "E006",
            "lone-surrogate",
            "error",
            "unpaired surrogate code point (from a JSON escape) replaced by U+FFFD",
            "含有不成对的代理码位(来自 JSON 转义)，已替换为 U+FFFD",
        ),
        _c(
            "B001",
            "unbalanced-bracket",
            "warning",
            "a bracket is not closed or not opened",
            "括号不配对",
        ),
        _c(
            "B002",
            "unbalanced-quote",
            "warning",
            "a quotation mark or title mark is not closed or not opened",
            "引号或书名号不配对",
        ),
        # --- validator (issue 4): dates ---------------------------------------------------
        _c(
            "D002",
            "implausible-year",
            "warning",
            "the year of publication is implausible",
            "出版年不合常理",
        ),
        _c(
            "D003",
            "invalid-date",
            "error",
            "a date that does not exist in the calendar (month or day out of range)",
            "日期不存在(月或日超出范围)",
        ),
        _c(
            "D004",
            "accessed-before-published",
            "warning",
            "the citation (access) date is earlier than the year of publication",
            "引用日期早于出版年",
        ),
        # --- identifiers ---------------------------------------------------------------------
        _c(
            "I001",
            "invalid-doi",
            "error",
            "the DOI is not of the form 10.<registrant>/<suffix>",
            "DOI 格式错误(应为 10.前缀/后缀)",
        ),
        _c(
            "I002",
            "isbn-check-digit",
            "error",
            "the ISBN has a wrong length or check digit",
            "ISBN 长度或校验位错误",
        ),
        _c(
            "I003",
            "issn-check-digit",
            "error",
            "the ISSN has a wrong check digit",
            "ISSN 校验位错误",
        ),
        _c("I004", "malformed-url", "warning", "the URL is malformed", "网址(URL)格式错误"),
        # --- GB/T 7714 rules (rule IDs of gbt7714/rules.md in citekit.validate) ---------------
        _c(
            "G001",
            "unknown-type-code",
            "error",
            "the document type code is not one of the GB/T 7714 codes",
            "文献类型标识不是 GB/T 7714 规定的代码",
        ),
        _c(
            "G002",
            "bad-carrier-code",
            "error",
            "the carrier code is malformed or not one of MT, DK, CD, OL",
            "载体标识格式错误或不是 MT、DK、CD、OL 之一",
        ),
        _c(
            "G003",
            "space-before-type-code",
            "warning",
            "a space before the type code: it attaches to the title",
            "文献类型标识前不应有空格",
        ),
        _c(
            "G004",
            "missing-carrier-code",
            "warning",
            "an online item (URL or citation date) lacks the carrier code /OL",
            "网络资源(有网址或引用日期)缺少载体标识 /OL",
        ),
        _c(
            "G005",
            "online-without-access-path",
            "warning",
            "an item marked /OL has no URL or DOI",
            "标为 /OL 的文献缺少获取和访问路径(网址或 DOI)",
        ),
        _c(
            "G006",
            "missing-citation-date",
            "warning",
            "an online item has no citation date [YYYY-MM-DD]",
            "网络资源缺少引用日期 [YYYY-MM-DD]",
        ),
        _c(
            "G007",
            "citation-date-misplaced",
            "warning",
            "the citation date must come before the URL, right after the last publication element",
            "引用日期应位于获取和访问路径之前、出版项或页码之后",
        ),
        _c(
            "G008",
            "date-brackets-swapped",
            "error",
            "update date in ( ) and citation date in [ ] are swapped",
            "更新日期用( )、引用日期用[ ], 二者用反了",
        ),
        _c(
            "G009",
            "non-iso-date",
            "warning",
            "a date that GB/T 7714 writes as YYYY-MM-DD is in another form",
            "日期应著录为 YYYY-MM-DD 格式",
        ),
        _c(
            "G010",
            "et-al-count",
            "warning",
            "list the first three responsible parties, then 等/et al.",
            "责任者超过 3 个时著录前 3 个, 其后加“等”或“et al.”",
        ),
        _c(
            "G011",
            "et-al-comma",
            "warning",
            "a comma must precede 等/et al.",
            "“等”或“et al.”之前应有逗号",
        ),
        _c(
            "G012",
            "et-al-language",
            "warning",
            "the et-al term does not match the item's language (等 for Chinese, et al. for Western)",
            "“等”/“et al.”与文献语种不符",
        ),
        _c(
            "G013",
            "initials-with-periods",
            "warning",
            "initials of Western names are written without full stops",
            "西文姓名缩写名不加缩写点",
        ),
        _c(
            "G014",
            "family-name-not-uppercase",
            "warning",
            "GB/T 7714-2015 writes Latin-script family names in capitals",
            "GB/T 7714-2015 要求西文及拼音姓氏全部大写",
        ),
        _c(
            "G015",
            "family-name-uppercase",
            "info",
            "GB/T 7714-2025 no longer writes family names in capitals",
            "GB/T 7714-2025 不再要求姓氏全部大写",
        ),
        _c(
            "G016",
            "name-conjunction",
            "warning",
            "names are separated by commas, not 'and' or '&'",
            "责任者之间用逗号分隔, 不用“and”“&”",
        ),
        _c(
            "G017",
            "generational-suffix",
            "warning",
            "a generational suffix is written ', Jr' after the initials",
            "Jr 等世代后缀应写为“, Jr”置于名缩写之后",
        ),
        _c(
            "G018",
            "editor-label",
            "warning",
            "an editor who is the main responsible party gets no 编/ed. label",
            "编者作主要责任者时不著录“编”“主编”“ed.”等",
        ),
        _c(
            "G019",
            "translator-comma",
            "warning",
            "a comma separates the translators' names from 译",
            "译者姓名与“译”之间应有逗号",
        ),
        _c(
            "G020", "first-edition", "warning", "the first edition is not recorded", "第 1 版不著录"
        ),
        _c(
            "G021",
            "edition-format",
            "warning",
            "edition statements read '2版' (Chinese) or '2nd ed.' (Western)",
            "版本应著录为“2版”(中文)或“2nd ed.”(西文)",
        ),
        _c(
            "G022",
            "place-publisher-order",
            "warning",
            "the imprint reads 'place: publisher, year'",
            "出版项应为“出版地: 出版者, 出版年”",
        ),
        _c("G023", "missing-place", "warning", "the place of publication is missing", "缺少出版地"),
        _c(
            "G024",
            "page-range-dash",
            "warning",
            "page ranges are joined with a hyphen '-'",
            "页码范围应用“-”连接",
        ),
        _c(
            "G025",
            "page-range-order",
            "error",
            "the page range ends before it starts or is abbreviated",
            "页码范围起止颠倒或被缩写",
        ),
        _c(
            "G026",
            "serial-block-punctuation",
            "warning",
            "the serial block reads 'year, volume(issue): pages'",
            "连续出版物应著录为“年, 卷(期): 页码”",
        ),
        _c(
            "G027",
            "combined-issue-slash",
            "warning",
            "combined issues are joined with '/'",
            "合期的期号之间用“/”",
        ),
        _c(
            "G028",
            "page-prefix",
            "warning",
            "page numbers carry no 'pp.', 'p.' or 页",
            "页码前后不加“pp.”“p.”“页”",
        ),
        _c(
            "G029",
            "double-slash-form",
            "warning",
            "'//' before the host is two half-width slashes with no spaces",
            "析出文献的“//”应为两个半角斜线, 前后无空格",
        ),
        _c(
            "G030",
            "double-slash-for-serial",
            "warning",
            "'//' is for contributions in monographs; a journal article takes '. ' before the journal",
            "“//”只用于专著中的析出文献, 期刊文章的刊名前用“. ”",
        ),
        _c(
            "G031",
            "contribution-without-double-slash",
            "warning",
            "a contribution in a monograph needs '//' before the host",
            "专著中的析出文献应在出处项前用“//”",
        ),
        _c(
            "G032",
            "doi-placement",
            "warning",
            "the DOI comes last, after the URL, as 'DOI:10.…'",
            "DOI 应著录在最后(网址之后), 形式为“DOI:10.…”",
        ),
        _c(
            "G033",
            "doi-repeated-in-url",
            "warning",
            "the DOI may be left out: the URL already contains it",
            "网址中已含 DOI, DOI 可省略",
        ),
        _c(
            "G034",
            "url-decoration",
            "warning",
            "the URL is written as found, without 'URL:', 'Available at' or angle brackets",
            "网址照录, 不加“URL:”“Available at”或尖括号",
        ),
        _c(
            "G035",
            "missing-final-period",
            "info",
            "the entry does not end with '.'",
            "条目末尾缺少“.”",
        ),
        _c(
            "G036",
            "newspaper-date-page",
            "warning",
            "a newspaper article reads 'YYYY-MM-DD(page)'",
            "报纸文章应著录为“出版日期(版次)”",
        ),
        _c(
            "G037",
            "patent-date",
            "warning",
            "a patent gives the full announcement or publication date YYYY-MM-DD",
            "专利应著录公告日期或公开日期 YYYY-MM-DD",
        ),
        _c(
            "G038",
            "year-format",
            "warning",
            "the year is given in Arabic numerals without 年, 'n.d.' or '?'",
            "出版年用阿拉伯数字, 不加“年”“n.d.”“?”",
        ),
        _c(
            "G039",
            "unknown-place-publisher-form",
            "warning",
            "unknown place and publisher are written [S.l.] and [s.n.] (or [出版地不详], [出版者不详])",
            "出版地、出版者不详应著录为 [S.l.]、[s.n.] 或 [出版地不详]、[出版者不详]",
        ),
        _c(
            "G040",
            "multiple-places",
            "warning",
            "only the first place and publisher are recorded",
            "只著录第一个出版地和出版者",
        ),
        _c(
            "G041",
            "title-in-book-marks",
            "warning",
            "the title is not wrapped in 《》",
            "题名不加书名号",
        ),
        _c(
            "G042",
            "label-format",
            "info",
            "numeric lists number entries as '[1]' with nothing after the bracket",
            "顺序编码制的序号应为“[1]”, 其后不加标点",
        ),
        _c(
            "G043",
            "missing-required-element",
            "warning",
            "a required element of this document type is missing",
            "缺少该文献类型的必备著录项目",
        ),
        _c(
            "G044",
            "element-after-imprint",
            "error",
            "an element is placed after the imprint where the template has none",
            "著录项目错置于出版项之后",
        ),
        _c(
            "G045",
            "author-date-year-repeated",
            "warning",
            "in an author-date entry the year follows the names and is not repeated in the imprint or serial block",
            "著者-出版年制中出版年紧随责任者, 出版项或年卷期中不再重复",
        ),
        _c(
            "G046",
            "name-year-delimiter",
            "warning",
            "an author-date entry reads 'Name, Year.' (a comma, not a full stop, before the year)",
            "著者-出版年制条目应为“责任者, 出版年.”(年份前用逗号而非句点)",
        ),
        _c(
            "G047",
            "anonymous-author-form",
            "warning",
            "an unknown author is written 佚名 (Chinese items) or Anon (others), without brackets",
            "责任者不详时著录“佚名”(中文)或“Anon”(西文), 不加括号",
        ),
        _c(
            "G048",
            "leading-punctuation",
            "warning",
            "the entry starts with a punctuation mark: the first element has none before it",
            "条目以标点开头: 第一个著录项目前不加标点",
        ),
        _c(
            "G049",
            "doubled-punctuation",
            "warning",
            "two element marks in a row ('..', ', ,', '.:'): each slot has one mark",
            "著录用符号连用(如“..”“, ,”“.:”): 每处只用一个符号",
        ),
        _c(
            "G050",
            "serialized-parts-separator",
            "warning",
            "the later parts of a serialized article follow the first after '; '",
            "连载文献的后续部分用“; ”与前一部分分隔",
        ),
        _c(
            "G051",
            "serial-range-dash",
            "warning",
            "the range of a whole serial is joined with '-' (GB/T 7714-2015) or '—' (GB/T 7714-2025)",
            "连续出版物年卷期及出版年范围用“-”(2015 版)或“—”(2025 版)连接",
        ),
        _c(
            "G052",
            "serial-range-after-imprint",
            "warning",
            "a whole serial gives 'year, volume(issue)-' before the imprint",
            "整本连续出版物的“年, 卷(期)-”应著录在出版项之前",
        ),
        _c(
            "G053",
            "standard-number-position",
            "warning",
            "the standard number follows the title after ': ' (2015) or precedes it (2025)",
            "标准编号应著录在题名之后“: ”处(2015 版)或题名之前(2025 版)",
        ),
        _c(
            "G054",
            "hyphenated-initials",
            "warning",
            "GB/T 7714-2025 keeps the hyphen when initializing a hyphenated given name ('Godard J-L')",
            "GB/T 7714-2025 规定连字符名缩写时保留连字符(如“Godard J-L”)",
        ),
        _c(
            "G055",
            "name-particle",
            "warning",
            "a name particle (de, van, von) stays in front of the family name",
            "姓氏前缀(de、van、von 等)应置于姓之前",
        ),
        _c(
            "G056",
            "corporate-author-form",
            "warning",
            "a corporate author is given as in the source, top level first, not upper-cased",
            "机关团体责任者按原文著录, 由上至下分级, 不大写",
        ),
        _c(
            "G057",
            "collected-titles-separator",
            "warning",
            "collected titles of a volume without a collective title are joined with '; '",
            "无总题名文献的合订题名之间用“; ”分隔",
        ),
        _c(
            "G058",
            "parallel-title",
            "warning",
            "parallel titles (the title in another language after '=') are not recorded",
            "并列题名(“=”后的其他语种题名)不著录",
        ),
        # --- punctuation ---------------------------------------------------------------------
        _c(
            "G059",
            "type-code-shape",
            "warning",
            "the type code does not fit the entry's shape (a journal code with a book's imprint)",
            "文献类型标识与著录格式不符(如期刊标识后是图书的出版项)",
        ),
        _c(
            "W001",
            "mixed-punctuation-width",
            "warning",
            "full-width and half-width punctuation are mixed in one entry",
            "同一条目中全角与半角标点混用",
        ),
        _c(
            "W002",
            "punctuation-scheme",
            "warning",
            "punctuation does not follow the scheme the profile requires",
            "标点不符合所要求的全角/半角方案",
        ),
        _c(
            "W003",
            "gb2025-punctuation",
            "warning",
            "GB/T 7714-2025: '.' and '[ ]' are half-width, the other marks (， ： ； （ ）) full-width",
            "GB/T 7714-2025: “.”“[ ]”用半角, 其他著录用符号(， ： ； （ ）)用全角",
        ),
        # --- repeated content --------------------------------------------------------------
        _c(
            "R001",
            "duplicated-element",
            "warning",
            "the same element appears twice in one entry (a year, a DOI, a URL, a publisher...)",
            "同一条目中同一著录项目重复出现(如年份、DOI、网址、出版者)",
        ),
        # --- list-level ----------------------------------------------------------------------
        _c(
            "L001",
            "duplicate-doi",
            "warning",
            "another reference in the list has the same DOI",
            "列表中另有条目的 DOI 相同",
        ),
        _c(
            "L002",
            "duplicate-reference",
            "warning",
            "another reference in the list has the same authors, title and year",
            "列表中另有条目的责任者、题名和年份相同",
        ),
        _c(
            "L003",
            "numbering-gap",
            "warning",
            "a number is missing from the numbered list",
            "序号不连续, 有缺号",
        ),
        _c(
            "L004",
            "numbering-disorder",
            "warning",
            "the list numbers are repeated or out of order",
            "序号重复或顺序错乱",
        ),
        _c(
            "L005",
            "citation-without-reference",
            "error",
            "the article cites a number that has no reference",
            "正文引用的序号在参考文献表中不存在",
        ),
        _c(
            "L006",
            "reference-not-cited",
            "warning",
            "the reference is never cited in the article",
            "该条参考文献在正文中未被引用",
        ),
        _c(
            "L007",
            "citation-order",
            "warning",
            "numbers are not assigned in order of first citation",
            "序号未按正文中首次引用的先后顺序编排",
        ),
        _c(
            "L008",
            "language-group-order",
            "warning",
            "an author-date list groups entries by language: Chinese, Japanese, Western, Russian, other",
            "著者-出版年制应按语种分集: 中文、日文、西文、俄文、其他",
        ),
        _c(
            "L009",
            "author-date-sort-order",
            "warning",
            "within a language group, author-date entries are sorted by author (pinyin for Chinese), then year",
            "同一语种内按著者(中文按拼音)字顺、再按出版年排列",
        ),
        _c(
            "L010",
            "year-suffix",
            "warning",
            "works by the same first author in the same year take a, b, c after the year",
            "同一著者同年出版的多篇文献, 出版年后应加 a、b、c 区分",
        ),
        _c(
            "L011",
            "citation-form",
            "warning",
            "an in-text citation is not in the GB/T 7714 form ('[1-3]', '[4]15', '(Crane, 1972)', 'Walls et al.')",
            "正文引用格式不规范(应为“[1-3]”“[4]15”“(Crane, 1972)”“张三 等”)",
        ),
        _c(
            "L012",
            "list-style",
            "warning",
            "most entries are in another citation style (APA, Chicago, Vancouver, 《》 house style) than the standard's",
            "多数条目不是所选标准的格式(而是 APA、芝加哥、温哥华或《》期刊体例)",
        ),
        _c(
            "L013",
            "entry-style-outlier",
            "warning",
            "this entry is in another citation style than the rest of the list",
            "该条目与列表中其他条目的著录格式不同",
        ),
        _c(
            "F001",
            "unreadable-entry",
            "error",
            "an entry could not be read; it is kept with its raw text",
            "无法读取该条目, 已保留其原文",
        ),
        _c(
            "F002",
            "unmapped-field",
            "warning",
            "a field of the source format has no CSL-JSON equivalent and was not converted",
            "该字段在 CSL-JSON 中没有对应项, 未转换",
        ),
        _c(
            "F003",
            "field-not-written",
            "warning",
            "the target format cannot hold this field; it was left out",
            "目标格式无法容纳该字段, 已略去",
        ),
        _c(
            "F004",
            "unknown-entry-type",
            "warning",
            "the entry type is not known; a generic type was used",
            "未知的文献类型, 已按通用类型处理",
        ),
        _c(
            "F005",
            "uninterpreted-value",
            "warning",
            "a field value could not be interpreted; it was kept as text",
            "字段值无法解析, 已按原文保留",
        ),
        _c(
            "F006",
            "duplicate-key",
            "warning",
            "the entry key is used more than once; the id was made unique",
            "条目键重复, 已改为唯一的 id",
        ),
        _c(
            "F007",
            "undefined-macro",
            "warning",
            "a BibTeX @string macro is not defined; its name was kept as text",
            "BibTeX @string 宏未定义, 已按原文保留",
        ),
        _c(
            "F008",
            "others-in-name-list",
            "info",
            "'others' / 'et al.' / '等' in a name list is not a name; it was dropped",
            "姓名列表中的“others”“et al.”“等”不是姓名, 已略去",
        ),
        _c(
            "F009",
            "text-outside-entries",
            "warning",
            "text outside any entry was skipped",
            "条目之外的文字已略过",
        ),
        _c(
            "F010",
            "unwritable-entry",
            "error",
            "an entry is not a CSL-JSON item and cannot be written; left out",
            "该条不是 CSL-JSON 条目，无法写出，已略去",
        ),
        _c(
            "X001",
            "internal-error",
            "error",
            "citekit failed inside a pipeline stage; the reference keeps what it had",
            "citekit 在处理该条目时出现内部错误",
        ),
    )
}


def make(
    code: str,
    message: str | None = None,
    *,
    span: Span | None = None,
    field: str | None = None,
    fix: Fix | None = None,
    severity: Severity | None = None,
    message_zh: str | None = None,
) -> Diagnostic:
    """A diagnostic for a registered code; the messages default to the code's summaries."""
    info = CODES[code]
    return Diagnostic(
        code=code,
        severity=severity or info.severity,
        message=message or info.summary,
        span=span,
        field=field,
        fix=fix,
        message_zh=message_zh or (info.summary_zh if message is None else None),
    )
