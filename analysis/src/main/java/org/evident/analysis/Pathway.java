package org.evident.analysis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.evident.toc.Grade;

/**
 * How well the evidence supports the causal chains that lead to one node: the chain it supports
 * best, and where that chain is weakest. Built by {@link Pathways#of}.
 *
 * @param node          the node the paths lead to (an outcome or an impact)
 * @param paths         how many causal paths lead from the inputs to the node; capped at
 *                      {@link Integer#MAX_VALUE} for graphs too dense to list
 * @param strongestPath the strength of the best path: the weakest grade on it (an impact's own grade
 *                      among them). Empty when no path passes through a graded node, and for an impact
 *                      with no evidence about it yet
 * @param bestPath      the node ids of that path, input first
 * @param missingMiddle the first node on the best path, from the input onwards, graded
 *                      {@link Grade#LIMITED}: where the chain breaks. Empty when none is
 * @param weakestLink   the node on the best path with the weakest grade (the first, on ties)
 * @param assumptions   the assumptions and risks on the best path's links, each as
 *                      {@code "A: text"}, in path order
 */
public record Pathway(String node, int paths, Optional<Grade> strongestPath, Optional<List<String>> bestPath,
                      Optional<String> missingMiddle, Optional<String> weakestLink, List<String> assumptions) {
    /** What the pathways table and the report say of an impact with no evidence about it yet. */
    public static final String NO_EVIDENCE_YET = "no evidence yet";

    public Pathway {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(strongestPath, "strongestPath");
        bestPath = bestPath.map(List::copyOf);
        Objects.requireNonNull(missingMiddle, "missingMiddle");
        Objects.requireNonNull(weakestLink, "weakestLink");
        assumptions = List.copyOf(assumptions);
        if (paths < 0) {
            throw new IllegalArgumentException("paths must not be negative: " + paths);
        }
    }
}
