package io.firstpin.member.web;

import io.firstpin.member.AudienceChannel;
import io.firstpin.member.AudienceInput;
import io.firstpin.member.Reach;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.InvalidInputException.FieldProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The audience form of the member page: one row per channel; a row without a size is left as it is. */
record AudienceForm(List<Row> rows) {

    private static final Pattern ROW_FIELD = Pattern.compile("audiences\\[(\\d+)]\\.(.*)");

    AudienceForm {
        rows = rows == null ? new ArrayList<>() : new ArrayList<>(rows.stream().filter(Objects::nonNull).toList());
    }

    /** Every channel, with the latest known size and day where there is one. */
    static AudienceForm of(Reach reach) {
        return new AudienceForm(Arrays.stream(AudienceChannel.values()).map(channel -> reach.channels().stream()
                        .filter(a -> a.channel() == channel).findFirst()
                        .map(a -> new Row(channel.name(), String.valueOf(a.size()), a.asOf().toString()))
                        .orElse(new Row(channel.name(), "", "")))
                .toList());
    }

    /** The rows with a size, in order. */
    List<AudienceInput> inputs() {
        return filled().stream().map(i -> new AudienceInput(rows.get(i).channel(), rows.get(i).size(),
                rows.get(i).asOf())).toList();
    }

    /** The domain names a problem after its place among the filled rows; the form after its row. */
    InvalidInputException onRows(InvalidInputException e) {
        List<Integer> filled = filled();
        return new InvalidInputException(e.problems().stream().map(p -> {
            Matcher row = ROW_FIELD.matcher(p.field() == null ? "" : p.field());
            if (!row.matches() || Integer.parseInt(row.group(1)) >= filled.size()) {
                return p;
            }
            return new FieldProblem("rows[" + filled.get(Integer.parseInt(row.group(1))) + "]." + row.group(2),
                    p.code(), p.args());
        }).toList());
    }

    private List<Integer> filled() {
        List<Integer> filled = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).size() != null && !rows.get(i).size().isBlank()) {
                filled.add(i);
            }
        }
        return filled;
    }

    record Row(String channel, String size, String asOf) {
    }
}
