package org.evident.reports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.EnumSet;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;

/**
 * The evaluation report as a PDF, and the same document as XHTML: title page, contents,
 * executive summary, the coloured theory of change, evidence by outcome, pathways, KPIs,
 * survey, delivery and two appendices (data quality, the grading rule).
 */
public final class ReportPdf {
    /** Where .ci/run installs DejaVu; the PDF embeds it so it prints the same everywhere. */
    static final Path FONT_DIR = Path.of("/usr/share/fonts/truetype/dejavu");
    static final String FONT = "DejaVu Sans";
    /** The fonts as PDFBox is given them ({@link #withoutSubstitutions}), read once per JVM. */
    private static final Map<Path, byte[]> UNSUBSTITUTED = new ConcurrentHashMap<>();

    /**
     * PDFBox deflates every content stream at zlib's default level (6) unless this system
     * property says otherwise. The theory-of-change diagram's pages are large vector streams,
     * and at level 6 their compression was about 0.4 s of the worked example's run; at level 1
     * the PDF is 4% larger (3.74 to 3.90 MB). A level the user sets with -D is kept.
     */
    private static final String DEFLATE_LEVEL = org.apache.pdfbox.filter.Filter.SYSPROP_DEFLATELEVEL;

    private ReportPdf() {
    }

    /**
     * Loads what every PDF needs and would otherwise load while the report waits: the metrics of
     * PDF's fourteen standard fonts, which openhtmltopdf reads for its font table whether or not
     * the document uses them (about 0.15 s of CPU; the PDF embeds DejaVu and uses none of them).
     * The command line calls it on a spare thread while the JVM is still starting, when one core
     * is idle. Any thread, any number of times; the PDF is the same with or without it.
     */
    public static void prepare() {
        for (String name : org.apache.pdfbox.pdmodel.font.Standard14Fonts.getNames()) {
            org.apache.pdfbox.pdmodel.font.Standard14Fonts.getAFM(name);
        }
    }

    /**
     * Writes {@code pdf} and {@code html} (the XHTML the PDF is rendered from).
     *
     * @throws UncheckedIOException if a file cannot be written
     * @throws IllegalStateException if the DejaVu Sans font files are missing
     */
    public static void write(ReportInput input, Path pdf, Path html) {
        write(input, pdf, html, null);
    }

