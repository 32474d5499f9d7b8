package org.evident.ingest;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** One support project from the delivery tracker, as accepted. */
public record TrackerProject(String projectId, Optional<String> localSystem, Optional<String> region,
                             Optional<String> supportType, Offer offer, Optional<Direction> directed,
                             Optional<String> referralRoute, Stage stage, Optional<LocalDate> requested,
                             Optional<LocalDate> started, Optional<LocalDate> completed,
                             Optional<LocalDate> endOfSupportReport, Optional<LocalDate> followUp,
                             Optional<String> closureReason) {

    /** Universal products for all systems, or support for one local system. */
    public enum Offer { UNIVERSAL, LOCAL }

    /** Whether support was directed (by DSOG, a BCM or a department) or requested by the system. */
    public enum Direction { DIRECTED, NON_DIRECTED }

    /** Where the project is in the tracker's pipeline. */
    public enum Stage { PIPELINE, ACTIVE, COMPLETED, CLOSED }

    public TrackerProject {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(offer, "offer");
        Objects.requireNonNull(stage, "stage");
    }
}
