package io.firstpin.event;

import java.util.List;

/** A page of staff's event search: the events shown, which page of what size, and how many match in all. */
public record EventSearchPage(List<Event> events, int page, int size, int total) {

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
