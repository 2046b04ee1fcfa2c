"""The HTTP API (citekit.service) through an HTTP client: every endpoint, every error status,
the limits.  Answers are compared with the CLI's output for the same input and options."""

from __future__ import annotations

import io
import json
import threading
import warnings
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("docx")
with warnings.catch_warnings():  # Starlette asks for httpx2 instead of httpx; both work
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient  # noqa: E402

from citekit.cli import main  # noqa: E402
from citekit.errors import UsageError  # noqa: E402
from citekit.service import ServiceConfig, create_app  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "zjss-2026-03-references.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "service"
GBT_SPACE = "[1] 张三. 数字治理研究 [J]. 公共管理学报, 2020, 17(2): 3-14."  # G003: a safe fix


def cli(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def jsonl(text: str) -> list:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app()) as c:
        yield c


@pytest.fixture(scope="module")
def example() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


def error_of(response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and body["error"]["status"] == status
    assert body["error"]["message"] and "Traceback" not in response.text
    return body["error"]


# --- the answers are the CLI's records --------------------------------------------------------


def test_parse_answers_the_cli_records(client, example):
    answer = client.post("/api/parse", json={"text": example}).json()
    _, out, _ = cli("parse", str(EXAMPLE), "--fail-on", "never")
    assert answer["references"] == jsonl(out)
    assert answer["summary"]["references"] == 30


def test_check_answers_the_cli_records_in_chinese(client, example):
    answer = client.post("/api/check", json={"text": example, "lang": "zh"}).json()
    _, out, _ = cli("check", str(EXAMPLE), "-f", "jsonl", "--lang", "zh")
    assert answer["references"] == jsonl(out)
    ref27 = answer["references"][26]
    [d] = ref27["diagnostics"]
    assert d["code"] == "E002" and ref27["raw"][d["span"][0] : d["span"][1]] == "□"
    assert "□" in d["message"] and answer["summary"]["error"] == 1


def test_check_edition_select_ignore_and_profile_options(client):
    body = {"text": GBT_SPACE, "standard": "gbt7714-2025", "select": ["G"], "ignore": "G035"}
    answer = client.post("/api/check", json=body).json()
    _, out, _ = cli(
        "check", "-", "-f", "jsonl", "--standard", "gbt7714-2025", "--select", "G",
        "--ignore", "G035", stdin=GBT_SPACE,
    )  # fmt: skip
    assert answer["references"] == jsonl(out)
    codes = {d["code"] for d in answer["references"][0]["diagnostics"]}
    assert "G003" in codes
    # a profile option: severity override of one code
    answer = client.post(
        "/api/check", json={"text": GBT_SPACE, "options": {"severity": {"G003": "error"}}}
    ).json()
    g003 = [d for d in answer["references"][0]["diagnostics"] if d["code"] == "G003"]
    assert g003 and g003[0]["severity"] == "error"
    bad = client.post("/api/check", json={"text": GBT_SPACE, "options": {"punctuation": "odd"}})
    assert "punctuation" in error_of(bad, 422)["message"]


def test_inputs_text_lines_references_items(client):
    two = "张三. 书名[M]. 北京: 出版社, 2001.\n李四. 另一本书[M]. 上海: 出版社, 2002."
    by_lines = client.post("/api/check", json={"text": two, "lines": True}).json()
    by_list = client.post("/api/check", json={"references": two.split("\n")}).json()
    assert [r["raw"] for r in by_lines["references"]] == two.split("\n")
    assert [r["item"] for r in by_list["references"]] == [r["item"] for r in by_lines["references"]]
    items = [{"id": "x", "type": "book", "title": "书名", "author": [{"literal": "张三"}]}]
    answer = client.post("/api/check", json={"items": items}).json()
    assert answer["input_format"] == "csl-json"
    assert answer["references"][0]["item"]["title"] == "书名"


def test_check_article_cross_check(client):
    refs = "[1] 张三. 书名[M]. 北京: 出版社, 2001.\n[2] 李四. 另一本书[M]. 上海: 出版社, 2002."
    article = "正如张三所说[1]，又见[3]。"
    answer = client.post("/api/check", json={"text": refs, "article": article}).json()
    assert [d["code"] for d in answer["text_diagnostics"]] == ["L005"]  # [3] has no reference
    assert "L006" in {d["code"] for d in answer["references"][1]["diagnostics"]}  # [2] never cited


def test_check_sarif(client, example):
    log = client.post("/api/check", json={"text": example, "format": "sarif"}).json()
    assert log["version"] == "2.1.0"
    # the 《》 house-style list is not in GB/T 7714 form (L012), and item 27 has a '□'
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["L012", "E002"]


def test_fix_safe_and_by_id(client):
    answer = client.post("/api/fix", json={"text": GBT_SPACE}).json()
    assert answer["applied"] == ["ref-1:0"]
    assert answer["text"] == GBT_SPACE.replace(" [J]", "[J]")
    _, fixed, _ = cli("check", "-", "--fix", "--fail-on", "never", stdin=GBT_SPACE)
    assert answer["text"] + "\n" == fixed
    assert "G003" not in {d["code"] for d in answer["references"][0]["diagnostics"]}
    by_id = client.post("/api/fix", json={"text": GBT_SPACE, "fixes": ["ref-1:0"]}).json()
    assert by_id["text"] == answer["text"]
    none = client.post("/api/fix", json={"text": GBT_SPACE, "fixes": []}).json()
    assert none["applied"] == [] and none["text"] == GBT_SPACE
    assert (
        error_of(client.post("/api/fix", json={"text": GBT_SPACE, "fixes": ["ref-9:0"]}), 422)[
            "code"
        ]
        == "unknown-fix"
    )


def test_fix_refuses_export_entries(client):
    items = [{"id": "x", "type": "book", "title": "T"}]
    assert error_of(client.post("/api/fix", json={"items": items}), 422)["code"] == "not-fixable"


def test_no_body_gets_a_500(client):
    """Whatever JSON arrives, every endpoint answers with a status below 500 and JSON."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    scalar = (
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False, allow_infinity=False)
        | st.text(max_size=40)
    )
    value = st.recursive(
        scalar,
        lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=8), c, max_size=4),
        max_leaves=12,
    )
    keys = st.sampled_from(["text", "references", "items", "lines", "from", "standard", "select", "ignore",
                            "options", "lang", "article", "format", "fixes", "style", "style_xml", "locale",
                            "output", "to", "profile"])  # fmt: skip
    bodies = st.dictionaries(keys, value, max_size=5) | value

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    @given(endpoint=st.sampled_from(["parse", "check", "fix", "format", "convert"]), body=bodies)
    def run(endpoint, body):
        r = client.post(f"/api/{endpoint}", json=body)
        assert r.status_code < 500, r.text
        if r.status_code != 200:
            error_of(r, r.status_code)
        elif r.headers["content-type"].startswith("application/json"):
            r.json()

    run()


def test_format_answers_the_cli_entries(client, example):
    for style in ("gbt7714-2015-numeric", "gbt7714-2015-author-date", "apa"):
        answer = client.post("/api/format", json={"text": example, "style": style}).json()
        _, out, _ = cli(
            "format", str(EXAMPLE), "--style", style, "-f", "jsonl", "--fail-on", "never"
        )
        assert answer["entries"] == jsonl(out), style
    html = client.post("/api/format", json={"text": example, "output": "html"}).json()
    _, out, _ = cli("format", str(EXAMPLE), "--style", "gbt7714-2015-numeric", "-f", "html",
                    "--fail-on", "never")  # fmt: skip
    assert html["bibliography"] == out


def test_format_docx(client, example):
    import docx

    r = client.post("/api/format", json={"text": example, "output": "docx"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/vnd.openxmlformats")
    paragraphs = [p.text for p in docx.Document(io.BytesIO(r.content)).paragraphs]
    entries = client.post("/api/format", json={"text": example}).json()["entries"]
    assert paragraphs == [e["text"] for e in entries]


def test_convert_answers_the_cli_output(client, tmp_path):
    bib = "@article{li2020,\n  author = {Li, Hua},\n  title = {A Title},\n  journal = {J},\n  year = {2020}\n}\n"
    answer = client.post("/api/convert", json={"text": bib, "to": "ris"}).json()
    path = tmp_path / "in.bib"
    path.write_text(bib, encoding="utf-8")
    _, out, _ = cli("convert", str(path), "--to", "ris")
    assert answer["output"] == out and answer["from"] == "bibtex"
    items = [{"id": "a", "type": "book", "title": "T", "author": [{"family": "Li", "given": "Bo"}]}]
    answer = client.post("/api/convert", json={"items": items, "to": "csl-json"}).json()
    assert json.loads(answer["output"])[0]["title"] == "T"
    error_of(client.post("/api/convert", json={"text": "just words", "to": "ris"}), 422)
    error_of(client.post("/api/convert", json={"text": bib}), 422)


def test_upload_files(client):
    bib = b"@book{k,\n  author = {Moore, Mark H.},\n  title = {Creating Public Value},\n  year = {1995}\n}\n"
    r = client.post("/api/check", files={"file": ("refs.bib", bib)}, data={"lang": "en"})
    assert r.status_code == 200, r.text
    answer = r.json()
    assert answer["input_format"] == "bibtex" and answer["source"]["name"] == "refs.bib"
    assert answer["references"][0]["item"]["title"] == "Creating Public Value"
    gbk = "[1] 张三. 书名[M]. 北京: 出版社, 2001.".encode("gb18030")
    r = client.post("/api/parse", files={"file": ("list.txt", gbk)})
    assert r.json()["references"][0]["item"]["title"] == "书名"


def test_upload_docx_manuscript(client):
    expected = json.loads((FIXTURES / "manuscript.expected.json").read_text(encoding="utf-8"))
    data = (FIXTURES / "manuscript.docx").read_bytes()
    r = client.post("/api/check", files={"file": ("manuscript.docx", data)})
    answer = r.json()
    assert [ref["raw"] for ref in answer["references"]] == expected["references"]
    assert answer["source"]["heading"] == expected["heading"]
    assert answer["source"]["article"].endswith(expected["article_ends_with"])
    again = client.post(
        "/api/check",
        json={"text": answer["source"]["text"], "article": answer["source"]["article"]},
    ).json()
    never = [
        r["label"] for r in again["references"] if "L006" in {d["code"] for d in r["diagnostics"]}
    ]
    assert never == expected["never_cited"]
    bad = client.post("/api/check", files={"file": ("broken.docx", b"PK\x03\x04 not a zip")})
    assert error_of(bad, 422)["code"] == "bad-docx"


def test_styles_rules_health_openapi(client):
    styles = client.get("/api/styles").json()
    ids = {s["id"] for s in styles["styles"]}
    assert {"gbt7714-2015-numeric", "gbt7714-2025-author-date", "apa"} <= ids
    assert styles["default"] == "gbt7714-2015-numeric"
    rules = client.get("/api/rules").json()["rules"]
    _, out, _ = cli("rules", "-f", "json")
    assert rules == json.loads(out)
    zh = client.get("/api/rules", params={"select": "G0", "lang": "zh", "standard": "gbt7714-2015"})
    assert all(r["code"].startswith("G0") for r in zh.json()["rules"])
    one = client.get("/api/rules/g003").json()
    _, out, _ = cli("rule", "G003", "-f", "json")
    assert one == json.loads(out)
    assert error_of(client.get("/api/rules/Z999"), 404)["code"] == "unknown-code"
    error_of(client.get("/api/rules", params={"lang": "fr"}), 422)
    error_of(client.get("/api/rules", params={"bogus": "1"}), 422)
    health = client.get("/api/health").json()
    assert health["status"] == "ok" and health["limits"]["max_references"] == 5000
    doc = client.get("/api/openapi.json").json()
    assert doc["openapi"].startswith("3.")
    for path in ("parse", "check", "format", "convert", "fix", "styles", "rules", "rules/{code}",
                 "health", "openapi.json"):  # fmt: skip
        assert f"/api/{path}" in doc["paths"]
    check_props = doc["paths"]["/api/check"]["post"]["requestBody"]["content"]["application/json"]
    assert {"text", "references", "items", "standard", "select", "article"} <= set(
        check_props["schema"]["properties"]
    )


# --- errors ------------------------------------------------------------------------------


def test_error_statuses(client):
    assert (
        error_of(
            client.post(
                "/api/check", content=b"{nope", headers={"content-type": "application/json"}
            ),
            400,
        )["code"]
        == "bad-json"
    )
    error_of(client.get("/api/nothing-here"), 404)
    error_of(client.get("/api/check"), 405)
    error_of(client.post("/api/check", content=b"x", headers={"content-type": "text/plain"}), 415)
    for body in ({}, {"text": "a", "references": ["b"]}, {"text": 3}, {"references": "a"},
                 {"text": "a", "standard": "gbt7714-1987"}, {"text": "a", "bogus": 1},
                 {"text": "a", "select": "Q9"}, {"text": "a", "profile": "journal"}, []):  # fmt: skip
        error_of(client.post("/api/check", json=body), 422)
    for ctype in (
        "multipart/form-data",
        "multipart/form-data; boundary=x",
    ):  # no boundary; none found
        error_of(
            client.post("/api/check", content=b"garbage", headers={"content-type": ctype}), 400
        )


def test_style_ids_never_name_files(client):
    from citekit.renderer.styles import BUNDLED_STYLES_DIR

    path = str(BUNDLED_STYLES_DIR / "gbt7714-2015-numeric.csl")
    for style in (
        "/etc/passwd",
        "../../etc/passwd",
        path,
        "README.md",
        "pyproject",
        "gbt7714-2015-numeric/",
    ):
        assert (
            error_of(client.post("/api/format", json={"text": GBT_SPACE, "style": style}), 422)[
                "code"
            ]
            == "unknown-style"
        )


def test_uploaded_style_parsed_without_entities(client, tmp_path):
    from citekit.renderer.styles import BUNDLED_STYLES_DIR

    csl = (BUNDLED_STYLES_DIR / "gbt7714-2015-numeric.csl").read_text(encoding="utf-8")
    ok = client.post("/api/format", json={"text": GBT_SPACE, "style_xml": csl}).json()
    by_id = client.post("/api/format", json={"text": GBT_SPACE}).json()
    assert ok["entries"] == by_id["entries"]
    r = client.post(
        "/api/format",
        files={"file": ("l.txt", GBT_SPACE.encode()), "style": ("s.csl", csl.encode())},
    )
    assert r.json()["entries"] == by_id["entries"]
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    xxe = csl.replace(
        "<style ", f'<!DOCTYPE style [<!ENTITY x SYSTEM "file://{secret}">]>\n<style ', 1
    ).replace("<title>", "<title>&x;", 1)
    bad = client.post("/api/format", json={"text": GBT_SPACE, "style_xml": xxe})
    assert error_of(bad, 422)["code"] == "bad-style" and "TOP-SECRET" not in bad.text
    error_of(client.post("/api/format", json={"text": GBT_SPACE, "style_xml": "<html/>"}), 422)
    error_of(client.post("/api/format", json={"text": GBT_SPACE, "style_xml": "<style"}), 422)


def test_html_is_escaped(client):
    evil = '[1] <script>alert(1)</script>张三. 书名[M]. 北京: <b onclick="x()">出版社</b>, 2001.'
    answer = client.post("/api/format", json={"text": evil, "output": "html"}).json()
    html = answer["entries"][0]["html"]
    assert "<script" not in html and "<b onclick" not in html and "&lt;" in html
    assert client.post("/api/check", json={"text": evil}).json()["references"][0]["raw"] == evil


def test_security_headers_and_cors():
    with TestClient(create_app()) as c:
        r = c.get("/", headers={"Origin": "https://elsewhere.example"})
        assert "script-src 'self'" in r.headers["content-security-policy"]
        assert "access-control-allow-origin" not in r.headers
        assert r.headers["x-content-type-options"] == "nosniff"
    with TestClient(create_app({"cors_origins": ["https://journal.example"]})) as c:
        r = c.get("/api/health", headers={"Origin": "https://journal.example"})
        assert r.headers["access-control-allow-origin"] == "https://journal.example"
        r = c.get("/api/health", headers={"Origin": "https://elsewhere.example"})
        assert "access-control-allow-origin" not in r.headers


def test_page_and_static_files(client):
    page = client.get("/")
    assert page.status_code == 200 and 'lang="zh-CN"' in page.text
    for name in ("app.js", "app.css", "favicon.svg"):
        assert client.get(f"/static/{name}").status_code == 200
    assert "http" not in client.get("/static/app.js").text.replace("/api/", "")  # nothing remote
    error_of(client.get("/static/../../pyproject.toml"), 404)


def test_internal_error_is_json_without_traceback(monkeypatch):
    from citekit.service import work

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(work, "do_parse", broken)
    with TestClient(create_app(), raise_server_exceptions=False) as c:
        err = error_of(c.post("/api/parse", json={"text": "x"}), 500)
        assert err["code"] == "internal-error"


# --- limits ------------------------------------------------------------------------------


def test_body_and_reference_limits():
    with TestClient(create_app({"max_body_bytes": 2000, "max_references": 3})) as c:
        big = c.post("/api/check", json={"text": "x" * 3000})
        assert error_of(big, 413)["code"] == "body-too-large"
        upload = c.post("/api/check", files={"file": ("a.txt", b"y" * 3000)})
        error_of(upload, 413)
        many = c.post("/api/check", json={"references": ["a", "b", "c", "d"]})
        assert error_of(many, 413)["code"] == "too-many-references"
        text = "\n".join(f"[{i}] 张三. 书名{i}[M]. 北京: 出版社, 2001." for i in range(1, 5))
        error_of(c.post("/api/parse", json={"text": text}), 413)
        assert c.post("/api/check", json={"references": ["a", "b", "c"]}).status_code == 200


def test_service_config_rejects_unknown_settings():
    with pytest.raises(UsageError):
        ServiceConfig.from_mapping({"max_refs": 3})
    with pytest.raises(UsageError):
        ServiceConfig(workers=0)


@pytest.fixture()
def server(request):
    """A real Uvicorn server on a free loopback port, with the settings of the test's marker."""
    import socket

    import httpx
    import uvicorn

    settings = request.param
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="error")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            httpx.get(base + "/api/health", timeout=1)
            break
        except httpx.HTTPError:
            threading.Event().wait(0.05)
    yield base
    srv.should_exit = True
    thread.join(10)


