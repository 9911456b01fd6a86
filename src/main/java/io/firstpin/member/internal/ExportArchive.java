package io.firstpin.member.internal;

import io.firstpin.member.MemberExport;
import io.firstpin.platform.web.CsvAttachment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A member's export as a ZIP archive a person can read: {@code data.json} with everything, and one CSV per kind of
 * record (UTF-8 with a byte order mark, so that Excel opens it), written in memory (one person's records are small).
 */
@Component
public class ExportArchive {

    private final JsonMapper json;

    ExportArchive(JsonMapper json) {
        this.json = json;
    }

    public byte[] zip(MemberExport export) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("data.json"));
            zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(export));
            zip.closeEntry();
            MemberExport.Person member = export.member();
            csv(zip, "member.csv", List.of("id", "displayName", "staff", "createdAt"), List.of(member),
                    p -> row(p.id(), p.displayName(), p.staff(), p.createdAt()));
            csv(zip, "identities.csv", List.of("kind", "value"), export.identities(),
                    i -> row(i.kind(), i.value()));
            csv(zip, "registrations.csv", List.of("event", "startsAt", "community", "frame", "status", "name",
                    "email", "registeredAt", "cancelledAt", "answers"), export.registrations(),
                    r -> row(r.event(), r.eventStartsAt(), r.community(), r.frame(), r.status(), r.name(), r.email(),
                            r.registeredAt(), r.cancelledAt(), answers(r.answers())));
            csv(zip, "attendance.csv", List.of("event", "method", "checkedInAt"), export.attendance(),
                    c -> row(c.event(), c.method(), c.checkedInAt()));
            csv(zip, "talks.csv", List.of("event", "kind", "title"), export.talks(),
                    t -> row(t.event(), t.kind(), t.title()));
            csv(zip, "outputs.csv", List.of("url", "type", "title", "publishedAt"), export.outputs(),
                    o -> row(o.url(), o.type(), o.title(), o.publishedAt()));
            csv(zip, "feeds.csv", List.of("url", "addedAt"), export.feeds(), f -> row(f.url(), f.addedAt()));
            csv(zip, "survey-responses.csv", List.of("event", "nps", "ces", "heat", "best", "comment",
                    "wantsToSpeak", "talkTopic", "wantsToOrganise", "anonymous", "answeredAt", "answers"),
                    export.surveyResponses(),
                    s -> row(s.event(), s.nps(), s.ces(), s.heat(), s.best(), s.comment(), s.wantsToSpeak(),
                            s.talkTopic(), s.wantsToOrganise(), s.anonymous(), s.answeredAt(), answers(s.answers())));
            csv(zip, "leader-roles.csv", List.of("community", "startedOn", "endedOn"), export.leaderRoles(),
                    l -> row(l.community(), l.startedOn(), l.endedOn()));
            csv(zip, "reach.csv", List.of("channel", "size", "asOf", "source"), export.reach(),
                    a -> row(a.channel(), a.size(), a.asOf(), a.source()));
            csv(zip, "emails.csv", List.of("to", "subject", "status", "queuedAt", "sentAt"), export.emails(),
                    e -> row(e.to(), e.subject(), e.status(), e.queuedAt(), e.sentAt()));
            csv(zip, "follows.csv", List.of("community", "followedAt", "unfollowedAt"), export.follows(),
                    f -> row(f.community(), f.followedAt(), f.unfollowedAt()));
            csv(zip, "announcements.csv", List.of("event", "community", "sentAt"), export.announcements(),
                    a -> row(a.event(), a.community(), a.sentAt()));
            csv(zip, "passkeys.csv", List.of("name", "addedAt", "lastUsedAt"), export.passkeys(),
                    k -> row(k.label(), k.addedAt(), k.lastUsedAt()));
            csv(zip, "email-preferences.csv", List.of("optedOut"), export.optOuts(), topic -> row(topic));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static <T> void csv(ZipOutputStream zip, String name, List<String> header, List<T> records,
            Function<T, List<Object>> row) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        CSVPrinter printer = CsvAttachment.onto(writer);
        printer.printRecord(header);
        for (T record : records) {
            printer.printRecord(row.apply(record).stream()
                    .map(value -> value == null ? null : CsvAttachment.cell(String.valueOf(value))).toList());
        }
        // flushed, not closed: closing would close the archive
        printer.flush();
        zip.closeEntry();
    }

    private static List<Object> row(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    private static String answers(List<MemberExport.Answer> answers) {
        return String.join("\n", answers.stream().map(a -> a.question() + ": " + a.answer()).toList());
    }
}
