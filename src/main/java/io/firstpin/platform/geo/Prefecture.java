package io.firstpin.platform.geo;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The 47 prefectures of Japan in their official order, with ISO 3166-2 codes. */
public enum Prefecture {
    HOKKAIDO("北海道", "Hokkaido"),
    AOMORI("青森県", "Aomori"),
    IWATE("岩手県", "Iwate"),
    MIYAGI("宮城県", "Miyagi"),
    AKITA("秋田県", "Akita"),
    YAMAGATA("山形県", "Yamagata"),
    FUKUSHIMA("福島県", "Fukushima"),
    IBARAKI("茨城県", "Ibaraki"),
    TOCHIGI("栃木県", "Tochigi"),
    GUNMA("群馬県", "Gunma"),
    SAITAMA("埼玉県", "Saitama"),
    CHIBA("千葉県", "Chiba"),
    TOKYO("東京都", "Tokyo"),
    KANAGAWA("神奈川県", "Kanagawa"),
    NIIGATA("新潟県", "Niigata"),
    TOYAMA("富山県", "Toyama"),
    ISHIKAWA("石川県", "Ishikawa"),
    FUKUI("福井県", "Fukui"),
    YAMANASHI("山梨県", "Yamanashi"),
    NAGANO("長野県", "Nagano"),
    GIFU("岐阜県", "Gifu"),
    SHIZUOKA("静岡県", "Shizuoka"),
    AICHI("愛知県", "Aichi"),
    MIE("三重県", "Mie"),
    SHIGA("滋賀県", "Shiga"),
    KYOTO("京都府", "Kyoto"),
    OSAKA("大阪府", "Osaka"),
    HYOGO("兵庫県", "Hyogo"),
    NARA("奈良県", "Nara"),
    WAKAYAMA("和歌山県", "Wakayama"),
    TOTTORI("鳥取県", "Tottori"),
    SHIMANE("島根県", "Shimane"),
    OKAYAMA("岡山県", "Okayama"),
    HIROSHIMA("広島県", "Hiroshima"),
    YAMAGUCHI("山口県", "Yamaguchi"),
    TOKUSHIMA("徳島県", "Tokushima"),
    KAGAWA("香川県", "Kagawa"),
    EHIME("愛媛県", "Ehime"),
    KOCHI("高知県", "Kochi"),
    FUKUOKA("福岡県", "Fukuoka"),
    SAGA("佐賀県", "Saga"),
    NAGASAKI("長崎県", "Nagasaki"),
    KUMAMOTO("熊本県", "Kumamoto"),
    OITA("大分県", "Oita"),
    MIYAZAKI("宮崎県", "Miyazaki"),
    KAGOSHIMA("鹿児島県", "Kagoshima"),
    OKINAWA("沖縄県", "Okinawa");

    private final String japaneseName;
    private final String englishName;

    Prefecture(String japaneseName, String englishName) {
        this.japaneseName = japaneseName;
        this.englishName = englishName;
    }

    /** ISO 3166-2 code, e.g. {@code JP-13} for Tokyo. */
    public String code() {
        return String.format("JP-%02d", ordinal() + 1);
    }

    public String japaneseName() {
        return japaneseName;
    }

    public String englishName() {
        return englishName;
    }

    public String displayName(Locale locale) {
        return "ja".equals(locale.getLanguage()) ? japaneseName : englishName;
    }

    /** Accepts the Japanese name ({@code 東京都}), the ISO code ({@code JP-13}) or the English name ({@code Tokyo}). */
    public static Optional<Prefecture> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip();
        return Arrays.stream(values())
                .filter(p -> p.code().equalsIgnoreCase(value)
                        || p.japaneseName.equals(value)
                        || p.englishName.equalsIgnoreCase(value))
                .findFirst();
    }

    public static Optional<Prefecture> ofCode(String code) {
        return code == null ? Optional.empty()
                : Arrays.stream(values()).filter(p -> p.code().equals(code)).findFirst();
    }
}
