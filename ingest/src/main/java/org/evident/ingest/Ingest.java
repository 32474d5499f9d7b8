package org.evident.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.evident.toc.EvaluationProject;
import org.evident.toc.Indicator;
import org.evident.toc.InvalidProjectException;
import org.evident.toc.Method;
import org.evident.toc.Node;
import org.evident.toc.Period;
import org.evident.toc.Problem;
import org.evident.toc.Source;
import org.evident.toc.Stage;

/**
 * Reads every data file of a project, checks every row, and maps what was accepted onto the
 * theory of change's indicators. A row is either accepted or rejected with its reasons; the
 * reconciliation per file proves that none was lost.
 */
public final class Ingest {
    /** How often a long file is asked whether a progress line is due (reading the clock costs more than a row). */
    private static final long PROGRESS_CHECK_EVERY = 8_192;

    private final EvaluationProject project;
    private final Pseudonymiser pseudonymiser;
    private final Consumer<String> progress;
    private final RecordEngine engine;
    private final List<Reject> rejects = new ArrayList<>();
    private final List<Reconciliation> reconciliations = new ArrayList<>();
    private final List<Problem> fileErrors = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();
    private final Redactor redactor;
    private final List<PersonalDataFound> personalData = new ArrayList<>();

    private Ingest(EvaluationProject project, Pseudonymiser pseudonymiser, Consumer<String> progress, RecordEngine engine) {
        this.project = project;
        this.pseudonymiser = pseudonymiser;
        this.progress = progress;
        this.engine = engine;
        this.redactor = Redactor.of(project.evaluation().personalData().names());
    }

    /**
     * Reads the project's sources in the order evaluation.yaml lists them.
     *
     * @param progress receives a line every few seconds during a long read (file, rows read, rows per
     *                 second; for a records folder, files done of total and an estimate of the time left),
     *                 and one line per records source saying where its aggregates were stored; a read
     *                 of seconds gives no timed lines
     * @throws InvalidProjectException when a file cannot be read at all (missing, empty, header
     *                                 only, or without a required column), naming every such file
     */
    public static IngestResult read(EvaluationProject project, Pseudonymiser pseudonymiser, Consumer<String> progress) {
        try (RecordEngine local = RecordEngine.inProcess()) {
            return read(project, pseudonymiser, progress, local);
        }
    }

    /**
     * As {@link #read(EvaluationProject, Pseudonymiser, Consumer)}, with record-level sources read by
     * {@code engine} (the other sources are small by nature and are read in process either way).
     */
    public static IngestResult read(EvaluationProject project, Pseudonymiser pseudonymiser, Consumer<String> progress,
                                    RecordEngine engine) {
        return new Ingest(project, pseudonymiser, progress, engine).readAll();
    }

    private IngestResult readAll() {
        List<TrackerProject> projects = new ArrayList<>();
        List<SurveyItemCounts> surveyCounts = new ArrayList<>();
        List<FreeTextAnswer> freeText = new ArrayList<>();
        List<KpiReturn> kpis = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<Judgement> judgements = new ArrayList<>();
        List<CodedText> findingTexts = new ArrayList<>();
        List<CodedText> commentTexts = new ArrayList<>();
        List<Lesson> lessons = new ArrayList<>();
        ComparableAreas neighbours = null;
        for (Source source : project.evaluation().sources()) {
            switch (source.type()) {
                case TRACKER -> readTracker(source, projects);
                case SURVEY -> readSurvey(source, surveyCounts, freeText, commentTexts);
                case KPI -> readKpis(source, kpis);
                case FINDINGS -> readFindings(source, findings, findingTexts);
                case RECORDS -> readRecords(source, kpis);
                case JUDGEMENTS -> readJudgements(source, judgements);
                case LESSONS -> stream(source, LessonRules.COLUMNS,
                        row -> LessonRules.check(row, project.codeFrame()).map(lessons::add).orElse(false));
                case NEIGHBOURS -> neighbours = readNeighbours(source);
            }
        }
        if (!fileErrors.isEmpty()) {
            throw new InvalidProjectException(fileErrors);
        }
        IndicatorMapping mapping = new IndicatorMapping(project, projects, surveyCounts, kpis);
        return new IngestResult(projects, surveyCounts, freeText, kpis, findings, mapping.data(), mapping.gaps(),
                rejects, reconciliations, warnings, judgements,
                java.util.stream.Stream.concat(findingTexts.stream(), commentTexts.stream()).toList(), lessons,
                personalData, java.util.Optional.ofNullable(neighbours));
    }

