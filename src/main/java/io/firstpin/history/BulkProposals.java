package io.firstpin.history;

import static io.firstpin.platform.db.Tables.HISTORY_BULK_FILE;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.event.Event;
import io.firstpin.event.EventListings;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The step where staff choose: each prepared file of a bulk import as read, with the event it most likely belongs to,
 * among the community's events.
 */
@Service
public class BulkProposals {

    private static final Pattern CONNPASS_FILE = Pattern.compile("event_(\\d+)_participants", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE = Pattern.compile("(20\\d\\d)[-_./]?(\\d\\d)[-_./]?(\\d\\d)");
    private static final int HISTORY_HOUR = 19;

    private final DSLContext db;
    private final HistoryImports imports;
    private final EventListings events;
    private final Communities communities;
    private final ColumnMappings mappings;
    private final BulkJobRows jobs;

    BulkProposals(DSLContext db, HistoryImports imports, EventListings events, Communities communities,
            ColumnMappings mappings, BulkJobRows jobs) {
        this.db = db;
        this.imports = imports;
        this.events = events;
        this.communities = communities;
        this.mappings = mappings;
        this.jobs = jobs;
    }

    /** Each prepared file as read, with the event proposed for it. */
    @Transactional(readOnly = true)
    public List<BulkProposal> proposals(long organizationId, long communityId, long jobId) {
        Community community = communities.inOrganization(organizationId, communityId);
        jobs.requirePrepared(organizationId, communityId, jobId, false);
        List<Event> known = eventsOf(community);
        List<BulkProposal> proposals = new ArrayList<>();
        db.select(HISTORY_BULK_FILE.POSITION, HISTORY_BULK_FILE.FILE_NAME, HISTORY_BULK_FILE.CONTENT)
                .from(HISTORY_BULK_FILE)
                .where(HISTORY_BULK_FILE.JOB_ID.eq(jobId))
                .orderBy(HISTORY_BULK_FILE.POSITION)
                .forEach(row -> proposals.add(propose(community, known, row.value1(), row.value2(), row.value3())));
        return proposals;
    }

    /** The community's events staff may choose from, latest first. */
    @Transactional(readOnly = true)
    public List<Event> eventsOf(long organizationId, long communityId) {
        return eventsOf(communities.inOrganization(organizationId, communityId));
    }

    private List<Event> eventsOf(Community community) {
        return events.search(community.organizationId(), null, Set.of(community.id()), 0, 1000).events();
    }

    /**
     * The file as read, and the event it most likely belongs to: the one it was imported into before, the one whose
     * connpass address has the id in a connpass file name, the one titled like the file, or the one on the date in
     * the file name; otherwise a new event titled after the file, on that date when the name has one.
     */
    private BulkProposal propose(Community community, List<Event> known, int position, String fileName,
            byte[] content) {
        ZoneId zone = community.timeZone();
        String encoding = null;
        Integer rows = null;
        int problems = 0;
        Optional<List<String>> header = ColumnMappings.header(content);
        // a CSV of no known site is read through a column mapping; bytes that are no CSV at all get no site
        Optional<ImportFormat> format = header.flatMap(ImportFormat::recognize)
                .or(() -> header.map(h -> ImportFormat.GENERIC));
        Optional<ColumnMapping> mapping = header.flatMap(h -> mappings.remembered(community.id(), h));
        try {
            encoding = DecodedText.decode(content).encoding();
            if (format.isPresent() && (!format.get().needsMapping() || mapping.isPresent())) {
                rows = format.get().read(content, mapping.orElse(null)).rows().size();
            }
        } catch (ImportRejected rejected) {
            problems = Math.max(1, rejected.problems().size());
            encoding = rejected.encoding().orElse(encoding);
        }
        String stem = stem(fileName);
        Optional<LocalDate> date = dateIn(stem);
        Long eventId = imports.importedBefore(community.organizationId(), content).stream()
                .filter(id -> known.stream().anyMatch(e -> e.id().equals(id)))
                .findFirst()
                .or(() -> connpassEvent(known, stem))
                .or(() -> known.stream().filter(e -> e.title().equalsIgnoreCase(stem.strip())
                        || normalized(stem).contains(normalized(e.title()))).map(Event::id).findFirst())
                .or(() -> date.flatMap(d -> known.stream()
                        .filter(e -> e.startsAt().atZone(zone).toLocalDate().equals(d)).map(Event::id).findFirst()))
                .orElse(null);
        String title = stem.replace('_', ' ').strip();
        Instant startsAt = date.map(d -> d.atTime(HISTORY_HOUR, 0).atZone(zone).toInstant()).orElse(null);
        return new BulkProposal(position, fileName, format.orElse(null), encoding, rows, problems,
                mapping.isPresent(), eventId, title.length() > 200 ? title.substring(0, 200) : title, startsAt);
    }

    private static Optional<Long> connpassEvent(List<Event> known, String stem) {
        Matcher connpass = CONNPASS_FILE.matcher(stem);
        if (!connpass.find()) {
            return Optional.empty();
        }
        String address = "connpass.com/event/" + connpass.group(1) + "/";
        return known.stream()
                .filter(e -> contains(e.onlineUrl(), address) || contains(e.description(), address))
                .map(Event::id)
                .findFirst();
    }

    private static boolean contains(String text, String part) {
        return text != null && (text + "/").contains(part);
    }

    private static Optional<LocalDate> dateIn(String stem) {
        Matcher found = DATE.matcher(stem);
        while (found.find()) {
            try {
                return Optional.of(LocalDate.of(Integer.parseInt(found.group(1)), Integer.parseInt(found.group(2)),
                        Integer.parseInt(found.group(3))));
            } catch (java.time.DateTimeException notADate) {
                // digits that only look like a date; a later match may be one
            }
        }
        return Optional.empty();
    }

    private static String stem(String fileName) {
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String normalized(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-#＃]+", "");
    }
}
