package org.evident.toc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** evaluation.yaml read together with toc.yaml, with every problem from both files in one list. */
class EvaluationProjectTest {
    private static final String TOC = """
            nodes:
              - { id: in, label: Funding, stage: input }
              - { id: act, label: Deliver, stage: activity }
            links:
              - { from: in, to: act }
            """;

    @TempDir
    Path dir;

    private Path project(String evaluation, String toc) throws IOException {
        Files.writeString(dir.resolve("evaluation.yaml"), evaluation);
        Files.writeString(dir.resolve("toc.yaml"), toc);
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/tracker.csv"), "id\n");
        return dir;
    }

    @Test
    void validProject_opens() throws IOException {
        EvaluationProject p = EvaluationProject.open(project("""
                programme: Test programme
                reporting_date: 2025-01-13
                periods:
                  quarters: { from: 2024-25 Q1, to: 2024-25 Q2 }
                  phases:
                    - { id: phase-1, label: Phase 1, from: 2024-04-01, to: 2024-07-31 }
                sources:
                  - { id: tracker, type: tracker, file: data/tracker.csv }
                  - { id: wave-1, type: survey, file: data/wave1.csv, period: phase-1 }
                settings:
                  interval: clopper-pearson
                """, TOC));
        assertEquals("Test programme", p.evaluation().programme());
        assertEquals(List.of("2024-25 Q1", "2024-25 Q2", "phase-1"), p.evaluation().periods().stream().map(Period::id).toList());
        assertEquals(Settings.IntervalMethod.CLOPPER_PEARSON, p.evaluation().settings().interval());
        assertEquals(0.95, p.evaluation().settings().confidenceLevel());
        assertEquals(dir.resolve("data/tracker.csv"), p.evaluation().sources().get(0).file());
        assertEquals(1, p.warnings().size(), p.warnings()::toString);
        assertTrue(p.warnings().get(0).message().contains("data/wave1.csv does not exist"));
        assertEquals(9, p.warnings().get(0).line());
    }

    @Test
    void runChartRules_suppression_andSurveyPopulation_areRead_withNhsDefaults() throws IOException {
        EvaluationProject defaults = EvaluationProject.open(project("""
                programme: Test programme
                reporting_date: 2025-01-13
                periods:
                  phases:
                    - { id: phase-1, label: Phase 1, from: 2024-04-01, to: 2024-07-31 }
                sources:
                  - { id: tracker, type: tracker, file: data/tracker.csv }
                """, TOC));
        Settings none = defaults.evaluation().settings();
        assertEquals(new Settings.RunCharts(7, 7, 6, Settings.Laney.AUTO), none.runCharts());
        assertEquals("none", none.suppression());
        assertEquals(false, none.suppressOrganisations());

        EvaluationProject set = EvaluationProject.open(project("""
                programme: Test programme
                reporting_date: 2025-01-13
                periods:
                  phases:
                    - { id: phase-1, label: Phase 1, from: 2024-04-01, to: 2024-07-31 }
                sources:
                  - { id: tracker, type: tracker, file: data/tracker.csv }
                  - { id: wave-1, type: survey, file: data/tracker.csv, period: phase-1, population: 38 }
                settings:
                  run_charts: { shift_length: 6, trend_length: 6, laney: off }
                  suppression: nhs
                  suppress_organisations: true
                """, TOC));
        Settings settings = set.evaluation().settings();
        assertEquals(new Settings.RunCharts(6, 6, 6, Settings.Laney.OFF), settings.runCharts());
        assertEquals("nhs", settings.suppression());
        assertEquals(true, settings.suppressOrganisations());
        assertEquals(38, set.evaluation().sources().get(1).population().getAsLong());

        InvalidProjectException e = assertThrows(InvalidProjectException.class, () -> EvaluationProject.open(project("""
                programme: Test programme
                reporting_date: 2025-01-13
                periods:
                  phases:
                    - { id: phase-1, label: Phase 1, from: 2024-04-01, to: 2024-07-31 }
                sources:
                  - { id: tracker, type: tracker, file: data/tracker.csv, population: 5 }
                  - { id: wave-1, type: survey, file: data/tracker.csv, period: phase-1, population: 0 }
                settings:
                  run_charts: { shift_length: 1 }
                  suppression: round
                """, TOC)));
        List<String> printed = e.problems().stream().filter(Problem::isError).map(Problem::toString)
                .map(s -> s.substring(dir.toString().length() + 1)).toList();
        assertEquals(List.of(
                "evaluation.yaml:7:59: error: source tracker: only a survey source has a population",
                "evaluation.yaml:8:86: error: source population: '0' is not a whole number of at least 1",
                "evaluation.yaml:10:31: error: settings run_charts shift_length: '1' is not a whole number of at least 2",
                "evaluation.yaml:11:16: error: settings suppression: 'round' is not one of none | nhs | fewer-than-5"),
                printed);
    }

