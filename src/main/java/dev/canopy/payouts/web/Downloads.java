package dev.canopy.payouts.web;

import dev.canopy.payouts.PayoutDocument;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** What the payout pages share: a document as a download. */
final class Downloads {

    private Downloads() {}

    static ResponseEntity<byte[]> of(PayoutDocument document) {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(document.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(MediaType.parseMediaType(document.contentType()))
                .body(document.content());
    }
}
