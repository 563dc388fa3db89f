package dev.canopy.comarketing.web;

import dev.canopy.comarketing.FundClaims;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A claim line's receipt as a response. Its type was sniffed from its bytes when it was stored; only the types
 * receipts may have are shown in the browser, anything else is saved, the browser never sniffs it again, and it is
 * sandboxed so that nothing in it runs on Canopy's address (Chromium's PDF viewer still shows a PDF). Private to the
 * reader: never kept in a shared cache.
 */
final class Receipts {

    private static final Set<String> SHOWN = Set.of("application/pdf", "image/png", "image/jpeg", "image/webp");

    private Receipts() {}

    static ResponseEntity<Resource> of(FundClaims.Receipt receipt) {
        boolean shown = SHOWN.contains(receipt.contentType());
        ContentDisposition disposition = (shown ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(receipt.fileName(), StandardCharsets.UTF_8)
                .build();
        return ResponseEntity.ok()
                .contentType(
                        shown ? MediaType.parseMediaType(receipt.contentType()) : MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; img-src 'self'; object-src 'self'; sandbox")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(receipt.file());
    }
}
