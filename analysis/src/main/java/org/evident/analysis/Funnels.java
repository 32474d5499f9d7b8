package org.evident.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

import org.evident.toc.EvaluationProject;
import org.evident.toc.Indicator;

/**
 * The funnels of a project's KPI returns: for each share or rate indicator, each ended period and
 * each level (regions; areas or systems) with at least {@value #MINIMUM_UNITS} units returning a
 * numerator and a positive denominator.
 */
final class Funnels {
    /** Fewer units than this are not a comparison worth a funnel (and give phi no footing). */
    static final int MINIMUM_UNITS = 3;

    private Funnels() {
    }

    static List<Funnel> of(EvaluationProject project, List<KpiRow> kpis, SuppressionRule rule) {
        Set<String> regions = Set.copyOf(project.evaluation().settings().regions());
        record Key(String indicator, String period, Funnel.Level level) {
        }
        Map<String, Indicator> indicators = new LinkedHashMap<>();
        project.theoryOfChange().indicators().forEach(i -> indicators.put(i.id(), i));
        Map<Key, List<KpiRow>> groups = new LinkedHashMap<>();
        for (KpiRow row : kpis) {
            Indicator indicator = indicators.get(row.indicator());
            if (indicator == null || row.unit().isEmpty() || row.toDate() || row.inProgress() || !comparable(indicator)
                    || row.numerator().isEmpty() || row.denominator().isEmpty() || row.denominator().getAsLong() <= 0) {
                continue;
            }
            Funnel.Level level = regions.contains(row.unit()) ? Funnel.Level.REGION : Funnel.Level.AREA;
            groups.computeIfAbsent(new Key(row.indicator(), row.period(), level), k -> new ArrayList<>()).add(row);
        }
        List<String> order = List.copyOf(indicators.keySet());
        List<Funnel> funnels = new ArrayList<>();
        groups.entrySet().stream()
                .filter(e -> e.getValue().size() >= MINIMUM_UNITS)
                .sorted(Comparator.comparingInt((Map.Entry<Key, List<KpiRow>> e) -> order.indexOf(e.getKey().indicator()))
                        .thenComparing(e -> e.getKey().level()))
                .forEach(e -> funnels.add(funnel(indicators.get(e.getKey().indicator()), e.getKey().period(), e.getKey().level(),
                        e.getValue(), rule)));
        return List.copyOf(funnels);
    }

    /** A share of a count or a rate of events per exposure, each period on its own (not a running total). */
    static boolean comparable(Indicator indicator) {
        return !indicator.cumulative() && (indicator.rate() || indicator.unit().equals("share"));
    }

    /**
     * One funnel, computed from the exact counts; then published under {@code rule}: a unit whose
     * count of people is small (its numerator, and for a share its denominator or the rest of it)
     * loses its numerator, value and position, and when only one unit would, the unit with the next
     * smallest numerator too, since the centre (the total over the total) less the shown units would
     * give it back. Under a rule that rounds, shown counts are rounded and the value and limits are
     * those of the rounded counts, as the survey tables derive shares.
     */
    static Funnel funnel(Indicator indicator, String period, Funnel.Level level, List<KpiRow> units, SuppressionRule rule) {
        boolean rate = indicator.rate();
        double per = rate ? indicator.per() : 1;
        List<KpiRow> rows = units.stream().sorted(Comparator.comparingLong((KpiRow r) -> -r.denominator().getAsLong())
                .thenComparing(KpiRow::unit)).toList();
        int k = rows.size();
        long x = 0;
        long n = 0;
        for (KpiRow r : rows) {
            x += r.numerator().getAsLong();
            n += r.denominator().getAsLong();
        }
        double p0 = (double) x / n;
        double[] z = new double[k];
        double[] s = new double[k];
        for (int i = 0; i < k; i++) {
            long xi = rows.get(i).numerator().getAsLong();
            long ni = rows.get(i).denominator().getAsLong();
            if (rate) {
                double expected = ni * p0;
                s[i] = 1 / (2 * Math.sqrt(expected));
                z[i] = (Math.sqrt(xi / expected) - 1) / s[i];
            } else {
                s[i] = 1 / (2 * Math.sqrt(ni));
                z[i] = (Math.asin(Math.sqrt((double) xi / ni)) - Math.asin(Math.sqrt(p0))) / s[i];
            }
        }
        double[] dispersion = FunnelLimits.dispersion(z, s);
        boolean over = FunnelLimits.overDispersed(dispersion[0], k) && dispersion[1] > 0;
        Funnel shape = new Funnel(indicator.id(), indicator.label(), period, level,
                rate ? Funnel.Kind.RATE : Funnel.Kind.PROPORTION, per, p0 * per, dispersion[0], dispersion[1], over, List.of());

        boolean[] hidden = new boolean[k];
        boolean[] denominatorHidden = new boolean[k];
        int hiddenCount = 0;
        for (int i = 0; i < k; i++) {
            long xi = rows.get(i).numerator().getAsLong();
            long ni = rows.get(i).denominator().getAsLong();
            denominatorHidden[i] = !rate && rule.isSmall(ni);
            hidden[i] = rule.isSmall(xi) || !rate && rule.isSmall(ni - xi) || denominatorHidden[i];
            hiddenCount += hidden[i] ? 1 : 0;
        }
        if (hiddenCount == 1) {
            int second = -1;
            for (int i = 0; i < k; i++) {
                long xi = rows.get(i).numerator().getAsLong();
                if (!hidden[i] && xi > 0 && (second < 0 || xi < rows.get(second).numerator().getAsLong())) {
                    second = i;
                }
            }
            if (second >= 0) {
                hidden[second] = true;
            }
        }
        List<Funnel.FunnelRow> published = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            KpiRow r = rows.get(i);
            long xi = r.numerator().getAsLong();
            long ni = r.denominator().getAsLong();
            Funnel.Limits exact = shape.limits(ni);
            double value = (double) xi / ni * per;
            long shownN = rule.rounds() && !rate ? Long.parseLong(rule.show(ni)) : ni;
            long shownX = rule.rounds() ? Long.parseLong(rule.show(xi)) : xi;
            OptionalLong denominator = denominatorHidden[i] ? OptionalLong.empty() : OptionalLong.of(shownN);
            Optional<Funnel.Limits> limits = denominatorHidden[i] || shownN == 0 ? Optional.empty()
                    : Optional.of(shownN == ni ? exact : shape.limits(shownN));
            if (hidden[i]) {
                published.add(new Funnel.FunnelRow(r.unit(), OptionalLong.empty(), denominator, OptionalDouble.empty(), limits,
                        Optional.empty(), Optional.empty(), rule.mark()));
            } else {
                OptionalDouble shownValue = shownN == 0 ? OptionalDouble.empty()
                        : OptionalDouble.of(rule.rounds() ? (double) shownX / shownN * per : value);
                published.add(new Funnel.FunnelRow(r.unit(), OptionalLong.of(shownX), denominator, shownValue, limits,
                        Optional.of(Funnel.Position.of(value, exact.lower998(), exact.upper998())),
                        Optional.of(Funnel.Position.of(value, exact.lower95(), exact.upper95())), ""));
            }
        }
        return new Funnel(shape.indicator(), shape.label(), period, level, shape.kind(), per, shape.centre(), shape.phi(),
                shape.tau2(), over, published);
    }
}
