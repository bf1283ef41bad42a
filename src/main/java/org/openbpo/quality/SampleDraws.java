package org.openbpo.quality;

import org.openbpo.shared.secret.Secrets;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Each completed item's draw for QA sampling: a number in [0, 1) from a keyed hash of the item
 * ({@link Secrets#mac}). With a plain hash of the client and item ids, an agent who sees both could
 * work out which of their items the rate would pick before completing them.
 */
@Component
public class SampleDraws {

    private static final String CONTEXT = "qa-sampling";

    private final Secrets secrets;

    public SampleDraws(Secrets secrets) {
        this.secrets = secrets;
    }

    public BigDecimal of(UUID clientId, long itemId) {
        return SamplingRule.bucket(secrets.mac(CONTEXT, (clientId + "/" + itemId).getBytes(StandardCharsets.UTF_8)));
    }
}
