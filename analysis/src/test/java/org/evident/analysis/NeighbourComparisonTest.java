package org.evident.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

import org.evident.ingest.Ingest;
import org.evident.ingest.IngestResult;
import org.evident.ingest.Pseudonymiser;
import org.evident.toc.EvaluationProject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each area against its statistical neighbours, on published data (shared/realdata) and on a small
 * project for suppression. Quartiles are R's type 7 (quantile()'s default, Excel's QUARTILE.INC): for
 * n sorted values x1..xn the p-th quantile is at position h = (n - 1)p + 1, x[floor h] + (h - floor h)
 * (x[floor h + 1] - x[floor h]); for the 15 neighbours below, h = 4.5, 8 and 11.5. Rank = 1 + the
 * neighbours better than the area (ties share the better rank). The quarter compares the area with
 * its neighbours' quartiles; a value on a quartile takes the better side.
 */
class NeighbourComparisonTest {
    private static Path realdata;

    @TempDir
    Path dir;

    @BeforeAll
    static void locate() {
        realdata = Path.of(System.getProperty("evident.realdata")).toAbsolutePath().normalize();
        assertTrue(Files.isDirectory(realdata), "shared/realdata must sit beside the repository: " + realdata);
    }

    private static AnalysisResult run(Path project) {
        EvaluationProject p = EvaluationProject.open(project, EvaluationProject.Paths.ANYWHERE);
        IngestResult data = Ingest.read(p, Pseudonymiser.withKey("a test key of at least sixteen bytes"), line -> { });
        return Analysis.run(p, data);
    }

    private static NeighbourRow row(List<NeighbourRow> rows, String area, String indicator) {
        return rows.stream().filter(r -> r.area().equals(area) && r.indicator().equals(indicator)).findFirst().orElseThrow();
    }

