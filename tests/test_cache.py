"""The cache folder (citekit/cache.py) and what is kept there: compiled regex patterns
(lazyregex.PatternStore) and the CRF model's arrays for the compiled tagger (parser/fasttag.py).
Whatever is read back must give what computing it again gives, and a damaged file must only mean
computing it again."""

from __future__ import annotations

import os
import threading

import pytest
import regex

from citekit import cache, lazyregex
from citekit.parser import crf, fasttag
from citekit.parser.features import sequence_features
from citekit.parser.tokens import tokenize

# -- compiled patterns ---------------------------------------------------------------------------

_STORED = [
    (r"(?P<year>\d{4})\p{Han}", 0),
    (r"(?<=[a-z]{2})-(?=tions?\b)", regex.IGNORECASE),
    (r"\b(?:eds?|trans)\.?\s+(?P<who>\p{Lu}[\p{L}'’\-]+)", 0),
    (r"[\p{Han}]{2,}|\G,\s*", regex.VERSION1),
]
_TEXTS = ["于2019年和2020年", "Revi-tions and PRES-TION", "ed. Müller, trans. O’Neil", "中文,  x"]


def _found(p, text):
    return [(m.span(), m.groupdict()) for m in p.finditer(text)]


def test_a_stored_pattern_is_the_pattern_regex_compiles(tmp_path, monkeypatch):
    path = str(tmp_path / "patterns.marshal")
    first = lazyregex.PatternStore(path)
    for pattern, flags in _STORED:
        first.compile(pattern, flags)
    first.save()
    second = lazyregex.PatternStore(path)

    def no_compiling(*args, **kwargs):
        raise AssertionError("a stored pattern was compiled again")

    monkeypatch.setattr(lazyregex._regex, "compile", no_compiling)
    made = [second.compile(pattern, flags) for pattern, flags in _STORED]
    monkeypatch.undo()
    for (pattern, flags), ours in zip(_STORED, made, strict=True):
        theirs = regex.compile(pattern, flags)
        assert ours._pickled_data == theirs._pickled_data  # the same engine data
        assert (ours.pattern, ours.flags, ours.groupindex) == (
            theirs.pattern,
            theirs.flags,
            theirs.groupindex,
        )
        for text in _TEXTS:
            assert _found(ours, text) == _found(theirs, text)


def test_a_damaged_file_or_wrong_data_means_compiling_as_before(tmp_path):
    path = tmp_path / "patterns.marshal"
    path.write_bytes(b"\x00not marshal data")
    store = lazyregex.PatternStore(str(path))
    pattern, flags = _STORED[0]
    assert store.compile(pattern, flags).search(_TEXTS[0]).group("year") == "2019"
    store.save()  # the damaged file is replaced by a good one
    assert lazyregex.PatternStore(str(path)).compile(pattern, flags)._pickled_data == (
        regex.compile(pattern, flags)._pickled_data
    )
    # data stored under a key that is another pattern's: not taken
    other = lazyregex.PatternStore(str(path))
    other._read()[(r"\d+", 0)] = regex.compile(r"[a-z]+")._pickled_data
    assert other.compile(r"\d+").findall("ab 12") == ["12"]


def test_an_empty_cache_dir_turns_the_store_off(monkeypatch, tmp_path):
    monkeypatch.setenv("CITEKIT_CACHE_DIR", "")
    assert lazyregex._store_path() is None
    off = lazyregex.PatternStore(None)
    assert off.compile(r"\d+").findall("a1b22") == ["1", "22"]
    off.save()  # nothing to write, nowhere: no error
    monkeypatch.setenv("CITEKIT_CACHE_DIR", str(tmp_path))
    assert lazyregex._store_path().startswith(str(tmp_path))


