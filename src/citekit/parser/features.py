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

import threading

__all__ = ["sequence_features", "token_features", "clear_cache"]

# -- lexicons (lower case) ---------------------------------------------------------------------

_PUBLISHER = frozenset("press publisher publishers publishing publications verlag books university "
                       "universitaire universitaria inc ltd llc co corp company gmbh elsevier springer wiley "
                       "routledge sage pearson mcgraw hill oxford cambridge taylor francis academic"
                       .split())
_JOURNAL = frozenset("journal j rev review reviews proc proceedings trans transactions lett letters bull "
                     "bulletin ann annals acta quarterly magazine science nature phys chem med am soc int "
                     "res studies studia zeitschrift revue rivista archives"
                     .split())
_CONF = frozenset("conference conf symposium workshop congress meeting proceedings proc colloquium".split())
_MONTH = frozenset("jan january feb february mar march apr april may jun june jul july aug august sep sept "
                   "september oct october nov november dec december spring summer autumn fall winter"
                   .split())
_ROLE = frozenset("ed eds editor editors edited trans translated translator by hrsg comp".split())
_PAGE = frozenset("p pp page pages s".split())
_VOL = frozenset("vol volume vols bd no nr issue num number n iss".split())
_THESIS = frozenset("thesis dissertation phd ph diss master masters doctoral".split())
_WEB = frozenset("retrieved accessed available online from http https www doi url urn arxiv cited".split())
_LINK = frozenset("in and et al the of for on".split())
_PLACE = frozenset("london york new berlin paris boston cambridge oxford amsterdam tokyo beijing shanghai "
                   "washington chicago philadelphia princeton heidelberg dordrecht singapore sydney toronto "
                   "ny ma ca uk usa nj il dc germany china"
                   .split())
_PARTICLE = frozenset("van von der den de la le du da di del dos das ter".split())
_ETAL = frozenset("et al etal".split())
# single CJK characters that carry structure (their identity is a feature anyway; these group them)
_CJK_CLASS = {
    "年": "date", "月": "date", "日": "date", "期": "num", "卷": "num", "第": "num", "页": "num",
    "版": "ed", "译": "role", "编": "role", "著": "role", "等": "etal", "社": "pub", "局": "pub",
    "馆": "pub", "学": "inst", "院": "inst", "所": "inst", "报": "jour", "刊": "jour", "志": "jour",
    "京": "place", "海": "place", "州": "place", "载": "in", "见": "in",
}


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x3040 <= o <= 0x30FF or 0xAC00 <= o <= 0xD7AF \
        or 0x20000 <= o <= 0x3134F


# -- token features: one concern each ----------------------------------------------------------

def f_kind(tok: str) -> str:
    """Script class: C (CJK), L (letters), D (digits), P (punctuation), U (URL or DOI)."""
    if len(tok) > 6 and ("://" in tok or tok.startswith(("www.", "10."))):
        return "U"
    ch = tok[0]
    if _is_cjk(ch):
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


_LEXICONS = (("pub", _PUBLISHER), ("jour", _JOURNAL), ("conf", _CONF), ("month", _MONTH), ("role", _ROLE),
             ("page", _PAGE), ("vol", _VOL), ("thesis", _THESIS), ("web", _WEB), ("link", _LINK),
             ("place", _PLACE), ("particle", _PARTICLE), ("etal", _ETAL))
# lower-case word -> its lexicon features, in the order of _LEXICONS
_LEXICON_INDEX: dict[str, tuple[str, ...]] = {}
for _name, _lex in _LEXICONS:
    for _word in _lex:
        _LEXICON_INDEX[_word] = (*_LEXICON_INDEX.get(_word, ()), "x=" + _name)
_CJK_LEXICON = {ch: ("cx=" + cls,) for ch, cls in _CJK_CLASS.items()}


def f_lexicon(tok: str, kind: str) -> list[str]:
    if kind == "C":
        return list(_CJK_LEXICON.get(tok, ()))
    if kind != "L":
        return []
    return list(_LEXICON_INDEX.get(tok.lower(), ()))


_OFFSETS = (-2, -1, 0, 1, 2)
# token text -> (far -2, near -1, centre, near +1, far +2, "bi=<word>|", "<word>"), every feature as UTF-8 bytes
# (python-crfsuite takes bytes without re-encoding them)
_FEATURE_CACHE: dict[str, tuple[tuple[bytes, ...], ...]] = {}
_CACHE_LOCK = threading.Lock()
_CACHE_MAX = 200_000