    @Test
    void oflog_everyCouncilAndMeasure_withHandWorkedRanksForTraffordAndDarlington() {
        Path fixture = Path.of(System.getProperty("evident.fixtures"), "ascof-neighbours");
        List<NeighbourRow> rows = run(fixture).neighbours();
        // 157 councils in ASC_data.csv, 7 measures (ASC1 to ASC7): one row each.
        assertEquals(157 * 7, rows.size());
        assertEquals(157, rows.stream().map(NeighbourRow::area).distinct().count());
        assertEquals(Set.of("asc1", "asc2", "asc3", "asc4", "asc5", "asc6", "asc7"),
                rows.stream().map(NeighbourRow::indicator).collect(Collectors.toSet()));
        // Latest year with values: 2021-22 for ASC1 and ASC4 (not collected in 2022-23), else 2022-23.
        assertEquals("2021-22", row(rows, "E08000009", "asc1").period());
        assertEquals("2022-23", row(rows, "E08000009", "asc5").period());

        // Trafford (E08000009), ASC5 2022-23, higher is better. Trafford 48.3. Its 15 neighbours in
        // NN.json, with their values in ASC_data.csv: Stockton-on-Tees 87.0, Halton 75.9, Warrington
        // 79.2, Derby 60.7, Telford and Wrekin 74.8, South Gloucestershire 27.4, Swindon 63.3,
        // Peterborough 83.3, Milton Keynes 81.9, Cheshire West and Chester 85.3, Bedford 67.1, North
        // Northamptonshire 77.1, Bury 78.8, Stockport 94.3, Solihull 76.7. Sorted: 27.4, 60.7, 63.3,
        // 67.1, 74.8, 75.9, 76.7, 77.1, 78.8, 79.2, 81.9, 83.3, 85.3, 87.0, 94.3.
        // Lower quartile x4 + 0.5 (x5 - x4) = 67.1 + 0.5 x 7.7 = 70.95; median x8 = 77.1; upper
        // quartile x11 + 0.5 (x12 - x11) = 81.9 + 0.5 x 1.4 = 82.6. Better (higher) than 48.3: all but
        // 27.4, 14 of them: rank 15 of 16. 48.3 < 70.95: the worst quarter.
        NeighbourRow trafford = row(rows, "E08000009", "asc5");
        assertEquals("Trafford", trafford.areaName());
        assertEquals(48.3, trafford.value().getAsDouble(), 1e-9);
        assertEquals(15, trafford.listed());
        assertEquals(15, trafford.compared());
        assertEquals(70.95, trafford.lowerQuartile().getAsDouble(), 1e-9);
        assertEquals(77.1, trafford.median().getAsDouble(), 1e-9);
        assertEquals(82.6, trafford.upperQuartile().getAsDouble(), 1e-9);
        assertEquals(OptionalInt.of(15), trafford.rank());
        assertEquals("worst quarter", trafford.quarterLabel().orElseThrow());
        assertEquals("Trafford's ASC5 Outcome of short-term services: sequel to service (%) was 48.3 in 2022-23: in the"
                + " worst quarter of its 15 comparable areas, ranked 15th of 16 where 1st is the highest.", trafford.summary());

        // Darlington (E06000005), ASC1 2021-22, higher is better. Darlington 6.9. Neighbours: Hartlepool
        // 7.8, Redcar and Cleveland 6.7, Stockton-on-Tees 7.2, Warrington 7.5, North East Lincolnshire
        // 7.2, Telford and Wrekin 6.9, Bury 6.9, Tameside 7.2, Wigan 7.0, St. Helens 7.1, Doncaster
        // 6.3, Rotherham 7.5, Calderdale 6.8, Wakefield 7.3, Gateshead 8.4. Sorted: 6.3, 6.7, 6.8,
        // 6.9, 6.9, 7.0, 7.1, 7.2, 7.2, 7.2, 7.3, 7.5, 7.5, 7.8, 8.4. Lower quartile 6.9 + 0.5 x 0 =
        // 6.9; median x8 = 7.2; upper quartile 7.3 + 0.5 x 0.2 = 7.4. Higher than 6.9: 7.0 and the
        // nine after it, 10: rank 11 of 16, shared with Telford and Wrekin and Bury (6.9 each). 6.9 is
        // below the median and on the lower quartile, which takes the better side: the third quarter.
        NeighbourRow darlington = row(rows, "E06000005", "asc1");
        assertEquals(6.9, darlington.lowerQuartile().getAsDouble(), 1e-9);
        assertEquals(7.2, darlington.median().getAsDouble(), 1e-9);
        assertEquals(7.4, darlington.upperQuartile().getAsDouble(), 1e-9);
        assertEquals(OptionalInt.of(11), darlington.rank());
        assertEquals(OptionalInt.of(3), darlington.quarter());

        // Trafford, ASC7 2022-23 (workforce turnover), lower is better. Trafford 22.373972. Sorted
        // neighbours: 20.757134 (Halton), 21.919806 (Bedford), 22.258004 (Peterborough), 23.826463,
        // 25.280003, 25.778830, 28.457149, 29.774310, 31.998799, 33.842301, 34.930161, 37.030364,
        // 41.028047, 44.099904, 47.448235. Lower (better) than 22.373972: the first three: rank 4.
        // Lower quartile 23.826463 + 0.5 (25.280003 - 23.826463) = 24.553233: 22.37 is below it, the
        // best quarter when lower is better.
        NeighbourRow turnover = row(rows, "E08000009", "asc7");
        assertEquals(OptionalInt.of(4), turnover.rank());
        assertEquals(24.553233, turnover.lowerQuartile().getAsDouble(), 1e-6);
        assertEquals("best quarter", turnover.quarterLabel().orElseThrow());
        assertEquals("lowest", turnover.rankOneIs());

        // Councils with nothing to compare still have their rows: the five NN.json does not list
        // (Bournemouth E06000028, Poole E06000029, Buckinghamshire E10000002, Dorset E10000009,
        // Northamptonshire E10000021, all reorganised) and the two it lists alone (Isles of Scilly
        // E06000053, City of London E09000001).
        assertEquals(Set.of("E06000028", "E06000029", "E06000053", "E09000001", "E10000002", "E10000009", "E10000021"),
                rows.stream().filter(r -> r.listed() == 0).map(NeighbourRow::area).collect(Collectors.toSet()));
        assertTrue(rows.stream().filter(r -> r.listed() == 0).allMatch(r -> r.rank().isEmpty()));
    }

