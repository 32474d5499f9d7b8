package org.evident.diagram;

import static org.evident.diagram.Style.BAND_COLOUR;
import static org.evident.diagram.Style.EDGE_COLOUR;
import static org.evident.diagram.Style.stageColour;
import static org.evident.diagram.Style.textOn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.evident.toc.Link;
import org.evident.toc.Node;
import org.evident.toc.Stage;
import org.evident.toc.TheoryOfChange;

/** Writes a theory of change as Graphviz DOT text, for Graphviz to lay out. */
final class DotWriter {
    /** Graphviz draws its own boxes: labels wrap to about the width of a box in the SVG. */
    private static final double BOX_WIDTH = 180;

    private DotWriter() {
    }

    /** The DOT text (see {@link TocDiagram#toDot}). */
    static String write(TheoryOfChange toc, Optional<String> title, Map<String, String> fills) {
        StringBuilder out = new StringBuilder();
        out.append("digraph toc {\n");
        out.append("  graph [rankdir=LR, newrank=true, nodesep=0.25, ranksep=0.6, fontname=\"DejaVu Sans\"");
        title.ifPresent(t -> out.append(", label=").append(dotString(t)).append(", labelloc=t, labeljust=l, fontsize=16"));
        out.append("];\n");
        out.append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"DejaVu Sans\", ")
                .append("fontsize=11, width=2.5, margin=\"0.12,0.08\"];\n");
        out.append("  edge [color=\"").append(EDGE_COLOUR).append("\", fontname=\"DejaVu Sans\", fontsize=9];\n");
        for (Stage stage : Stage.values()) {
            List<Node> nodes = toc.nodes(stage);
            if (nodes.isEmpty()) {
                continue;
            }
            out.append("  subgraph cluster_").append(stage.yamlName()).append(" {\n");
            out.append("    label=").append(dotString(stage.heading())).append(";\n");
            out.append("    rank=same; style=filled; color=\"").append(BAND_COLOUR).append("\"; fontcolor=\"")
                    .append(stageColour(stage)).append("\";\n");
            for (Node node : nodes) {
                String fill = fills.getOrDefault(node.id(), "#ffffff");
                out.append("    ").append(dotString(node.id())).append(" [label=")
                        .append(dotString(String.join("\n", DiagramLayout.wrapLabel(node.label(), BOX_WIDTH))))
                        .append(", color=\"").append(stageColour(stage)).append('"');
                if (fills.containsKey(node.id())) {
                    out.append(", fillcolor=\"").append(fill).append("\", fontcolor=\"").append(textOn(fill)).append('"');
                }
                out.append("];\n");
            }
            out.append("  }\n");
        }
        for (Link link : toc.links()) {
            out.append("  ").append(dotString(link.from())).append(" -> ").append(dotString(link.to()));
            List<String> attributes = new ArrayList<>();
            if (!link.keys().isEmpty()) {
                attributes.add("label=" + dotString(DiagramLayout.keyText(link)));
            }
            if (link.feedback()) {
                attributes.add("style=dashed");
                attributes.add("constraint=false");
            }
            if (!attributes.isEmpty()) {
                out.append(" [").append(String.join(", ", attributes)).append(']');
            }
            out.append(";\n");
        }
        out.append("}\n");
        return out.toString();
    }

    /** A DOT double-quoted string; a newline becomes DOT's centred line break. */
    private static String dotString(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "").replace("\n", "\\n") + '"';
    }
}
