package org.openbpo.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openbpo.audit.AuditTrail;
import org.openbpo.shared.database.DatabaseSettings;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.testing.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./openbpo audit verify} as an auditor runs it: it prints each chain's head to note down, and
 * given a noted head later, tells a chain that still runs through it from one cut back or rebuilt
 * from the genesis, which on its own verifies as intact.
 */
class AuditVerifyCommandTest extends IntegrationTest {

    private static final String[] SETTINGS = {"OPENBPO_DB_URL", "OPENBPO_DB_USER", "OPENBPO_DB_PASSWORD", "OPENBPO_DB_APP_PASSWORD"};

    @Autowired
    AuditTrail trail;
    @Autowired
    TransactionTemplate transactions;

    record Run(int exitCode, String output) {
    }

    @AfterEach
    void forgetTheDatabase() {
        for (String name : SETTINGS) {
            System.clearProperty(name);
        }
    }

    @Test
    void verifyPrintsEachChainsHeadAndTellsAChainRewrittenSinceAHeadWasNoted() throws SQLException {
        UUID kept = UUID.randomUUID();
        UUID rewritten = UUID.randomUUID();
        append(kept, 3);
        append(rewritten, 2);

        Run first = openbpo("audit", "verify");

        // Other tests break chains of their own on purpose in the shared database: the exit code is theirs too.
        String keptHead = head(first.output(), kept, 3);
        String rewrittenHead = head(first.output(), rewritten, 2);

        append(kept, 2);
        superuser("delete from audit.block where client_id = '" + rewritten + "'");
        superuser("delete from audit.chain_head where client_id = '" + rewritten + "'");
        superuser("delete from audit.record where client_id = '" + rewritten + "'");
        append(rewritten, 2);

        Run later = openbpo("audit", "verify", "--expect-head", kept + "=" + keptHead,
                "--expect-head", rewritten + "=" + rewrittenHead);

        assertThat(later.output()).as("rebuilt from the genesis, the chain verifies on its own")
                .containsPattern(Pattern.quote(rewritten.toString()) + "\\s+intact\\s+2 records");
        assertThat(later.output()).containsPattern(Pattern.quote(kept.toString()) + "\\s+noted head " + keptHead.substring(0, 16)
                + "… still in the chain");
        assertThat(later.output()).containsPattern(Pattern.quote(rewritten.toString()) + "\\s+NOTED HEAD " + rewrittenHead
                + " NOT IN THE CHAIN: the chain was cut back or rewritten");
        assertThat(later.output()).contains("1 noted heads missing");
        assertThat(later.exitCode()).isNotZero();
    }

    /** The head hash the output names for a client, after checking its record count. */
    private static String head(String output, UUID client, int records) {
        Matcher head = Pattern.compile(Pattern.quote(client.toString()) + "\\s+intact\\s+" + records
                + " records, \\d+ blocks\\R\\s+head\\s+record \\d+, block \\d+, sha256 ([0-9a-f]{64})").matcher(output);
        assertThat(head.find()).as(output).isTrue();
        return head.group(1);
    }

    private static Run openbpo(String... arguments) {
        DatabaseSettings settings = TestDatabase.settings();
        Map<String, String> database = Map.of("OPENBPO_DB_URL", settings.url(), "OPENBPO_DB_USER", settings.owner(),
                "OPENBPO_DB_PASSWORD", settings.password(), "OPENBPO_DB_APP_PASSWORD",
                settings.applicationPassword() == null ? "" : settings.applicationPassword());
        database.forEach(System::setProperty);
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            int exitCode = new CommandLine(new OpenBpoCommand()).execute(arguments);
            return new Run(exitCode, printed.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(console);
        }
    }

    private void append(UUID client, int count) {
        TenantScope.run(AllowedClients.ALL, () -> transactions.execute(tx -> {
            for (int i = 0; i < count; i++) {
                trail.record(client, "test.counted", "thing", UUID.randomUUID(), null, Map.of("n", i));
            }
            return null;
        }));
    }

    private static void superuser(String statement) throws SQLException {
        try (Connection connection = TestDatabase.get().superuserConnection(); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }
}