    /** Each area's comparable areas, from a JSON object or a CSV file of area and neighbour, and their names. */
    private ComparableAreas readNeighbours(Source source) {
        NeighbourRules rules = new NeighbourRules(source);
        String file = display(source);
        if (NeighbourRules.isJson(source.file())) {
            try {
                long areas = rules.readJson(file, fileErrors);
                reconciliations.add(new Reconciliation(source.id(), file, areas, areas, 0));
            } catch (java.nio.file.NoSuchFileException e) {
                fileErrors.add(new Problem(Problem.Severity.ERROR, file, 0, 0, "does not exist (source '" + source.id()
                        + "' in evaluation.yaml)"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        } else {
            stream(source, NeighbourRules.COLUMNS, rules::check);
        }
        source.neighbours().orElseThrow().names().ifPresent(names -> {
            try {
                rules.readNames(names);
            } catch (DataFileException e) {
                fileErrors.add(new Problem(Problem.Severity.ERROR, names.toString(), (int) Math.min(e.row, Integer.MAX_VALUE), 0,
                        e.getMessage()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + names + ": " + e.getMessage(), e);
            }
        });
        return rules.result(file);
    }

    private String display(Source source) {
        Path relative = project.directory().toAbsolutePath().normalize().relativize(source.file().toAbsolutePath().normalize());
        return relative.toString().replace('\\', '/');
    }

    /** Checks one row; returns whether it was accepted. */
    @FunctionalInterface
    private interface RowCheck {
        boolean check(Row row);
    }

    private void stream(Source source, Map<String, Boolean> columns, RowCheck check) {
        String file = display(source);
        long[] counts = new long[2];
        Heartbeat heartbeat = new Heartbeat(progress);
        try (TableFile table = TableFile.open(source.file(), source.sheet())) {
            ColumnMap map = ColumnMap.resolve(source.file(), table.headerRow(), table.header(), columns, source.columns());
            table.rows((number, cells) -> {
                Row row = new Row(source.id(), file, number, cells, map, redactor);
                counts[0]++;
                boolean accepted;
                if (row.isBlank()) {
                    row.reject("", "", "blank row", "a row with data, or no row");
                    accepted = false;
                } else {
                    accepted = check.check(row) && row.accepted();
                }
                if (accepted) {
                    counts[1]++;
                    // Only an accepted row's text goes on to any output.
                    personalData.addAll(row.personalData());
                } else {
                    // A rejected row's text goes nowhere, but its rejects' values go to rejects.csv.
                    personalData.addAll(row.rejectedPersonalData());
                    rejects.addAll(row.rejects());
                }
                if (counts[0] % PROGRESS_CHECK_EVERY == 0) {
                    heartbeat.beat(() -> String.format(java.util.Locale.ROOT, "%s: %,d rows read so far, %s", file,
                            counts[0], heartbeat.rate(counts[0])));
                }
            });
            if (counts[0] == 0) {
                throw new DataFileException(source.file(), table.headerRow(), "has a header row but no data rows");
            }
            reconciliations.add(new Reconciliation(source.id(), file, counts[0], counts[1], counts[0] - counts[1]));
            map.warnings().forEach(w -> warnings.add(new Problem(Problem.Severity.WARNING, file, (int) table.headerRow(), 0, w)));
            table.warnings().forEach(w -> warnings.add(new Problem(Problem.Severity.WARNING, file, 0, 0, w)));
        } catch (DataFileException e) {
            fileErrors.add(new Problem(Problem.Severity.ERROR, file, (int) Math.min(e.row, Integer.MAX_VALUE), 0,
                    e.getMessage()));
        } catch (java.nio.file.NoSuchFileException e) {
            fileErrors.add(new Problem(Problem.Severity.ERROR, file, 0, 0, "does not exist (source '" + source.id()
                    + "' in evaluation.yaml)"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private void readTracker(Source source, List<TrackerProject> into) {
        Map<String, Long> firstRow = new HashMap<>();
        stream(source, TrackerRules.COLUMNS, row -> TrackerRules.check(row, project.evaluation().settings().regions(),
                project.evaluation().reportingDate()).map(p -> {
                    Long first = firstRow.putIfAbsent(p.projectId(), row.number());
                    if (first != null) {
                        row.reject("project_id", p.projectId(), "duplicate project id (first at row " + first
                                + ", which is kept)", "a unique id for every project");
                        return false;
                    }
                    into.add(p);
                    return true;
                }).orElse(false));
    }

    private void readSurvey(Source source, List<SurveyItemCounts> counts, List<FreeTextAnswer> freeText,
                            List<CodedText> coded) {
        SurveyRules rules = new SurveyRules(source, project.codeFrame());
        FirstRows firstRow = new FirstRows();
        stream(source, rules.columns(), row -> {
            String raw = row.text(source.respondent());
            String pseudonym = raw.isEmpty() ? "" : pseudonymiser.pseudonym(raw);
            long first = pseudonym.isEmpty() ? 0 : firstRow.putIfAbsent(pseudonym, row.number());
            if (first != 0) {
                // The value shown is the pseudonym: no raw identifier reaches any output.
                row.reject(source.respondent(), pseudonym, "the same respondent answered this wave twice (first at row "
                        + first + ", which is kept)", "one row per respondent per wave");
                return false;
            }
            return rules.check(row, pseudonym);
        });
        counts.addAll(rules.counts());
        freeText.addAll(rules.freeText());
        coded.addAll(rules.coded());
    }

    private void readKpis(Source source, List<KpiReturn> into) {
        List<Indicator> kpiIndicators = indicators(Indicator.Source.KPI);
        Set<String> codes = kpiIndicators.stream().map(Indicator::measure).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> shares = kpiIndicators.stream().filter(i -> i.unit().equals("share")).map(Indicator::measure)
                .collect(Collectors.toSet());
        Map<String, Double> perOfRate = kpiIndicators.stream().filter(Indicator::rate)
                .collect(Collectors.toMap(Indicator::measure, Indicator::per, (a, b) -> a));
        String file = display(source);
        Map<String, Long> firstRow = new HashMap<>();
        stream(source, KpiRules.COLUMNS, row -> KpiRules.check(row, file, codes, shares, perOfRate, project.evaluation()).map(k -> {
            String key = k.kpi() + "|" + k.period() + "|" + k.region().orElse("") + "|" + k.system().orElse("");
            Long first = firstRow.putIfAbsent(key, row.number());
            if (first != null) {
                row.reject("kpi", k.kpi(), "a second return for " + k.kpi() + " in " + k.period()
                        + (k.region().or(k::system).map(u -> " for " + u).orElse("")) + " (first at row " + first
                        + ", which is kept)", "one row per KPI, period and unit");
                return false;
            }
            into.add(k);
            return true;
        }).orElse(false));
        warnOfPeriodsInProgress(file, into);
    }

    /**
     * Returns for a period that has not ended by the reporting date are kept (the tables mark the
     * period in progress), but their values are of part of a period: said once per file and period.
     */
    private void warnOfPeriodsInProgress(String file, List<KpiReturn> returns) {
        Map<String, List<KpiReturn>> inProgress = new java.util.TreeMap<>();
        for (KpiReturn k : returns) {
            if (k.file().equals(file) && project.evaluation().period(k.period())
                    .filter(p -> !p.endedBy(project.evaluation().reportingDate())).isPresent()) {
                inProgress.computeIfAbsent(k.period(), p -> new ArrayList<>()).add(k);
            }
        }
        inProgress.forEach((period, ks) -> warnings.add(new Problem(Problem.Severity.WARNING, file,
                (int) ks.get(0).row(), 0, ks.size() + (ks.size() == 1 ? " return is" : " returns are") + " for " + period
                + ", which has not ended by the reporting date " + project.evaluation().reportingDate()
                + ": a value of part of the period (the tables mark it in progress)")));
    }

    private void readFindings(Source source, List<Finding> into, List<CodedText> coded) {
        Set<String> nodes = project.theoryOfChange().nodes().stream().map(Node::id).collect(Collectors.toSet());
        Set<String> methods = project.theoryOfChange().methods().stream().map(Method::id)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> periods = project.evaluation().periods().stream().map(Period::id)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, Long> firstRow = new HashMap<>();
        Map<String, String> indicatorNodes = project.theoryOfChange().indicators().stream()
                .collect(Collectors.toMap(Indicator::id, Indicator::node, (a, b) -> a));
        Set<String> keys = project.theoryOfChange().assumptionKeys().stream().map(org.evident.toc.AssumptionKey::key)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        stream(source, FindingRules.COLUMNS, row -> {
            List<String> themes = CodedText.themes(row, project.codeFrame());
            return FindingRules.check(row, nodes, methods, periods, indicatorNodes, keys,
                    project.evaluation().reportingDate()).map(f -> {
            Long first = firstRow.putIfAbsent(f.id(), row.number());
            if (first != null) {
                row.reject("finding_id", f.id(), "duplicate finding id (first at row " + first + ", which is kept)",
                        "a unique id for every finding");
                return false;
            }
            into.add(f);
            if (!f.quote().isBlank()) {
                coded.add(new CodedText(CodedText.Kind.FINDING, source.id(), java.util.Optional.of(f.id()), f.method(),
                        f.sourceRef(), java.util.Optional.of(f.direction()), f.quote(), CodedText.region(row), themes,
                        f.cases().orElse(0), 0));
            }
            return true;
        }).orElse(false);
        });
    }

    private void readJudgements(Source source, List<Judgement> into) {
        Set<String> outcomes = project.theoryOfChange().nodes().stream()
                .filter(n -> n.stage().isGraded()).map(Node::id)
                .collect(Collectors.toSet());
        // Only a period the rule grades at can have a judgement to set beside the rule's grade.
        Set<String> periods = project.evaluation().assessmentPeriods().stream().map(Period::id)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, Long> firstRow = new HashMap<>();
        stream(source, JudgementRules.COLUMNS, row -> JudgementRules.check(row, outcomes, periods).map(j -> {
            Long first = firstRow.putIfAbsent(j.node() + "|" + j.period(), row.number());
            if (first != null) {
                row.reject("node", j.node(), "a second judgement of " + j.node() + " in " + j.period() + " (first at row "
                        + first + ", which is kept)", "one judgement per outcome and period");
                return false;
            }
            into.add(j);
            return true;
        }).orElse(false));
    }

    private void readRecords(Source source, List<KpiReturn> into) {
        String folder = display(source);
        RecordRules rules = new RecordRules(source, project.evaluation());
        List<Path> files;
        try {
            files = RecordFile.files(source.file());
        } catch (java.nio.file.NoSuchFileException e) {
            fileErrors.add(new Problem(Problem.Severity.ERROR, folder, 0, 0, "does not exist (source '" + source.id()
                    + "' in evaluation.yaml)"));
            return;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            fileErrors.add(new Problem(Problem.Severity.ERROR, folder, 0, 0, "has no .csv or .parquet files (source '"
                    + source.id() + "' in evaluation.yaml)"));
            return;
        }
        List<String> displays = files.stream().map(f -> f.equals(source.file()) ? folder
                : folder + "/" + f.getFileName()).toList();
        RecordAggregates total = rules.newAggregates();
        List<RecordFile> results;
        try {
            // A file that cannot be read comes back with its error (RecordFile.readOrExplain), not as an exception.
            results = engine.read(rules, files, displays, source.columns(), progress);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder + ": " + e.getMessage(), e);
        }
        boolean unreadable = false;
        for (RecordFile result : results) {
            if (result.error != null) {
                fileErrors.add(new Problem(Problem.Severity.ERROR, result.file, (int) Math.min(result.errorRow,
                        Integer.MAX_VALUE), 0, result.error));
                unreadable = true;
                continue;
            }
            rejects.addAll(result.rejects);
            reconciliations.add(result.reconciliation(source.id()));
            result.warnings.forEach(w -> warnings.add(new Problem(Problem.Severity.WARNING, result.file, 0, 0, w)));
            total.merge(result.aggregates);
        }
        if (unreadable) {
            return;
        }
        try (RecordStore store = RecordStore.open(source.records().orElseThrow().store(), rules, progress)) {
            progress.accept(store.write(total, files, results.stream().map(r -> r.aggregates).toList(),
                    results.stream().map(r -> r.fingerprint).toList(), source.columns()));
            into.addAll(RecordReturns.of(rules, store.readAll(total), folder));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the aggregates of " + folder + " to "
                    + source.records().orElseThrow().store() + ": " + e.getMessage(), e);
        }
    }

    private List<Indicator> indicators(Indicator.Source type) {
        Predicate<Indicator> ofType = i -> i.source() == type;
        return project.theoryOfChange().indicators().stream().filter(ofType).toList();
    }
}
