package org.evident.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.evident.analysis.AnalysisResult;
import org.evident.analysis.KpiChart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** The charts of the worked example: each one draws, both ways, at its stated size, the same every time. */
class ChartsTest {
    private static AnalysisResult analysis;
    private static List<ChartImage> charts;

    /** Drawing every chart takes seconds: once for the class, whichever of the source and the tests asks first. */
    @BeforeAll
    static void draw() {
        if (charts == null) {
            analysis = BcfInput.read(List.of()).analysis();
            charts = Charts.all(analysis);
        }
    }

    static Stream<String> names() {
        draw();
        return charts.stream().map(ChartImage::name);
    }

    private static ChartImage chart(String name) {
        return charts.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no chart " + name));
    }

    @ParameterizedTest
    @MethodSource("names")
    void drawsAPngAtTwiceTheSize_andAnSvgThatParsesAndNamesItsTitle(String name) throws Exception {
        ChartImage chart = chart(name);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(chart.png()));
        assertNotNull(png, name + ": the PNG decodes");
        assertEquals(chart.width() * 2, png.getWidth(), name);
        assertEquals(chart.height() * 2, png.getHeight(), name);
        assertEquals(0xffffffff, png.getRGB(1, 1), name + ": white ground");

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // The SVG must parse without the network: no DTD is fetched (there is none to fetch).
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder parser = factory.newDocumentBuilder();
        Document svg = parser.parse(new InputSource(new StringReader(chart.svg())));
        assertEquals("svg", svg.getDocumentElement().getTagName());
        assertEquals("0 0 " + chart.width() + " " + chart.height(), svg.getDocumentElement().getAttribute("viewBox"));
        assertFalse(chart.title().isBlank());
        assertTrue(svg.getDocumentElement().getTextContent().contains(chart.title()), name + ": the SVG carries the title");
        assertFalse(chart.svg().contains("<!DOCTYPE"), name);
    }

    @Test
    void theChartsComeInAFixedOrder_oneRunChartPerProgrammeSeries() {
        List<String> expected = new ArrayList<>();
        expected.add("likert-leads-survey");
        for (KpiChart kpi : analysis.kpiCharts()) {
            if (kpi.unit().isEmpty()) {
                expected.add("run-chart-" + kpi.indicator());
            }
        }
        expected.addAll(List.of("completions-by-month", "projects-by-region", "evidence-heatmap"));
        assertEquals(expected, charts.stream().map(ChartImage::name).toList());
        assertTrue(analysis.kpiCharts().size() >= 10, "the worked example has run charts for its KPIs and tracker measures");
        for (KpiChart kpi : analysis.kpiCharts()) {
            assertEquals(kpi.label(), chart("run-chart-" + kpi.indicator()).title());
        }
    }

    @Test
    void likert_hasOneBarPerAgreementItem_mostAgreedWithFirst() {
        // Counts from the worked example (RunTablesTest), strongly agree + agree over 19:
        // quality-high 8 + 7 = 15, satisfied 5 + 10 = 15, effective 4 + 10 = 14, met-needs 5 + 10 = 15,
        // implementation-advice 5 + 8 = 13, lasting-impacts 2 + 10 = 12. The three 15s keep file order.
        Map<String, List<Charts.LikertBar>> waves = Charts.likertBars(analysis.surveyItems());
        assertEquals(List.of("leads-survey"), List.copyOf(waves.keySet()));
        List<Charts.LikertBar> bars = waves.get("leads-survey");
        assertEquals(List.of("quality-high", "satisfied", "met-needs", "effective", "implementation-advice", "lasting-impacts"),
                bars.stream().map(Charts.LikertBar::item).toList());
        assertEquals(15.0 / 19, bars.get(0).agreeing(), 1e-9);
        assertEquals(12.0 / 19, bars.get(5).agreeing(), 1e-9);

        // Scale order, disagreeing on the left; the neutral middle splits across zero.
        Charts.LikertBar quality = bars.get(0);
        assertEquals(List.of("Strongly disagree", "Disagree", "Neither agree or disagree", "Agree", "Strongly agree"),
                quality.categories());
        assertEquals(2, quality.neutral());
        assertArrayEquals(new double[] {1.0 / 19, 2.0 / 19, 1.0 / 19, 7.0 / 19, 8.0 / 19}, quality.shares(), 1e-9);
        assertEquals(-(3.0 / 19 + 0.5 / 19), quality.start(), 1e-9);
        assertEquals(15.0 / 19 + 0.5 / 19, quality.end(), 1e-9);

        // met-needs: nobody disagreed (0 of 19), and the bar still starts left of zero by its
        // strongly-disagree share and half the neutral one.
        Charts.LikertBar metNeeds = bars.get(2);
        assertEquals(0.0, metNeeds.shares()[1]);
        assertEquals(-(2.0 / 19 + 1.0 / 19), metNeeds.start(), 1e-9);

        String svg = chart("likert-leads-survey").svg();
        int previous = -1;
        for (Charts.LikertBar bar : bars) {
            int at = svg.indexOf(">" + bar.item() + "<");
            assertTrue(at > previous, bar.item() + " is labelled, below the one before");
            previous = at;
        }
    }

    @Test
    void sameInput_sameSvgBytes() {
        List<ChartImage> again = Charts.all(analysis);
        assertEquals(charts.size(), again.size());
        for (int i = 0; i < charts.size(); i++) {
            assertEquals(charts.get(i).svg(), again.get(i).svg(), charts.get(i).name());
            assertArrayEquals(charts.get(i).png(), again.get(i).png(), charts.get(i).name());
        }
    }

    @Test
    void heatmap_isTallerForMoreOutcomes_andShortensLongLabels() {
        long outcomes = analysis.evidence().stream().map(a -> a.node()).distinct().count();
        assertEquals(16, outcomes);
        ChartImage heatmap = chart("evidence-heatmap");
        assertEquals(900, heatmap.width());
        assertTrue(heatmap.height() >= outcomes * 26, "a row per outcome");
        String shortened = GradeHeatmap.shorten("Local systems have increased confidence in achieving their BCF objectives");
        assertEquals(50, shortened.length());
        assertTrue(shortened.endsWith("…"));
        assertEquals("Improved discharge planning", GradeHeatmap.shorten("Improved discharge planning"));
    }

    @Test
    void pathDataKeepsTwoDecimalPlaces_andNothingElseChanges() {
        assertEquals("<path d=\"M1.23 4.5L10 2.\" stroke-width=\"1.23456\"/><path d=\"M0.99\"/>",
                ChartCanvas.shortenPathDecimals(
                        "<path d=\"M1.23456 4.5L10 2.\" stroke-width=\"1.23456\"/><path d=\"M0.999999\"/>"));
        assertEquals("<path d=\"\"/> <path d=\".12.3\"/> d=\"1.5", ChartCanvas.shortenPathDecimals(
                "<path d=\"\"/> <path d=\".1234.3\"/> d=\"1.5"));
    }

    @Test
    void clipIds_areNumberedInOrderOfAppearance_asTheRegularExpressionDid() {
        String svg = "<clipPath id=\"clip-1234\"><rect/></clipPath><clipPath id=\"clip99\"/><g clip-path=\"url(#clip99)\">"
                + "<g clip-path=\"url(#clip-1234)\"/><text>clip12 id=\"clip url(#clip- id=\"clipx\"</text><g id=\"clip7\"/>";
        java.util.Map<String, String> ids = new java.util.HashMap<>();
        String expected = java.util.regex.Pattern.compile("(id=\"|url\\(#)(clip-?\\d+)").matcher(svg)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1)
                        + ids.computeIfAbsent(m.group(2), k -> "clip" + (ids.size() + 1))));
        assertEquals(expected, ChartCanvas.renumberClips(svg));
        assertTrue(expected.contains("id=\"clip1\"") && expected.contains("url(#clip2)") && expected.contains("id=\"clip3\""));
        assertEquals("no clips", ChartCanvas.renumberClips("no clips"));
    }
}
