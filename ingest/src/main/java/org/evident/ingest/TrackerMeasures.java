package org.evident.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** Tracker measures shared by the indicator mapping and the analysis's delivery tables. */
public final class TrackerMeasures {
    private TrackerMeasures() {
    }

    /**
     * The regions with a local project started or completed on or before {@code by}: the
     * programme's reach, which only grows.
     */
    public static SortedSet<String> regionsReached(List<TrackerProject> projects, LocalDate by) {
        TreeSet<String> regions = new TreeSet<>();
        for (TrackerProject p : projects) {
            if (p.offer() == TrackerProject.Offer.LOCAL && p.region().isPresent()
                    && (onOrBefore(p.started(), by) || onOrBefore(p.completed(), by))) {
                regions.add(p.region().get());
            }
        }
        return regions;
    }

    static boolean onOrBefore(Optional<LocalDate> date, LocalDate by) {
        return date.filter(d -> !d.isAfter(by)).isPresent();
    }
}