    @Test
    void trafford_againstItsNhsEnglandPeerGroupAndEngland() throws IOException {
        Path data = realdata.resolve("trafford");
        Files.writeString(dir.resolve("toc.yaml"), """
                nodes:
                  - { id: in, label: Funding, stage: input }
                  - { id: st, label: Outcomes, stage: short_term_outcome }
                links:
                  - { from: in, to: st }
                indicators:
                  - { id: admissions, node: st, label: "Permanent admissions to care homes, 65+, per 100,000", source: kpi,
                      measure: Permanent admissions to residential and nursing care homes aged 65+, unit: score, direction: lower }
                  - { id: satisfaction, node: st, label: "Social care users satisfied with their care (%)", source: kpi,
                      measure: Social Care Service users who are satisfied with their care and support, unit: score }
                """);
        String kpi = """
                  - id: %s
                    type: kpi
                    file: %s
                    columns: { kpi: [indicator], system: [area_code] }
                """;
        Files.writeString(dir.resolve("evaluation.yaml"), """
                programme: Trafford against its peers
                reporting_date: 2025-06-30
                periods:
                  years: { from: 2014-15, to: 2024-25 }
                sources:
                """ + kpi.formatted("admissions", data.resolve("admissions_care_homes_65p.csv"))
                + kpi.formatted("satisfaction", data.resolve("social_care_satisfaction.csv")) + """
                  - id: peers
                    type: neighbours
                    file: %s
                    of: E08000009
                    england: E92000001
                    columns: { neighbour: [area_code], neighbour_name: [area_name] }
                    # Trafford's own name: the peer list names only the peers.
                    names: %s
                """.formatted(data.resolve("nhsennpg.csv"), data.resolve("admissions_care_homes_65p.csv")));
        List<NeighbourRow> rows = run(dir).neighbours();

        // Admissions 2023-24 (the latest year in the file), lower is better. Trafford 779.6, England
        // 566. The 15 peers (nhsennpg.csv), sorted: Croydon 77.7, Windsor and Maidenhead 255.4, Sutton
        // 297.2, Bromley 372.8, Barnet 401.1, Merton 418.8, Richmond upon Thames 422.9, Kingston upon
        // Thames 445.2, Bracknell Forest 484.7, Havering 554.1, Stockport 576.5, Bexley 601.2, Solihull
        // 653.2, Bury 662.2, Hillingdon 907.9. Lower quartile 372.8 + 0.5 x 28.3 = 386.95; median
        // 445.2; upper quartile 576.5 + 0.5 x 24.7 = 588.85. Lower (better) than 779.6: all but
        // Hillingdon, 14: rank 15 of 16. Above the upper quartile: the worst quarter; above England: worse.
        NeighbourRow admissions = row(rows, "E08000009", "admissions");
        assertEquals("2023-24", admissions.period());
        assertEquals("Trafford", admissions.areaName());
        assertEquals(386.95, admissions.lowerQuartile().getAsDouble(), 1e-9);
        assertEquals(445.2, admissions.median().getAsDouble(), 1e-9);
        assertEquals(588.85, admissions.upperQuartile().getAsDouble(), 1e-9);
        assertEquals(OptionalInt.of(15), admissions.rank());
        assertEquals(OptionalInt.of(4), admissions.quarter());
        assertEquals(OptionalDouble.of(566), admissions.england());
        assertEquals("Trafford's permanent admissions to care homes, 65+, per 100,000 was 779.6 in 2023-24: in the worst"
                + " quarter of its 15 comparable areas, ranked 15th of 16 where 1st is the lowest, and above the England"
                + " figure of 566 (worse).", admissions.summary());

        // Satisfaction 2024-25, higher is better. Trafford 58.1, England 65.1. Peers sorted: 55.7,
        // 57.6, 60.9, 62.0, 62.2, 62.6, 62.7, 63.4, 63.9, 64.3, 65.2, 65.3, 67.1, 67.8, 67.8. Lower
        // quartile 62.0 + 0.5 x 0.2 = 62.1; median 63.4; upper quartile 65.2 + 0.5 x 0.1 = 65.25.
        // Higher than 58.1: all but 55.7 and 57.6, 13: rank 14 of 16; below 62.1: the worst quarter.
        NeighbourRow satisfaction = row(rows, "E08000009", "satisfaction");
        assertEquals("2024-25", satisfaction.period());
        assertEquals(62.1, satisfaction.lowerQuartile().getAsDouble(), 1e-9);
        assertEquals(63.4, satisfaction.median().getAsDouble(), 1e-9);
        assertEquals(65.25, satisfaction.upperQuartile().getAsDouble(), 1e-9);
        assertEquals(OptionalInt.of(14), satisfaction.rank());
        assertEquals("worst quarter", satisfaction.quarterLabel().orElseThrow());
        assertEquals("below", satisfaction.againstEngland().orElseThrow());
        // The peers themselves have rows too, with no neighbours listed (the file lists Trafford's only).
        assertEquals(0, row(rows, "E08000002", "satisfaction").listed());
    }

