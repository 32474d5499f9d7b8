package org.evident.toc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.evident.toc.YamlFile.Fields;
import org.yaml.snakeyaml.nodes.Node;

/** Reads {@code evaluation.yaml}, recording every problem with its position. */
final class EvaluationReader {
    private static final Set<String> TOP = Set.of("programme", "organisation", "reporting_date", "periods",
            "sources", "settings", "rubric", "personal_data");
    private static final Set<String> PERIODS = Set.of("quarters", "years", "phases");
    private static final Set<String> RANGE = Set.of("from", "to");
    private static final Set<String> PHASE = Set.of("id", "label", "from", "to");
    private static final Set<String> SOURCE = Set.of("id", "type", "file", "period", "sheet", "columns",
            "respondent", "items", "population", "groups", "date", "area", "region", "store", "measures", "levels", "provenance",
            "of", "england", "names", "highlight");
    private static final Set<String> RECORDS_ONLY = Set.of("date", "area", "region", "store", "measures", "levels");
    private static final Set<String> NEIGHBOURS_ONLY = Set.of("of", "england", "names", "highlight");
    private static final Set<String> MEASURE = Set.of("id", "type", "condition", "column", "where");
    private static final Set<String> CONDITION = Set.of("column", "in", "at_least", "at_most");
    private static final Set<String> ITEM = Set.of("id", "type", "column", "text", "labels", "positive",
            "not_in_base", "options", "separator", "map");
    private static final Set<String> OPTION = Set.of("id", "label");
    private static final Set<String> SETTINGS = Set.of("confidence_level", "interval", "regions", "run_charts",
            "suppression", "suppress_organisations", "prior", "units_listed");
    private static final Set<String> RUN_CHARTS = Set.of("shift_length", "trend_length", "minimum_points", "laney");
    private static final Set<String> PERSONAL_DATA = Set.of("names", "names_file", "attribution_k");

    private final YamlFile yaml;
    private final Path projectDir;
    private final EvaluationProject.Paths paths;
    private final Map<String, Node> periodAt = new HashMap<>();
    private final List<Period> periods = new ArrayList<>();

    private EvaluationReader(YamlFile yaml, Path projectDir, EvaluationProject.Paths paths) {
        this.yaml = yaml;
        this.projectDir = projectDir;
        this.paths = paths;
    }

    static Optional<Evaluation> read(YamlFile yaml, Path projectDir) {
        return read(yaml, projectDir, EvaluationProject.Paths.INSIDE_PROJECT);
    }

    static Optional<Evaluation> read(YamlFile yaml, Path projectDir, EvaluationProject.Paths paths) {
        return yaml.root().flatMap(root -> new EvaluationReader(yaml, projectDir, paths).readRoot(root));
    }

    /**
     * Whether {@code resolved} (named as {@code name} at {@code node}) may be used: inside the
     * project folder, both as written and once symbolic links are followed, unless paths anywhere
     * are allowed. Records an error otherwise, without reading the file: a shared project must not
     * be able to read (and echo in an error) a file such as {@code ../../etc/passwd}.
     */
    private boolean confined(Node node, String what, String name, Path resolved) {
        if (paths == EvaluationProject.Paths.ANYWHERE) {
            return true;
        }
        Path project = projectDir.toAbsolutePath().normalize();
        Path path = resolved.toAbsolutePath().normalize();
        boolean inside = path.startsWith(project);
        String real = "";
        if (inside && Files.exists(path)) {
            try {
                Path realPath = path.toRealPath();
                inside = realPath.startsWith(project.toRealPath());
                real = inside ? "" : " (a symbolic link to " + realPath + ")";
            } catch (java.io.IOException e) {
                inside = false;
            }
        }
        if (!inside) {
            yaml.error(node, what + ": " + name + " is outside the project folder" + real + "; evident reads and writes"
                    + " only inside it unless run with --allow-outside-project");
        }
        return inside;
    }

