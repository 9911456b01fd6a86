package io.firstpin.registration.web;

import io.firstpin.event.VisibleEvents;
import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Actor;
import io.firstpin.identity.Role;
import io.firstpin.platform.NotFoundException;
import io.firstpin.registration.Applicant;
import io.firstpin.registration.LinkResends;
import io.firstpin.registration.Questionnaires;
import io.firstpin.registration.Registered;
import io.firstpin.registration.Registration;
import io.firstpin.registration.RegistrantActions;
import io.firstpin.registration.Registrations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Registration")
class RegistrationApiController {

    static final String MANAGE_TOKEN = "X-Manage-Token";

    private final Registrations registrations;
    private final RegistrantActions registrant;
    private final Questionnaires questionnaires;
    private final AccessGuard access;
    private final VisibleEvents visibleEvents;
    private final LinkResends linkResends;

    RegistrationApiController(Registrations registrations, RegistrantActions registrant, Questionnaires questionnaires,
            AccessGuard access, VisibleEvents visibleEvents, LinkResends linkResends) {
        this.linkResends = linkResends;
        this.registrations = registrations;
        this.registrant = registrant;
        this.questionnaires = questionnaires;
        this.access = access;
        this.visibleEvents = visibleEvents;
    }

    @GetMapping("/events/{id}/questions")
    @Operation(summary = "The questions the event asks whoever registers; answer them in `answers`, keyed by id")
    List<QuestionResponse> questions(@PathVariable long id) {
        registrations.organizationOfEvent(id);
        return questionnaires.of(id).stream()
                .map(q -> new QuestionResponse(q.id(), q.kind().name().toLowerCase(Locale.ROOT), q.label(),
                        q.choices(), q.required(), q.frameId(), q.feedsAgenda()))
                .toList();
    }

    @PostMapping("/events/{id}/registrations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register for a frame (by id or name); no account needed. The same email twice: 409")
    RegisteredResponse register(@PathVariable long id, @Valid @RequestBody RegistrationRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        Registered registered = registrations.register(id, request.frame(),
                new Applicant(request.name(), request.email(), locale),
                request.answers() == null ? Map.of() : request.answers());
        return new RegisteredResponse(registered.registration().id(), status(registered.registration()),
                registered.waitlistPosition(), registered.manageToken());
    }

    @PostMapping("/events/{id}/registrations/resend-link")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Email the private link of the email's registration for the event to that email again; the "
            + "answer is 202 whether or not the email is registered, and never holds the link")
    void resendLink(@PathVariable long id, @Valid @RequestBody ResendLinkRequest request) {
        linkResends.resend(id, request.email());
    }

    @GetMapping("/registrations/{id}")
    @Operation(summary = "A registration, for its registrant (X-Manage-Token) or the organization's admin")
    RegistrationResponse get(@PathVariable long id,
            @RequestHeader(name = MANAGE_TOKEN, required = false) String manageToken) {
        Registration registration = manageToken != null
                ? registrations.byToken(manageToken).filter(r -> r.id() == id)
                        .orElseThrow(() -> NotFoundException.of("registration", id))
                : staffView(id);
        return RegistrationResponse.of(registration, registrations.positionOf(registration));
    }

    @DeleteMapping("/registrations/{id}")
    @Operation(summary = "Cancel; the first waitlisted registrant of the frame is confirmed")
    ResponseEntity<Void> cancel(@PathVariable long id,
            @RequestHeader(name = MANAGE_TOKEN, required = false) String manageToken) {
        if (manageToken != null) {
            registrant.cancelWithToken(id, manageToken);
        } else {
            Registration registration = staffView(id);
            registrations.cancelByStaff(registration.organizationId(), id);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/events/{id}/registrations")
    @Operation(summary = "Everyone who registered, in registration order")
    List<EntryResponse> list(@PathVariable long id) {
        long organizationId = visibleEvents.open(id, Role.VIEWER).organizationId();
        Map<Long, Map<Long, String>> answers = questionnaires.answersOfEvent(id);
        return registrations.ofEvent(organizationId, id).stream()
                .map(entry -> new EntryResponse(entry.registration().id(), entry.registration().name(),
                        entry.registration().email(), entry.frameName(), entry.registration().frameId(),
                        status(entry.registration()), entry.waitlistPosition(), entry.checkedIn(),
                        entry.registration().registeredAt(), byKey(answers.get(entry.registration().id())),
                        entry.registration().receptionNumber()))
                .toList();
    }

    /** Without a manage token the caller must be staff of the registration's organization. */
    private Registration staffView(long id) {
        if (access.current() instanceof Actor.Anonymous) {
            throw new AuthenticationCredentialsNotFoundException(
                    "a manage token or an API token is needed");
        }
        Registration registration = registrations.find(id).orElseThrow(() -> NotFoundException.of("registration", id));
        visibleEvents.open(registration.organizationId(), registration.eventId(), Role.COMMUNITY_LEADER);
        return registration;
    }

    private static Map<String, String> byKey(Map<Long, String> answers) {
        Map<String, String> byKey = new TreeMap<>();
        if (answers != null) {
            answers.forEach((question, answer) -> byKey.put(String.valueOf(question), answer));
        }
        return byKey;
    }

    private static String status(Registration registration) {
        return registration.status().name().toLowerCase(Locale.ROOT);
    }

    record RegistrationRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 320) String email,
            @Size(max = 100) String frame, @Size(max = 50) Map<String, String> answers) {
    }

    /**
     * @param frame the frame whose registrants alone are asked (its id), or null when everyone is
     * @param feedsAgenda the answers are talk titles for the agenda draft
     */
    record QuestionResponse(long id, String kind, String label, List<String> choices, boolean required, Long frame,
            boolean feedsAgenda) {
    }

    record ResendLinkRequest(@NotBlank @Size(max = 320) String email) {
    }

    record RegisteredResponse(long id, String status, Integer waitlistPosition, String manageToken) {
    }

    /** @param receptionNumber the 受付番号 (1, 2, 3 … per event in registration order) the registrant gives at the door */
    record RegistrationResponse(long id, String name, long frameId, String status, Integer waitlistPosition,
            Instant registeredAt, Integer receptionNumber) {

        static RegistrationResponse of(Registration r, Integer position) {
            return new RegistrationResponse(r.id(), r.name(), r.frameId(), RegistrationApiController.status(r), position,
                    r.registeredAt(), r.receptionNumber());
        }
    }

    /** @param receptionNumber the 受付番号 (1, 2, 3 … per event in registration order) */
    record EntryResponse(long id, String name, String email, String frame, long frameId, String status,
            Integer waitlistPosition, boolean checkedIn, Instant registeredAt, Map<String, String> answers,
            Integer receptionNumber) {
    }
}
