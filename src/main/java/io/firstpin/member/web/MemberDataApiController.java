package io.firstpin.member.web;

import io.firstpin.identity.AccessGuard;
import io.firstpin.member.Erasures;
import io.firstpin.member.Member;
import io.firstpin.member.MemberErased;
import io.firstpin.member.MemberExport;
import io.firstpin.member.MemberExports;
import io.firstpin.member.Members;
import io.firstpin.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Disclosure and erasure requests by API, for organization admins. */
@RestController
@RequestMapping("/api/v1/members/{id}")
@Tag(name = "Members")
class MemberDataApiController {

    private final Members members;
    private final MemberExports exports;
    private final Erasures erasures;
    private final AccessGuard access;

    MemberDataApiController(Members members, MemberExports exports, Erasures erasures, AccessGuard access) {
        this.members = members;
        this.exports = exports;
        this.erasures = erasures;
        this.access = access;
    }

    @GetMapping("/export")
    @Operation(summary = "Everything the organization holds about the member (identities, registrations with "
            + "answers, attendance, outputs, survey responses, leader roles, reach, opt-outs, email sent to them)")
    MemberExport export(@PathVariable long id) {
        Member member = memberForAdmin(id);
        return exports.export(member.organizationId(), id, false);
    }

    @PostMapping("/erasure")
    @Operation(summary = "Erase the member's personal data for good; what they took part in stays counted as an "
            + "anonymous person, so every KPI is unchanged. Erasing again changes nothing")
    ErasureResponse erase(@PathVariable long id) {
        Member member = memberForAdmin(id);
        MemberErased erased = erasures.erase(member.organizationId(), id, false);
        return new ErasureResponse(erased.memberId(), true, erased.counts());
    }

    private Member memberForAdmin(long id) {
        Member member = members.findById(id).orElseThrow(() -> NotFoundException.of("member", id));
        access.requireAdmin(member.organizationId(), "member " + id);
        return member;
    }

    /**
     * @param id the member erased (a merged member's is the member it became)
     * @param counts rows changed by kind: members, identities, registrations, answers, surveyResponses, feeds, emails,
     *        files
     */
    record ErasureResponse(long id, boolean erased, Map<String, String> counts) {
    }
}
