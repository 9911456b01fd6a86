package io.firstpin.event;

import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Where an event takes place, in one line for calendars, feeds and link previews: only what its public page shows. */
@Component
public class EventPlaces {

    private final MessageSource messages;

    EventPlaces(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * Venue name, prefecture, city and address; "Online" instead when there is no venue, and added for a hybrid;
     * "to be decided" (会場未定) when there is neither yet.
     */
    public String describe(Event event, Locale locale) {
        if (event.placeUndecided()) {
            return undecided(locale);
        }
        String online = messages.getMessage("event.calendar.online", null, "Online", locale);
        return event.venue()
                .map(v -> {
                    String where = Stream.of(v.name(), v.prefecture().displayName(locale), v.city(), v.address())
                            .filter(Objects::nonNull)
                            .collect(Collectors.joining(", "));
                    return event.online() ? where + " / " + online : where;
                })
                .orElse(online);
    }

    public String undecided(Locale locale) {
        return messages.getMessage("event.place.undecided", null, "Place to be decided", locale);
    }
}
