package org.evident.ingest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts from records, per area (and its region), measure and period: the records included, how
 * many met the measure's condition, and the sum of the measure's column in millionths. Partial
 * aggregates from files, threads or Spark tasks merge by addition, in any order, to the same total.
 */
final class RecordAggregates implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int COUNT = 0;
    private static final int HITS = 1;
    private static final int SUM = 2;

    private final int measures;
    private final int periods;
    /**
     * Area, then region, to 3 longs per measure x period. Two maps, not one keyed by both: the
     * lookup, once per record, then needs no new key.
     */
    private final HashMap<String, HashMap<String, long[]>> cells = new HashMap<>();

    /** One aggregate row: the counts of one measure for one area in one period. */
    record Cell(String area, String region, int measure, int period, long count, long hits, long sumMicro) {
    }

    RecordAggregates(int measures, int periods) {
        this.measures = measures;
        this.periods = periods;
    }

    /** The counts of one area (and region), created empty on first use; found once per record, not once per measure. */
    long[] slot(String area, String region) {
        HashMap<String, long[]> regions = cells.get(area);
        if (regions == null) {
            regions = new HashMap<>(2);
            cells.put(area, regions);
        }
        long[] counts = regions.get(region);
        if (counts == null) {
            counts = new long[measures * periods * 3];
            regions.put(region, counts);
        }
        return counts;
    }

    void add(long[] counts, int measure, int period, boolean hit, long micro) {
        int at = (measure * periods + period) * 3;
        counts[at + COUNT]++;
        if (hit) {
            counts[at + HITS]++;
        }
        counts[at + SUM] += micro;
    }

    void add(Cell cell) {
        long[] counts = slot(cell.area(), cell.region());
        int at = (cell.measure() * periods + cell.period()) * 3;
        counts[at + COUNT] += cell.count();
        counts[at + HITS] += cell.hits();
        counts[at + SUM] += cell.sumMicro();
    }

    /** Adds {@code other} into this one and returns this. */
    RecordAggregates merge(RecordAggregates other) {
        for (Map.Entry<String, HashMap<String, long[]>> area : other.cells.entrySet()) {
            for (Map.Entry<String, long[]> region : area.getValue().entrySet()) {
                long[] mine = slot(area.getKey(), region.getKey());
                long[] theirs = region.getValue();
                for (int i = 0; i < mine.length; i++) {
                    mine[i] += theirs[i];
                }
            }
        }
        return this;
    }

    /** Every cell with at least one record, in no particular order. */
    List<Cell> cells() {
        List<Cell> all = new ArrayList<>();
        for (Map.Entry<String, HashMap<String, long[]>> area : cells.entrySet()) {
            for (Map.Entry<String, long[]> region : area.getValue().entrySet()) {
                long[] counts = region.getValue();
                for (int m = 0; m < measures; m++) {
                    for (int p = 0; p < periods; p++) {
                        int at = (m * periods + p) * 3;
                        if (counts[at + COUNT] > 0) {
                            all.add(new Cell(area.getKey(), region.getKey(), m, p, counts[at + COUNT], counts[at + HITS],
                                    counts[at + SUM]));
                        }
                    }
                }
            }
        }
        return all;
    }

    /** The periods with at least one record. */
    java.util.BitSet periodsPresent() {
        java.util.BitSet present = new java.util.BitSet(periods);
        for (Cell c : cells()) {
            present.set(c.period());
        }
        return present;
    }
}
