package org.openbpo.web.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.openbpo.shared.secret.SecretAnswers;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Honours {@code Idempotency-Key} on every API POST. The request, its effects and the stored
 * response share one transaction, and the response is stored by one insert at its end — one
 * statement per request. The key's unique index decides which request with that key keeps its
 * effects: a retry, or a concurrent duplicate, runs too, but its insert finds the key taken
 * (waiting for the first to commit if need be), so everything it did is rolled back and it replays
 * the stored answer instead. A retry thus costs the work of the request once more, never its
 * effects; the API's effects are all in the database (mail goes through outboxes), so rolling
 * them back undoes them. A request that failed (rolled back, or a server error) stores nothing,
 * so retrying it is safe; it too looks for an answer stored under its key, because it may have
 * failed only because a concurrent duplicate won (a unique value it also tried to create). A request
 * that answered success although part of its work failed (an endpoint that reports each item's
 * outcome, such as a bulk action, catches the failure, which leaves the shared transaction to roll
 * back) changed nothing either, and is answered 409 instead of a success that did not happen. An
 * answer holding a secret shown once ({@link SecretAnswers}) is not kept: its key keeps a 409 saying so.
 */
@Component
class IdempotentPosts extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final Duration KEPT_FOR = Duration.ofHours(24);
    private static final String PROBLEM = "application/problem+json";
    private static final String SECRET_NOT_KEPT = "The first request with this " + HEADER + " was answered with a secret, "
            + "which is shown once and not kept: nothing was issued again. If that answer was lost, revoke what it issued "
            + "and ask for a new one.";

    private record Stored(byte[] requestHash, int status, @Nullable String contentType, byte[] body) {
    }

    /** What became of a request's own answer. */
    private enum Outcome { STORED, KEY_TAKEN, NOT_STORED, NOT_APPLIED }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;

    IdempotentPosts(JdbcClient jdbc, TransactionTemplate transactions, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/v1/")
                || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > 255) {
            problem(response, HttpStatus.BAD_REQUEST, "invalid-idempotency-key", "Idempotency-Key must be 1 to 255 characters.");
            return;
        }
        if (!(SecurityContextHolder.getContext().getAuthentication() != null
                && SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof CurrentUser user)) {
            chain.doFilter(request, response);
            return;
        }
        String principal = "user:" + user.id() + (user.tokenId() == null ? "" : ":token:" + user.tokenId());
        byte[] body = request.getInputStream().readAllBytes();
        byte[] requestHash = sha256(request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString()
                + "\n" + new String(body, StandardCharsets.UTF_8));
        var cachedResponse = new ContentCachingResponseWrapper(response);
        Outcome outcome = transactions.execute(tx -> {
            try {
                chain.doFilter(new ReplayableBody(request, body), cachedResponse);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ServletException e) {
                throw new IllegalStateException(e);
            }
            if (tx.isRollbackOnly() && cachedResponse.getStatus() < 400) {
                // The request answered success, but part of its work failed and was caught (a bulk action's
                // refused item, say) and that left the one transaction to be rolled back: nothing it did stays.
                tx.setRollbackOnly();
                return Outcome.NOT_APPLIED;
            }
            if (tx.isRollbackOnly() || cachedResponse.getStatus() >= 500) {
                tx.setRollbackOnly();
                return Outcome.NOT_STORED;
            }
            Stored kept = Boolean.TRUE.equals(request.getAttribute(SecretAnswers.REQUEST_ATTRIBUTE))
                    ? new Stored(requestHash, HttpStatus.CONFLICT.value(), PROBLEM,
                    json.writeValueAsBytes(ApiErrors.problem(HttpStatus.CONFLICT, "secret-not-kept", SECRET_NOT_KEPT)))
                    : new Stored(requestHash, cachedResponse.getStatus(), cachedResponse.getContentType(),
                    cachedResponse.getContentAsByteArray());
            int inserted;
            try {
                inserted = jdbc.sql("""
                                insert into tenancy.idempotent_request (principal, key, request_hash, status, content_type, body, created_at)
                                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                        .params(principal, key, kept.requestHash(), kept.status(), kept.contentType(), kept.body(),
                                Timestamp.from(clock.instant()))
                        .update();
            } catch (DataAccessException e) {
                // The request's own work left the transaction unusable (a failed statement it caught): nothing is kept.
                tx.setRollbackOnly();
                return Outcome.NOT_STORED;
            }
            if (inserted == 0) {
                tx.setRollbackOnly(); // an earlier request with this key stands; this one's effects go
                return Outcome.KEY_TAKEN;
            }
            return Outcome.STORED;
        });
        if (outcome == Outcome.STORED) {
            cachedResponse.copyBodyToResponse();
            return;
        }
        if (outcome == Outcome.NOT_APPLIED) {
            cachedResponse.resetBuffer();
            response.setHeader("Location", null);
            problem(response, HttpStatus.CONFLICT, "not-applied-as-one", "Part of this request failed, and under an "
                    + HEADER + " a request is kept whole or not at all: nothing was changed. Send it again without the key, "
                    + "or leave out what failed.");
            return;
        }
        Optional<Stored> earlier = stored(principal, key);
        if (earlier.isEmpty()) {
            if (outcome == Outcome.KEY_TAKEN) {
                throw new IllegalStateException("Idempotency-Key " + key + " was taken but its answer is gone");
            }
            cachedResponse.copyBodyToResponse();
            return;
        }
        Stored stored = earlier.get();
        if (!MessageDigest.isEqual(stored.requestHash(), requestHash)) {
            problem(response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                    "This Idempotency-Key was already used for a different request.");
            return;
        }
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        response.setHeader("Idempotent-Replayed", "true");
        response.getOutputStream().write(stored.body());
    }

    /** The answer stored under the key, read outside any transaction: the table has no tenant. */
    private Optional<Stored> stored(String principal, String key) {
        return jdbc.sql("""
                        select request_hash, status, content_type, body from tenancy.idempotent_request
                         where principal = ? and key = ?""").params(principal, key)
                .query((rs, n) -> new Stored(rs.getBytes(1), rs.getInt(2), rs.getString(3), rs.getBytes(4)))
                .optional();
    }

    @Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
    void forgetOldKeys() {
        TenantScope.run(AllowedClients.ALL, () -> transactions.executeWithoutResult(tx ->
                jdbc.sql("delete from tenancy.idempotent_request where created_at < ?")
                        .param(Timestamp.from(clock.instant().minus(KEPT_FOR))).update()));
    }

    private void problem(HttpServletResponse response, HttpStatus status, String code, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(PROBLEM);
        response.getOutputStream().write(json.writeValueAsBytes(ApiErrors.problem(status, code, detail)));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
