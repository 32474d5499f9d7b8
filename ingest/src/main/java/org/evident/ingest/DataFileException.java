package org.evident.ingest;

import java.nio.file.Path;

/** A data file that cannot be read at all (as opposed to a row that is rejected). */
final class DataFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final transient Path file;
    final long row;

    DataFileException(Path file, long row, String message) {
        super(message);
        this.file = file;
        this.row = row;
    }
}
