package io.firstpin.member;

import java.util.List;

/** One page of merge suggestions, with what is needed to page on. */
public record SuggestionPage(List<MergeSuggestion> suggestions, int page, int size, long total) {

    public SuggestionPage {
        suggestions = List.copyOf(suggestions);
    }

    public int totalPages() {
        return total == 0 ? 1 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
