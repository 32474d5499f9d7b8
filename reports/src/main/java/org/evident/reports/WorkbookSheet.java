package org.evident.reports;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evident.toc.Grade;

/**
 * One sheet of the evidence workbook being written top to bottom: rows of typed cells, tables
 * with a bold header, and on {@link #finish} the column widths and the print setup.
 *
 * <p>Column widths are measured in characters as the cells are written rather than with POI's
 * {@code autoSizeColumn}: that needs AWT fonts, reads every cell again, and gives widths that
 * depend on which fonts the machine has. A character count is the same everywhere and is what
 * Excel's width unit (the width of a digit) approximates anyway.
 */
final class WorkbookSheet {
    /** Widest column, in characters; longer text wraps within it. */
    static final int MAX_WIDTH = 60;
    private static final int MIN_WIDTH = 6;
    /** Room for the autofilter's drop-down button beside a header's text. */
    private static final int FILTER_BUTTON = 3;
    /** Points a line of 11-point text takes in a row. */
    private static final float LINE_HEIGHT = 15f;

    /** How a cell's value is shown. */
    enum Kind {
        /** Text that wraps when it is wider than its column (decided on {@link #finish}). */
        TEXT(null),
        WRAP(null),
        /** Text that runs on over the empty cells to its right, never wraps, and does not widen its column: titles, notes. */
        OVERFLOW(null),
        COUNT("0"), PERCENT("0.0%"), DECIMAL("0.000"), DATE("yyyy-mm-dd"), MONTH("yyyy-mm");

        final String format;

        Kind(String format) {
            this.format = format;
        }
    }

    /** The workbook's cell styles, made once: a workbook holds at most 64,000 of them. */
    static final class Styles {
        private final XSSFWorkbook workbook;
        private final Map<Kind, XSSFCellStyle> plain = new EnumMap<>(Kind.class);
        private final Map<Kind, XSSFCellStyle> bold = new EnumMap<>(Kind.class);
        /** A style per grade, and one for "not yet assessed" (the empty grade). */
        private final Map<java.util.Optional<Grade>, XSSFCellStyle> grades = new java.util.HashMap<>();
        private final XSSFCellStyle header;
        private final XSSFFont boldFont;

        Styles(XSSFWorkbook workbook) {
            this.workbook = workbook;
            boldFont = workbook.createFont();
            boldFont.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(boldFont);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.TOP);
            header.setBorderBottom(BorderStyle.THIN);
            for (Kind kind : Kind.values()) {
                plain.put(kind, style(kind, false));
                bold.put(kind, style(kind, true));
            }
            java.util.List<java.util.Optional<Grade>> all = new java.util.ArrayList<>();
            for (Grade grade : Grade.values()) {
                all.add(java.util.Optional.of(grade));
            }
            all.add(java.util.Optional.empty());
            for (java.util.Optional<Grade> grade : all) {
                XSSFCellStyle style = workbook.createCellStyle();
                style.setFillForegroundColor(colour(GradeColours.fill(grade)));
                style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                XSSFFont font = workbook.createFont();
                font.setColor(colour(GradeColours.text(grade)));
                style.setFont(font);
                style.setVerticalAlignment(VerticalAlignment.TOP);
                // A thin white border keeps neighbouring cells of the same grade apart.
                style.setBorderBottom(BorderStyle.THIN);
                style.setBorderRight(BorderStyle.THIN);
                style.setBottomBorderColor(colour("#ffffff"));
                style.setRightBorderColor(colour("#ffffff"));
                grades.put(grade, style);
            }
        }

