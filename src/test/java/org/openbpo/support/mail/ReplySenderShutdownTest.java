package org.openbpo.support.mail;

import org.junit.jupiter.api.Test;
import org.openbpo.shared.secret.Secrets;
import org.openbpo.support.persistence.ChannelSettingsRows;
import org.openbpo.support.persistence.OutboxRows;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * A committed reply nudges the sender. On a node that is shutting down the nudge is refused quietly:
 * the reply waits in the outbox for the next tick, and the agent whose reply committed gets no error.
 */
class ReplySenderShutdownTest extends IntegrationTest {

    @Autowired
    OutboxRows outbox;
    @Autowired
    ChannelSettingsRows channels;
    @Autowired
    Secrets secrets;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Clock clock;

    @Test
    void aNudgeOnANodeThatIsShuttingDownIsNoError() {
        ReplySender sender = new ReplySender(outbox, channels, secrets, transactions, clock);
        sender.stop();

        assertThatCode(() -> sender.nudge(UUID.randomUUID(), UUID.randomUUID())).doesNotThrowAnyException();
    }
}
