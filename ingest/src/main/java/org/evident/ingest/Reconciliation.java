package org.evident.ingest;

/** What happened to every row of one file: rows read = accepted + rejected, always. */
public record Reconciliation(String source, String file, long read, long accepted, long rejected) {
    public Reconciliation {
        if (read != accepted + rejected) {
            throw new IllegalStateException(file + ": " + read + " rows read but " + accepted + " accepted and "
                    + rejected + " rejected; a row has been lost");
        }
    }

    @Override
    public String toString() {
        return file + ": " + read + " rows read = " + accepted + " accepted + " + rejected + " rejected";
    }
}
