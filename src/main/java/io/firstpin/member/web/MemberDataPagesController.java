package io.firstpin.member.web;

import io.firstpin.identity.Role;
import io.firstpin.member.Erasures;
import io.firstpin.member.Member;
import io.firstpin.member.MemberExport;
import io.firstpin.member.MemberExports;
import io.firstpin.member.Members;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff answering a disclosure or erasure request for a member (organization admins): the member's data as JSON or as
 * a ZIP of CSV files, and erasure after a confirmation page.
 */
@Controller
@RequestMapping("/manage/{org}/members/{id}")
class MemberDataPagesController {

    private final Organizations organizations;
    private final Members members;
    private final MemberExports exports;
    private final Erasures erasures;

    MemberDataPagesController(Organizations organizations, Members members, MemberExports exports,
            Erasures erasures) {
        this.organizations = organizations;
        this.members = members;
        this.exports = exports;
        this.erasures = erasures;
    }

    @GetMapping("/export.json")
    ResponseEntity<MemberExport> json(@PathVariable String org, @PathVariable long id) {
        Organization organization = organizations.open(org, Role.ORGANIZATION_ADMIN);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("member-" + id + ".json"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(exports.export(organization.id(), id, false));
    }

    @GetMapping("/export.zip")
    ResponseEntity<byte[]> zip(@PathVariable String org, @PathVariable long id) {
        Organization organization = organizations.open(org, Role.ORGANIZATION_ADMIN);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("member-" + id + ".zip"))
                .contentType(MediaType.parseMediaType("application/zip"))
                .body(exports.zip(organization.id(), id, false));
    }

    @GetMapping("/erasure")
    String confirm(@PathVariable String org, @PathVariable long id, Model model) {
        Organization organization = organizations.open(org, Role.ORGANIZATION_ADMIN);
        Member member = members.inOrganization(organization.id(), id);
        model.addAttribute("org", organization);
        model.addAttribute("member", member);
        return "member/erasure";
    }

    @PostMapping("/erasure")
    String erase(@PathVariable String org, @PathVariable long id, RedirectAttributes redirect) {
        Organization organization = organizations.open(org, Role.ORGANIZATION_ADMIN);
        long erased = erasures.erase(organization.id(), id, false).memberId();
        redirect.addFlashAttribute("erasureDone", true);
        return "redirect:/manage/" + organization.slug() + "/members/" + erased;
    }

    private static String attachment(String fileName) {
        return ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString();
    }
}
