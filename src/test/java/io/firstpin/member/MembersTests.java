package io.firstpin.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.firstpin.organization.Organizations;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.Slug;
import io.firstpin.testing.DatabaseTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@DatabaseTest
@SpringBootTest
class MembersTests {

    private static final AtomicInteger ORGANIZATIONS = new AtomicInteger();

    @Autowired
    Members members;
    @Autowired
    MemberSearch search;
    @Autowired
    Organizations organizations;

    private long anOrganization() {
        int n = ORGANIZATIONS.incrementAndGet();
        return organizations.found(new Slug("members-" + n), "Members " + n).id();
    }

    private Member taro(long organization) {
        return members.register(organization, "山田 太郎", List.of(IdentityInput.email("Taro@Example.com"),
                IdentityInput.connpass("Taro_Y"), new IdentityInput(IdentityKind.X, "@TaroYamada")));
    }

    @Test
    void aRegisteredMemberIsStoredWithItsNormalisedIdentities() {
        long organization = anOrganization();

        Member taro = taro(organization);
        Member loaded = members.inOrganization(organization, taro.id());

        assertThat(loaded.displayName()).isEqualTo("山田 太郎");
        assertThat(loaded.staff()).isFalse();
        assertThat(loaded.createdAt()).isNotNull();
        assertThat(loaded.identities()).extracting(MemberIdentity::kind, MemberIdentity::value, MemberIdentity::normalizedValue)
                .containsExactly(
                        tuple(IdentityKind.EMAIL, "Taro@Example.com", "taro@example.com"),
                        tuple(IdentityKind.CONNPASS, "Taro_Y", "taro_y"),
                        tuple(IdentityKind.X, "TaroYamada", "taroyamada"));
        assertThat(loaded.primaryEmail()).contains("Taro@Example.com");
    }

    @Test
    void aMemberIsFoundByEmailConnpassNameOrHandleRegardlessOfCase() {
        long organization = anOrganization();
        Member taro = taro(organization);

        for (String typed : List.of("taro@example.com", " TARO@EXAMPLE.COM ", "taro_y", "TARO_Y", "@taroyamada", "TaroYamada")) {
            assertThat(members.findByIdentity(organization, typed)).as(typed).extracting(Member::id).containsExactly(taro.id());
        }
        assertThat(members.findByIdentity(organization, "nobody@example.com")).isEmpty();
        assertThat(members.findByIdentity(organization, IdentityKind.CONNPASS, "@Taro_Y")).map(Member::id).contains(taro.id());
        assertThat(members.findByIdentity(organization, IdentityKind.GITHUB, "taro_y")).isEmpty();
    }

