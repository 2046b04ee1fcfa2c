import io
import json
import re

import pytest
from conftest import ROOT

from citekit.cli import main

EXAMPLE = ROOT / "examples" / "zjss-2026-03-references.txt"


def run(argv, stdin_bytes=b""):
    out, err = io.StringIO(), io.StringIO()
    stdin = io.TextIOWrapper(io.BytesIO(stdin_bytes), encoding="utf-8")
    code = main(argv, stdin=stdin, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_parse_jsonl_contract():
    code, out, err = run(["parse", str(EXAMPLE), "--fail-on", "never"])
    assert code == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 30
    for rec in records:
        assert set(rec) >= {"id", "raw", "item", "language", "confidence", "fields", "diagnostics"}
        for ev in rec["fields"].values():
            assert set(ev) == {"span", "confidence"}
            if ev["span"] is not None:
                start, end = ev["span"]
                assert 0 <= start <= end <= len(rec["raw"])
        for d in rec["diagnostics"]:
            assert set(d) == {"code", "severity", "message", "span", "field", "fix"}
            assert d["severity"] in ("error", "warning", "info")


def test_parse_reports_parse_diagnostics_only_and_check_adds_validation():
    _, out, _ = run(["parse", str(EXAMPLE), "--fail-on", "never"])
    parsed = [json.loads(line) for line in out.splitlines()]
    assert {d["code"][0] for r in parsed for d in r["diagnostics"]} <= set("SPX")
    _, out, _ = run(["check", str(EXAMPLE), "-f", "jsonl", "--fail-on", "never"])
    checked = [json.loads(line) for line in out.splitlines()]
    assert [r["item"] for r in checked] == [r["item"] for r in parsed]
    assert "E002" in {d["code"] for d in checked[26]["diagnostics"]}


def test_parse_lines_keeps_empty_lines_as_records(tmp_path):
    f = tmp_path / "refs.txt"
    f.write_text(
        "[1]王刚. 研究[J]. 管理, 2016(2).\n\nSmith J. Title[M]. Berlin: Springer, 2001.\n", "utf-8"
    )
    code, out, _ = run(["parse", str(f), "--lines", "--fail-on", "never"])
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["raw"] for r in records] == [
        "[1]王刚. 研究[J]. 管理, 2016(2).",
        "",
        "Smith J. Title[M]. Berlin: Springer, 2001.",
    ]
    assert [d["code"] for d in records[1]["diagnostics"]] == ["S001"]
    assert code == 0


def test_parse_csl_json_output_from_stdin():
    code, out, _ = run(
        ["parse", "-", "-f", "csl-json"],
        "[1]胡重明,邢润杰.公共价值创造[J].浙江社会科学,2026(3):64-76.\n".encode(),
    )
    items = json.loads(out)
    assert code == 0
    assert items[0]["id"] == "ref-1" and items[0]["type"] == "article-journal"


def test_check_text_has_location_code_and_caret():
    code, out, _ = run(["check", str(EXAMPLE)])
    assert code == 1  # item 27 has a '□': an error
    lines = out.splitlines()
    hit = [i for i, line in enumerate(lines) if " E002 " in line]
    assert hit, out
    first = lines[hit[0]]
    # line:column of the input file, then the list's own number for the reference
    assert re.match(rf"^{re.escape(str(EXAMPLE))}:27:45: \[27\] E002 \[error\] ", first)
    text_line, caret_line = lines[hit[0] + 1], lines[hit[0] + 2]
    assert "Co□production" in text_line
    assert caret_line.strip() == "^"
    assert lines[-1].startswith("30 references:")


def test_check_fail_on_levels(tmp_path):
    f = tmp_path / "one.txt"
    f.write_text("Smith J. A book without a year[M]. Berlin: Springer.\n", "utf-8")
    assert run(["check", str(f)])[0] == 0  # only a warning
    assert run(["check", str(f), "--fail-on", "warning"])[0] == 1
    assert run(["check", str(f), "--fail-on", "never", "-f", "json"])[0] == 0


