package org.evident.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.drawingml.x2006.wordprocessingDrawing.CTInline;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDrawing;

/** The worked example's report.docx, read back with POI and opened by LibreOffice. */
class ReportDocxTest {
    @TempDir
    static Path tmp;

    private static ReportInput input;
    private static Path docx;
    private static Path pdf;

    @BeforeAll
    static void write() {
        Locale.setDefault(Locale.UK);
        ReportInput bare = BcfInput.read(List.of());
        input = BcfInput.read(Charts.all(bare.analysis()));
        docx = tmp.resolve("report.docx");
        pdf = tmp.resolve("report.pdf");
        ReportPdf.write(input, pdf, tmp.resolve("report.html"), docx);
    }

    @Test
    void headings_areWordsBuiltInHeadings_chaptersInTheReportsOrder() throws IOException {
        List<String> chapters = new ArrayList<>();
        List<String> sections = new ArrayList<>();
        String title = "";
        try (InputStream in = Files.newInputStream(docx); XWPFDocument doc = new XWPFDocument(in)) {
            for (XWPFParagraph p : doc.getParagraphs()) {
                if ("Heading1".equals(p.getStyle())) {
                    chapters.add(p.getText());
                } else if ("Heading2".equals(p.getStyle())) {
                    sections.add(p.getText());
                } else if ("Title".equals(p.getStyle())) {
                    title = p.getText();
                }
            }
            assertEquals("heading 1", doc.getStyles().getStyle("Heading1").getName());
        }
        assertEquals(ReportHtml.sections(input.analysis()).stream().map(s -> s[1]).toList(), chapters);
        assertTrue(sections.contains("Why each outcome has its grade"), sections::toString);
        assertEquals("Better Care Fund Support Programme 2023-25", title);
    }

    @Test
    void tables_haveARepeatedHeaderRow_andPictures_haveAltText() throws IOException {
        try (InputStream in = Files.newInputStream(docx); XWPFDocument doc = new XWPFDocument(in)) {
            List<XWPFTable> tables = doc.getTables();
            assertTrue(tables.size() >= 5, "tables: " + tables.size());
            assertTrue(tables.stream().anyMatch(t -> t.getRow(0).isRepeatHeader() && t.getRows().size() > 2));
            List<String> descriptions = new ArrayList<>();
            for (XWPFParagraph p : doc.getParagraphs()) {
                for (XWPFRun run : p.getRuns()) {
                    for (CTDrawing drawing : run.getCTR().getDrawingList()) {
                        for (CTInline inline : drawing.getInlineList()) {
                            descriptions.add(inline.getDocPr().getDescr());
                        }
                    }
                }
            }
            assertTrue(descriptions.size() >= input.charts().size(), "pictures: " + descriptions.size());
            assertTrue(descriptions.stream().noneMatch(d -> d == null || d.isBlank()), descriptions::toString);
            assertTrue(descriptions.stream().anyMatch(d -> d.startsWith("Run chart (")), descriptions::toString);
        }
    }

    @Test
    void theSameInput_givesTheSameBytes() throws IOException {
        Path a = tmp.resolve("a.docx");
        Path b = tmp.resolve("b.docx");
        ReportDocx.write(input, ReportHtml.documents(input), a);
        ReportDocx.write(input, ReportHtml.documents(input), b);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    /**
     * The proof that the file opens in a word processor: LibreOffice converts it to PDF, whose text
     * has the PDF report's chapter headings in the same order. Without LibreOffice the test fails.
     */
    @Test
    void libreOfficeOpensIt_withThePdfsChapterHeadings() throws IOException, InterruptedException {
        String soffice = onPath("soffice").or(() -> onPath("libreoffice")).orElseThrow(() -> new AssertionError(
                "LibreOffice is needed to check that report.docx opens: install libreoffice-writer-nogui"));
        Path out = tmp.resolve("converted");
        Path log = tmp.resolve("soffice.log");
        // A fresh profile: a profile shared with a running LibreOffice would hand the file to that instance.
        Process process = new ProcessBuilder(soffice, "-env:UserInstallation=" + tmp.resolve("lo-profile").toUri(),
                "--headless", "--convert-to", "pdf", "--outdir", out.toString(), docx.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(400, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("LibreOffice did not convert report.docx within 400 s: " + Files.readString(log));
        }
        Path converted = out.resolve("report.pdf");
        assertEquals(0, process.exitValue(), Files.readString(log));
        assertTrue(Files.isRegularFile(converted), "no PDF: " + Files.readString(log));
        // Kept for a person to look at after a build.
        Path preview = Files.createDirectories(Path.of("target", "docx-preview"));
        Files.copy(docx, preview.resolve("report.docx"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(converted, preview.resolve("report-docx.pdf"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(pdf, preview.resolve("report.pdf"), StandardCopyOption.REPLACE_EXISTING);
        String word = text(converted);
        String original = text(pdf);
        int fromWord = word.indexOf(ReportHtml.sections(input.analysis()).get(ReportHtml.sections(input.analysis()).size() - 1)[1]);
        int fromPdf = original.indexOf(ReportHtml.sections(input.analysis()).get(ReportHtml.sections(input.analysis()).size() - 1)[1]);
        for (String[] section : ReportHtml.sections(input.analysis())) {
            int inWord = word.indexOf(section[1], fromWord + 1);
            int inPdf = original.indexOf(section[1], fromPdf + 1);
            assertTrue(inWord > fromWord, section[1] + " in the Word file's chapters, in order");
            assertTrue(inPdf > fromPdf, section[1] + " in the PDF's chapters, in order");
            fromWord = inWord;
            fromPdf = inPdf;
        }
        assertFalse(word.contains("evident-image"), "an image reference left as text");
    }

    private static String text(Path file) throws IOException {
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static Optional<String> onPath(String program) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(folder, program);
            if (!folder.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }
}