        private XSSFCellStyle style(Kind kind, boolean isBold) {
            XSSFCellStyle style = workbook.createCellStyle();
            if (kind.format != null) {
                style.setDataFormat(workbook.createDataFormat().getFormat(kind.format));
            }
            if (kind == Kind.DATE || kind == Kind.MONTH) {
                // Dates are labels here (a period, a month), read like the text around them.
                style.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.LEFT);
            }
            if (kind == Kind.WRAP) {
                style.setWrapText(true);
            }
            // Top alignment so a short cell beside a wrapped one lines up with its first line.
            style.setVerticalAlignment(VerticalAlignment.TOP);
            if (isBold) {
                style.setFont(boldFont);
            }
            return style;
        }

        XSSFCellStyle get(Kind kind, boolean isBold) {
            return (isBold ? bold : plain).get(kind);
        }

        /** The wrapping variant of a text style, or null when the style is not plain text. */
        XSSFCellStyle wrapping(XSSFCellStyle style) {
            // Compared by index: POI hands out a new style object for each cell it is asked about.
            if (style.getIndex() == plain.get(Kind.TEXT).getIndex()) {
                return plain.get(Kind.WRAP);
            }
            return style.getIndex() == bold.get(Kind.TEXT).getIndex() ? bold.get(Kind.WRAP) : null;
        }

        XSSFCellStyle grade(java.util.Optional<Grade> grade) {
            return grades.get(grade);
        }

        XSSFFont boldFont() {
            return boldFont;
        }

        /** A colour from a hex string such as {@code #3182bd}. */
        static XSSFColor colour(String hex) {
            int rgb = Integer.parseInt(hex.substring(1), 16);
            return new XSSFColor(new byte[] {(byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb}, null);
        }
    }

    final XSSFSheet sheet;
    private final Styles styles;
    private final Map<Integer, Integer> widths = new HashMap<>();
    private int next;
    private boolean hasTable;
    private boolean onePage;

    WorkbookSheet(XSSFWorkbook workbook, Styles styles, String name) {
        this.sheet = workbook.createSheet(name);
        this.styles = styles;
    }

    /** Prints the sheet on a single page (the summary), rather than one page wide and as long as it takes. */
    void printOnOnePage() {
        onePage = true;
    }

    /** The index of the next row to be written. */
    int nextRow() {
        return next;
    }

    /** Leaves {@code rows} rows empty. */
    void skip(int rows) {
        next += rows;
    }

    /** A bold title row above a table: it may be wider than the table's first column and runs on over the next. */
    void title(String text) {
        boldLine().overflow(text);
    }

    /** A row with a note such as "No row was rejected.", running on over the empty cells to its right. */
    void note(String text) {
        line().overflow(text);
    }

    /**
     * Labels a sheet whose figures are not (or not yet) real: the label in red on the tab, in the
     * printed page's header and in a note under the table, so the sheet is never read as real data
     * whether it is looked at, printed or scrolled to the end. The table's header stays the first row.
     */
    void label(String text) {
        sheet.setTabColor(Styles.colour("#b30000"));
        sheet.getHeader().setCenter(text);
        skip(1);
        note(text);
    }

    /** A bold header row; returns its row index, for {@link #table}. */
    int header(String... names) {
        int at = next++;
        XSSFRow row = sheet.createRow(at);
        for (int c = 0; c < names.length; c++) {
            XSSFCell cell = row.createCell(c);
            cell.setCellValue(names[c]);
            cell.setCellStyle(styles.header);
            measure(c, Math.min(longestLine(names[c]), 30) + FILTER_BUTTON);
        }
        return at;
    }

    /**
     * Marks the rows from {@code headerRow} to the last row written as a table. The sheet's first
     * table gets the autofilter (a sheet has only one) and, when its header is the first row, the
     * frozen header that stays in view and is printed on every page.
     */
    void table(int headerRow, int columns) {
        if (hasTable) {
            return;
        }
        hasTable = true;
        int last = Math.max(headerRow, next - 1);
        sheet.setAutoFilter(new CellRangeAddress(headerRow, last, 0, columns - 1));
        if (headerRow == 0) {
            sheet.createFreezePane(0, 1);
            sheet.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
        }
    }

    /** A new row to fill left to right. */
    Line line() {
        return new Line(sheet.createRow(next++), false);
    }

    /** A new row in bold, for totals. */
    Line boldLine() {
        return new Line(sheet.createRow(next++), true);
    }

    /** A row being filled left to right; a missing value leaves its cell empty. */
    final class Line {
        private final XSSFRow row;
        private final boolean bold;
        private int column;

        private Line(XSSFRow row, boolean bold) {
            this.row = row;
            this.bold = bold;
        }

        /**
         * Text, always as a string cell: a value from an input file such as {@code =1+2} or
         * {@code +44 20} must never become a formula or a number.
         */
        Line text(String value) {
            XSSFCell cell = row.createCell(column);
            if (value != null && !value.isEmpty()) {
                String text = fit(value);
                cell.setCellValue(text);
                cell.setCellStyle(styles.get(Kind.TEXT, bold));
                measure(column, longestLine(text));
            } else {
                cell.setCellStyle(styles.get(Kind.TEXT, bold));
            }
            column++;
            return this;
        }

        /** A bold label at the start of a row, such as "Programme" on the summary. */
        Line bold(String value) {
            XSSFCell cell = row.createCell(column);
            cell.setCellValue(fit(value));
            cell.setCellStyle(styles.get(Kind.TEXT, true));
            measure(column++, longestLine(value));
            return this;
        }

        /** Text that runs on over the empty cells to its right and leaves its column's width alone. */
        Line overflow(String value) {
            XSSFCell cell = row.createCell(column++);
            cell.setCellValue(fit(value));
            cell.setCellStyle(styles.get(Kind.OVERFLOW, bold));
            return this;
        }

        Line count(long value) {
            return number(value, Kind.COUNT, Long.toString(value).length());
        }

        Line count(OptionalLong value) {
            return value.isPresent() ? count(value.getAsLong()) : text(null);
        }

        /** A count as it may be published: a number, or the suppression rule's mark as text. */
        Line published(String shown) {
            java.util.OptionalLong n = org.evident.analysis.Suppressed.number(shown);
            return n.isPresent() ? count(n.getAsLong()) : text(shown);
        }

        Line share(OptionalDouble value) {
            return value.isPresent() ? number(value.getAsDouble(), Kind.PERCENT, 7) : text(null);
        }

        Line decimal(OptionalDouble value) {
            if (value.isEmpty()) {
                return text(null);
            }
            double v = value.getAsDouble();
            return number(v, Kind.DECIMAL, Long.toString((long) Math.abs(v)).length() + 5);
        }

        /** A number shown the way its kind says (count, percentage or decimal). */
        Line number(OptionalDouble value, Kind kind) {
            if (value.isEmpty()) {
                return text(null);
            }
            return switch (kind) {
                case COUNT -> number(value.getAsDouble(), Kind.COUNT, Long.toString(Math.round(value.getAsDouble())).length() + 1);
                case PERCENT -> share(value);
                default -> decimal(value);
            };
        }

        Line date(LocalDate value) {
            XSSFCell cell = row.createCell(column);
            cell.setCellValue(value);
            cell.setCellStyle(styles.get(Kind.DATE, bold));
            measure(column++, 10);
            return this;
        }

        Line month(LocalDate firstDay) {
            XSSFCell cell = row.createCell(column);
            cell.setCellValue(firstDay);
            cell.setCellStyle(styles.get(Kind.MONTH, bold));
            measure(column++, 7);
            return this;
        }

        /** A grade label (or "Not yet assessed") on its grade's colour; the caller may add a comment to the cell. */
        XSSFCell grade(java.util.Optional<Grade> grade) {
            XSSFCell cell = row.createCell(column);
            String label = Grade.labelOf(grade);
            cell.setCellValue(label);
            cell.setCellStyle(styles.grade(grade));
            measure(column++, label.length());
            return cell;
        }

        private Line number(double value, Kind kind, int shownWidth) {
            XSSFCell cell = row.createCell(column);
            if (Double.isFinite(value)) {
                cell.setCellValue(value);
                cell.setCellStyle(styles.get(kind, bold));
                measure(column, shownWidth);
            }
            column++;
            return this;
        }
    }

    /** Sets a column's width now, overriding the measured one (e.g. for grade columns). */
    void width(int column, int characters) {
        widths.put(column, -characters);
    }

    /**
     * Column widths, wrapping and row heights, and the print setup: landscape A4, one page wide
     * and as many pages long as it takes, with a footer naming the sheet and the page.
     */
    void finish() {
        Map<Integer, Integer> characters = new HashMap<>();
        for (Map.Entry<Integer, Integer> e : widths.entrySet()) {
            int width = e.getValue() < 0 ? -e.getValue() : Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, e.getValue()));
            characters.put(e.getKey(), width);
            // Excel's width unit is 1/256 of a digit's width; one character more for the cell padding.
            sheet.setColumnWidth(e.getKey(), (width + 1) * 256);
        }
        wrapAndFitRows(characters);
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        // Fit-to-page scaling is ignored unless the sheet asks for it.
        sheet.setFitToPage(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) (onePage ? 1 : 0));
        sheet.setAutobreaks(true);
        sheet.getFooter().setCenter("&A: page &P of &N");
    }

    /**
     * Text wider than its column wraps, and its row is made tall enough for the wrapped lines.
     * Neither Excel nor LibreOffice grows a row for wrapped text when it opens a file, so the
     * height is set here, from the same character count as the widths.
     */
    private void wrapAndFitRows(Map<Integer, Integer> characters) {
        for (org.apache.poi.ss.usermodel.Row row : sheet) {
            int lines = 1;
            for (org.apache.poi.ss.usermodel.Cell c : row) {
                if (c.getCellType() != org.apache.poi.ss.usermodel.CellType.STRING) {
                    continue;
                }
                XSSFCell cell = (XSSFCell) c;
                String text = cell.getStringCellValue();
                int width = characters.getOrDefault(cell.getColumnIndex(), 8);
                XSSFCellStyle wrapping = styles.wrapping(cell.getCellStyle());
                if (wrapping != null && (text.indexOf('\n') >= 0 || longestLine(text) > width)) {
                    cell.setCellStyle(wrapping);
                }
                if (cell.getCellStyle().getWrapText()) {
                    lines = Math.max(lines, wrappedLines(text, width));
                }
            }
            if (lines > 1) {
                // 15 points a line is Excel's default row for 11-point text; 409 points is its tallest row.
                row.setHeightInPoints(Math.min(409f, lines * LINE_HEIGHT + 2));
            }
        }
    }

    /** Lines the text takes when wrapped at word boundaries into {@code width} characters. */
    static int wrappedLines(String text, int width) {
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            lines++;
            int used = 0;
            for (String word : paragraph.split(" ", -1)) {
                int length = word.length();
                if (used > 0 && used + 1 + length > width) {
                    lines++;
                    used = 0;
                }
                // A word longer than the line breaks across lines.
                while (length > width) {
                    lines++;
                    length -= width;
                }
                used += (used > 0 ? 1 : 0) + length;
            }
        }
        return lines;
    }

    private void measure(int column, int characters) {
        Integer width = widths.get(column);
        if (width == null || (width >= 0 && characters > width)) {
            widths.put(column, characters);
        }
    }

    private static int longestLine(String text) {
        int longest = 0;
        for (String line : text.split("\n", -1)) {
            longest = Math.max(longest, line.length());
        }
        return longest;
    }

    /** A cell holds at most 32,767 characters; a longer value (a runaway CSV field) is cut, and says so. */
    private static String fit(String text) {
        int max = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
        if (text.length() <= max) {
            return text;
        }
        String mark = " [cut: " + text.length() + " characters]";
        return text.substring(0, max - mark.length()) + mark;
    }
}
