package org.openbpo.web.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.CurrentUser;
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
 * response share one transaction: a retry with the same key replays the stored response and
 * changes nothing; a concurrent duplicate waits for the first and then replays it. Responses
 * that rolled back are not stored, so retrying them is safe. The key is claimed by inserting its
 * row before the request runs and the answer written into it after: two statements per request.
 */
@Component
class IdempotentPosts extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final Duration KEPT_FOR = Duration.ofHours(24);

    private record Stored(byte[] requestHash, int status, String contentType, byte[] body) {
    }

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
        Optional<Stored> earlier = transactions.execute(tx -> {
            // Claiming the key first serialises duplicates on its unique index: a concurrent request with the same
            // key waits here until the first commits (then finds its answer) or rolls back (then claims it itself).
            int claimed = jdbc.sql("""
                            insert into tenancy.idempotent_request (principal, key, request_hash, status, content_type, body, created_at)
                            values (?, ?, ?, 0, null, '', ?) on conflict do nothing""")
                    .params(principal, key, requestHash, Timestamp.from(clock.instant())).update();
            if (claimed == 0) {
                return jdbc.sql("""
                                select request_hash, status, content_type, body from tenancy.idempotent_request
                                 where principal = ? and key = ?""").params(principal, key)
                        .query((rs, n) -> new Stored(rs.getBytes(1), rs.getInt(2), rs.getString(3), rs.getBytes(4)))
                        .optional();
            }
            try {
                chain.doFilter(new ReplayableBody(request, body), cachedResponse);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ServletException e) {
                throw new IllegalStateException(e);
            }
            if (tx.isRollbackOnly() || cachedResponse.getStatus() >= 500) {
                tx.setRollbackOnly(); // the claim goes with it, so a retry runs the request afresh
            } else {
                jdbc.sql("""
                                update tenancy.idempotent_request set status = ?, content_type = ?, body = ?
                                 where principal = ? and key = ?""")
                        .params(cachedResponse.getStatus(), cachedResponse.getContentType(),
                                cachedResponse.getContentAsByteArray(), principal, key)
                        .update();
            }
            return Optional.<Stored>empty();
        });
        if (earlier != null && earlier.isPresent()) {
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
            return;
        }
        cachedResponse.copyBodyToResponse();
    }

    @Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
    void forgetOldKeys() {
        TenantScope.run(AllowedClients.ALL, () -> transactions.executeWithoutResult(tx ->
                jdbc.sql("delete from tenancy.idempotent_request where created_at < ?")
                        .param(Timestamp.from(clock.instant().minus(KEPT_FOR))).update()));
    }

    private void problem(HttpServletResponse response, HttpStatus status, String code, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
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
