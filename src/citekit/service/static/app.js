// citekit editor's workbench. Plain JavaScript, no build step, no remote resources.
// Every text from a reference goes into the page as text (textContent); the only HTML taken
// from the server is a rendered entry, and it passes through sanitize() first.
"use strict";

(function () {
  const I18N = {
    zh: {
      title: "参考文献工作台", api: "HTTP API", inputTitle: "参考文献表",
      pastePlaceholder: "把参考文献表粘贴到这里，或把文件拖到这里（.txt .docx .bib .ris .json、EndNote、NoteExpress、RefWorks 导出）",
      dropHint: "松开鼠标即可读取文件", chooseFile: "选择文件…", lines: "每行一条",
      edition: "标准版本", style: "目标样式", otherStyle: "其他样式 id，如 apa", other: "其他…", uploadStyle: "上传 CSL 文件…",
      run: "检查", articleTitle: "正文交叉核对（可选）：粘贴正文，核对引用与文献表",
      articlePlaceholder: "粘贴正文。将报告：正文引用了但表中没有的、表中有但正文从未引用的、编号未按首次引用顺序的。",
      filterSeverity: "筛选", all: "全部", withProblems: "有问题的", errors: "错误", warnings: "警告", notes: "提示",
      filterCode: "代码", allCodes: "全部代码", fixAll: "接受全部安全修复", export: "导出：",
      copyText: "复制文本", copyHtml: "复制 HTML", reportJson: "报告 JSON",
      footer: "citekit 在本机运行，不联网；文献内容不会离开这台电脑。",
      count: (n) => `${n} 条文献`, nError: (n) => `${n} 个错误`, nWarning: (n) => `${n} 个警告`, nInfo: (n) => `${n} 个提示`,
      working: "正在处理…", done: (ms) => `完成（${ms} 毫秒）`, copied: "已复制", nothing: "请先粘贴或拖入参考文献表",
      original: "原文", fields: "解析字段", rendered: "按目标样式", fix: "应用修复", safe: "安全", unsafe: "需确认",
      recheck: "重新检查", editText: "编辑原文", save: "保存", cancel: "取消", lowConf: (c) => `解析把握不大（置信度 ${c}）`,
      noProblems: "未发现问题", addField: "添加字段", edited: "已修改", fixed: (n) => `已应用 ${n} 处修复`,
      noSafe: "没有可自动应用的安全修复", read: (name, n) => `已读取 ${name}：${n} 条`, heading: (h) => `（参考文献部分：“${h}”）`,
      articleFindings: "正文交叉核对", articleClean: "正文引用与文献表一致", error: "出错",
      sev: { error: "错误", warning: "警告", info: "提示" }, langButton: "English",
    },
    en: {
      title: "Reference workbench", api: "HTTP API", inputTitle: "Reference list",
      pastePlaceholder: "Paste a reference list here, or drop a file (.txt .docx .bib .ris .json, EndNote, NoteExpress, RefWorks exports)",
      dropHint: "Drop the file to read it", chooseFile: "Choose file…", lines: "One per line",
      edition: "Edition", style: "Target style", otherStyle: "another style id, e.g. apa", other: "Other…", uploadStyle: "Upload a CSL file…",
      run: "Check", articleTitle: "Cross-check with the article (optional): paste the article text",
      articlePlaceholder: "Paste the article. Reported: citations with no reference, references never cited, numbering not in order of first citation.",
      filterSeverity: "Show", all: "All", withProblems: "With problems", errors: "Errors", warnings: "Warnings", notes: "Notes",
      filterCode: "Code", allCodes: "All codes", fixAll: "Accept all safe fixes", export: "Export:",
      copyText: "Copy text", copyHtml: "Copy HTML", reportJson: "Report JSON",
      footer: "citekit runs on this machine with no network; the references never leave this computer.",
      count: (n) => `${n} reference${n === 1 ? "" : "s"}`, nError: (n) => `${n} error${n === 1 ? "" : "s"}`,
      nWarning: (n) => `${n} warning${n === 1 ? "" : "s"}`, nInfo: (n) => `${n} note${n === 1 ? "" : "s"}`,
      working: "Working…", done: (ms) => `Done (${ms} ms)`, copied: "Copied", nothing: "Paste or drop a reference list first",
      original: "Original", fields: "Parsed fields", rendered: "In the target style", fix: "Apply fix", safe: "safe", unsafe: "check first",
      recheck: "Re-check", editText: "Edit text", save: "Save", cancel: "Cancel", lowConf: (c) => `the parser is unsure (confidence ${c})`,
      noProblems: "No problems found", addField: "Add field", edited: "edited", fixed: (n) => `${n} fix${n === 1 ? "" : "es"} applied`,
      noSafe: "No safe fixes to apply", read: (name, n) => `Read ${name}: ${n} references`, heading: (h) => ` (reference section: “${h}”)`,
      articleFindings: "Article cross-check", articleClean: "Citations and the list agree", error: "Error",
      sev: { error: "error", warning: "warning", info: "note" }, langButton: "中文",
    },
  };
  // Fields shown for every reference (more appear when the item has them).
  const MAIN_FIELDS = ["type", "author", "title", "container-title", "editor", "translator", "edition",
    "publisher-place", "publisher", "issued", "volume", "issue", "page", "number", "DOI", "URL", "accessed"];
  const NAME_FIELDS = new Set(["author", "editor", "translator", "container-author", "collection-editor",
    "composer", "director", "interviewer", "recipient", "reviewed-author", "original-author"]);
  const DATE_FIELDS = new Set(["issued", "accessed", "event-date", "original-date", "submitted"]);
  const LOW_CONFIDENCE = 0.75;
  const ARTICLE_CODES = new Set(["L005", "L006", "L007", "L011"]); // the --text findings
  const RANK = { info: 0, warning: 1, error: 2 };
  const BATCH = 100; // cards added per animation frame

  const $ = (id) => document.getElementById(id);
  const state = {
    lang: localStorage.getItem("citekit-lang") || "zh",
    refs: [], // {record, entry: {text, html}, edited, origin}
    input: null, // the body of the last full check, without options
    inputFormat: "text",
    text: [],
    styles: [],
  };
  const t = (key, ...args) => {
    const v = I18N[state.lang][key];
    return typeof v === "function" ? v(...args) : v;
  };

  // --- helpers --------------------------------------------------------------------------------
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children) if (c !== null && c !== undefined) node.append(c);
    return node;
  }

  const ALLOWED_TAGS = new Set(["I", "B", "EM", "STRONG", "SUP", "SUB", "SPAN", "A"]);
  // A rendered entry's HTML (already escaped by the renderer) rebuilt from its text and a few
  // formatting tags only: no attribute, script or handler can come through.
  function sanitize(html) {
    const doc = new DOMParser().parseFromString(`<div>${html}</div>`, "text/html");
    const out = document.createDocumentFragment();
    function walk(node, into) {
      for (const child of node.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) into.append(child.textContent);
        else if (child.nodeType === Node.ELEMENT_NODE) {
          if (ALLOWED_TAGS.has(child.tagName)) {
            const tag = child.tagName === "A" ? "span" : child.tagName.toLowerCase();
            const copy = document.createElement(tag);
            const style = child.getAttribute("style") || "";
            if (/small-caps/.test(style)) copy.className = "small-caps";
            walk(child, copy);
            into.append(copy);
          } else walk(child, into);
        }
      }
    }
    walk(doc.body.firstChild, out);
    return out;
  }

  async function api(path, body, { raw = false } = {}) {
    const init = { method: body ? "POST" : "GET" };
    if (body instanceof FormData) init.body = body;
    else if (body) {
      init.body = JSON.stringify(body);
      init.headers = { "Content-Type": "application/json" };
    }
    const response = await fetch(path, init);
    if (!response.ok) {
      let message = `${response.status}`;
      try { message = (await response.json()).error.message; } catch (_) { /* not JSON */ }
      throw new Error(message);
    }
    return raw ? response.blob() : response.json();
  }

  let lastStatus = null;
  // A status line is a key of I18N with its arguments (or plain text), so it follows the language.
  function status(message, isError) {
    lastStatus = [message, isError];
    const s = $("status");
    s.textContent = typeof message === "function" ? message() : message || "";
    s.classList.toggle("error", !!isError);
  }
  const say = (key, ...args) => () => t(key, ...args);

  function options(extra) {
    const o = { standard: $("standard").value, lang: state.lang, ...extra };
    const article = $("article").value;
    if (article.trim()) o.article = article;
    return o;
  }

  // The style options of a format request: a style id, or the CSL file the editor uploaded.
  function styleOptions() {
    const sel = $("style").value;
    if (sel === "__upload" && state.styleXml) return { style_xml: state.styleXml };
    return { style: sel === "__other" ? ($("style-other").value.trim() || "gbt7714-2015-numeric") : sel };
  }

  // --- i18n -----------------------------------------------------------------------------------
  function applyLanguage() {
    document.documentElement.lang = state.lang === "zh" ? "zh-CN" : "en";
    document.title = `citekit ${t("title")}`;
    for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
    for (const node of document.querySelectorAll("[data-i18n-placeholder]")) node.placeholder = t(node.dataset.i18nPlaceholder);
    $("lang-switch").textContent = t("langButton");
    const other = $("style").querySelector('option[value="__other"]');
    if (other) other.textContent = t("other");
    const upload = $("style").querySelector('option[value="__upload"]');
    if (upload) upload.textContent = state.styleName || t("uploadStyle");
    if (lastStatus) status(...lastStatus);
    if (state.refs.length && state.input && !state.refs.some((r) => r.changed)) {
      check(state.input); // the messages come from the server in the page's language
    } else if (state.refs.length) {
      renderSummary();
      state.refs.forEach((_, i) => updateCard(i));
      renderArticle();
    }
  }

  // --- styles ---------------------------------------------------------------------------------
  async function loadStyles() {
    const data = await api("/api/styles");
    state.styles = data.styles.map((s) => s.id);
    const select = $("style");
    const featured = [...data.maintained, "apa", "modern-language-association", "chicago-author-date",
      "harvard-cite-them-right", "ieee", "vancouver"].filter((s, i, a) => state.styles.includes(s) && a.indexOf(s) === i);
    for (const id of featured) select.append(el("option", { value: id, text: id }));
    select.append(el("option", { value: "__other", text: t("other") }));
    select.append(el("option", { value: "__upload", text: t("uploadStyle") }));
    const list = $("style-list");
    for (const id of state.styles) list.append(el("option", { value: id }));
  }

  // --- reading input --------------------------------------------------------------------------
  async function runCheck() {
    const text = $("source").value;
    if (!text.trim()) { status(say("nothing"), true); return; }
    const body = { text };
    if ($("lines").checked) body.lines = true;
    state.input = body;
    await check(body);
  }

  async function check(input) {
    status(say("working"));
    const started = performance.now();
    try {
      const answer = input instanceof FormData ? await api("/api/check", input) : await api("/api/check", { ...input, ...options() });
      show(answer);
      await renderAll();
      status(say("done", Math.round(performance.now() - started)));
    } catch (err) {
      status(() => `${t("error")}: ${err.message}`, true);
    }
  }

  async function readFile(file) {
    const form = new FormData();
    form.append("file", file, file.name);
    form.append("options_json", JSON.stringify(options()));
    status(say("working"));
    try {
      const answer = await api("/api/check", form);
      const src = answer.source || {};
      $("source").value = src.text || "";
      $("lines").checked = false;
      // later checks read the same list from the text box; an export keeps its format
      state.input = { text: src.text || "", from: answer.input_format };
      if (src.article && !$("article").value.trim()) {
        // a manuscript: its text is the article to cross-check the list with
        $("article").value = src.article;
        $("article-box").open = true;
        await check(state.input);
      } else {
        show(answer);
        await renderAll();
      }
      status(() => t("read", src.name || file.name, state.refs.length) + (src.heading ? t("heading", src.heading) : ""));
    } catch (err) {
      status(() => `${t("error")}: ${err.message}`, true);
    }
  }

  function show(answer) {
    state.inputFormat = answer.input_format || "text";
    state.text = answer.text_diagnostics || [];
    state.refs = answer.references.map((record) => ({ record, entry: null, edited: false }));
    $("results").hidden = false;
    buildCards();
    renderSummary();
    renderArticle();
  }

  // --- rendering through the chosen style ----------------------------------------------------
  async function renderAll() {
    if (!state.refs.length) return;
    const items = state.refs.map((r) => r.record.item);
    const answer = await api("/api/format", { items, ...styleOptions(), output: "html", standard: $("standard").value });
    const byId = new Map(answer.entries.map((e) => [e.id, e]));
    state.refs.forEach((r, i) => {
      r.entry = byId.get(r.record.item.id) || null;
      updateEntry(i);
    });
  }

  // One item rendered alone is numbered 1 in a numeric style: give it its place in the list.
  function renumber(text, index) {
    return text.replace(/^(\[)1(\])|^1(\.)/, (m, a, b, c) => (a ? `[${index + 1}]` : `${index + 1}.`));
  }

  async function renderOne(i) {
    const r = state.refs[i];
    const answer = await api("/api/format", { items: [r.record.item], ...styleOptions(), output: "html" });
    const e = answer.entries[0];
    r.entry = e ? { id: e.id, text: renumber(e.text, i), html: renumber(e.html, i) } : null;
    updateEntry(i);
  }

  // --- the list -------------------------------------------------------------------------------
  function buildCards() {
    const list = $("refs");
    list.replaceChildren();
    let i = 0;
    const step = () => {
      const frag = document.createDocumentFragment();
      for (const end = Math.min(i + BATCH, state.refs.length); i < end; i++) frag.append(card(i));
      list.append(frag);
      if (i < state.refs.length) requestAnimationFrame(step);
      else applyFilter();
    };
    step();
  }

  function card(i) {
    const li = el("li", { class: "ref", id: `card-${i}`, "data-index": i });
    fillCard(li, i);
    return li;
  }

  function updateCard(i) {
    const li = document.getElementById(`card-${i}`);
    if (!li) return;
    li.replaceChildren();
    fillCard(li, i);
    applyFilterTo(li, i);
  }

  function worst(record) {
    let w = -1;
    for (const d of record.diagnostics) w = Math.max(w, RANK[d.severity]);
    return ["info", "warning", "error"][w] || null;
  }

  function fillCard(li, i) {
    const r = state.refs[i];
    const rec = r.record;
    const sev = worst(rec);
    li.dataset.severity = sev || "";
    li.dataset.codes = rec.diagnostics.map((d) => d.code).join(" ");
    const head = el("div", { class: "ref-head" },
      el("span", { class: "num", text: String(i + 1) }),
      sev ? el("span", { class: `dot ${sev}`, title: t("sev")[sev] }) : null,
      r.edited ? el("span", { class: "tag", text: t("edited") }) : null,
      // an export's entry is edited in its fields, not as text
      state.inputFormat === "text" ? el("button", { type: "button", class: "small", text: t("editText"), onclick: () => editText(i) }) : null,
    );
    const original = el("div", { class: "raw", lang: rec.language || null });
    original.append(...underline(rec, r.edited));
    const diags = el("ul", { class: "diags" });
    if (!rec.diagnostics.length) diags.append(el("li", { class: "ok", text: t("noProblems") }));
    rec.diagnostics.forEach((d, k) => diags.append(diagLine(i, d, k)));
    const left = el("div", { class: "left" },
      el("div", { class: "label", text: t("original") }), original, diags,
      el("div", { class: "label", text: t("rendered") }), el("div", { class: "entry", id: `entry-${i}` }));
    const right = el("div", { class: "right" }, el("div", { class: "label", text: t("fields") }), fieldsForm(i));
    li.append(head, el("div", { class: "ref-body" }, left, right));
    fillEntry(li.querySelector(".entry"), r);
  }

  function fillEntry(node, r) {
    node.replaceChildren();
    if (r.entry) node.append(sanitize(r.entry.html));
  }

  function updateEntry(i) {
    const node = document.getElementById(`entry-${i}`);
    if (node) fillEntry(node, state.refs[i]);
  }

  // The raw string with each problem's span underlined (colour: the worst severity over it).
  function underline(rec, edited) {
    const raw = rec.raw;
    const marks = [];
    if (!edited) {
      rec.diagnostics.forEach((d, k) => {
        if (d.span && d.span[1] <= raw.length * 2 + 2) marks.push({ start: d.span[0], end: d.span[1], d, k });
      });
    }
    // code points, not UTF-16 units: spans count code points
    const chars = Array.from(raw);
    const cuts = new Set([0, chars.length]);
    for (const m of marks) { cuts.add(Math.min(m.start, chars.length)); cuts.add(Math.min(m.end, chars.length)); }
    const points = [...cuts].sort((a, b) => a - b);
    const out = [];
    const pointMarks = (pos) => marks.filter((m) => m.start === m.end && m.start === pos);
    for (let p = 0; p < points.length; p++) {
      const a = points[p];
      for (const m of pointMarks(a)) out.push(markNode("‸", [m], true));
      if (p === points.length - 1) break;
      const b = points[p + 1];
      const piece = chars.slice(a, b).join("");
      const over = marks.filter((m) => m.start < b && m.end > a && m.start !== m.end);
      out.push(over.length ? markNode(piece, over, false) : document.createTextNode(piece));
    }
    return out;
  }

  function markNode(text, over, point) {
    let w = 0;
    for (const m of over) w = Math.max(w, RANK[m.d.severity]);
    const sev = ["info", "warning", "error"][w];
    const blank = !point && !text.trim(); // a space is hard to see underlined: widen it
    const node = el("mark", {
      class: `u ${sev}${point ? " point" : ""}${blank ? " blank" : ""}`,
      tabindex: "0",
      "data-diags": over.map((m) => m.k).join(","),
      title: over.map((m) => `${m.d.code} ${m.d.message}`).join("\n"),
      text,
    });
    return node;
  }

  function diagLine(i, d, k) {
    const li = el("li", { class: `diag ${d.severity}`, id: `diag-${i}-${k}` },
      el("code", { text: d.code }),
      el("span", { class: `sev ${d.severity}`, text: t("sev")[d.severity] }),
      el("span", { class: "msg", text: d.message }));
    if (d.fix && d.fix.edits.length) {
      li.append(el("button", {
        type: "button", class: `small fix ${d.fix.applicability}`,
        title: `${d.fix.message} (${d.fix.applicability === "safe" ? t("safe") : t("unsafe")})`,
        // fix messages are English only: the Chinese page says 应用修复 and shows it on hover
        text: state.lang === "en" ? `${t("fix")}: ${d.fix.message}` : t("fix"),
        onclick: () => applyFix(i, k),
      }));
    }
    return li;
  }

  // --- parsed fields (editable) ---------------------------------------------------------------
  function fieldValue(name, value) {
    if (value === undefined || value === null) return "";
    if (NAME_FIELDS.has(name) && Array.isArray(value)) {
      return value.map((n) => n.literal || [n.family, n.given].filter(Boolean).join(", ")).join("; ");
    }
    if (DATE_FIELDS.has(name) && typeof value === "object") {
      if (value["date-parts"]) return value["date-parts"].map((p) => p.join("-")).join("/");
      return value.literal || value.raw || "";
    }
    return typeof value === "object" ? JSON.stringify(value) : String(value);
  }

  function parseField(name, text) {
    text = text.trim();
    if (!text) return undefined;
    if (NAME_FIELDS.has(name)) {
      return text.split(/\s*;\s*/).filter(Boolean).map((n) => {
        const parts = n.split(/\s*,\s*/);
        return parts.length >= 2 ? { family: parts[0], given: parts.slice(1).join(", ") } : { literal: n };
      });
    }
    if (DATE_FIELDS.has(name)) {
      const ranges = text.split("/").map((d) => d.split("-").map((x) => parseInt(x, 10)).filter((x) => !isNaN(x)));
      return ranges.every((r) => r.length) ? { "date-parts": ranges } : { literal: text };
    }
    if (/^\{.*\}$|^\[.*\]$/.test(text)) {
      try { return JSON.parse(text); } catch (_) { /* keep it as text */ }
    }
    return text;
  }

  function fieldsForm(i) {
    const rec = state.refs[i].record;
    const item = rec.item;
    const names = [...MAIN_FIELDS.filter((n) => n in item || ["type", "author", "title", "issued"].includes(n)),
      ...Object.keys(item).filter((n) => !MAIN_FIELDS.includes(n) && n !== "id")];
    const form = el("form", { class: "fields", onsubmit: (ev) => { ev.preventDefault(); recheck(i, form); } });
    for (const name of names) {
      const ev = rec.fields && rec.fields[name];
      const low = ev && ev.confidence < LOW_CONFIDENCE;
      const input = el("input", { name, value: fieldValue(name, item[name]), class: low ? "low" : null, spellcheck: "false" });
      input.value = fieldValue(name, item[name]);
      form.append(el("label", { class: low ? "low" : null },
        el("span", { class: "fname", text: name }),
        input,
        low ? el("span", { class: "conf", title: t("lowConf", ev.confidence.toFixed(2)), "aria-label": t("lowConf", ev.confidence.toFixed(2)), text: "?" }) : null));
    }
    const add = el("input", { class: "add-name", list: "csl-fields", placeholder: t("addField"), spellcheck: "false" });
    form.append(el("div", { class: "actions" }, add,
      el("button", { type: "submit", class: "small primary", text: t("recheck") })));
    return form;
  }

  async function recheck(i, form) {
    const r = state.refs[i];
    const item = { id: r.record.item.id };
    for (const input of form.querySelectorAll("label input")) {
      const value = parseField(input.name, input.value);
      if (value !== undefined) item[input.name] = value;
    }
    const extra = form.querySelector(".add-name").value.trim();
    if (extra && !(extra in item)) item[extra] = "";
    if (!item.type) item.type = "document";
    status(say("working"));
    try {
      const answer = await api("/api/check", { items: [item], ...options({ article: undefined, ignore: "L" }) });
      const rec = answer.references[0];
      // the checked item keeps the reference's raw string, label and id
      r.record = { ...rec, id: r.record.id, raw: r.record.raw, label: r.record.label, item: { ...rec.item, id: r.record.item.id } };
      r.edited = true;
      updateCard(i);
      await renderOne(i);
      renderSummary();
      status("");
    } catch (err) {
      status(() => `${t("error")}: ${err.message}`, true);
    }
  }

  // --- editing the original text ------------------------------------------------------------
  function editText(i) {
    const li = document.getElementById(`card-${i}`);
    const raw = li.querySelector(".raw");
    const area = el("textarea", { class: "raw-edit", rows: "3", spellcheck: "false" });
    area.value = state.refs[i].record.raw;
    const save = el("button", { type: "button", class: "small primary", text: t("save"), onclick: () => saveText(i, area.value) });
    const cancel = el("button", { type: "button", class: "small", text: t("cancel"), onclick: () => updateCard(i) });
    raw.replaceWith(el("div", { class: "raw-editor" }, area, save, cancel));
    area.focus();
  }

  async function recheckRaw(i, raws, fixes) {
    // one reference out of its list: the list-level checks (numbering, duplicates) do not apply
    const body = { references: raws, ...options({ article: undefined, ignore: "L" }) };
    return fixes ? api("/api/fix", { ...body, fixes }) : api("/api/check", body);
  }

  function adopt(i, rec) {
    const r = state.refs[i];
    r.record = { ...rec, id: r.record.id, item: { ...rec.item, id: r.record.item.id } };
    r.edited = false;
    r.changed = true;
  }

  async function saveText(i, text) {
    status(say("working"));
    try {
      const answer = await recheckRaw(i, [text]);
      adopt(i, answer.references[0]);
      updateCard(i);
      await renderOne(i);
      renderSummary();
      status("");
    } catch (err) {
      status(() => `${t("error")}: ${err.message}`, true);
    }
  }

  // --- fixes ----------------------------------------------------------------------------------
  async function applyFix(i, k) {
    const r = state.refs[i];
    status(say("working"));
    try {
      const answer = await recheckRaw(i, [r.record.raw], [`ref-1:${k}`]);
      adopt(i, answer.references[0]);
      updateCard(i);
      await renderOne(i);
      renderSummary();
      status(say("fixed", answer.applied.length));
    } catch (err) {
      status(() => `${t("error")}: ${err.message}`, true);
    }
  }

  async function applyAllSafe() {
    const todo = [];
    state.refs.forEach((r, i) => {
      if (!r.edited && r.record.diagnostics.some((d) => d.fix && d.fix.applicability === "safe" && d.fix.edits.length)) todo.push(i);
    });
    if (!todo.length || state.inputFormat !== "text") { status(say("noSafe")); return; }
    status(say("working"));
    try {
      const answer = await recheckRaw(null, todo.map((i) => state.refs[i].record.raw), "safe");
      todo.forEach((i, n) => adopt(i, answer.references[n]));
      todo.forEach((i) => updateCard(i));
      await renderAll();
      renderSummary();
      status(say("fixed", answer.applied.length));
    } catch (err) {
      status(() => `${t("error")}: ${err.message}`, true);
    }
  }

  // --- summary and filters --------------------------------------------------------------------
  function renderSummary() {
    const counts = { error: 0, warning: 0, info: 0 };
    const codes = new Map();
    for (const r of state.refs) {
      for (const d of r.record.diagnostics) {
        counts[d.severity]++;
        codes.set(d.code, (codes.get(d.code) || 0) + 1);
      }
    }
    for (const d of state.text) counts[d.severity]++;
    $("count").textContent = t("count", state.refs.length);
    $("n-error").textContent = t("nError", counts.error);
    $("n-warning").textContent = t("nWarning", counts.warning);
    $("n-info").textContent = t("nInfo", counts.info);
    const select = $("filter-code");
    const chosen = select.value;
    select.replaceChildren(el("option", { value: "", text: t("allCodes") }));
    for (const code of [...codes.keys()].sort()) select.append(el("option", { value: code, text: `${code} (${codes.get(code)})` }));
    select.value = codes.has(chosen) ? chosen : "";
  }

  function applyFilterTo(li, i) {
    const sev = $("filter-severity").value;
    const code = $("filter-code").value;
    const rec = state.refs[i].record;
    let show = true;
    if (sev === "problems") show = rec.diagnostics.length > 0;
    else if (sev) show = rec.diagnostics.some((d) => d.severity === sev);
    if (show && code) show = rec.diagnostics.some((d) => d.code === code);
    li.hidden = !show;
  }

  function applyFilter() {
    state.refs.forEach((_, i) => {
      const li = document.getElementById(`card-${i}`);
      if (li) applyFilterTo(li, i);
    });
  }

  // --- article cross-check ------------------------------------------------------------------
  function renderArticle() {
    const box = $("article-results");
    box.replaceChildren();
    if (!$("article").value.trim()) { box.hidden = true; return; }
    box.hidden = false;
    box.append(el("h3", { text: t("articleFindings") }));
    const list = el("ul", { class: "diags" });
    const article = Array.from($("article").value);
    for (const d of state.text) {
      const context = d.span ? article.slice(Math.max(0, d.span[0] - 20), d.span[1] + 20).join("") : "";
      list.append(el("li", { class: `diag ${d.severity}` }, el("code", { text: d.code }),
        el("span", { class: `sev ${d.severity}`, text: t("sev")[d.severity] }),
        el("span", { class: "msg", text: d.message }),
        context ? el("q", { class: "context", text: context }) : null));
    }
    // the findings about references: never cited, out of citation order, wrong citation form
    for (const r of state.refs) {
      for (const d of r.record.diagnostics) {
        if (ARTICLE_CODES.has(d.code)) {
          list.append(el("li", { class: `diag ${d.severity}` }, el("code", { text: d.code }),
            el("span", { class: `sev ${d.severity}`, text: t("sev")[d.severity] }),
            el("span", { class: "msg", text: `${r.record.label || r.record.id}: ${d.message}` })));
        }
      }
    }
    box.append(list.childElementCount ? list : el("p", { class: "ok", text: t("articleClean") }));
  }

  // --- popover on underlines ------------------------------------------------------------------
  function showPopover(mark) {
    const li = mark.closest(".ref");
    const i = Number(li.dataset.index);
    const rec = state.refs[i].record;
    const pop = $("popover");
    pop.replaceChildren();
    for (const k of mark.dataset.diags.split(",").map(Number)) {
      const d = rec.diagnostics[k];
      pop.append(el("div", { class: `pop ${d.severity}` }, el("code", { text: d.code }), " ", el("span", { text: d.message })));
      const line = document.getElementById(`diag-${i}-${k}`);
      if (line) { line.classList.add("flash"); setTimeout(() => line.classList.remove("flash"), 1200); }
    }
    const box = mark.getBoundingClientRect();
    pop.hidden = false;
    pop.style.left = `${Math.max(8, Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - pop.offsetWidth - 8))}px`;
    pop.style.top = `${window.scrollY + box.bottom + 6}px`;
  }

  // --- exports --------------------------------------------------------------------------------
  function download(name, data, type) {
    const blob = data instanceof Blob ? data : new Blob([data], { type });
    const a = el("a", { href: URL.createObjectURL(blob), download: name });
    document.body.append(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  async function copy(text, html) {
    try {
      if (html && window.ClipboardItem) {
        await navigator.clipboard.write([new ClipboardItem({
          "text/html": new Blob([html], { type: "text/html" }), "text/plain": new Blob([text], { type: "text/plain" }) })]);
      } else await navigator.clipboard.writeText(text);
    } catch (_) {
      const area = el("textarea", {});
      area.value = html || text;
      document.body.append(area);
      area.select();
      document.execCommand("copy");
      area.remove();
    }
    status(say("copied"));
  }

  function entriesInOrder() {
    return state.refs.map((r) => r.entry).filter(Boolean);
  }

  function entryHtml(e) {
    const div = el("div", { class: "csl-entry" });
    div.append(sanitize(e.html));
    return div.outerHTML;
  }

  async function exportAs(kind) {
    if (!state.refs.length) return;
    const items = state.refs.map((r) => r.record.item);
    const entries = entriesInOrder();
    try {
      if (kind === "copy-text") return copy(entries.map((e) => e.text).join("\n"));
      if (kind === "copy-html") return copy(entries.map((e) => e.text).join("\n"), `<div class="csl-bib-body">${entries.map(entryHtml).join("")}</div>`);
      if (kind === "txt") return download("references.txt", entries.map((e) => e.text).join("\n") + "\n", "text/plain;charset=utf-8");
      if (kind === "docx") {
        const blob = await api("/api/format", { items, ...styleOptions(), output: "docx" }, { raw: true });
        return download("references.docx", blob);
      }
      if (["csl-json", "bibtex", "ris"].includes(kind)) {
        const answer = await api("/api/convert", { items, to: kind });
        const ext = { "csl-json": "json", bibtex: "bib", ris: "ris" }[kind];
        return download(`references.${ext}`, answer.output, "text/plain;charset=utf-8");
      }
      if (kind === "report") {
        const report = { references: state.refs.map((r) => r.record), text_diagnostics: state.text };
        return download("citekit-report.json", JSON.stringify(report, null, 2), "application/json");
      }
      if (kind === "sarif") {
        const body = state.inputFormat === "text"
          ? { references: state.refs.map((r) => r.record.raw) }
          : { ...state.input };
        const log = await api("/api/check", { ...body, ...options({ format: "sarif" }) });
        return download("citekit.sarif", JSON.stringify(log, null, 2), "application/sarif+json");
      }
    } catch (err) {
      status(() => `${t("error")}: ${err.message}`, true);
    }
  }

  // --- wiring ---------------------------------------------------------------------------------
  function wire() {
    $("run").addEventListener("click", runCheck);
    $("lang-switch").addEventListener("click", () => {
      state.lang = state.lang === "zh" ? "en" : "zh";
      localStorage.setItem("citekit-lang", state.lang);
      applyLanguage();
    });
    $("style").addEventListener("change", () => {
      const value = $("style").value;
      $("style-other").hidden = value !== "__other";
      if (value === "__upload") $("style-file").click();
      else if (value !== "__other") renderAll().catch((err) => status(() => `${t("error")}: ${err.message}`, true));
    });
    $("style-file").addEventListener("change", async (ev) => {
      const file = ev.target.files[0];
      ev.target.value = "";
      if (!file) return;
      state.styleXml = await file.text();
      state.styleName = file.name;
      $("style").querySelector('option[value="__upload"]').textContent = file.name;
      renderAll().catch((err) => status(() => `${t("error")}: ${err.message}`, true));
    });
    $("style-other").addEventListener("change", () => renderAll().catch((err) => status(() => `${t("error")}: ${err.message}`, true)));
    $("standard").addEventListener("change", () => { if (state.input) check(state.input); });
    $("filter-severity").addEventListener("change", applyFilter);
    $("filter-code").addEventListener("change", applyFilter);
    $("fix-all").addEventListener("click", applyAllSafe);
    $("file").addEventListener("change", (ev) => { if (ev.target.files[0]) readFile(ev.target.files[0]); ev.target.value = ""; });
    for (const b of document.querySelectorAll("[data-export]")) b.addEventListener("click", () => exportAs(b.dataset.export));
    const drop = $("drop");
    drop.addEventListener("dragover", (ev) => { ev.preventDefault(); drop.classList.add("over"); });
    drop.addEventListener("dragleave", () => drop.classList.remove("over"));
    drop.addEventListener("drop", (ev) => {
      ev.preventDefault();
      drop.classList.remove("over");
      const file = ev.dataTransfer.files[0];
      if (file) readFile(file);
    });
    const refs = $("refs");
    refs.addEventListener("click", (ev) => {
      const mark = ev.target.closest("mark.u");
      if (mark) { ev.stopPropagation(); showPopover(mark); }
    });
    refs.addEventListener("keydown", (ev) => {
      const mark = ev.target.closest && ev.target.closest("mark.u");
      if (mark && (ev.key === "Enter" || ev.key === " ")) { ev.preventDefault(); showPopover(mark); }
    });
    document.addEventListener("click", (ev) => { if (!ev.target.closest("#popover")) $("popover").hidden = true; });
    document.addEventListener("keydown", (ev) => { if (ev.key === "Escape") $("popover").hidden = true; });
    // CSL variables for "add field"
    const names = ["abstract", "accessed", "archive", "author", "chapter-number", "collection-title", "container-title",
      "DOI", "edition", "editor", "event-place", "event-title", "genre", "ISBN", "ISSN", "issue", "issued", "language",
      "medium", "note", "number", "number-of-pages", "page", "publisher", "publisher-place", "section", "source", "status",
      "title", "translator", "type", "URL", "version", "volume"];
    document.body.append(el("datalist", { id: "csl-fields" }, ...names.map((n) => el("option", { value: n }))));
  }

  document.addEventListener("DOMContentLoaded", async () => {
    wire();
    applyLanguage();
    try { await loadStyles(); } catch (err) { status(() => `${t("error")}: ${err.message}`, true); }
    document.body.dataset.ready = "true"; // for tests and scripts driving the page
  });
})();