    @Test
    void provenance_isRead_asAType_andAnUnknownWordIsAnError() throws IOException {
        EvaluationProject labelled = EvaluationProject.open(project("""
                programme: Test programme
                reporting_date: 2025-01-13
                periods:
                  phases:
                    - { id: phase-1, label: Phase 1, from: 2024-04-01, to: 2024-07-31 }
                sources:
                  - { id: tracker, type: tracker, file: data/tracker.csv }
                  - { id: returns, type: kpi, file: data/tracker.csv, provenance: illustrative }
                """, TOC));
        assertEquals(java.util.Optional.empty(), labelled.evaluation().sources().get(0).provenance());
        assertEquals(java.util.Optional.of(Provenance.ILLUSTRATIVE), labelled.evaluation().sources().get(1).provenance());
        assertEquals(List.of("returns"), labelled.sourcesWithProvenance().stream().map(Source::id).toList());

        InvalidProjectException e = assertThrows(InvalidProjectException.class, () -> EvaluationProject.open(project("""
                programme: Test programme
                reporting_date: 2025-01-13
                periods:
                  phases:
                    - { id: phase-1, label: Phase 1, from: 2024-04-01, to: 2024-07-31 }
                sources:
                  - { id: returns, type: kpi, file: data/tracker.csv, provenance: made-up }
                """, TOC)));
        assertTrue(e.problems().stream().filter(Problem::isError).map(Problem::toString)
                .anyMatch(p -> p.contains("provenance: 'made-up' is not one of synthetic | illustrative | provisional")),
                e.problems()::toString);
    }

    @Test
    void problemsInBothFiles_areReportedTogether_withTheirFiles() throws IOException {
        InvalidProjectException e = assertThrows(InvalidProjectException.class, () -> EvaluationProject.open(project("""
                programme: Test programme
                reporting_date: 2025-13-01
                periods:
                  quarters: { from: 2024-25 Q1, to: 2024 Q2 }
                  phases:
                    - { id: p1, from: 2024-04-01, to: 2024-07-31 }
                    - { id: p2, from: 2024-07-01, to: 2024-09-30 }
                sources:
                  - { id: s, type: spreadsheet, file: data/x.csv }
                  - { id: w, type: survey, file: data/tracker.csv, period: phase-9 }
                settings:
                  confidence_level: 95
                """, TOC.replace("to: act", "to: acts"))));
        List<String> printed = e.problems().stream().filter(Problem::isError).map(Problem::toString)
                .map(s -> s.substring(dir.toString().length() + 1)).toList();
        assertEquals(List.of(
                "evaluation.yaml:2:17: error: evaluation.yaml reporting_date: '2025-13-01' is not a date (YYYY-MM-DD)",
                "evaluation.yaml:4:13: error: periods quarters: quarters from 2024-25 Q1 to 2024 Q2 mix financial-year and calendar quarters",
                "evaluation.yaml:7:7: error: phase p2 (2024-07-01 to 2024-09-30) overlaps phase p1 (2024-04-01 to 2024-07-31)",
                "evaluation.yaml:9:20: error: source type: 'spreadsheet' is not one of tracker | survey | kpi | findings | records | judgements | lessons | neighbours",
                "evaluation.yaml:10:60: error: source w: period 'phase-9' is not a defined period; the periods are p1, p2",
                "evaluation.yaml:12:21: error: settings confidence_level: '95' is not a number between 0.5 and 0.999",
                "toc.yaml:5:21: error: link in -> acts: 'to' names unknown node 'acts'; did you mean 'act'?"), printed);
    }

    @Test
    void missingTocFile_isAnError() throws IOException {
        Files.writeString(dir.resolve("evaluation.yaml"), "programme: x\nreporting_date: 2025-01-01\nperiods: {}\n");
        InvalidProjectException e = assertThrows(InvalidProjectException.class, () -> EvaluationProject.open(dir));
        assertEquals(1, e.problems().size(), e.problems()::toString);
        assertTrue(e.problems().get(0).toString().endsWith("toc.yaml: error: missing: every evaluation project needs toc.yaml"));
    }

    @Test
    void notAFolder_isACallerMistake() {
        assertThrows(IllegalArgumentException.class, () -> EvaluationProject.open(dir.resolve("nope")));
    }

