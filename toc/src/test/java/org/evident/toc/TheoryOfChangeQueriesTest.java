package org.evident.toc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The graph queries later modules rely on, on a small graph whose answers are worked out by hand. */
class TheoryOfChangeQueriesTest {
    /*
     * in-money --A--> act-deliver --D--> out-offers --E--> st-buy-in --B--> mt-sharing
     * in-staff -----> act-deliver                           st-buy-in <--F (feedback)-- mt-sharing
     * in-staff --C--> act-engage ------> out-offers
     */
    private static final TheoryOfChange TOC = TheoryOfChange.parse("toc.yaml", """
            nodes:
              - { id: in-money, label: Funding, stage: input }
              - { id: in-staff, label: Staff time, stage: input }
              - { id: act-deliver, label: Deliver support, stage: activity }
              - { id: act-engage, label: Engage systems, stage: activity }
              - { id: out-offers, label: Support offers delivered, stage: output }
              - { id: st-buy-in, label: Improved buy-in, stage: short_term_outcome }
              - { id: mt-sharing, label: Sharing of good practice, stage: medium_term_outcome }
            links:
              - { from: in-money, to: act-deliver, keys: [A] }
              - { from: in-staff, to: act-deliver }
              - { from: in-staff, to: act-engage, keys: [C] }
              - { from: act-deliver, to: out-offers, keys: [D] }
              - { from: act-engage, to: out-offers }
              - { from: out-offers, to: st-buy-in, keys: [E] }
              - { from: st-buy-in, to: mt-sharing, keys: [B] }
              - { from: mt-sharing, to: st-buy-in, feedback: true, keys: [F] }
            assumptions:
              A: [Partners are clear]
              B: [Designed for sustainability]
              C: [Systems have capacity to engage]
              D: [Subcontractors are available]
              E: [Buy-in at the right seniority]
              F: [Systems share good practice]
            indicators:
              - { id: buy-in, node: st-buy-in, label: Buy-in improved, source: survey, measure: buy-in }
              - { id: sharing, node: mt-sharing, label: Sharing, source: kpi, measure: KPI-9 }
            views:
              - { id: short, label: Up to short-term outcomes, exclude: [mt-sharing] }
              - { id: money, include: [in-money, act-deliver] }
            """);

    private static List<String> ids(List<Node> nodes) {
        return nodes.stream().map(Node::id).toList();
    }

    @Test
    void nodesByStage_keepFileOrder() {
        assertEquals(List.of("in-money", "in-staff"), ids(TOC.nodes(Stage.INPUT)));
        assertEquals(List.of("mt-sharing"), ids(TOC.nodes(Stage.MEDIUM_TERM_OUTCOME)));
    }

    @Test
    void upstream_followsCausalLinksOnly_nearestFirst() {
        assertEquals(List.of("out-offers", "act-deliver", "act-engage", "in-money", "in-staff"), ids(TOC.upstream("st-buy-in")));
    }

    @Test
    void downstream_ignoresTheFeedbackLink() {
        assertEquals(List.of("st-buy-in"), ids(TOC.downstream("out-offers")).subList(0, 1));
        assertEquals(List.of(), ids(TOC.downstream("mt-sharing")));
    }

    @Test
    void causalPaths_listEveryRouteFromAnInput() {
        // By hand: money->deliver->offers->buy-in, staff->deliver->offers->buy-in, staff->engage->offers->buy-in.
        List<String> paths = TOC.causalPaths("st-buy-in").stream().map(CausalPath::toString).toList();
        assertEquals(List.of(
                "in-money -> act-deliver -> out-offers -> st-buy-in",
                "in-staff -> act-deliver -> out-offers -> st-buy-in",
                "in-staff -> act-engage -> out-offers -> st-buy-in"), paths);
    }

    @Test
    void assumptionsOnAPath_areTheKeysOfItsLinksInOrder() {
        CausalPath viaEngage = TOC.causalPaths("mt-sharing").get(2);
        assertEquals("in-staff -> act-engage -> out-offers -> st-buy-in -> mt-sharing", viaEngage.toString());
        assertEquals(List.of("C", "E", "B"), viaEngage.keys());
        assertEquals(List.of("Systems have capacity to engage", "Buy-in at the right seniority", "Designed for sustainability"),
                TOC.assumptionsOn(viaEngage).stream().map(k -> k.assumptions().get(0)).toList());
    }

    @Test
    void anInput_hasTheOnePathOfItself() {
        assertEquals(List.of("in-money"), TOC.causalPaths("in-money").stream().map(CausalPath::toString).toList());
    }

    @Test
    void view_isAGraphOfItsOwn() {
        TheoryOfChange shortView = TOC.view("short");
        assertEquals(6, shortView.nodes().size());
        assertEquals(6, shortView.links().size(), "the two links touching mt-sharing go");
        assertEquals(List.of("buy-in"), shortView.indicators().stream().map(Indicator::id).toList());
        TheoryOfChange money = TOC.view("money");
        assertEquals(List.of("in-money", "act-deliver"), ids(money.nodes()));
        assertEquals(1, money.links().size());
    }

    @Test
    void unknownView_isACallerMistakeNamingTheViews() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TOC.view("contract"));
        assertEquals("no view 'contract'; the views are short, money", e.getMessage());
    }

    @Test
    void indicatorsOfANode() {
        assertEquals(List.of("sharing"), TOC.indicators("mt-sharing").stream().map(Indicator::id).toList());
        assertEquals(Indicator.Direction.HIGHER, TOC.indicators().get(0).direction());
    }
}
