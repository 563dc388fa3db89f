package dev.canopy.enablement.web;

import dev.canopy.enablement.CertificateView;
import dev.canopy.enablement.MyCertifications;
import dev.canopy.enablement.Requirements;
import dev.canopy.enablement.internal.CertificatePdf;
import dev.canopy.platform.BaseUrl;
import dev.canopy.platform.Flash;
import dev.canopy.platform.Formats;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The portal's certifications: what the person holds (with its public verification link) and what they work on. */
@Controller
@RequestMapping("/portal/certifications")
@PreAuthorize("hasRole('PARTNER')")
class PortalCertificationController {

    private final MyCertifications mine;
    private final Requirements requirements;
    private final BaseUrl baseUrl;
    private final MessageSource messages;
    private final Formats formats;

    PortalCertificationController(
            MyCertifications mine,
            Requirements requirements,
            BaseUrl baseUrl,
            MessageSource messages,
            Formats formats) {
        this.mine = mine;
        this.requirements = requirements;
        this.baseUrl = baseUrl;
        this.messages = messages;
        this.formats = formats;
    }

    /** The holder's certificate as a PDF, in their language, with the QR code of its verification page. */
    @GetMapping("/{id}/certificate.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, Locale locale) {
        MyCertifications.Printable p = mine.printable(id);
        CertificateView c = p.certificate();
        String url = baseUrl.link("/verify/" + c.code());
        byte[] pdf = CertificatePdf.of(new CertificatePdf.Lines(
                messages.getMessage("enablement.pdf.heading", new Object[] {p.vendor()}, locale),
                p.holder(),
                messages.getMessage("enablement.pdf.holds", null, locale),
                c.certification(),
                p.partner(),
                c.expiresAt() == null
                        ? messages.getMessage(
                                "enablement.certifications.earnedForever",
                                new Object[] {formats.longDate(c.earnedAt())},
                                locale)
                        : messages.getMessage(
                                "enablement.certifications.earned",
                                new Object[] {formats.longDate(c.earnedAt()), formats.longDate(c.expiresAt())},
                                locale),
                messages.getMessage("enablement.pdf.verify", null, locale),
                url));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("certificate-" + c.code() + ".pdf")
                                .build()
                                .toString())
                .body(pdf);
    }

    /** Renewal by retaking: the courses start over for the person; completing them earns a new certificate. */
    @PostMapping("/{id}/renewal")
    String renew(@PathVariable UUID id, Locale locale, RedirectAttributes redirect) {
        return Flash.after(redirect, "/portal/certifications", () -> {
            mine.renew(id);
            return messages.getMessage("enablement.certifications.renewing", null, locale);
        });
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("standings", mine.mine());
        model.addAttribute("gates", requirements.mine());
        model.addAttribute("verifyBase", baseUrl.link("/verify/"));
        return "enablement/portal/certifications";
    }
}
