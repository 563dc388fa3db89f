package dev.canopy.platform.web;

import dev.canopy.platform.ProblemType;
import dev.canopy.platform.internal.RequestIds;
import dev.canopy.shared.ConflictException;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.InvalidInputException.FieldProblem;
import dev.canopy.shared.NotFoundException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as an RFC 9457 problem: a status, a title, a detail, and for bad input an
 * {@code errors} list naming each field at fault.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiProblems.class);

    /** What an error Canopy did not expect says: nothing of its internals. */
    static final String UNEXPECTED = "Something went wrong on our side. Try again; if it keeps happening, tell us.";

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        return withErrors(ProblemType.INVALID_INPUT.problem(e.getMessage()), e.problems());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ProblemType.NOT_FOUND.problem(e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail problem = ProblemType.CONFLICT.problem(e.getMessage());
        return e.field() == null ? problem : withErrors(problem, List.of(new FieldProblem(e.field(), e.getMessage())));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return ProblemType.FORBIDDEN.problem("This key or user may not do that.");
    }

    /** Anything unexpected: a 500 problem that says so without internals; the log keeps the cause. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        LOG.error("Unexpected error answering an API request", e);
        return ProblemType.INTERNAL.problem(UNEXPECTED);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), String.valueOf(error.getDefaultMessage())))
                .toList();
        ProblemDetail problem =
                withErrors(ProblemType.INVALID_INPUT.problem("Some fields are missing or wrong."), problems);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(
                                String.valueOf(result.getMethodParameter().getParameterName()),
                                String.valueOf(error.getDefaultMessage()))))
                .toList();
        ProblemDetail problem = withErrors(ProblemType.INVALID_INPUT.problem("Some parameters are wrong."), problems);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (RequestSizeLimitFilter.causedByOversizeBody(e)) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(RequestSizeLimitFilter.tooLarge());
        }
        ProblemDetail problem = ProblemType.MALFORMED_BODY.problem(
                "The body is not valid JSON of the expected shape: " + rootMessage(e));
        return ResponseEntity.badRequest().body(problem);
    }

    /** A path or query value of the wrong type ({@code /partners/not-a-uuid}): invalid input naming it. */
    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = String.valueOf(e.getPropertyName());
        String expected =
                e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName();
        String message = "'" + e.getValue() + "' is not a valid " + ("UUID".equals(expected) ? "id" : expected);
        return ResponseEntity.badRequest()
                .body(withErrors(
                        ProblemType.INVALID_INPUT.problem(field + ": " + message),
                        List.of(new FieldProblem(field, message))));
    }

    /** Spring's own problems (missing parameter, unreadable value…) get Canopy's type, title and instance. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // Most of Spring's handlers pass no body, leaving their exception's own; it leaves the type out (null) where
        // RFC 9457 would say about:blank.
        Object problemBody = body == null && e instanceof ErrorResponse error ? error.getBody() : body;
        if (problemBody instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(String.valueOf(problem.getType())))) {
            ProblemType.forStatus(status.value()).ifPresent(type -> {
                problem.setType(type.uri());
                problem.setTitle(type.title());
            });
            RequestIds.current().map(java.net.URI::create).ifPresent(problem::setInstance);
        }
        return super.handleExceptionInternal(e, problemBody, headers, status, request);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        // Parser messages quote the input at length; the first line says what is wrong.
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static ProblemDetail withErrors(ProblemDetail problem, List<FieldProblem> problems) {
        problem.setProperty(
                "errors",
                problems.stream()
                        .map(p -> Map.of("field", p.field(), "message", p.message()))
                        .toList());
        return problem;
    }
}
