package org.openbpo.tenancy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.openbpo.audit.AuditTrail;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.id.Ids;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.persistence.PrincipalChanges;
import org.openbpo.tenancy.persistence.TokenRows;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Personal API tokens. A token reads {@code obpo_<id in hex>_<secret>}: the id finds the row, the
 * secret (256 random bits) is compared by its SHA-256, so a leaked table yields no usable token.
 * A token checked against the database is remembered, with its user, for up to {@link #REMEMBERED}
 * and only until the database announces a change to tokens or users ({@link PrincipalChanges}), so a
 * busy integration does not read its token on every request and a revoked token or a disabled user
 * is still refused from the next request on.
 */
@Service
public class ApiTokens {

    private static final String PREFIX = "obpo_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();

    /** Why a presented token was refused; the API says which, never who it belonged to. */
    public enum Refusal { MALFORMED, UNKNOWN, EXPIRED, REVOKED, USER_DISABLED }

    public sealed interface Check {
        record Accepted(CurrentUser user) implements Check {
        }

        record Refused(Refusal reason) implements Check {
        }
    }

    /** How long a checked token is remembered at most; its last use is written when it is read again. */
    private static final Duration REMEMBERED = Duration.ofSeconds(30);
    private static final int MOST_REMEMBERED = 10_000;

    /** A token as read from the database under a generation of {@link PrincipalChanges}, to be used before {@code until}. */
    private record Remembered(TokenRows.Holder holder, long generation, Instant until) {
    }

    private final TokenRows tokens;
    private final PrincipalChanges changes;
    private final AuditTrail audit;
    private final Clock clock;
    private final Map<UUID, Remembered> remembered = new ConcurrentHashMap<>();
    private final Counter fromMemory;
    private final Counter fromDatabase;

    ApiTokens(TokenRows tokens, PrincipalChanges changes, AuditTrail audit, Clock clock, MeterRegistry meters) {
        this.tokens = tokens;
        this.changes = changes;
        this.audit = audit;
        this.clock = clock;
        this.fromMemory = Counter.builder("openbpo.api.token.checks").tag("read", "remembered")
                .description("API token checks answered from what this node remembers").register(meters);
        this.fromDatabase = Counter.builder("openbpo.api.token.checks").tag("read", "database")
                .description("API token checks that read the token and its user").register(meters);
    }

    @Transactional
    public IssuedToken issue(CurrentUser owner, String name, @Nullable UUID clientId, @Nullable Duration validFor) {
        if (clientId != null && !owner.maySee(clientId)) {
            throw new NotFound("client", clientId);
        }
        UUID scope = clientId != null ? clientId : owner.clientId();
        if (scope == null && !TenantScope.current().all()) {
            // A token naming no client is written where every client is: staff who serve some clients name one of theirs.
            Set<UUID> served = owner.allowedClients().clients();
            if (served.size() != 1) {
                throw BusinessRuleViolation.invalid("clientId", "name the client the token is for: you serve "
                        + (served.isEmpty() ? "no client" : served.size() + " clients") + ", not every client");
            }
            scope = served.iterator().next();
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        Instant now = clock.instant();
        ApiToken token = new ApiToken(Ids.next(), owner.id(), scope, name.strip(), now,
                validFor == null ? null : now.plus(validFor), null, null);
        String secretText = ENCODE.encodeToString(secret);
        tokens.insert(token, sha256(secretText));
        audit.record(scope, "api-token.issued", "api-token", token.id(), null, token);
        return new IssuedToken(token, PREFIX + hex(token.id()) + "_" + secretText);
    }

    @Transactional(readOnly = true)
    public List<ApiToken> of(CurrentUser owner) {
        return tokens.ofUser(owner.id());
    }

    @Transactional
    public void revoke(UUID tokenId, CurrentUser owner) {
        if (tokens.revoke(tokenId, owner.id(), clock.instant()) == 0) {
            throw new NotFound("API token", tokenId);
        }
        audit.record(owner.clientId(), "api-token.revoked", "api-token", tokenId, null, null);
    }

    /**
     * Authenticates a presented bearer token: one statement, in no transaction of its own, before
     * any tenant is known, unless this node remembers the token from a recent check and no change
     * to tokens or users was announced since. A revoked token or a disabled user is refused from the
     * next request on: on this node from the commit on, on others once the announcement arrives.
     */
    public Check check(String presented) {
        Optional<UUID> id = idOf(presented);
        if (id.isEmpty()) {
            return new Check.Refused(Refusal.MALFORMED);
        }
        byte[] secretHash = sha256(presented.substring(PREFIX.length() + 33));
        Instant now = clock.instant();
        Optional<TokenRows.Holder> stored = holder(id.get(), secretHash, now);
        if (stored.isEmpty() || !MessageDigest.isEqual(stored.get().secretHash(), secretHash)) {
            return new Check.Refused(Refusal.UNKNOWN);
        }
        ApiToken token = stored.get().token();
        if (token.revokedAt() != null) {
            return new Check.Refused(Refusal.REVOKED);
        }
        if (!token.usableAt(now)) {
            return new Check.Refused(Refusal.EXPIRED);
        }
        User user = stored.get().user();
        if (user.status() != UserStatus.ACTIVE) {
            return new Check.Refused(Refusal.USER_DISABLED);
        }
        return new Check.Accepted(CurrentUser.of(user).through(token));
    }

    /**
     * The token with its user, as remembered or as read now. Only a token whose secret matched is
     * remembered, under the generation current before the read: a change announced while reading
     * makes the answer stale at once.
     */
    private Optional<TokenRows.Holder> holder(UUID id, byte[] secretHash, Instant now) {
        long generation = changes.generation();
        @Nullable Remembered known = generation == PrincipalChanges.NOT_LISTENING ? null : remembered.get(id);
        if (known != null && known.generation() == generation && now.isBefore(known.until())) {
            fromMemory.increment();
            return Optional.of(known.holder());
        }
        fromDatabase.increment();
        Optional<TokenRows.Holder> stored = tokens.holder(id, secretHash, now);
        if (generation != PrincipalChanges.NOT_LISTENING && stored.isPresent()
                && MessageDigest.isEqual(stored.get().secretHash(), secretHash)) {
            if (remembered.size() >= MOST_REMEMBERED) {
                remembered.clear();
            }
            remembered.put(id, new Remembered(stored.get(), generation, now.plus(REMEMBERED)));
        }
        return stored;
    }

    private static Optional<UUID> idOf(String presented) {
        String rest = presented.startsWith(PREFIX) ? presented.substring(PREFIX.length()) : "";
        if (rest.length() < 34 || rest.length() > 120 || rest.charAt(32) != '_' || !lowerHex(rest, 32)) {
            return Optional.empty();
        }
        return Optional.of(new UUID(Long.parseUnsignedLong(rest.substring(0, 16), 16),
                Long.parseUnsignedLong(rest.substring(16, 32), 16)));
    }

    private static boolean lowerHex(String text, int length) {
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static String hex(UUID id) {
        return String.format("%016x%016x", id.getMostSignificantBits(), id.getLeastSignificantBits());
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
