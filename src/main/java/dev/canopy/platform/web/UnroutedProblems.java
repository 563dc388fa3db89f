package dev.canopy.platform.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

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
                .body(ApiProblems.problem(
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "Unsupported content type",
                        "Send " + e.getSupportedMediaTypes() + " (Content-Type was "
                                + (e.getContentType() == null ? "missing" : e.getContentType()) + ")"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupportedMethod(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .headers(e.getHeaders())
                .body(ApiProblems.problem(
                        HttpStatus.METHOD_NOT_ALLOWED,
                        "Method not allowed",
                        e.getMethod() + " is not allowed here; use " + e.getSupportedHttpMethods()));
    }
}
