package io.firstpin.platform.i18n;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates and numbers as people of each language write them; available in templates as {@code @fmt}.
 * Times are shown in the time zone of the community they belong to.
 */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter JA_DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日(E) HH:mm", Locale.JAPANESE);
    private static final DateTimeFormatter JA_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日(E)", Locale.JAPANESE);
    private static final DateTimeFormatter JA_TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.JAPANESE);
    private static final DateTimeFormatter EN_DATE_TIME = DateTimeFormatter.ofPattern("EEE, MMM d, yyyy h:mm a", Locale.ENGLISH);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("EEE, MMM d, yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH);
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    public String dateTime(Instant instant, String zone) {
        return dateTime(instant, zone, LocaleContextHolder.getLocale());
    }

    /** For text written for someone else than the current request, such as an email to a registrant. */
    public String dateTime(Instant instant, String zone, Locale locale) {
        boolean japanese = Locale.JAPANESE.getLanguage().equals(locale.getLanguage());
        return instant == null ? "" : (japanese ? JA_DATE_TIME : EN_DATE_TIME).format(instant.atZone(zoneOf(zone)));
    }

    public String date(Instant instant, String zone) {
        return instant == null ? "" : (japanese() ? JA_DATE : EN_DATE).format(instant.atZone(zoneOf(zone)));
    }

    public String time(Instant instant, String zone) {
        return instant == null ? "" : (japanese() ? JA_TIME : EN_TIME).format(instant.atZone(zoneOf(zone)));
    }

    /** The value of an {@code <input type="datetime-local">}. */
    public String inputValue(Instant instant, String zone) {
        return instant == null ? "" : INPUT.format(instant.atZone(zoneOf(zone)));
    }

    public String number(Number value) {
        return value == null ? "" : NumberFormat.getInstance(LocaleContextHolder.getLocale()).format(value);
    }

    private static boolean japanese() {
        return Locale.JAPANESE.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage());
    }

    private static ZoneId zoneOf(String zone) {
        return zone == null ? ZoneId.of("Asia/Tokyo") : ZoneId.of(zone);
    }
}
