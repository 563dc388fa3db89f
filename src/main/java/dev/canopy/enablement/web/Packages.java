package dev.canopy.enablement.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.HandlerMapping;

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

    /** The path after {@code /packages/{key}/}, as the request asked for it. */
    static String path(HttpServletRequest request, String key) {
        String whole = (String) request.getAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE);
        String marker = "/packages/" + key + "/";
        int at = whole.indexOf(marker);
        return at < 0 ? "" : whole.substring(at + marker.length());
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
