package io.firstpin.history;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * An uploaded file read as text, with the character encoding it was found to be in. Real exports come as UTF-8 with
 * or without a byte order mark (connpass, Meetup, Excel's "CSV UTF-8") or as Shift_JIS (Excel's plain "CSV" on a
 * Japanese Windows), which is read as CP932, the superset Windows actually writes (①, ～, 髙).
 *
 * @param encoding the encoding as shown to staff, e.g. {@code UTF-8 (BOM)} or {@code Shift_JIS (CP932)}
 */
public record DecodedText(String text, String encoding) {

    static final String UTF_8 = "UTF-8";
    static final String UTF_8_BOM = "UTF-8 (BOM)";
    static final String CP932 = "Shift_JIS (CP932)";
    static final String EUC_JP = "EUC-JP";

    private static final int SNIFFED = 8192;
    private static final Charset WINDOWS_31J = Charset.forName("windows-31j");

    /**
     * @throws ImportRejected when the bytes are empty, binary (a spreadsheet, an image, a zip), or text in no encoding
     *         a Japanese or English export uses
     */
    public static DecodedText decode(byte[] bytes) {
        if (bytes.length == 0) {
            throw ImportRejected.of(ImportProblem.ofFile("history.file.empty"));
        }
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return strictly(StandardCharsets.UTF_8, bytes, 3)
                    .map(text -> new DecodedText(text, UTF_8_BOM))
                    .orElseThrow(() -> ImportRejected.of(ImportProblem.ofFile("history.file.encoding")));
        }
        if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
            Charset utf16 = bytes[0] == (byte) 0xFF ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
            return strictly(utf16, bytes, 2)
                    .map(text -> new DecodedText(text, utf16.name() + " (BOM)"))
                    .orElseThrow(() -> ImportRejected.of(ImportProblem.ofFile("history.file.encoding")));
        }
        if (looksBinary(bytes)) {
            throw ImportRejected.of(ImportProblem.ofFile("history.file.not-csv"));
        }
        Optional<String> utf8 = strictly(StandardCharsets.UTF_8, bytes, 0);
        if (utf8.isPresent()) {
            return new DecodedText(utf8.get(), UTF_8);
        }
        if (EUC_JP.equals(guess(bytes))) {
            Optional<String> eucJp = strictly(Charset.forName("EUC-JP"), bytes, 0);
            if (eucJp.isPresent()) {
                return new DecodedText(eucJp.get(), EUC_JP);
            }
        }
        // Shift_JIS is what a guess of anything else most likely means in a Japanese export, and CP932 reads all of it
        return strictly(WINDOWS_31J, bytes, 0)
                .map(text -> new DecodedText(text, CP932))
                .orElseThrow(() -> ImportRejected.of(ImportProblem.ofFile("history.file.encoding")));
    }

    private static String guess(byte[] bytes) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(bytes, 0, Math.min(bytes.length, 64 * 1024));
        detector.dataEnd();
        return detector.getDetectedCharset();
    }

    private static Optional<String> strictly(Charset charset, byte[] bytes, int offset) {
        try {
            return Optional.of(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Text exports never hold a NUL byte; spreadsheets, images and archives do within their first bytes. */
    private static boolean looksBinary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, SNIFFED); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
