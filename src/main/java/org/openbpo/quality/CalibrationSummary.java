package org.openbpo.quality;

import java.time.Instant;
import java.util.UUID;

/** A calibration session in a list: how many analysts it was put before (0: anyone in QA) and how many scored. */
public record CalibrationSummary(UUID id, long itemId, String formCode, int formVersion, String title, Instant createdAt,
                                 String createdBy, int invited, int scored) {
}
