package org.evident.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xddf.usermodel.PresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFPresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.evident.analysis.KpiChart;
import org.evident.analysis.PublishedTable;

/**
 * The workbook's native Excel charts (POI's XDDF), drawn from the Run chart data table: each
 * series refers to the table's cells by range, so an analyst can restyle a chart or point it
 * elsewhere; the values are cached in the chart too, as Excel writes them. The PDF keeps the
 * drawn pictures.
 */
final class WorkbookCharts {
    /**
     * Native run charts on the Run charts sheet at most: the programme's series first, then its
     * units'. A national source has hundreds of areas; their run charts are one filter away in
     * the Run chart data table.
     */
    static final int MAX_RUN_CHARTS = 24;
    private static final int CHART_COLUMNS = 9;
    private static final int CHART_ROWS = 20;
    private static final int SPARK_COLUMNS = 3;

    /** One run chart's rows in the table. */
    record Series(KpiChart chart, int first, int last) {
        String title() {
            return chart.label() + (chart.unit().isEmpty() ? "" : ", " + chart.unit()) + " (" + chart.chart().type().label()
                    + (chart.ofIncrements() ? " of increments" : "") + ")";
        }
    }

    private final List<Series> series = new ArrayList<>();
    private final WorkbookSheet.Placement data;
    private final PublishedTable table;

    /**
     * @param charts the analysis's run charts, in the order the run_charts table lists their points
     * @param data   where the run_charts table was written, or null when it was not
     */
    WorkbookCharts(List<KpiChart> charts, WorkbookSheet.Placement data, PublishedTable table) {
        this.data = data;
        this.table = table;
        if (data == null || table == null || table.rows().isEmpty()) {
            return;
        }
        int row = data.firstRow();
        for (KpiChart chart : charts) {
            int points = chart.chart().values().size();
            series.add(new Series(chart, row, row + points - 1));
            row += points;
        }
        if (row - 1 != data.lastRow()) {
            throw new IllegalStateException("the run_charts table has " + (data.lastRow() - data.firstRow() + 1)
                    + " rows, the run charts " + (row - data.firstRow()) + " points");
        }
    }

