"""Features for the CRF labeller, one small function per concern.

Token features depend only on the token's text (word, shape, script, number shape, lexicons);
they are computed once per distinct token text and cached, already prefixed for each window
offset, so a sequence costs little more than list concatenation.  Context features depend on the
position in the reference (relative position, bracket and quote depth, the element count so far,
spaces around the token, the punctuation before and after); the state-based ones are rebuilt only
when the state changes (after punctuation or a year).

``sequence_features(text, tokens)`` returns one list of features per token, each feature as UTF-8
``bytes``: python-crfsuite copies bytes as they are, where it would encode every ``str`` again on
every call (about a fifth of the tagging time).  The model's attribute names are the same either way.
"""

from __future__ import annotations

import re
import threading

from ..text.lexicons import words
from ..text.script import is_cjk

__all__ = ["sequence_features", "token_features", "clear_cache"]


def _latin(name: str) -> frozenset[str]:
    """The lower-case Latin words of a word list (a multi-word entry gives each of its words)."""
    return frozenset(
        w.lower()
        for entry in words(name)
        if entry.isascii() or not _has_cjk(entry)
        for w in entry.split()
    )


def _has_cjk(s: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in s)


# -- lexicons (lower case) ---------------------------------------------------------------------

_PUBLISHER = frozenset(
    "press publisher publishers publishing publications verlag books university "
    "universitaire universitaria inc ltd llc co corp company gmbh elsevier springer wiley "
    "routledge sage pearson mcgraw hill oxford cambridge taylor francis academic".split()
) | _latin("publisher-words")
_JOURNAL = frozenset(
    "journal j rev review reviews proc proceedings trans transactions lett letters bull "
    "bulletin ann annals acta quarterly magazine science nature phys chem med am soc int "
    "res studies studia zeitschrift revue rivista archives".split()
) | _latin("journal-words")
_CONF = frozenset(
    "conference conf symposium workshop congress meeting proceedings proc colloquium".split()
)
_MONTH = frozenset(
    "jan january feb february mar march apr april may jun june jul july aug august sep sept "
    "september oct october nov november dec december spring summer autumn fall winter".split()
)
_ROLE = frozenset("ed eds editor editors edited trans translated translator by hrsg comp".split())
_PAGE = frozenset("p pp page pages s".split())
_VOL = frozenset("vol volume vols bd no nr issue num number n iss".split())
_THESIS = frozenset("thesis dissertation phd ph diss master masters doctoral".split())
_WEB = frozenset(
    "retrieved accessed available online from http https www doi url urn arxiv cited".split()
)
_LINK = frozenset("in and et al the of for on".split())
_PLACE = frozenset("ny ma ca uk usa nj il dc".split()) | _latin("places-world")
_PINYIN = words("pinyin-syllables")
_INSTITUTION = _latin("institution-words")
# abbreviated journal title words (Phys, Rev, Chin): matched with their case, a capital first
_JOURNAL_ABBREV = words("journal-abbreviations")
_PARTICLE = frozenset("van von der den de la le du da di del dos das ter".split())
_ETAL = frozenset("et al etal".split())
# single CJK characters that carry structure (their identity is a feature anyway; these group them)
_CJK_CLASS = {
    "年": "date",
    "月": "date",
    "日": "date",
    "期": "num",
    "卷": "num",
    "第": "num",
    "页": "num",
    "版": "ed",
    "译": "role",
    "编": "role",
    "著": "role",
    "等": "etal",
    "社": "pub",
    "局": "pub",
    "馆": "pub",
    "学": "inst",
    "院": "inst",
    "所": "inst",
    "报": "jour",
    "刊": "jour",
    "志": "jour",
    "京": "place",
    "海": "place",
    "州": "place",
    "载": "in",
    "见": "in",
}


# -- token features: one concern each ----------------------------------------------------------


def f_kind(tok: str) -> str:
    """Script class: C (CJK), L (letters), D (digits), P (punctuation), U (URL or DOI)."""
    if len(tok) > 6 and ("://" in tok or tok.startswith(("www.", "10."))):
        return "U"
    ch = tok[0]
    if ch >= "\u1100" and is_cjk(ch):  # no CJK script starts lower (Hangul jamo)
        return "C"
    if tok.isdecimal():
        return "D"
    if ch.isalpha():
        return "L"
    return "P"


def f_word(tok: str, kind: str) -> str:
    if kind == "D":
        return "w=<d>"
    if kind == "U":
        return "w=<doi>" if tok.startswith("10.") else "w=<url>"
    return "w=" + tok.lower()[:20]


