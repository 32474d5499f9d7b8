package org.evident.ingest;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.evident.toc.Concern;
import org.evident.toc.EvidenceDirection;

/**
 * One coded qualitative finding: what it says about which node (or which assumption), from which method, when.
 *
 * @param node      the node it is evidence about; "" for a finding about an assumption only
 * @param direction supports, contradicts or mixed ({@link EvidenceDirection#OF_FINDINGS}); about an
 *                  assumption: holds, is challenged, or both
 * @param period    the period it was written up in
 * @param test      what the finding is worth as a test of the claim in contribution tracing, when the
 *                  evaluator recorded one; empty means the finding makes no Bayesian contribution
 * @param collected when its evidence was collected (fieldwork), if given: it then counts from the period
 *                  holding that date, not from {@code period}
 * @param concerns  the appraisal's overall concern: the worst of the GRADE-CERQual components given, or the
 *                  {@code concerns} column; empty when not appraised
 * @param cases     how many cases or sources it rests on, if given
 * @param restates  the id of an indicator whose data the finding restates (a survey's share, a KPI): it is
 *                  then not counted again beside the indicator's verdict
 * @param assumption the assumption or risk key (Table 9's A to H) the finding is evidence about, if any
 */
public record Finding(String id, String node, EvidenceDirection direction, String method, String period, String strength,
                      String quote, String sourceRef, Optional<ProcessTracingTest> test, Optional<LocalDate> collected,
                      Optional<Concern> concerns, OptionalInt cases, Optional<String> restates, Optional<String> assumption) {

    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(node, "node");
        if (!EvidenceDirection.OF_FINDINGS.contains(direction)) {
            throw new IllegalArgumentException("a finding's direction is one of " + EvidenceDirection.OF_FINDINGS + ", not "
                    + direction);
        }
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(collected, "collected");
        Objects.requireNonNull(concerns, "concerns");
        Objects.requireNonNull(cases, "cases");
        Objects.requireNonNull(restates, "restates");
        Objects.requireNonNull(assumption, "assumption");
        if (node.isEmpty() && assumption.isEmpty()) {
            throw new IllegalArgumentException("finding " + id + " is about neither a node nor an assumption");
        }
    }

    /** A finding about a node with no date collected, appraisal, restated indicator or assumption. */
    public Finding(String id, String node, EvidenceDirection direction, String method, String period, String strength,
                   String quote, String sourceRef, Optional<ProcessTracingTest> test) {
        this(id, node, direction, method, period, strength, quote, sourceRef, test, Optional.empty(), Optional.empty(),
                OptionalInt.empty(), Optional.empty(), Optional.empty());
    }
}
