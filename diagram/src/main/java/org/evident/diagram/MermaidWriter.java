package org.evident.diagram;

import static org.evident.diagram.Style.textOn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.evident.toc.Link;
import org.evident.toc.Node;
import org.evident.toc.Stage;
import org.evident.toc.TheoryOfChange;

/** Writes a theory of change as a Mermaid flowchart, for Mermaid to lay out. */
final class MermaidWriter {
    private MermaidWriter() {
    }

    /** The Mermaid text (see {@link TocDiagram#toMermaid}). */
    static String write(TheoryOfChange toc, Optional<String> title, Map<String, String> fills) {
        Map<String, String> ids = mermaidIds(toc);
        StringBuilder out = new StringBuilder();
        title.ifPresent(t -> out.append("---\ntitle: \"").append(t.replace("\\", "\\\\").replace("\"", "\\\""))
                .append("\"\n---\n"));
        out.append("flowchart LR\n");
        for (Stage stage : Stage.values()) {
            List<Node> nodes = toc.nodes(stage);
            if (nodes.isEmpty()) {
                continue;
            }
            out.append("  subgraph stage_").append(stage.yamlName()).append("[\"")
                    .append(mermaidText(stage.heading())).append("\"]\n");
            for (Node node : nodes) {
                out.append("    ").append(ids.get(node.id())).append("[\"").append(mermaidText(node.label()))
                        .append("\"]\n");
            }
            out.append("  end\n");
        }
        for (Link link : toc.links()) {
            out.append("  ").append(ids.get(link.from())).append(link.feedback() ? " -.->" : " -->");
            if (!link.keys().isEmpty()) {
                out.append('|').append(mermaidText(DiagramLayout.keyText(link))).append('|');
            }
            out.append(' ').append(ids.get(link.to())).append('\n');
        }
        Map<String, List<String>> byColour = new LinkedHashMap<>();
        for (Node node : toc.nodes()) {
            String fill = fills.get(node.id());
            if (fill != null) {
                byColour.computeIfAbsent(fill, c -> new ArrayList<>()).add(ids.get(node.id()));
            }
        }
        int i = 0;
        for (Map.Entry<String, List<String>> entry : byColour.entrySet()) {
            String cls = "fill" + (++i);
            out.append("  classDef ").append(cls).append(" fill:").append(entry.getKey()).append(",color:")
                    .append(textOn(entry.getKey())).append('\n');
            out.append("  class ").append(String.join(",", entry.getValue())).append(' ').append(cls).append('\n');
        }
        return out.toString();
    }

    /** Node ids safe in Mermaid: letters, digits and underscores, not a keyword, unique. */
    private static Map<String, String> mermaidIds(TheoryOfChange toc) {
        Set<String> reserved = Set.of("end", "graph", "flowchart", "subgraph", "style", "class", "classdef",
                "click", "linkstyle", "direction", "default", "call", "href");
        Map<String, String> ids = new LinkedHashMap<>();
        Set<String> used = new LinkedHashSet<>();
        for (Node node : toc.nodes()) {
            String base = node.id().replaceAll("[^A-Za-z0-9_]", "_");
            if (base.isEmpty() || !Character.isLetter(base.charAt(0)) || reserved.contains(base.toLowerCase(Locale.ROOT))
                    || base.startsWith("stage_")) {
                base = "n_" + base;
            }
            String id = base;
            for (int n = 2; !used.add(id); n++) {
                id = base + "_" + n;
            }
            ids.put(node.id(), id);
        }
        return ids;
    }

    private static String mermaidText(String s) {
        return s.replace("#", "#35;").replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;")
                .replace("|", "#124;").replaceAll("\\s+", " ").strip();
    }
}
