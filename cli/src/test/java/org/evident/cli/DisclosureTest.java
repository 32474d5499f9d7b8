package org.evident.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.evident.analysis.Analysis;
import org.evident.analysis.AnalysisResult;
import org.evident.ingest.Ingest;
import org.evident.ingest.Pseudonymiser;
import org.evident.reports.CsvTables;
import org.evident.toc.EvaluationProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disclosure control that holds: under {@code suppression: nhs} and {@code fewer-than-5}, no published
 * share, interval, p-value, net agreement or difference in {@code survey_items.csv} gives back a count or
 * base that the rule hides or rounds.
 *
 * <p>The attack, worked without the code under test: for every row, every (count, base) pair the rule
 * allows behind what it prints (a count rounded to c is one of c-2..c+2 and at least 8, or 0; a hidden
 * count is 1..base (zero is never hidden), a hidden base 1..the largest base; a base of fewer-than-5 is exact) is tried, and its share, Wilson interval and exact
 * p-value are worked out by the formulas below, both from the pair itself and from the pair as the rule
 * would print it (so that a table that derives its figures from the printed counts is recognised as
 * such). A row gives its counts away when exactly one pair fits while the rule alone allows more. Then
 * the sums a reader can form (categories to the base, positive categories to the positive row, the other
 * categories to base minus positive, groups to the whole wave) narrow each count further by interval
 * arithmetic, until nothing changes; a count narrowed to one value that the rule printed as a range is
 * given away too. The true counts come from the same project run with {@code suppression: none}; the
 * test checks that the truth is always among the pairs that fit, so the attack itself cannot be wrong
 * in the safe direction.
 */
class DisclosureTest {
    /** Phi^-1(0.975): the 95% Wilson interval's z, to 16 digits (Abramowitz and Stegun table 26.5). */
    private static final double Z = 1.959963984540054;
    /** The tables print 6 decimals: a printed figure matches a computed one within half a unit of the last place. */
    private static final double HALF_UNIT = 0.5e-6 + 1e-12;

    @TempDir
    static Path tmp;

    @Test
    void workedExample_nhs_noFigureGivesACountAway() throws IOException {
        assertSafe(workedExample("nhs"), workedExample("none"), "nhs");
    }

    @Test
    void workedExample_fewerThan5_noFigureGivesACountAway() throws IOException {
        assertSafe(workedExample("fewer-than-5"), workedExample("none"), "fewer-than-5");
    }

    @Test
    void generatedSurveyWithSmallGroups_nhs_noFigureGivesACountAway() throws IOException {
        assertSafe(generated("nhs"), generated("none"), "nhs");
    }

    @Test
    void generatedSurveyWithSmallGroups_fewerThan5_noFigureGivesACountAway() throws IOException {
        assertSafe(generated("fewer-than-5"), generated("none"), "fewer-than-5");
    }

    @Test
    void wilsonAndBinomial_byHand() {
        // 15 of 19 at 95%: evidence.md gives about 0.567 to 0.915; worked: p = 0.789474, z^2 = 3.841459,
        // centre (0.789474 + 3.841459/38) / (1 + 3.841459/19) = 0.890564 / 1.202182 = 0.740790,
        // half 1.959964 * sqrt(0.789474*0.210526/19 + 3.841459/1444) / 1.202182 = 0.174133.
        double[] ci = wilson(15, 19);
        assertEquals(0.566657, ci[0], HALF_UNIT);
        assertEquals(0.914923, ci[1], HALF_UNIT);
        // P(X >= 19 | 19, 0.8) = 0.8^19 = 0.014412
        assertEquals(0.014412, pAbove(19, 19, 0.8), HALF_UNIT);
    }

    // ---------------------------------------------------------------------------------------------
    // The projects

