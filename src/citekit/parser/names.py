"""Name groups: Chinese and Western personal names, corporate names, et al. flags, roles.

``parse_names(text)`` takes the text of one responsibility group (``艾琳、王刚``,
``Alford,J.&Hughes,O.``, ``FRESE K S, KATUS H A, MEDER B``, ``张成福等``) and returns a
:class:`NameGroup`: CSL names, whether the list was cut short (``等``, ``et al.``, ``and others``:
a flag, never a name), the role word it carried (``主编``, ``译``, ``eds.``) and nationality
prefixes (``[美]``).

Conventions: a Chinese personal name is ``{"family", "given"}`` (:mod:`.chinese_names`; 欧阳 + 修);
corporate names and transliterated names (``马克思``, ``大卫·帕尔菲曼``) are ``{"literal"}``; Western names are
``{"family", "given"}`` with initials written ``"R. F. I."``; an all-capital family name
(``PEEBLES``, GB/T style) is title-cased; ``Jr``/``Sr``/``III`` go to ``suffix``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice

from .. import lazyregex as regex  # patterns compiled on first use (start-up)
from ..text.lexicons import words
from ..text.names import has_corporate_word
from ..text.script import HAN
from .chinese_names import split_chinese_name

__all__ = [
    "CN_ROLE_WORDS",
    "ROLE_END",
    "VANCOUVER_NAMES",
    "NameGroup",
    "looks_like_names",
    "personal_names_only",
    "parse_names",
]


@dataclass
class NameGroup:
    names: list[dict[str, str]] = field(default_factory=list)
    truncated: bool = False
    role: str | None = None  # "editor", "translator", "author" (explicit 著) or None
    nationalities: list[str] = field(default_factory=list)


# (_ETAL and _ROLE: a match never starts inside a run of spaces except where the search starts,
# and the run is taken whole, what follows it being no space: a search or sub over a long run of
# spaces scanned the rest of the run at every space)
_ETAL = regex.compile(
    r"(?:\G|(?<!\s)|(?!\s))(?:[,，、;]?\s*+)(?:等(?:人)?|et\s*al\.?|and\s+others|\.\.\.|…+|외)\s*$",
    regex.IGNORECASE,
)
# Chinese role words after a name group, longest first; the role each gives is in _ROLE_MAP
CN_ROLE_WORDS = (
    "副主编|主编|编著|编译|译校|译注|主译|合译|翻译|校注|笺注|评注|选编|编选|点校|校点|校释|校订|辑校|编注|选注|"
    "集解|整理|合著|"
    "编|著|撰|译|注|疏|校"
)
# a piece of a 《》 list's lead that ends a name group with its role word (汉斯·摩根索著)
ROLE_END = regex.compile(rf"(?:{CN_ROLE_WORDS})\s*$")
_ROLE = regex.compile(
    rf"(?:\G|(?<!\s)|(?!\s))(?:[,，]?\s*+)(?:(?P<role>{CN_ROLE_WORDS})|\((?P<role>{CN_ROLE_WORDS})\)"  # 张三(主编)
    r"|(?<=[\s,(])(?P<role>\(?(?:eds?\.?|editors?|trans\.?|hrsg\.?|hgg?\.?)\)?))\s*$",
    regex.IGNORECASE,
)
# upper-case role words with no full stop are a Vancouver name's initials
_INITIALS_NOT_ROLES = frozenset({"ED", "EDS", "HG", "HGG"})
_ROLE_MAP = {
    "主编": "editor",
    "副主编": "editor",  # a deputy editor (张三主编，李四副主编)
    "编": "editor",
    "选编": "editor",
    "编著": "author",
    "著": "author",
    "合著": "author",
    "撰": "author",
    "译": "translator",
    "编译": "translator",
    "主译": "translator",  # the chief translator of a team (萧琛主译)
    "合译": "translator",
    "翻译": "translator",
    "校注": "editor",
    "整理": "editor",
    "译校": "translator",
    "译注": "translator",
    "笺注": "editor",
    "评注": "editor",
    "编选": "editor",
    "注": "editor",  # 注/疏/校: the annotator of a classic, CSL has no closer role
    "疏": "editor",
    "校": "editor",
    # editors of an old text's modern edition (黄宗羲著，沈芝盈点校)
    "点校": "editor",
    "校点": "editor",
    "校释": "editor",
    "校订": "editor",
    "辑校": "editor",
    "编注": "editor",
    "选注": "editor",
    "集解": "editor",
}
_KANJI_NAME = regex.compile(r"\p{Han}{4}")  # (three characters are as often 1 + 2 as 2 + 1)
_NATIONALITY = regex.compile(r"^\s*[\[(〔（【]\s*(?P<n>[\p{Han}]{1,3})\s*[\])〕）】]\s*")
# the next words of a corporate body's name after a comma ("…, Engineering, and Medicine")
_CORP_PART = regex.compile(
    r"^(?:and\s+|&\s*)?\p{Lu}\p{Ll}{2,}(?:\s+(?:and\s+)?\p{Lu}\p{Ll}{2,}){0,2}$"
)
_ELLIPSIS = regex.compile(r"\s*,?\s*(?:…+|\.\.\.)\s*(?=\p{Lu})")
_SUFFIX = regex.compile(r"^(?:Jr|Sr|JR|SR|II|III|IV)\.?$")
# "Fred D. Jr." / "John III": a given name with the suffix written after it, no comma between
_GIVEN_SUFFIX = regex.compile(r"^(?P<given>.+?)\s+(?P<suf>Jr\.?|Sr\.?|JR\.?|SR\.?|II|III|IV)$")
_INITIALS_SUFFIX = regex.compile(
    r"^(?P<name>.+?\s\p{Lu}{1,3})\.?\s+(?P<suf>Jr\.?|Sr\.?|JR|SR|II|III|IV)$"
)
_TRAILING_SUFFIX = regex.compile(r",?\s+(?P<suf>Jr\.?|Sr\.?|JR\.?|SR\.?|II|III|IV)$")
_SUFFIX_ENDS = ("Jr", "Jr.", "Sr", "Sr.", "JR", "JR.", "SR", "SR.", "II", "IV")
_CORP_TAIL = regex.compile(
    r"^(?:Inc|Ltd|Co|Corp|LLC|Pty\.? Ltd|GmbH|plc|S\.A)\.?$", regex.IGNORECASE
)
# "FRESE K S", "Peebles P. Z.", "Кочетков А Я": family words, then one to four initials.
_FAMILY_INITIALS = regex.compile(
    r"^(?P<fam>\p{L}[\p{L}'’\-]*(?:\s+\p{L}[\p{L}'’\-]*){0,3}?)\s+"
    r"(?P<ini>\p{Lu}\.?(?:\s*+-?\s*+\p{Lu}\.?){0,3})$"
)
# "J.", "R.F.I.", "M. H.", "J.-P.": initials with periods (comma-separated "Family,Initials" form)
_FAMILY_WORD = r"\p{Lu}\p{Ll}[\p{L}'’\-]*"
_FAMILIES_ONLY = regex.compile(rf"^{_FAMILY_WORD}(?:\s*(?:,\s*)?(?:&|\band\b)\s*{_FAMILY_WORD})+$")
_FAMILY_SEP = regex.compile(r"\s*,?\s*(?:&|\band\b)\s*")
_BARE_LAST_INITIAL = regex.compile(r"\s\p{Lu}$")
_BARE_INITIALS = regex.compile(r"^\p{Lu}{2,3}$")  # "AB" (Harvard AGPS: "Smith, AB")
# (the space runs possessive: a run between two initials split two ways at each, 1 s at 750 spaces)
_INITIALS = regex.compile(r"^\p{Lu}\.(?:\s*+-?\s*+\p{Lu}\.?){0,3}$|^\p{Lu}\p{Ll}?\.?$")
# A given name written out before or after: "Smith, John" / "Smith, John A."
# Given names first: "J. Smith", "Robert O. Keohane", "Jean-Paul Sartre", "Ludwig van Beethoven",
# "Yu. A. Malkov" (a transliterated two-letter abbreviation)
_GIVEN_FIRST = regex.compile(
    r"^(?P<given>\p{Lu}(?:\p{Ll}\.(?=\s)|[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}]+)?|\.(?:\s?-?\p{Lu}\.)*|\p{Lu}?\.?)"
    r"(?:\s+\p{Lu}(?:[\p{Ll}'’]+(?:-\p{Lu}?\p{Ll}+)?|\.(?:\s?-?\p{Lu}\.)*)){0,2})\s+"
    r"(?P<family>(?:(?:van|von|der|den|de|la|le|du|da|di|del|dos|das|ter|St\.)\s+){0,3}"
    r"\p{Lu}[\p{L}'’]*(?:-\p{Lu}[\p{L}'’]*)?)$"
)
# "Diederik P Kingma": one given name, a middle initial without its stop (as BibTeX-made lists print
# it), the family name; exactly three words, so that no title ("The C Programming Language") reads so
_GIVEN_BARE_INITIAL = regex.compile(
    r"^(?P<given>\p{Lu}\p{Ll}+\s\p{Lu})\s+(?P<family>\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?)$"
)
# a family name with a capitalised particle, written first: "Des Marais, David J.", "Van Dyke, Jo"
_CAPITAL_PARTICLE_FAMILY = regex.compile(
    r"^(?:De|Des|Du|Da|Di|Del|Della|Van|Von|La|Le|Van\s+[Dd]e[nr]?)\s+\p{Lu}[\p{Ll}'’\-]+$"
)
_PARTICLE_FAMILY = regex.compile(
    r"^(?:(?:van|von|der|den|de|la|le|du|da|di|del|dos|das|ter|ten)\s+){1,3}\p{Lu}[\p{L}'’\-]*$"
)
_INITIAL_PIECE = regex.compile(r"(-?)\s*(\p{Lu}\p{Ll}?)\.?")
_WS = regex.compile(r"\s+")
_AND = regex.compile(r",?\s+and\s+")
_SEPS = regex.compile(r"[,，;；、]|\s*&\s*")
_CJK_SEPS = regex.compile(r"[,，;；、]|(?<!·\p{Lu}\.)\s+(?=\p{Han})")
_LATIN_PAIR = regex.compile(r"[A-Za-z]{2,}\s*,\s*\p{Lu}\.")
_GLOSS = regex.compile(r"\s*\([^()]{1,60}\)\s*")
_LOWER_WORDS = regex.compile(r"\b\p{Ll}{2,}\b")
_ALL_INITIALS = regex.compile(r"(?:\p{Lu}\.?\s?-?)+")
_WORD2 = regex.compile(r"\p{L}{2,}")
_GIVEN_WORDS = regex.compile(  # "John", "Naomi S.", "F. Scott" (an initial before the name used)
    r"^(?:\p{Lu}\.\s?)?\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)?(?:\s+\p{Lu}(?:[\p{Ll}'’\-]+|\.))*(?:\s+(?:de|da|van|von|der|du|la|le))?$"
)


# The last character of a match of _ROLE / _ETAL (before trailing spaces; "ſ" folds to "s"), and
# what must come before a final full stop: searching these end-anchored patterns costs a scan of
# the whole group, so a group that cannot end in one is not searched.
_ROLE_LAST = frozenset("主编著译撰注理校疏选点释订解)dDsSſrRgG")
_ETAL_LAST = frozenset("等人lLsSſ…외")


# lower-case words that may stand in a list of personal names
_LINK_WORDS = frozenset(
    {"and", "et", "al", "van", "von", "der", "de", "la", "le", "du", "da", "di"}
)


def _may_end(text: str, last: frozenset[str], before_stop: str) -> bool:
    c = text[-1:]
    if c == ".":
        return text[-2:-1] in before_stop  # "ed." / "et al." / "..."
    return c in last or c.isspace()


def _initials(text: str) -> str:
    """``"P Z"``/``"R.F.I."``/``"J.-P."`` → ``"P. Z."``/``"R. F. I."``/``"J.-P."``."""
    out: list[str] = []
    for m in _INITIAL_PIECE.finditer(text):
        piece = m.group(2) + "."
        if m.group(1) and out:
            out[-1] += "-" + piece
        else:
            out.append(piece)
    return " ".join(out)


def _family(text: str) -> str:
    text = _WS.sub(" ", text.strip())
    if text.isupper() and len(text) > 1:
        return text.title()
    return text


def _split_pieces(text: str, ampersand: bool) -> list[str]:
    if ampersand:
        text = _AND.sub(",", text)
    return [p for p in map(str.strip, _SEPS.split(text)) if p]


def _cjk_pieces(text: str) -> list[str]:
    return [p for p in map(str.strip, _CJK_SEPS.split(text)) if p]


_GROUPS: dict[str, NameGroup] = {}
_GROUPS_MAX = 8192  # distinct groups remembered (~4 MB)


def parse_names(text: str) -> NameGroup:
    """The names of the responsibility group ``text`` (see the module docstring).  Remembered for
    the run: a rule parse and the labeller's parse of one reference read the same group, and a
    list repeats its authors; each caller gets its own copy (the names go into a draft)."""
    group = _GROUPS.get(text)
    if group is None:
        group = _parse_names(text)
        if len(_GROUPS) >= _GROUPS_MAX:  # forget the oldest quarter
            for key in list(islice(_GROUPS, _GROUPS_MAX // 4)):
                _GROUPS.pop(key, None)  # (another thread may have dropped it)
        _GROUPS[text] = group
    return NameGroup(
        [dict(n) for n in group.names], group.truncated, group.role, list(group.nationalities)
    )


def _parse_names(text: str) -> NameGroup:
    group = NameGroup()
    text = text.strip().strip(",，:：;")
    while text.endswith((".", "。")) and len(text) > 1 and HAN.match(text[-2]):
        text = text[:-1]
    if len(text) > 2000:
        text = text[:2000]
    for _ in range(2):  # "张成福等译" = et al. + role, in either order
        before = text
        m = _ROLE.search(text) if _may_end(text, _ROLE_LAST, "dDsSſg") else None
        if m and m.group("role") in _INITIALS_NOT_ROLES:
            m = None  # "Smith ED", "Bloland HG" (Vancouver): two initials, not Ed./Hg.
        if m and m.start() > 0:
            role = m.group("role").lower().strip("()").rstrip(".")
            group.role = _ROLE_MAP.get(role) or (
                "editor"
                if role.startswith(("ed", "hrsg", "hg"))  # German Hrsg./Hg.: editors
                else "translator"
                if role.startswith("trans")
                else None
            )
            text = text[: m.start()].rstrip()
        m = _ETAL.search(text) if _may_end(text, _ETAL_LAST, "lL.") else None
        if m and m.start() > 0:
            group.truncated = True
            text = text[: m.start()].rstrip(" ,，、;")
        if text == before:
            break  # a second round would find the same
    if not text:
        return group
    if "…" in text or "..." in text:  # APA 7: "Smith, J., Brown, B., … White, D.": names left out
        text = _ELLIPSIS.sub(", ", text)
    if HAN.search(text) and not _LATIN_PAIR.search(text):
        for piece in _cjk_pieces(text):
            if "(" in piece and HAN.match(piece):
                # 大卫·帕尔菲曼(David Palfreyman), 鲁迅(周树人): the original is a gloss; a body's
                # own bracket is its name's, 北京鲁迅博物馆(北京新文化运动纪念馆)
                bare = _GLOSS.sub("", piece) or piece
                inner = piece[piece.find("(") :]
                if not (HAN.search(inner) and "literal" in split_chinese_name(bare)):
                    piece = bare
            m = _NATIONALITY.match(piece)
            if m and m.end() < len(piece):
                group.nationalities.append(m.group("n"))
                piece = piece[m.end() :].strip()
            if piece and not HAN.search(piece) and _FAMILY_INITIALS.match(piece):
                group.names.extend(parse_names(piece).names)  # "金建华, ZHENG H L": a Latin name
            elif m and m.group("n") == "日" and _KANJI_NAME.fullmatch(piece):
                # "[日]山田太郎": a Japanese name in kanji, the family name its first two characters
                group.names.append({"family": piece[:2], "given": piece[2:]})
            elif piece:
                group.names.append(split_chinese_name(piece))
        return group
    if _FAMILIES_ONLY.match(text) and not has_corporate_word(text):
        # "Russell & Norvig", "Sutton and Barto": family names alone, joined by & or and
        group.names.extend({"family": p} for p in _FAMILY_SEP.split(text))
        return group
    # "and" joins names only in a list of personal names, not inside "Food and Drug Administration"
    lower_words = set(_LOWER_WORDS.findall(text)) - _LINK_WORDS
    pieces = _split_pieces(text, ampersand=not lower_words)
    pinyin_pairs: list[int] = []  # names read given-first from an ambiguous "Xiong Ping"
    given_first = False  # a name of the group is written out given name first
    i = 0
    while i < len(pieces):
        piece = pieces[i]
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        if _SUFFIX.match(piece) and group.names and "family" in group.names[-1]:
            group.names[-1]["suffix"] = (
                piece if piece.endswith(".") or piece[-1] == "I" else piece + "."
            )
        elif _CORP_TAIL.match(piece) and group.names and "literal" in group.names[-1]:
            group.names[-1]["literal"] += ", " + (piece if piece.endswith(".") else piece + ".")
        elif (
            (m := _FAMILY_INITIALS.match(piece) if len(piece) < 120 else None)
            and not _INITIALS.match(piece)
            and not (  # "WORLD BANK": a word of capitals, not initials written together
                len(m.group("ini")) >= 3 and m.group("ini").isalpha() and has_corporate_word(piece)
            )
        ):
            group.names.append(
                {"family": _family(m.group("fam")), "given": _initials(m.group("ini"))}
            )
        elif (
            piece.endswith(_SUFFIX_ENDS)
            and (js := _INITIALS_SUFFIX.match(piece))
            and (m := _FAMILY_INITIALS.match(js.group("name")))
            and not _INITIALS.match(js.group("name"))
        ):  # "Peebles P Z Jr" (GB/T 7714-2025 8.2.2): the suffix after the initials
            suf = js.group("suf")
            group.names.append(
                {
                    "family": _family(m.group("fam")),
                    "given": _initials(m.group("ini")),
                    "suffix": suf if suf.endswith(".") or suf[-1] == "I" else suf + ".",
                }
            )
        elif (
            nxt is not None
            and nxt.endswith(_SUFFIX_ENDS)
            and len(piece.split()) == 1
            and piece[:1].isupper()
            and (s := _GIVEN_SUFFIX.match(nxt))
            and (_INITIALS.match(s.group("given")) or _GIVEN_WORDS.match(s.group("given")))
        ):
            given = s.group("given")
            suf = s.group("suf")
            group.names.append(
                {
                    "family": _family(piece),
                    "given": _initials(given) if _INITIALS.match(given) else given,
                    "suffix": suf if suf.endswith(".") or suf[-1] == "I" else suf + ".",
                }
            )
            i += 1
        elif (
            nxt is not None
            and (_INITIALS.match(nxt) or _BARE_INITIALS.match(nxt) and not piece.isupper())
            and (
                " " not in piece.strip()
                or _PARTICLE_FAMILY.match(piece)
                or _CAPITAL_PARTICLE_FAMILY.match(piece)
            )
        ):  # "Smith, J." / "van Bennett, M." / "Des Marais, D. J." / "Smith, AB" (Harvard AGPS)
            group.names.append({"family": _family(piece), "given": _initials(nxt)})
            i += 1
        elif (
            nxt is not None
            and _GIVEN_WORDS.match(nxt)
            and (len(piece.split()) == 1 or i == 0 and _CAPITAL_PARTICLE_FAMILY.match(piece))
            and piece[:1].isupper()
            and len(nxt.split()) <= 3
        ):
            group.names.append({"family": _family(piece), "given": nxt})
            i += 1
        elif piece.count(" ") == 1 and (fg := _family_first(piece)):
            group.names.append(fg)
        else:
            # "Robert D. Hershey Jr." (ACM, IEEE): a suffix after a name written given name first
            suffix = _TRAILING_SUFFIX.search(piece) if piece.endswith(_SUFFIX_ENDS) else None
            bare = piece[: suffix.start()] if suffix else piece
            g = (
                _GIVEN_FIRST.match(bare) or _GIVEN_BARE_INITIAL.match(bare)
                if len(piece) < 80 and not has_corporate_word(piece)
                else None
            )
            if g and suffix:
                suf = suffix.group("suf")
                given = g.group("given")
                if _ALL_INITIALS.fullmatch(given):
                    given = _initials(given)
                group.names.append(
                    {
                        "family": _family(g.group("family")),
                        "given": given,
                        "suffix": suf if suf.endswith(".") or suf[-1] == "I" else suf + ".",
                    }
                )
            elif g:
                given = g.group("given")
                if _ALL_INITIALS.fullmatch(given):
                    given = _initials(given)
                elif _BARE_LAST_INITIAL.search(given):
                    given += "."  # "Diederik P" -> "Diederik P."
                if _pinyin_pair(piece):
                    pinyin_pairs.append(len(group.names))
                elif not _ALL_INITIALS.fullmatch(given.replace(" ", "")):
                    given_first = True  # "Zhiyuan Liu": printed given name first, unambiguously
                group.names.append({"family": _family(g.group("family")), "given": given})
            elif (
                group.names
                and "literal" in group.names[-1]
                and _CORP_PART.match(piece)
                and has_corporate_word(group.names[-1]["literal"])
            ):  # "National Academies of Sciences, Engineering, and Medicine": one body's name
                group.names[-1]["literal"] += ", " + piece
            else:
                group.names.append({"literal": piece})
        i += 1
    if pinyin_pairs and not given_first and _family_first_group(group.names, pinyin_pairs):
        for k in pinyin_pairs:
            n = group.names[k]
            group.names[k] = {"family": n["given"], "given": n["family"]}
    return group


def _pinyin_pair(piece: str) -> bool:
    """``Xiong Ping``, ``Yu Yang``: two pinyin words, the first a pinyin surname, whose order
    the words alone do not show."""
    m = _TWO_WORDS.match(piece)
    return bool(
        m
        and m.group("fam") in words("surnames-pinyin")
        and _PINYIN_GIVEN.fullmatch(m.group("given").replace("-", ""))
    )


def _family_first_group(names: list[dict[str, str]], pairs: list[int]) -> bool:
    """Whether the ambiguous pinyin pairs of a group read family first (GB/T 7714-2025 prints
    ``Yu Yang, Pan Erting``; so do Chinese journals): every other personal name of the group is
    written family first (``Pan Erting``, ``Sommers C H``), none given first (``John Smith``)."""
    for k, name in enumerate(names):
        if k in pairs or "family" not in name:
            continue
        given = name.get("given", "")
        if not (
            _ALL_INITIALS.fullmatch(given.replace(".", "").replace(" ", ""))
            or _family_first(f"{name['family']} {given}")
        ):
            return False
    return True


# "Smith J, Doe A B, et al." / "SMITH J." : GB/T (and Vancouver) names: family name, then initials
VANCOUVER_NAMES = regex.compile(
    r"\G(?:\p{Lu}[\p{L}'’\-]+(?:\s\p{Lu}[\p{Ll}'’\-]+)?\s\p{Lu}{1,3}\s?(?:\p{Lu}\s?)?(?:,\s*|\.\s))+"
)


# a pinyin syllable (initial + final), for given names written in pinyin ("Xiaoming", "Jianguo")
_SYLLABLE = (
    r"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|er|in|un|ia|ie|iu|"
    r"ua|uo|ui|ue|ve|a|o|e|i|u|v)"
)
_PINYIN_GIVEN = regex.compile(rf"(?i)(?:{_SYLLABLE}){{1,3}}")
# "LI Jianguo", "SMITH John": a family name in capitals (GB/T 7714), then the given name written out
_CAPS_FAMILY = regex.compile(
    r"^(?P<fam>\p{Lu}{2,}(?:-\p{Lu}{2,})?)\s+(?P<given>\p{Lu}\p{Ll}+(?:-\p{Ll}+)?)$"
)
_TWO_WORDS = regex.compile(r"^(?P<fam>\p{Lu}\p{Ll}+)\s+(?P<given>\p{Lu}\p{Ll}+(?:-\p{Ll}+)?)$")


def _family_first(piece: str) -> dict[str, str] | None:
    """``LI Jianguo`` and ``Wang Xiaoming`` (a pinyin surname, then a pinyin given name that is
    not itself a one-syllable surname, as in the ambiguous ``Li Hua``): family name first."""
    m = _CAPS_FAMILY.match(piece)
    if m and not has_corporate_word(piece):  # (not "NVIDIA Corporation")
        return {"family": m.group("fam").title(), "given": m.group("given")}
    m = _TWO_WORDS.match(piece)
    if not m or m.group("fam") not in words("surnames-pinyin"):
        return None
    given = m.group("given")
    if not _PINYIN_GIVEN.fullmatch(given.replace("-", "")):
        return None
    if given in words("surnames-pinyin") and _PINYIN_GIVEN.fullmatch(m.group("fam")):
        if not regex.fullmatch(rf"(?i){_SYLLABLE}{_SYLLABLE}", given):
            return None  # "Li Hua": both read as surnames, the order is not shown
    return {"family": m.group("fam"), "given": given}


def looks_like_names(text: str) -> bool:
    """A cheap test: could ``text`` be a responsibility group (not a title)?"""
    text = text.strip()
    if not text or len(text) > 300:
        return False
    if any(ch in text for ch in '《》“”"?？!'):
        return False
    han = len(HAN.findall(text))
    if han:
        if _may_end(text, _ROLE_LAST, "dDsSſ"):
            text = _ROLE.sub("", text)
        if _may_end(text, _ETAL_LAST, "lL."):
            text = _ETAL.sub("", text)
        pieces = _cjk_pieces(text)
        return bool(pieces) and all(1 <= len(p) <= 40 for p in pieces) and han >= 2
    # a Latin group needs at least one word of two letters or more
    return bool(_WORD2.search(text))


def personal_names_only(text: str) -> bool:
    """A stricter test than :func:`looks_like_names`: ``text`` parses to one to six personal
    names, each with a family name (费孝通, 张三、李四等, SMITH J), no organisation or title."""
    group = parse_names(text)
    return 0 < len(group.names) <= 6 and all("family" in n for n in group.names)
