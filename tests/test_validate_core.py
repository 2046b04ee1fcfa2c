"""The validator's machinery: registry, selection, isolation, profiles, SARIF and the CLI pieces."""

import io
import json

import pytest

from citekit import cli as citekit_cli
from citekit.codes import CODES
from citekit.config import Config
from citekit.errors import UsageError
from citekit.model import Reference, Severity
from citekit.pipeline import process
from citekit.validate import RULES, check_list, check_reference, is_selected, load_profile, rule
from citekit.validate.cli import (
    run_rule,
    run_rules,
)
from citekit.validate.registry import RULES as REGISTRY

BAD = "Kanamori H. Shaking without quaking [J]. Science, 1998, 279(5359): 2063"


def _ref(raw, **item):
    return Reference(id="r", raw=raw, item={"id": "r", "type": "document", **item})


def test_every_rule_is_a_registered_code_with_docs_and_examples():
    for code, r in RULES.items():
        info = CODES[code]
        assert (r.name, r.severity) == (info.name, info.severity)
        assert info.summary and info.summary_zh
        ex = r.examples()
        assert r.doc and ex["bad"] and ex["good"], code
        for rid in r.rule_ids:
            assert rid.startswith("GBT-"), (code, rid)


def test_rule_ids_exist_in_the_catalogue():
    from pathlib import Path

    catalogue = Path(__file__).resolve().parents[2] / "shared" / "gbt7714" / "rules.md"
    if not catalogue.exists():
        pytest.skip("rules.md not available")
    text = catalogue.read_text("utf-8")
    for r in RULES.values():
        for rid in r.rule_ids:
            assert rid in text, (r.code, rid)


def test_select_and_ignore_most_specific_wins():
    assert is_selected("G014")
    assert not is_selected("G014", ignore=["G"])
    assert is_selected("G014", select=["G014"], ignore=["G"])
    assert not is_selected("I001", select=["G"])
    assert is_selected("I001", select=["ALL"], ignore=["G"])
    ref = check_reference(_ref(BAD), Config(select=("G",), ignore=("G014",)))
    codes = {d.code for d in ref.diagnostics}
    assert "G003" in codes and "G014" not in codes and not any(c[0] != "G" for c in codes)


def test_edition_specific_rules():
    r2015 = check_reference(_ref(BAD), Config())
    r2025 = check_reference(
        _ref(
            "KANAMORI H. Shaking without quaking[J]. Science, 1998, 279(5359): 2063.",
            issued={"date-parts": [[1998]]},
        ),
        Config(standard="gbt7714-2025"),
    )
    assert "G014" in {d.code for d in r2015.diagnostics}
    # 2025: names no longer upper-cased (G015), and its punctuation scheme is fixed (W003)
    assert {d.code for d in r2025.diagnostics} == {"G015", "W003"}
    assert "G015" not in {d.code for d in r2015.diagnostics}
    assert "W003" not in {d.code for d in r2015.diagnostics}
    same_in_2025 = "Kanamori H. Shaking without quaking[J]. Science，1998，279（5359）：2063."
    r2025 = check_reference(
        _ref(same_in_2025, issued={"date-parts": [[1998]]}), Config(standard="gbt7714-2025")
    )
    assert r2025.diagnostics == ()


def test_messages_in_both_languages():
    ref = check_reference(_ref(BAD), Config())
    for d in ref.diagnostics:
        assert d.message and d.message_zh and d.message_in("zh") == d.message_zh
        assert d.message_in("en") == d.message


def test_severity_override_and_options():
    ref = check_reference(_ref(BAD), Config(severity={"G014": "error"}))
    assert [d.severity for d in ref.diagnostics if d.code == "G014"] == [Severity.ERROR]
    off = check_reference(_ref(BAD), Config(options={"uppercase_names": False}))
    assert "G014" not in {d.code for d in off.diagnostics}


def test_a_rule_that_raises_becomes_x001_and_the_others_still_run(monkeypatch):
    from dataclasses import replace

    def boom(e, ctx):
        raise RuntimeError("kaput")

    monkeypatch.setitem(REGISTRY, "G003", replace(REGISTRY["G003"], fn=boom))
    from citekit.validate import core

    core._rules.cache_clear()
    try:
        ref = check_reference(_ref(BAD), Config())
    finally:
        core._rules.cache_clear()
    codes = [d.code for d in ref.diagnostics]
    assert "X001" in codes and "G014" in codes and "G003" not in codes
    x = next(d for d in ref.diagnostics if d.code == "X001")
    assert "G003" in x.message and "kaput" in x.message


def test_registry_refuses_a_code_that_disagrees_with_codes_py():
    with pytest.raises(ValueError):
        rule("G001", "something-else", "error")


def test_pipeline_check_stage_uses_the_validator():
    refs = process(BAD + "\n", Config(lines=True))
    assert "G014" in {d.code for d in refs[0].diagnostics}
    refs = process(BAD + "\n", Config(lines=True, ignore=("G", "W")))
    assert not any(d.code[0] in "GW" for d in refs[0].diagnostics)


