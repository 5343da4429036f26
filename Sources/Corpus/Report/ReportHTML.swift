//! The report as one self-contained HTML page: documents, heat maps, quotes with citations, filters.
//! No network: the data is embedded JSON, the page's script and styles are inline, fonts are the system's.

public enum ReportHTML {
  /// Quotes embedded per co-occurrence cell (the long-form CSV has them all): a few from each document.
  public static let quotesPerDocument = 3
  public static let quotesPerCell = 15
  /// Passage locators listed per entity × document cell.
  public static let locatorsPerCell = 60

  public static func render(_ report: CooccurrenceReport, title: String = "Corpus report") -> String {
    String(decoding: renderBytes(report, title: title), as: UTF8.self)
  }

  /// The page as UTF-8 bytes (the embedded data can run to megabytes on a large corpus).
  public static func renderBytes(_ report: CooccurrenceReport, title: String = "Corpus report") -> [UInt8] {
    var page = "<!DOCTYPE html>\n<html lang=\"zh-Hans\">\n<head>\n<meta charset=\"utf-8\">\n"
    // Nothing may be fetched: no scripts, styles, fonts or images from anywhere.
    page += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
    page += "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
    page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    page += "<title>\(escape(title))</title>\n<style>\n\(style)</style>\n</head>\n<body>\n"
    page += """
      <header>
      <h1>\(escape(title))</h1>
      <p id="summary" class="summary"></p>
      <form id="filters" class="filters" onsubmit="return false">
      <label>Entity kind <select id="filter-kind"><option value="">all kinds</option></select></label>
      <label>Document <select id="filter-document"><option value="">all documents</option></select></label>
      <label>Name <input id="filter-name" type="search" placeholder="filter rows"></label>
      <label>Shade <select id="filter-shade"><option value="table">by count</option>
      <option value="row">within each row</option><option value="column">within each column</option></select></label>
      </form>
      </header>
      <noscript><p class="note">The heat maps need JavaScript; the same tables are in the CSV files.</p></noscript>
      <div id="error" class="error" hidden></div>
      <main>
      <section id="documents"><h2>Documents</h2><div class="scroll"><table id="documents-table"></table></div></section>
      <section id="entity-document"><h2>Entities × documents</h2>
      <p class="hint">Mentions of each entity in each document. Hover a cell for the passages; click to pin.</p>
      <div class="scroll"><table id="entity-document-table" class="heat"></table></div></section>
      <section id="actor-mechanism"><h2>Actors × mechanisms</h2>
      <p class="hint" id="actor-mechanism-hint"></p>
      <div class="scroll"><table id="actor-mechanism-table" class="heat"></table></div></section>
      </main>
      <aside id="details" hidden><button type="button" id="details-close" title="close (Esc)">×</button>
      <div id="details-body"></div></aside>

      """
    var bytes = Array(page.utf8)
    bytes += "<script type=\"application/json\" id=\"report-data\">".utf8
    bytes += data(report)
    bytes += "</script>\n<script>\n".utf8
    bytes += script.utf8
    bytes += "</script>\n</body>\n</html>\n".utf8
    return bytes
  }

  // MARK: - Data

