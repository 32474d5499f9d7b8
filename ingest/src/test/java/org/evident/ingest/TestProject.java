package org.evident.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.evident.toc.EvaluationProject;

/** A small evaluation project written into a temporary folder, with data files given inline. */
final class TestProject {
    static final String KEY = "a test key of at least sixteen bytes";

    static final String TOC = """
            nodes:
              - { id: in, label: Funding, stage: input }
              - { id: out, label: Support delivered, stage: output }
              - { id: st-sat, label: Satisfaction, stage: short_term_outcome }
            links:
              - { from: in, to: out }
              - { from: out, to: st-sat }
            methods:
              - { id: interviews, label: Case study interviews }
              - { id: survey, label: Survey }
            indicators:
              - { id: kpi-sat, node: st-sat, label: Rated good or excellent, source: kpi, measure: KPI-1, target: 0.8, unit: share }
              - { id: kpi-spend, node: out, label: Spend against budget, source: kpi, measure: KPI-5, target: 0.8, unit: ratio }
              - { id: svy-quality, node: st-sat, label: Quality high, source: survey, measure: quality, target: 0.8 }
              - { id: svy-helpful, node: st-sat, label: Helpful for all, source: survey, measure: helpful }
              - { id: trk-completed, node: out, label: Completed, source: tracker, measure: local-projects-completed, unit: count }
            """;

    private final Path dir;

    TestProject(Path dir) {
        this.dir = dir;
    }

    TestProject evaluation(String sources) {
        return write("evaluation.yaml", """
                programme: Test programme
                reporting_date: 2025-01-13
                periods:
                  quarters: { from: 2024-25 Q1, to: 2024-25 Q4 }
                  phases:
                    - { id: phase-3, from: 2024-11-01, to: 2025-01-31 }
                sources:
                """ + sources.indent(2));
    }

    TestProject toc(String toc) {
        return write("toc.yaml", toc);
    }

    TestProject write(String name, String text) {
        return write(name, text, StandardCharsets.UTF_8);
    }

    TestProject write(String name, String text, Charset charset) {
        return bytes(name, text.getBytes(charset));
    }

    TestProject bytes(String name, byte[] bytes) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path dir() {
        return dir;
    }

    IngestResult ingest() {
        return ingest(EvaluationProject.Paths.INSIDE_PROJECT);
    }

    /** Reads the project, whose data files may be outside it when {@code paths} allows. */
    IngestResult ingest(EvaluationProject.Paths paths) {
        if (!Files.exists(dir.resolve("toc.yaml"))) {
            toc(TOC);
        }
        return Ingest.read(EvaluationProject.open(dir, paths), Pseudonymiser.withKey(KEY), line -> { });
    }
}
