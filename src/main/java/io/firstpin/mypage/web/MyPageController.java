package io.firstpin.mypage.web;

import io.firstpin.community.Communities;
import io.firstpin.follow.Follows;
import io.firstpin.member.IdentityInput;
import io.firstpin.member.IdentityKind;
import io.firstpin.member.MemberExports;
import io.firstpin.member.Members;
import io.firstpin.mypage.MyPage;
import io.firstpin.mypage.PreferenceChoices;
import io.firstpin.mypage.SignedInMember;
import io.firstpin.output.MemberFeeds;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.registration.Registrations;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The member's page of an organization (マイページ), once signed in: registrations with their private pages (QR pass,
 * cancel, answers), one-click registration, the identities they add themselves, their email preferences, and their
 * data to download. The security chain lets only a member of the path's organization in.
 */
@Controller
class MyPageController {

    private static final Set<IdentityKind> SELF_SERVICE = Set.of(IdentityKind.CONNPASS, IdentityKind.X,
            IdentityKind.BLUESKY, IdentityKind.GITHUB);

    private final MyPage page;
    private final Members members;
    private final Registrations registrations;
    private final MemberFeeds feeds;
    private final PreferenceChoices choices;
    private final MemberExports exports;
    private final MessageSource messages;
    private final Communities communities;
    private final Follows follows;

    MyPageController(MyPage page, Members members, Registrations registrations, MemberFeeds feeds,
            PreferenceChoices choices, MemberExports exports, MessageSource messages, Communities communities,
            Follows follows) {
        this.communities = communities;
        this.follows = follows;
        this.page = page;
        this.members = members;
        this.registrations = registrations;
        this.feeds = feeds;
        this.choices = choices;
        this.exports = exports;
        this.messages = messages;
    }

    @GetMapping("/my/{org}")
    String home(@AuthenticationPrincipal SignedInMember me, Model model) {
        model.addAttribute("me", me);
        model.addAttribute("overview", page.of(me));
        model.addAttribute("choices", choices.of(me.organizationId(), me.memberId()));
        model.addAttribute("kinds", List.of("connpass", "x", "bluesky", "github"));
        model.addAttribute("communities", communities.list(me.organizationId()));
        model.addAttribute("followed", follows.followedBy(me.organizationId(), me.memberId()));
        return "mypage/home";
    }

    /** Following a community, from its public page or this one: its new events are announced to the member. */
    @PostMapping("/my/{org}/follows/{communityId}")
    String follow(@AuthenticationPrincipal SignedInMember me, @PathVariable long communityId, Locale locale) {
        follows.follow(me.organizationId(), me.memberId(), communityId, locale);
        return "redirect:/my/" + me.organizationSlug() + "#follows";
    }

    @PostMapping("/my/{org}/follows/{communityId}/unfollow")
    String unfollow(@AuthenticationPrincipal SignedInMember me, @PathVariable long communityId) {
        follows.unfollow(me.organizationId(), me.memberId(), communityId);
        return "redirect:/my/" + me.organizationSlug() + "#follows";
    }

    /** A fresh private link to the registration's own page, opened at once. */
    @PostMapping("/my/{org}/registrations/{id}/open")
    String open(@AuthenticationPrincipal SignedInMember me, @PathVariable long id) {
        boolean mine = registrations.ofMember(me.organizationId(), me.memberId()).stream()
                .anyMatch(r -> r.id() == id);
        if (!mine) {
            throw NotFoundException.of("registration", id);
        }
        return "redirect:/r/" + registrations.newPrivateLink(id);
    }

    /** One click: the signed-in member's proven address and name, to the chosen frame. */
    @PostMapping("/my/{org}/events/{id}/registrations")
    String register(@AuthenticationPrincipal SignedInMember me, @PathVariable long id,
            @RequestParam(required = false) String frame, Locale locale) {
        return "redirect:/r/" + page.registerInOneClick(me, id, frame, locale);
    }

    @PostMapping("/my/{org}/identities")
    String addIdentity(@AuthenticationPrincipal SignedInMember me, @RequestParam String kind,
            @RequestParam String value, RedirectAttributes redirect, Locale locale) {
        try {
            IdentityKind parsed = IdentityKind.fromName(kind).filter(SELF_SERVICE::contains)
                    .orElseThrow(() -> InvalidInputException.of("kind", "validation.identity.kind"));
            members.addIdentity(me.organizationId(), me.memberId(), new IdentityInput(parsed, value));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("identityError", message(e.problems().get(0).code(),
                    e.problems().get(0).args().toArray(), locale));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("identityError", message(e.code(), e.args().toArray(), locale));
        }
        return "redirect:/my/" + me.organizationSlug();
    }

    /** The member's blog feed, read through the guarded outbound client as staff-added ones are. */
    @PostMapping("/my/{org}/feeds")
    String addFeed(@AuthenticationPrincipal SignedInMember me, @RequestParam String url,
            RedirectAttributes redirect, Locale locale) {
        try {
            feeds.add(me.organizationId(), me.memberId(), url);
            redirect.addFlashAttribute("feedAdded", true);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("feedError", message(e.problems().get(0).code(),
                    e.problems().get(0).args().toArray(), locale));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("feedError", message(e.code(), e.args().toArray(), locale));
        }
        return "redirect:/my/" + me.organizationSlug();
    }

    @PostMapping("/my/{org}/preferences")
    String preferences(@AuthenticationPrincipal SignedInMember me, PreferencesForm form,
            RedirectAttributes redirect) {
        choices.choose(me.organizationId(), me.memberId(), form.wanted());
        redirect.addFlashAttribute("preferencesSaved", true);
        return "redirect:/my/" + me.organizationSlug();
    }

    @GetMapping("/my/{org}/data.json")
    ResponseEntity<?> json(@AuthenticationPrincipal SignedInMember me) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, attachment("my-data.json"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(exports.export(me.organizationId(), me.memberId(), true));
    }

    @GetMapping("/my/{org}/data.zip")
    ResponseEntity<byte[]> zip(@AuthenticationPrincipal SignedInMember me) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, attachment("my-data.zip"))
                .contentType(MediaType.parseMediaType("application/zip"))
                .body(exports.zip(me.organizationId(), me.memberId(), true));
    }

    private String message(String code, Object[] args, Locale locale) {
        return messages.getMessage(code, args, code, locale);
    }

    private static String attachment(String fileName) {
        return ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString();
    }
}
