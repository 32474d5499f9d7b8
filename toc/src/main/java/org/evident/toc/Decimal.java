package org.evident.toc;

/**
 * Numbers as people write them in project files and data files: digits, one sign, one point
 * and an exponent. Double.parseDouble alone would also take Java's own forms, hexadecimal
 * {@code 0x1p-1}, the type suffixes of {@code 0.8d} and {@code 2f}, {@code Infinity} and
 * {@code NaN}, none of which is a number a person typed; so every reader parses through here.
 */
public final class Decimal {
    /**
     * The largest magnitude accepted: beyond it a double no longer holds every whole number,
     * and a chart's range over such values overflows. No count, share or value comes near it.
     */
    public static final double LARGEST = 1e15;

    private Decimal() {
    }

    /**
     * @throws NumberFormatException when {@code text} is not in decimal notation;
     *                               {@link OutOfRange} when it is beyond {@link #LARGEST}
     */
    public static double parse(String text) {
        if (text.isEmpty()) {
            throw new NumberFormatException("empty");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                throw new NumberFormatException(text);
            }
        }
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value) || Math.abs(value) > LARGEST) {
            throw new OutOfRange(text);
        }
        return value;
    }

    /** A number in decimal notation too large to be a count, share or value. */
    public static final class OutOfRange extends NumberFormatException {
        private static final long serialVersionUID = 1L;

        OutOfRange(String text) {
            super(text + " is out of range (beyond 10^15)");
        }
    }
}