    /** A project of six councils, A to F, each of the others' neighbour, with one count of people per council. */
    private AnalysisResult counts(String suppression, long a) throws IOException {
        Files.writeString(dir.resolve("toc.yaml"), """
                nodes:
                  - { id: in, label: Funding, stage: input }
                  - { id: st, label: Outcomes, stage: short_term_outcome }
                links:
                  - { from: in, to: st }
                indicators:
                  - { id: helped, node: st, label: People helped home, source: kpi, measure: HOME, unit: count }
                """);
        Files.writeString(dir.resolve("kpis.csv"), "kpi,period,system,value\nHOME,2023-24,A," + a
                + "\nHOME,2023-24,B,20\nHOME,2023-24,C,30\nHOME,2023-24,D,40\nHOME,2023-24,E,50\nHOME,2023-24,F,60\n");
        Files.writeString(dir.resolve("nn.json"), """
                {"A": ["B", "C", "D", "E", "F"], "B": ["A", "C", "D", "E", "F"], "C": ["A", "B", "D", "E", "F"]}
                """);
        Files.writeString(dir.resolve("evaluation.yaml"), """
                programme: Small counts
                reporting_date: 2024-12-31
                periods:
                  years: { from: 2023-24, to: 2023-24 }
                sources:
                  - { id: kpis, type: kpi, file: kpis.csv }
                  - { id: nn, type: neighbours, file: nn.json }
                settings:
                  suppression: %s
                """.formatted(suppression));
        return run(dir);
    }

    @Test
    void aSuppressedCount_neverAppears_andChangesNoOtherFigure() throws IOException {
        // Without a rule, A's 3 is shown and counts among B's neighbours: B (20) has A, C, D, E, F =
        // 3, 30, 40, 50, 60; median 40; higher is better, so 4 are better than 20: rank 5 of 6.
        AnalysisResult open = counts("none", 3);
        assertEquals(OptionalDouble.of(3), row(open.neighbours(), "A", "helped").value());
        assertEquals(5, row(open.neighbours(), "B", "helped").compared());
        assertEquals(OptionalInt.of(5), row(open.neighbours(), "B", "helped").rank());

        // Under nhs, 3 (1 to 7) is hidden: A's row has no value, rank or quarter, only the mark, and B's
        // neighbours are C, D, E, F = 30, 40, 50, 60: median 45, rank 5 of 5.
        AnalysisResult hidden = counts("nhs", 3);
        NeighbourRow a = row(hidden.neighbours(), "A", "helped");
        assertTrue(a.value().isEmpty());
        assertTrue(a.rank().isEmpty());
        assertEquals("*", a.hidden());
        NeighbourRow b = row(hidden.neighbours(), "B", "helped");
        assertEquals(4, b.compared());
        assertEquals(45, b.median().getAsDouble(), 1e-9);
        assertEquals(OptionalInt.of(5), b.rank());
        PublishedTable table = hidden.publishedTables().stream().filter(t -> t.name().equals("neighbours")).findFirst()
                .orElseThrow();
        int value = table.columnIndex("value");
        assertEquals("*", ((PublishedTable.Missing) table.rows().get(0).get(value)).mark());
        assertTrue(table.rows().stream().noneMatch(r -> r.stream().anyMatch(c -> c.csv().equals("3"))),
                "no cell of the table holds the hidden 3");
        assertEquals("A's people helped home in 2023-24 is a small count, hidden (*) by the suppression rule, so it is"
                + " not compared.", a.summary());

        // Nothing published moves with the hidden count: 6 instead of 3 gives the same rows, so no
        // figure can be worked back to it.
        assertEquals(hidden.neighbours(), counts("nhs", 6).neighbours());
    }
}