    private static Path workedExample(String rule) throws IOException {
        Path dir = tmp.resolve("bcf-" + rule);
        if (!Files.exists(dir)) {
            Path from = Path.of(System.getProperty("evident.fixtures"), "bcf-support-programme");
            try (Stream<Path> files = Files.walk(from)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Path rel = from.relativize(f);
                    if (rel.startsWith("history") || rel.startsWith("aggregates")) {
                        continue;
                    }
                    Path to = dir.resolve(rel.toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(f, to);
                    }
                }
            }
            Path yaml = dir.resolve("evaluation.yaml");
            String text = Files.readString(yaml, StandardCharsets.UTF_8);
            assertTrue(text.contains("\nsettings:\n"), "the worked example has a settings block");
            Files.writeString(yaml, text.replace("\nsettings:\n", "\nsettings:\n  suppression: " + rule + "\n"), StandardCharsets.UTF_8);
        }
        return surveyTable(dir);
    }

    /**
     * 170 respondents in 9 regions of 2 to 45 people, four agreement items (with some "Don't know"),
     * a yes/no item and a multi-select item, broken down by region: many small groups.
     */
    private static Path generated(String rule) throws IOException {
        Path dir = tmp.resolve("generated-" + rule);
        if (!Files.exists(dir)) {
            Files.createDirectories(dir.resolve("data"));
            Files.writeString(dir.resolve("evaluation.yaml"), """
                    programme: Generated survey with small groups
                    reporting_date: 2025-03-31
                    periods:
                      phases:
                        - { id: wave-1, from: 2025-01-01, to: 2025-03-31 }
                    sources:
                      - id: survey
                        type: survey
                        file: data/survey.csv
                        period: wave-1
                        groups: [region]
                        items:
                          - { id: q1, type: agreement }
                          - { id: q2, type: agreement }
                          - { id: q3, type: agreement }
                          - { id: q4, type: agreement }
                          - { id: yn, type: yes_no }
                          - id: opts
                            type: multi_select
                            separator: ";"
                            options:
                              - { id: a, label: Option A }
                              - { id: b, label: Option B }
                              - { id: c, label: Option C }
                    settings:
                      suppression: %s
                    """.formatted(rule), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("toc.yaml"), """
                    nodes:
                      - { id: in, label: Funding, stage: input }
                      - { id: st, label: Satisfaction, stage: short_term_outcome }
                    links:
                      - { from: in, to: st }
                    indicators:
                      - { id: i1, node: st, label: Q1 agree, source: survey, measure: q1, target: 0.6 }
                      - { id: i2, node: st, label: Q2 agree, source: survey, measure: q2, target: 0.5 }
                      - { id: iy, node: st, label: Yes, source: survey, measure: yn, target: 0.4 }
                      - { id: ia, node: st, label: Option A, source: survey, measure: a, target: 0.3 }
                    """, StandardCharsets.UTF_8);
            String[] regions = {"North East", "North West", "Yorkshire", "East Midlands", "West Midlands", "East",
                "London", "South East", "South West"};
            int[] sizes = {2, 45, 6, 9, 31, 4, 38, 12, 23};
            String[] agreement = {"Strongly agree", "Agree", "Neither agree nor disagree", "Disagree", "Strongly disagree",
                "Don't know"};
            int[] weights = {25, 35, 15, 12, 8, 5};
            SplittableRandom random = new SplittableRandom(24);
            StringBuilder csv = new StringBuilder("respondent_id,region,q1,q2,q3,q4,yn,opts\n");
            int id = 0;
            for (int r = 0; r < regions.length; r++) {
                for (int i = 0; i < sizes[r]; i++) {
                    csv.append("R").append(++id).append(',').append(regions[r]);
                    for (int q = 0; q < 4; q++) {
                        csv.append(',').append(agreement[pick(random, weights)]);
                    }
                    csv.append(',').append(new String[] {"Yes", "No", "Don't know"}[pick(random, new int[] {45, 40, 15})]);
                    List<String> chosen = new ArrayList<>();
                    for (String[] o : new String[][] {{"Option A", "0.5"}, {"Option B", "0.3"}, {"Option C", "0.08"}}) {
                        if (random.nextDouble() < Double.parseDouble(o[1])) {
                            chosen.add(o[0]);
                        }
                    }
                    csv.append(',').append(String.join(";", chosen)).append('\n');
                }
            }
            Files.writeString(dir.resolve("data/survey.csv"), csv, StandardCharsets.UTF_8);
        }
        return surveyTable(dir);
    }

    private static int pick(SplittableRandom random, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        throw new AssertionError();
    }

    /** Analyses the project and writes its tables as `evident run` does; returns survey_items.csv. */
    private static Path surveyTable(Path dir) {
        Path out = dir.resolve("tables");
        if (!Files.exists(out.resolve("survey_items.csv"))) {
            EvaluationProject project = EvaluationProject.open(dir);
            AnalysisResult analysis = Analysis.run(project,
                    Ingest.read(project, Pseudonymiser.withKey("disclosure test key"), line -> { }));
            try {
                CsvTables.write(analysis.publishedTables(), out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out.resolve("survey_items.csv");
    }

    // ---------------------------------------------------------------------------------------------
    // The attack

    /** What a reader knows of one count: the values it may take. */
    private static final class Known {
        final TreeSet<Long> values = new TreeSet<>();
        final long truth;
        final int allowedByRule;
        final String where;

        Known(long truth, java.util.Collection<Long> values, int allowedByRule, String where) {
            this.truth = truth;
            this.values.addAll(values);
            this.allowedByRule = allowedByRule;
            this.where = where;
        }

        /** Keeps the values in lo..hi; true when that removed any. */
        boolean keep(long lo, long hi) {
            return values.removeIf(v -> v < lo || v > hi);
        }
    }

    private static void assertSafe(Path published, Path truth, String rule) throws IOException {
        List<CSVRecord> shown = read(published);
        List<CSVRecord> real = read(truth);
        assertEquals(real.size(), shown.size(), "the same rows with and without suppression");
        // A hidden base is usually a small one, but may be hidden to protect another: at most the largest shown.
        long largestBase = shown.stream().filter(r -> !r.get("n").isEmpty()).mapToLong(r -> Long.parseLong(r.get("n"))).max()
                .orElse(0) + 2;
        int figures = 0;
        List<String> identified = new ArrayList<>();
        // Known counts: key "group|item|option|row" for counts, "group|item|base" for bases.
        Map<String, Known> known = new LinkedHashMap<>();
        for (int i = 0; i < shown.size(); i++) {
            CSVRecord s = shown.get(i);
            CSVRecord t = real.get(i);
            String key = s.get("group") + "|" + s.get("item") + "|" + s.get("option") + "|" + s.get("row");
            assertEquals(key, t.get("group") + "|" + t.get("item") + "|" + t.get("option") + "|" + t.get("row"));
            long x = Long.parseLong(t.get("count"));
            long n = Long.parseLong(t.get("n"));
            TreeSet<Long> ns = window(s.get("n"), rule, true, largestBase);
            TreeSet<Long> xs = window(s.get("count"), rule, false, ns.isEmpty() ? 0 : ns.last());
            assertTrue(ns.contains(n) && xs.contains(x), key + ": the truth " + x + " of " + n + " is outside what the rule allows: " + s.toMap());
            for (String column : List.of("share", "ci_low", "ci_high", "p_exact", "net_agreement")) {
                figures += s.get(column).isEmpty() ? 0 : 1;
            }
            TreeSet<Long> fitX = new TreeSet<>();
            TreeSet<Long> fitN = new TreeSet<>();
            int allowed = 0;
            int fits = 0;
            for (long nn : ns) {
                for (long xx : xs) {
                    if (xx > nn) {
                        continue;
                    }
                    allowed++;
                    if (fits(s, xx, nn, rule)) {
                        fits++;
                        fitX.add(xx);
                        fitN.add(nn);
                    }
                }
            }
            assertTrue(fitX.contains(x) && fitN.contains(n), key + ": the truth " + x + " of " + n + " does not fit its own row "
                    + s.toMap() + ": the attack's formulas are wrong");
            if (fits == 1 && allowed > 1) {
                identified.add(key + ": " + x + " of " + n + " from share " + s.get("share") + ", interval " + s.get("ci_low")
                        + " to " + s.get("ci_high"));
            }
            known.put(key, new Known(x, fitX, xs.size(), key));
            String baseKey = s.get("group") + "|" + s.get("item") + "|base";
            Known base = known.get(baseKey);
            if (base == null) {
                known.put(baseKey, new Known(n, fitN, ns.size(), baseKey));
            } else {
                base.values.retainAll(fitN);
            }
        }
        int relations = differences(shown, real, known);
        for (Known k : known.values()) {
            assertTrue(k.values.contains(k.truth), k.where + ": the truth " + k.truth + " was ruled out by the sums: the attack is wrong");
            if (k.values.size() == 1 && k.allowedByRule > 1) {
                identified.add(k.where + ": " + k.truth + " from the sums");
            }
        }
        System.out.printf("disclosure check, %s, %s: %d rows, %d published figures and %d sums checked, %d give a count away%n",
                published.getParent().getParent().getFileName(), rule, shown.size(), figures, relations, identified.size());
        assertTrue(identified.isEmpty(), identified.size() + " published figures give hidden or rounded counts away:\n"
                + String.join("\n", identified));
    }

    /** The counts the rule allows behind a printed cell; {@code bound} caps a hidden one (its base, or the largest base). */
    private static TreeSet<Long> window(String printed, String rule, boolean base, long bound) {
        TreeSet<Long> values = new TreeSet<>();
        long lo;
        long hi;
        if (printed.isEmpty()) {
            // Hidden. Zero is never hidden, so a hidden count is at least 1. A hidden count or base may be
            // a second one hidden to protect the first, so it can be anything up to the bound.
            lo = 1;
            hi = Math.max(1, bound);
        } else {
            long c = Long.parseLong(printed);
            if (rule.equals("nhs") && c > 0) {
                // Rounded to the nearest 5, and a shown count is at least 8.
                lo = Math.max(8, c - 2);
                hi = c + 2;
            } else {
                lo = c;
                hi = c;
            }
        }
        for (long v = lo; v <= hi; v++) {
            values.add(v);
        }
        return values;
    }

    /** Whether the pair (x, n) reproduces the row's printed figures, from itself or from its printed counts. */
    private static boolean fits(CSVRecord row, long x, long n, String rule) {
        boolean direct = figuresMatch(row, x, n, x, n);
        long px = printed(x, rule);
        long pn = printed(n, rule);
        boolean rounded = px >= 0 && pn > 0 && figuresMatch(row, px, pn, x, n);
        return direct || rounded;
    }

    /** The count as the rule prints it, or -1 where it hides it. */
    private static long printed(long count, String rule) {
        long small = rule.equals("nhs") ? 7 : 4;
        if (count >= 1 && count <= small) {
            return -1;
        }
        return rule.equals("nhs") ? (count + 2) / 5 * 5 : count;
    }

    /**
     * Figures from (fx, fn); the verdict, which may be judged on the true counts, from either (fx, fn)
     * or (x, n).
     */
    private static boolean figuresMatch(CSVRecord row, long fx, long fn, long x, long n) {
        if (fn == 0) {
            return row.get("share").isEmpty();
        }
        if (!matches(row.get("share"), (double) fx / fn)) {
            return false;
        }
        double[] ci = wilson(fx, fn);
        if (!matches(row.get("ci_low"), ci[0]) || !matches(row.get("ci_high"), ci[1])) {
            return false;
        }
        String threshold = row.get("threshold");
        if (!threshold.isEmpty()) {
            double p0 = Double.parseDouble(threshold);
            if (!matches(row.get("p_exact"), pAbove(fx, fn, p0))) {
                return false;
            }
            String verdict = row.get("verdict");
            if (!verdict.isEmpty() && !verdict.equals(verdict(wilson(fx, fn), p0)) && !verdict.equals(verdict(wilson(x, n), p0))) {
                return false;
            }
        }
        String net = row.get("net_agreement");
        if (!net.isEmpty()) {
            // Net agreement = (positive - bottom two) / base, for some bottom-two count 0..base - positive.
            boolean any = false;
            for (long b = 0; b <= fn - fx && !any; b++) {
                any = matches(net, (double) (fx - b) / fn);
            }
            return any;
        }
        return true;
    }

    private static boolean matches(String printed, double value) {
        return printed.isEmpty() || Math.abs(Double.parseDouble(printed) - value) <= HALF_UNIT;
    }

    /** Wilson score interval at 95% (evidence.md), ends pinned to 0 at x = 0 and 1 at x = n. */
    static double[] wilson(long x, long n) {
        double p = (double) x / n;
        double z2 = Z * Z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return new double[] {x == 0 ? 0 : Math.max(0, centre - half), x == n ? 1 : Math.min(1, centre + half)};
    }

    /** P(X >= x) for X binomial(n, p0), summed from the probabilities in logs. */
    static double pAbove(long x, long n, double p0) {
        double sum = 0;
        for (long k = x; k <= n; k++) {
            double log = logChoose(n, k) + k * Math.log(p0) + (n - k) * Math.log1p(-p0);
            sum += Math.exp(log);
        }
        return Math.min(1, sum);
    }

    private static double logChoose(long n, long k) {
        double s = 0;
        for (long i = 1; i <= k; i++) {
            s += Math.log(n - k + i) - Math.log(i);
        }
        return s;
    }

    private static String verdict(double[] ci, double target) {
        if (ci[0] > target) {
            return "met";
        }
        if (ci[1] < target) {
            return "not met";
        }
        return "inconclusive: too few answers to say";
    }

    /**
     * Narrows every count by the sums a reader can form, until nothing changes; returns how many sums
     * were used. A sum is used only where it holds in the true counts (for a multi-select item the
     * options do not add up to the base; the reader knows the item's type from the questionnaire).
     */
    private static int differences(List<CSVRecord> shown, List<CSVRecord> real, Map<String, Known> known) {
        List<List<String>> sums = new ArrayList<>(); // each: a total's key, then its parts' keys
        Map<String, List<CSVRecord>> byGroupItem = new LinkedHashMap<>();
        for (CSVRecord r : shown) {
            byGroupItem.computeIfAbsent(r.get("group") + "|" + r.get("item"), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<CSVRecord>> e : byGroupItem.entrySet()) {
            String gi = e.getKey();
            List<String> categories = new ArrayList<>();
            List<String> positive = new ArrayList<>();
            List<String> others = new ArrayList<>();
            String positiveKey = null;
            for (CSVRecord r : e.getValue()) {
                String key = gi + "|" + r.get("option") + "|" + r.get("row");
                if (r.get("row").equals("positive")) {
                    positiveKey = key;
                    List<String> labels = List.of(r.get("option").split(" \\+ "));
                    for (String c : categories) {
                        (labels.contains(c.split("\\|")[2]) ? positive : others).add(c);
                    }
                } else {
                    categories.add(key);
                }
            }
            List<String> base = new ArrayList<>(List.of(gi + "|base"));
            base.addAll(categories);
            sums.add(base);
            if (positiveKey != null) {
                List<String> p = new ArrayList<>(List.of(positiveKey));
                p.addAll(positive);
                sums.add(p);
                List<String> rest = new ArrayList<>(List.of(gi + "|base", positiveKey));
                rest.addAll(others);
                sums.add(rest);
            }
        }
        // Groups of one breakdown add up to the whole wave, count by count.
        Map<String, List<String>> across = new LinkedHashMap<>();
        for (String key : known.keySet()) {
            String group = key.substring(0, key.indexOf('|'));
            if (group.isEmpty()) {
                continue;
            }
            String breakdown = group.substring(0, group.indexOf(": "));
            String rest = key.substring(key.indexOf('|'));
            across.computeIfAbsent(breakdown + rest, k -> {
                List<String> list = new ArrayList<>();
                list.add(rest);
                return list;
            }).add(key);
        }
        for (List<String> list : across.values()) {
            List<String> sum = new ArrayList<>();
            sum.add(list.get(0)); // the whole wave's key is "" + rest
            sum.addAll(list.subList(1, list.size()));
            sums.add(sum);
        }
        int used = 0;
        List<List<String>> holding = new ArrayList<>();
        for (List<String> sum : sums) {
            if (!sum.stream().allMatch(known::containsKey)) {
                continue;
            }
            long total = known.get(sum.get(0)).truth;
            long parts = 0;
            for (String k : sum.subList(1, sum.size())) {
                parts += known.get(k).truth;
            }
            if (total == parts) {
                holding.add(sum);
                used++;
            }
        }
        boolean changed = true;
        for (int round = 0; changed && round < 50; round++) {
            changed = false;
            for (List<String> sum : holding) {
                Known total = known.get(sum.get(0));
                List<Known> parts = sum.subList(1, sum.size()).stream().map(known::get).toList();
                long partsLo = parts.stream().mapToLong(k -> k.values.first()).sum();
                long partsHi = parts.stream().mapToLong(k -> k.values.last()).sum();
                changed |= total.keep(partsLo, partsHi);
                for (Known part : parts) {
                    long othersLo = partsLo - part.values.first();
                    long othersHi = partsHi - part.values.last();
                    changed |= part.keep(total.values.first() - othersHi, total.values.last() - othersLo);
                }
                if (parts.stream().anyMatch(k -> k.values.isEmpty()) || total.values.isEmpty()) {
                    throw new AssertionError("the sum " + sum + " rules out every value: the attack is wrong");
                }
            }
        }
        return used;
    }

    private static List<CSVRecord> read(Path csv) throws IOException {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
