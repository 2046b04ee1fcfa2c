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
