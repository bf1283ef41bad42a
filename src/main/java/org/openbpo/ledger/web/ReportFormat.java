package org.openbpo.ledger.web;

import org.openbpo.shared.error.BusinessRuleViolation;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.Locale;

/** The files a ledger report can be downloaded as. */
enum ReportFormat {
    PDF("pdf", MediaType.APPLICATION_PDF),
    XLSX("xlsx", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

    private final String extension;
    private final MediaType type;

    ReportFormat(String extension, MediaType type) {
        this.extension = extension;
        this.type = type;
    }

    static ReportFormat of(String format) {
        try {
            return valueOf(format.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw BusinessRuleViolation.invalid("format", "must be pdf or xlsx, not '" + format + "'");
        }
    }

    ResponseEntity<byte[]> file(ReportDocument report, String generatedBy) {
        byte[] bytes = this == PDF ? PdfReports.render(report, generatedBy) : XlsxReports.render(report, generatedBy);
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(report.fileName(extension)).build().toString())
                .body(bytes);
    }
}