  /// The page's data as JSON. Entities are listed once; tables refer to them by position.
  static func data(_ report: CooccurrenceReport) -> [UInt8] {
    var entityOrder: [Int] = []
    var entitySlot: [Int: Int] = [:]
    var entities: [ReportEntity] = []
    func slot(_ entity: ReportEntity) -> Int {
      if let existing = entitySlot[entity.entity] { return existing }
      entitySlot[entity.entity] = entityOrder.count
      entityOrder.append(entity.entity)
      entities.append(entity)
      return entityOrder.count - 1
    }
    let entityRows = report.entityDocument.rows.map(slot)
    let cooccurrenceRows = report.actorMechanism.rows.map(slot)
    let cooccurrenceColumns = report.actorMechanism.columns.map(slot)

    var json = ReportJSONWriter()
    json.open("{")
    json.key("scope")
    json.string(report.actorMechanism.scope.rawValue)
    json.key("longForm")
    json.string("cells.csv")
    json.key("documents")
    json.open("[")
    for document in report.documents {
      let metadata = document.metadata
      json.open("{")
      json.key("key"); json.string(document.key)
      json.key("file"); json.string(document.file)
      json.key("title"); json.string(metadata.title)
      json.key("authors"); json.strings(metadata.authors)
      json.key("venue"); json.string(metadata.venue ?? "")
      json.key("year"); json.string(metadata.year.map(String.init) ?? "")
      json.key("keywords"); json.strings(metadata.keywords)
      json.key("abstract"); json.string(metadata.abstract ?? "")
      json.key("paragraphs"); json.number(document.paragraphs)
      json.key("footnotes"); json.number(document.footnotes)
      json.key("mentions"); json.number(document.mentions)
      json.close("}")
    }
    json.close("]")
    json.key("entities")
    json.open("[")
    for entity in entities {
      json.open("{")
      json.key("id"); json.string(entity.id)
      json.key("name"); json.string(entity.name)
      json.key("english"); json.string(entity.english ?? "")
      json.key("kind"); json.string(entity.kind.rawValue)
      json.key("total"); json.number(entity.total)
      json.key("members"); json.strings(entity.members)
      json.close("}")
    }
    json.close("]")

    // Cells: [row, document, count, "¶1×2, ¶3, fn. 1"].
    json.key("entityDocument")
    json.open("{")
    json.key("rows"); json.numbers(entityRows)
    json.key("cells")
    json.open("[")
    for cell in report.entityDocument.cells {
      json.open("[")
      json.number(cell.row); json.number(cell.document); json.number(cell.count)
      let sections =
        report.documents.indices.contains(cell.document) ? report.documents[cell.document].sectionLocators : []
      let locators = cell.passages.prefix(locatorsPerCell).map { passage in
        (CooccurrenceReport.locator(of: passage.passage, sectionLocators: sections) ?? passage.passage.reportLabel)
          + (passage.count > 1 ? "×\(passage.count)" : "")
      }
      let more = cell.passages.count > locatorsPerCell ? ", …" : ""
      json.string(locators.joined(separator: ", ") + more)
      json.close("]")
    }
    json.close("]")
    json.close("}")

    // Cells: [row, column, count, {document: count}, [[document, locator, count, citation]…]].
    json.key("cooccurrence")
    json.open("{")
    json.key("rows"); json.numbers(cooccurrenceRows)
    json.key("columns"); json.numbers(cooccurrenceColumns)
    json.key("cells")
    json.open("[")
    for cell in report.actorMechanism.cells {
      json.open("[")
      json.number(cell.row); json.number(cell.column); json.number(cell.count)
      var byDocument: [Int: Int] = [:]
      for evidence in cell.evidence { byDocument[evidence.paper, default: 0] += evidence.count }
      json.open("{")
      for (document, count) in byDocument.sorted(by: { $0.key < $1.key }) {
        json.key(String(document)); json.number(count)
      }
      json.close("}")
      json.open("[")
      for evidence in sampleEvidence(cell.evidence) where report.documents.indices.contains(evidence.paper) {
        let key = report.documents[evidence.paper].key
        let sections = report.documents[evidence.paper].sectionLocators
        json.open("[")
        json.number(evidence.paper)
        json.string(
          CooccurrenceReport.locator(of: evidence.passage, sectionLocators: sections) ?? evidence.passage.reportLabel)
        json.number(evidence.count)
        json.string(
          CooccurrenceReport.citation(
            key: key, passage: evidence.passage, fragments: evidence.fragments, sectionLocators: sections))
        json.close("]")
      }
      json.close("]")
      json.close("]")
    }
    json.close("]")
    json.close("}")
    json.close("}")
    return json.bytes
  }

