package org.evident.toc;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One chain of causal links, from an input to the node asked about.
 *
 * @param nodes the node ids along the path, first to last
 * @param links the links between consecutive nodes; one fewer than the nodes
 */
public record CausalPath(List<String> nodes, List<Link> links) {
    public CausalPath {
        nodes = List.copyOf(nodes);
        links = List.copyOf(links);
        Objects.checkIndex(0, nodes.size());
        if (links.size() != nodes.size() - 1) {
            throw new IllegalArgumentException("a path of " + nodes.size() + " nodes needs "
                    + (nodes.size() - 1) + " links, got " + links.size());
        }
    }

    /** The assumption and risk keys on the path's links, in order of first appearance. */
    public List<String> keys() {
        return links.stream().flatMap(l -> l.keys().stream()).distinct().collect(Collectors.toList());
    }

    @Override
    public String toString() {
        return String.join(" -> ", nodes);
    }
}
