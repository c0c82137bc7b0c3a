package org.netzerocities.learning.certificate;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Renders a certificate as a one-page landscape A4 PDF (OpenPDF): the holder, the programme and its five modules,
 * the cohort, the date, and the verification URL both as text and as a QR code, so that whoever holds the paper can
 * check it is genuine and still valid.
 */
@Component
class CertificatePdf {

    /**
     * Longest verification URL put on a certificate. It is built from the address the client used, which a QR code
     * of reasonable size (and a page) must hold.
     */
    static final int MAX_URL_LENGTH = 512;
    /**
     * OpenPDF's own copy of Liberation Sans, embedded as a Unicode font: holders' names use the whole of Latin,
     * Greek and Cyrillic, which the PDF standard fonts cannot show.
     */
    private static final String FONT = "font-fallback/LiberationSans-Regular.ttf";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final Color GREEN = new Color(0x1b, 0x5e, 0x20);
    private static final Color GREY = new Color(0x55, 0x55, 0x55);
    /** The QR code's side on the page, quiet zone included, in points (about 4 cm). */
    private static final float QR_SIZE = 112;
    /** The blank margin a QR reader needs around the code, in modules. */
    private static final int QUIET_ZONE = 4;

    private final BaseFont font;

    CertificatePdf() {
        try (InputStream ttf = BaseFont.class.getClassLoader().getResourceAsStream(FONT)) {
            if (ttf == null) {
                throw new IllegalStateException("OpenPDF no longer ships " + FONT);
            }
            font = BaseFont.createFont(FONT, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, ttf.readAllBytes(), null);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The certificate's PDF; its verification URL is at most {@link #MAX_URL_LENGTH} long. */
    byte[] render(CertificateVerification certificate) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 56, 56, 48, 40);
        PdfWriter writer = PdfWriter.getInstance(document, pdf);
        document.addTitle("Certificate of completion " + certificate.verificationCode());
        document.addSubject(certificate.programme());
        document.addCreator("NetZeroCommunities");
        document.open();
        document.add(line("CERTIFICATE OF COMPLETION", 15, GREEN, 0));
        document.add(line("This certifies that", 12, GREY, 26));
        document.add(line(certificate.holder(), 30, Color.BLACK, 8));
        document.add(line("has completed the", 12, GREY, 10));
        document.add(line(certificate.programme(), 21, GREEN, 6));
        document.add(line("of NetZeroCities, in the cohort " + certificate.cohortName() + ", on "
                + DATE.format(certificate.issuedAt()) + ".", 12, GREY, 8));
        document.add(line("Modules completed", 11, GREEN, 20));
        for (int i = 0; i < certificate.modules().size(); i++) {
            document.add(line((i + 1) + ". " + certificate.modules().get(i), 10, Color.BLACK, 3));
        }
        document.add(verification(certificate, document.right() - document.left(), writer.getDirectContent()));
        document.close();
        return pdf.toByteArray();
    }

    private Paragraph line(String text, float size, Color color, float spacingBefore) {
        Paragraph paragraph = new Paragraph(text, new Font(font, size, Font.NORMAL, color));
        paragraph.setAlignment(Element.ALIGN_CENTER);
        paragraph.setSpacingBefore(spacingBefore);
        return paragraph;
    }

    /** The verification URL and code beside their QR code, across the foot of the page. */
    private PdfPTable verification(CertificateVerification certificate, float width, PdfContentByte canvas) {
        Font small = new Font(font, 9, Font.NORMAL, GREY);
        Phrase text = new Phrase();
        text.add(new Phrase("Verify this certificate at\n", small));
        text.add(new Phrase(certificate.verificationUrl() + "\n", new Font(font, 9, Font.NORMAL, Color.BLACK)));
        text.add(new Phrase("Verification code " + certificate.verificationCode(), small));
        PdfPCell words = new PdfPCell(text);
        words.setBorder(Rectangle.NO_BORDER);
        words.setVerticalAlignment(Element.ALIGN_BOTTOM);
        words.setHorizontalAlignment(Element.ALIGN_RIGHT);
        words.setPaddingRight(12);
        PdfPCell code = new PdfPCell(qrCode(certificate.verificationUrl(), canvas), false);
        code.setBorder(Rectangle.NO_BORDER);
        code.setFixedHeight(QR_SIZE);
        PdfPTable table = new PdfPTable(2);
        table.setTotalWidth(new float[] { width - QR_SIZE, QR_SIZE });
        table.setLockedWidth(true);
        table.setSpacingBefore(18);
        table.addCell(words);
        table.addCell(code);
        return table;
    }

    /** The QR code drawn as vector squares: sharp in print at any size, and no image to decode. */
    private static Image qrCode(String url, PdfContentByte canvas) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        }
        catch (WriterException ex) {
            // a URL within MAX_URL_LENGTH always fits a QR code
            throw new IllegalStateException("No QR code for the verification URL", ex);
        }
        int modules = matrix.getWidth();
        float module = QR_SIZE / (modules + 2 * QUIET_ZONE);
        PdfTemplate template = canvas.createTemplate(QR_SIZE, QR_SIZE);
        template.setColorFill(Color.BLACK);
        for (int y = 0; y < modules; y++) {
            int x = 0;
            while (x < modules) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int run = x;
                while (run < modules && matrix.get(run, y)) {
                    run++;
                }
                // PDF's y axis points up, the matrix's rows go down
                template.rectangle((QUIET_ZONE + x) * module, QR_SIZE - (QUIET_ZONE + y + 1) * module,
                        (run - x) * module, module);
                x = run;
            }
        }
        template.fill();
        return Image.getInstance(template);
    }
}