    /**
     * Writes {@code pdf}, {@code html} (the XHTML the PDF is rendered from) and, unless it is null,
     * {@code docx}: the Word report made from the same XHTML ({@link ReportDocx}).
     *
     * @throws UncheckedIOException if a file cannot be written
     * @throws IllegalStateException if the DejaVu Sans font files are missing
     */
    public static void write(ReportInput input, Path pdf, Path html, Path docx) {
        byte[] regular = withoutSubstitutions(font("DejaVuSans.ttf"));
        byte[] bold = withoutSubstitutions(font("DejaVuSans-Bold.ttf"));
        ReportHtml.Document xhtml = Timings.time("PDF: XHTML", () -> ReportHtml.documents(input));
        if (System.getProperty(DEFLATE_LEVEL) == null) {
            System.setProperty(DEFLATE_LEVEL, Integer.toString(java.util.zip.Deflater.BEST_SPEED));
        }
        // The Word report is made from the same XHTML, on its own thread beside the PDF (on two
        // cores CompletableFuture gives each task a thread of its own).
        CompletableFuture<Void> word = docx == null ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> Timings.time("Word report", () -> ReportDocx.write(input, xhtml, docx)));
        try {
            Files.writeString(html, xhtml.standalone(), StandardCharsets.UTF_8);
            // openhtmltopdf logs every font load and page to the console through JUL; Evident reports itself.
            XRLog.setLoggingEnabled(false);
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            // Tagged PDF/UA-1: a structure tree from the XHTML's elements (headings, tables with their
            // header cells, lists, figures with their alt text), the document's language and title,
            // and the running header and page numbers marked as artifacts. A public body publishes
            // only accessible documents (Public Sector Bodies Accessibility Regulations 2018).
            builder.usePdfUaAccessibility(true);
            // Registered once for the document and once for SVG text, so that no standard (unembedded)
            // font is used anywhere. In 1.1.65 the overload that takes use cases does not reach the
            // document's font resolver, so the document's fonts go through the plain overload.
            builder.useFont(() -> new ByteArrayInputStream(regular), FONT, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(bold), FONT, 700, FontStyle.NORMAL, true);
            EnumSet<FSFontUseCase> svg = EnumSet.of(FSFontUseCase.SVG, FSFontUseCase.FALLBACK_FINAL);
            builder.useFont(() -> new ByteArrayInputStream(regular), FONT, 400, FontStyle.NORMAL, true, svg);
            builder.useFont(() -> new ByteArrayInputStream(bold), FONT, 700, FontStyle.NORMAL, true, svg);
            builder.useSVGDrawer(input.tocDrawing() != null ? new DiagramSvgDrawer(input.tocDrawing())
                    : new BatikSVGDrawer(BatikSVGDrawer.SvgScriptMode.SECURE, BatikSVGDrawer.SvgExternalResourceMode.SECURE));
            builder.useProtocolsStreamImplementation(url -> image(xhtml.images(), url), ReportHtml.IMAGE_SCHEME);
            builder.withHtmlContent(xhtml.forPdf(), html.toAbsolutePath().getParent().toUri().toString());
            builder.withProducer("Evident");
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                Timings.time("PDF: layout", renderer::layout);
                try (PDDocument document = Timings.time("PDF: draw", () -> {
                    try {
                        return renderer.createPDFKeepOpen();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })) {
                    dated(document, input);
                    identified(document, xhtml);
                    long saving = System.nanoTime();
                    document.save(pdf.toFile());
                    Timings.mark("PDF: saved in " + (System.nanoTime() - saving) / 1_000_000 + " ms");
                }
            }
            RunOutputs.join(word);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + pdf + ": " + e.getMessage(), e);
        }
    }

    /** The image that {@code evident-image:N} refers to (see {@link ReportHtml#IMAGE_SCHEME}). */
    private static FSStream image(List<byte[]> images, String url) {
        int index = ReportHtml.imageIndex(url);
        return new FSStream() {
            @Override
            public InputStream getStream() {
                return new ByteArrayInputStream(images.get(index));
            }

            @Override
            public Reader getReader() {
                return null;
            }
        };
    }

    /** The document information is dated by the reporting date, so two runs of one assessment agree. */
    private static void dated(PDDocument document, ReportInput input) {
        var evaluation = input.project().evaluation();
        Calendar date = GregorianCalendar.from(evaluation.reportingDate().atStartOfDay(ZoneOffset.UTC));
        date.setTimeZone(TimeZone.getTimeZone("UTC"));
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(evaluation.programme() + ": evidence assessment");
        evaluation.organisation().ifPresent(info::setAuthor);
        info.setCreator("Evident");
        info.setProducer("Evident");
        info.setCreationDate(date);
        info.setModificationDate(date);
    }

    /**
     * Sets the trailer's /ID, which PDFBox otherwise makes from the current time, to a digest of
     * what the PDF is rendered from (the XHTML with its images, and the document information), so
     * the same inputs give the same bytes and a changed report a new id.
     */
    private static void identified(PDDocument document, ReportHtml.Document xhtml) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this Java runtime", e);
        }
        digest.update(xhtml.forPdf().getBytes(StandardCharsets.UTF_8));
        for (byte[] image : xhtml.images()) {
            digest.update(image);
        }
        PDDocumentInformation info = document.getDocumentInformation();
        for (COSName key : new java.util.TreeSet<>(info.getCOSObject().keySet())) {
            digest.update((key.getName() + "=" + info.getCOSObject().getDictionaryObject(key)).getBytes(StandardCharsets.UTF_8));
        }
        COSString id = new COSString(digest.digest());
        COSArray ids = new COSArray();
        ids.add(id);
        ids.add(id);
        document.getDocument().setDocumentID(ids);
    }

    /**
     * The font's bytes with its glyph substitution table (GSUB) out of PDFBox's sight: its tag in
     * the table directory renamed to {@code GSUx}, which no reader knows, so the font has no
     * substitutions. With GSUB, PDFBox 3.0.8 set "fi", "ff" and "fl" as ligature glyphs, which
     * come back from the PDF's text (copying, searching, a screen reader) as U+FB01, U+FB00 and
     * U+FB02 instead of the letters; and it compiled a regular expression for every string it drew,
     * a third of drawing the pages. Nothing else in DejaVu Sans's GSUB applies to the report's
     * Latin text (PDFBox shapes no other script that DejaVu has). The glyphs, metrics and kerning
     * are untouched, and the embedded subsets never carry the renamed table. Kept per JVM.
     */
    static byte[] withoutSubstitutions(Path file) {
        return UNSUBSTITUTED.computeIfAbsent(file, f -> {
            byte[] ttf;
            try {
                ttf = Files.readAllBytes(f);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the font " + f + ": " + e.getMessage(), e);
            }
            int tables = ttf.length < 12 ? 0 : (ttf[4] & 0xff) << 8 | (ttf[5] & 0xff);
            for (int i = 0; i < tables && 12 + 16 * i + 4 <= ttf.length; i++) {
                int at = 12 + 16 * i;
                if (ttf[at] == 'G' && ttf[at + 1] == 'S' && ttf[at + 2] == 'U' && ttf[at + 3] == 'B') {
                    ttf[at + 3] = 'x';
                }
            }
            return ttf;
        });
    }

    private static Path font(String file) {
        Path path = FONT_DIR.resolve(file);
        if (!Files.isReadable(path)) {
            throw new IllegalStateException("the PDF report needs the font " + path + " (DejaVu Sans, package fonts-dejavu-core; "
                    + ".ci/run installs it); it was not found");
        }
        return path;
    }
}
