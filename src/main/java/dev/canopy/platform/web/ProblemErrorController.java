package dev.canopy.platform.web;

import dev.canopy.platform.ProblemType;
import dev.canopy.platform.internal.RequestIds;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors that happen outside Spring MVC's handlers (a filter, the container) answer machines with an RFC 9457
 * problem too, never the framework's own shape or internals; browsers still get the error pages.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController extends BasicErrorController {

    ProblemErrorController(
            ErrorAttributes errorAttributes, WebProperties web, ObjectProvider<ErrorViewResolver> resolvers) {
        super(errorAttributes, web.getError(), resolvers.orderedStream().toList());
    }

    @Override
    @RequestMapping
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        if (status == HttpStatus.NO_CONTENT) {
            return new ResponseEntity<>(status);
        }
        Optional<ProblemType> type = ProblemType.forStatus(status.value());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.map(t -> t.uri().toString()).orElse("about:blank"));
        body.put("title", type.map(ProblemType::title).orElse(status.getReasonPhrase()));
        body.put("status", status.value());
        body.put("detail", status.is5xxServerError() ? ApiProblems.UNEXPECTED : detail(status, request));
        RequestIds.current().ifPresent(id -> body.put("instance", id));
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    private static String detail(HttpStatus status, HttpServletRequest request) {
        if (status == HttpStatus.NOT_FOUND) {
            Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            return UnroutedProblems.noSuchPath(path == null ? "this path" : path.toString());
        }
        return status.getReasonPhrase();
    }
}
