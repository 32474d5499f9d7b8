package org.evident.reports;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.ComparisonOperator;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.evident.analysis.PublishedTable;
import org.evident.toc.Grade;

/**
 * One sheet of the evidence workbook, written top to bottom as the Analysis Function's guidance
 * "Releasing statistics in spreadsheets" lays a sheet out: the title in A1, a few lines of
 * description, then one table, marked up as a named Excel table with one header row and filter
 * buttons, no merged cells and no blank rows or columns inside it.
 *
 * <p>The sheet may be streamed (POI's SXSSF): rows are written once, in order, and never read
 * back, so column widths are measured from the table's cells before its first row is written and
 * each row's height is set as it is written. Widths are counted in characters rather than with
 * POI's {@code autoSizeColumn}, which needs AWT fonts and gives widths that depend on the machine.
 */
final class WorkbookSheet {
    /** Widest column, in characters; longer text wraps within it. */
    static final int MAX_WIDTH = 60;
    /** A column whose text runs long (explanations, evidence) wraps at this width, so its rows stay a few lines tall. */
    static final int WIDE_TEXT = 90;
    private static final int MIN_WIDTH = 6;
    /** Room for the filter button beside a header's text. */
    private static final int FILTER_BUTTON = 3;
    /** Points a line of 11-point text takes in a row. */
    static final float LINE_HEIGHT = 15f;
    /** Lines of description above a table are cut into rows of at most this many characters, not left to run off the page. */
    private static final int LINE_CHARACTERS = 110;

    /**
     * How a cell's value is shown: the one place where a published column's type becomes an Excel
     * number format (counts as whole numbers, shares as percentages, changes in shares in
     * percentage points, days as whole days).
     */
    enum Kind {
        TEXT(null), COUNT("#,##0"), PERCENT("0.0%"), POINTS("+0.0\" pp\";-0.0\" pp\";0.0\" pp\""), DECIMAL("#,##0.0##"),
        DAYS("#,##0"), MONTH("yyyy-mm");

        final String format;

        Kind(String format) {
            this.format = format;
        }

        static Kind of(PublishedTable.Format format) {
            return switch (format) {
                case SHARE -> PERCENT;
                case POINTS -> POINTS;
                case WHOLE -> COUNT;
                case DAYS -> DAYS;
                case DECIMAL -> DECIMAL;
            };
        }

        /** The value the cell holds: a change in shares is held in points (0.05 becomes 5.0), as the format shows it. */
        double cellValue(double value) {
            return this == POINTS ? value * 100 : value;
        }

        /** Characters the shown value takes, for the column's width. */
        int shownWidth(double value) {
            int whole = Long.toString(Math.round(Math.abs(cellValue(value)))).length();
            int separators = (whole - 1) / 3;
            return switch (this) {
                case COUNT, DAYS -> whole + separators + 1;
                case PERCENT -> Long.toString(Math.round(Math.abs(value * 100))).length() + 4;
                case POINTS -> whole + 6;
                case DECIMAL -> whole + 5;
                default -> 10;
            };
        }
    }