def test_the_cache_folder_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("CITEKIT_CACHE_DIR", str(tmp_path / "c"))
    path = cache.cache_file("x.marshal")
    assert path == os.path.join(str(tmp_path / "c"), "x.marshal")
    assert cache.load(path) is None  # nothing there yet
    assert cache.store(path, {("a", 1): (b"\x00", [1, 2])})
    assert cache.load(path) == {("a", 1): (b"\x00", [1, 2])}
    assert not [f for f in os.listdir(tmp_path / "c") if f.endswith(".tmp")]  # no leftovers
    monkeypatch.delenv("CITEKIT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_file("x.marshal") == os.path.join(
        str(tmp_path / "xdg"), "citekit", "x.marshal"
    )
    monkeypatch.setenv("CITEKIT_CACHE_DIR", "")
    assert cache.cache_file("x.marshal") is None
    assert not cache.store(None, 1) and cache.load(None) is None
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    assert not cache.store(str(blocked / "x.marshal"), 1)  # unwritable: False, no error


# -- the CRF model's arrays for the compiled tagger ---------------------------------------------

needs_compiled = pytest.mark.skipif(
    not (fasttag.have_compiled() and crf.MODEL_PATH.is_file()),
    reason="the compiled tagger is not built",
)
_SEQUENCES = [
    "Smith, J. (2019). A title. Journal of Things, 12(3), 4-5.",
    "王明, 李华. 数字治理研究[J]. 管理世界, 2019, 35(4): 12-18.",
    "Alford,J.&Hughes,O.,“Public Value Pragmatism”,The American Review,2008,38(2):130-148.",
]


def _compiled(*args):
    from citekit.parser._crftag import Tagger

    return Tagger(*args)


def _tags(tagger):
    out = []
    for text in _SEQUENCES:
        xseq = sequence_features(text, tokenize(text))
        labels = tagger.tag(xseq)
        out.append((labels, [tagger.marginal(lab, i) for i, lab in enumerate(labels)]))
    return out


