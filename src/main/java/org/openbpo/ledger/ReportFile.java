package org.openbpo.ledger;

/** A ledger report as a file to download: its name, media type and bytes. */
public record ReportFile(String fileName, String mediaType, byte[] content) {

    /** The files a report can be had as. */
    public enum Format {
        PDF("pdf", "application/pdf"),
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        private final String extension;
        private final String mediaType;

        Format(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        public String extension() {
            return extension;
        }

        public String mediaType() {
            return mediaType;
        }

        /** The format a request names, case aside; a clear problem on the {@code format} field otherwise. */
        public static Format of(String format) {
            try {
                return valueOf(format.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw org.openbpo.shared.error.BusinessRuleViolation.invalid("format", "must be pdf or xlsx, not '" + format + "'");
            }
        }
    }
}
