package org.netzerocities.learning.certificate;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** Reads a certificate's PDF back as a reader and a phone would: its text (PDFBox) and its QR code (ZXing). */
final class CertificateDocuments {

    private CertificateDocuments() {
    }

    /** Parses the PDF, failing on anything a PDF reader could not open. */
    static Read read(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
            return new Read(document.getNumberOfPages(), text, qrCode(page), document.getDocumentInformation()
                    .getTitle());
        }
    }

    /** The QR code on a rendered page, as a phone's camera would decode it. */
    private static String qrCode(BufferedImage page) {
        int[] pixels = page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(page.getWidth(), page.getHeight(),
                pixels)));
        try {
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, true)).getText();
        }
        catch (NotFoundException | ChecksumException | FormatException ex) {
            throw new AssertionError("No readable QR code on the certificate", ex);
        }
    }

    record Read(int pages, String text, String qrCode, String title) {
    }
}
