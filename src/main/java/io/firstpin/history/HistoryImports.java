package io.firstpin.history;

import io.firstpin.attendance.PastCheckIns;
import io.firstpin.attendance.PastCheckIns.PastCheckIn;
import io.firstpin.community.Community;
import io.firstpin.event.Event;
import io.firstpin.event.EventDetails;
import io.firstpin.event.EventSummary;
import io.firstpin.event.Events;
import io.firstpin.event.Frame;
import io.firstpin.event.FrameMode;
import io.firstpin.event.FramePlan;
import io.firstpin.history.internal.ImportLog;
import io.firstpin.history.internal.ImportMetrics;
import io.firstpin.member.IdentityInput;
import io.firstpin.member.IdentityKind;
import io.firstpin.member.MemberImports;
import io.firstpin.member.MemberResolution;
import io.firstpin.member.NamedIdentity;
import io.firstpin.member.MergeSuggestions;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.Sha256;
import io.firstpin.registration.PastRegistrations;
import io.firstpin.registration.PastRegistrations.PastRegistration;
import io.firstpin.registration.Questionnaires;
import io.firstpin.registration.RegistrationStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports an export of a past event into that event, all or nothing: the whole file is read and checked first, and
 * only a file without a single problem is applied, in one transaction. People are matched by identity (a connpass
 * user name, an email), never by name alone; frames the event lacks are opened; registrations keep their status and
 * the waitlist its order; check-ins keep their time; questionnaire answers become registration answers. The original
 * file is kept with the counts it gave, so importing the same file again changes nothing and answers the same.
 */
@Service
public class HistoryImports {

    /** The frame of a created event whose file names none (Meetup). */
    static final String NEW_EVENT_FRAME = "一般枠";

    private final Events events;
    private final MemberImports members;
    private final MergeSuggestions suggestions;
    private final PastRegistrations registrations;
    private final Questionnaires questionnaires;
    private final PastCheckIns checkIns;
    private final ImportLog log;
    private final ColumnMappings mappings;
    private final Clock clock;
    private final ImportMetrics metrics;
    private final ApplicationEventPublisher publisher;

    HistoryImports(Events events, MemberImports members, MergeSuggestions suggestions, PastRegistrations registrations,
            Questionnaires questionnaires, PastCheckIns checkIns, ImportLog log, ColumnMappings mappings, Clock clock,
            ImportMetrics metrics, ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.metrics = metrics;
        this.mappings = mappings;
        this.events = events;
        this.members = members;
        this.suggestions = suggestions;
        this.registrations = registrations;
        this.questionnaires = questionnaires;
        this.checkIns = checkIns;
        this.log = log;
        this.clock = clock;
    }

    /**
     * @throws NotFoundException when the event is not one of the organization's
     * @throws ImportRejected with every problem of a file that cannot be imported; nothing is stored then
     */
    @Transactional
    public ImportSummary importFile(long organizationId, long eventId, ImportFormat format, String fileName,
            byte[] content) {
        return importFile(organizationId, eventId, format, null, fileName, content, ImportProgress.NONE);
    }

    /**
     * As {@link #importFile(long, long, ImportFormat, String, byte[])}, telling {@code progress} each stage begun; a
     * generic CSV is read through the mapping given, or else the one remembered for its header in the event's
     * community, and a mapping that imported is remembered.
     */
    @Transactional
    public ImportSummary importFile(long organizationId, long eventId, ImportFormat format, ColumnMapping mapping,
            String fileName, byte[] content, ImportProgress progress) {
        EventSummary event = events.summary(eventId).filter(e -> e.organizationId() == organizationId)
                .orElseThrow(() -> NotFoundException.of("event", eventId));
        return metrics.timed(format.name(), () -> {
            progress.begun(ImportStage.READING, null);
            ColumnMapping used = mapping(event.communityId(), format, mapping, content);
            ImportedFile file = format.read(content, used);
            String sha256 = Sha256.hex(content);
            return log.earlier(eventId, sha256)
                    .orElseGet(() -> importRead(event, file, format, used, fileName, content, sha256, progress));
        });
    }

    private ColumnMapping mapping(long communityId, ImportFormat format, ColumnMapping given, byte[] content) {
        if (!format.needsMapping()) {
            return null;
        }
        return given != null ? given : mappings.rememberedFor(communityId, content).orElse(null);
    }

