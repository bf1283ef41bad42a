package org.openbpo.quality;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** The provider signed off a contract's month: its scorecard is frozen and these credits are owed. */
public record ScorecardSignedOff(UUID clientId, UUID contractId, YearMonth period, List<CreditOwed> credits,
                                 Instant signedOffAt) {
}
