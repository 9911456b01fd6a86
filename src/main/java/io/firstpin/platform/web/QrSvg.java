package io.firstpin.platform.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * Draws a QR code as SVG: one path of unit squares on a white background, with the four-module quiet zone that
 * scanners need. Vector, so it stays sharp on any screen and in print, and needs no image file; a page may draw it
 * larger with CSS (the check-in pass, the survey on the venue screen). Dark on light whatever the page's colours, since
 * not every scanner reads an inverted code.
 */
public final class QrSvg {

    private static final int PIXELS_PER_MODULE = 8;

    private QrSvg() {
    }

    public static String of(String content) {
        BitMatrix modules = encode(content);
        int width = modules.getWidth();
        int height = modules.getHeight();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < height; y++) {
            int x = 0;
            while (x < width) {
                if (!modules.get(x, y)) {
                    x++;
                    continue;
                }
                int run = 1;
                while (x + run < width && modules.get(x + run, y)) {
                    run++;
                }
                path.append('M').append(x).append(',').append(y).append('h').append(run).append("v1h-").append(run)
                        .append('z');
                x += run;
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + width + " " + height + "\" width=\""
                + width * PIXELS_PER_MODULE + "\" height=\"" + height * PIXELS_PER_MODULE
                + "\" shape-rendering=\"crispEdges\"><rect width=\"" + width + "\" height=\"" + height
                + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    private static BitMatrix encode(String content) {
        try {
            // size 0: one unit per module, the SVG scales it
            return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode a QR code of " + content.length() + " characters", e);
        }
    }
}
