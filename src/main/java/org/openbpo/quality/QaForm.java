package org.openbpo.quality;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One version of a QA form, as evaluations were scored on it. */
public record QaForm(UUID clientId, String code, int version, String name, BigDecimal passMark, List<QaQuestion> questions,
                     Instant createdAt, String createdBy) {
}
