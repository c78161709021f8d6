package org.waypoint.risk.transfer.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waypoint.platform.security.Caller;
import org.waypoint.platform.security.Roles;
import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.risk.transfer.application.ImportReport;
import org.waypoint.risk.transfer.application.TransferringRegisters;

/**
 * A register in and out as CSV: {@code GET /api/risk-registers/{id}/export.csv} and
 * {@code POST /api/risk-registers/{id}/import} (body {@code text/csv}, {@code ?dryRun=true} to see
 * the report without storing anything).
 */
@RestController
@RequestMapping("/api/risk-registers/{id}")
public class RegisterTransferController {

    static final int MAX_BYTES = 2_000_000;

    private final TransferringRegisters transferring;

    public RegisterTransferController(TransferringRegisters transferring) {
        this.transferring = transferring;
    }

    @GetMapping(value = "/export.csv", produces = "text/csv")
    @PreAuthorize(Roles.CAN_READ)
    public ResponseEntity<byte[]> exportCsv(@PathVariable String id) {
        byte[] csv = transferring.exportCsv(id).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("risk-register-" + id + ".csv").build().toString())
                .body(csv);
    }

    @PostMapping(value = "/import", consumes = {"text/csv", "text/plain"})
    @PreAuthorize(Roles.CAN_WRITE)
    public ImportReport importCsv(@PathVariable String id, @RequestBody String csv,
                                  @RequestParam(defaultValue = "false") boolean dryRun,
                                  @RequestParam(required = false) String defaultCategory, Authentication auth) {
        if (csv.length() > MAX_BYTES) {
            throw new InvalidInputException("file", "must be at most " + MAX_BYTES + " characters");
        }
        return transferring.importCsv(id, csv, dryRun, defaultCategory, Caller.of(auth));
    }
}
