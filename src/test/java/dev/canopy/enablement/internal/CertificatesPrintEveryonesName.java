package dev.canopy.enablement.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * A certificate prints its holder's name in whatever Latin, Greek or Cyrillic letters it is written — the standard
 * PDF fonts printed "?" for anything outside Western European scripts — and a letter no embedded font has as "?".
 */
class CertificatesPrintEveryonesName {

    @Test
    void namesInLatinGreekAndCyrillicScriptsPrintAsWritten() throws Exception {
        byte[] pdf = CertificatePdf.of(new CertificatePdf.Lines(
                "Northwind Cloud certifies that",
                "Łukasz Żółć",
                "holds",
                "Сертифицированный продавец",
                "Ελληνική Λύση Α.Ε. 株式会社",
                "Earned 6 December 2026, valid until 6 December 2028",
                "Check it at",
                "https://canopy.example.com/verify/abc"));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("Łukasz Żółć")
                    .contains("Сертифицированный продавец")
                    .contains("Ελληνική Λύση Α.Ε. ????")
                    .contains("https://canopy.example.com/verify/abc");
        }
    }
}
