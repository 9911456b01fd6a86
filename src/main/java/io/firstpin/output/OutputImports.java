package io.firstpin.output;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.history.CsvTable;
import io.firstpin.history.CsvTable.CsvRow;
import io.firstpin.history.DecodedText;
import io.firstpin.history.ImportProblem;
import io.firstpin.history.ImportRejected;
import io.firstpin.history.StatedTime;
import io.firstpin.member.Member;
import io.firstpin.member.Members;
import io.firstpin.output.internal.OutputQueries;
import io.firstpin.output.internal.OutputRepository;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a CSV list of posts (exported from a social network or a curation service) as outputs of a community: every
 * row is checked first, and only a file without a single problem is stored, in one transaction. Addresses are cleaned
 * as any output's, so importing the same file again adds nothing. A row naming an event is linked to it
 * ({@link LinkedBy#IMPORT}); any other row is linked by the same {@link LinkingRules} as a feed's posts, to the
 * community's events and its branches'. Authors are matched by an identity only (an email, a connpass name, a handle or
 * a feed address), never by a name: a row whose author no member is known by is kept without an author.
 *
 * <p>The file is read by the history module's CSV reader, so an export saved as UTF-8 (with or without BOM),
 * Shift_JIS or EUC-JP reads the same as there, and problems are reported as that import's are: by row and column.
 */
@Service
public class OutputImports {

    /** More rows than any curation export holds; a bigger file is more likely the wrong one. */
    static final int MAX_ROWS = 10_000;

    enum Field {
        URL("url", "link", "address", "アドレス", "リンク"),
        TITLE("title", "タイトル"),
        TYPE("type", "kind", "種類", "種別"),
        PUBLISHED_AT("publishedat", "published", "date", "公開日", "投稿日", "公開日時", "投稿日時"),
        AUTHOR("author", "著者", "投稿者"),
        EVENT("event", "eventid", "eventurl", "イベント"),
        TEXT("text", "content", "body", "本文");

        private final List<String> names;

        Field(String... names) {
            this.names = List.of(names);
        }

        static Optional<Field> of(String header) {
            String name = header.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
            for (Field field : values()) {
                if (field.names.contains(name)) {
                    return Optional.of(field);
                }
            }
            return Optional.empty();
        }
    }

    private final Communities communities;
    private final Members members;
    private final OutputRepository outputs;
    private final OutputQueries queries;
    private final LinkingRules rules;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    OutputImports(Communities communities, Members members, OutputRepository outputs, OutputQueries queries,
            LinkingRules rules, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.communities = communities;
        this.members = members;
        this.outputs = outputs;
        this.queries = queries;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * Checks the file whole, then stores all of it or nothing.
     *
     * @throws ImportRejected with every problem, by row and column, when any row is wrong
     */
    @Transactional
    public OutputImportSummary importFile(Community community, byte[] bytes) {
        DecodedText text = DecodedText.decode(bytes);
        List<Row> rows;
        try {
            rows = read(community, CsvTable.parse(text.text()));
        } catch (ImportRejected rejected) {
            throw new ImportRejected(rejected.problems(), text.encoding());
        }
        OutputImportSummary summary = store(community.organizationId(), rows, text.encoding());
        events.publishEvent(new OutputsImported(community.organizationId(), community.id(), summary));
        return summary;
    }

    private List<Row> read(Community community, CsvTable table) {
        Map<Field, Integer> columns = new HashMap<>();
        for (int i = 0; i < table.header().size(); i++) {
            int column = i;
            Field.of(table.header().get(i)).ifPresent(field -> columns.putIfAbsent(field, column));
        }
        if (!columns.containsKey(Field.URL)) {
            throw new ImportRejected(List.of(new ImportProblem(null, "url", "output.import.no-url-column", List.of())),
                    null);
        }
        List<CsvRow> filled = table.rows().stream().filter(row -> !row.blank()).toList();
        if (filled.isEmpty()) {
            throw new ImportRejected(List.of(new ImportProblem(null, null, "history.file.no-rows", List.of())), null);
        }
        if (filled.size() > MAX_ROWS) {
            throw new ImportRejected(List.of(new ImportProblem(null, null, "output.import.too-many-rows",
                    List.of(MAX_ROWS))), null);
        }
        List<LinkTarget> events = queries.linkTargetsIn(communities.withBranches(community));
        ZoneId zone = community.timeZone();
        List<ImportProblem> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (CsvRow csv : filled) {
            Cells cells = new Cells(csv, table.header(), columns, problems);
            Optional<OutputUrl> url = cells.url();
            OutputType type = cells.type();
            String title = cells.title();
            Instant publishedAt = cells.publishedAt(zone);
            Optional<LinkTarget> event = cells.event(events);
            if (url.isEmpty() || cells.failed()) {
                continue;
            }
            FeedItem item = new FeedItem(url.get().url(), title == null ? "" : title, cells.text(), publishedAt);
            Map<Long, LinkedBy> links = new LinkedHashMap<>();
            if (event.isPresent()) {
                links.put(event.get().eventId(), LinkedBy.IMPORT);
            } else {
                for (LinkTarget candidate : events) {
                    rules.match(item, candidate).ifPresent(reason -> links.put(candidate.eventId(), reason));
                }
            }
            rows.add(new Row(url.get(), type, title, publishedAt, cells.author(), links));
        }
        if (!problems.isEmpty()) {
            throw new ImportRejected(problems, null);
        }
        return rows;
    }

    private OutputImportSummary store(long organizationId, List<Row> rows, String encoding) {
        Instant now = clock.instant();
        Map<String, Output> byKey = new LinkedHashMap<>();
        Map<String, Long> authorsByValue = new HashMap<>();
        int linked = 0;
        int withoutEvent = 0;
        int authorsMatched = 0;
        for (Row row : rows) {
            Long author = row.author() == null ? null
                    : authorsByValue.computeIfAbsent(row.author(), value -> authorKnownAs(organizationId, value));
            if (author != null) {
                authorsMatched++;
            }
            Output output = byKey.computeIfAbsent(row.url().key(),
                    key -> outputs.findByOrganizationIdAndNormalizedUrl(organizationId, key)
                            .orElseGet(() -> Output.record(organizationId, row.url(), row.type(), row.title(), null,
                                    null, OutputSource.IMPORT, null, now)));
            output.complete(author, row.title(), row.publishedAt());
            row.links().forEach((eventId, reason) -> output.inferLink(eventId, reason, now));
            linked += row.links().size();
            withoutEvent += row.links().isEmpty() ? 1 : 0;
        }
        try {
            byKey.values().forEach(outputs::save);
        } catch (DuplicateKeyException recordedMeanwhile) {
            // a feed poll or a person took one of these addresses during the import: nothing of the file stays
            throw new ConflictException("file", "output.import.concurrent");
        }
        return new OutputImportSummary(rows.size(), byKey.size(), linked, withoutEvent, authorsMatched, encoding);
    }

    /** The one member known by this identity; nobody when none or several are. */
    private Long authorKnownAs(long organizationId, String value) {
        List<Member> known = members.findByIdentity(organizationId, value);
        return known.size() == 1 ? known.get(0).id() : null;
    }

    private record Row(OutputUrl url, OutputType type, String title, Instant publishedAt, String author,
            Map<Long, LinkedBy> links) {
    }

    /** The cells of one row, each checked as it is read; a problem is noted against its row and column. */
    private static final class Cells {

        private final CsvRow row;
        private final List<String> header;
        private final Map<Field, Integer> columns;
        private final List<ImportProblem> problems;
        private final int problemsBefore;

        Cells(CsvRow row, List<String> header, Map<Field, Integer> columns, List<ImportProblem> problems) {
            this.row = row;
            this.header = header;
            this.columns = columns;
            this.problems = problems;
            this.problemsBefore = problems.size();
        }

        boolean failed() {
            return problems.size() > problemsBefore;
        }

        Optional<OutputUrl> url() {
            String value = value(Field.URL);
            try {
                return Optional.of(OutputUrl.of(value));
            } catch (InvalidInputException e) {
                InvalidInputException.FieldProblem problem = e.problems().get(0);
                if (value.isEmpty()) {
                    problem(Field.URL, "output.import.url.required");
                } else if (problem.code().equals("validation.too-long")) {
                    problem(Field.URL, "output.import.url.too-long", problem.args().get(0));
                } else {
                    problem(Field.URL, "output.import.url.invalid", value);
                }
                return Optional.empty();
            }
        }

        OutputType type() {
            String value = value(Field.TYPE);
            if (value.isEmpty()) {
                return null;
            }
            Optional<OutputType> type = OutputType.fromApiName(value);
            if (type.isEmpty()) {
                problem(Field.TYPE, "output.import.type.unknown", value);
            }
            return type.orElse(null);
        }

        String title() {
            String value = value(Field.TITLE);
            if (value.length() > Output.MAX_TITLE) {
                problem(Field.TITLE, "output.import.title.too-long", Output.MAX_TITLE);
            }
            return value.isEmpty() ? null : value;
        }

        Instant publishedAt(ZoneId zone) {
            String value = value(Field.PUBLISHED_AT);
            if (value.isEmpty()) {
                return null;
            }
            Optional<StatedTime> time = StatedTime.parse(value);
            if (time.isEmpty()) {
                problem(Field.PUBLISHED_AT, "output.import.published-at.invalid", value);
                return null;
            }
            return time.get().in(zone);
        }

        String author() {
            String value = value(Field.AUTHOR);
            return value.isEmpty() ? null : value;
        }

        String text() {
            return value(Field.TEXT);
        }

        /** The event a row names by its id, its public address or its connpass address; empty when it names none. */
        Optional<LinkTarget> event(List<LinkTarget> events) {
            String value = value(Field.EVENT);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            Optional<LinkTarget> named;
            if (value.matches("\\d{1,18}")) {
                long id = Long.parseLong(value);
                named = events.stream().filter(e -> e.eventId() == id).findFirst();
            } else {
                String wanted = address(value);
                named = events.stream().filter(e -> e.urls().stream().anyMatch(u -> address(u).equals(wanted)))
                        .findFirst();
            }
            if (named.isEmpty()) {
                problem(Field.EVENT, "output.import.event.unknown", value);
            }
            return named;
        }

        private String value(Field field) {
            Integer column = columns.get(field);
            return column == null ? "" : row.value(column);
        }

        private void problem(Field field, String code, Object... args) {
            problems.add(new ImportProblem(row.row(), header.get(columns.get(field)), code, List.of(args)));
        }

        /** An address as it names a page: without scheme, query, fragment or trailing slash, in lower case. */
        private static String address(String url) {
            String bare = url.strip().replaceFirst("(?i)^https?://", "").replaceFirst("[?#].*$", "");
            while (bare.endsWith("/")) {
                bare = bare.substring(0, bare.length() - 1);
            }
            return bare.toLowerCase(Locale.ROOT);
        }
    }
}