  /// A few quotes from each document, in reading order, so filtering by document still shows some.
  static func sampleEvidence(_ evidence: [CooccurrenceEvidence]) -> [CooccurrenceEvidence] {
    var perDocument: [Int: Int] = [:]
    var sample: [CooccurrenceEvidence] = []
    for item in evidence where sample.count < quotesPerCell && !item.fragments.isEmpty {
      let taken = perDocument[item.paper, default: 0]
      guard taken < quotesPerDocument else { continue }
      perDocument[item.paper] = taken + 1
      sample.append(item)
    }
    return sample
  }

  static func escape(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  // MARK: - Style and script

  static let style = #"""
    :root { color-scheme: light; --ink: #1d2330; --muted: #5b6475; --line: #d9dee7; --accent: #1f5fbf; }
    * { box-sizing: border-box; }
    body { margin: 0; color: var(--ink); background: #fbfcfe; line-height: 1.45; font-size: 14px;
      font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
        "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans", sans-serif; }
    header { position: sticky; top: 0; z-index: 5; background: #fff; border-bottom: 1px solid var(--line);
      padding: 10px 20px; display: flex; flex-wrap: wrap; align-items: baseline; gap: 8px 24px; }
    h1 { font-size: 18px; margin: 0; }
    h2 { font-size: 16px; margin: 24px 0 6px; }
    .summary { margin: 0; color: var(--muted); }
    .filters { display: flex; flex-wrap: wrap; gap: 12px; margin-left: auto; }
    .filters label { color: var(--muted); font-size: 13px; }
    .filters select, .filters input { font: inherit; margin-left: 4px; padding: 2px 4px; }
    main { padding: 0 20px 40px; }
    .hint, .note { color: var(--muted); margin: 0 0 8px; }
    .error { background: #fde8e8; color: #8a1c1c; padding: 8px 20px; }
    .scroll { overflow: auto; max-height: 75vh; border: 1px solid var(--line); background: #fff; }
    table { border-collapse: collapse; }
    #documents-table td, #documents-table th { border-bottom: 1px solid var(--line); padding: 4px 8px;
      text-align: left; vertical-align: top; }
    #documents-table td.number { text-align: right; font-variant-numeric: tabular-nums; }
    #documents-table details { max-width: 520px; color: var(--muted); }
    table.heat th, table.heat td { border: 1px solid #eef0f4; }
    table.heat thead th { position: sticky; top: 0; background: #fff; z-index: 2; vertical-align: bottom;
      padding: 4px 2px; font-weight: 500; }
    table.heat thead th.column { writing-mode: vertical-rl; white-space: nowrap; max-height: 180px;
      text-align: left; }
    table.heat tbody th { position: sticky; left: 0; background: #fff; z-index: 1; text-align: left;
      white-space: nowrap; padding: 2px 8px; font-weight: 500; }
    table.heat thead th.corner { left: 0; z-index: 3; text-align: left; padding: 4px 8px; }
    table.heat .english { color: var(--muted); font-size: 12px; margin-left: 6px; }
    table.heat td { min-width: 30px; height: 24px; text-align: center; font-variant-numeric: tabular-nums;
      font-size: 12px; }
    table.heat td.total { color: var(--muted); background: #f6f7f9; padding: 0 6px; }
    table.heat td.cell { cursor: pointer; }
    table.heat td.cell[data-count="0"] { cursor: default; }
    table.heat td.cell:hover, table.heat td.cell.pinned { outline: 2px solid var(--accent); outline-offset: -2px; }
    aside#details { position: fixed; right: 16px; bottom: 16px; width: min(520px, 92vw); max-height: 60vh;
      overflow: auto; background: #fff; border: 1px solid var(--line); border-radius: 6px; z-index: 10;
      box-shadow: 0 6px 24px rgba(20, 30, 50, 0.18); padding: 12px 16px; }
    aside#details h3 { margin: 0 24px 4px 0; font-size: 15px; }
    aside#details .meta { color: var(--muted); margin: 0 0 8px; }
    #details-close { position: absolute; top: 6px; right: 8px; border: 0; background: none; font-size: 18px;
      cursor: pointer; color: var(--muted); }
    .quote { border-top: 1px solid var(--line); padding: 6px 0; }
    .quote .where { color: var(--muted); font-size: 12px; }
    .quote code { display: block; white-space: pre-wrap; font-family: inherit; background: #f4f6fa;
      padding: 4px 6px; border-radius: 4px; margin: 2px 0; }
    .quote button { font-size: 12px; }
    caption.empty { caption-side: top; text-align: left; padding: 8px 12px; color: var(--muted); }
    """#

  static let script = #"""
    (function () {
      "use strict";
      var errorBox = document.getElementById("error");
      function fail(message) {
        errorBox.hidden = false;
        errorBox.textContent = "The report page failed: " + message;
        document.body.setAttribute("data-error", message);
      }
      window.addEventListener("error", function (event) { fail(event.message); });
      var data;
      try { data = JSON.parse(document.getElementById("report-data").textContent); }
      catch (e) { fail("cannot read the embedded data: " + e); return; }

      var state = { kind: "", doc: "", name: "", shade: "table", pinned: null };
      var docs = data.documents, ents = data.entities;

      function el(tag, attrs, text) {
        var node = document.createElement(tag);
        for (var key in attrs || {}) {
          if (attrs[key] !== undefined && attrs[key] !== null) node.setAttribute(key, attrs[key]);
        }
        if (text !== undefined && text !== null) node.textContent = text;
        return node;
      }
      function plural(n, word, many) { return n + " " + (n === 1 ? word : (many || word + "s")); }
      // Light to dark blue on a log scale, so a few huge cells do not wash out the rest.
      var stops = [[247, 251, 255], [198, 219, 239], [107, 174, 214], [33, 113, 181], [8, 48, 107]];
      function heat(count, max) {
        if (!count) return null;
        // Whole table: log scale, so a few huge cells do not wash out the rest; within a row or column: the share.
        var t = max > 1 ? (state.shade === "table" ? Math.log(1 + count) / Math.log(1 + max) : count / max) : 1;
        var x = Math.min(1, Math.max(0, 0.15 + 0.85 * t)) * (stops.length - 1);
        var i = Math.min(stops.length - 2, Math.floor(x)), f = x - i;
        var c = stops[i].map(function (v, k) { return Math.round(v + (stops[i + 1][k] - v) * f); });
        return { background: "rgb(" + c.join(",") + ")", color: x > 2.2 ? "#fff" : "#1d2330" };
      }
      function entityMatches(e) {
        if (!state.name) return true;
        var needle = state.name.toLowerCase();
        return [e.id, e.name, e.english].some(function (s) { return s && s.toLowerCase().indexOf(needle) >= 0; });
      }
      function rowHeader(e) {
        var th = el("th", { title: e.id + " · " + e.kind + " · " + plural(e.total, "mention") +
          (e.members.length ? " · members: " + e.members.join(", ") : "") });
        th.appendChild(el("span", null, e.name));
        if (e.english && e.english !== e.name) th.appendChild(el("span", { "class": "english" }, e.english));
        return th;
      }
      function paintCell(td, count, max) {
        var color = heat(count, max);
        if (color) { td.style.background = color.background; td.style.color = color.color; td.textContent = count; }
      }

      // Filters.
      var kinds = [];
      data.entityDocument.rows.forEach(function (r) { if (kinds.indexOf(ents[r].kind) < 0) kinds.push(ents[r].kind); });
      function control(id) { return document.getElementById(id); }
      kinds.sort().forEach(function (k) { control("filter-kind").appendChild(el("option", { value: k }, k)); });
      docs.forEach(function (d, i) {
        control("filter-document").appendChild(el("option", { value: String(i) }, d.key + " — " + d.title));
      });
      function listen(id, event, field) {
        control(id).addEventListener(event, function (e) { state[field] = e.target.value.trim(); render(); });
      }
      listen("filter-kind", "change", "kind");
      listen("filter-document", "change", "doc");
      listen("filter-name", "input", "name");
      listen("filter-shade", "change", "shade");
      // The maximum a cell is shaded against: the whole table's, its row's or its column's.
      function Scale() { this.table = 0; this.rows = {}; this.columns = {}; }
      Scale.prototype.add = function (row, column, count) {
        if (count > this.table) this.table = count;
        if (count > (this.rows[row] || 0)) this.rows[row] = count;
        if (count > (this.columns[column] || 0)) this.columns[column] = count;
      };
      Scale.prototype.max = function (row, column) {
        return state.shade === "row" ? this.rows[row] : state.shade === "column" ? this.columns[column] : this.table;
      };

      function renderSummary() {
        var scope = data.scope === "sentence" ? "sentence" : "paragraph";
        document.getElementById("summary").textContent = plural(docs.length, "document") + " · " +
          plural(data.entityDocument.rows.length, "entity", "entities") + " · co-occurrence by " + scope;
        document.getElementById("actor-mechanism-hint").textContent = "Number of " + scope +
          "s naming both the actor (row) and the mechanism (column). " +
          "Hover a cell for the quotes, ready to paste; click to pin. " +
          "Every passage behind every number is listed in " + data.longForm + ".";
      }

      function renderDocuments() {
        var table = document.getElementById("documents-table");
        table.textContent = "";
        var head = el("tr");
        var headings = ["key", "title", "authors", "venue", "year", "paragraphs", "footnotes", "mentions", "file"];
        headings.forEach(function (h) { head.appendChild(el("th", null, h)); });
        table.appendChild(el("thead")).appendChild(head);
        var body = table.appendChild(el("tbody"));
        docs.forEach(function (d, i) {
          if (state.doc !== "" && String(i) !== state.doc) return;
          var tr = body.appendChild(el("tr", { "data-document": d.key }));
          tr.appendChild(el("td", null, d.key));
          var title = tr.appendChild(el("td"));
          title.appendChild(el("div", null, d.title || "(untitled)"));
          if (d.abstract || d.keywords.length) {
            var details = title.appendChild(el("details"));
            details.appendChild(el("summary", null, "abstract and keywords"));
            if (d.abstract) details.appendChild(el("p", null, d.abstract));
            if (d.keywords.length) details.appendChild(el("p", null, "关键词: " + d.keywords.join("; ")));
          }
          tr.appendChild(el("td", null, d.authors.join(", ")));
          tr.appendChild(el("td", null, d.venue));
          tr.appendChild(el("td", null, d.year));
          tr.appendChild(el("td", { "class": "number" }, d.paragraphs));
          tr.appendChild(el("td", { "class": "number" }, d.footnotes));
          tr.appendChild(el("td", { "class": "number" }, d.mentions));
          tr.appendChild(el("td", null, d.file));
        });
      }

      function renderEntityDocument() {
        var table = document.getElementById("entity-document-table");
        table.textContent = "";
        var byRow = {};
        data.entityDocument.cells.forEach(function (c) { (byRow[c[0]] = byRow[c[0]] || {})[c[1]] = c; });
        var visibleDocs = docs.map(function (d, i) { return i; })
          .filter(function (i) { return state.doc === "" || String(i) === state.doc; });
        var rows = data.entityDocument.rows.map(function (e, r) { return { entity: ents[e], index: r }; })
          .filter(function (row) {
            if (state.kind && row.entity.kind !== state.kind) return false;
            if (!entityMatches(row.entity)) return false;
            var cells = byRow[row.index] || {};
            return visibleDocs.some(function (i) { return cells[i]; });
          });
        var scale = new Scale();
        rows.forEach(function (row) {
          visibleDocs.forEach(function (i) {
            var c = (byRow[row.index] || {})[i];
            if (c) scale.add(row.index, i, c[2]);
          });
        });
        var head = el("tr");
        head.appendChild(el("th", { "class": "corner" }, "entity"));
        head.appendChild(el("th", { "class": "column" }, "total"));
        visibleDocs.forEach(function (i) {
          head.appendChild(el("th", { "class": "column", title: docs[i].title + " (" + docs[i].file + ")" }, docs[i].key));
        });
        table.appendChild(el("thead")).appendChild(head);
        var body = table.appendChild(el("tbody"));
        rows.forEach(function (row) {
          var tr = body.appendChild(el("tr", { "data-entity": row.entity.id, "data-kind": row.entity.kind }));
          tr.appendChild(rowHeader(row.entity));
          tr.appendChild(el("td", { "class": "total" }, row.entity.total));
          visibleDocs.forEach(function (i) {
            var c = (byRow[row.index] || {})[i];
            var count = c ? c[2] : 0;
            var td = tr.appendChild(el("td", { "class": "cell", "data-table": "entity-document",
              "data-row": row.entity.id, "data-col": docs[i].key, "data-count": String(count) }));
            paintCell(td, count, scale.max(row.index, i));
            if (count) td._details = function () { return entityDocumentDetails(row.entity, i, c); };
          });
        });
      }

      function cooccurrenceCount(c) {
        if (state.doc === "") return c[2];
        return c[3][state.doc] || 0;
      }

      function renderCooccurrence() {
        var table = document.getElementById("actor-mechanism-table");
        table.textContent = "";
        var co = data.cooccurrence, grid = {};
        co.cells.forEach(function (c) { grid[c[0] + ":" + c[1]] = c; });
        var rowTotals = {}, columnTotals = {}, scale = new Scale();
        co.cells.forEach(function (c) {
          var n = cooccurrenceCount(c);
          if (!n) return;
          rowTotals[c[0]] = (rowTotals[c[0]] || 0) + n;
          columnTotals[c[1]] = (columnTotals[c[1]] || 0) + n;
          scale.add(c[0], c[1], n);
        });
        var rows = co.rows.map(function (e, r) { return r; })
          .filter(function (r) { return rowTotals[r] && entityMatches(ents[co.rows[r]]); });
        var columns = co.columns.map(function (e, c) { return c; }).filter(function (c) { return columnTotals[c]; });
        var head = el("tr");
        head.appendChild(el("th", { "class": "corner" }, "actor ↓ mechanism →"));
        columns.forEach(function (c) {
          var m = ents[co.columns[c]];
          head.appendChild(el("th", { "class": "column", title: m.id + (m.english ? " · " + m.english : "") +
            (m.members.length ? " · members: " + m.members.join(", ") : "") }, m.name));
        });
        table.appendChild(el("thead")).appendChild(head);
        var body = table.appendChild(el("tbody"));
        rows.forEach(function (r) {
          var actor = ents[co.rows[r]];
          var tr = body.appendChild(el("tr", { "data-entity": actor.id }));
          tr.appendChild(rowHeader(actor));
          columns.forEach(function (c) {
            var mechanism = ents[co.columns[c]], cell = grid[r + ":" + c];
            var count = cell ? cooccurrenceCount(cell) : 0;
            var td = tr.appendChild(el("td", { "class": "cell", "data-table": "actor-mechanism", "data-row": actor.id,
              "data-col": mechanism.id, "data-count": String(count) }));
            paintCell(td, count, scale.max(r, c));
            if (count) td._details = function () { return cooccurrenceDetails(actor, mechanism, cell); };
          });
        });
      }

      function copyButton(text) {
        var button = el("button", { type: "button", title: "copy the citation" }, "copy");
        button.addEventListener("click", function (event) {
          event.stopPropagation();
          function done() { button.textContent = "copied"; }
          if (navigator.clipboard && navigator.clipboard.writeText) {
            navigator.clipboard.writeText(text).then(done, function () { selectText(button.previousSibling); });
          } else { selectText(button.previousSibling); }
        });
        return button;
      }
      function selectText(node) {
        var range = document.createRange(); range.selectNodeContents(node);
        var selection = window.getSelection(); selection.removeAllRanges(); selection.addRange(range);
      }

      function entityDocumentDetails(entity, docIndex, cell) {
        var d = docs[docIndex], box = el("div");
        box.appendChild(el("h3", null, entity.name + " in " + d.key));
        box.appendChild(el("p", { "class": "meta" },
          plural(cell[2], "mention") + " in " + d.title + " (" + d.file + ")"));
        var q = box.appendChild(el("div", { "class": "quote" }));
        q.appendChild(el("div", { "class": "where" }, "passages"));
        q.appendChild(el("code", null, cell[3]));
        var citation = "[@" + d.key + "]";
        q.appendChild(el("code", null, citation));
        q.appendChild(copyButton(citation));
        box.appendChild(el("p", { "class": "meta" }, "One line per passage in " + data.longForm +
          " (table entity-document, row " + entity.id + ", column " + d.key + ")."));
        return box;
      }

      function cooccurrenceDetails(actor, mechanism, cell) {
        var box = el("div");
        box.appendChild(el("h3", null, actor.name + " × " + mechanism.name));
        var count = cooccurrenceCount(cell), unit = data.scope === "sentence" ? "sentence" : "paragraph";
        var docCount = Object.keys(cell[3]).length;
        box.appendChild(el("p", { "class": "meta" }, plural(count, unit) + " naming both" +
          (state.doc === "" ? ", in " + plural(docCount, "document") : ", in " + docs[state.doc].key)));
        var shown = 0;
        cell[4].forEach(function (quote) {
          if (state.doc !== "" && String(quote[0]) !== state.doc) return;
          shown += quote[2];
          var q = box.appendChild(el("div", { "class": "quote" }));
          q.appendChild(el("div", { "class": "where" }, docs[quote[0]].key + " " + quote[1] +
            (quote[2] > 1 ? " (" + quote[2] + " sentences)" : "")));
          q.appendChild(el("code", { "class": "citation" }, quote[3]));
          q.appendChild(copyButton(quote[3]));
        });
        if (shown < count) {
          box.appendChild(el("p", { "class": "meta" }, (count - shown) + " more in " + data.longForm +
            " (table actor-mechanism-by-" + unit + ", row " + actor.id + ", column " + mechanism.id + ")."));
        }
        return box;
      }

      // Details: hover shows, click pins, Esc or × closes.
      var details = document.getElementById("details"), detailsBody = document.getElementById("details-body");
      function show(td) {
        if (!td || !td._details) return;
        detailsBody.textContent = "";
        detailsBody.appendChild(td._details());
        details.hidden = false;
      }
      function unpin() {
        if (state.pinned) state.pinned.classList.remove("pinned");
        state.pinned = null;
        details.hidden = true;
      }
      document.addEventListener("mouseover", function (event) {
        var td = event.target.closest && event.target.closest("td.cell");
        if (td && !state.pinned) show(td);
      });
      document.addEventListener("click", function (event) {
        var td = event.target.closest && event.target.closest("td.cell");
        if (!td || !td._details) return;
        if (state.pinned === td) { unpin(); return; }
        if (state.pinned) state.pinned.classList.remove("pinned");
        state.pinned = td; td.classList.add("pinned"); show(td);
      });
      document.getElementById("details-close").addEventListener("click", unpin);
      document.addEventListener("keydown", function (event) { if (event.key === "Escape") unpin(); });

      // A table with nothing to show says why instead of staying blank.
      function explainEmpty(id, message) {
        var table = document.getElementById(id);
        if (table.querySelector("tbody tr")) return;
        table.textContent = "";
        table.appendChild(el("caption", { "class": "empty" }, message));
      }
      function render() {
        unpin();
        renderSummary(); renderDocuments(); renderEntityDocument(); renderCooccurrence();
        var filtered = state.kind || state.doc !== "" || state.name;
        explainEmpty("entity-document-table", filtered ? "No entity matches the filters." :
          "No entity of the lexicon is mentioned in the corpus.");
        explainEmpty("actor-mechanism-table", filtered ? "No actor and mechanism meet under these filters." :
          "No actor is named together with a mechanism.");
      }
      // A link can set the filters and pin a cell:
      // report.html#kind=actor&doc=KEY&shade=row&cell=actor-mechanism/japan/quad.
      var params = {};
      location.hash.replace(/^#/, "").split("&").forEach(function (part) {
        var eq = part.indexOf("=");
        if (eq > 0) params[part.slice(0, eq)] = decodeURIComponent(part.slice(eq + 1));
      });
      if (["table", "row", "column"].indexOf(params.shade) >= 0) {
        state.shade = params.shade;
        control("filter-shade").value = params.shade;
      }
      if (params.kind && kinds.indexOf(params.kind) >= 0) {
        state.kind = params.kind;
        control("filter-kind").value = params.kind;
      }
      var docIndex = docs.map(function (d) { return d.key; }).indexOf(params.doc);
      if (docIndex >= 0) {
        state.doc = String(docIndex);
        control("filter-document").value = state.doc;
      }
      render();
      var wanted = /^([^\/]+)\/([^\/]+)\/(.+)$/.exec(params.cell || "");
      if (wanted) {
        Array.prototype.forEach.call(document.querySelectorAll("td.cell"), function (td) {
          var own = td.dataset;
          if (own.table === wanted[1] && own.row === wanted[2] && own.col === wanted[3] && td._details) {
            state.pinned = td; td.classList.add("pinned"); show(td);
          }
        });
      }
      document.body.setAttribute("data-rendered", "true");
    })();
    """#
}

/// A minimal JSON writer into UTF-8 bytes, with `<`, `>` and `&` escaped so the data is safe inside `<script>`.
struct ReportJSONWriter {
  private(set) var bytes: [UInt8] = []
  private var needsComma = false

  mutating func open(_ bracket: String) {
    separate()
    bytes += bracket.utf8
    needsComma = false
  }

  mutating func close(_ bracket: String) {
    bytes += bracket.utf8
    needsComma = true
  }

  mutating func key(_ name: String) {
    separate()
    appendString(name)
    bytes.append(UInt8(ascii: ":"))
    needsComma = false
  }

  mutating func string(_ value: String) {
    separate()
    appendString(value)
    needsComma = true
  }

  mutating func number(_ value: Int) {
    separate()
    bytes += String(value).utf8
    needsComma = true
  }

  mutating func strings(_ values: [String]) {
    open("[")
    for value in values { string(value) }
    close("]")
  }

  mutating func numbers(_ values: [Int]) {
    open("[")
    for value in values { number(value) }
    close("]")
  }

  private mutating func separate() {
    if needsComma { bytes.append(UInt8(ascii: ",")) }
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  private mutating func appendString(_ value: String) {
    bytes.append(0x22)
    var value = value
    value.withUTF8 { buffer in
      var index = 0
      while index < buffer.count {
        let byte = buffer[index]
        switch byte {
        case 0x22: bytes += [0x5C, 0x22]
        case 0x5C: bytes += [0x5C, 0x5C]
        case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
        case 0x0D: bytes += [0x5C, UInt8(ascii: "r")]
        case 0x09: bytes += [0x5C, UInt8(ascii: "t")]
        case 0x00..<0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"):
          appendEscape(UInt32(byte))
        case 0xE2 where index + 2 < buffer.count && buffer[index + 1] == 0x80
          && (buffer[index + 2] == 0xA8 || buffer[index + 2] == 0xA9):
          appendEscape(buffer[index + 2] == 0xA8 ? 0x2028 : 0x2029)  // line and paragraph separators
          index += 2
        default:
          bytes.append(byte)
        }
        index += 1
      }
    }
    bytes.append(0x22)
  }

  private mutating func appendEscape(_ value: UInt32) {
    bytes += [0x5C, UInt8(ascii: "u")]
    for shift in [12, 8, 4, 0] { bytes.append(Self.hexDigits[Int((value >> UInt32(shift)) & 0xF)]) }
  }
}

extension PassageID {
  /// A short name for a passage that has no locator.
  var reportLabel: String {
    switch self {
    case .paragraph(let number): return "¶\(number)"
    case .footnote(let number): return "fn. \(number)"
    case .abstract: return "abstract"
    case .title: return "title"
    case .heading(let section): return "heading \(section + 1)"
    case .keywords: return "keywords"
    case .authorNote: return "author note"
    case .englishAbstract: return "English abstract"
    case .englishTitle: return "English title"
    }
  }
}
