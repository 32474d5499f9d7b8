package org.evident.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Watches the slash dates (such as {@code 03/25/2024}) of a file's columns for the sign of a
 * month-first export: Evident reads {@code d/m/yyyy}, so a second field above 12 cannot be a
 * month. Such a value is rejected by the rules anyway; what this adds is the warning that the
 * column's other dates, which do parse, may have had their day and month swapped.
 */
final class DateOrder {
    /** Per column: slash dates whose second field is above 12 (month-first), whose first is (day-first). */
    private long[] monthFirst = new long[0];
    private long[] dayFirst = new long[0];
    private long[] firstRow = new long[0];
    private String[] example = new String[0];

    /** Looks at one record's cells. Cheap for cells that are not slash dates: a length and two characters. */
    void look(long row, String[] cells) {
        for (int c = 0; c < cells.length; c++) {
            look(row, c, cells[c]);
        }
    }

    /** Looks at the cell of column {@code c} (from 0); a reader of bytes calls it only for cells that may be slash dates. */
    void look(long row, int c, String cell) {
        if (cell == null || cell.length() < 8 || cell.length() > 10) {
            return;
        }
        int slash = cell.charAt(1) == '/' ? 1 : cell.charAt(2) == '/' ? 2 : -1;
        if (slash < 0) {
            return;
        }
        int second = cell.indexOf('/', slash + 1);
        if (second < 0 || second - slash < 2 || second - slash > 3 || cell.length() - second != 5) {
            return;
        }
        long first = Values.digits(cell, 0, slash);
        long middle = Values.digits(cell, slash + 1, second);
        if (first < 0 || middle < 0 || Values.digits(cell, second + 1, cell.length()) < 0) {
            return;
        }
        grow(c + 1);
        if (middle > 12 && first <= 12) {
            if (monthFirst[c]++ == 0) {
                firstRow[c] = row;
                example[c] = cell;
            }
        } else if (first > 12 && middle <= 12) {
            dayFirst[c]++;
        }
    }

    /** The warnings for the file: one per column with month-first dates, naming the column. */
    List<String> warnings(List<String> header) {
        List<String> warnings = new ArrayList<>();
        for (int c = 0; c < monthFirst.length; c++) {
            if (monthFirst[c] == 0) {
                continue;
            }
            String column = c < header.size() ? "'" + header.get(c) + "'" : "number " + (c + 1);
            warnings.add("column " + column + ": " + monthFirst[c] + (monthFirst[c] == 1 ? " date has" : " dates have")
                    + " a second field above 12 (first '" + example[c] + "' in row " + firstRow[c] + "), so "
                    + (dayFirst[c] == 0 ? "the column looks month-first (mm/dd/yyyy)"
                            : "the column mixes month-first dates with " + dayFirst[c] + " day-first ones")
                    + "; Evident reads dd/mm/yyyy, so those are rejected and the column's other slash dates may have"
                    + " their day and month swapped: write the dates as 2024-03-25 or 25/03/2024");
        }
        return warnings;
    }

    private void grow(int columns) {
        if (columns > monthFirst.length) {
            monthFirst = java.util.Arrays.copyOf(monthFirst, columns);
            dayFirst = java.util.Arrays.copyOf(dayFirst, columns);
            firstRow = java.util.Arrays.copyOf(firstRow, columns);
            example = java.util.Arrays.copyOf(example, columns);
        }
    }
}