def f_shape(tok: str, kind: str) -> str:
    """Letter case shape (Aa, A, AA, a) or digit count; punctuation is itself."""
    if kind == "L":
        if len(tok) == 1:
            return "s=A" if tok.isupper() else "s=a"
        if tok.isupper():
            return "s=AA"
        if tok[0].isupper():
            return "s=Aa"
        return "s=a+" if tok.islower() else "s=mix"
    if kind == "D":
        return "s=d" + str(min(len(tok), 5))
    if kind == "C":
        return "s=C"
    if kind == "U":
        return "s=U"
    return "s=" + tok


def f_number(tok: str, kind: str) -> list[str]:
    """Number shapes: a plausible year, small numbers (issue/volume), large (pages)."""
    if kind != "D":
        return []
    n = int(tok[:9])
    out = []
    if len(tok) == 4 and 1500 <= n <= 2039:
        out.append("year")
    if n <= 12:
        out.append("n<=12")
    elif n <= 31:
        out.append("n<=31")
    elif n <= 200:
        out.append("n<=200")
    else:
        out.append("n>200")
    return out


def f_affix(tok: str, kind: str) -> list[str]:
    if kind != "L" or len(tok) < 4:
        return []
    low = tok.lower()
    return ["suf=" + low[-3:], "pre=" + low[:3]]


_LEXICONS = (
    ("pub", _PUBLISHER),
    ("jour", _JOURNAL),
    ("conf", _CONF),
    ("month", _MONTH),
    ("role", _ROLE),
    ("page", _PAGE),
    ("vol", _VOL),
    ("thesis", _THESIS),
    ("web", _WEB),
    ("link", _LINK),
    ("place", _PLACE),
    ("particle", _PARTICLE),
    ("etal", _ETAL),
    ("inst", _INSTITUTION),
    ("py", _PINYIN),
)
# lower-case word -> its lexicon features, in the order of _LEXICONS
_LEXICON_INDEX: dict[str, tuple[str, ...]] = {}
for _name, _lex in _LEXICONS:
    for _word in _lex:
        _LEXICON_INDEX[_word] = (*_LEXICON_INDEX.get(_word, ()), "x=" + _name)
# a CJK character -> its class (above) and whether it is a single-character surname
_CJK_LEXICON: dict[str, tuple[str, ...]] = {ch: ("cx=" + cls,) for ch, cls in _CJK_CLASS.items()}
for _ch in words("surnames-single"):
    _CJK_LEXICON[_ch] = (*_CJK_LEXICON.get(_ch, ()), "cx=sur")


def _pinyin_split(rest: str, parts: int) -> bool:
    if not rest:
        return parts >= 2
    if parts == 4:
        return False
    for k in range(min(6, len(rest)), 0, -1):
        if rest[:k] in _PINYIN and _pinyin_split(rest[k:], parts + 1):
            return True
    return False


def _pinyin_word(low: str) -> bool:
    """Is ``low`` (lower case, not itself a syllable) two to four pinyin syllables run together
    (xiaoming, jianguo)?  Greedy from the longest syllable, with backtracking.  (The splitter is
    a module function: a recursive closure made a reference cycle per call, ~30,000 per 10,000
    lines, which brought the cyclic garbage collector round ~25% sooner.)"""
    return 4 <= len(low) <= 18 and low not in _PINYIN and low.isascii() and _pinyin_split(low, 0)


def _latin_lexicon(tok: str, low: str) -> tuple[str, ...]:
    """The lexicon features of a Latin-letter token: the word lists it is in, a run-together pinyin
    name, an abbreviated journal word."""
    out = _LEXICON_INDEX.get(low, ())
    if _pinyin_word(low):
        out = (*out, "x=py2")
    if tok in _JOURNAL_ABBREV and tok[0].isupper():
        out = (*out, "x=jabbr")
    return out


def f_lexicon(tok: str, kind: str) -> list[str]:
    if kind == "C":
        return list(_CJK_LEXICON.get(tok, ()))
    if kind != "L":
        return []
    return list(_latin_lexicon(tok, tok.lower()))


_OFFSETS = (-2, -1, 0, 1, 2)
# token text -> (far -2, near -1, centre, near +1, far +2, "bi=<word>|", "<word>", event), every feature as
# UTF-8 bytes (python-crfsuite takes bytes without re-encoding them); event says whether the token changes
# the context state: _EV_YEAR (a plausible year), _EV_PUNCT (one punctuation mark) or 0
_FEATURE_CACHE: dict[str, tuple] = {}
_CACHE_LOCK = threading.Lock()
_CACHE_MAX = 50_000  # ~0.9 KB an entry: bounded at ~45 MB for a long-running service
_EV_YEAR, _EV_PUNCT = 1, 2


