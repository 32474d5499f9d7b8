package org.evident.toc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code type: neighbours} source in evaluation.yaml: its settings, and its mistakes with their positions. */
class NeighbourSourceTest {
    private static final String TOC = """
            nodes:
              - { id: in, label: Funding, stage: input }
              - { id: act, label: Deliver, stage: activity }
            links:
              - { from: in, to: act }
            """;

    @TempDir
    Path dir;

    private EvaluationProject open(String sources) throws IOException {
        Files.writeString(dir.resolve("evaluation.yaml"), """
                programme: Test programme
                reporting_date: 2025-01-13
                periods:
                  years: { from: 2022-23, to: 2023-24 }
                sources:
                """ + sources);
        Files.writeString(dir.resolve("toc.yaml"), TOC);
        Files.writeString(dir.resolve("peers.csv"), "area_code,area_name\nE1,One\n");
        Files.writeString(dir.resolve("names.csv"), "area_code,area_name\nE0,Zero\n");
        return EvaluationProject.open(dir);
    }

    @Test
    void neighboursSource_readsItsArea_england_names_andHighlight() throws IOException {
        EvaluationProject p = open("""
                  - id: peers
                    type: neighbours
                    file: peers.csv
                    of: E0
                    england: E92000001
                    names: names.csv
                """);
        NeighbourLayout layout = p.evaluation().sources(Source.Type.NEIGHBOURS).get(0).neighbours().orElseThrow();
        assertEquals(Optional.of("E0"), layout.of());
        assertEquals(Optional.of("E92000001"), layout.england());
        assertEquals(Optional.of(dir.resolve("names.csv")), layout.names());
        // Without highlight, the report describes the area whose list the file gives.
        assertEquals(List.of("E0"), layout.reported());
    }

    @Test
    void mistakes_areReportedWithFileLineAndColumn() throws IOException {
        // Columns counted in the lines as written: 'england' starts at 45 of line 6, 'missing.csv' at 60
        // of line 7, and in the second project 'neighbours' at 23 of line 7.
        assertEquals(List.of(
                "evaluation.yaml:6:45: error: source kpis: only a neighbours source has 'england'",
                "evaluation.yaml:7:60: error: source peers names: missing.csv does not exist (a CSV file of area codes and"
                        + " names, relative to the project folder)"),
                errors("""
                  - { id: kpis, type: kpi, file: peers.csv, england: E92000001 }
                  - { id: peers, type: neighbours, file: peers.csv, names: missing.csv }
                """));
        assertEquals(List.of("evaluation.yaml:7:23: error: source more: a project has at most one neighbours source (the"
                        + " first is peers)"),
                errors("""
                  - { id: peers, type: neighbours, file: peers.csv, of: E0 }
                  - { id: more, type: neighbours, file: peers.csv }
                """));
    }

    private List<String> errors(String sources) {
        InvalidProjectException e = assertThrows(InvalidProjectException.class, () -> open(sources));
        return e.problems().stream().filter(Problem::isError).map(Problem::toString)
                .map(s -> s.substring(dir.toString().length() + 1)).toList();
    }
}
