package dev.canopy.tracking.web;

import dev.canopy.tracking.LinkId;
import dev.canopy.tracking.LinkView;
import dev.canopy.tracking.Links;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** A link's QR code as a download named after the link, for the portal and the console alike. */
final class QrResponses {

    private QrResponses() {}

    static ResponseEntity<byte[]> png(Links links, LinkId id) {
        LinkView link = links.get(id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(link, "png"))
                .body(links.qrPng(id));
    }

    static ResponseEntity<String> svg(Links links, LinkId id) {
        LinkView link = links.get(id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(link, "svg"))
                .body(links.qrSvg(id));
    }

    private static String disposition(LinkView link, String extension) {
        return ContentDisposition.inline()
                .filename("qr-" + link.slug() + "." + extension)
                .build()
                .toString();
    }
}