    @Test
    void anIdentityAnotherMemberHasIsAConflictAndNothingIsStored() {
        long organization = anOrganization();
        taro(organization);

        assertThatThrownBy(() -> members.register(organization, "Impostor", List.of(IdentityInput.email("hanako@example.com"),
                IdentityInput.email("TARO@example.com"))))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.field()).isEqualTo("identities");
                    assertThat(e.code()).isEqualTo("member.identity.taken");
                    assertThat(e.args()).containsExactly("TARO@example.com");
                });
        assertThat(members.count(organization)).isEqualTo(1);
        assertThat(members.findByIdentity(organization, "hanako@example.com")).isEmpty();
    }

    @Test
    void addingAnIdentityAnotherMemberHasIsAConflict() {
        long organization = anOrganization();
        taro(organization);
        Member hanako = members.register(organization, "Hanako", List.of());

        assertThatThrownBy(() -> members.addIdentity(organization, hanako.id(), IdentityInput.connpass("taro_y")))
                .isInstanceOf(ConflictException.class);
        assertThat(members.inOrganization(organization, hanako.id()).identities()).isEmpty();
    }

    @Test
    void theSameIdentityIsFreeInAnotherOrganization() {
        long first = anOrganization();
        long second = anOrganization();
        Member inFirst = taro(first);

        Member inSecond = taro(second);

        assertThat(members.findByIdentity(first, "taro@example.com")).extracting(Member::id).containsExactly(inFirst.id());
        assertThat(members.findByIdentity(second, "taro@example.com")).extracting(Member::id).containsExactly(inSecond.id());
    }

    @Test
    void aMemberOfAnotherOrganizationIsNotFound() {
        long mine = anOrganization();
        long theirs = anOrganization();
        Member theirMember = taro(theirs);

        assertThatThrownBy(() -> members.inOrganization(mine, theirMember.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> members.update(mine, theirMember.id(), "Stolen", false, List.of()))
                .isInstanceOf(NotFoundException.class);
        assertThat(members.inOrganization(mine, List.of(theirMember.id()))).isEmpty();
        assertThat(members.displayNames(mine, List.of(theirMember.id()))).isEmpty();
    }

    @Test
    void updatingRenamesSetsStaffAndReplacesIdentitiesKeepingThePrimaryEmail() {
        long organization = anOrganization();
        Member taro = members.register(organization, "Taro", List.of(IdentityInput.email("first@example.com"),
                IdentityInput.email("second@example.com")));

        members.update(organization, taro.id(), " Taro Yamada ", true, List.of(IdentityInput.email("second@example.com"),
                IdentityInput.email("first@example.com"), new IdentityInput(IdentityKind.GITHUB, "taro")));
        Member updated = members.inOrganization(organization, taro.id());

        assertThat(updated.displayName()).isEqualTo("Taro Yamada");
        assertThat(updated.staff()).isTrue();
        assertThat(updated.primaryEmail()).contains("first@example.com");
        assertThat(updated.identities()).extracting(MemberIdentity::value)
                .containsExactly("first@example.com", "second@example.com", "taro");
    }

    @Test
    void anUpdateMayMoveAnIdentityBetweenKindsOfTheSameMember() {
        long organization = anOrganization();
        Member taro = members.register(organization, "Taro", List.of(IdentityInput.connpass("taro")));

        Member updated = members.update(organization, taro.id(), "Taro", false,
                List.of(IdentityInput.connpass("TARO"), new IdentityInput(IdentityKind.X, "taro")));

        assertThat(members.inOrganization(organization, updated.id()).identities()).extracting(MemberIdentity::value)
                .containsExactly("TARO", "taro");
    }

    @Test
    void badInputIsReportedPerFieldAndNothingChanges() {
        long organization = anOrganization();
        Member taro = taro(organization);

        assertThatThrownBy(() -> members.update(organization, taro.id(), "", false, List.of(IdentityInput.email("nope"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::field)
                        .containsExactly("displayName", "identities[0].value"));
        assertThat(members.inOrganization(organization, taro.id()).displayName()).isEqualTo("山田 太郎");
    }

    @Test
    void searchMatchesPartOfANameIgnoringCaseOrPartOfAnIdentity() {
        long organization = anOrganization();
        Member taro = taro(organization);
        Member alice = members.register(organization, "Alice Johnson", List.of(new IdentityInput(IdentityKind.GITHUB, "alicej")));
        members.register(organization, "Bob", List.of(IdentityInput.email("bob@example.org")));

        assertThat(search.search(organization, "JOHN", 0, 10).members()).extracting(Member::id).containsExactly(alice.id());
        assertThat(search.search(organization, "太郎", 0, 10).members()).extracting(Member::id).containsExactly(taro.id());
        assertThat(search.search(organization, "@taroyam", 0, 10).members()).extracting(Member::id).containsExactly(taro.id());
        assertThat(search.search(organization, "example.com", 0, 10).members()).extracting(Member::id).containsExactly(taro.id());
        assertThat(search.search(organization, "100%", 0, 10).members()).isEmpty();
        assertThat(search.search(organization, "", 0, 10).total()).isEqualTo(3);
    }

    @Test
    void searchPagesThroughMembersInNameOrder() {
        long organization = anOrganization();
        for (String name : List.of("delta", "Alpha", "charlie", "Bravo", "echo")) {
            members.register(organization, name, List.of());
        }

        MemberPage first = search.search(organization, null, 0, 2);
        MemberPage last = search.search(organization, null, 2, 2);

        assertThat(first.members()).extracting(Member::displayName).containsExactly("Alpha", "Bravo");
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.totalPages()).isEqualTo(3);
        assertThat(first.hasNext()).isTrue();
        assertThat(first.hasPrevious()).isFalse();
        assertThat(last.members()).extracting(Member::displayName).containsExactly("echo");
        assertThat(last.hasNext()).isFalse();
        assertThat(search.search(organization, null, 0, 10_000).size()).isEqualTo(MemberSearch.MAX_PAGE_SIZE);
    }

    @Test
    void searchNeverShowsAnotherOrganizationsMembers() {
        long mine = anOrganization();
        long theirs = anOrganization();
        taro(theirs);

        assertThat(search.search(mine, "taro", 0, 10).members()).isEmpty();
        assertThat(search.search(mine, "", 0, 10).total()).isZero();
        assertThat(members.findByIdentity(mine, "taro@example.com")).isEmpty();
    }

    @Test
    void aTypedInSpeakerIsTheOnlyMemberWithThatNameOrANewMember() {
        long organization = anOrganization();
        Member taro = taro(organization);
        members.register(organization, "Suzuki", List.of());
        members.register(organization, "suzuki", List.of());

        Member sameTaro = members.findOrRegisterByDisplayName(organization, " 山田 太郎 ");
        Member newcomer = members.findOrRegisterByDisplayName(organization, "Sato");
        Member ambiguous = members.findOrRegisterByDisplayName(organization, "SUZUKI");

        assertThat(sameTaro.id()).isEqualTo(taro.id());
        assertThat(newcomer.id()).isNotEqualTo(taro.id());
        assertThat(newcomer.displayName()).isEqualTo("Sato");
        assertThat(ambiguous.identities()).isEmpty();
        assertThat(members.count(organization)).isEqualTo(5);
        assertThat(members.findOrRegisterByDisplayName(organization, "Sato").id()).isEqualTo(newcomer.id());
    }

    @Test
    void findOrRegisterByIdentityReusesTheKnownMember() {
        long organization = anOrganization();
        Member taro = taro(organization);

        Member found = members.findOrRegister(organization, "Someone else", IdentityInput.email("TARO@example.com"));
        Member registered = members.findOrRegister(organization, "Hanako", IdentityInput.email("hanako@example.com"));

        assertThat(found.id()).isEqualTo(taro.id());
        assertThat(registered.displayName()).isEqualTo("Hanako");
        assertThat(registered.primaryEmail()).contains("hanako@example.com");
    }

    @Test
    void concurrentFindOrRegisterWithTheSameNewEmailMakesOneMember() throws Exception {
        long organization = anOrganization();
        int callers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Callable<Long>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                calls.add(() -> members.findOrRegister(organization, "Rush", IdentityInput.email("rush@example.com")).id());
            }
            Set<Long> ids = new HashSet<>();
            for (Future<Long> result : pool.invokeAll(calls)) {
                ids.add(result.get());
            }

            assertThat(ids).hasSize(1);
            assertThat(members.count(organization)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theLeanLookupFindsTheKnownMemberAndStoresANewOneWithItsIdentity() {
        long organization = anOrganization();
        Member taro = taro(organization);

        long found = members.findOrRegisterId(organization, "Someone else", IdentityInput.email("TARO@example.com"));
        long registered = members.findOrRegisterId(organization, "Hanako", IdentityInput.email("Hanako@Example.com"));

        assertThat(found).isEqualTo(taro.id());
        Member hanako = members.inOrganization(organization, registered);
        assertThat(hanako.displayName()).isEqualTo("Hanako");
        assertThat(members.findByIdentity(organization, IdentityKind.EMAIL, "hanako@example.com"))
                .map(Member::id).contains(registered);
    }

    @Test
    void concurrentLeanLookupsWithTheSameNewEmailLeaveOneMember() throws Exception {
        long organization = anOrganization();
        int callers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Callable<Long>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                calls.add(() -> members.findOrRegisterId(organization, "Rush", IdentityInput.email("lean@example.com")));
            }
            Set<Long> ids = new HashSet<>();
            for (Future<Long> result : pool.invokeAll(calls)) {
                ids.add(result.get());
            }

            assertThat(ids).hasSize(1);
            assertThat(members.count(organization)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void displayNamesAreGivenById() {
        long organization = anOrganization();
        Member taro = taro(organization);
        Member hanako = members.register(organization, "Hanako", List.of());

        Map<Long, String> names = members.displayNames(organization, List.of(taro.id(), hanako.id(), 999_999L));

        assertThat(names).containsOnly(Map.entry(taro.id(), "山田 太郎"), Map.entry(hanako.id(), "Hanako"));
        assertThat(members.inOrganization(organization, List.of(hanako.id(), taro.id())).stream()
                .map(Member::displayName).collect(Collectors.toList())).containsExactly("Hanako", "山田 太郎");
    }

    @Test
    void staffCanBeMarkedAndRemovedIdentitiesAreGone() {
        long organization = anOrganization();
        Member taro = taro(organization);

        members.markStaff(organization, taro.id(), true);
        members.removeIdentity(organization, taro.id(), new IdentityInput(IdentityKind.X, "@taroyamada"));
        Member loaded = members.inOrganization(organization, taro.id());

        assertThat(loaded.staff()).isTrue();
        assertThat(loaded.identities()).extracting(MemberIdentity::kind).containsExactly(IdentityKind.EMAIL, IdentityKind.CONNPASS);
        assertThat(members.findByIdentity(organization, "@taroyamada")).isEmpty();
    }
}
