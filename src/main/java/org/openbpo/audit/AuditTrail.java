package org.openbpo.audit;

import org.jspecify.annotations.Nullable;
import org.openbpo.audit.persistence.AuditRecords;
import org.openbpo.shared.tenant.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The append-only audit trail. {@link #record} must run inside the transaction that makes the
 * change, so the change and its record commit or vanish together. A before or after is stored as
 * JSON: an object is serialised, a {@link JsonText} is kept as the caller wrote it.
 */
@Service
public class AuditTrail {

    /** The chain of records that belong to the provider rather than to one client. */
    public static final UUID PROVIDER = new UUID(0, 0);

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

    private final AuditRecords records;
    private final ObjectMapper json;
    private final Clock clock;
    private final TransactionTemplate transactions;

    AuditTrail(AuditRecords records, ObjectMapper json, Clock clock, TransactionTemplate transactions) {
        this.records = records;
        this.json = json;
        this.clock = clock;
        this.transactions = transactions;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(@Nullable UUID clientId, String action, String entityType, Object entityId,
                       @Nullable Object before, @Nullable Object after) {
        records.append(clientId == null ? PROVIDER : clientId, clock.instant(), Actor.name(), action, entityType,
                String.valueOf(entityId), toJson(before), toJson(after));
    }

    /**
     * The record {@link #record} would write, for the statement that makes the change to write
     * itself (see {@link CarriedRecord}); the entity's client and id come from that statement.
     */
    public CarriedRecord carried(String action, String entityType, @Nullable Object before, @Nullable Object after) {
        return new CarriedRecord(clock.instant(), Actor.name(), action, entityType, toJson(before), toJson(after));
    }

    /** One action applied to many entities at once (a timer's batch, a bulk action), in one statement. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordMany(String action, String entityType, List<UUID> clientIds, List<String> entityIds, List<?> afters) {
        recordEach(action, entityType, clientIds, entityIds, java.util.Collections.nCopies(entityIds.size(), Actor.name()), afters);
    }

    /**
     * One action applied to many entities, each by its own actor (posts written together for several
     * callers), in one statement.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordEach(String action, String entityType, List<UUID> clientIds, List<String> entityIds,
                           List<String> actors, List<?> afters) {
        records.appendEach(clock.instant(), action, entityType, clientIds, entityIds, actors,
                afters.stream().map(this::toJson).toList());
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> history(UUID clientId, String entityType, Object entityId) {
        return records.history(clientId, entityType, String.valueOf(entityId));
    }

    /** How many records (of the clients in scope) wait for the sealer. */
    @Transactional(readOnly = true)
    public long unsealedRecords() {
        return records.unsealed();
    }

    /** How many records a sealing run chained, and the clients whose chains it could not extend, with why. */
    public record Sealing(int sealed, Map<UUID, String> failed) {
    }

    /** Chains every record whose transaction has ended; returns how many it sealed. */
    public int sealAll() {
        return sealEveryClient().sealed();
    }

    /**
     * Chains every record whose transaction has ended, each client in a transaction of its own (or in
     * the caller's, if there is one): a client whose chain cannot be extended (transaction ids that went
     * back after a restore into another cluster, say) is logged and reported, and the others are sealed.
     */
    public Sealing sealEveryClient() {
        List<UUID> clients = transactions.execute(tx -> records.clientsWithUnsealedRecords());
        int sealed = 0;
        Map<UUID, String> failed = new LinkedHashMap<>();
        for (UUID client : clients == null ? List.<UUID>of() : clients) {
            try {
                Integer count = transactions.execute(tx -> records.seal(client));
                sealed += count == null ? 0 : count;
            } catch (RuntimeException e) {
                String why = e instanceof DataAccessException d ? d.getMostSpecificCause().getMessage() : e.toString();
                LOG.error("The audit chain of client {} was not sealed; the other clients' chains are: {}", client, why);
                failed.put(client, why);
            }
        }
        return new Sealing(sealed, failed);
    }

    @Transactional(readOnly = true)
    public List<ChainVerification> verifyAll() {
        return records.chainedClients().stream().map(records::verify).toList();
    }

    /** Whether the client's chain holds a link with this hash (hex), as {@link ChainVerification} names heads. */
    @Transactional(readOnly = true)
    public boolean holdsLink(UUID clientId, String hexHash) {
        return records.holdsLink(clientId, java.util.HexFormat.of().parseHex(hexHash));
    }

    private @Nullable String toJson(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof JsonText text) {
            return text.json();
        }
        String flat = value instanceof Map<?, ?> map ? FlatJson.write(map) : null;
        return flat != null ? flat : json.writeValueAsString(value);
    }
}