    private Optional<Evaluation> readRoot(Node root) {
        Optional<Fields> top = yaml.fields(root, "evaluation.yaml", TOP);
        if (top.isEmpty()) {
            return Optional.empty();
        }
        Fields f = top.get();
        Optional<String> programme = f.requiredText("programme");
        Optional<String> organisation = f.optionalText("organisation");
        Optional<LocalDate> reportingDate = f.requiredValue("reporting_date", "a date (YYYY-MM-DD)", Period::date);
        f.required("periods").ifPresent(this::readPeriods);
        List<Source> sources = f.get("sources").map(this::readSources).orElse(List.of());
        Settings settings = f.get("settings").map(this::readSettings).orElse(Settings.DEFAULTS);
        Rubric rubric = f.get("rubric").flatMap(this::readRubric).orElse(Rubric.DEFAULT);
        PersonalDataSettings personalData = f.get("personal_data").flatMap(this::readPersonalData)
                .orElse(PersonalDataSettings.DEFAULTS);
        if (programme.isEmpty() || reportingDate.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Evaluation(programme.get(), organisation, reportingDate.get(), periods, sources,
                settings, rubric, personalData));
    }

    private void readPeriods(Node node) {
        yaml.fields(node, "periods", PERIODS).ifPresent(f -> {
            f.get("quarters").flatMap(q -> yaml.fields(q, "periods quarters", RANGE)).ifPresent(range -> {
                Optional<Period> from = range.requiredValue("from", "a quarter such as 2024-25 Q1 or 2024 Q1",
                        Period::quarter);
                Optional<Period> to = range.requiredValue("to", "a quarter such as 2024-25 Q4 or 2024 Q4",
                        Period::quarter);
                if (from.isPresent() && to.isPresent()) {
                    try {
                        for (Period quarter : Period.quarters(from.get(), to.get())) {
                            add(quarter, range.node());
                        }
                    } catch (IllegalArgumentException e) {
                        yaml.error(range.node(), "periods quarters: " + e.getMessage());
                    }
                }
            });
            f.get("years").flatMap(q -> yaml.fields(q, "periods years", RANGE)).ifPresent(range -> {
                Optional<Period> from = range.requiredValue("from", "a financial year such as 2016-17", Period::financialYear);
                Optional<Period> to = range.requiredValue("to", "a financial year such as 2022-23", Period::financialYear);
                if (from.isPresent() && to.isPresent()) {
                    try {
                        for (Period year : Period.financialYears(from.get(), to.get())) {
                            add(year, range.node());
                        }
                    } catch (IllegalArgumentException e) {
                        yaml.error(range.node(), "periods years: " + e.getMessage());
                    }
                }
            });
            f.get("phases").ifPresent(list -> readPhases(list));
        });
    }

    private void readPhases(Node list) {
        List<Period> phases = new ArrayList<>();
        Map<Period, Node> at = new HashMap<>();
        for (Node item : yaml.items(list, "phases")) {
            yaml.fields(item, "phase", PHASE).ifPresent(p -> {
                Optional<String> id = p.requiredText("id");
                Optional<String> label = p.optionalText("label");
                Optional<LocalDate> from = p.requiredValue("from", "a date (YYYY-MM-DD)", Period::date);
                Optional<LocalDate> to = p.requiredValue("to", "a date (YYYY-MM-DD)", Period::date);
                if (id.isEmpty() || from.isEmpty() || to.isEmpty()) {
                    return;
                }
                if (to.get().isBefore(from.get())) {
                    yaml.error(p.get("to").orElseThrow(), "phase " + id.get() + " ends (" + to.get()
                            + ") before it starts (" + from.get() + ")");
                    return;
                }
                Period phase = new Period(id.get(), label.orElse(id.get()), Period.Kind.PHASE, from.get(), to.get());
                for (Period other : phases) {
                    if (!phase.start().isAfter(other.end()) && !other.start().isAfter(phase.end())) {
                        yaml.error(item, "phase " + phase.id() + " (" + phase.start() + " to " + phase.end()
                                + ") overlaps phase " + other.id() + " (" + other.start() + " to " + other.end() + ")");
                    }
                }
                phases.add(phase);
                at.put(phase, p.get("id").orElseThrow());
                add(phase, p.get("id").orElseThrow());
            });
        }
    }

