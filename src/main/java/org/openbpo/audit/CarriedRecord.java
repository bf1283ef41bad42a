package org.openbpo.audit;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.function.BiConsumer;

/**
 * An audit record that the statement making the change writes itself, as one more data-modifying
 * {@code WITH} query, instead of a statement of its own: one round trip less for the hottest
 * changes (a work item raised, assigned, moved), where the separate insert cost a sixth of the
 * application's time. Made by {@link AuditTrail#carried}, which fixes everything but the entity's
 * client and id; the statement reads those from one of its own queries, see {@link #insertFrom}. The record is
 * the one {@link AuditTrail#record} would have written, in the same transaction.
 */
public record CarriedRecord(Instant at, String actor, String action, String entityType,
                            @Nullable String before, @Nullable String after) {

    /**
     * The insert of the record for each row of {@code source} (a query of the statement), whose
     * columns {@code clientColumn} and {@code idColumn} hold the entity's client and id; bind its
     * parameters with {@link #bindTo}.
     */
    public static String insertFrom(String source, String clientColumn, String idColumn) {
        return """
                insert into audit.record (client_id, recorded_at, actor, action, entity_type, entity_id, before, after)
                select %s, :auditAt::timestamptz, :auditActor::text, :auditAction::text, :auditEntityType::text,
                       %s::text, :auditBefore::json, :auditAfter::json
                  from %s""".formatted(clientColumn, idColumn, source);
    }

    /** Gives each named parameter of {@link #insertFrom} its value. */
    public void bindTo(BiConsumer<String, @Nullable Object> parameter) {
        parameter.accept("auditAt", Timestamp.from(at));
        parameter.accept("auditActor", actor);
        parameter.accept("auditAction", action);
        parameter.accept("auditEntityType", entityType);
        // Bound as text even when null, as AuditRecords binds them: a null of no type would make the
        // driver prepare the statement again whenever a record with a "before" follows one without.
        parameter.accept("auditBefore", new SqlParameterValue(Types.VARCHAR, before));
        parameter.accept("auditAfter", new SqlParameterValue(Types.VARCHAR, after));
    }
}
