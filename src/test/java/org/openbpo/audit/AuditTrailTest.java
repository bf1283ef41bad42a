package org.openbpo.audit;

import org.junit.jupiter.api.Test;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.ClientStatus;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.RegisterClient;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.testing.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditTrailTest extends IntegrationTest {

    @Autowired
    Clients clients;
    @Autowired
    AuditTrail trail;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void everyChangeLeavesARecordWithWhoWhenAndBeforeAndAfter() {
        Client client = register();
        TenantScope.run(AllowedClients.ALL, () -> clients.update(client.id(), new RegisterClient(client.code(),
                "Renamed Retail", client.legalEntity(), "US", "America/Chicago", "USD", ClientStatus.ACTIVE)));
        List<AuditEntry> history = TenantScope.call(AllowedClients.ALL, () -> trail.history(client.id(), "client", client.id()));
        assertThat(history).extracting(AuditEntry::action).containsExactly("client.registered", "client.updated");
        AuditEntry update = history.get(1);
        assertThat(update.before()).as("the JSON as written").contains("\"name\":\"Retail\"");
        assertThat(update.after()).contains("\"name\":\"Renamed Retail\"");
        assertThat(update.recordedAt()).isEqualTo(clock.instant());

        TenantScope.run(AllowedClients.ALL, trail::sealAll);
        assertThat(TenantScope.call(AllowedClients.ALL, () -> trail.history(client.id(), "client", client.id())))
                .extracting(AuditEntry::sealed).containsExactly(true, true);
    }

    @Test
    void jsonTheCallerAlreadyHoldsIsKeptAsWrittenAndAnythingElseIsRefused() {
        UUID client = UUID.randomUUID();
        String written = "{\"state\":\"open\",  \"queue\":\"Q1\"}";
        TenantScope.run(AllowedClients.ALL, () -> transactions.execute(tx -> {
            trail.record(client, "test.verbatim", "thing", "a", null, new JsonText(written));
            return null;
        }));
        assertThat(TenantScope.call(AllowedClients.ALL, () -> trail.history(client, "thing", "a")))
                .singleElement().satisfies(entry -> assertThat(entry.after()).isEqualTo(written));
        assertThatThrownBy(() -> TenantScope.run(AllowedClients.ALL, () -> transactions.execute(tx -> {
            trail.record(client, "test.broken", "thing", "b", null, new JsonText("{not json"));
            return null;
        }))).hasMessageContaining("json");
        assertThat(TenantScope.call(AllowedClients.ALL, () -> trail.history(client, "thing", "b"))).isEmpty();
    }

    @Test
    void sealingWritesBlocksAndNeverTouchesARecordAgain() throws SQLException {
        UUID client = UUID.randomUUID();
        append(client, 5);
        TenantScope.run(AllowedClients.ALL, trail::sealAll);

        assertThat(superuserLong("select count(*) from audit.record where client_id = '" + client
                + "' and xmin::text <> (txid::text::bigint % 4294967296)::text"))
                .as("every record's row version is the one its own transaction inserted: no update rewrote it")
                .isZero();
        ChainVerification result = verify(client);
        assertThat(result.intact()).isTrue();
        assertThat(result.checked()).isEqualTo(5);
        assertThat(result.blocks()).isBetween(1L, 5L);
        assertThat(superuserLong("select sum(records) from audit.block where client_id = '" + client + "'")).isEqualTo(5);
    }

    @Test
    void anEditedRecordBreaksItsBlock() throws SQLException {
        UUID client = UUID.randomUUID();
        append(client, 4);
        TenantScope.run(AllowedClients.ALL, trail::sealAll);
        assertThat(verify(client).intact()).isTrue();

        long third = recordIds(client).get(2);
        superuser("update audit.record set after = jsonb_set(after::jsonb, '{n}', '99')::json where client_id = '" + client + "' and id = " + third);
        ChainVerification broken = verify(client);
        assertThat(broken.intact()).isFalse();
        assertThat(broken.brokenAt()).isEqualTo(blockOf(client, third));
        assertThat(broken.reason()).contains("content does not match");
        assertThat(broken.checked()).isLessThan(4);
    }

    @Test
    void aDeletedRecordIsNoticed() throws SQLException {
        UUID client = UUID.randomUUID();
        append(client, 3);
        TenantScope.run(AllowedClients.ALL, trail::sealAll);
        long second = recordIds(client).get(1);
        String block = blockOf(client, second);
        superuser("delete from audit.record where client_id = '" + client + "' and id = " + second);
        ChainVerification broken = verify(client);
        assertThat(broken.brokenAt()).isEqualTo(block);
        assertThat(broken.reason()).contains("deleted or added");
    }

    @Test
    void aRecordSlippedIntoSealedHistoryIsNoticed() throws SQLException {
        UUID client = UUID.randomUUID();
        append(client, 3);
        TenantScope.run(AllowedClients.ALL, trail::sealAll);
        long first = recordIds(client).getFirst();
        // A forged record placed among the sealed ones: a sealed record's transaction, an id before it.
        superuser("insert into audit.record (client_id, id, recorded_at, actor, action, entity_type, entity_id, txid) "
                + "overriding system value "
                + "select client_id, -id, recorded_at, 'forger', 'test.forged', 'thing', 'x', txid from audit.record "
                + "where client_id = '" + client + "' and id = " + first);
        ChainVerification broken = verify(client);
        assertThat(broken.intact()).isFalse();
        assertThat(broken.brokenAt()).isEqualTo(blockOf(client, first));
        assertThat(broken.reason()).contains("deleted or added");
    }

    @Test
    void aRemovedOrEditedBlockBreaksTheLinkBetweenBlocks() throws SQLException {
        UUID client = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            append(client, 2);
            TenantScope.run(AllowedClients.ALL, trail::sealAll);
        }
        long blocks = superuserLong("select count(*) from audit.block where client_id = '" + client + "'");
        assertThat(blocks).isGreaterThanOrEqualTo(3);
        assertThat(verify(client).intact()).isTrue();

        superuser("update audit.block set hash = sha256(hash) where client_id = '" + client + "' and block_no = 2");
        ChainVerification edited = verify(client);
        assertThat(edited.brokenAt()).startsWith("block 2");
        assertThat(edited.reason()).contains("content does not match");
        superuser("delete from audit.block where client_id = '" + client + "' and block_no = 2");
        ChainVerification removed = verify(client);
        assertThat(removed.brokenAt()).isEqualTo("block 2");
        assertThat(removed.reason()).contains("missing");
        assertThat(removed.blocks()).isEqualTo(1);
    }

    @Test
    void aRecordWhoseTransactionIsStillOpenWaitsAndIsSealedOnceAfterLaterOnes() throws SQLException {
        UUID client = UUID.randomUUID();
        try (Connection slow = TestDatabase.get().superuserConnection(); Statement sql = slow.createStatement()) {
            slow.setAutoCommit(false);
            sql.execute("insert into audit.record (client_id, recorded_at, actor, action, entity_type, entity_id) "
                    + "values ('" + client + "', now(), 'slow', 'test.slow', 'thing', 'slow')");
            append(client, 3); // committed after the slow one began, with higher ids
            TenantScope.run(AllowedClients.ALL, trail::sealAll);
            assertThat(superuserLong("select coalesce(sum(records), 0) from audit.block where client_id = '" + client + "'"))
                    .as("nothing is sealed while an older transaction is open: later ones could land before it")
                    .isZero();
            slow.commit();
        }
        TenantScope.run(AllowedClients.ALL, trail::sealAll);
        ChainVerification result = verify(client);
        assertThat(result.intact()).isTrue();
        assertThat(result.checked()).isEqualTo(4);
        assertThat(TenantScope.call(AllowedClients.ALL, trail::unsealedRecords)).isZero();
    }

    @Test
    void twoNodesSealingAtOnceSealEachRecordExactlyOnceInOrder() throws Exception {
        UUID client = UUID.randomUUID();
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 40; i++) {
                append(client, 5);
            }
        });
        Runnable node = () -> {
            while (writer.isAlive()) {
                TenantScope.run(AllowedClients.ALL, trail::sealAll);
            }
        };
        Thread first = Thread.ofPlatform().start(node);
        Thread second = Thread.ofPlatform().start(node);
        writer.join();
        first.join();
        second.join();
        TenantScope.run(AllowedClients.ALL, trail::sealAll);

        ChainVerification result = verify(client);
        assertThat(result.intact()).isTrue();
        assertThat(result.checked()).isEqualTo(200);
        try (Connection connection = TestDatabase.get().superuserConnection(); Statement sql = connection.createStatement();
             ResultSet blocks = sql.executeQuery("select block_no, after_txid::text, after_id, last_txid::text, last_id, records "
                     + "from audit.block where client_id = '" + client + "' order by block_no")) {
            long expected = 0;
            long total = 0;
            String previousEnd = "0/0";
            while (blocks.next()) {
                assertThat(blocks.getLong(1)).isEqualTo(++expected);
                assertThat(blocks.getString(2) + "/" + blocks.getLong(3)).as("each block starts where the last ended").isEqualTo(previousEnd);
                previousEnd = blocks.getString(4) + "/" + blocks.getLong(5);
                total += blocks.getLong(6);
            }
            assertThat(total).isEqualTo(200);
        }
    }

    @Test
    void aSealThatDiesMidwayLeavesTheRecordsForTheNextWhichSealsEachOnce() throws SQLException {
        UUID client = null;
        int sealedByTheDyingNode = 0;
        // The background sealer may take a fresh client's records first; try again until this seal did.
        for (int attempt = 0; attempt < 5 && sealedByTheDyingNode < 6; attempt++) {
            UUID candidate = UUID.randomUUID();
            append(candidate, 6);
            client = candidate;
            sealedByTheDyingNode = TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> {
                int sealed = trail.sealAll();
                tx.setRollbackOnly(); // the node dies before it commits
                return sealed;
            }));
        }
        assertThat(sealedByTheDyingNode).as("the dying seal took the records").isGreaterThanOrEqualTo(6);
        TenantScope.run(AllowedClients.ALL, trail::sealAll);
        ChainVerification result = verify(client);
        assertThat(result.intact()).isTrue();
        assertThat(result.checked()).isEqualTo(6);
        assertThat(superuserLong("select sum(records) from audit.block where client_id = '" + client + "'")).isEqualTo(6);
    }

    @Test
    void recordsLinkedOneByOneBeforeBlocksStayVerifiableAsTheChainsLegacyPrefix() throws SQLException {
        UUID client = UUID.randomUUID();
        // What the trail looked like before blocks: records linked one by one, the head at the last link.
        superuser("""
                do $$
                declare
                    v_client uuid := '%s';
                    v_hash bytea := sha256(convert_to('openbpo-audit-genesis:' || v_client, 'UTF8'));
                    v_seq bigint := 0;
                    r audit.record;
                begin
                    for i in 1..4 loop
                        insert into audit.record (client_id, recorded_at, actor, action, entity_type, entity_id, after)
                        values (v_client, now(), 'legacy', 'test.legacy', 'thing', i::text, jsonb_build_object('n', i));
                    end loop;
                    for r in select * from audit.record where client_id = v_client order by id loop
                        v_seq := v_seq + 1;
                        r.chain_seq := v_seq;
                        r.prev_hash := v_hash;
                        v_hash := sha256(v_hash || audit.record_text(r));
                        update audit.record set chain_seq = v_seq, prev_hash = r.prev_hash, hash = v_hash
                         where client_id = v_client and id = r.id;
                    end loop;
                    insert into audit.chain_head (client_id, last_seq, last_hash, sealed_txid, sealed_id)
                    select v_client, v_seq, v_hash, txid, id from audit.record where client_id = v_client
                     order by txid desc, id desc limit 1;
                end $$""".formatted(client));
        append(client, 3);
        TenantScope.run(AllowedClients.ALL, trail::sealAll);
        ChainVerification result = verify(client);
        assertThat(result.intact()).isTrue();
        assertThat(result.checked()).isEqualTo(7);
        assertThat(result.blocks()).isGreaterThanOrEqualTo(1);

        superuser("update audit.record set after = '{\"n\": 42}' where client_id = '" + client + "' and chain_seq = 2");
        ChainVerification broken = verify(client);
        assertThat(broken.brokenAt()).isEqualTo("record 2");
        assertThat(broken.reason()).contains("content");
        assertThat(broken.checked()).isEqualTo(1);
    }

    @Test
    void oneClientWhoseChainCannotBeSealedLeavesTheOthersSealed() throws SQLException {
        UUID stuck = UUID.randomUUID();
        UUID fine = UUID.randomUUID();
        append(stuck, 2);
        TenantScope.run(AllowedClients.ALL, trail::sealAll);
        // As when a chain head comes back older than its blocks: the next block's number is taken, so its seal fails.
        superuser("insert into audit.block select client_id, blocks + 1, sealed_txid, sealed_id, sealed_txid, sealed_id, "
                + "sealed_id, 1, last_hash, last_hash from audit.chain_head where client_id = '" + stuck + "'");
        try {
            append(stuck, 1);
            append(fine, 3);
            AuditTrail.Sealing sealing = TenantScope.call(AllowedClients.ALL, trail::sealEveryClient);
            for (int again = 0; again < 20 && !sealing.failed().containsKey(stuck); again++) {
                // the background sealer held the stuck chain at that moment
                sealing = TenantScope.call(AllowedClients.ALL, trail::sealEveryClient);
            }
            assertThat(sealing.failed()).containsOnlyKeys(stuck);
            assertThat(superuserLong("select coalesce(sum(records), 0) from audit.block where client_id = '" + fine + "'"))
                    .as("the other clients' chains are sealed").isEqualTo(3);
            assertThat(verify(fine).intact()).isTrue();
        } finally {
            superuser("delete from audit.block where client_id = '" + stuck + "'");
            superuser("delete from audit.chain_head where client_id = '" + stuck + "'");
            superuser("delete from audit.record where client_id = '" + stuck + "'");
        }
    }

    @Test
    void theApplicationWritesARecordsContentButNeverItsPositionOrLinks() throws SQLException {
        UUID client = UUID.randomUUID();
        for (String column : List.of("txid", "chain_seq", "prev_hash", "hash")) {
            String value = column.equals("txid") ? "'1'::xid8" : column.equals("chain_seq") ? "1" : "'\\x00'::bytea";
            try (Connection connection = TestDatabase.asApplicationRole(); Statement sql = connection.createStatement()) {
                connection.setAutoCommit(false);
                sql.execute("select set_config('openbpo.clients', '*', true)");
                assertThatThrownBy(() -> sql.execute("insert into audit.record (client_id, recorded_at, actor, action, entity_type, "
                        + "entity_id, " + column + ") values ('" + client + "', now(), 'forger', 'test.forged', 'thing', 'x', " + value + ")"))
                        .as(column).hasMessageContaining("permission denied");
                connection.rollback();
            }
        }
        append(client, 1);
        assertThat(TenantScope.call(AllowedClients.ALL, () -> trail.history(client, "thing", "x"))).isEmpty();
    }

    private void append(UUID client, int count) {
        TenantScope.run(AllowedClients.ALL, () -> transactions.execute(tx -> {
            for (int i = 0; i < count; i++) {
                trail.record(client, "test.counted", "thing", UUID.randomUUID(), null, Map.of("n", i));
            }
            return null;
        }));
    }

    private ChainVerification verify(UUID clientId) {
        return TenantScope.call(AllowedClients.ALL, () -> trail.verifyAll()).stream()
                .filter(result -> result.clientId().equals(clientId)).findFirst().orElseThrow();
    }

    private List<Long> recordIds(UUID client) throws SQLException {
        try (Connection connection = TestDatabase.get().superuserConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("select id from audit.record where client_id = '" + client + "' order by id")) {
            List<Long> ids = new java.util.ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
            return ids;
        }
    }

    /** How verify names the block that covers a record: "block N (records first…last)". */
    private String blockOf(UUID client, long recordId) throws SQLException {
        try (Connection connection = TestDatabase.get().superuserConnection(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("select 'block ' || b.block_no || ' (records ' || b.first_id || '…' || b.last_id || ')' "
                     + "from audit.block b join audit.record r on r.client_id = b.client_id and (r.txid, r.id) > (b.after_txid, b.after_id) "
                     + "and (r.txid, r.id) <= (b.last_txid, b.last_id) where b.client_id = '" + client + "' and r.id = " + recordId)) {
            assertThat(row.next()).as("a block covers record " + recordId).isTrue();
            return row.getString(1);
        }
    }

    private static void superuser(String statement) throws SQLException {
        try (Connection connection = TestDatabase.get().superuserConnection(); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private static long superuserLong(String query) throws SQLException {
        try (Connection connection = TestDatabase.get().superuserConnection(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    private Client register() {
        providerAdministrator();
        return TenantScope.call(AllowedClients.ALL, () -> clients.register(new RegisterClient(unique("AUD"), "Retail",
                "Retail Inc.", "US", "America/Chicago", "USD", ClientStatus.ACTIVE)));
    }
}
