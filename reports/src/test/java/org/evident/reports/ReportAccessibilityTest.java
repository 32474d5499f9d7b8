package org.evident.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The worked example's report, with its real charts, checked for accessibility: veraPDF's PDF/UA-1
 * profile on the PDF, and a text alternative from the chart's data on every picture.
 */
class ReportAccessibilityTest {
    /** Rules of PDF/UA-1 the worked example's report fails; measured, and never to grow. */
    static final int FAILED_RULES_ALLOWED = 0;

    @TempDir
    static Path tmp;

    private static ReportInput input;
    private static Path pdf;

    @BeforeAll
    static void write() throws IOException {
        Locale.setDefault(Locale.UK);
        ReportInput bare = BcfInput.read(List.of());
        input = BcfInput.read(Charts.all(bare.analysis()));
        pdf = tmp.resolve("report.pdf");
        ReportPdf.write(input, pdf, tmp.resolve("report.html"));
        // Kept for a person to look at after a build.
        Path preview = Files.createDirectories(Path.of("target", "report-preview"));
        Files.copy(pdf, preview.resolve("report.pdf"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void veraPdf_findsNoFailedPdfUaRule() throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        Map<String, Integer> failed = new TreeMap<>();
        try (PDFAParser parser = Foundries.defaultInstance().createParser(pdf.toFile(), PDFAFlavour.PDFUA_1)) {
            PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false);
            ValidationResult result = validator.validate(parser);
            for (TestAssertion assertion : result.getTestAssertions()) {
                if (assertion.getStatus() == TestAssertion.Status.FAILED) {
                    failed.merge(assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber() + " "
                            + assertion.getMessage(), 1, Integer::sum);
                }
            }
        }
        System.out.printf(Locale.ROOT, "veraPDF PDF/UA-1: %d failed rules%n", failed.size());
        failed.forEach((rule, checks) -> System.out.printf(Locale.ROOT, "  %s (%d checks)%n", rule, checks));
        assertTrue(failed.size() <= FAILED_RULES_ALLOWED, "failed PDF/UA-1 rules: " + failed);
    }

    @Test
    void everyPicture_hasATextAlternative_fromItsData() throws Exception {
        String xhtml = ReportHtml.documents(input).forPdf();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        NodeList images = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)))
                .getElementsByTagNameNS("*", "img");
        assertTrue(images.getLength() >= input.charts().size() - 1, "the charts (the heatmap is the workbook's) and the views");
        List<String> descriptions = input.charts().stream().map(ChartImage::description).toList();
        for (int i = 0; i < images.getLength(); i++) {
            String alt = ((Element) images.item(i)).getAttribute("alt");
            assertFalse(alt.isBlank(), "image " + i + " has no alt text");
            // The diagram's views are pictures described from their own boxes and grades; every other picture is a chart.
            assertTrue(alt.startsWith("Theory-of-change diagram, read left to right: ") || descriptions.contains(alt), alt);
        }
        // The whole diagram is inline SVG in the PDF (vector): its alt text, which openhtmltopdf tags, from its boxes and grades.
        NodeList svgs = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)))
                .getElementsByTagNameNS("*", "svg");
        assertTrue(svgs.getLength() > 0, "the diagram is drawn as SVG");
        assertTrue(((Element) svgs.item(0)).getAttribute("alt").startsWith("Theory-of-change diagram, read left to right: "),
                ((Element) svgs.item(0)).getAttribute("alt"));
        for (ChartImage chart : input.charts()) {
            assertFalse(chart.description().equals(chart.title()), chart.name() + " is described by its title alone");
        }
        ChartImage kpi = input.charts().stream().filter(c -> c.name().startsWith("run-chart-")).findFirst().orElseThrow();
        assertTrue(kpi.description().startsWith("Run chart ("), kpi.description());
        assertTrue(kpi.description().contains("2023-24 Q1"), kpi.description());
    }
}
