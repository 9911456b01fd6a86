package io.firstpin.platform.replica;

/** A PostgreSQL write-ahead log position ({@code pg_lsn}, written {@code 16/B374D848}), comparable as one number. */
record WalPosition(long value) implements Comparable<WalPosition> {

    static WalPosition parse(String lsn) {
        int slash = lsn.indexOf('/');
        if (slash < 1) {
            throw new IllegalArgumentException("not a WAL position: " + lsn);
        }
        long high = Long.parseLong(lsn.substring(0, slash), 16);
        long low = Long.parseLong(lsn.substring(slash + 1), 16);
        return new WalPosition((high << 32) | low);
    }

    boolean reached(WalPosition target) {
        return compareTo(target) >= 0;
    }

    @Override
    public int compareTo(WalPosition other) {
        return Long.compareUnsigned(value, other.value);
    }
}
