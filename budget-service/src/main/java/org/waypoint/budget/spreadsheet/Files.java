package org.waypoint.budget.spreadsheet;

import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A file download: its content type and an attachment name such as {@code budget-lines-2026-11-24.xlsx}. */
public final class Files {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private Files() {
    }

    public static ResponseEntity<byte[]> attachment(byte[] body, Spreadsheets.Format format, String name) {
        String filename = name + "-" + LocalDate.now(UK) + "." + format.extension;
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.mediaType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(body);
    }
}