    private void add(Period period, Node at) {
        Node first = periodAt.putIfAbsent(period.id(), at);
        if (first != null) {
            yaml.error(at, "duplicate period id '" + period.id() + "' (first defined at line " + YamlFile.line(first) + ")");
            return;
        }
        periods.add(period);
    }

    private List<Source> readSources(Node list) {
        List<Source> sources = new ArrayList<>();
        Map<String, Node> seen = new HashMap<>();
        for (Node item : yaml.items(list, "sources")) {
            yaml.fields(item, "source", SOURCE).ifPresent(f -> {
                Optional<String> id = f.requiredText("id");
                String what = "source " + id.orElse("?");
                Optional<Source.Type> type = f.requiredValue("type", "one of tracker | survey | kpi | findings | records | judgements | lessons | neighbours",
                        s -> Source.Type.valueOf(s.toUpperCase(Locale.ROOT)));
                Optional<String> file = f.requiredText("file");
                Optional<String> period = f.optionalText("period");
                Optional<String> sheet = f.optionalText("sheet");
                String respondent = f.optionalText("respondent").orElse("respondent_id");
                java.util.OptionalLong population = f.optionalValue("population", "a whole number of at least 1", s -> {
                    long n = Long.parseLong(s);
                    if (n < 1) {
                        throw new IllegalArgumentException(s);
                    }
                    return n;
                }).map(java.util.OptionalLong::of).orElse(java.util.OptionalLong.empty());
                Optional<Provenance> provenance = f.optionalValue("provenance", "one of synthetic | illustrative | provisional",
                        s -> Provenance.valueOf(s.toUpperCase(Locale.ROOT)));
                List<String> groups = f.optionalTexts("groups").stream().map(YamlFile.Scalar::value).toList();
                if (type.isPresent() && type.get() != Source.Type.SURVEY && f.get("groups").isPresent()) {
                    yaml.error(f.keyNode("groups"), what + ": only a survey source has groups");
                }
                if (type.isPresent() && type.get() != Source.Type.SURVEY && f.get("population").isPresent()) {
                    yaml.error(f.keyNode("population"), what + ": only a survey source has a population");
                }
                Map<String, List<String>> columns = new java.util.LinkedHashMap<>();
                f.get("columns").flatMap(c -> yaml.fields(c, what + " columns", null)).ifPresent(cf -> {
                    for (String canonical : cf.keys()) {
                        columns.put(canonical, yaml.texts(cf.get(canonical).orElseThrow(), what + " columns " + canonical)
                                .stream().map(YamlFile.Scalar::value).toList());
                    }
                });
                List<SurveyItem> items = f.get("items").map(i -> readItems(i, what)).orElse(List.of());
                if (type.isPresent() && type.get() != Source.Type.SURVEY && f.get("items").isPresent()) {
                    yaml.error(f.keyNode("items"), what + ": only a survey source has items");
                }
                period.ifPresent(p -> {
                    if (!periodAt.containsKey(p)) {
                        yaml.error(f.get("period").orElseThrow(), what + ": period '" + p
                                + "' is not a defined period; the periods are "
                                + String.join(", ", periods.stream().map(Period::id).toList()));
                    }
                });
                if (type.isPresent() && type.get() == Source.Type.SURVEY && period.isEmpty()) {
                    yaml.error(item, what + ": a survey source needs 'period', the wave it belongs to");
                }
                Optional<RecordLayout> records = Optional.empty();
                if (type.isPresent() && type.get() == Source.Type.RECORDS) {
                    records = readRecordLayout(f, what, id.orElse("?"));
                } else {
                    for (String key : RECORDS_ONLY) {
                        if (f.get(key).isPresent()) {
                            yaml.error(f.keyNode(key), what + ": only a records source has '" + key + "'");
                        }
                    }
                }
                Optional<NeighbourLayout> neighbours = Optional.empty();
                if (type.isPresent() && type.get() == Source.Type.NEIGHBOURS) {
                    neighbours = readNeighbourLayout(f, what);
                } else {
                    for (String key : NEIGHBOURS_ONLY) {
                        if (f.get(key).isPresent()) {
                            yaml.error(f.keyNode(key), what + ": only a neighbours source has '" + key + "'");
                        }
                    }
                }
                if (id.isEmpty() || type.isEmpty() || file.isEmpty()
                        || (type.get() == Source.Type.RECORDS && records.isEmpty())
                        || (type.get() == Source.Type.NEIGHBOURS && neighbours.isEmpty())) {
                    return;
                }
                Node first = seen.putIfAbsent(id.get(), f.get("id").orElseThrow());
                if (first != null) {
                    yaml.error(f.get("id").orElseThrow(), "duplicate source id '" + id.get()
                            + "' (first defined at line " + YamlFile.line(first) + ")");
                    return;
                }
                if (neighbours.isPresent() && sources.stream().anyMatch(s -> s.type() == Source.Type.NEIGHBOURS)) {
                    yaml.error(f.get("type").orElseThrow(), what + ": a project has at most one neighbours source (the"
                            + " first is " + sources.stream().filter(s -> s.type() == Source.Type.NEIGHBOURS).findFirst()
                            .orElseThrow().id() + ")");
                    return;
                }
                Path resolved = projectDir.resolve(file.get()).normalize();
                Node fileNode = f.get("file").orElseThrow();
                if (!confined(fileNode, what + " file", file.get(), resolved)) {
                    return;
                }
                if (records.isPresent() && !confined(f.get("store").orElse(fileNode), what + " store",
                        f.optionalText("store").orElse("aggregates/" + id.get()), records.get().store())) {
                    return;
                }
                if (!Files.exists(resolved)) {
                    yaml.warning(fileNode, what + ": " + (records.isPresent() ? "folder or file " : "file ")
                            + file.get() + " does not exist (yet)");
                } else if (!Files.isRegularFile(resolved) && !(records.isPresent() && Files.isDirectory(resolved))) {
                    yaml.error(fileNode, what + ": " + file.get() + " is not a regular file (a device, pipe or socket);"
                            + " expected a data file" + (records.isPresent() ? " or a folder of them" : ""));
                    return;
                } else if (!Files.isReadable(resolved)) {
                    yaml.error(fileNode, what + ": " + file.get() + " cannot be read (permission denied)");
                    return;
                } else if (records.isPresent() && Files.isDirectory(resolved)) {
                    notRead(resolved, file.get()).forEach(skipped -> yaml.warning(f.get("file").orElseThrow(), what + ": "
                            + skipped));
                }
                sources.add(new Source(id.get(), type.get(), resolved, period, sheet, columns, respondent, items, population,
                        groups, records, provenance, neighbours));
            });
        }
        return sources;
    }

