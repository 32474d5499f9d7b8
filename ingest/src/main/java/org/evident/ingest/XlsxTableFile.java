package org.evident.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.ooxml.util.SAXHelper;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * One sheet of an XLSX workbook, read with POI's event (SAX) API so that only the row being
 * handled is in memory. The first non-blank row is the header. Date cells come out as ISO
 * dates, numbers in plain decimal notation, formulas as their cached results.
 */
final class XlsxTableFile implements TableFile {
    private final Path file;
    private final OPCPackage pkg;
    private final XSSFReader reader;
    private final String sheetName;
    private List<String> header;
    private long headerRow;
    private final List<String> warnings = new ArrayList<>();
    /** Dates typed as text (a date cell is read as ISO): month-first ones are warned about as in a CSV file. */
    private final DateOrder dates = new DateOrder();

    private XlsxTableFile(Path file, OPCPackage pkg, XSSFReader reader, String sheetName) {
        this.file = file;
        this.pkg = pkg;
        this.reader = reader;
        this.sheetName = sheetName;
    }

    static XlsxTableFile open(Path file, Optional<String> sheet) throws IOException {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException | RuntimeException e) {
            throw new DataFileException(file, 0, "is not a readable .xlsx workbook: " + e.getMessage());
        }
        try {
            XSSFReader reader = new XSSFReader(pkg);
            Map<String, String> states = sheetStates(reader);
            List<String> names = new ArrayList<>(states.keySet());
            if (names.isEmpty()) {
                throw new DataFileException(file, 0, "has no sheets");
            }
            List<String> visible = names.stream().filter(n -> states.get(n).equals("visible")).toList();
            if (sheet.isEmpty() && visible.isEmpty()) {
                throw new DataFileException(file, 0, "has no visible sheet (" + String.join(", ", names)
                        + " are all hidden); name the one to read with 'sheet:' in evaluation.yaml");
            }
            // The first sheet a user sees, as Excel shows it: a hidden sheet before it often holds stale rows.
            String chosen = sheet.orElse(visible.isEmpty() ? names.get(0) : visible.get(0));
            if (!names.contains(chosen)) {
                throw new DataFileException(file, 0, "has no sheet '" + chosen + "'; its sheets are " + String.join(", ", names));
            }
            XlsxTableFile table = new XlsxTableFile(file, pkg, reader, chosen);
            if (!states.get(chosen).equals("visible")) {
                table.warnings.add("sheet '" + chosen + "' is " + (states.get(chosen).equals("veryHidden") ? "very hidden"
                        : "hidden") + " in Excel; it is read because 'sheet:' names it");
            }
            table.readHeader();
            return table;
        } catch (OpenXML4JException | SAXException | ParserConfigurationException e) {
            pkg.revert();
            throw new DataFileException(file, 0, "is not a readable .xlsx workbook: " + e.getMessage());
        } catch (DataFileException e) {
            pkg.revert();
            throw e;
        } catch (IOException | RuntimeException e) {
            // Only POI runs here: a damaged workbook (found by ReadersPropertyTest: a part missing
            // made POI throw a NullPointerException) is named as unreadable, as any other.
            pkg.revert();
            throw new DataFileException(file, 0, "is not a readable .xlsx workbook: " + e);
        }
    }

    /**
     * Every sheet's name and state ({@code visible}, {@code hidden} or {@code veryHidden}) in tab
     * order, from the workbook part; POI's event API gives the names but not the states.
     */
    private static Map<String, String> sheetStates(XSSFReader reader) throws IOException, OpenXML4JException, SAXException,
            ParserConfigurationException {
        Map<String, String> states = new LinkedHashMap<>();
        XMLReader xml = SAXHelper.newXMLReader();
        xml.setContentHandler(new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, org.xml.sax.Attributes attributes) {
                String element = localName == null || localName.isEmpty() ? qName : localName;
                if (element.equals("sheet") || element.endsWith(":sheet")) {
                    String state = attributes.getValue("state");
                    states.put(attributes.getValue("name"), state == null ? "visible" : state);
                }
            }
        });
        try (InputStream workbook = reader.getWorkbookData()) {
            xml.parse(new InputSource(workbook));
        }
        return states;
    }

    @Override
    public List<String> warnings() {
        List<String> all = new ArrayList<>(warnings);
        all.addAll(dates.warnings(header));
        return all;
    }

    /** Carries an exception of the row handler through POI's parse, to tell it from POI's own. */
    private static final class FromHandler extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FromHandler(RuntimeException cause) {
            super(cause);
        }
    }

    /** Thrown to stop the SAX parse once the header has been seen. */
    private static final class HeaderFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HeaderFound() {
            super(null, null, false, false);
        }
    }

    private void readHeader() throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
        try {
            parse((row, cells) -> {
                if (cells.stream().anyMatch(c -> !c.isBlank())) {
                    header = cells;
                    headerRow = row;
                    throw new HeaderFound();
                }
            });
        } catch (HeaderFound found) {
            return;
        }
        throw new DataFileException(file, 0, "sheet '" + sheetName + "' is empty; expected a header row and data rows");
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public long headerRow() {
        return headerRow;
    }

    @Override
    public void rows(RowHandler handler) throws IOException {
        try {
            parse((row, cells) -> {
                if (row > headerRow) {
                    dates.look(row, cells.toArray(String[]::new));
                    try {
                        handler.row(row, cells);
                    } catch (RuntimeException e) {
                        throw new FromHandler(e);
                    }
                }
            });
        } catch (FromHandler e) {
            throw (RuntimeException) e.getCause();
        } catch (java.util.zip.ZipException e) {
            // Damaged compressed data inside the workbook (cut short or altered in transit): the
            // file's fault, not the machine's, so named as invalid input rather than a failed read.
            throw new DataFileException(file, 0, "is damaged: its compressed data cannot be unpacked (" + e.getMessage()
                    + "); save it again from Excel, or copy it again");
        } catch (OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            // What POI throws on a damaged sheet; what the row handler throws is passed on as it is.
            throw new DataFileException(file, 0, "cannot be read: " + e);
        }
    }

    private void parse(RowHandler handler) throws IOException, OpenXML4JException, SAXException,
            ParserConfigurationException {
        ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
        StylesTable styles = reader.getStylesTable();
        XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
        while (sheets.hasNext()) {
            try (InputStream sheet = sheets.next()) {
                if (!sheets.getSheetName().equals(sheetName)) {
                    continue;
                }
                XMLReader xml = SAXHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Rows(handler),
                        new IsoDataFormatter(), false));
                xml.parse(new InputSource(sheet));
                return;
            }
        }
    }

    /** Collects the cells of each row into a list, filling the gaps that blank cells leave. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowHandler handler;
        private final List<String> cells = new ArrayList<>();

        Rows(RowHandler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            handler.row(rowNum + 1L, new ArrayList<>(cells));
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            // The r= attribute is optional in the file format (some generators leave it out): a
            // cell without one is the next in its row.
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(value == null ? "" : value);
        }
    }

    /** Formats dates as ISO and numbers without grouping or exponents, whatever the cell's format says. */
    private static final class IsoDataFormatter extends DataFormatter {
        IsoDataFormatter() {
            super(Locale.UK);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime when = DateUtil.getLocalDateTime(value, use1904);
                return when.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? when.toLocalDate().toString()
                        : when.toString();
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }
    }

    @Override
    public void close() {
        pkg.revert();
    }
}
