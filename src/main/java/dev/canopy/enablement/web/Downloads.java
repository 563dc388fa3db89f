package dev.canopy.enablement.web;

import dev.canopy.enablement.Download;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A file asset as a response: its sniffed type, its name (UTF-8 safe), saved rather than shown unless it is an
 * image or a video, never sniffed again by the browser, and sandboxed so that nothing in it runs on Canopy's
 * address. Private to the reader: a partner who loses access must not find it in a shared cache.
 */
final class Downloads {

    private Downloads() {}

    static ResponseEntity<Resource> of(Download download) {
        ContentDisposition disposition = (download.inline()
                        ? ContentDisposition.inline()
                        : ContentDisposition.attachment())
                .filename(download.fileName(), StandardCharsets.UTF_8)
                .build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.contentType()))
                .contentLength(download.sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; media-src 'self'; img-src 'self'; sandbox")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(download.content());
    }
}