# the same features as bytes, for token_features (which builds them without the helpers above)
_CJK_LEXICON_BYTES = {ch: tuple(f.encode() for f in fs) for ch, fs in _CJK_LEXICON.items()}
_YEAR, _N12, _N31, _N200, _NBIG = b"year", b"n<=12", b"n<=31", b"n<=200", b"n>200"
_DIGITS = tuple(("s=d" + str(k)).encode() for k in range(6))
_W_DIGITS, _W_DOI, _W_URL = b"w=<d>", b"w=<doi>", b"w=<url>"
_S_C, _S_U = b"s=C", b"s=U"


def token_features(tok: str) -> tuple:
    """The token's features prefixed for each window offset -2..2 (cached per token text), as
    UTF-8 bytes, the prefix of the bigram feature that starts at it and its context event.

    The same features as ``f_word``, ``f_shape``, ``f_number``, ``f_lexicon`` and ``f_affix`` give
    (the tests hold them equal), built in one pass: a reference list has tens of thousands of
    distinct tokens."""
    cached = _FEATURE_CACHE.get(tok)
    if cached is not None:
        return cached
    kind = f_kind(tok)
    event = 0
    if kind == "L":
        low = tok.lower()
        word = ("w=" + low[:20]).encode()
        if len(tok) == 1:
            shape = b"s=A" if tok.isupper() else b"s=a"
        elif tok.isupper():
            shape = b"s=AA"
        elif tok[0].isupper():
            shape = b"s=Aa"
        else:
            shape = b"s=a+" if tok.islower() else b"s=mix"
        extra: tuple[bytes, ...] = tuple(f.encode() for f in _latin_lexicon(tok, low))
        if len(tok) >= 4:
            centre = (word, shape, *extra, ("suf=" + low[-3:]).encode())
        else:
            centre = (word, shape, *extra)
        far = shape
    elif kind == "D":
        word = _W_DIGITS
        shape = _DIGITS[min(len(tok), 5)]
        n = int(tok[:9])
        small = _N12 if n <= 12 else _N31 if n <= 31 else _N200 if n <= 200 else _NBIG
        if len(tok) == 4 and 1500 <= n <= 2039:
            extra = (_YEAR, small)
            event = _EV_YEAR
        else:
            extra = (small,)
        centre = (word, shape, *extra)
        far = shape
    elif kind == "C":
        word = ("w=" + tok.lower()[:20]).encode()
        shape = _S_C
        extra = _CJK_LEXICON_BYTES.get(tok, ())
        centre = (word, shape, *extra)
        far = word
    elif kind == "U":
        word = _W_DOI if tok.startswith("10.") else _W_URL
        shape = _S_U
        extra = ()
        centre = (word, shape)
        far = shape
    else:  # punctuation: its shape is itself, and it is no near feature
        word = ("w=" + tok.lower()[:20]).encode()
        shape = ("s=" + tok).encode()
        extra = ()
        centre = (word, shape)
        far = word
        if len(tok) == 1 and not tok.isalnum():
            event = _EV_PUNCT
    # the near features (at -1 / +1): word, shape (not for punctuation) and the first extra one
    left: tuple[bytes, ...]
    right: tuple[bytes, ...]
    if kind == "P":
        left, right = (b"-1" + word,), (b"+1" + word,)
    elif extra:
        e = extra[0]
        left = (b"-1" + word, b"-1" + shape, b"-1" + e)
        right = (b"+1" + word, b"+1" + shape, b"+1" + e)
    else:
        left = (b"-1" + word, b"-1" + shape)
        right = (b"+1" + word, b"+1" + shape)
    wd = word[2:]
    result = ((b"-2" + far,), left, centre, right, (b"+2" + far,), b"bi=" + wd + b"|", wd, event)
    if len(_FEATURE_CACHE) < _CACHE_MAX:
        _FEATURE_CACHE[tok] = result  # a dict store is atomic: no lock needed
    return result


