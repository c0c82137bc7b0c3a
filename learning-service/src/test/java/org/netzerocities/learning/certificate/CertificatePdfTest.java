package org.netzerocities.learning.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The certificate's PDF opens in a PDF reader, says what it certifies, and its QR code leads to the verification. */
class CertificatePdfTest {

    private static final String CODE = "7KQ2-M9XD-3HTA-0BZC-W511";
    private static final String URL = "https://portal.netzerocities.eu/api/learning/certificates/" + CODE;

    private final CertificatePdf pdf = new CertificatePdf();

    @Test
    void aReaderFindsTheHolderTheProgrammeTheCohortTheDateTheCodeAndTheVerificationUrl() throws Exception {
        var read = CertificateDocuments.read(pdf.render(verification("Zoë Łukasiewicz-Παπαδοπούλου")));

        assertThat(read.pages()).isEqualTo(1);
        assertThat(read.text()).contains("Zoë Łukasiewicz-Παπαδοπούλου", "NZCommunities Capability-Building Programme",
                "Spring 2027, Lisbon", "1 March 2027", "Social innovation", "Systems thinking", CODE, URL);
        assertThat(read.title()).contains(CODE);
    }

    @Test
    void theQrCodeDecodesToTheVerificationUrl() throws Exception {
        assertThat(CertificateDocuments.read(pdf.render(verification("Ada Lovelace"))).qrCode()).isEqualTo(URL);
    }

    @Test
    void theLongestAcceptedUrlStillFitsTheQrCodeAndThePage() throws Exception {
        String path = "/api/learning/certificates/" + CODE;
        String longest = "https://" + "a".repeat(CertificatePdf.MAX_URL_LENGTH - "https://".length() - path.length())
                + path;
        var certificate = new CertificateVerification(CODE, "Ada Lovelace", false, Certificate.PROGRAMME,
                FiveModules.TITLES, "Spring 2027, Lisbon", Instant.parse("2027-03-01T09:30:00Z"), "VALID", null, null,
                longest, longest + "/pdf");

        var read = CertificateDocuments.read(pdf.render(certificate));

        assertThat(read.pages()).isEqualTo(1);
        assertThat(read.qrCode()).isEqualTo(longest);
    }

    static CertificateVerification verification(String holder) {
        return new CertificateVerification(CODE, holder, false, Certificate.PROGRAMME, FiveModules.TITLES,
                "Spring 2027, Lisbon", Instant.parse("2027-03-01T09:30:00Z"), "VALID", null, null, URL, URL + "/pdf");
    }
}
