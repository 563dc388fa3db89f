package dev.canopy.enablement.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriUtils;

/**
 * A SCORM package's file as the player's frame loads it. Packages are the vendor's own code, run in Canopy's
 * origin (the runtime API lives in the parent page); the CSP lets them run their scripts and styles but reach
 * nothing outside Canopy, be framed by Canopy alone, and send no forms. ADR 27.
 */
final class Packages {

    static final String CSP = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; "
            + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'; "
            + "frame-ancestors 'self'";

    private Packages() {}

    /** The file's path inside the package: what follows {@code /packages/{key}/} in the request, decoded. */
    static String path(HttpServletRequest request, String key) {
        String whole = request.getRequestURI();
        String marker = "/packages/" + key + "/";
        int at = whole.indexOf(marker);
        return at < 0 ? "" : UriUtils.decode(whole.substring(at + marker.length()), StandardCharsets.UTF_8);
    }

    /** The launch file as a URL path (each segment encoded; its query, if any, as the manifest wrote it). */
    static String launch(String launch) {
        int query = launch.indexOf('?');
        String path = query < 0 ? launch : launch.substring(0, query);
        StringBuilder url = new StringBuilder();
        for (String segment : path.split("/")) {
            url.append(url.isEmpty() ? "" : "/").append(UriUtils.encodePathSegment(segment, StandardCharsets.UTF_8));
        }
        return url + (query < 0 ? "" : launch.substring(query));
    }

    static ResponseEntity<Resource> serve(Resource file) {
        MediaType type = MediaTypeFactory.getMediaType(file).orElse(MediaType.APPLICATION_OCTET_STREAM);
        return ResponseEntity.ok()
                .contentType(type)
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header("Content-Security-Policy", CSP)
                .header("X-Frame-Options", "SAMEORIGIN")
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                .body(file);
    }
}
