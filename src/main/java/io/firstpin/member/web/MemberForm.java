package io.firstpin.member.web;

import io.firstpin.member.IdentityInput;
import io.firstpin.member.IdentityKind;
import io.firstpin.member.Member;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.InvalidInputException.FieldProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The create and edit form of a member. Rows left empty are ignored, so the form can offer a few spare rows. */
record MemberForm(@NotBlank @Size(max = 200) String displayName, Boolean staff, @Valid List<IdentityRow> identities) {

    static final int SPARE_ROWS = 1;

    private static final Pattern ROW_FIELD = Pattern.compile("identities\\[(\\d+)](.*)");

    MemberForm {
        // an unticked checkbox sends nothing
        staff = Boolean.TRUE.equals(staff);
        // a row the browser did not send leaves a gap in the bound list
        identities = identities == null ? new ArrayList<>()
                : new ArrayList<>(identities.stream().filter(Objects::nonNull).toList());
    }

    static MemberForm blank() {
        List<IdentityRow> rows = new ArrayList<>();
        rows.add(new IdentityRow(IdentityKind.EMAIL.name(), ""));
        return new MemberForm("", false, rows).withSpareRows();
    }

    static MemberForm of(Member member) {
        List<IdentityRow> rows = new ArrayList<>(member.identities().stream()
                .map(i -> new IdentityRow(i.kind().name(), i.value()))
                .toList());
        return new MemberForm(member.displayName(), member.staff(), rows).withSpareRows();
    }

    /** The same form with blank rows to fill in, for showing it again. */
    MemberForm withSpareRows() {
        List<IdentityRow> rows = new ArrayList<>(identities);
        for (int i = 0; i < SPARE_ROWS; i++) {
            rows.add(new IdentityRow(IdentityKind.EMAIL.name(), ""));
        }
        return new MemberForm(displayName, staff, rows);
    }

    /** The filled-in rows, in order. */
    List<IdentityInput> identityInputs() {
        return filledRows().stream().map(i -> IdentityInput.of(identities.get(i).kind(), identities.get(i).value())).toList();
    }

    /** The domain names a problem after its position among the filled-in rows; the form after its row. */
    InvalidInputException onRows(InvalidInputException e) {
        List<Integer> filled = filledRows();
        List<FieldProblem> problems = e.problems().stream().map(p -> {
            Matcher row = ROW_FIELD.matcher(p.field() == null ? "" : p.field());
            if (!row.matches() || Integer.parseInt(row.group(1)) >= filled.size()) {
                return p;
            }
            return new FieldProblem("identities[" + filled.get(Integer.parseInt(row.group(1))) + "]" + row.group(2),
                    p.code(), p.args());
        }).toList();
        return new InvalidInputException(problems);
    }

    private List<Integer> filledRows() {
        List<Integer> filled = new ArrayList<>();
        for (int i = 0; i < identities.size(); i++) {
            IdentityRow row = identities.get(i);
            if (row.value() != null && !row.value().isBlank()) {
                filled.add(i);
            }
        }
        return filled;
    }

    record IdentityRow(String kind, @Size(max = 2000) String value) {
    }
}
