package org.evident.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.evident.analysis.PublishedTable;
import org.evident.analysis.PublishedTable.Cell;
import org.evident.analysis.PublishedTable.GradeCell;
import org.evident.diagram.Xml;
import org.evident.toc.AssumptionKey;
import org.evident.toc.Grade;
import org.evident.toc.Indicator;
import org.evident.toc.Link;
import org.evident.toc.Node;
import org.evident.toc.TheoryOfChange;

/**
 * {@code toc.html}: the coloured diagram to explore, one file that needs no network. The SVG is
 * inline, and so are the script, the styles and the data (JSON), all taken from the published
 * tables: {@code evidence} (each outcome's grade, rule and items with their sources, per period),
 * {@code evidence_by_period} (the periods) and {@code pathways}. Clicking a node shows its grade
 * per period, why, its indicators with their latest verdicts and its best pathway; hovering a link
 * shows its assumptions and risks with where each stands at the period shown (the {@code assumptions}
 * of the analysis); the period selector recolours the diagram.
 */
final class TocHtml {
    private TocHtml() {
    }

    static String of(ReportInput input) {
        TheoryOfChange toc = input.project().theoryOfChange();
        PublishedTable evidence = input.table("evidence");
        PublishedTable byPeriod = input.table("evidence_by_period");
        PublishedTable pathways = input.table("pathways");
        List<String> periods = new ArrayList<>();
        for (String column : byPeriod.columnNames()) {
            if (!List.of("node", "label", "stage", "change").contains(column)) {
                periods.add(column);
            }
        }
        Json data = new Json();
        data.open('{').key("programme").string(input.project().evaluation().programme());
        data.key("periods").open('[');
        periods.forEach(data::string);
        data.close(']');
        data.key("fills").open('{');
        for (Grade g : Grade.values()) {
            data.key(g.label()).string(GradeColours.fill(g));
        }
        data.key(GradeColours.NOT_GRADED_LABEL).string(GradeColours.NOT_GRADED);
        data.close('}');
        data.key("text").open('{');
        for (Grade g : Grade.values()) {
            data.key(g.label()).string(GradeColours.text(g));
        }
        data.close('}');
        Map<String, List<List<Cell>>> rowsByNode = rowsByNode(evidence);
        Map<String, List<Cell>> pathwayByNode = new LinkedHashMap<>();
        rowsByNode(pathways).forEach((node, rows) -> pathwayByNode.put(node, rows.get(0)));
        data.key("nodes").open('{');
        for (Node node : toc.nodes()) {
            data.key(node.id()).open('{').key("label").string(node.label()).key("stage").string(node.stage().heading());
            data.key("graded").bool(TocColours.gradedStage(node.stage()));
            node.description().ifPresent(d -> data.key("description").string(d));
            data.key("grades").open('[');
            for (List<Cell> row : rowsByNode.getOrDefault(node.id(), List.of())) {
                data.open('{').key("period").string(text(evidence, row, "period"))
                        .key("grade").string(text(evidence, row, "grade"))
                        .key("rule").string(text(evidence, row, "rule"))
                        .key("why").string(row.get(evidence.columnIndex("grade")) instanceof GradeCell g ? g.explanation() : "")
                        .key("items").open('[');
                for (String item : text(evidence, row, "items").split("; ")) {
                    if (!item.isBlank()) {
                        data.string(item);
                    }
                }
                data.close(']').close('}');
            }
            data.close(']');
            data.key("indicators").open('[');
            for (Indicator indicator : toc.indicators(node.id())) {
                data.open('{').key("id").string(indicator.id()).key("label").string(indicator.label()).close('}');
            }
            data.close(']');
            List<Cell> pathway = pathwayByNode.get(node.id());
            if (pathway != null) {
                data.key("pathway").open('{').key("best").string(text(pathways, pathway, "best_path"))
                        .key("summary").string(text(pathways, pathway, "summary"))
                        .key("missing").string(text(pathways, pathway, "missing_middle")).close('}');
            }
            data.close('}');
        }
        data.close('}');
        data.key("links").open('[');
        for (Link link : toc.links()) {
            data.open('{').key("from").string(link.from()).key("to").string(link.to()).key("feedback").bool(link.feedback());
            data.key("keys").open('[');
            for (String key : link.keys()) {
                AssumptionKey k = toc.assumptionKey(key).orElse(new AssumptionKey(key, List.of(), List.of()));
                data.open('{').key("key").string(key).key("status").open('{');
                // Where the key stands at each period (issue 16's holds / challenged / untested), for the period shown.
                for (org.evident.analysis.AssumptionStatus status : input.analysis().assumptions()) {
                    if (status.key().key().equals(key)) {
                        data.key(status.period()).string(status.state().label());
                    }
                }
                data.close('}').key("assumptions").open('[');
                k.assumptions().forEach(data::string);
                data.close(']').key("risks").open('[');
                k.risks().forEach(data::string);
                data.close(']').close('}');
            }
            data.close(']').close('}');
        }
        data.close(']').close('}');

        String svg = input.tocSvg();
        int start = svg.indexOf("<svg");
        StringBuilder html = new StringBuilder(svg.length() + 64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"UTF-8\">\n<title>")
                .append(Xml.escape(input.project().evaluation().programme())).append(": theory of change</title>\n<style>\n")
                .append(CSS).append("</style>\n</head>\n<body>\n<header><h1>")
                .append(Xml.escape(input.project().evaluation().programme()))
                .append(": theory of change</h1>\n<label>Period <select id=\"period\"></select></label>"
                        + " <span class=\"hint\">Click a box for its evidence; point at a link for its assumptions.</span></header>\n")
                .append("<main><div id=\"diagram\">\n").append(svg, start, svg.length())
                .append("</div>\n<aside id=\"panel\"><p class=\"hint\">Click a box.</p></aside></main>\n")
                .append("<div id=\"tip\" role=\"tooltip\"></div>\n")
                .append("<script type=\"application/json\" id=\"data\">").append(data).append("</script>\n<script>\n")
                .append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    private static Map<String, List<List<Cell>>> rowsByNode(PublishedTable table) {
        Map<String, List<List<Cell>>> rows = new LinkedHashMap<>();
        int node = table.columnIndex("node");
        for (List<Cell> row : table.rows()) {
            rows.computeIfAbsent(row.get(node).csv(), k -> new ArrayList<>()).add(row);
        }
        return rows;
    }

    private static String text(PublishedTable table, List<Cell> row, String column) {
        return row.get(table.columnIndex(column)).csv();
    }

    /** JSON written as it goes; '<' is written as \u003c so that no text can close the script element. */
    private static final class Json {
        private final StringBuilder out = new StringBuilder();
        private boolean first = true;

        Json open(char bracket) {
            comma();
            out.append(bracket);
            first = true;
            return this;
        }

        Json close(char bracket) {
            out.append(bracket);
            first = false;
            return this;
        }

        Json key(String key) {
            comma();
            quote(key);
            out.append(':');
            first = true;
            return this;
        }

        Json string(String value) {
            comma();
            quote(value);
            return this;
        }

        Json bool(boolean value) {
            comma();
            out.append(value);
            return this;
        }

        private void comma() {
            if (!first) {
                out.append(',');
            }
            first = false;
        }

        private void quote(String s) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }

    private static final String CSS = """
            body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; margin: 0; color: #1a1a1a; }
            header { padding: 8px 16px; border-bottom: 1px solid #ccc; }
            h1 { font-size: 18px; margin: 0 0 6px 0; }
            .hint { color: #555; font-size: 13px; }
            main { display: flex; align-items: flex-start; }
            #diagram { flex: 1 1 auto; overflow: auto; padding: 8px; }
            #diagram svg { width: 100%; height: auto; }
            #panel { flex: 0 0 340px; max-height: 100vh; overflow: auto; padding: 8px 16px; border-left: 1px solid #ccc;
                     font-size: 13px; position: sticky; top: 0; }
            #panel h2 { font-size: 15px; margin: 4px 0; }
            #panel h3 { font-size: 13px; margin: 10px 0 4px 0; }
            #panel table { border-collapse: collapse; }
            #panel td, #panel th { border: 1px solid #ccc; padding: 2px 6px; text-align: left; vertical-align: top; }
            #panel pre { white-space: pre-wrap; font-size: 11px; background: #f6f6f6; padding: 4px; }
            g.node { cursor: pointer; }
            g.node.selected rect { stroke-width: 3.5; }
            path.hit { stroke: transparent; stroke-width: 9; fill: none; cursor: help; }
            path.hover { stroke: #d62728; stroke-width: 2.5; }
            #tip { position: fixed; display: none; max-width: 360px; background: #fffbe6; border: 1px solid #a08a3c;
                   padding: 6px 8px; font-size: 12px; pointer-events: none; box-shadow: 0 1px 4px rgba(0,0,0,.2); }
            """;

    private static final String SCRIPT = """
            'use strict';
            const data = JSON.parse(document.getElementById('data').textContent);
            const select = document.getElementById('period');
            const panel = document.getElementById('panel');
            const tip = document.getElementById('tip');
            let selected = null;
            for (const p of data.periods) {
              const o = document.createElement('option');
              o.value = p; o.textContent = p; select.appendChild(o);
            }
            select.value = data.periods[data.periods.length - 1] || '';
            function gradeAt(id, period) {
              const n = data.nodes[id];
              return n ? n.grades.find(g => g.period === period) : undefined;
            }
            function el(tag, text) { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; return e; }
            function recolour() {
              for (const g of document.querySelectorAll('g.node[data-node]')) {
                const id = g.dataset.node;
                const n = data.nodes[id];
                if (!n || !n.graded) continue;
                const a = gradeAt(id, select.value);
                const fill = a ? data.fills[a.grade] : data.fills['Not graded'];
                const text = a ? data.text[a.grade] : '#1a1a1a';
                g.querySelector('rect').setAttribute('fill', fill);
                for (const t of g.querySelectorAll('text')) t.setAttribute('fill', text);
              }
              if (selected) show(selected);
            }
            function show(id) {
              selected = id;
              for (const g of document.querySelectorAll('g.node.selected')) g.classList.remove('selected');
              const box = document.querySelector('g.node[data-node="' + CSS.escape(id) + '"]');
              if (box) box.classList.add('selected');
              const n = data.nodes[id];
              panel.replaceChildren();
              panel.appendChild(el('h2', n.label));
              panel.appendChild(el('p', n.stage + ' \\u00b7 ' + id));
              if (n.description) panel.appendChild(el('p', n.description));
              panel.appendChild(el('h3', 'Grade per period'));
              if (n.grades.length === 0) {
                panel.appendChild(el('p', n.graded ? 'Not graded.' : 'Not graded: only outcomes are graded.'));
              } else {
                const table = el('table');
                const head = el('tr'); head.append(el('th', 'period'), el('th', 'grade'), el('th', 'rule'));
                table.appendChild(head);
                for (const g of n.grades) {
                  const tr = el('tr');
                  const grade = el('td', g.grade);
                  grade.style.background = data.fills[g.grade]; grade.style.color = data.text[g.grade];
                  tr.append(el('td', g.period), grade, el('td', g.rule));
                  if (g.period === select.value) tr.style.fontWeight = 'bold';
                  table.appendChild(tr);
                }
                panel.appendChild(table);
                const a = gradeAt(id, select.value);
                if (a) {
                  panel.appendChild(el('h3', 'Why, at ' + a.period + ': ' + a.grade));
                  const items = el('ul');
                  items.className = 'items';
                  for (const item of a.items) items.appendChild(el('li', item));
                  panel.appendChild(items);
                  panel.appendChild(el('pre', a.why));
                }
              }
              panel.appendChild(el('h3', 'Indicators'));
              if (n.indicators.length === 0) panel.appendChild(el('p', 'None.'));
              else {
                const list = el('ul');
                const latest = n.grades.length ? n.grades[n.grades.length - 1] : undefined;
                for (const i of n.indicators) {
                  const verdict = latest ? latest.items.find(it => it.split(' ')[0] === i.id) : undefined;
                  list.appendChild(el('li', i.id + ': ' + i.label + (verdict ? ' \\u2014 latest: ' + verdict.substring(i.id.length + 1)
                      : ' \\u2014 no verdict yet')));
                }
                panel.appendChild(list);
              }
              panel.appendChild(el('h3', 'Pathway'));
              if (n.pathway && n.pathway.best) {
                panel.appendChild(el('p', n.pathway.best));
                panel.appendChild(el('p', n.pathway.summary));
                if (n.pathway.missing) panel.appendChild(el('p', 'Missing middle: ' + n.pathway.missing));
              } else panel.appendChild(el('p', 'No pathway from the inputs.'));
            }
            for (const g of document.querySelectorAll('g.node[data-node]')) {
              g.addEventListener('click', () => show(g.dataset.node));
            }
            // Links are thin: a wide transparent copy of each takes the pointer.
            const links = document.querySelector('g.links');
            for (const path of Array.from(links.querySelectorAll('path[data-link]'))) {
              const hit = path.cloneNode(false);
              hit.removeAttribute('marker-end');
              hit.removeAttribute('stroke-dasharray');
              hit.setAttribute('class', 'hit');
              links.appendChild(hit);
              const link = data.links[Number(path.dataset.link)];
              hit.addEventListener('mousemove', e => {
                path.classList.add('hover');
                tip.replaceChildren();
                const from = data.nodes[link.from].label, to = data.nodes[link.to].label;
                tip.appendChild(el('b', from + ' \\u2192 ' + to + (link.feedback ? ' (feedback)' : '')));
                if (link.keys.length === 0) tip.appendChild(el('div', 'No assumption or risk recorded on this link.'));
                for (const k of link.keys) {
                  tip.appendChild(el('div', 'Key ' + k.key + ' (' + (k.status[select.value] || 'status not recorded')
                      + (k.status[select.value] ? ' at ' + select.value : '') + ')'));
                  for (const a of k.assumptions) tip.appendChild(el('div', 'assumption: ' + a));
                  for (const r of k.risks) tip.appendChild(el('div', 'risk: ' + r));
                }
                tip.style.display = 'block';
                tip.style.left = Math.min(e.clientX + 12, window.innerWidth - 380) + 'px';
                tip.style.top = (e.clientY + 12) + 'px';
              });
              hit.addEventListener('mouseleave', () => { path.classList.remove('hover'); tip.style.display = 'none'; });
            }
            select.addEventListener('change', recolour);
            recolour();
            """;
}
