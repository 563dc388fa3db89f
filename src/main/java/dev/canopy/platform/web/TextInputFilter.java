package dev.canopy.platform.web;

import dev.canopy.platform.ProblemResponses;
import dev.canopy.platform.ProblemType;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.InvalidInputException.FieldProblem;
import dev.canopy.shared.Texts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every request's text checked in one place, before anything reads or stores it ({@link Texts}): query and form
 * parameters, and JSON or text bodies, which must be valid UTF-8; a JSON body may not name a field twice. A
 * refusal is a 400 problem naming the parameter or the JSON path ("items[2].name"). Uploaded files are
 * checked where they are read; the redirect path, which stores no text, is left alone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
class TextInputFilter extends OncePerRequestFilter {

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/r/")
                || path.startsWith("/webjars/")
                || path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.startsWith("/images/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type =
                request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        HttpServletRequest checked = request;
        if (type.startsWith("application/json") || type.matches("application/[a-z.+-]*\\+json.*")) {
            byte[] body = request.getInputStream().readAllBytes();
            FieldProblem refusal = jsonRefusal(body);
            if (refusal != null) {
                refuse(response, refusal);
                return;
            }
            checked = new CachedBodyRequest(request, body);
        } else if (type.startsWith("text/")) {
            byte[] body = request.getInputStream().readAllBytes();
            try {
                Texts.utf8(body, "body");
            } catch (InvalidInputException e) {
                refuse(response, e.problems().getFirst());
                return;
            }
            checked = new CachedBodyRequest(request, body);
        }
        // Query parameters always; form fields of a urlencoded body too (a multipart body's are not parsed here).
        if (!type.startsWith("multipart/")) {
            for (Map.Entry<String, String[]> parameter :
                    request.getParameterMap().entrySet()) {
                String problem = Texts.problem(parameter.getKey());
                for (String value : parameter.getValue()) {
                    problem = problem != null ? problem : Texts.problem(value);
                }
                if (problem != null) {
                    refuse(response, new FieldProblem(parameter.getKey(), problem));
                    return;
                }
            }
        }
        chain.doFilter(checked, response);
    }

    /** The first thing wrong with a JSON body, or null (malformed JSON is left to MVC to answer). */
    private static FieldProblem jsonRefusal(byte[] body) {
        if (!Texts.isUtf8(body)) {
            return new FieldProblem("body", "The body is not valid UTF-8");
        }
        if (body.length == 0) {
            return null;
        }
        JsonNode tree;
        try {
            tree = STRICT.readTree(body);
        } catch (StreamReadException e) {
            String message = String.valueOf(e.getOriginalMessage());
            if (message.startsWith("Duplicate Object property")) {
                String field = message.replaceFirst("^Duplicate Object property \"(.*)\"$", "$1");
                return new FieldProblem(field, "This field is given twice");
            }
            return null;
        } catch (JacksonException e) {
            return null;
        }
        return walk(tree, "");
    }

    private static FieldProblem walk(JsonNode node, String path) {
        if (node.isString()) {
            String problem = Texts.problem(node.stringValue());
            return problem == null ? null : new FieldProblem(path.isEmpty() ? "body" : path, problem);
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                FieldProblem found = walk(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                String name = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
                String problem = Texts.problem(property.getKey());
                if (problem != null) {
                    return new FieldProblem(name, problem);
                }
                FieldProblem found = walk(property.getValue(), name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static void refuse(HttpServletResponse response, FieldProblem refusal) throws IOException {
        ProblemDetail problem = ProblemType.INVALID_INPUT.problem(refusal.field() + ": " + refusal.message());
        problem.setProperty("errors", List.of(Map.of("field", refusal.field(), "message", refusal.message())));
        ProblemResponses.write(response, problem);
    }
}
