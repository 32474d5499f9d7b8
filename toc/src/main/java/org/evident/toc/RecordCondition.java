package org.evident.toc;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A test on one column of a record: the value is one of {@code in}, or a number within
 * {@code atLeast} and {@code atMost} (both inclusive; either may be absent).
 */
public record RecordCondition(String column, List<String> in, OptionalDouble atLeast, OptionalDouble atMost) {
    public RecordCondition {
        Objects.requireNonNull(column, "column");
        in = List.copyOf(in);
        Objects.requireNonNull(atLeast, "atLeast");
        Objects.requireNonNull(atMost, "atMost");
        if (in.isEmpty() == (atLeast.isEmpty() && atMost.isEmpty())) {
            throw new IllegalArgumentException("a condition on " + column + " is either 'in' or 'at_least'/'at_most'");
        }
    }

    /** Whether the column is compared as a number. */
    public boolean numeric() {
        return in.isEmpty();
    }
}
