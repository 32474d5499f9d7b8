package org.evident.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18's cases end to end: small projects that once crashed, lost data or wrote where they should not. */
class ReliabilityTest {
    @TempDir
    Path tmp;

    private record Result(int code, String out, String err) {
    }

    private static Result evident(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Evident.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** A project of one share KPI over eight quarters, from {@code rows} of kpi,period,numerator,denominator. */
    private Path kpiProject(String rows) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(dir.resolve("evaluation.yaml"), """
                programme: Small programme
                reporting_date: 2025-04-13
                periods:
                  quarters: { from: 2023-24 Q1, to: 2024-25 Q4 }
                sources:
                  - { id: kpis, type: kpi, file: data/kpi.csv }
                """);
        Files.writeString(dir.resolve("toc.yaml"), """
                nodes:
                  - { id: in, label: Funding, stage: input }
                  - { id: st, label: Reports on time, stage: short_term_outcome }
                links:
                  - { from: in, to: st }
                indicators:
                  - { id: on-time, node: st, label: Reports on time, source: kpi, measure: KPI-1, target: 1.0, unit: share }
                """);
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/kpi.csv"), "kpi,period,numerator,denominator\n" + rows);
        return dir;
    }

    private static String everyQuarter(String numeratorAndDenominator) {
        StringBuilder rows = new StringBuilder();
        for (String year : new String[] {"2023-24", "2024-25"}) {
            for (int q = 1; q <= 4; q++) {
                rows.append("KPI-1,").append(year).append(" Q").append(q).append(',').append(numeratorAndDenominator).append('\n');
            }
        }
        return rows.toString();
    }

    @Test
    void kpiMetAtOneHundredPercentEveryQuarter_drawsItsRunChart_andTheRunSucceeds() throws IOException {
        Path out = tmp.resolve("out");
        Result r = evident("run", kpiProject(everyQuarter("12,12")).toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String svg = Files.readString(out.resolve("charts/run-chart-on-time.svg"));
        assertFalse(svg.contains("NaN"), "no coordinate is NaN");
        assertTrue(Files.size(out.resolve("charts/run-chart-on-time.png")) > 0);
        assertTrue(Files.readString(out.resolve("tables/run_charts.csv")).contains("on-time"));
    }
}