def token_features(tok: str) -> tuple[tuple[bytes, ...], ...]:
    """The token's features prefixed for each window offset -2..2 (cached per token text), as
    UTF-8 bytes, and the prefix of the bigram feature that starts at it."""
    cached = _FEATURE_CACHE.get(tok)
    if cached is not None:
        return cached
    kind = f_kind(tok)
    word = f_word(tok, kind)
    shape = f_shape(tok, kind)
    extra = [*f_number(tok, kind), *f_lexicon(tok, kind)]
    centre = [word, shape, *extra, *f_affix(tok, kind)[:1]]
    near = [word, shape] if kind != "P" else [word]  # at -1 / +1 (punctuation: its shape is itself)
    near += extra[:1]
    far = [word if kind in "PC" else shape]  # at -2 / +2
    result = (
        tuple(("-2" + f).encode() for f in far),
        tuple(("-1" + f).encode() for f in near),
        tuple(f.encode() for f in centre),
        tuple(("+1" + f).encode() for f in near),
        tuple(("+2" + f).encode() for f in far),
        ("bi=" + word[2:] + "|").encode(),
        word[2:].encode(),
    )
    if len(_FEATURE_CACHE) < _CACHE_MAX:
        with _CACHE_LOCK:
            _FEATURE_CACHE[tok] = result
    return result


def clear_cache() -> None:
    with _CACHE_LOCK:
        _FEATURE_CACHE.clear()


# -- context features --------------------------------------------------------------------------

_OPENERS = {"(": 0, "[": 1, "“": 2, "《": 3, '"': 2, "‘": 2}
_CLOSERS = {")": 0, "]": 1, "”": 2, "》": 3, "’": 2}
_DEPTH_NAMES = ("par", "brk", "quo", "book")


_POS = tuple(("pos=" + str(k)).encode() for k in range(10))
_EL = tuple(("el=" + str(k)).encode() for k in range(7))
_LP: dict[str, bytes] = {}
_DEPTH_FEATS = tuple(("in_" + name).encode() for name in _DEPTH_NAMES)
_BOS, _BOS2, _EOS, _EOS2 = (b"BOS",), (b"-2BOS",), (b"EOS",), (b"+2EOS",)
_AFTER_YEAR, _AFTER_QUOTE = b"after_year", b"after_quote"
_SP_BOTH, _SP_BEFORE, _SP_AFTER = b"sp<>", b"sp<", b"sp>"


def sequence_features(text: str, tokens: list[tuple[int, int]]) -> list[list[bytes]]:
    """Features for every token of one reference (see the module docstring), as UTF-8 bytes."""
    n = len(tokens)
    if not n:
        return []
    words = [text[s:e] for s, e in tokens]
    cache = _FEATURE_CACHE
    fts = [cache.get(w) or token_features(w) for w in words]
    # the window features of every token: its own, then -1, -2, +1, +2 (BOS/EOS past the ends)
    if n == 1:
        m1, m2, p1, p2 = [_BOS], [()], [_EOS], [()]
    else:
        m1 = [_BOS, *[ft[1] for ft in fts[:-1]]]
        m2 = [(), _BOS2, *[ft[0] for ft in fts[:-2]]]
        p1 = [*[ft[3] for ft in fts[1:]], _EOS]
        p2 = [*[ft[4] for ft in fts[2:]], _EOS2, ()]
    bigrams = [a[5] + b[6] for a, b in zip(fts, fts[1:])]
    bigrams.append(None)
    out: list[list[bytes]] = []
    depth = [0, 0, 0, 0]
    any_depth = False
    dquote_open = False
    elements = 0  # ". " separators so far
    seen_year = False
    seen_quote = False
    lp = _LP.get("^") or _LP.setdefault("^", b"lp=^")
    # the features of the state so far: element count, after year/quote, last punctuation, depths
    ctx: tuple[bytes, ...] = (_EL[0], lp)
    tlen = len(text)
    i = 0
    for (s, e), ft, a, b, c, d, bi in zip(tokens, fts, m1, m2, p1, p2, bigrams):
        f = [*ft[2], *a, *b, *c, *d, _POS[10 * i // n], *ctx]
        if s > 0 and text[s - 1] == " ":
            f.append(_SP_BOTH if e < tlen and text[e] == " " else _SP_BEFORE)
        elif e < tlen and text[e] == " ":
            f.append(_SP_AFTER)
        if bi is not None:
            f.append(bi)
        out.append(f)
        i += 1
        # update state after the token
        if e - s != 1:
            if e - s == 4 and not seen_year:
                w = words[i - 1]
                if w.isdecimal() and 1500 <= int(w) <= 2039:
                    seen_year = True
                    ctx = _context(elements, seen_year, seen_quote, lp, depth if any_depth else None)
            continue
        w = words[i - 1]
        if w.isalnum() or _is_cjk(w):
            continue
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
        if w == "." and (e >= tlen or text[e] == " ") and not (i > 1 and len(words[i - 2]) == 1):
            elements += 1
        elif w == "。":
            elements += 1
        ctx = _context(elements, seen_year, seen_quote, lp, depth if any_depth else None)
    return out


def _context(elements: int, seen_year: bool, seen_quote: bool, lp: bytes, depth: list[int] | None) -> tuple[bytes, ...]:
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
    return tuple(f)
