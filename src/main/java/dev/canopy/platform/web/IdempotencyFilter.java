package dev.canopy.platform.web;

import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.platform.ProblemResponses;
import dev.canopy.platform.ProblemType;
import dev.canopy.platform.Sha256;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Honours {@code Idempotency-Key} on API POSTs: the same key and body replay the first response, the
 * same key with another body is a 422, and a duplicate that arrives while the first is still running
 * gets a 409. Runs after Spring Security (order 0 &gt; -100), so keys are scoped to the caller: its workspace
 * and the API key or person that sent it.
 */
@Component
@Order(0)
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotency-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final IdempotencyKeys keys;
    private final CurrentWorkspace currentWorkspace;

    IdempotencyFilter(IdempotencyKeys keys, CurrentWorkspace currentWorkspace) {
        this.keys = keys;
        this.currentWorkspace = currentWorkspace;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !request.getRequestURI().startsWith("/api/v1/")
                || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<IdempotencyKeys.Scope> workspace = currentWorkspace
                .principal()
                .map(p -> new IdempotencyKeys.Scope(
                        p.workspaceId(), p.actor().kind() + ":" + p.actor().id()));
        if (workspace.isEmpty()) {
            chain.doFilter(request, response); // unauthenticated: security has answered already
            return;
        }
        String key = request.getHeader(HEADER);
        if (!VALID_KEY.matcher(key).matches()) {
            ProblemResponses.write(
                    response,
                    ProblemType.INVALID_IDEMPOTENCY_KEY.problem(
                            "Idempotency-Key must be 1 to 255 visible ASCII characters."));
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String hash = requestHash(request.getMethod(), request.getRequestURI(), request.getQueryString(), body);

        if (!keys.claim(workspace.get(), key, hash)) {
            answerDuplicate(response, keys.find(workspace.get(), key), hash);
            return;
        }
        ContentCachingResponseWrapper cached = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(new CachedBodyRequest(request, body), cached);
        } catch (IOException | ServletException | RuntimeException e) {
            keys.release(workspace.get(), key);
            throw e;
        }
        if (notStored(cached.getStatus())) {
            keys.release(workspace.get(), key);
        } else {
            keys.complete(
                    workspace.get(),
                    key,
                    cached.getStatus(),
                    cached.getContentType(),
                    cached.getHeader(HttpHeaders.LOCATION),
                    cached.getContentAsByteArray());
        }
        cached.copyBodyToResponse();
    }

    /**
     * Answers that are not the request's outcome and are never replayed: refusals (401, 403), input refused
     * before anything ran (400, 413, 415), throttling (429) and failures on our side (5xx). A retry with the
     * same key is processed anew. Business outcomes — 2xx, 404, 409, 410, 422 — are stored and replayed, as
     * Stripe does for requests that started executing (ADR 7).
     */
    static boolean notStored(int status) {
        return status == 400
                || status == 401
                || status == 403
                || status == 413
                || status == 415
                || status == 429
                || status >= 500;
    }

    private void answerDuplicate(HttpServletResponse response, Optional<IdempotencyKeys.Stored> stored, String hash)
            throws IOException {
        if (stored.isEmpty()) {
            // The first request failed and gave the key back between our claim and our read: try again.
            conflict(response);
        } else if (!stored.get().requestHash().equals(hash)) {
            ProblemResponses.write(
                    response,
                    ProblemType.IDEMPOTENCY_KEY_REUSED.problem(
                            "This Idempotency-Key was already used with a different request. Use a new key."));
        } else if (stored.get().completed()) {
            response.setStatus(stored.get().status());
            if (stored.get().contentType() != null) {
                response.setContentType(stored.get().contentType());
            }
            if (stored.get().location() != null) {
                response.setHeader(HttpHeaders.LOCATION, stored.get().location());
            }
            response.setHeader(REPLAYED_HEADER, "true");
            response.getOutputStream().write(stored.get().body());
        } else {
            conflict(response);
        }
    }

    private static void conflict(HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "1");
        ProblemResponses.write(
                response,
                ProblemType.REQUEST_IN_PROGRESS.problem(
                        "A request with this Idempotency-Key is still being processed. Retry shortly."));
    }

    /** What makes two requests "the same request": method, path, query and body. */
    static String requestHash(String method, String path, String query, byte[] body) {
        return sha256(method + " " + path + "?" + (query == null ? "" : query), body);
    }

    private static String sha256(String target, byte[] body) {
        MessageDigest digest = Sha256.digest();
        digest.update(target.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        return HexFormat.of().formatHex(digest.digest(body));
    }
}
