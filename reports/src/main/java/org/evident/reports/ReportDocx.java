package org.evident.reports;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlException;
import org.evident.diagram.Png;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STSectionMark;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.StylesDocument;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The report as a Word document (report.docx), made by walking the same XHTML the PDF is drawn
 * from, so the two cannot drift apart: headings become Word's built-in headings (the report's
 * title its Title, chapters Heading 1, their sections Heading 2), tables real Word tables with a
 * repeating header row, charts pictures with their alt text. Every paragraph carries a named
 * style (report-styles.xml), so a programme lead restyles the report by editing a style.
 */
final class ReportDocx {
    /** A4 and the PDF's margins, in twentieths of a point. */
    private static final int A4_SHORT = 11906;
    private static final int A4_LONG = 16838;
    private static final int SIDE_MARGIN = mmToTwips(18);
    private static final int TOP_MARGIN = mmToTwips(22);
    private static final int BOTTOM_MARGIN = mmToTwips(18);
    private static final double EMU_PER_MM = 36_000;
    /** The diagram's parts are drawn for Word at this many pixels per millimetre (about 250 dpi). */
    private static final double DIAGRAM_PX_PER_MM = 10;
    private static final Pattern WIDTH_PERCENT = Pattern.compile("width:\\s*([0-9.]+)%");
    private static final Pattern SIZE_MM = Pattern.compile("width:\\s*([0-9.]+)mm;\\s*height:\\s*([0-9.]+)mm");
    private static final Pattern COLOURS = Pattern.compile("background-color:\\s*#([0-9a-fA-F]{6});\\s*color:\\s*#([0-9a-fA-F]{6})");

    private final ReportInput input;
    private final List<byte[]> images;
    private final XWPFDocument doc = new XWPFDocument();
    private boolean landscape;
    private boolean breakBefore;
    private int pictures;

    private ReportDocx(ReportInput input, List<byte[]> images) {
        this.input = input;
        this.images = images;
    }

    /**
     * Writes report.docx from {@code xhtml}, the document {@link ReportPdf} draws.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    static void write(ReportInput input, ReportHtml.Document xhtml, Path file) {
        ReportDocx docx = new ReportDocx(input, xhtml.images());
        try {
            docx.styles();
            Element body = docx.body(xhtml.forPdf());
            docx.headerAndFooter(body);
            docx.blocks(body);
            docx.finish();
            var evaluation = input.project().evaluation();
            OfficeFiles.writeDated(docx.doc, file, evaluation.reportingDate(), evaluation.programme() + ": evidence assessment");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + file + ": " + e.getMessage(), e);
        }
    }

    private Element body(String xhtml) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)));
            return children(document.getDocumentElement()).stream().filter(e -> e.getLocalName().equals("body")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the report's XHTML has no body"));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the report's XHTML does not parse: " + e.getMessage(), e);
        }
    }

    private void styles() throws IOException {
        try (InputStream in = ReportDocx.class.getResourceAsStream("report-styles.xml")) {
            doc.createStyles().setStyles(StylesDocument.Factory.parse(in).getStyles());
        } catch (XmlException e) {
            throw new IllegalStateException("report-styles.xml does not parse: " + e.getMessage(), e);
        }
        // The list styles point at these numbering definitions: 1 bullets, 2 numbers.
        XWPFNumbering numbering = doc.createNumbering();
        numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(list(0, STNumberFormat.BULLET, "\u2022"))));
        numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(list(1, STNumberFormat.DECIMAL, "%1."))));
        // Word refreshes the table of contents (and its page numbers) when the file is opened.
        doc.enforceUpdateFields();
    }

    private static CTAbstractNum list(int id, STNumberFormat.Enum format, String text) {
        CTAbstractNum list = CTAbstractNum.Factory.newInstance();
        list.setAbstractNumId(BigInteger.valueOf(id));
        CTLvl level = list.addNewLvl();
        level.setIlvl(BigInteger.ZERO);
        level.addNewStart().setVal(BigInteger.ONE);
        level.addNewNumFmt().setVal(format);
        level.addNewLvlText().setVal(text);
        var indent = level.addNewPPr().addNewInd();
        indent.setLeft(BigInteger.valueOf(360));
        indent.setHanging(BigInteger.valueOf(360));
        return list;
    }

    /** The running header's text on every page but the title page, and "Page N of M" at the foot. */
    private void headerAndFooter(Element body) {
        String header = children(body).stream().filter(e -> hasClass(e, "running-header")).map(Node::getTextContent).findFirst()
                .orElse("");
        doc.createHeader(HeaderFooterType.FIRST);
        XWPFParagraph top = doc.createHeader(HeaderFooterType.DEFAULT).createParagraph();
        top.setStyle("Header");
        top.createRun().setText(header);
        doc.createFooter(HeaderFooterType.FIRST);
        XWPFParagraph foot = doc.createFooter(HeaderFooterType.DEFAULT).createParagraph();
        foot.setStyle("Footer");
        foot.createRun().setText("Page ");
        field(foot, "PAGE", "1");
        foot.createRun().setText(" of ");
        field(foot, "NUMPAGES", "1");
        CTSectPr section = sectionProperties();
        portrait(section);
        // The title page has neither (as in the PDF): its own empty header and footer.
        if (!section.isSetTitlePg()) {
            section.addNewTitlePg();
        }
    }

