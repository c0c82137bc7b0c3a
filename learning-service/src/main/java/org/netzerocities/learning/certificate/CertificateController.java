package org.netzerocities.learning.certificate;

import java.util.regex.Pattern;

import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.caller.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/learning/certificates")
@Tag(name = "Certificates", description = "Certificates of completion of the programme: issued when a learner "
        + "completes it, verifiable by anyone who has the code, revocable by admins")
class CertificateController {

    /** A web address of printable ASCII: no other scheme, no spaces or control characters from forwarded headers. */
    private static final Pattern WEB_ADDRESS = Pattern.compile("https?://[!-~]+");

    private final Certificates certificates;
    private final CertificatePdf pdf;

    CertificateController(Certificates certificates, CertificatePdf pdf) {
        this.certificates = certificates;
        this.pdf = pdf;
    }

    @GetMapping("/{code}")
    @Operation(summary = "Verify a certificate, no token needed: the holder's display name (\"Former participant\" "
            + "once their account was erased), the programme and its modules, the cohort, the date, the status "
            + "(VALID or REVOKED, with the date and reason of a revocation). The code is read in any case, with or "
            + "without hyphens, O for 0 and I or L for 1. 404 for any code that names no certificate.")
    CertificateVerification verify(@PathVariable String code) {
        return view(verificationAddress(), certificates.verify(code));
    }

    @GetMapping("/{code}/pdf")
    @Operation(summary = "The certificate as a PDF, no token needed: holder, programme, modules, cohort, date, and "
            + "the verification URL as text and QR code. The URL names the address this request was sent to (through "
            + "the gateway: its public address, from X-Forwarded-Host/-Proto/-Prefix). 404 unknown code, 410 when "
            + "the certificate was revoked: a revoked certificate is not handed out as a document any more, its "
            + "verification says why.")
    @ApiResponse(responseCode = "200", description = "The certificate", content = @Content(
            mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> pdf(@PathVariable String code) {
        CertificateVerification certificate = view(verificationAddress(), certificates.verify(code));
        if (certificate.revoked()) {
            throw new ApiProblem(HttpStatus.GONE, "certificate-revoked", "Certificate revoked",
                    "This certificate was revoked; its verification at " + certificate.verificationUrl()
                            + " says when and why");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("nzc-certificate-" + certificate.verificationCode() + ".pdf").build().toString())
                .body(pdf.render(certificate));
    }

    @PostMapping("/{code}/revocation")
    @PreAuthorize("@policies.isAdmin(authentication)")
    @Operation(summary = "Revoke a certificate {reason: up to 500 characters, no control characters, shown to whoever "
            + "verifies it}: admins only. Announced with CertificateRevoked. 404 unknown code, 409 revoked already.")
    CertificateVerification revoke(@PathVariable String code, @Valid @RequestBody Revocation body, Caller caller) {
        String address = verificationAddress();
        return view(address, certificates.revoke(code, body.reason().strip(), caller));
    }

    /**
     * Where certificates are verified, at the address the client used: the gateway's forwarded headers are honoured.
     * Those headers may come from the client, so what they make of the address is checked, before anything changes.
     */
    private static String verificationAddress() {
        String address = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/learning/certificates/")
                .toUriString();
        if (address.length() + VerificationCodes.LENGTH > CertificatePdf.MAX_URL_LENGTH
                || !WEB_ADDRESS.matcher(address).matches()) {
            throw ApiProblem.invalid("Host", "The address the request was sent to cannot be put on a certificate");
        }
        return address;
    }

    private static CertificateVerification view(String address, Certificate certificate) {
        return CertificateVerification.of(certificate, address + certificate.verificationCode());
    }
}
