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
        // The funnels of the two share KPIs the nine regions return (HOME-65 and LOS-21), each at its latest quarter.
        expected.addAll(List.of("funnel-bcf-discharged-home-65-regions", "funnel-bcf-long-stays-regions"));
        expected.addAll(List.of("completions-by-month", "projects-by-region", "evidence-heatmap"));
        assertEquals(expected, charts.stream().map(ChartImage::name).toList());
        assertTrue(analysis.kpiCharts().size() >= 10, "the worked example has run charts for its KPIs and tracker measures");
        // The fixture's evaluation.yaml declares the KPI returns illustrative and the discharges
        // synthetic: their charts say so first. The tracker's measures are real counts.
        java.util.Set<String> discharges = java.util.Set.of("HOME-65", "LOS-21", "DISCHARGES", "LOS-MEAN");
        for (KpiChart kpi : analysis.kpiCharts()) {
            String measure = analysis.project().theoryOfChange().indicators().stream().filter(i -> i.id().equals(kpi.indicator()))
                    .findFirst().orElseThrow().measure();
            String label = discharges.contains(measure) ? "Synthetic data: " : measure.startsWith("KPI-") ? "Illustrative data: " : "";
            assertEquals(label + kpi.label() + (kpi.ofIncrements() ? ": added each period" : ""),
                    chart("run-chart-" + kpi.indicator()).title());
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
        // The 16 outcomes of Tables 6 and 7 and the 11 impacts of Appendix 3.
        long outcomes = analysis.evidence().stream().map(a -> a.node()).distinct().count();
        assertEquals(27, outcomes);
        ChartImage heatmap = chart("evidence-heatmap");
        assertEquals(900, heatmap.width());
        assertTrue(heatmap.height() >= outcomes * 26, "a row per outcome");
        String shortened = GradeHeatmap.shorten("Local systems have increased confidence in achieving their BCF objectives");
        assertEquals(50, shortened.length());
        assertTrue(shortened.endsWith("…"));
        assertEquals("Improved discharge planning", GradeHeatmap.shorten("Improved discharge planning"));
    }

    /**
     * The SVG and the PNG come from the same Graphics2D calls, but the SVG is written by
     * {@link SvgWriter} and drawn here by a second renderer (Batik, as openhtmltopdf uses it),
     * so a writer that dropped a clip, a transform, a dash or a colour would show as pixels that
     * differ from Java2D's PNG. Anti-aliasing and hinting differ between the two renderers along
     * every edge, so the test counts, of the pixels drawn on, those that differ by more than a
     * quarter of the range in some channel. Measured on the worked example: 0.01% to 4.8% (the
     * most where long thin lines sit between pixel rows: the 1.5-unit mean line of a run chart
     * falls on different rows in the two renderers), against a limit of 6%; the same measure
     * gives 45% between two different run charts and 66% between a run chart and a blank page
     * (both checked below, over 30%, so the measure can fail).
     */
    @ParameterizedTest
    @MethodSource("names")
    void theSvgDrawnByBatik_looksLikeThePngDrawnByJava2d(String name) throws Exception {
        ChartImage chart = chart(name);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(chart.png()));
        BufferedImage svg = batik(chart.svg(), png.getWidth(), png.getHeight());
        double differing = differing(png, svg);
        assertTrue(differing < 0.06, name + ": " + String.format(java.util.Locale.ROOT, "%.4f", differing)
                + " of the pixels differ between the SVG (drawn by Batik) and the PNG (drawn by Java2D)");
    }

    @Test
    void theSvgComparison_seesADifferentChart() throws Exception {
        List<ChartImage> runCharts = charts.stream().filter(c -> c.name().startsWith("run-chart-")).toList();
        ChartImage one = runCharts.get(0);
        ChartImage other = runCharts.get(1);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(one.png()));
        assertTrue(differing(png, batik(other.svg(), png.getWidth(), png.getHeight())) > 0.3, "two run charts differ");
        String blank = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + one.width() + " " + one.height() + "\"/>";
        assertTrue(differing(png, batik(blank, png.getWidth(), png.getHeight())) > 0.3, "a chart is not a blank page");
    }

    /**
     * Of the pixels drawn on (not white in either image), the share where some channel differs
     * by more than 64 of 255: white paper, most of a chart, would otherwise hide a difference.
     */
    private static double differing(BufferedImage a, BufferedImage b) {
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight(), b.getHeight());
        long inked = 0;
        long differ = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y) & 0xffffff;
                int q = b.getRGB(x, y) & 0xffffff;
                if (p == 0xffffff && q == 0xffffff) {
                    continue;
                }
                inked++;
                for (int shift = 0; shift <= 16; shift += 8) {
                    if (Math.abs((p >> shift & 0xff) - (q >> shift & 0xff)) > 64) {
                        differ++;
                        break;
                    }
                }
            }
        }
        return inked == 0 ? 0 : (double) differ / inked;
    }

    private static BufferedImage batik(String svg, int width, int height) throws Exception {
        BufferedImage[] image = new BufferedImage[1];
        org.apache.batik.transcoder.image.ImageTranscoder transcoder = new org.apache.batik.transcoder.image.ImageTranscoder() {
            @Override
            public BufferedImage createImage(int w, int h) {
                return new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            }

            @Override
            public void writeImage(BufferedImage img, org.apache.batik.transcoder.TranscoderOutput output) {
                image[0] = img;
            }
        };
        transcoder.addTranscodingHint(org.apache.batik.transcoder.SVGAbstractTranscoder.KEY_WIDTH, (float) width);
        transcoder.addTranscodingHint(org.apache.batik.transcoder.SVGAbstractTranscoder.KEY_HEIGHT, (float) height);
        transcoder.addTranscodingHint(org.apache.batik.transcoder.image.ImageTranscoder.KEY_BACKGROUND_COLOR, java.awt.Color.WHITE);
        transcoder.transcode(new org.apache.batik.transcoder.TranscoderInput(new StringReader(svg)), null);
        return image[0];
    }

    @Test
    void numbers_roundToTheirPlaces_withoutTrailingZerosOrNegativeZero() {
        // Hand-worked: 12.3449 -> 1234.49 hundredths -> 1234 -> "12.34"; 12.345 is 12.3449999... as a double.
        String[][] cases = {{"12.3449", "12.34"}, {"12.346", "12.35"}, {"0.5", "0.5"}, {"-0.001", "0"}, {"-0.005", "-0.01"},
            {"3", "3"}, {"-9.999", "-10"}, {"100.10", "100.1"}, {"0.07", "0.07"}, {"-1234567.891", "-1234567.89"}};
        for (String[] c : cases) {
            assertEquals(c[1], SvgWriter.number(new StringBuilder(), Double.parseDouble(c[0]), 2).toString(), c[0]);
        }
        assertEquals("0.707107", SvgWriter.number(new StringBuilder(), Math.sqrt(0.5), 6).toString());
    }
}
