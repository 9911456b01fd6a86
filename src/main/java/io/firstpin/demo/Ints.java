package io.firstpin.demo;

import java.util.Arrays;

/** A growable list of ints: the planner keeps millions of member positions and boxing them would dominate. */
final class Ints {

    private int[] values;
    private int size;

    Ints() {
        this(16);
    }

    Ints(int capacity) {
        values = new int[Math.max(4, capacity)];
    }

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int get(int index) {
        return values[index];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    boolean contains(int value) {
        for (int i = 0; i < size; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
