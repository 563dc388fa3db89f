package dev.canopy.tracking.internal;

import dev.canopy.shared.WorkspaceId;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A link as the redirect serves it from memory. The address a visitor is sent to always starts with
 * the stored destination's scheme, host, port and path, exactly; everything the request brings is
 * decoded and re-encoded into query parameters after it, so no input can move the visitor elsewhere.
 */
public record RedirectTarget(
        UUID linkId,
        WorkspaceId workspace,
        UUID partnerId,
        UUID programId,
        String ref,
        boolean disabled,
        String base,
        String query,
        String fragment,
        Set<String> ownParameters) {

    public static final String CLICK_PARAMETER = "cnp_click";
    public static final String REF_PARAMETER = "cnp_ref";

    // Longer pass-through queries are cut: a redirect's Location header must stay a sane size.
    private static final int MAX_PASS_THROUGH = 2048;

    public static RedirectTarget of(
            UUID linkId,
            WorkspaceId workspace,
            UUID partnerId,
            UUID programId,
            String ref,
            boolean disabled,
            URI destination,
            Map<String, String> utm) {
        String base = destination.getScheme() + "://" + destination.getRawAuthority()
                + (destination.getRawPath() == null || destination.getRawPath().isEmpty()
                        ? "/"
                        : destination.getRawPath());
        StringBuilder query = new StringBuilder();
        Set<String> own = new java.util.HashSet<>();
        if (destination.getRawQuery() != null && !destination.getRawQuery().isEmpty()) {
            query.append(destination.getRawQuery());
            own.addAll(passThrough(destination.getRawQuery(), Set.of()).keySet());
        }
        utm.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                append(query, name, value);
                own.add(name);
            }
        });
        return new RedirectTarget(
                linkId,
                workspace,
                partnerId,
                programId,
                ref,
                disabled,
                base,
                query.toString(),
                destination.getRawFragment(),
                Set.copyOf(own));
    }

    /**
     * The Location for one visit: the stored destination, its own and its UTM parameters, the request's
     * parameters (except ours and those the link sets), then the click id (when counted) and the ref.
     */
    public String location(String requestQuery, UUID clickId) {
        StringBuilder query = new StringBuilder(query());
        passThrough(requestQuery, ownParameters).forEach((name, value) -> append(query, name, value));
        if (clickId != null) {
            append(query, CLICK_PARAMETER, clickId.toString());
        }
        append(query, REF_PARAMETER, ref);
        StringBuilder location = new StringBuilder(base.length() + query.length() + 2).append(base);
        if (!query.isEmpty()) {
            location.append('?').append(query);
        }
        if (fragment != null) {
            location.append('#').append(fragment);
        }
        return location.toString();
    }

    private static Map<String, String> passThrough(String requestQuery, Set<String> excluded) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (requestQuery == null || requestQuery.isEmpty()) {
            return parameters;
        }
        String raw =
                requestQuery.length() > MAX_PASS_THROUGH ? requestQuery.substring(0, MAX_PASS_THROUGH) : requestQuery;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (!name.isBlank()
                    && !name.equals(CLICK_PARAMETER)
                    && !name.equals(REF_PARAMETER)
                    && !excluded.contains(name)) {
                parameters.putIfAbsent(name, value);
            }
        }
        return parameters;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw; // a malformed escape is kept as typed; it is encoded again below
        }
    }

    private static void append(StringBuilder query, String name, String value) {
        if (!query.isEmpty()) {
            query.append('&');
        }
        query.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
