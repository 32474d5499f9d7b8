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
            "sources", "settings");
    private static final Set<String> PERIODS = Set.of("quarters", "phases");
    private static final Set<String> RANGE = Set.of("from", "to");
    private static final Set<String> PHASE = Set.of("id", "label", "from", "to");
    private static final Set<String> SOURCE = Set.of("id", "type", "file", "period");
    private static final Set<String> SETTINGS = Set.of("confidence_level", "interval");

    private final YamlFile yaml;
    private final Path projectDir;
    private final Map<String, Node> periodAt = new HashMap<>();
    private final List<Period> periods = new ArrayList<>();

    private EvaluationReader(YamlFile yaml, Path projectDir) {
        this.yaml = yaml;
        this.projectDir = projectDir;
    }

    static Optional<Evaluation> read(YamlFile yaml, Path projectDir) {
        return yaml.root().flatMap(root -> new EvaluationReader(yaml, projectDir).readRoot(root));
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
        if (programme.isEmpty() || reportingDate.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Evaluation(programme.get(), organisation, reportingDate.get(), periods, sources,
                settings));
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
                Optional<Source.Type> type = f.requiredValue("type", "one of tracker | survey | kpi | findings",
                        s -> Source.Type.valueOf(s.toUpperCase(Locale.ROOT)));
                Optional<String> file = f.requiredText("file");
                Optional<String> period = f.optionalText("period");
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
                if (id.isEmpty() || type.isEmpty() || file.isEmpty()) {
                    return;
                }
                Node first = seen.putIfAbsent(id.get(), f.get("id").orElseThrow());
                if (first != null) {
                    yaml.error(f.get("id").orElseThrow(), "duplicate source id '" + id.get()
                            + "' (first defined at line " + YamlFile.line(first) + ")");
                    return;
                }
                Path resolved = projectDir.resolve(file.get()).normalize();
                if (!Files.isRegularFile(resolved)) {
                    yaml.warning(f.get("file").orElseThrow(), what + ": file " + file.get() + " does not exist (yet)");
                }
                sources.add(new Source(id.get(), type.get(), resolved, period));
            });
        }
        return sources;
    }

    private Settings readSettings(Node node) {
        return yaml.fields(node, "settings", SETTINGS).map(f -> {
            double level = f.optionalValue("confidence_level", "a number between 0.5 and 0.999", s -> {
                double v = Double.parseDouble(s);
                if (!(v >= 0.5 && v <= 0.999)) {
                    throw new IllegalArgumentException(s);
                }
                return v;
            }).orElse(Settings.DEFAULTS.confidenceLevel());
            Settings.IntervalMethod interval = f.optionalValue("interval", "one of wilson | jeffreys | clopper-pearson",
                    Settings.IntervalMethod::fromYaml).orElse(Settings.DEFAULTS.interval());
            return new Settings(level, interval);
        }).orElse(Settings.DEFAULTS);
    }
}
