package org.evident.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.evident.analysis.PublishedTable;
import org.evident.analysis.PublishedTable.Cell;
import org.evident.analysis.PublishedTable.Column;
import org.evident.analysis.PublishedTable.Count;
import org.evident.analysis.PublishedTable.Format;
import org.evident.analysis.PublishedTable.Missing;
import org.evident.analysis.PublishedTable.Number;
import org.evident.analysis.PublishedTable.Text;
import org.evident.analysis.PublishedTable.Type;

/** CSV that is the same bytes everywhere: plain numbers, blanks for missing, RFC 4180 quoting. */
class CsvTablesTest {
    @TempDir
    Path dir;

    @Test
    void writesPlainNumbers_blankMissingValues_andQuotesOnlyWhereNeeded() throws IOException {
        PublishedTable table = new PublishedTable("example", "An example", List.of(new Column("option", "Option", Type.TEXT),
                new Column("count", "Count", Type.COUNT), new Column("share", "Share", Type.NUMBER),
                new Column("value", "Value", Type.NUMBER)), List.of(
                List.<Cell>of(new Text("Yes, we have"), new Count(15), new Number(0.1 + 0.2, Format.SHARE),
                        new Number(1234567.0, Format.DECIMAL)),
                List.<Cell>of(new Text("He said \"no\""), new Count(0), new Number(15.0 / 19, Format.SHARE),
                        new Number(-1e-9, Format.DECIMAL)),
                List.<Cell>of(new Text("plain"), new Missing("*"), Missing.BLANK, new Number(2.5, Format.DECIMAL))));

        CsvTables.write(List.of(table), dir.resolve("tables"));

        // 0.1 + 0.2 is 0.30000000000000004 in binary: six places give 0.3. 15/19 = 0.78947368...
        // rounds to 0.789474. -1e-9 rounds to zero and is written "0", never "-0".
        assertEquals("""
                option,count,share,value
                "Yes, we have",15,0.3,1234567
                "He said ""no\""",0,0.789474,0
                plain,,,2.5
                """, Files.readString(dir.resolve("tables/example.csv"), StandardCharsets.UTF_8));
    }

    @Test
    void textCellsThatASpreadsheetWouldRunAsFormulas_getASingleQuote_numbersNever() throws IOException {
        List<String> texts = List.of("=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tlead",
                "\rlead", "-5", "+4.25", "plain - dash", "a=b");
        List<List<Cell>> rows = new java.util.ArrayList<>();
        for (String text : texts) {
            rows.add(List.<Cell>of(new Text(text), new Count(-3), new Number(-2.5, Format.DECIMAL)));
        }
        PublishedTable table = new PublishedTable("inject", "Injection", List.of(new Column("label", "Label", Type.TEXT),
                new Column("count", "Count", Type.COUNT), new Column("value", "Value", Type.NUMBER)), rows);

        CsvTables.write(List.of(table), dir.resolve("tables"));

        assertEquals("label,count,value\n"
                + "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-3,-2.5\n"
                + "'+cmd|' /C calc'!A0,-3,-2.5\n"
                + "'-2+3,-3,-2.5\n"
                + "'@SUM(A1),-3,-2.5\n"
                + "'\tlead,-3,-2.5\n"
                + "\"'\rlead\",-3,-2.5\n"
                + "-5,-3,-2.5\n"
                + "+4.25,-3,-2.5\n"
                + "plain - dash,-3,-2.5\n"
                + "a=b,-3,-2.5\n", Files.readString(dir.resolve("tables/inject.csv"), StandardCharsets.UTF_8));
    }
}