def test_check_json_and_jsonl_agree():
    _, out_json, _ = run(["check", str(EXAMPLE), "-f", "json"])
    _, out_jsonl, _ = run(["check", str(EXAMPLE), "-f", "jsonl"])
    assert json.loads(out_json) == [json.loads(line) for line in out_jsonl.splitlines()]


@pytest.mark.parametrize(
    "argv,needle",
    [
        (["parse", "/no/such/file.txt"], "cannot read '/no/such/file.txt'"),
        (["format", str(EXAMPLE), "--style", "no-such-style"], "unknown style 'no-such-style'"),
        (["check", str(EXAMPLE), "--standard", "gbt7714-1987"], "invalid choice"),
        (["frobnicate"], "invalid choice"),
        (["format", str(EXAMPLE)], "--style"),
    ],
)
def test_misuse_exits_2_with_one_line(argv, needle):
    code, out, err = run(argv)
    assert code == 2
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith("citekit: error: ") and needle in err


def test_directory_is_a_clear_error(tmp_path):
    code, _, err = run(["parse", str(tmp_path)])
    assert code == 2 and "is a directory" in err


def test_undecodable_bytes_exit_2(tmp_path):
    f = tmp_path / "bad.txt"
    f.write_bytes(b"Smith J. \xff\xfe\xff title")
    code, _, err = run(["parse", str(f)])
    assert code == 2 and "cannot tell the encoding" in err and len(err.splitlines()) == 1


def test_gbk_file_is_read(tmp_path):
    f = tmp_path / "gbk.txt"
    f.write_bytes("[1]胡重明.公共价值创造[J].浙江社会科学,2026(3):64-76.\n".encode("gbk"))
    code, out, _ = run(["parse", str(f), "--fail-on", "never"])
    rec = json.loads(out.splitlines()[0])
    assert rec["raw"].startswith("[1]胡重明") and code == 0


def test_empty_file_is_an_error(tmp_path):
    # an empty input is a mistake (a wrong file, an empty paste), not a clean list (issue 13)
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    code, out, err = run(["parse", str(f)])
    assert (code, out) == (
        2,
        "",
    ) and err == f"citekit: error: {f} is empty: there is no reference to read\n"


def test_binary_file_gives_records_with_diagnostics(tmp_path):
    f = tmp_path / "bin.txt"
    f.write_bytes(b"\x00\x01\x02abc\x03\n\x07\x08")
    code, out, _ = run(["check", str(f), "--lines", "-f", "jsonl"])
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 2
    assert all("E005" in {d["code"] for d in r["diagnostics"]} for r in records)
    assert code == 1


def test_format_csl_json_input(tmp_path):
    f = tmp_path / "items.json"
    f.write_text(
        json.dumps(
            [
                {
                    "id": "a",
                    "type": "article-journal",
                    "language": "zh-CN",
                    "author": [{"literal": "胡重明"}, {"literal": "邢润杰"}],
                    "title": "公共价值创造: 政务服务增值化的组织逻辑",
                    "container-title": "浙江社会科学",
                    "issued": {"date-parts": [[2026]]},
                    "issue": "3",
                    "page": "64-76+158",
                },
            ],
            ensure_ascii=False,
        ),
        "utf-8",
    )
    code, out, err = run(["format", str(f), "--style", "gbt7714-2015-numeric", "-f", "jsonl"])
    assert code == 0, err
    rec = json.loads(out)
    assert rec["id"] == "a"
    assert (
        "胡重明, 邢润杰. 公共价值创造: 政务服务增值化的组织逻辑[J]. 浙江社会科学, 2026(3): 64-76+158."
        in rec["text"]
    )


def test_format_bad_json_is_kept_with_a_diagnostic(tmp_path):
    f = tmp_path / "items.json"
    f.write_text("{not json", "utf-8")
    code, _, err = run(["format", str(f), "--style", "gbt7714-2015-numeric"])
    assert code == 1 and "F001" in err and "not valid JSON" in err


