package org.evident.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** CSV that is the same bytes everywhere: plain numbers, blanks for missing, RFC 4180 quoting. */
class CsvTablesTest {
    @TempDir
    Path dir;

    @Test
    void writesPlainNumbers_blankMissingValues_andQuotesOnlyWhereNeeded() throws IOException {
        LongColumn counts = LongColumn.create("count", new long[] {15, 0, 7});
        counts.setMissing(2);
        DoubleColumn shares = DoubleColumn.create("share", new double[] {0.1 + 0.2, 15.0 / 19, 1e-9});
        DoubleColumn more = DoubleColumn.create("value", new double[] {1234567.0, -1e-9, 2.5});
        StringColumn labels = StringColumn.create("option", List.of("Yes, we have", "He said \"no\"", "plain"));
        Table table = Table.create("example", labels, counts, shares, more);
        shares.setMissing(2);

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
}
