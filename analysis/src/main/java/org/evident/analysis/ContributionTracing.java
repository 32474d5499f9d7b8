package org.evident.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.evident.ingest.Finding;
import org.evident.ingest.ProcessTracingTest;
import org.evident.toc.EvidenceDirection;

/**
 * Bayesian contribution tracing (Befani and Stedman-Bryce 2017): how far the coded findings that
 * carry a {@link ProcessTracingTest} move the evaluator's confidence in one claim, from a prior
 * the evaluator states.
 *
 * <p>Each test has sensitivity Se = P(E | H) and type I error alpha = P(E | not H). Evidence found
 * moves the confidence pi to Se*pi / (Se*pi + alpha*(1 - pi)), a likelihood ratio of Se/alpha;
 * evidence looked for and absent moves it to (1 - Se)*pi / ((1 - Se)*pi + (1 - alpha)*(1 - pi)),
 * a likelihood ratio of (1 - Se)/(1 - alpha).
 *
 * <p>Several findings combine as posterior odds = prior odds x the product of their likelihood
 * ratios. <b>That product assumes the items are independent</b> given the claim and given its
 * negation: two findings that retell the same source, or come from the same interview, count once
 * in truth but twice here. The caller chooses the findings and answers for their independence.
 */
public final class ContributionTracing {

    private ContributionTracing() {
    }

    /**
     * One finding's step in a trace.
     *
     * @param direction       the finding's direction: supports, contradicts or mixed
     * @param likelihoodRatio Se/alpha when found, (1 - Se)/(1 - alpha) when absent, 1 when mixed
     * @param posterior       the confidence in the claim after this finding and every one before it
     */
    public record Update(String findingId, EvidenceDirection direction, double sensitivity, double typeOneError,
                         double likelihoodRatio, double posterior) {
        public Update {
            Objects.requireNonNull(findingId, "findingId");
            Objects.requireNonNull(direction, "direction");
        }
    }

    /**
     * A whole trace: the prior, one update per finding with a test (in the order given), and the
     * confidence after all of them (the prior when no finding had a test).
     */
    public record Result(double prior, List<Update> updates, double posterior) {
        public Result {
            updates = List.copyOf(updates);
        }
    }

    /**
     * The confidence in a claim after one piece of evidence.
     *
     * @param prior        the confidence before, strictly between 0 and 1
     * @param sensitivity  Se = P(E | H), strictly between 0 and 1
     * @param typeOneError alpha = P(E | not H), strictly between 0 and 1
     * @param found        true if the evidence was found, false if it was looked for and is absent
     */
    public static double posterior(double prior, double sensitivity, double typeOneError, boolean found) {
        checkProbability("prior", prior);
        checkProbability("sensitivity", sensitivity);
        checkProbability("type I error", typeOneError);
        double ifTrue = found ? sensitivity : 1 - sensitivity;
        double ifFalse = found ? typeOneError : 1 - typeOneError;
        return ifTrue * prior / (ifTrue * prior + ifFalse * (1 - prior));
    }

    /**
     * Traces the findings about one claim from {@code prior}. Only findings with a test count. A
     * supporting finding is the evidence found; a contradicting one is the evidence looked for and
     * absent. A mixed finding is listed with a likelihood ratio of 1 and changes nothing: it neither
     * passes nor fails its test, so it says nothing about which way the claim goes (code it as two
     * findings if it holds a pass and a fail). The items are assumed independent (see the class comment).
     *
     * @param prior the confidence in the claim before any of these findings, strictly between 0 and 1
     */
    public static Result trace(double prior, List<Finding> findings) {
        checkProbability("prior", prior);
        Objects.requireNonNull(findings, "findings");
        List<Update> updates = new ArrayList<>();
        // Summed on the log-odds scale: a long run of strong items can make the posterior round to 1 as a
        // double, and Bayes' rule applied step by step would then stay at 1 whatever came next.
        double logOdds = Math.log(prior) - Math.log1p(-prior);
        double current = prior;
        for (Finding finding : findings) {
            if (finding.test().isEmpty()) {
                continue;
            }
            ProcessTracingTest test = finding.test().get();
            double se = test.sensitivity();
            double alpha = test.typeOneError();
            double ratio = switch (finding.direction()) {
                case SUPPORTS -> se / alpha;
                case CONTRADICTS -> (1 - se) / (1 - alpha);
                // A finding is never inconclusive (Finding refuses it); like mixed, it would neither pass nor fail.
                case MIXED, INCONCLUSIVE -> 1;
            };
            if (ratio != 1) {
                // Skipped at 1 so that a mixed finding leaves the confidence exactly as it was, not off by rounding.
                logOdds += Math.log(ratio);
                current = 1 / (1 + Math.exp(-logOdds));
            }
            updates.add(new Update(finding.id(), finding.direction(), se, alpha, ratio, current));
        }
        return new Result(prior, updates, current);
    }

    private static void checkProbability(String name, double value) {
        // 0 and 1 are certainties that no evidence can move, so a trace from them would say nothing.
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must lie strictly between 0 and 1, got " + value);
        }
    }
}