    private static void field(XWPFParagraph p, String instruction, String shown) {
        var field = p.getCTP().addNewFldSimple();
        field.setInstr(instruction);
        field.addNewR().addNewT().setStringValue(shown);
    }

    private CTSectPr sectionProperties() {
        var body = doc.getDocument().getBody();
        return body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
    }

    private static void portrait(CTSectPr section) {
        page(section, A4_SHORT, A4_LONG, false);
    }

    private static void page(CTSectPr section, int width, int height, boolean landscape) {
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(width));
        size.setH(BigInteger.valueOf(height));
        if (landscape) {
            size.setOrient(STPageOrientation.LANDSCAPE);
        } else if (size.isSetOrient()) {
            size.unsetOrient();
        }
        CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(TOP_MARGIN));
        margins.setBottom(BigInteger.valueOf(BOTTOM_MARGIN));
        margins.setLeft(BigInteger.valueOf(SIDE_MARGIN));
        margins.setRight(BigInteger.valueOf(SIDE_MARGIN));
        margins.setHeader(BigInteger.valueOf(mmToTwips(10)));
        margins.setFooter(BigInteger.valueOf(mmToTwips(8)));
    }

    /**
     * Ends the section so far with a paragraph carrying its page setup (Word keeps a section's setup
     * on its last paragraph), so what follows starts on a new page turned the other way.
     */
    private void endSection(boolean wasLandscape, boolean first) {
        XWPFParagraph end = doc.createParagraph();
        CTSectPr section = (CTSectPr) sectionProperties().copy();
        if (!first && section.isSetTitlePg()) {
            section.unsetTitlePg();
        }
        page(section, wasLandscape ? A4_LONG : A4_SHORT, wasLandscape ? A4_SHORT : A4_LONG, wasLandscape);
        section.addNewType().setVal(STSectionMark.NEXT_PAGE);
        end.getCTP().addNewPPr().setSectPr(section);
        breakBefore = false;
    }

    private int sections;

    private void finish() {
        CTSectPr last = sectionProperties();
        if (sections > 0 && last.isSetTitlePg()) {
            last.unsetTitlePg();
        }
    }

    private void blocks(Element parent) throws IOException {
        List<Element> children = children(parent);
        for (int i = 0; i < children.size(); i++) {
            block(children.get(i));
        }
    }

    private void block(Element e) throws IOException {
        switch (e.getLocalName()) {
            case "div" -> division(e);
            case "h1" -> paragraph(hasClass(e, "title") ? "Title" : "Heading1", e);
            case "h2" -> {
                if (hasClass(e, "contents-title")) {
                    contents(e);
                } else {
                    paragraph("Heading1", e);
                }
            }
            case "h3" -> paragraph("Heading2", e);
            case "h4", "h5", "h6" -> paragraph("Heading3", e);
            case "p" -> paragraph(paragraphStyle(e), e);
            case "ul", "ol" -> {
                if (!hasClass(e, "contents-list")) {
                    for (Element item : children(e)) {
                        paragraph(e.getLocalName().equals("ul") ? "ListBullet" : "ListNumber", item);
                    }
                }
            }
            case "dl" -> {
                for (Element item : children(e)) {
                    paragraph(item.getLocalName().equals("dt") ? "Term" : "Definition", item);
                }
            }
            case "blockquote" -> paragraph("Quote", e);
            case "table" -> table(e);
            case "img" -> image(e);
            case "svg" -> diagramPart(e);
            default -> blocks(e);
        }
    }

    private void division(Element e) throws IOException {
        if (hasClass(e, "running-header")) {
            return;
        }
        if (hasClass(e, "explain")) {
            paragraph("Explanation", e);
            return;
        }
        // The diagram's own pages (TocSection's A4 or A3 landscape sheets) turn as the landscape pages do.
        boolean turns = (hasClass(e, "landscape") || hasClass(e, "toc-a4") || hasClass(e, "toc-a3")) && !landscape;
        if (turns) {
            endSection(false, sections++ == 0);
            landscape = true;
        }
        breakBefore |= hasClass(e, "diagram-part");
        blocks(e);
        if (turns) {
            endSection(true, false);
            sections++;
            landscape = false;
        }
    }

    private static String paragraphStyle(Element p) {
        if (hasClass(p, "caption")) {
            return "Caption";
        }
        if (hasClass(p, "kicker")) {
            return "Subtitle";
        }
        if (hasClass(p, "note") || hasClass(p, "made-by")) {
            return "Note";
        }
        return "Normal";
    }

    private XWPFParagraph paragraph(String style, Element e) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(style);
        if (breakBefore) {
            p.setPageBreak(true);
            breakBefore = false;
        }
        inline(p, e, false, style.equals("Explanation"));
        return p;
    }

    /**
     * "Contents" and a table-of-contents field over Heading 1 and 2, holding the chapters' titles
     * as its current result: Word brings it up to date with page numbers on opening, and a
     * reader that does not update fields (LibreOffice converting) shows the titles.
     */
    private void contents(Element heading) {
        XWPFParagraph title = doc.createParagraph();
        title.setStyle("TOCHeading");
        title.createRun().setText(heading.getTextContent().strip());
        List<Element> entries = new ArrayList<>();
        collectHeadings(heading.getOwnerDocument().getDocumentElement(), entries);
        for (int i = 0; i < entries.size(); i++) {
            XWPFParagraph p = doc.createParagraph();
            p.setStyle(entries.get(i).getLocalName().equals("h2") ? "TOC1" : "TOC2");
            if (i == 0) {
                XWPFRun begin = p.createRun();
                var fldChar = begin.getCTR().addNewFldChar();
                fldChar.setFldCharType(STFldCharType.BEGIN);
                fldChar.setDirty(true);
                p.createRun().getCTR().addNewInstrText().setStringValue(" TOC \\o \"1-2\" \\h \\z \\u ");
                p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
            }
            p.createRun().setText(entries.get(i).getTextContent().strip());
            if (i == entries.size() - 1) {
                p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
            }
        }
    }

    private static void collectHeadings(Element e, List<Element> into) {
        for (Element child : children(e)) {
            if ((child.getLocalName().equals("h2") && !hasClass(child, "contents-title")) || child.getLocalName().equals("h3")) {
                into.add(child);
            } else {
                collectHeadings(child, into);
            }
        }
    }

    /** Text and line breaks of {@code node} as runs; bold inside b, strong and th, italic inside i and em. */
    private static void inline(XWPFParagraph p, Node node, boolean bold, boolean keepLines) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE) {
                String text = child.getNodeValue();
                if (keepLines) {
                    String[] lines = text.split("\n", -1);
                    for (int i = 0; i < lines.length; i++) {
                        XWPFRun run = p.createRun();
                        run.setText(lines[i]);
                        run.setBold(bold);
                        if (i < lines.length - 1) {
                            run.addBreak();
                        }
                    }
                    continue;
                }
                text = text.replaceAll("\\s+", " ");
                if (child.getPreviousSibling() == null) {
                    text = text.stripLeading();
                }
                if (child.getNextSibling() == null) {
                    text = text.stripTrailing();
                }
                if (!text.isEmpty()) {
                    XWPFRun run = p.createRun();
                    run.setText(text);
                    if (bold) {
                        run.setBold(true);
                    }
                }
            } else if (child instanceof Element e) {
                switch (e.getLocalName()) {
                    case "br" -> p.createRun().addBreak();
                    case "b", "strong" -> inline(p, e, true, keepLines);
                    default -> inline(p, e, bold, keepLines);
                }
            }
        }
    }

    // ---- Tables ------------------------------------------------------------------------------

    private void table(Element e) {
        List<Element> rows = new ArrayList<>();
        List<Boolean> header = new ArrayList<>();
        for (Element part : children(e)) {
            boolean head = part.getLocalName().equals("thead");
            for (Element row : part.getLocalName().equals("tr") ? List.of(part) : children(part)) {
                rows.add(row);
                header.add(head);
            }
        }
        int columns = 0;
        for (Element row : rows) {
            int n = 0;
            for (Element cell : children(row)) {
                n += span(cell);
            }
            columns = Math.max(columns, n);
        }
        if (rows.isEmpty() || columns == 0) {
            return;
        }
        int[] widths = widths(e, rows, columns);
        XWPFTable table = doc.createTable(rows.size(), columns);
        table.setStyleID("ReportTable");
        CTTblPr properties = table.getCTTbl().getTblPr();
        CTTblWidth width = properties.isSetTblW() ? properties.getTblW() : properties.addNewTblW();
        width.setType(STTblWidth.DXA);
        width.setW(BigInteger.valueOf(java.util.Arrays.stream(widths).sum()));
        // Fixed: the columns keep the widths given here rather than Word's guess from the first lines.
        properties.addNewTblLayout().setType(STTblLayoutType.FIXED);
        CTTblGrid grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int w : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
        for (int r = 0; r < rows.size(); r++) {
            XWPFTableRow row = table.getRow(r);
            row.setCantSplitRow(true);
            if (header.get(r)) {
                row.setRepeatHeader(true);
            }
            List<Element> cells = children(rows.get(r));
            int column = 0;
            for (int c = 0; c < cells.size(); c++) {
                Element source = cells.get(c);
                int span = Math.min(span(source), columns - column);
                XWPFTableCell cell = row.getCell(c);
                CTTcPr cellProperties = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
                int cellWidth = 0;
                for (int k = column; k < column + span; k++) {
                    cellWidth += widths[k];
                }
                CTTblWidth w = cellProperties.addNewTcW();
                w.setType(STTblWidth.DXA);
                w.setW(BigInteger.valueOf(cellWidth));
                if (span > 1) {
                    cellProperties.addNewGridSpan().setVal(BigInteger.valueOf(span));
                }
                column += span;
                cell(cell, source, header.get(r) || hasClass(rows.get(r), "stage") || hasClass(rows.get(r), "total"));
            }
            // The cells a span covers are not cells of their own.
            for (int extra = row.getTableCells().size() - 1; extra >= cells.size(); extra--) {
                row.removeCell(extra);
            }
        }
    }

    private static void cell(XWPFTableCell cell, Element source, boolean heading) {
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setStyle(heading || source.getLocalName().equals("th") ? "TableHeading" : "TableText");
        if (hasClass(source, "num")) {
            p.setAlignment(ParagraphAlignment.RIGHT);
        } else if (hasClass(source, "grade")) {
            p.setAlignment(ParagraphAlignment.CENTER);
        }
        inline(p, source, false, false);
        // A grade's cell keeps its colour, which is what the grade looks like everywhere else.
        Matcher colours = COLOURS.matcher(source.getAttribute("style"));
        if (colours.find()) {
            cell.setColor(colours.group(1).toUpperCase(Locale.ROOT));
            for (XWPFRun run : p.getRuns()) {
                run.setColor(colours.group(2).toUpperCase(Locale.ROOT));
            }
        } else if (source.getLocalName().equals("th")) {
            cell.setColor("F2F2F2");
        }
    }

    private static int span(Element cell) {
        String span = cell.getAttribute("colspan");
        return span.isEmpty() ? 1 : Math.max(1, Integer.parseInt(span));
    }

    /**
     * Column widths in twips across the page: a width the XHTML gives (a percentage, or the
     * report's wide and outcome columns) is kept; the others share the rest by the length of their
     * longest text, within limits, so a column of numbers is narrow and one of sentences wide.
     */
    private int[] widths(Element table, List<Element> rows, int columns) {
        double[] percent = new double[columns];
        double[] weight = new double[columns];
        int[] least = new int[columns];
        for (Element row : rows) {
            List<Element> cells = children(row);
            int column = 0;
            for (Element cell : cells) {
                int span = span(cell);
                if (span == 1 && column < columns) {
                    Matcher m = WIDTH_PERCENT.matcher(cell.getAttribute("style"));
                    if (m.find()) {
                        percent[column] = Double.parseDouble(m.group(1));
                    } else if (cell.getLocalName().equals("th") && hasClass(cell, "wide")) {
                        percent[column] = 35;
                    } else if (cell.getLocalName().equals("th") && hasClass(cell, "outcome") && hasClass(table, "grades")) {
                        percent[column] = 52;
                    }
                    weight[column] = Math.max(weight[column], Math.min(40, Math.max(5, cell.getTextContent().strip().length())));
                    least[column] = Math.max(least[column], Math.min(contentWidth() / 6, unbroken(cell)));
                }
                column += span;
            }
        }
        double given = 0;
        double shared = 0;
        for (int c = 0; c < columns; c++) {
            given += percent[c];
            shared += percent[c] > 0 ? 0 : weight[c];
        }
        boolean narrow = hasClass(table, "narrow") || hasClass(table, "legend");
        int page = contentWidth() * (narrow ? 1 : 2) / 2;
        int[] widths = new int[columns];
        double rest = Math.max(0, 100 - given);
        // Each column at least as wide as its longest word (a number's whole text), so no word is
        // broken letter by letter down a narrow column; the room left goes by the shares above.
        int leastTotal = java.util.Arrays.stream(least).sum();
        double shrink = leastTotal > page ? (double) page / leastTotal : 1;
        double[] wanted = new double[columns];
        double more = 0;
        for (int c = 0; c < columns; c++) {
            double share = percent[c] > 0 ? percent[c] * (given > 100 ? 100 / given : 1)
                    : shared > 0 ? rest * weight[c] / shared : 0;
            wanted[c] = Math.max(0, page * share / 100 - least[c] * shrink);
            more += wanted[c];
        }
        double room = Math.max(0, page - leastTotal * shrink);
        for (int c = 0; c < columns; c++) {
            widths[c] = (int) Math.round(least[c] * shrink + (more > 0 ? room * wanted[c] / more : room / columns));
        }
        return widths;
    }

    /**
     * The width in twips a cell's text needs on one line at the table's 8 points: its longest word,
     * or all of it in a cell the XHTML keeps on one line (numbers, periods).
     */
    private static int unbroken(Element cell) {
        String text = cell.getTextContent().strip();
        int longest = 0;
        if (hasClass(cell, "num") || hasClass(cell, "nowrap")) {
            // Each line by itself: "56 of 65" goes below the share, after a br.
            for (Node child = cell.getFirstChild(); child != null; child = child.getNextSibling()) {
                longest = Math.max(longest, child.getTextContent().strip().length());
            }
        } else {
            for (String word : text.split("\\s+")) {
                longest = Math.max(longest, word.length());
            }
        }
        // About 110 twips a character of 8-point Arial, bold included, and the cell's margins.
        return longest * 110 + 200;
    }

    private int contentWidth() {
        return (landscape ? A4_LONG : A4_SHORT) - 2 * SIDE_MARGIN;
    }

    // ---- Pictures ----------------------------------------------------------------------------

    /** An image of the XHTML at its size there (within the page), with its alt text as the picture's description. */
    private void image(Element img) throws IOException {
        byte[] png = images.get(ReportHtml.imageIndex(img.getAttribute("src")));
        Matcher size = SIZE_MM.matcher(img.getAttribute("style"));
        if (!size.find()) {
            throw new IllegalStateException("an image of the report has no size in millimetres: " + img.getAttribute("style"));
        }
        picture(png, Double.parseDouble(size.group(1)), Double.parseDouble(size.group(2)), img.getAttribute("alt"));
    }

    /**
     * A part of the theory-of-change diagram, which the XHTML holds as an SVG window: drawn here
     * as a picture of the same drawing the PDF draws, clipped to the window's view box.
     */
    private void diagramPart(Element svg) throws IOException {
        String alt = svg.getAttribute("alt");
        String[] box = svg.getAttribute("viewBox").trim().split("\\s+");
        if (input.tocDrawing() == null || box.length != 4) {
            paragraph("Normal", svg).createRun().setText(alt);
            return;
        }
        double widthMm = Double.parseDouble(svg.getAttribute("width")) * 25.4 / 96;
        double heightMm = Double.parseDouble(svg.getAttribute("height")) * 25.4 / 96;
        double x = Double.parseDouble(box[0]);
        double y = Double.parseDouble(box[1]);
        double w = Double.parseDouble(box[2]);
        double h = Double.parseDouble(box[3]);
        double scale = Math.min(widthMm / w, heightMm / h) * DIAGRAM_PX_PER_MM;
        int pixelsWide = (int) Math.ceil(w * scale);
        int pixelsHigh = (int) Math.ceil(h * scale);
        // The drawing is the coloured diagram's (its SVG says all of it) clipped to this part.
        byte[] png = PngCache.DRAWN.png(input.tocSvg() + "\npart " + svg.getAttribute("viewBox") + " at " + pixelsWide + "x" + pixelsHigh, () -> {
            BufferedImage image = new BufferedImage(pixelsWide, pixelsHigh, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(scale, scale);
            g.translate(-x, -y);
            g.clip(new java.awt.geom.Rectangle2D.Double(x, y, w, h));
            input.tocDrawing().accept(g);
            g.dispose();
            return Png.encode(image);
        });
        picture(png, pixelsWide / DIAGRAM_PX_PER_MM, pixelsHigh / DIAGRAM_PX_PER_MM, alt);
    }

    private double mmWidth() {
        return contentWidth() / 56.6929;
    }

    private void picture(byte[] png, double widthMm, double heightMm, String alt) throws IOException {
        double fit = Math.min(1, mmWidth() / widthMm);
        XWPFParagraph p = doc.createParagraph();
        p.setStyle("Figure");
        if (breakBefore) {
            p.setPageBreak(true);
            breakBefore = false;
        }
        try {
            var picture = p.createRun().addPicture(new ByteArrayInputStream(png), XWPFDocument.PICTURE_TYPE_PNG,
                    "figure-" + (++pictures) + ".png", (int) Math.round(widthMm * fit * EMU_PER_MM),
                    (int) Math.round(heightMm * fit * EMU_PER_MM));
            var inline = picture.getCTPicture().getNvPicPr().getCNvPr();
            inline.setDescr(alt);
            var drawing = p.getRuns().get(p.getRuns().size() - 1).getCTR().getDrawingArray(0);
            drawing.getInlineArray(0).getDocPr().setDescr(alt);
        } catch (InvalidFormatException e) {
            throw new IllegalStateException("a chart is not a PNG: " + e.getMessage(), e);
        }
    }

    // ---- DOM ---------------------------------------------------------------------------------

    private static List<Element> children(Element e) {
        List<Element> children = new ArrayList<>();
        for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    private static boolean hasClass(Element e, String name) {
        for (String c : e.getAttribute("class").split("\\s+")) {
            if (c.equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static int mmToTwips(double mm) {
        return (int) Math.round(mm * 1440 / 25.4);
    }
}