def _token_features_reference(tok: str) -> tuple:
    """token_features from the one-concern helpers (slow; the tests compare the two)."""
    kind = f_kind(tok)
    word = f_word(tok, kind).encode()
    shape = f_shape(tok, kind).encode()
    extra = [f.encode() for f in (*f_number(tok, kind), *f_lexicon(tok, kind))]
    affix = f_affix(tok, kind)
    centre = (word, shape, *extra, affix[0].encode()) if affix else (word, shape, *extra)
    near = (word, shape, *extra[:1]) if kind != "P" else (word, *extra[:1])
    far = word if kind in "PC" else shape
    event = 0
    if len(tok) == 4 and kind == "D" and 1500 <= int(tok) <= 2039:
        event = _EV_YEAR
    elif len(tok) == 1 and kind == "P" and not tok.isalnum():
        event = _EV_PUNCT
    return (
        (b"-2" + far,),
        tuple([b"-1" + f for f in near]),
        centre,
        tuple([b"+1" + f for f in near]),
        (b"+2" + far,),
        b"bi=" + word[2:] + b"|",
        word[2:],
        event,
    )


def clear_cache() -> None:
    with _CACHE_LOCK:
        _FEATURE_CACHE.clear()
        _CONTEXTS.clear()


# -- context features --------------------------------------------------------------------------

_OPENERS = {"(": 0, "[": 1, "“": 2, "《": 3, '"': 2, "‘": 2}
_CLOSERS = {")": 0, "]": 1, "”": 2, "》": 3, "’": 2}
_DEPTH_NAMES = ("par", "brk", "quo", "book")


_POS = tuple(("pos=" + str(k)).encode() for k in range(10))
_EL = tuple(("el=" + str(k)).encode() for k in range(7))
_LP: dict[str, bytes] = {"^": b"lp=^"}
_DEPTH_FEATS = tuple(("in_" + name).encode() for name in _DEPTH_NAMES)
_BOS, _BOS2, _EOS, _EOS2 = (b"BOS",), (b"-2BOS",), (b"EOS",), (b"+2EOS",)
_AFTER_YEAR, _AFTER_QUOTE = b"after_year", b"after_quote"
# spacing feature by (space before, space after): index 2 * before + after
_SPACING = ((), (b"sp>",), (b"sp<",), (b"sp<>",))
# stand-ins for the tokens before the first and after the last one: the window features they give
# (slot 0: as the -2 token, 1: as -1, 3: as +1, 4: as +2; 6: the bigram's second half)
_PAD_M2 = ((), (), (), (), (), b"", b"", 0)
_PAD_M1 = (_BOS2, _BOS, (), (), (), b"", b"", 0)
_PAD_P1 = ((), (), (), _EOS, _EOS2, b"", b"", 0)
_PAD_P2 = ((), (), (), (), (), b"", b"", 0)
_POS_TABLES: dict[int, list[bytes]] = {}
# (elements, after a year, after a quote, last punctuation, open brackets) -> the state's features
_CONTEXTS: dict[tuple, tuple[bytes, ...]] = {}


# Chinese words of two or more characters, found in the text (a CJK token is one character): compound
# surnames, places, and the words that end publishers', institutions' and journals' names
_CJK_WORDS: dict[str, str] = {}
for _list, _name in (
    ("journal-words", "jour"),
    ("institution-words", "inst"),
    ("publisher-words", "pub"),
    ("places-zh", "place"),
    ("surnames-compound", "sur2"),
):
    for _w in words(_list):
        if len(_w) >= 2 and _has_cjk(_w):
            _CJK_WORDS[_w] = _name
_CJK_WORD_MAX = max(map(len, _CJK_WORDS))
# (most English references have none of these characters: skip the scan).  A set of literal
# characters means the same to ``re`` as to ``regex``, and ``re`` finds it ~10x faster
_ANY_CJK_WORD = re.compile(
    "[" + re.escape("".join(sorted({w[0] for w in _CJK_WORDS}))) + "]"
).search
_CJK_WORD_FIRST = frozenset(w[0] for w in _CJK_WORDS)
# per word: the features of its first character and of the others
_CJK_WORD_FEATS = {
    w: ((b"lb=" + n.encode(),), (b"li=" + n.encode(),)) for w, n in _CJK_WORDS.items()
}


