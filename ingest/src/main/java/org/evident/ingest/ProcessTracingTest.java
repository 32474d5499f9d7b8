package org.evident.ingest;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a coded finding is worth as a test of its claim in Bayesian process tracing (contribution
 * tracing, Befani and Stedman-Bryce 2017): how likely the evidence is to be found if the claim is
 * true, and if it is false.
 *
 * <p>A test type gives both numbers by default; numbers written on the row override them:
 * <table>
 *   <caption>Defaults by test type</caption>
 *   <tr><th>type</th><th>sensitivity</th><th>type I error</th><th>why</th></tr>
 *   <tr><td>{@code hoop}</td><td>0.95</td><td>0.5</td><td>the claim almost surely leaves this trace; finding
 *       it says little, missing it says a lot</td></tr>
 *   <tr><td>{@code smoking_gun}</td><td>0.3</td><td>0.05</td><td>the trace rarely appears without the claim;
 *       finding it says a lot, missing it says little</td></tr>
 *   <tr><td>{@code doubly_decisive}</td><td>0.95</td><td>0.05</td><td>both</td></tr>
 *   <tr><td>{@code straw_in_the_wind}</td><td>0.6</td><td>0.4</td><td>a likelihood ratio near 1 either way</td></tr>
 * </table>
 *
 * @param type         the test type as written in the canonical form ({@code hoop}, {@code smoking_gun},
 *                     {@code doubly_decisive}, {@code straw_in_the_wind}), or empty when only the numbers were given
 * @param sensitivity  Se = P(E | H), strictly between 0 and 1
 * @param typeOneError alpha = P(E | not H), strictly between 0 and 1
 */
public record ProcessTracingTest(Optional<String> type, double sensitivity, double typeOneError) {

    /** The test types with their default numbers, so that a row may name a type and give no numbers. */
    enum Type {
        HOOP(0.95, 0.5),
        SMOKING_GUN(0.3, 0.05),
        DOUBLY_DECISIVE(0.95, 0.05),
        STRAW_IN_THE_WIND(0.6, 0.4);

        static final String EXPECTED = "hoop, smoking_gun, doubly_decisive or straw_in_the_wind";

        final double sensitivity;
        final double typeOneError;

        Type(double sensitivity, double typeOneError) {
            this.sensitivity = sensitivity;
            this.typeOneError = typeOneError;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ProcessTracingTest {
        Objects.requireNonNull(type, "type");
        type.ifPresent(t -> {
            for (Type known : Type.values()) {
                if (known.label().equals(t)) {
                    return;
                }
            }
            throw new IllegalArgumentException("'" + t + "' is not a test type; the types are " + Type.EXPECTED);
        });
        // 0 or 1 would let a single item settle the claim for good: no later evidence could move it.
        if (!(sensitivity > 0 && sensitivity < 1)) {
            throw new IllegalArgumentException("sensitivity must lie strictly between 0 and 1, got " + sensitivity);
        }
        if (!(typeOneError > 0 && typeOneError < 1)) {
            throw new IllegalArgumentException("type I error must lie strictly between 0 and 1, got " + typeOneError);
        }
    }
}