    /**
     * What in a records folder is not read, each with why: a file that is neither {@code .csv} nor
     * {@code .parquet}, a sub-folder. A warning, not an error: such folders often hold a README or a
     * data dictionary beside the extracts, and naming each file is enough for nothing to be lost unseen.
     */
    private static List<String> notRead(Path folder, String shown) {
        List<String> skipped = new ArrayList<>();
        try (java.util.stream.Stream<Path> children = Files.list(folder)) {
            for (Path child : children.sorted().toList()) {
                String name = shown.replaceAll("/+$", "") + "/" + child.getFileName();
                if (Files.isDirectory(child)) {
                    skipped.add(name + "/ is a folder and is not read: only the .csv and .parquet files directly in "
                            + shown + " are");
                } else if (!RecordLayout.isDataFile(child)) {
                    skipped.add(name + " is not read: only .csv and .parquet files are (rename it if it holds records"
                            + " in one of those formats; a compressed file must be unpacked)");
                }
            }
        } catch (java.io.IOException e) {
            skipped.add(shown + " cannot be listed: " + e);
        }
        return skipped;
    }

    private Optional<RecordLayout> readRecordLayout(Fields f, String what, String id) {
        Optional<String> date = f.requiredText("date");
        Optional<String> area = f.requiredText("area");
        Optional<String> region = f.optionalText("region");
        Path store = projectDir.resolve(f.optionalText("store").orElse("aggregates/" + id)).normalize();
        List<RecordMeasure> measures = new ArrayList<>();
        Map<String, Node> seen = new HashMap<>();
        for (Node node : f.required("measures").map(m -> yaml.items(m, what + " measures")).orElse(List.of())) {
            yaml.fields(node, what + " measure", MEASURE).ifPresent(mf -> {
                Optional<String> measureId = mf.requiredText("id");
                String measureWhat = what + " measure " + measureId.orElse("?");
                Optional<RecordMeasure.Kind> kind = mf.requiredValue("type", "one of count | share | mean",
                        s -> RecordMeasure.Kind.valueOf(s.toUpperCase(Locale.ROOT)));
                Optional<RecordCondition> condition = mf.get("condition").flatMap(c -> readCondition(c, measureWhat + " condition"));
                Optional<String> column = mf.optionalText("column");
                List<RecordCondition> where = new ArrayList<>();
                for (Node w : mf.get("where").map(n -> yaml.items(n, measureWhat + " where")).orElse(List.of())) {
                    readCondition(w, measureWhat + " where").ifPresent(where::add);
                }
                if (kind.isEmpty() || measureId.isEmpty()) {
                    return;
                }
                boolean complete = true;
                if (kind.get() == RecordMeasure.Kind.SHARE && mf.get("condition").isEmpty()) {
                    yaml.error(mf.node(), measureWhat + ": a share needs 'condition', what a record must meet to count"
                            + " in the numerator (e.g. { column: destination, in: [usual_residence] })");
                    complete = false;
                }
                if (kind.get() != RecordMeasure.Kind.SHARE && mf.get("condition").isPresent()) {
                    yaml.error(mf.keyNode("condition"), measureWhat + ": only a share has a condition (use 'where' to filter)");
                }
                if (kind.get() == RecordMeasure.Kind.MEAN && column.isEmpty()) {
                    yaml.error(mf.node(), measureWhat + ": a mean needs 'column', the numeric column to average");
                    complete = false;
                }
                if (kind.get() != RecordMeasure.Kind.MEAN && column.isPresent()) {
                    yaml.error(mf.keyNode("column"), measureWhat + ": only a mean has a column");
                }
                Node first = seen.putIfAbsent(measureId.get(), mf.get("id").orElseThrow());
                if (first != null) {
                    yaml.error(mf.get("id").orElseThrow(), "duplicate measure id '" + measureId.get() + "' in " + what
                            + " (first defined at line " + YamlFile.line(first) + ")");
                    return;
                }
                if (complete && (kind.get() != RecordMeasure.Kind.SHARE || condition.isPresent())) {
                    measures.add(new RecordMeasure(measureId.get(), kind.get(),
                            kind.get() == RecordMeasure.Kind.SHARE ? condition : Optional.empty(),
                            kind.get() == RecordMeasure.Kind.MEAN ? column : Optional.empty(), where));
                }
            });
        }
        if (f.get("measures").isPresent() && measures.isEmpty() && seen.isEmpty()) {
            yaml.error(f.get("measures").orElseThrow(), what + ": a records source needs at least one measure");
        }
        java.util.Set<RecordLayout.Level> levels = java.util.EnumSet.noneOf(RecordLayout.Level.class);
        for (YamlFile.Scalar level : f.optionalTexts("levels")) {
            try {
                levels.add(RecordLayout.Level.valueOf(level.value().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                yaml.error(level.node(), what + " levels: '" + level.value() + "' is not one of england | region | area");
            }
        }
        if (f.get("levels").isEmpty()) {
            levels = java.util.EnumSet.allOf(RecordLayout.Level.class);
        } else if (levels.isEmpty()) {
            yaml.error(f.get("levels").orElseThrow(), what + ": levels needs at least one of england | region | area");
            return Optional.empty();
        }
        if (levels.contains(RecordLayout.Level.REGION) && region.isEmpty() && f.get("levels").isPresent()) {
            yaml.error(f.get("levels").orElseThrow(), what + ": returns by region need 'region', the column naming each"
                    + " record's region");
        }
        if (date.isEmpty() || area.isEmpty() || measures.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RecordLayout(date.get(), area.get(), region, measures, store, levels));
    }

    /**
     * A neighbours source's settings. The names file, like every file, must be inside the project
     * (unless paths anywhere are allowed) and exist; the area codes themselves are checked against
     * the data when the files are read.
     */
    private Optional<NeighbourLayout> readNeighbourLayout(Fields f, String what) {
        Optional<String> of = f.optionalText("of");
        Optional<String> england = f.optionalText("england");
        List<String> highlight = f.optionalTexts("highlight").stream().map(YamlFile.Scalar::value).toList();
        Optional<Path> names = Optional.empty();
        Optional<String> namesText = f.optionalText("names");
        if (namesText.isPresent()) {
            Path file = projectDir.resolve(namesText.get()).normalize();
            Node node = f.get("names").orElseThrow();
            if (!confined(node, what + " names", namesText.get(), file)) {
                return Optional.empty();
            }
            if (!Files.isRegularFile(file)) {
                yaml.error(node, what + " names: " + namesText.get() + " does not exist (a CSV file of area codes and"
                        + " names, relative to the project folder)");
                return Optional.empty();
            }
            names = Optional.of(file);
        }
        if (of.isPresent() && f.get("highlight").isPresent() && highlight.isEmpty()) {
            yaml.error(f.keyNode("highlight"), what + ": highlight needs at least one area code, or leave it out");
        }
        return Optional.of(new NeighbourLayout(of, england, names, highlight));
    }

    private Optional<RecordCondition> readCondition(Node node, String what) {
        return yaml.fields(node, what, CONDITION).flatMap(cf -> {
            Optional<String> column = cf.requiredText("column");
            List<String> in = cf.optionalTexts("in").stream().map(YamlFile.Scalar::value).toList();
            Optional<Double> atLeast = cf.optionalValue("at_least", "a number", Decimal::parse);
            Optional<Double> atMost = cf.optionalValue("at_most", "a number", Decimal::parse);
            boolean numeric = atLeast.isPresent() || atMost.isPresent();
            if (in.isEmpty() == !numeric) {
                yaml.error(node, what + ": give either 'in' (a list of values) or 'at_least' and/or 'at_most' (numbers)");
                return Optional.empty();
            }
            return column.map(c -> new RecordCondition(c, in,
                    atLeast.map(java.util.OptionalDouble::of).orElse(java.util.OptionalDouble.empty()),
                    atMost.map(java.util.OptionalDouble::of).orElse(java.util.OptionalDouble.empty())));
        });
    }

    private List<SurveyItem> readItems(Node list, String source) {
        List<SurveyItem> items = new ArrayList<>();
        Map<String, Node> seen = new HashMap<>();
        for (Node node : yaml.items(list, source + " items")) {
            yaml.fields(node, source + " item", ITEM).ifPresent(f -> {
                Optional<String> id = f.requiredText("id");
                String what = source + " item " + id.orElse("?");
                Optional<SurveyItem.Type> type = f.requiredValue("type",
                        "one of agreement | rating | yes_no | single_choice | multi_select | free_text",
                        s -> SurveyItem.Type.valueOf(s.toUpperCase(Locale.ROOT)));
                if (id.isEmpty() || type.isEmpty()) {
                    return;
                }
                Node first = seen.putIfAbsent(id.get(), f.get("id").orElseThrow());
                if (first != null) {
                    yaml.error(f.get("id").orElseThrow(), "duplicate item id '" + id.get() + "' in " + source
                            + " (first defined at line " + YamlFile.line(first) + ")");
                    return;
                }
                item(f, what, id.get(), type.get()).ifPresent(items::add);
            });
        }
        return items;
    }

    private Optional<SurveyItem> item(Fields f, String what, String id, SurveyItem.Type type) {
        String column = f.optionalText("column").orElse(id);
        List<SurveyItem.Option> options = new ArrayList<>();
        List<String> labels = new ArrayList<>(type.defaultLabels());
        if (f.get("labels").isPresent()) {
            labels = f.optionalTexts("labels").stream().map(YamlFile.Scalar::value).toList();
        }
        if (type == SurveyItem.Type.SINGLE_CHOICE) {
            labels = f.optionalTexts("options").stream().map(YamlFile.Scalar::value).toList();
            if (labels.isEmpty()) {
                yaml.error(f.node(), what + ": a single_choice item needs 'options', the answers it accepts");
            }
        } else if (type == SurveyItem.Type.MULTI_SELECT) {
            labels = List.of();
            for (Node option : f.get("options").map(o -> yaml.items(o, what + " options")).orElse(List.of())) {
                yaml.fields(option, what + " option", OPTION).ifPresent(of -> {
                    Optional<String> optionId = of.requiredText("id");
                    Optional<String> label = of.requiredText("label");
                    if (optionId.isPresent() && label.isPresent()) {
                        if (options.stream().anyMatch(o -> o.id().equals(optionId.get()))) {
                            yaml.error(of.get("id").orElseThrow(), what + ": duplicate option id '" + optionId.get() + "'");
                        } else {
                            options.add(new SurveyItem.Option(optionId.get(), label.get()));
                        }
                    }
                });
            }
            if (options.isEmpty()) {
                yaml.error(f.node(), what + ": a multi_select item needs 'options' (each with id and label)");
            }
        } else if (f.get("options").isPresent()) {
            yaml.error(f.keyNode("options"), what + ": only single_choice and multi_select items have options");
        }
        List<String> accepted = labels;
        List<String> positive = f.get("positive").isPresent()
                ? f.optionalTexts("positive").stream().filter(p -> known(p, accepted, what + " positive")).map(YamlFile.Scalar::value).toList()
                : labels.subList(0, Math.min(type.defaultPositive(), labels.size()));
        List<String> notInBase = f.get("not_in_base").isPresent()
                ? f.optionalTexts("not_in_base").stream().map(YamlFile.Scalar::value).toList()
                : type.defaultNotInBase();
        Map<String, String> map = new java.util.LinkedHashMap<>();
        f.get("map").flatMap(m -> yaml.fields(m, what + " map", null)).ifPresent(mf -> {
            for (String code : mf.keys()) {
                yaml.text(mf.get(code).orElseThrow(), what + " map " + code).ifPresent(target -> {
                    if (target.equals(SurveyItem.NOT_IN_BASE) || accepted.contains(target) || notInBase.contains(target)) {
                        map.put(code, target);
                    } else {
                        yaml.error(mf.get(code).orElseThrow(), what + ": map sends '" + code + "' to '" + target
                                + "', which is neither one of the item's answers (" + String.join(", ", accepted)
                                + ") nor not_in_base");
                    }
                });
            }
        });
        Optional<String> separator = f.get("separator").map(n -> n instanceof org.yaml.snakeyaml.nodes.ScalarNode sn
                ? sn.getValue() : null);
        return Optional.of(new SurveyItem(id, type, column, labels, positive, notInBase, options, separator, map));
    }

    private boolean known(YamlFile.Scalar value, List<String> labels, String what) {
        if (labels.contains(value.value())) {
            return true;
        }
        yaml.error(value.node(), what + ": '" + value.value() + "' is not one of the item's answers ("
                + String.join(", ", labels) + ")");
        return false;
    }

    /** A rubric file named relative to the project; its problems are reported with its own name. */
    private Optional<Rubric> readRubric(Node node) {
        return yaml.text(node, "rubric").flatMap(name -> {
            Path file = projectDir.resolve(name).normalize();
            if (!confined(node, "rubric", name, file)) {
                return Optional.empty();
            }
            if (!Files.isRegularFile(file)) {
                yaml.error(node, "rubric: " + name + " does not exist (a rubric file, relative to the project folder)");
                return Optional.empty();
            }
            return RubricReader.read(YamlFile.parse(file.toString(), TheoryOfChange.readText(file), yaml.problems()));
        });
    }

    private Settings readSettings(Node node) {
        return yaml.fields(node, "settings", SETTINGS).map(f -> {
            double level = f.optionalValue("confidence_level", "a number between 0.5 and 0.999", s -> {
                double v = Decimal.parse(s);
                if (!(v >= 0.5 && v <= 0.999)) {
                    throw new IllegalArgumentException(s);
                }
                return v;
            }).orElse(Settings.DEFAULTS.confidenceLevel());
            Settings.IntervalMethod interval = f.optionalValue("interval", "one of wilson | jeffreys | clopper-pearson",
                    Settings.IntervalMethod::fromYaml).orElse(Settings.DEFAULTS.interval());
            List<String> regions = f.get("regions").map(r -> yaml.texts(r, "settings regions").stream()
                    .map(YamlFile.Scalar::value).toList()).orElse(Settings.DEFAULTS.regions());
            Settings.RunCharts runCharts = f.get("run_charts").flatMap(r -> yaml.fields(r, "settings run_charts", RUN_CHARTS))
                    .map(r -> new Settings.RunCharts(
                            r.optionalValue("shift_length", "a whole number of at least 2", s -> atLeast(s, 2))
                                    .orElse(Settings.RunCharts.NHS.shiftLength()),
                            r.optionalValue("trend_length", "a whole number of at least 3", s -> atLeast(s, 3))
                                    .orElse(Settings.RunCharts.NHS.trendLength()),
                            r.optionalValue("minimum_points", "a whole number of at least 2", s -> atLeast(s, 2))
                                    .orElse(Settings.RunCharts.NHS.minimumPoints()),
                            r.optionalValue("laney", "auto, on or off",
                                    s -> Settings.Laney.valueOf(s.toUpperCase(java.util.Locale.ROOT)))
                                    .orElse(Settings.RunCharts.NHS.laney())))
                    .orElse(Settings.RunCharts.NHS);
            String suppression = f.optionalValue("suppression", "one of " + String.join(" | ", Settings.SUPPRESSION_RULES), s -> {
                if (!Settings.SUPPRESSION_RULES.contains(s)) {
                    throw new IllegalArgumentException(s);
                }
                return s;
            }).orElse(Settings.DEFAULTS.suppression());
            boolean organisations = f.flag("suppress_organisations");
            double prior = f.optionalValue("prior", "a number strictly between 0 and 1", s -> {
                double p = Decimal.parse(s);
                if (!(p > 0 && p < 1)) {
                    throw new IllegalArgumentException(s);
                }
                return p;
            }).orElse(Settings.DEFAULTS.prior());
            int unitsListed = f.optionalValue("units_listed", "a whole number of at least 0", s -> atLeast(s, 0))
                    .orElse(Settings.UNITS_LISTED);
            return new Settings(level, interval, regions, runCharts, suppression, organisations, prior, unitsListed);
        }).orElse(Settings.DEFAULTS);
    }

    private Optional<PersonalDataSettings> readPersonalData(Node node) {
        return yaml.fields(node, "personal_data", PERSONAL_DATA).map(f -> {
            PersonalDataNames names = new PersonalDataNames(yaml);
            f.optionalTexts("names").forEach(n -> names.add(n.value(), n.node()));
            f.get("names_file").ifPresent(fileNode -> yaml.text(fileNode, "personal_data names_file").ifPresent(name -> {
                Path file = projectDir.resolve(name).normalize();
                if (confined(fileNode, "personal_data names_file", name, file)) {
                    names.readFile(fileNode, name, file);
                }
            }));
            int k = f.optionalValue("attribution_k", "a whole number of at least 2", s -> atLeast(s, 2))
                    .orElse(PersonalDataSettings.DEFAULT_K);
            return new PersonalDataSettings(names.names(), k);
        });
    }

    private static int atLeast(String text, int least) {
        int n = Integer.parseInt(text);
        if (n < least) {
            throw new IllegalArgumentException(text);
        }
        return n;
    }
}