    /** The run charts, two abreast, under a line saying what they show. */
    void runCharts(WorkbookSheet s) {
        if (series.isEmpty()) {
            s.text("No KPI had enough periods for a run chart.");
            return;
        }
        List<Series> shown = series.stream().sorted(Comparator.comparing((Series x) -> !x.chart().unit().isEmpty())).limit(MAX_RUN_CHARTS)
                .toList();
        s.text("Each chart draws a KPI's values by period with its centre line and process limits from the table on the '"
                + data.sheet() + "' sheet (" + series.size() + " series). Select a chart to restyle it; its data ranges point at that table.");
        if (series.size() > shown.size()) {
            s.text("The first " + shown.size() + " of " + series.size() + " series are drawn here, the programme's first; filter the "
                    + "table for the others.");
        }
        s.skip(1);
        int top = s.nextRow();
        XSSFDrawing drawing = s.xssf.createDrawingPatriarch();
        for (int i = 0; i < shown.size(); i++) {
            int column = (i % 2) * (CHART_COLUMNS + 1);
            int row = top + (i / 2) * (CHART_ROWS + 1);
            XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, column, row, column + CHART_COLUMNS, row + CHART_ROWS));
            runChart(chart, shown.get(i));
        }
        s.skip(((shown.size() + 1) / 2) * (CHART_ROWS + 1));
    }

    private void runChart(XSSFChart chart, Series s) {
        chart.setTitleText(s.title());
        chart.setTitleOverlay(false);
        // Excel's default title (18 pt) takes a third of a chart this size.
        for (var run : chart.getTitle().getBody().getParagraph(0).getTextRuns()) {
            run.setFontSize(11.0);
            run.setBold(true);
        }
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        y.setNumberFormat(axisFormat(s));
        XDDFLineChartData lines = (XDDFLineChartData) chart.createData(ChartTypes.LINE, x, y);
        lines.setVaryColors(false);
        XDDFCategoryDataSource periods = periods(s);
        line(lines, periods, s, "value", new byte[] {0x1f, 0x4e, 0x79}, null, MarkerStyle.CIRCLE);
        line(lines, periods, s, "centre", new byte[] {0x59, 0x59, 0x59}, null, MarkerStyle.NONE);
        line(lines, periods, s, "upper", new byte[] {(byte) 0x8c, (byte) 0x8c, (byte) 0x8c}, PresetLineDash.DASH, MarkerStyle.NONE);
        line(lines, periods, s, "lower", new byte[] {(byte) 0x8c, (byte) 0x8c, (byte) 0x8c}, PresetLineDash.DASH, MarkerStyle.NONE);
        chart.plot(lines);
        describe(chart, s.title() + ": values by period with centre line and upper and lower process limits, from "
                + data.range(table.columnIndex("value"), s.first(), s.last()) + " and the columns beside it.");
    }

    /**
     * A small line chart of each dashboard row's programme-level series, in the cells to the
     * right of the table, with no axes, legend or title: a trend to be read at a glance.
     */
    void sparklines(WorkbookSheet s, WorkbookSheet.Placement dashboard, PublishedTable rows) {
        int id = rows.columnIndex("kpi");
        int column = dashboard.headers().size() + 1;
        for (int c = column; c < column + SPARK_COLUMNS; c++) {
            s.sheet.setColumnWidth(c, 9 * 256);
        }
        XSSFDrawing drawing = s.xssf.createDrawingPatriarch();
        for (int r = 0; r < rows.rows().size(); r++) {
            String indicator = rows.rows().get(r).get(id).csv();
            Optional<Series> found = series.stream().filter(x -> x.chart().indicator().equals(indicator) && x.chart().unit().isEmpty())
                    .findFirst();
            int sheetRow = dashboard.firstRow() + r;
            Row row = s.sheet.getRow(sheetRow);
            if (row != null && row.getHeightInPoints() < 30) {
                row.setHeightInPoints(30);
            }
            if (found.isEmpty()) {
                continue;
            }
            XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, column, sheetRow, column + SPARK_COLUMNS, sheetRow + 1);
            XSSFChart chart = drawing.createChart(anchor);
            chart.setAutoTitleDeleted(true);
            XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
            XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
            x.setVisible(false);
            y.setVisible(false);
            y.setCrosses(AxisCrosses.AUTO_ZERO);
            XDDFLineChartData lines = (XDDFLineChartData) chart.createData(ChartTypes.LINE, x, y);
            lines.setVaryColors(false);
            line(lines, periods(found.get()), found.get(), "value", new byte[] {0x1f, 0x4e, 0x79}, null, MarkerStyle.NONE);
            chart.plot(lines);
            describe(chart, "Trend of " + found.get().title() + " by period, from "
                    + data.range(table.columnIndex("value"), found.get().first(), found.get().last()) + ".");
        }
    }

    private XDDFCategoryDataSource periods(Series s) {
        int column = table.columnIndex("period");
        String[] periods = new String[s.last() - s.first() + 1];
        for (int i = 0; i < periods.length; i++) {
            periods[i] = table.rows().get(s.first() - data.firstRow() + i).get(column).csv();
        }
        return XDDFDataSourcesFactory.fromArray(periods, data.range(column, s.first(), s.last()));
    }

    private void line(XDDFLineChartData lines, XDDFCategoryDataSource periods, Series s, String name, byte[] rgb,
                      PresetLineDash dash, MarkerStyle marker) {
        int column = table.columnIndex(name);
        Double[] values = new Double[s.last() - s.first() + 1];
        WorkbookSheet.Kind kind = null;
        for (int i = 0; i < values.length; i++) {
            PublishedTable.Cell cell = table.rows().get(s.first() - data.firstRow() + i).get(column);
            if (cell instanceof PublishedTable.Number n) {
                kind = WorkbookSheet.Kind.of(n.format());
                values[i] = kind.cellValue(n.value());
            }
        }
        XDDFNumericalDataSource<Double> source = XDDFDataSourcesFactory.fromArray(values, data.range(column, s.first(), s.last()));
        XDDFLineChartData.Series line = (XDDFLineChartData.Series) lines.addSeries(periods, source);
        line.setTitle(data.headers().get(column), data.header(column));
        line.setSmooth(false);
        line.setMarkerStyle(marker);
        XDDFLineProperties stroke = new XDDFLineProperties(new XDDFSolidFillProperties(XDDFColor.from(rgb)));
        stroke.setWidth(name.equals("value") ? 2.0 : 1.25);
        if (dash != null) {
            stroke.setPresetDash(new XDDFPresetLineDash(dash));
        }
        XDDFShapeProperties shape = new XDDFShapeProperties();
        shape.setLineProperties(stroke);
        line.setShapeProperties(shape);
    }

    /** The value axis's format: as the table shows the values. */
    private String axisFormat(Series s) {
        PublishedTable.Cell cell = table.rows().get(s.first() - data.firstRow()).get(table.columnIndex("value"));
        if (cell instanceof PublishedTable.Number n) {
            return switch (WorkbookSheet.Kind.of(n.format())) {
                case PERCENT -> "0%";
                case COUNT, DAYS -> "#,##0";
                default -> "General";
            };
        }
        return "General";
    }

    /** The chart's text alternative, as a screen reader announces it. */
    private static void describe(XSSFChart chart, String text) {
        var properties = chart.getGraphicFrame().getCTGraphicalObjectFrame().getNvGraphicFramePr().getCNvPr();
        properties.setDescr(text);
    }

}
