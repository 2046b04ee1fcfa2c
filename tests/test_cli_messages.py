"""What the command line says (issue 13): locations in the input file, labels, Chinese, styles,
empty and interactive input, convert from a pasted list, BibTeX keys, library errors."""

import io
import json
import re

import pytest
from conftest import FIXTURES

from citekit.cli import main

# A heading, a blank line, then entry [1] on line 3 with a full-width colon at column 28.
LIST = "参考文献\n\n[1] 汪冰. 电子图书馆理论与实践研究[M]. 北京：北京图书馆出版社, 1997: 16.\n"


def run(argv, stdin_text="", tty=False):
    out, err = io.StringIO(), io.StringIO()
    stdin = io.TextIOWrapper(io.BytesIO(stdin_text.encode("utf-8")), encoding="utf-8")
    if tty:
        stdin.isatty = lambda: True  # type: ignore[method-assign]
    code = main(argv, stdin=stdin, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_text_locations_are_the_input_files_line_and_column_with_the_label():
    code, out, _ = run(["check", "-"], LIST)
    w001 = next(line for line in out.splitlines() if " W001 " in line)
    assert w001.startswith("<stdin>:3:28: [1] W001 [warning]")
    # the caret line marks the same column of the text shown
    lines = out.splitlines()
    text, caret = lines[lines.index(w001) + 1], lines[lines.index(w001) + 2]
    assert text.strip().startswith("[1] 汪冰") and "^" in caret


def test_text_and_sarif_locations_agree(tmp_path):
    path = tmp_path / "refs.txt"
    path.write_text(LIST, encoding="utf-8")
    _, out, _ = run(["check", str(path)])
    text_loc = re.search(r":(\d+):(\d+): \[1\] W001", out)
    _, sarif, _ = run(["check", str(path), "-f", "sarif"])
    results = json.loads(sarif)["runs"][0]["results"]
    region = next(r for r in results if r["ruleId"] == "W001")["locations"][0]
    region = region["physicalLocation"]["region"]
    assert text_loc is not None
    assert (region["startLine"], region["startColumn"]) == tuple(map(int, text_loc.groups()))


def test_lang_zh_translates_every_line_with_chinese_punctuation():
    text = (
        LIST
        + '[2] Kanamori, Hiroo. "Shaking without Quaking." Science 279, no. 5359 (1998): 2063.\n'
        # text no element takes: the parser's P003
        + "[3] 张三. 城市治理研究[J]. 管理世界, 2019, 35(2): 5-9. 另见附录甲乙丙丁\n"
    )
    _, out, _ = run(["check", "-", "--lang", "zh", "--fail-on", "never"], text)
    lines = out.splitlines()
    assert lines[-1].startswith("共 3 条参考文献：")
    reports = [line for line in lines if line.startswith("<stdin>:")]
    assert all(re.search(r"\[(错误|警告|提示)\]", line) for line in reports)
    assert not any(re.search(r"\[(error|warning|info)\]", line) for line in reports)
    fixes = [line for line in lines if line.lstrip().startswith("修正")]
    assert fixes and all("（安全）：" in f or "（需确认）：" in f for f in fixes)
    # a Chinese sentence takes full-width marks (the quoted reference text keeps its own)
    for line in reports:
        message = re.sub(r"“[^”]*”", "", line.split("] ", 2)[-1])
        assert not re.search(r"\p{Han}[,:;]|[,:;] ?\p{Han}".replace(r"\p{Han}", "[一-鿿]"), message)
    # a message the parser wrote in English only (P003) comes out in Chinese
    p003 = [line for line in reports if " P003 " in line]
    assert p003 and all("未能归入" in line for line in p003)


def test_rule_lang_zh_is_chinese_throughout():
    code, out, _ = run(["rule", "G023", "--lang", "zh"])
    assert code == 0
    assert "适用版本：" in out and "错误示例：" in out and "正确示例：" in out
    assert "editions:" not in out and "Bad:" not in out
    assert out.splitlines()[0].endswith("(警告)")


def test_styles_lists_bundled_styles_and_a_style_that_needs_the_extra_says_how(monkeypatch):
    code, out, _ = run(["styles", "--bundled"])
    assert code == 0
    names = [line.split()[0] for line in out.splitlines()[:-1]]
    assert "gbt7714-2015-numeric" in names and "gbt7714-2025-author-date" in names
    from citekit.renderer import styles

    monkeypatch.setattr(styles, "_styles_package_dir", lambda: None)
    code, _, err = run(["format", "-", "--style", "apa"], LIST)
    assert code == 2 and err.count("\n") == 1
    assert "pip install 'citekit[styles]'" in err


def test_a_missing_csl_path_is_one_short_line(tmp_path):
    code, _, err = run(["format", "-", "--style", str(tmp_path / "nope.csl")], LIST)
    assert code == 2 and err.count("\n") == 1 and len(err) < 200
    assert "file not found" in err


def test_empty_input_is_an_error():
    for argv in (
        ["check", "-"],
        ["parse", "-"],
        ["format", "-", "--style", "gbt7714-2015-numeric"],
    ):
        code, out, err = run(argv, "\n  \n")
        assert code == 2 and out == "" and err.count("\n") == 1 and "empty" in err


def test_interactive_check_without_input_prints_a_usage_hint_instead_of_waiting():
    code, out, err = run(["check"], tty=True)
    assert code == 2 and out == ""
    assert "citekit check refs.txt" in err and err.count("\n") == 1


def test_convert_from_text_parses_and_keys_by_author_and_year():
    text = (
        "参考文献\n"
        "[1] 胡重明. 模块化组织与数字政府的三维框架[J]. 行政论坛, 2023(3): 1-9.\n"
        "[2] 胡重明. 数字政府的另一篇[J]. 行政论坛, 2023(4): 10-19.\n"
        "[3] KANAMORI H. Shaking without quaking[J]. Science, 1998, 279(5359): 2063.\n"
    )
    code, out, _ = run(["convert", "-", "--from", "text", "--to", "bibtex"], text)
    assert code == 0
    assert re.findall(r"^@(\w+)\{([^,]+),", out, re.M) == [
        ("article", "hu2023"),
        ("article", "hu2023a"),
        ("article", "kanamori1998"),
    ]
    # a plain list is recognised as text without --from
    code, out2, _ = run(["convert", "-", "--to", "bibtex"], text)
    assert code == 0 and out2 == out


def test_a_broken_bibtex_entry_is_explained_without_the_librarys_exception():
    bib = "@article{a,\n title = {Broken {title},\n year = 2020\n}\n@book{b, title={Ok}, year={2001}}\n"
    code, out, err = run(["convert", "-", "--from", "bibtex", "--to", "ris"], bib)
    assert code == 1
    assert "F001" in err and "braces" in err
    assert "Exception" not in err and "Error" not in err


def test_the_list_style_is_reported_by_check():
    text = (FIXTURES / "lists" / "en-references-vancouver-wrapped.txt").read_text("utf-8")
    _, out, _ = run(["check", "-"], text)
    assert re.search(r"<stdin>:3:1: \[1\] L012 \[warning\] 3 of 3 entries look like Vancouver", out)
    text = (FIXTURES / "lists" / "mixed-one-apa-entry.txt").read_text("utf-8")
    _, out, _ = run(["check", "-", "-f", "jsonl"], text)
    codes = [[d["code"] for d in json.loads(line)["diagnostics"]] for line in out.splitlines()]
    assert ["L013" in c for c in codes] == [False, False, True, False]


@pytest.mark.parametrize("name", ["L012", "L013"])
def test_style_rules_bad_example_fires_and_good_is_clean(name):
    import citekit
    from citekit.validate import RULES

    examples = RULES[name].examples()
    for key, want in (("bad", True), ("good", False)):
        for example in examples[key]:
            text = "\n".join(e.strip() for e in example.split("  ") if e.strip())
            refs = citekit.check(text)
            assert any(d.code == name for r in refs for d in r.diagnostics) is want, example


def test_format_does_not_report_the_style_it_rewrites():
    text = (FIXTURES / "lists" / "apa-list-numbered-wrapped.txt").read_text("utf-8")
    code, out, err = run(["format", "-", "--style", "gbt7714-2015-numeric"], text)
    assert code == 0 and len(out.splitlines()) == 3
    assert "L012" not in err and "L013" not in err


def test_fix_keeps_the_list_style_findings():
    text = (FIXTURES / "lists" / "mixed-one-apa-entry.txt").read_text("utf-8")
    code, fixed, err = run(["check", "-", "--fix", "--fail-on", "never"], text)
    assert len(fixed.splitlines()) == 4
    assert re.search(r"<stdin>:4:1: \[3\] L013 \[warning\]", err)


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_diagnostics_carry_the_input_files_line_and_column(fmt):
    # the reference starts on line 6 (a heading, blank lines, another entry before it)
    text = (
        "参考文献\n\n[1] 周鲁卫. 软物质物理导论[M]. 上海: 复旦大学出版社, 2011: 1.\n\n\n"
        + LIST.split("\n")[2]
    )
    _, out, _ = run(["check", "-", "-f", fmt], text)
    records = json.loads(out) if fmt == "json" else [json.loads(x) for x in out.splitlines()]
    w001 = next(d for r in records for d in r["diagnostics"] if d["code"] == "W001")
    assert (w001["line"], w001["column"]) == (6, 28)
    assert w001["span"] is not None  # the existing keys stay
    # every diagnostic agrees with the text report's location
    _, text_out, _ = run(["check", "-"], text)
    text_locs = re.findall(r"^<stdin>:(\d+):(\d+): \[\d\] (\w+)", text_out, re.M)
    json_locs = [
        (str(d["line"]), str(d["column"]), d["code"]) for r in records for d in r["diagnostics"]
    ]
    assert sorted(json_locs) == sorted(text_locs)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_check_lines_reports_the_lists_style(jobs):
    text = (
        "Kanamori H. Shaking without quaking. Science. 1998;279(5359):2063-4.\n"
        "Tenopir C. Online databases: quality control. Libr J. 1987;113(2):124-5.\n"
        "Stieg MF. The information needs of historians. Coll Res Libr. 1981;42(6):549-60.\n"
    )
    _, out, _ = run(["check", "-", "--lines", "--jobs", jobs], text)
    assert re.search(
        r"^<stdin>:1:1: L012 \[warning\] 3 of 3 entries look like Vancouver", out, re.M
    )
    mixed = (
        "汪冰. 电子图书馆理论与实践研究[M]. 北京: 北京图书馆出版社, 1997: 16.\n"
        "周鲁卫. 软物质物理导论[M]. 上海: 复旦大学出版社, 2011: 1.\n"
        "Kanamori, H. (1998). Shaking without quaking. Science, 279(5359), 2063.\n"
        "杨洪升. 四库馆私家抄校书考略[J]. 文献, 2013(1): 56-75.\n"
    )
    _, out, _ = run(["check", "-", "--lines", "--jobs", jobs, "-f", "jsonl"], mixed)
    codes = [[d["code"] for d in json.loads(line)["diagnostics"]] for line in out.splitlines()]
    assert ["L013" in c for c in codes] == [False, False, True, False]


def test_check_lines_past_the_window_compares_each_entry_with_the_lists_first_entries():
    from citekit.validate.rules_style import WINDOW

    gbt = "周鲁卫. 软物质物理导论[M]. 上海: 复旦大学出版社, 2011: 1.\n"
    apa = "Kanamori, H. (1998). Shaking without quaking. Science, 279(5359), 2063.\n"
    text = gbt * (WINDOW + 9) + apa
    _, out, _ = run(["check", "-", "--lines", "--select", "L013"], text)
    assert re.findall(r"^<stdin>:(\d+):1: L013 \[warning\] (.*)$", out, re.M) == [
        (
            str(WINDOW + 10),
            f"this entry looks like APA; {WINDOW} of the first {WINDOW} entries are in GB/T 7714 form",
        )
    ]


def test_error_lines_under_lang_zh_are_chinese(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("\n", encoding="utf-8")
    cases = [
        (["check", str(empty)], "", False, "为空"),
        (["check", str(tmp_path / "nope.txt")], "", False, "文件不存在"),
        (["check", str(tmp_path)], "", False, "目录"),
        (["check"], "", True, "没有输入"),
        (["check", "-", "--select", "Q9"], LIST, False, "不是任何诊断代码"),
        (["check", "-", "--standard", "gbt7714-2099"], LIST, False, "无效"),
        (
            ["check", "-", "--profile", "x", "--config", str(tmp_path / "no.toml")],
            LIST,
            False,
            "无法读取配置文件",
        ),
        (["rule", "G999"], "", False, "未知代码“G999”"),
    ]
    for argv, stdin_text, tty, words in cases:
        code, out, err = run([*argv, "--lang", "zh"], stdin_text, tty=tty)
        assert code == 2 and err.count("\n") == 1, (argv, err)
        assert err.startswith("citekit：错误：") and words in err, (argv, err)
        # no English sentence is left: only names, paths, codes and commands
        rest = re.sub(r"^citekit|citekit \w+|“[^”]*”|`[^`]*`|--\w+", " ", err)
        words_en = re.findall(r"\b[a-z]{4,}\b", re.sub(r"[\w-]+\.(?:txt|toml)|/\S*", " ", rest))
        assert words_en == [], (argv, err)
        # and in English, the same errors stay English
        code, _, err_en = run(argv, stdin_text, tty=tty)
        assert code == 2 and err_en.startswith("citekit: error: ")
