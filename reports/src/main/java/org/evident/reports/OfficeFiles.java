package org.evident.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import java.util.zip.Deflater;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ooxml.POIXMLDocument;

/** Writing POI's Office files (the workbook, the Word report) so the same inputs give the same bytes. */
final class OfficeFiles {
    private OfficeFiles() {
    }

    /**
     * Writes {@code document} to {@code file}, its core properties and every zip entry dated by
     * {@code date} (POI stamps both with the time of writing otherwise), zipped at the fastest level:
     * the largest parts are PNGs, already deflated, on which zlib's default level spent about 0.2 s
     * of the workbook for nothing.
     */
    static void writeDated(POIXMLDocument document, Path file, LocalDate date, String title) throws IOException {
        Optional<Date> dated = Optional.of(Date.from(date.atStartOfDay().toInstant(ZoneOffset.UTC)));
        var core = document.getProperties().getCoreProperties();
        core.setCreated(dated);
        core.setModified(dated);
        core.setCreator("Evident");
        core.setTitle(title);
        long entryTime = dated.get().getTime();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(Files.newOutputStream(file)) {
            @Override
            public void putArchiveEntry(ZipArchiveEntry entry) throws IOException {
                entry.setTime(entryTime);
                super.putArchiveEntry(entry);
            }
        }) {
            zip.setLevel(Deflater.BEST_SPEED);
            document.write(zip);
        }
    }
}