@needs_compiled
def test_the_stored_model_arrays_make_the_same_tagger(monkeypatch, tmp_path):
    monkeypatch.setenv("CITEKIT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(fasttag, "_arrays", {})
    assert not fasttag.stored(crf.MODEL_PATH)  # nothing read, nothing in the folder
    built = fasttag.compiled_tagger(crf.MODEL_PATH)  # reads the model, keeps the arrays
    file = fasttag._stored_file(crf.MODEL_PATH)
    assert file and os.path.isfile(file)
    monkeypatch.setattr(fasttag, "_arrays", {})
    assert fasttag.stored(crf.MODEL_PATH)

    def no_reading(path):
        raise AssertionError("the model was read again")

    monkeypatch.setattr(fasttag, "_model_arrays", no_reading)
    loaded = fasttag.compiled_tagger(crf.MODEL_PATH)
    assert loaded.labels() == built.labels()
    assert _tags(loaded) == _tags(built)  # labels and marginals, to the bit


@needs_compiled
def test_damaged_stored_arrays_are_read_again_from_the_model(monkeypatch, tmp_path):
    monkeypatch.setenv("CITEKIT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(fasttag, "_arrays", {})
    file = fasttag._stored_file(crf.MODEL_PATH)
    good = fasttag._model_arrays(crf.MODEL_PATH)
    cut = (good[0], good[1], good[2][:-4], good[3], good[4], good[5])  # an offset missing
    for bad in (b"\x00junk", None):
        if bad is None:
            cache.store(file, cut)
        else:
            with open(file, "wb") as fh:
                fh.write(bad)
        monkeypatch.setattr(fasttag, "_arrays", {})
        tagger = fasttag.compiled_tagger(crf.MODEL_PATH)
        assert _tags(tagger) == _tags(_compiled(*good))
    assert fasttag._checked(cache.load(file)) is not None  # and written again, whole


@needs_compiled
def test_a_run_that_finds_the_stored_arrays_is_compiled_from_the_start(monkeypatch, tmp_path):
    monkeypatch.setenv("CITEKIT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("CITEKIT_LABELLER", raising=False)
    monkeypatch.setattr(fasttag, "_arrays", {})
    fasttag.compiled_tagger(crf.MODEL_PATH)  # an earlier run kept the arrays
    monkeypatch.setattr(fasttag, "_arrays", {})
    monkeypatch.setattr(crf, "_local", threading.local())
    monkeypatch.setattr(crf, "_switched", [])
    monkeypatch.setattr(crf, "_labelled", [0])
    crf.label_spans(_SEQUENCES[0])
    assert type(crf._local.tagger).__module__ == "citekit.parser._crftag"
    # without them (another folder): python-crfsuite's tagger until the run is long
    monkeypatch.setenv("CITEKIT_CACHE_DIR", str(tmp_path / "empty"))
    monkeypatch.setattr(fasttag, "_arrays", {})
    monkeypatch.setattr(crf, "_local", threading.local())
    monkeypatch.setattr(crf, "_labelled", [0])
    crf.label_spans(_SEQUENCES[0])
    assert type(crf._local.tagger).__module__ != "citekit.parser._crftag"


def test_patterns_of_another_default_version_or_locale_are_not_taken_from_the_file(
    monkeypatch, tmp_path
):
    path = str(tmp_path / "patterns.marshal")
    store = lazyregex.PatternStore(path)
    store.compile(r"\w+(?L)", 0)  # locale-dependent: not kept
    store.compile(r"[[a-z]--[aeiou]]+", 0)  # a set operation only VERSION1 reads
    store.save()
    held = lazyregex.PatternStore(path)._read()
    assert (r"[[a-z]--[aeiou]]+", 0) in held and (r"\w+(?L)", 0) not in held
    monkeypatch.setattr(regex, "DEFAULT_VERSION", regex.VERSION1)
    again = lazyregex.PatternStore(path).compile(r"[[a-z]--[aeiou]]+", 0)
    assert again.findall("strength") == regex.compile(r"[[a-z]--[aeiou]]+").findall("strength")
    assert again.findall("strength") == ["str", "ngth"]  # (VERSION1: consonant runs)


def test_a_changed_byte_in_a_cache_file_makes_it_unread(tmp_path):
    path = str(tmp_path / "x.marshal")
    value = {("pattern", 0): (b"\x01\x02\x03" * 50, [1, 2, 3])}
    assert cache.store(path, value) and cache.load(path) == value
    data = bytearray(open(path, "rb").read())
    for at in (len(data) - 20, 3, len(data) - 1):
        bad = bytearray(data)
        bad[at] ^= 0x10
        with open(path, "wb") as fh:
            fh.write(bad)
        assert cache.load(path) is None, at
    with open(path, "wb") as fh:
        fh.write(data[:-5])  # cut short
    assert cache.load(path) is None


@needs_compiled
def test_arrays_of_earlier_model_files_do_not_pile_up(monkeypatch, tmp_path):
    # every install gives the model file a new time, so a new cache file: only the newest stay
    monkeypatch.setenv("CITEKIT_CACHE_DIR", str(tmp_path))
    name = os.path.basename(str(crf.MODEL_PATH))
    for k in range(5):
        old = tmp_path / f"crftag-{fasttag._FORMAT}-{name}-1-{k}.marshal"
        old.write_bytes(b"x")
        os.utime(old, (1000 + k, 1000 + k))
    other = tmp_path / "regex-1-cpython-311.marshal"
    other.write_bytes(b"x")
    os.utime(other, (1, 1))
    monkeypatch.setattr(fasttag, "_arrays", {})
    fasttag.compiled_tagger(crf.MODEL_PATH)
    kept = sorted(p.name for p in tmp_path.iterdir())
    current = os.path.basename(fasttag._stored_file(crf.MODEL_PATH))
    assert current in kept and other.name in kept
    assert [n for n in kept if n not in (current, other.name)] == [
        f"crftag-{fasttag._FORMAT}-{name}-1-3.marshal",
        f"crftag-{fasttag._FORMAT}-{name}-1-4.marshal",
    ]
