package dev.canopy.platform.web;

import dev.canopy.platform.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests that match no handler because of their method or content type: {@link ApiProblems} only sees
 * exceptions of a handler it advises, and these have none. Answered as problems on every path; a browser never
 * sends them to a page.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class UnroutedProblems {

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupportedType(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .headers(e.getHeaders())
                .body(ProblemType.UNSUPPORTED_MEDIA_TYPE.problem("Send " + e.getSupportedMediaTypes()
                        + " (Content-Type was " + (e.getContentType() == null ? "missing" : e.getContentType()) + ")"));
    }

    /** An API path that does not exist; elsewhere the error page answers as before. */
    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noSuchPath(NoResourceFoundException e, HttpServletRequest request)
            throws NoResourceFoundException {
        if (!request.getRequestURI().startsWith("/api/")) {
            throw e;
        }
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ProblemType.NOT_FOUND.problem(noSuchPath(request.getRequestURI())));
    }

    /** What a request to a path the API does not have is told, whoever answers it. */
    static String noSuchPath(String path) {
        return "Nothing is at " + path + ". The API's paths are listed at /api/v1/openapi.json.";
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupportedMethod(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .headers(e.getHeaders())
                .body(ProblemType.METHOD_NOT_ALLOWED.problem(
                        e.getMethod() + " is not allowed here; use " + e.getSupportedHttpMethods()));
    }
}