    /**
     * Imports the file into an event of the community created for it from the title and start given, all or nothing:
     * the event exists only when the file imports. A file imported into an event of the community before answers
     * that event and its counts again, so a bulk import run twice creates nothing. A generic CSV is read as
     * {@link #importFile(long, long, ImportFormat, ColumnMapping, String, byte[], ImportProgress)} reads it.
     *
     * @throws ImportRejected with every problem of a file that cannot be imported; no event is created then
     */
    @Transactional
    public IntoEvent importIntoNewEvent(Community community, String title, Instant startsAt, ImportFormat format,
            ColumnMapping mapping, String fileName, byte[] content, ImportProgress progress) {
        return metrics.timed(format.name(),
                () -> importIntoNew(community, title, startsAt, format, mapping, fileName, content, progress));
    }

    private IntoEvent importIntoNew(Community community, String title, Instant startsAt, ImportFormat format,
            ColumnMapping mapping, String fileName, byte[] content, ImportProgress progress) {
        progress.begun(ImportStage.READING, null);
        ColumnMapping used = mapping(community.id(), format, mapping, content);
        ImportedFile file = format.read(content, used);
        String sha256 = Sha256.hex(content);
        Optional<IntoEvent> earlier = log.earlierInOrganization(community.organizationId(), sha256).entrySet()
                .stream()
                .filter(e -> events.summary(e.getKey()).filter(s -> s.communityId() == community.id()).isPresent())
                .findFirst()
                .map(e -> new IntoEvent(e.getKey(), e.getValue(), false));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Event event;
        try {
            List<FramePlan> frames = framePlans(file);
            event = events.plan(community, new EventDetails(title, null, null, startsAt, null, null, true, null,
                    Optional.empty()), List.of(), frames, NEW_EVENT_FRAME);
        } catch (InvalidInputException invalid) {
            throw new ImportRejected(invalid.problems().stream()
                    .map(p -> ImportProblem.ofFile("history.bulk.event-invalid", p.field()))
                    .toList(), file.encoding());
        }
        EventSummary created = events.summary(event.id()).orElseThrow();
        ImportSummary summary = importRead(created, file, format, used, fileName, content, sha256, progress);
        return new IntoEvent(event.id(), summary, true);
    }

    /** The events of the organization this very file was imported into, earliest first. */
    @Transactional(readOnly = true)
    public List<Long> importedBefore(long organizationId, byte[] content) {
        return List.copyOf(log.earlierInOrganization(organizationId, Sha256.hex(content)).keySet());
    }

    /** Where a file of a bulk import went and what it gave; {@code eventCreated} when its event is new. */
    public record IntoEvent(long eventId, ImportSummary summary, boolean eventCreated) {
    }

    private ImportSummary importRead(EventSummary event, ImportedFile file, ImportFormat format, ColumnMapping mapping,
            String fileName, byte[] content, String sha256, ImportProgress progress) {
        try {
            ImportSummary summary = apply(event, file, progress);
            if (mapping != null) {
                ColumnMappings.header(content).ifPresent(header ->
                        mappings.remember(event.communityId(), header, mapping));
            }
            log.record(event.organizationId(), event.id(), format.apiName(), fileName(fileName), sha256, content,
                    summary, clock.instant());
            publisher.publishEvent(new HistoryImported(event.organizationId(), event.id(), format.apiName(), sha256,
                    summary));
            return summary;
        } catch (InvalidInputException broken) {
            throw new ImportRejected(broken.problems().stream()
                    .map(p -> ImportProblem.ofFile(p.code(), p.args().toArray()))
                    .toList(), file.encoding());
        } catch (DuplicateKeyException raced) {
            throw new ConflictException("file", "history.import.concurrent");
        }
    }

    private ImportSummary apply(EventSummary event, ImportedFile file, ImportProgress progress) {
        long organizationId = event.organizationId();
        List<ImportedRow> rows = file.rows();
        Map<String, Long> frames = events.openFramesNamed(organizationId, event.id(), framePlans(file));
        long firstFrame = events.frames(event.id()).stream().findFirst().map(Frame::id).orElseThrow();

        progress.begun(ImportStage.PEOPLE, rows.size());
        People people = people(organizationId, event.id(), rows);
        ZoneId zone = ZoneId.of(event.timeZone());
        List<PastRegistration> past = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            ImportedRow row = rows.get(i);
            Instant registeredAt = row.registeredAtIfStated().map(t -> t.in(zone)).orElse(event.startsAt());
            past.add(new PastRegistration(people.memberIds().get(i),
                    row.frame() == null ? firstFrame : frames.get(row.frame()), row.person().displayName(),
                    row.person().matchedBy().filter(id -> id.kind() == IdentityKind.EMAIL)
                            .map(IdentityInput::value).orElse(null),
                    row.status(), registeredAt));
        }
        progress.begun(ImportStage.REGISTRATIONS, rows.size());
        Map<Long, Long> registrationOf = registrations.record(organizationId, event.id(), past);
        progress.begun(ImportStage.ATTENDANCE, rows.size());

