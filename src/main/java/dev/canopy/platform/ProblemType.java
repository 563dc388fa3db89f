package dev.canopy.platform;

import dev.canopy.platform.internal.RequestIds;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The kinds of API error. Each has a stable {@code type} URI that a client may switch on, and one title; the
 * {@code detail} says what went wrong this time and {@code instance} is the request's id (docs/api.md lists them).
 */
public enum ProblemType {
    INVALID_INPUT(HttpStatus.BAD_REQUEST, "Invalid input"),
    MALFORMED_BODY(HttpStatus.BAD_REQUEST, "Malformed request body"),
    INVALID_IDEMPOTENCY_KEY(HttpStatus.BAD_REQUEST, "Invalid Idempotency-Key"),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "Unauthorized"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "Forbidden"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    CONFLICT(HttpStatus.CONFLICT, "Conflict"),
    REQUEST_IN_PROGRESS(HttpStatus.CONFLICT, "Request in progress"),
    CONTENT_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type"),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private static final String PREFIX = "urn:canopy:problem:";

    private final HttpStatus status;
    private final String title;

    ProblemType(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI uri() {
        return URI.create(PREFIX + name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** A problem of this kind, its instance the current request's id. */
    public ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(uri());
        problem.setTitle(title);
        RequestIds.current().map(URI::create).ifPresent(problem::setInstance);
        return problem;
    }

    /** The kind an error of this status is when nothing more specific is known: the first one listed. */
    public static Optional<ProblemType> forStatus(int status) {
        return Arrays.stream(values()).filter(t -> t.status.value() == status).findFirst();
    }
}