BIBTEX = """@article{hu2026,
  author = {{胡重明} and {邢润杰}},
  title = {公共价值创造: 政务服务增值化的组织逻辑},
  journal = {浙江社会科学},
  year = {2026},
  number = {3},
  pages = {64--76+158},
  doi = {10.14167/j.zjss.2026.03.003},
  langid = {chinese},
}
"""


def test_exchange_formats_are_accepted_by_format_and_check(tmp_path):
    f = tmp_path / "refs.bib"
    f.write_text(BIBTEX, "utf-8")
    code, out, err = run(["format", str(f), "--style", "gbt7714-2015-numeric"])
    assert code == 0, err
    assert out.startswith(
        "[1] 胡重明, 邢润杰. 公共价值创造: 政务服务增值化的组织逻辑[J/OL]. 浙江社会科学, 2026(3): 64-76+158."
    )
    code, out, _ = run(["parse", "-", "--from", "bibtex"], BIBTEX.encode())
    rec = json.loads(out)
    assert rec["item"]["id"] == "hu2026" and rec["item"]["author"] == [
        {"literal": "胡重明"},
        {"literal": "邢润杰"},
    ]


def test_convert_command_is_wired(tmp_path):
    f = tmp_path / "refs.bib"
    f.write_text(BIBTEX, "utf-8")
    code, out, err = run(["convert", str(f), "--to", "ris"])
    assert code == 0, err
    assert "TY  - JOUR" in out and "AU  - 胡重明" in out


def test_format_locale_option_overrides_the_item_language(tmp_path):
    f = tmp_path / "refs.txt"
    f.write_text(
        "[1]艾琳,王刚,陈娟,胡重明.行政审批制度改革研究[J].中国行政管理,2016(2):1-9.\n", "utf-8"
    )
    code, out, err = run(["format", str(f), "--style", "gbt7714-2015-numeric"])
    assert code == 0, err
    assert "艾琳, 王刚, 陈娟, 等. " in out
    code, out, err = run(["format", str(f), "--style", "gbt7714-2015-numeric", "--locale", "en-US"])
    assert code == 0, err
    assert "艾琳, 王刚, 陈娟, et al. " in out


def test_eval_help_prints_its_usage(capsys):
    # argparse prints help on sys.stdout; the eval options come from citekit.parser.evaluate
    assert main(["eval", "--help"]) == 0
    usage = capsys.readouterr().out
    assert usage.startswith("usage: citekit eval") and "LABELLED_FILE" in usage and "--by" in usage


def test_eval_takes_options_before_and_after_its_files():
    dev = ROOT / "tests" / "fixtures" / "parse" / "dev" / "en.jsonl"
    code, out, err = run(["eval", "--by", "style", str(dev), "--errors"])
    assert code == 0, err
    assert "micro" in out and "by style" in out and "errors:" in out
    code, _, err = run(["eval"])
    assert code == 2 and "LABELLED_FILE" in err


def test_jsonl_lines_are_the_records_json():
    from citekit import process
    from citekit.model import FieldEvidence, Reference, Span
    from citekit.report import write_jsonl

    refs = process(EXAMPLE.read_text("utf-8") + "\nhello world\n\n“Bad quote 《unclosed, 1999\n")
    refs.append(
        Reference(
            "x",
            'raw "quoted" \\ \u2028 text',
            {"id": "x", "type": "book"},
            {
                "title": FieldEvidence(Span(3, 3), 1),
                "page": FieldEvidence(None, -0.0),
                "volume": FieldEvidence(Span(0, 2), 0.123456789),
                "issue": FieldEvidence(Span(1, 2), float("nan")),
            },
            None,
            1,
            (),
            None,
            None,
        )
    )
    out = io.StringIO()
    write_jsonl(refs, out)
    assert out.getvalue().split("\n")[:-1] == [
        json.dumps(r.to_json(), ensure_ascii=False) for r in refs
    ]
