package io.firstpin.operations.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Table;

/**
 * Tables in an order in which their rows can be inserted: every table after the tables its foreign keys point at. A
 * foreign key of a table to itself (a merged member pointing at the member it became) cannot be ordered that way; its
 * columns are written after the table's rows ({@link #selfReferences}).
 */
record TableOrder(List<Table<?>> tables, Map<Table<?>, List<Field<?>>> selfReferences) {

    static TableOrder of(List<? extends Table<?>> tables) {
        Map<String, Table<?>> byName = new LinkedHashMap<>();
        tables.stream().sorted(Comparator.comparing(Table::getName)).forEach(t -> byName.put(t.getName(), t));
        Map<String, Set<String>> needs = new LinkedHashMap<>();
        Map<Table<?>, List<Field<?>>> selfReferences = new LinkedHashMap<>();
        for (Table<?> table : byName.values()) {
            Set<String> targets = new TreeSet<>();
            for (ForeignKey<?, ?> key : table.getReferences()) {
                String target = key.getKey().getTable().getName();
                if (target.equals(table.getName())) {
                    selfReferences.computeIfAbsent(table, t -> new ArrayList<>()).addAll(key.getFields());
                } else if (byName.containsKey(target)) {
                    targets.add(target);
                }
            }
            needs.put(table.getName(), targets);
        }
        List<Table<?>> ordered = new ArrayList<>();
        Set<String> placed = new TreeSet<>();
        while (ordered.size() < byName.size()) {
            List<String> ready = needs.entrySet().stream()
                    .filter(e -> !placed.contains(e.getKey()) && placed.containsAll(e.getValue()))
                    .map(Map.Entry::getKey).toList();
            if (ready.isEmpty()) {
                throw new IllegalStateException("foreign keys form a cycle between "
                        + needs.keySet().stream().filter(n -> !placed.contains(n)).collect(Collectors.joining(", ")));
            }
            ready.forEach(name -> ordered.add(byName.get(name)));
            placed.addAll(ready);
        }
        return new TableOrder(List.copyOf(ordered), Map.copyOf(selfReferences));
    }

    List<Field<?>> selfReferencesOf(Table<?> table) {
        return selfReferences.getOrDefault(table, List.of());
    }
}
