package io.firstpin.testing;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a QR code drawn by the application back, as a phone would: the SVG's squares are painted into a bitmap, which
 * ZXing's reader then decodes.
 */
public final class QrDecoding {

    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern PATH = Pattern.compile("<path fill=\"#000\" d=\"([^\"]*)\"");
    private static final Pattern SQUARES = Pattern.compile("M(\\d+),(\\d+)h(\\d+)v1h-(\\d+)z");
    private static final int SCALE = 4;

    private QrDecoding() {
    }

    public static String decode(String svg) {
        Matcher box = VIEW_BOX.matcher(svg);
        Matcher path = PATH.matcher(svg);
        if (!box.find() || !path.find()) {
            throw new AssertionError("not a QR code SVG: " + svg);
        }
        int width = Integer.parseInt(box.group(1)) * SCALE;
        int height = Integer.parseInt(box.group(2)) * SCALE;
        int[] pixels = new int[width * height];
        Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher squares = SQUARES.matcher(path.group(1));
        int end = 0;
        while (squares.find()) {
            if (squares.start() != end) {
                throw new AssertionError("unexpected path data at " + end);
            }
            end = squares.end();
            int x = Integer.parseInt(squares.group(1));
            int y = Integer.parseInt(squares.group(2));
            int run = Integer.parseInt(squares.group(3));
            for (int py = y * SCALE; py < (y + 1) * SCALE; py++) {
                for (int px = x * SCALE; px < (x + run) * SCALE; px++) {
                    pixels[py * width + px] = 0xFF000000;
                }
            }
        }
        if (end != path.group(1).length()) {
            throw new AssertionError("unexpected path data at " + end);
        }
        // the bitmap holds the code and its quiet zone only: read as a pure barcode, since searching it for finder
        // patterns at four pixels per module misses some codes
        try {
            return new QRCodeReader().decode(
                    new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels))),
                    Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        } catch (Exception e) {
            throw new AssertionError("the QR code does not decode", e);
        }
    }
}