    @Test
    void folderWithoutEvaluationYaml_isACallerMistake_asAFolderThatIsNotThereIs() throws IOException {
        Files.writeString(dir.resolve("toc.yaml"), "nodes: []\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EvaluationProject.open(dir));
        assertTrue(e.getMessage().endsWith(" is not an evaluation project: it has no evaluation.yaml; expected a folder holding"
                + " evaluation.yaml and toc.yaml"), e.getMessage());
    }

    private static final String HEAD = """
            programme: Test programme
            reporting_date: 2025-01-13
            periods:
              quarters: { from: 2024-25 Q1, to: 2024-25 Q2 }
            """;

    private List<String> errors(InvalidProjectException e) {
        return e.problems().stream().filter(Problem::isError).map(Problem::toString)
                .map(s -> s.substring(dir.toString().length() + 1)).toList();
    }

    @Test
    void sourceRubricAndStoreOutsideTheProject_areRefused_withoutReadingThem() throws IOException {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(dir.resolve("secret.csv"), "password\nhunter2\n");
        Files.writeString(dir.resolve("rubric.yaml"),
                "name: secret rubric\nrules:\n  - { id: otherwise, grade: limited, text: Anything. }\n");
        Files.writeString(project.resolve("toc.yaml"), TOC);
        Files.createDirectories(project.resolve("data/records"));
        Files.writeString(project.resolve("evaluation.yaml"), HEAD + """
                sources:
                  - { id: tracker, type: tracker, file: ../secret.csv }
                  - { id: recs, type: records, file: data/records, date: d, area: a, store: ../x,
                      measures: [ { id: N, type: count } ] }
                rubric: ../rubric.yaml
                """);
        InvalidProjectException e = assertThrows(InvalidProjectException.class, () -> EvaluationProject.open(project));
        assertEquals(List.of(
                "project/evaluation.yaml:6:41: error: source tracker file: ../secret.csv is outside the project folder;"
                        + " evident reads and writes only inside it unless run with --allow-outside-project",
                "project/evaluation.yaml:7:77: error: source recs store: ../x is outside the project folder; evident reads"
                        + " and writes only inside it unless run with --allow-outside-project",
                "project/evaluation.yaml:9:9: error: rubric: ../rubric.yaml is outside the project folder; evident reads and"
                        + " writes only inside it unless run with --allow-outside-project"), errors(e));
        assertTrue(e.problems().stream().noneMatch(p -> p.toString().contains("hunter2") || p.toString().contains("secret rubric")));
        EvaluationProject allowed = EvaluationProject.open(project, EvaluationProject.Paths.ANYWHERE);
        assertEquals("secret rubric", allowed.evaluation().rubric().name());
    }

    @Test
    void symbolicLinkOutOfTheProject_isRefused() throws IOException {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(dir.resolve("secret.csv"), "password\n");
        Files.createDirectories(project.resolve("data"));
        Files.createSymbolicLink(project.resolve("data/tracker.csv"), dir.resolve("secret.csv"));
        Files.writeString(project.resolve("toc.yaml"), TOC);
        Files.writeString(project.resolve("evaluation.yaml"), HEAD + """
                sources:
                  - { id: tracker, type: tracker, file: data/tracker.csv }
                """);
        InvalidProjectException e = assertThrows(InvalidProjectException.class, () -> EvaluationProject.open(project));
        assertTrue(errors(e).get(0).contains("data/tracker.csv is outside the project folder (a symbolic link to "
                + dir.resolve("secret.csv").toRealPath() + ")"), errors(e).toString());
    }

    @Test
    void deviceFileAsASource_isAnError() throws IOException {
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero));
        InvalidProjectException e = assertThrows(InvalidProjectException.class, () -> EvaluationProject.open(project(HEAD + """
                sources:
                  - { id: tracker, type: tracker, file: /dev/zero }
                """, TOC), EvaluationProject.Paths.ANYWHERE));
        assertEquals(List.of("evaluation.yaml:6:41: error: source tracker: /dev/zero is not a regular file (a device, pipe or"
                + " socket); expected a data file"), errors(e));
    }

    @Test
    void unreadableDataFile_isAnError() throws IOException {
        Path file = project(HEAD + """
                sources:
                  - { id: tracker, type: tracker, file: data/tracker.csv }
                """, TOC).resolve("data/tracker.csv");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("-w-------"));
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(file), "running as root: every file is readable");
        InvalidProjectException e = assertThrows(InvalidProjectException.class, () -> EvaluationProject.open(dir));
        assertEquals(List.of("evaluation.yaml:6:41: error: source tracker: data/tracker.csv cannot be read (permission denied)"),
                errors(e));
    }
}