def cjk_word_marks(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, list)`` of every lexicon word in ``text``, longest first, left to right,
    without overlaps (北京大学出版社: 北京 place, 大学 institution, 出版社 publisher)."""
    out = []
    i, n = 0, len(text)
    first, lexicon = _CJK_WORD_FIRST, _CJK_WORDS
    while i < n - 1:
        if text[i] in first:
            for k in range(min(_CJK_WORD_MAX, n - i), 1, -1):
                name = lexicon.get(text[i : i + k])
                if name:
                    out.append((i, i + k, name))
                    i += k
                    break
            else:
                i += 1
        else:
            i += 1
    return out


def _add_word_marks(text: str, tokens: list[tuple[int, int]], out: list[list[bytes]]) -> None:
    marks = cjk_word_marks(text)
    if not marks:
        return
    j, n = 0, len(tokens)
    for s, e, _ in marks:
        b, i = _CJK_WORD_FEATS[text[s:e]]
        while j < n and tokens[j][0] < s:
            j += 1
        k = j
        while k < n and tokens[k][0] < e:
            out[k] += b if k == j else i
            k += 1


def sequence_features(text: str, tokens: list[tuple[int, int]]) -> list[list[bytes]]:
    """Features for every token of one reference (see the module docstring), as UTF-8 bytes.

    Per token, in this order: its own features, those of the tokens at -1, -2, +1, +2, the
    relative position, the context state before it, spacing, and the bigram with the next token.
    """
    n = len(tokens)
    if not n:
        return []
    words = [text[s:e] for s, e in tokens]
    get = _FEATURE_CACHE.get
    fts = [get(w) or token_features(w) for w in words]
    pos = _POS_TABLES.get(n)
    if pos is None:
        pos = [_POS[10 * i // n] for i in range(n)]
        if n <= 400:
            _POS_TABLES[n] = pos
    spacing = [_SPACING[(text[s - 1 : s] == " ") * 2 + (text[e : e + 1] == " ")] for s, e in tokens]
    ctxs = _contexts(text, tokens, words, fts, n)
    ext = [_PAD_M2, _PAD_M1, *fts, _PAD_P1, _PAD_P2]
    # the last token gets a bigram with the padding too; it is dropped below
    out = [
        [*c[2], *a[1], *b[0], *p[3], *q[4], po, *cx, *sp, c[5] + p[6]]
        for c, a, b, p, q, po, cx, sp in zip(
            fts, ext[1:], ext, ext[3:], ext[4:], pos, ctxs, spacing, strict=False
        )
    ]
    out[-1].pop()
    if _ANY_CJK_WORD(text):
        _add_word_marks(text, tokens, out)
    return out


def _contexts(
    text: str, tokens: list[tuple[int, int]], words: list[str], fts: list[tuple], n: int
) -> list:
    """The context features before each token: the state after the tokens before it (element count,
    after a year / a closing quote, the last punctuation, open brackets).  The state changes only at
    punctuation and at the first year, so only those tokens are visited."""
    events = [i for i, ft in enumerate(fts) if ft[7]]
    ctx: tuple[bytes, ...] = (_EL[0], _LP["^"])
    if not events:
        return [ctx] * n
    out: list[tuple[bytes, ...]] = []
    depth = [0, 0, 0, 0]
    any_depth = False
    dquote_open = False
    elements = 0  # ". " separators so far
    seen_year = False
    seen_quote = False
    lp = _LP["^"]
    tlen = len(text)
    done = 0
    contexts = _CONTEXTS
    for i in events:
        if fts[i][7] == _EV_YEAR:
            if seen_year:
                continue
            seen_year = True
        else:
            w = words[i]
            if w in _OPENERS and not (w == '"' and dquote_open):
                depth[_OPENERS[w]] += 1
                any_depth = True
                if w == '"':
                    dquote_open = True
            elif w in _CLOSERS or (w == '"' and dquote_open):
                k = _CLOSERS.get(w, 2)
                depth[k] = max(0, depth[k] - 1)
                any_depth = any(depth)
                if w == '"':
                    dquote_open = False
                if k == 2:
                    seen_quote = True
            lp = _LP.get(w) or _LP.setdefault(w, ("lp=" + w).encode())
            if w == ".":
                e = tokens[i][1]
                if (e >= tlen or text[e] == " ") and not (i > 0 and len(words[i - 1]) == 1):
                    elements += 1
            elif w == "。":
                elements += 1
        out += [ctx] * (i + 1 - done)  # the tokens up to this one see the state before it
        done = i + 1
        # the state's features, made once per distinct state
        key = (elements, seen_year, seen_quote, lp, (*depth,) if any_depth else None)
        ctx = contexts.get(key) or _context(key)
    out += [ctx] * (n - done)
    return out


def _context(key: tuple) -> tuple[bytes, ...]:
    elements, seen_year, seen_quote, lp, depth = key
    f = [_EL[elements if elements < 6 else 6]]
    if seen_year:
        f.append(_AFTER_YEAR)
    if seen_quote:
        f.append(_AFTER_QUOTE)
    f.append(lp)
    if depth:
        for k in range(4):
            if depth[k]:
                f.append(_DEPTH_FEATS[k])
    ctx = tuple(f)
    if len(_CONTEXTS) < _CACHE_MAX:
        _CONTEXTS[key] = ctx
    return ctx