    /** The workbook's cell styles, made once: a workbook holds at most 64,000 of them. */
    static final class Styles {
        private final XSSFWorkbook workbook;
        private final Map<Kind, XSSFCellStyle> plain = new EnumMap<>(Kind.class);
        private final Map<Kind, XSSFCellStyle> bold = new EnumMap<>(Kind.class);
        private final XSSFCellStyle wrap;
        private final XSSFCellStyle boldWrap;
        private final XSSFCellStyle header;
        private final XSSFCellStyle title;
        private final XSSFCellStyle heading;
        private final XSSFCellStyle line;
        private final XSSFCellStyle link;
        private final XSSFCellStyle grade;
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
            wrap = style(Kind.TEXT, false);
            wrap.setWrapText(true);
            boldWrap = style(Kind.TEXT, true);
            boldWrap.setWrapText(true);
            XSSFFont titleFont = workbook.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 15);
            title = workbook.createCellStyle();
            title.setFont(titleFont);
            XSSFFont headingFont = workbook.createFont();
            headingFont.setBold(true);
            headingFont.setFontHeightInPoints((short) 12);
            heading = workbook.createCellStyle();
            heading.setFont(headingFont);
            line = workbook.createCellStyle();
            XSSFFont linkFont = workbook.createFont();
            linkFont.setUnderline(org.apache.poi.ss.usermodel.Font.U_SINGLE);
            linkFont.setColor(colour("#0b4ea2"));
            link = style(Kind.TEXT, false);
            link.setFont(linkFont);
            // A grade's colour comes from conditional formatting (so it follows an edited grade); the
            // border keeps neighbouring cells of the same colour from looking merged.
            grade = style(Kind.TEXT, false);
            grade.setBorderTop(BorderStyle.THIN);
            grade.setBorderBottom(BorderStyle.THIN);
            grade.setBorderLeft(BorderStyle.THIN);
            grade.setBorderRight(BorderStyle.THIN);
            XSSFColor white = colour("#ffffff");
            grade.setTopBorderColor(white);
            grade.setBottomBorderColor(white);
            grade.setLeftBorderColor(white);
            grade.setRightBorderColor(white);
        }

        private XSSFCellStyle style(Kind kind, boolean isBold) {
            XSSFCellStyle style = workbook.createCellStyle();
            if (kind.format != null) {
                style.setDataFormat(workbook.createDataFormat().getFormat(kind.format));
            }
            if (kind == Kind.MONTH) {
                // A month is a label here, read like the text around it.
                style.setAlignment(HorizontalAlignment.LEFT);
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

        XSSFCellStyle title() {
            return title;
        }

        XSSFCellStyle heading() {
            return heading;
        }

        XSSFCellStyle wrap(boolean isBold) {
            return isBold ? boldWrap : wrap;
        }

        /** A colour from a hex string such as {@code #3182bd}. */
        static XSSFColor colour(String hex) {
            int rgb = Integer.parseInt(hex.substring(1), 16);
            return new XSSFColor(new byte[] {(byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb}, null);
        }
    }

    /** Where a table landed: its sheet, header row and data rows (0-based), for charts and links that point at it. */
    record Placement(String sheet, int headerRow, int firstRow, int lastRow, List<String> headers) {
        /** The absolute reference of one column's data rows, such as {@code 'Run chart data'!$D$5:$D$12}. */
        String range(int column, int from, int to) {
            return new AreaReference(new CellReference(sheet, from, column, true, true),
                    new CellReference(sheet, to, column, true, true), SpreadsheetVersion.EXCEL2007).formatAsString();
        }

        CellReference header(int column) {
            return new CellReference(sheet, headerRow, column, true, true);
        }
    }

    /** What a table needs besides its cells. */
    record Options(String tableName, List<String> headers, IntFunction<String> linkOfRow, String whenEmpty) {
    }

    final Sheet sheet;
    final XSSFSheet xssf;
    private final Styles styles;
    private int next;
    private boolean onePage;

    /**
     * @param sheet the sheet cells are written to (streamed or not)
     * @param xssf  the same sheet as XSSF holds it, for what streaming does not offer (tables, charts)
     */
    WorkbookSheet(Sheet sheet, XSSFSheet xssf, Styles styles) {
        this.sheet = sheet;
        this.xssf = xssf;
        this.styles = styles;
    }

    /** Prints the sheet on a single page, rather than one page wide and as long as it takes. */
    void printOnOnePage() {
        onePage = true;
    }

    int nextRow() {
        return next;
    }

    void skip(int rows) {
        next += rows;
    }

    /** The sheet's title, in A1 when it is the first row. */
    void title(String text) {
        cell(sheet.createRow(next++), 0, fit(text), styles.title());
    }

    /** A bold heading of the cover sheet. */
    void heading(String text) {
        Row row = sheet.createRow(next++);
        row.setHeightInPoints(20);
        cell(row, 0, fit(text), styles.heading());
    }

    /** Lines of plain text in column A, each row at most {@value #LINE_CHARACTERS} characters, cut between words. */
    void text(String text) {
        for (String paragraph : text.split("\n")) {
            for (String line : lines(paragraph, LINE_CHARACTERS)) {
                cell(sheet.createRow(next++), 0, fit(line), null);
            }
        }
    }

    /** Text in column A that links to a place in the workbook, such as {@code 'Notes'!A1}. */
    void link(String text, String address) {
        Cell cell = sheet.createRow(next++).createCell(0);
        cell.setCellValue(text);
        Hyperlink link = sheet.getWorkbook().getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
        link.setAddress(address);
        cell.setHyperlink(link);
        cell.setCellStyle(styles.link);
    }

    /**
     * Labels a sheet whose figures are not (or not yet) real: the label in red on the tab, in the
     * printed page's header and as a line above the table, so the sheet is never read as real data
     * whether it is looked at or printed.
     */
    void label(String text) {
        xssf.setTabColor(Styles.colour("#b30000"));
        sheet.getHeader().setCenter(text);
        text(text);
    }

    /**
     * The table: one header row, then a row per published row, each cell as its column's type
     * says; the range becomes an Excel table named {@code options.tableName()}, with filter
     * buttons, its header frozen in view and printed on every page. A table with no rows gets one
     * row of {@code [z]} (an Excel table needs a data row), and the line above it says why.
     */
    Placement table(PublishedTable table, Options options) {
        List<String> headers = options.headers();
        int columns = headers.size();
        boolean empty = table.rows().isEmpty();
        if (empty) {
            text(options.whenEmpty());
        }
        int[] widths = widths(table, headers);
        for (int c = 0; c < columns; c++) {
            sheet.setColumnWidth(c, (widths[c] + 1) * 256);
        }
        int headerRow = next++;
        Row header = sheet.createRow(headerRow);
        int headerLines = 1;
        for (int c = 0; c < columns; c++) {
            cell(header, c, headers.get(c), styles.header);
            headerLines = Math.max(headerLines, wrappedLines(headers.get(c), widths[c] - FILTER_BUTTON));
        }
        if (headerLines > 1) {
            header.setHeightInPoints(headerLines * LINE_HEIGHT + 2);
        }
        Drawing<?> drawing = null;
        Map<Integer, Boolean> gradeColumns = new HashMap<>();
        for (int r = 0; r < table.rows().size(); r++) {
            List<PublishedTable.Cell> cells = table.rows().get(r);
            boolean total = cells.get(0) instanceof PublishedTable.Text t && t.value().equals(org.evident.analysis.Delivery.TOTAL);
            Row row = sheet.createRow(next++);
            int lines = 1;
            for (int c = 0; c < columns; c++) {
                PublishedTable.Cell value = cells.get(c);
                PublishedTable.Type type = table.columns().get(c).type();
                if (value instanceof PublishedTable.GradeCell g) {
                    Cell cell = cell(row, c, Grade.labelOf(g.grade()), styles.grade);
                    gradeColumns.put(c, true);
                    if (!g.explanation().isBlank()) {
                        drawing = drawing == null ? sheet.createDrawingPatriarch() : drawing;
                        comment(drawing, cell, g.explanation());
                    }
                } else if (value instanceof PublishedTable.Text t) {
                    String text = fit(t.value());
                    boolean wraps = text.indexOf('\n') >= 0 || longestLine(text) > widths[c] * TEXT_PER_DIGIT;
                    cell(row, c, text, wraps ? styles.wrap(total) : styles.get(Kind.TEXT, total));
                    if (wraps) {
                        lines = Math.max(lines, wrappedLines(text, widths[c]));
                    }
                    if (c == 0 && options.linkOfRow() != null) {
                        Hyperlink link = sheet.getWorkbook().getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
                        link.setAddress(options.linkOfRow().apply(r));
                        row.getCell(c).setHyperlink(link);
                        row.getCell(c).setCellStyle(styles.link);
                    }
                } else if (value instanceof PublishedTable.Count n) {
                    number(row, c, n.value(), Kind.COUNT, total);
                } else if (value instanceof PublishedTable.Number n) {
                    Kind kind = Kind.of(n.format());
                    number(row, c, kind.cellValue(n.value()), kind, total);
                } else if (value instanceof PublishedTable.Month m) {
                    Cell cell = row.createCell(c);
                    cell.setCellValue(m.value().atDay(1));
                    cell.setCellStyle(styles.get(Kind.MONTH, total));
                } else if (value instanceof PublishedTable.Missing m) {
                    String shown = shorthand(type, m);
                    if (!shown.isEmpty()) {
                        cell(row, c, shown, styles.get(Kind.TEXT, total));
                    }
                }
            }
            if (lines > 1) {
                row.setHeightInPoints(lines * LINE_HEIGHT + 2);
            }
        }
        if (empty) {
            Row row = sheet.createRow(next++);
            for (int c = 0; c < columns; c++) {
                cell(row, c, Shorthand.NOT_APPLICABLE, null);
            }
        }
        int last = next - 1;
        namedTable(options.tableName(), headerRow, last, headers);
        for (int c : gradeColumns.keySet()) {
            gradeColours(new CellRangeAddress(headerRow + 1, last, c, c));
        }
        sheet.createFreezePane(0, headerRow + 1);
        sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
        return new Placement(sheet.getSheetName(), headerRow, headerRow + 1, last, headers);
    }

    /** The shorthand the guidance gives for a cell that is not a number, or the text it carries. */
    static String shorthand(PublishedTable.Type type, PublishedTable.Missing missing) {
        if (type == PublishedTable.Type.TEXT || List.of(Shorthand.NOT_AVAILABLE, Shorthand.CONFIDENTIAL, Shorthand.NOT_APPLICABLE)
                .contains(missing.mark())) {
            return missing.mark();
        }
        // A count or number with a mark was hidden by a suppression rule; without one it is not available.
        return missing.mark().isEmpty() ? Shorthand.NOT_AVAILABLE : Shorthand.CONFIDENTIAL;
    }

    /** The shorthand of the guidance, explained on the Cover and Notes sheets. */
    static final class Shorthand {
        static final String NOT_AVAILABLE = "[x]";
        static final String CONFIDENTIAL = "[c]";
        static final String NOT_APPLICABLE = "[z]";

        private Shorthand() {
        }
    }

    /**
     * The range as an Excel table: named, its columns named after the header cells (set here, as
     * a streamed sheet's rows are gone by the time POI would read them), with filter buttons.
     */
    private void namedTable(String name, int headerRow, int lastRow, List<String> headers) {
        AreaReference area = new AreaReference(new CellReference(headerRow, 0),
                new CellReference(lastRow, headers.size() - 1), SpreadsheetVersion.EXCEL2007);
        XSSFTable table = xssf.createTable(area);
        table.setName(name);
        table.setDisplayName(name);
        var ct = table.getCTTable();
        for (int c = 0; c < headers.size(); c++) {
            ct.getTableColumns().getTableColumnArray(c).setName(headers.get(c));
        }
        ct.addNewAutoFilter().setRef(area.formatAsString());
        var style = ct.isSetTableStyleInfo() ? ct.getTableStyleInfo() : ct.addNewTableStyleInfo();
        // Our own formats and the grades' colours show; the style adds the header's line and filter buttons only.
        style.setName("TableStyleLight1");
        style.setShowRowStripes(false);
        style.setShowColumnStripes(false);
        style.setShowFirstColumn(false);
        style.setShowLastColumn(false);
    }

    /** Each grade on its colour, by conditional formatting: an analyst who edits a grade sees its colour follow. */
    private void gradeColours(CellRangeAddress range) {
        SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
        List<Optional<Grade>> grades = new ArrayList<>();
        for (Grade g : Grade.values()) {
            grades.add(Optional.of(g));
        }
        grades.add(Optional.empty());
        for (Optional<Grade> grade : grades) {
            ConditionalFormattingRule rule = formatting.createConditionalFormattingRule(ComparisonOperator.EQUAL,
                    "\"" + Grade.labelOf(grade) + "\"");
            rule.createPatternFormatting().setFillBackgroundColor(Styles.colour(GradeColours.fill(grade)));
            rule.createFontFormatting().setFontColor(Styles.colour(readableText(GradeColours.fill(grade), GradeColours.text(grade))));
            formatting.addConditionalFormatting(new CellRangeAddress[] {range}, rule);
        }
    }

    /**
     * The text colour for a fill: the report's, or black where the report's falls short of WCAG's
     * 4.5:1 contrast for body text (white on the strongest grade's blue is 4.2:1, black 5.1:1).
     */
    static String readableText(String fill, String text) {
        return contrast(fill, text) >= 4.5 ? text : "#000000";
    }

    /** WCAG 2.1's contrast ratio of two colours given as {@code #rrggbb}. */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        double[] channels = {(rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff};
        double[] weights = {0.2126, 0.7152, 0.0722};
        double l = 0;
        for (int i = 0; i < 3; i++) {
            double c = channels[i] / 255;
            l += weights[i] * (c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
        return l;
    }

    /** Column widths in characters: the widest cell, capped; a column of long text wraps at a readable width. */
    private static int[] widths(PublishedTable table, List<String> headers) {
        int columns = headers.size();
        int[] widths = new int[columns];
        int[] longest = new int[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = Math.min(longestWord(headers.get(c)), 30) + FILTER_BUTTON;
            widths[c] = Math.max(widths[c], Math.min(headers.get(c).length(), 16) + FILTER_BUTTON);
        }
        for (List<PublishedTable.Cell> row : table.rows()) {
            for (int c = 0; c < columns; c++) {
                PublishedTable.Cell cell = row.get(c);
                int shown;
                if (cell instanceof PublishedTable.Number n) {
                    shown = Kind.of(n.format()).shownWidth(n.value());
                } else if (cell instanceof PublishedTable.Count n) {
                    shown = Kind.COUNT.shownWidth(n.value());
                } else if (cell instanceof PublishedTable.Month) {
                    shown = 8;
                } else if (cell instanceof PublishedTable.Missing m) {
                    shown = Math.max(4, m.mark().length());
                } else {
                    shown = longestLine(cell instanceof PublishedTable.GradeCell g ? Grade.labelOf(g.grade()) : cell.csv());
                }
                longest[c] = Math.max(longest[c], shown);
            }
        }
        for (int c = 0; c < columns; c++) {
            int cap = longest[c] > 4 * MAX_WIDTH ? WIDE_TEXT : MAX_WIDTH;
            widths[c] = Math.max(MIN_WIDTH, Math.min(cap, Math.max(widths[c], longest[c])));
        }
        return widths;
    }

    private Cell cell(Row row, int column, String value, XSSFCellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
        return cell;
    }

    private void number(Row row, int column, double value, Kind kind, boolean bold) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(styles.get(kind, bold));
    }

    private static void comment(Drawing<?> drawing, Cell cell, String text) {
        ClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, cell.getColumnIndex() + 1, cell.getRowIndex(),
                cell.getColumnIndex() + 7, cell.getRowIndex() + Math.min(30, 2 + (int) text.lines().count() + text.length() / 60));
        Comment comment = drawing.createCellComment(anchor);
        comment.setString(new XSSFRichTextString(fit(text)));
        comment.setAuthor("Evident");
        // POI files the comment under the anchor's first cell, the one to the right; a streamed cell does not move it back.
        comment.setAddress(cell.getAddress());
        cell.setCellComment(comment);
    }

    /** Print setup: landscape A4, one page wide and as many pages long as it takes, the sheet and page in the footer. */
    void finish() {
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
     * Lines the text takes when wrapped at word boundaries in a column {@code width} digits wide.
     * Text runs narrower than digits, the unit of a column's width: measured on LibreOffice's
     * rendering (Carlito for Calibri), a line of a 90-digit column holds about 150 characters of
     * prose; Calibri in Excel holds fewer, so {@value #TEXT_PER_DIGIT} per digit, which leaves
     * Excel's lines whole and LibreOffice's rows a little tall rather than cut.
     */
    static int wrappedLines(String text, int width) {
        int characters = (int) Math.floor(width * TEXT_PER_DIGIT);
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            lines += lines(paragraph, characters).size();
        }
        return lines;
    }

    /** Characters of text a column holds per digit of its width, conservatively. */
    static final double TEXT_PER_DIGIT = 1.2;

    /** The paragraph cut between words into lines of at most {@code width} characters (a longer word on its own). */
    static List<String> lines(String paragraph, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split(" ", -1)) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            // A word longer than the line breaks across lines.
            while (rest.length() > width) {
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(rest.substring(0, width));
                rest = rest.substring(width);
            }
            line.append(line.length() > 0 ? " " : "").append(rest);
        }
        lines.add(line.toString());
        return lines;
    }

    static int longestLine(String text) {
        int longest = 0;
        for (String line : text.split("\n", -1)) {
            longest = Math.max(longest, line.length());
        }
        return longest;
    }

    private static int longestWord(String text) {
        int longest = 0;
        for (String word : text.split("[ \n]")) {
            longest = Math.max(longest, word.length());
        }
        return longest;
    }

    /** A cell holds at most 32,767 characters; a longer value (a runaway CSV field) is cut, and says so. */
    static String fit(String text) {
        int max = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
        if (text.length() <= max) {
            return text;
        }
        String mark = " [cut: " + text.length() + " characters]";
        return text.substring(0, max - mark.length()) + mark;
    }
}