def test_check_list_numbering_duplicates_and_citations():
    raws = [
        "[1] 陈登原. 国史旧闻: 第1卷[M]. 北京: 中华书局, 2000: 29.",
        "[3] KANAMORI H. Shaking without quaking[J]. Science, 1998, 279(5359): 2063.",
        "[4] 陈登原. 国史旧闻: 第1卷[M]. 北京: 中华书局, 2000: 29.",
    ]
    from citekit.segment import split_label

    refs = [Reference(id=str(i), raw=r, label=split_label(r)[0]) for i, r in enumerate(raws)]
    result = check_list(refs, Config(), text="见[1]和[5]。")
    codes = [[d.code for d in r.diagnostics] for r in result.references]
    assert "L003" in codes[1] and "L002" in codes[2]
    assert [d.code for d in result.text_diagnostics] == ["L005"]
    assert "L006" in codes[1] and "L006" in codes[2]


# --- profiles --------------------------------------------------------------------------------


def test_profile_from_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.citekit]\nstandard = "gbt7714-2015"\nignore = ["G035"]\npunctuation = "ascii"\n'
        '[tool.citekit.severity]\nG024 = "error"\n'
        '[tool.citekit.profiles.zjss]\nuppercase-names = false\nignore = ["G042"]\n',
        "utf-8",
    )
    p = load_profile(tmp_path / "pyproject.toml", "zjss")
    assert p.ignore == ("G035", "G042") and p.options == {
        "punctuation": "ascii",
        "uppercase_names": False,
    }
    config = p.apply(Config(), select=("G",))
    assert config.select == ("G",) and config.severity == {"G024": "error"}
    ref = check_reference(_ref(BAD), config)
    assert "G014" not in {d.code for d in ref.diagnostics}


def test_citekit_toml_top_level_and_errors(tmp_path):
    path = tmp_path / "citekit.toml"
    path.write_text('select = ["I"]\n', "utf-8")
    assert load_profile(path).select == ("I",)
    path.write_text('colour = "blue"\n', "utf-8")
    with pytest.raises(UsageError):
        load_profile(path)
    path.write_text('punctuation = "purple"\n', "utf-8")
    with pytest.raises(UsageError):
        load_profile(path)
    path.write_text('select = ["I"]\n', "utf-8")
    with pytest.raises(UsageError):
        load_profile(path, "nosuch")


# --- CLI ------------------------------------------------------------------------------------


def _run(argv, stdin_text=""):
    out, err = io.StringIO(), io.StringIO()
    stdin = io.TextIOWrapper(io.BytesIO(stdin_text.encode("utf-8")), encoding="utf-8")
    code = citekit_cli.main(argv, stdin=stdin, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_cli_check_text_zh_and_select(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, _ = _run(
        ["check", "--lines", "--select", "G014", "--lang", "zh", "--fail-on", "warning", "-"],
        BAD + "\n",
    )
    assert code == 1 and "G014" in out and "姓“Kanamori”应全部大写" in out
    code, out, _ = _run(["check", "--lines", "--ignore", "G,W,P,D", "-"], BAD + "\n")
    assert "G014" not in out


def test_cli_fix_prints_the_corrected_list(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = _run(["check", "--lines", "--fix", "-"], BAD + "\n")
    assert out == "KANAMORI H. Shaking without quaking[J]. Science, 1998, 279(5359): 2063.\n"
    assert "fixed 1 reference" in err


def test_cli_sarif(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    article = tmp_path / "article.txt"
    article.write_text("as shown[1] and [2].\n", "utf-8")
    code, out, _ = _run(
        ["check", "--lines", "-f", "sarif", "--text", str(article), "-"], BAD + "\n"
    )
    log = json.loads(out)
    assert log["version"] == "2.1.0" and log["runs"][0]["tool"]["driver"]["name"] == "citekit"
    results = log["runs"][0]["results"]
    ids = {r["ruleId"] for r in results}
    assert {"G014", "G003", "L005"} <= ids
    g014 = next(r for r in results if r["ruleId"] == "G014")
    assert g014["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 1,
        "startColumn": 1,
        "endLine": 1,
        "endColumn": 9,
    }
    assert (
        g014["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"]
        == "KANAMORI"
    )
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)


def test_cli_config_profile(tmp_path, monkeypatch):
    (tmp_path / "citekit.toml").write_text("[profiles.house]\nuppercase-names = false\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = _run(["check", "--lines", "--profile", "house", "-"], BAD + "\n")
    assert "G014" not in out and "G003" in out
    code, _, err = _run(["check", "--lines", "--select", "Q9", "-"], BAD + "\n")
    assert code == 2 and "'Q9' matches no diagnostic code" in err


def test_cli_rules_and_rule():
    code, out, _ = _run(["rules"])
    assert code == 0 and "G010  warning  et-al-count" in out and "X001" in out
    _, out, _ = _run(["rules", "--standard", "gbt7714-2025", "--select", "G01"])
    assert "G015" in out and "G014" not in out
    _, out, _ = _run(["rule", "g012"])
    assert "GBT-LANG-03" in out and "Bad:" in out and "Good:" in out
    _, out, _ = _run(["rule", "G012", "-f", "json"])
    assert json.loads(out)["examples"]["bad"]
    with pytest.raises(UsageError):
        run_rule("Z999", io.StringIO())
    assert run_rules(io.StringIO(), fmt="json") == 0
