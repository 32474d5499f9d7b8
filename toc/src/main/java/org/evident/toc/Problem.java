package org.evident.toc;

import java.util.Objects;

/**
 * One thing wrong with (or worth a look in) a project file, located by file, line and column.
 * Lines and columns count from 1; 0 means the problem concerns the file as a whole.
 */
public record Problem(Severity severity, String file, int line, int column, String message) {

    /** Whether a problem stops the project from being used. */
    public enum Severity { ERROR, WARNING }

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code toc.yaml:42:7: error: ...}, the form compilers use, so editors can jump to it. */
    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line + ":" + column : file;
        return where + ": " + (isError() ? "error" : "warning") + ": " + message;
    }
}
