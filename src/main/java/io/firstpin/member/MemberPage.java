package io.firstpin.member;

import java.util.List;

/** One page of members matching a search, with what is needed to page on. */
public record MemberPage(List<Member> members, int page, int size, long total) {

    public MemberPage {
        members = List.copyOf(members);
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