        Map<Long, List<String>> answers = new LinkedHashMap<>();
        List<PastCheckIn> present = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ImportedRow row = rows.get(i);
            long memberId = people.memberIds().get(i);
            Long registrationId = registrationOf.get(memberId);
            answers.put(registrationId, row.answers());
            if (row.attended()) {
                present.add(new PastCheckIn(memberId, registrationId,
                        row.checkedInAtIfStated().map(t -> t.in(zone)).orElse(event.startsAt())));
            }
        }
        questionnaires.importAnswers(organizationId, event.id(), file.questions(), answers);
        checkIns.record(organizationId, event.id(), present);
        return new ImportSummary(rows.size(), rows.size(), present.size(), people.created(), people.matched(),
                file.encoding(), suggestions.countInvolving(organizationId, new HashSet<>(people.memberIds())));
    }

    /**
     * New frames as the file uses them: one that had people waiting was full, so it gets as many seats as the file
     * confirms in it, which keeps a later edit of the event from promoting people of the past.
     */
    private static List<FramePlan> framePlans(ImportedFile file) {
        Map<String, int[]> confirmedAndWaiting = new LinkedHashMap<>();
        for (ImportedRow row : file.rows()) {
            if (row.frame() == null) {
                continue;
            }
            int[] counts = confirmedAndWaiting.computeIfAbsent(row.frame(), name -> new int[2]);
            if (row.status() == RegistrationStatus.CONFIRMED) {
                counts[0]++;
            } else if (row.status() == RegistrationStatus.WAITLISTED) {
                counts[1]++;
            }
        }
        List<FramePlan> plans = new ArrayList<>();
        confirmedAndWaiting.forEach((name, counts) -> plans.add(new FramePlan(null, name,
                counts[1] > 0 ? Math.max(1, counts[0]) : null, FrameMode.FIFO, null)));
        return plans;
    }

    /** The member of each row, in row order, and how many were new. */
    private People people(long organizationId, long eventId, List<ImportedRow> rows) {
        Long[] memberIds = new Long[rows.size()];
        List<Integer> identified = new ArrayList<>();
        List<NamedIdentity> identities = new ArrayList<>();
        Map<String, Long> earlier = log.people(eventId);
        List<Integer> unknown = new ArrayList<>();
        int matched = 0;
        for (int i = 0; i < rows.size(); i++) {
            ImportedPerson person = rows.get(i).person();
            if (person.matchedBy().isPresent()) {
                identified.add(i);
                identities.add(new NamedIdentity(person.displayName(), person.identity()));
            } else if (earlier.containsKey(person.key())) {
                memberIds[i] = earlier.get(person.key());
                matched++;
            } else {
                unknown.add(i);
            }
        }
        int created = 0;
        List<MemberResolution> resolved = members.findOrRegisterAll(organizationId, identities);
        for (int j = 0; j < identified.size(); j++) {
            memberIds[identified.get(j)] = resolved.get(j).memberId();
            if (resolved.get(j).created()) {
                created++;
            } else {
                matched++;
            }
        }
        List<Long> newcomers = members.registerAllUnidentified(organizationId,
                unknown.stream().map(i -> rows.get(i).person().displayName()).toList());
        Map<String, Long> remembered = new HashMap<>();
        for (int j = 0; j < unknown.size(); j++) {
            memberIds[unknown.get(j)] = newcomers.get(j);
            remembered.put(rows.get(unknown.get(j)).person().key(), newcomers.get(j));
        }
        log.rememberPeople(eventId, remembered);
        created += unknown.size();
        return new People(List.of(memberIds), created, matched);
    }

    private static String fileName(String given) {
        String name = Objects.requireNonNullElse(given, "").strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return name.isEmpty() ? "upload.csv" : name.substring(0, Math.min(name.length(), 500));
    }

    private record People(List<Long> memberIds, int created, int matched) {
    }
}
