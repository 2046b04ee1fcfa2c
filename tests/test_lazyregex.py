"""citekit.lazyregex: ``compile`` defers the work to first use and then behaves as regex's own."""

from __future__ import annotations

import regex

from citekit import lazyregex


def test_a_lazy_pattern_compiles_on_first_use_and_matches_like_regex():
    source = r"(?P<year>\d{4})\p{Han}"
    lazy = lazyregex.compile(source)
    assert isinstance(lazy, lazyregex.LazyPattern)  # nothing compiled yet
    real = regex.compile(source)
    text = "于2019年和2020年"
    assert lazy.search(text).group("year") == real.search(text).group("year") == "2019"
    assert not isinstance(lazy, lazyregex.LazyPattern)  # compiled once, kept
    assert lazy.compiled() is lazy.compiled()
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in real.finditer(text)]
    assert lazy.sub("#", text) == real.sub("#", text)
    assert lazy.pattern == source and lazy.groupindex == real.groupindex
    assert lazy.match(text, 1).end() == 6  # pos arguments pass through
    assert lazyregex.escape("a.b") == regex.escape("a.b")  # everything else is regex's


def test_flags_and_errors_pass_through():
    assert lazyregex.compile("abc", regex.IGNORECASE).fullmatch("ABC")
    bad = lazyregex.compile("(")
    try:
        bad.search("x")
    except regex.error:
        pass
    else:  # pragma: no cover
        raise AssertionError("an invalid pattern must raise regex.error on first use")


def test_module_level_functions_answer_as_regex_does():
    text = "Smith J, ed. 2019年 Eds. 2020"
    cases = [
        (r"\d{4}", 0),
        (r"eds?\.", regex.IGNORECASE),
        (r"(?P<y>\d{4})\p{Han}", 0),
    ]
    for pattern, flags in cases:
        for fn in ("search", "match", "fullmatch"):
            ours = getattr(lazyregex, fn)(pattern, text, flags)
            theirs = getattr(regex, fn)(pattern, text, flags)
            assert (ours and ours.span()) == (theirs and theirs.span()), (fn, pattern)
        ours, theirs = (
            lazyregex.search(pattern, text, flags, 10, 20),
            regex.search(pattern, text, flags, 10, 20),
        )
        assert (ours and ours.span()) == (theirs and theirs.span())
        assert lazyregex.sub(pattern, "#", text, 1, flags) == regex.sub(
            pattern, "#", text, 1, flags
        )
    # positional pos/endpos, and keyword-only options go to regex itself
    assert lazyregex.match(r"\d+", text, 0, 13).group() == "2019"
    assert lazyregex.search(r"\d+", text, 0, 0, 14).group() == "2019"[:1]
    assert (
        lazyregex.search(r"\L<w>", text, w=["ed"]).span()
        == regex.search(r"\L<w>", text, w=["ed"]).span()
    )
    assert lazyregex.sub(r"\s+", " ", "a  \t b") == "a b"


def test_a_lazy_standard_re_pattern_is_res_own_once_used():
    import re

    source = r"(?<=[a-z]{2})-(?=tions?\b)"
    lazy = lazyregex.compile_re(source, re.IGNORECASE)
    assert isinstance(lazy, lazyregex.LazyPattern)  # nothing compiled yet
    text = "Revi-tions and PRES-TION"
    assert (
        lazy.sub("", text)
        == re.sub(source, "", text, flags=re.IGNORECASE)
        == "Revitions and PRESTION"
    )
    assert not isinstance(lazy, lazyregex.LazyPattern)
    assert type(lazy.compiled()) is re.Pattern  # the standard module's, not regex's
    assert lazy.flags & re.IGNORECASE and lazy.pattern == source
    try:
        lazy.splititer  # noqa: B018  (regex's own method: re has none)
    except AttributeError:
        pass
    else:
        raise AssertionError("splititer should be missing")
