package io.firstpin.member;

import static io.firstpin.platform.db.Tables.MEMBER;

import io.firstpin.member.internal.ExportArchive;
import io.firstpin.member.internal.ExportQueries;
import io.firstpin.member.internal.People;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Export (GDPR art. 15 and 20, APPI's 開示): everything the organization holds about a member, for the member from
 * their page or for staff answering a request (page or API), as JSON or as a ZIP archive with the same in readable
 * CSV files. The member includes the members merged into it. Each export is written to the audit log
 * ({@link MemberDataExported}).
 */
@Service
public class MemberExports {

    private final DSLContext db;
    private final Members members;
    private final People people;
    private final ExportQueries queries;
    private final ExportArchive archive;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MemberExports(DSLContext db, Members members, People people, ExportQueries queries, ExportArchive archive,
            ApplicationEventPublisher events, Clock clock) {
        this.db = db;
        this.members = members;
        this.people = people;
        this.queries = queries;
        this.archive = archive;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The member's data (a merged member's is the data of the member it became).
     *
     * @throws io.firstpin.platform.NotFoundException when the member is not the organization's
     */
    @Transactional
    public MemberExport export(long organizationId, long memberId, boolean byMember) {
        MemberExport export = read(organizationId, memberId);
        events.publishEvent(new MemberDataExported(organizationId, export.member().id(), byMember, "json"));
        return export;
    }

    /** The same as a ZIP archive: {@code data.json} and a CSV file per kind of record. */
    @Transactional
    public byte[] zip(long organizationId, long memberId, boolean byMember) {
        MemberExport export = read(organizationId, memberId);
        events.publishEvent(new MemberDataExported(organizationId, export.member().id(), byMember, "zip"));
        return archive.zip(export);
    }

    private MemberExport read(long organizationId, long memberId) {
        Member member = members.inOrganization(organizationId,
                people.becameOf(members.inOrganization(organizationId, memberId).id()));
        Set<Long> all = people.withMerged(organizationId, member.id());
        List<Long> merged = all.stream().filter(id -> id != member.id().longValue()).toList();
        var erasedAt = db.select(MEMBER.ERASED_AT).from(MEMBER).where(MEMBER.ID.eq(member.id()))
                .fetchOne(MEMBER.ERASED_AT);
        MemberExport.Person person = new MemberExport.Person(member.id(), member.displayName(), member.staff(),
                member.provisional(), member.createdAt(), erasedAt == null ? null : erasedAt.toInstant());
        return new MemberExport(clock.instant(), person, merged, queries.identities(all), queries.registrations(all),
                queries.attendance(all), queries.undoneCheckIns(all), queries.talks(all), queries.outputs(all),
                queries.feeds(all), queries.surveyResponses(all), queries.leaderRoles(all), queries.reach(all),
                queries.optOuts(all), queries.emails(organizationId, people.emailsOf(all)), queries.nudges(all),
                queries.segmentEmails(all), queries.importedAs(all), queries.follows(all),
                queries.announcements(all), queries.passkeys(all));
    }
}
