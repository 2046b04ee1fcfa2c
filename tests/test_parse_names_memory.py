"""parse_names remembers the groups it has read; every caller still gets a group of its own."""

from __future__ import annotations

from citekit.parser.names import parse_names


def test_a_repeated_group_reads_the_same_and_is_a_fresh_copy():
    first = parse_names("Smith, J., & Doe, A. B.")
    assert first.names == [
        {"family": "Smith", "given": "J."},
        {"family": "Doe", "given": "A. B."},
    ]
    first.names[0]["given"] = "John"  # a draft edits the names it was given
    first.names.append({"literal": "extra"})
    second = parse_names("Smith, J., & Doe, A. B.")
    assert second.names == [
        {"family": "Smith", "given": "J."},
        {"family": "Doe", "given": "A. B."},
    ]
    assert second.names is not first.names


def test_role_truncation_and_nationality_survive_the_memory():
    for _ in range(2):
        g = parse_names("[美]约瑟夫·奈, 王刚, 等译")
        assert g.role == "translator" and g.truncated
        assert g.nationalities == ["美"]
        g.nationalities.append("英")  # (a caller's edit does not reach the next caller)