def _big_list(n: int) -> str:
    return "\n".join(
        f"[{i}] 张三, 李四. 数字政府建设研究第{i}篇[J]. 公共管理学报, 2020, 17({i % 12 + 1}): {i}-{i + 9}."
        for i in range(1, n + 1)
    )


@pytest.mark.parametrize("server", [{"timeout": 0.05}], indirect=True)
def test_timeout_is_503(server):
    import httpx

    r = httpx.post(server + "/api/check", json={"text": _big_list(1500)}, timeout=60)
    err = error_of(r, 503)
    assert err["code"] == "timeout" and r.headers["retry-after"]


@pytest.mark.parametrize("server", [{"workers": 1, "queue": 0}], indirect=True)
def test_too_many_concurrent_requests_is_429_and_the_server_keeps_serving(server):
    import httpx

    slow: dict = {}

    def send() -> None:
        slow["response"] = httpx.post(
            server + "/api/check", json={"text": _big_list(1500)}, timeout=120
        )

    thread = threading.Thread(target=send)
    thread.start()
    for _ in range(600):  # until the slow request holds the only worker
        if httpx.get(server + "/api/health", timeout=10).json()["busy"] == 1:
            break
        threading.Event().wait(0.01)
    else:
        pytest.fail("the slow request never started")
    # the event loop still answers while the worker is busy
    assert httpx.get(server + "/api/health", timeout=10).status_code == 200
    busy = httpx.post(server + "/api/parse", json={"text": GBT_SPACE}, timeout=30)
    assert error_of(busy, 429)["code"] == "too-many-requests" and busy.headers["retry-after"]
    thread.join(120)
    assert slow["response"].status_code == 200
    assert len(slow["response"].json()["references"]) == 1500


# --- the command ------------------------------------------------------------------------


def test_serve_without_the_extra_exits_2(monkeypatch):
    from citekit.service import run

    real = run.importlib.util.find_spec
    monkeypatch.setattr(
        run.importlib.util,
        "find_spec",
        lambda name, *a: None if name == "uvicorn" else real(name, *a),
    )
    code, out, err = cli("serve")
    assert code == 2 and "pip install 'citekit[serve]'" in err and err.count("\n") == 1


def test_serve_bad_port_exits_2():
    code, _, err = cli("serve", "--port", "70000")
    assert code == 2 and "port" in err
