package io.firstpin.history.web;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.history.BulkImports;
import io.firstpin.history.ImportFormat;
import io.firstpin.identity.Role;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The staff page that brings a community's history in: upload many exports or a zip, choose each file's event (an
 * existing one, proposed when it matches, or a new one), then follow the background job and see each file's result.
 */
@Controller
@RequestMapping("/manage/{org}/communities/{slug}/imports")
class BulkImportPagesController {

    static final String NEW_EVENT = "new";

    private final Organizations organizations;
    private final Communities communities;
    private final BulkImports bulk;
    private final ImportProblemMessages messages;

    BulkImportPagesController(Organizations organizations, Communities communities, BulkImports bulk,
            ImportProblemMessages messages) {
        this.organizations = organizations;
        this.communities = communities;
        this.bulk = bulk;
        this.messages = messages;
    }

    @GetMapping
    String page(@PathVariable String org, @PathVariable String slug, Model model) {
        open(org, slug, model);
        return "history/bulk";
    }

    @PostMapping
    String upload(@PathVariable String org, @PathVariable String slug,
            @RequestParam(name = "files", required = false) List<MultipartFile> parts, Model model,
            HttpServletResponse response) {
        Place place = open(org, slug, model);
        try {
            long job = bulk.prepare(place.organization().id(), place.community().id(),
                    BulkImportApiController.files(parts == null ? List.of() : parts));
            return "redirect:/manage/" + org + "/communities/" + slug + "/imports/" + job + "/review";
        } catch (InvalidInputException refused) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", message(refused));
            return "history/bulk";
        }
    }

    @GetMapping("/{jobId}/review")
    String review(@PathVariable String org, @PathVariable String slug, @PathVariable long jobId, Model model) {
        Place place = open(org, slug, model);
        showReview(place, jobId, Map.of(), model);
        return "history/bulk-review";
    }

    @PostMapping("/{jobId}")
    String start(@PathVariable String org, @PathVariable String slug, @PathVariable long jobId,
            @RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
        Place place = open(org, slug, model);
        List<BulkImports.Proposal> proposals = bulk.proposals(place.organization().id(), place.community().id(),
                jobId);
        List<BulkImports.Choice> choices = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (BulkImports.Proposal proposal : proposals) {
            int n = proposal.position();
            ImportFormat format = ImportFormat.fromName(params.get("format-" + n)).orElse(null);
            String event = params.getOrDefault("event-" + n, NEW_EVENT);
            Long eventId = null;
            Instant startsAt = null;
            if (!NEW_EVENT.equals(event)) {
                try {
                    eventId = Long.parseLong(event);
                } catch (NumberFormatException notAnId) {
                    errors.add(proposal.fileName() + ": " + messages.text("history.bulk.event-required"));
                }
            } else {
                String start = params.getOrDefault("startsAt-" + n, "");
                try {
                    startsAt = start.isBlank() ? null
                            : LocalDateTime.parse(start).atZone(place.community().timeZone()).toInstant();
                } catch (DateTimeParseException notADate) {
                    errors.add(proposal.fileName() + ": " + messages.text("history.cell.date", start));
                }
            }
            choices.add(new BulkImports.Choice(n, format, eventId, params.get("title-" + n), startsAt));
        }
        if (errors.isEmpty()) {
            try {
                bulk.start(place.organization().id(), place.community().id(), jobId, choices);
                return "redirect:/manage/" + org + "/communities/" + slug + "/imports/" + jobId;
            } catch (InvalidInputException refused) {
                refused.problems().forEach(p -> errors.add(fileOf(p.field(), proposals)
                        + messages.text(p.code(), p.args().toArray())));
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("errors", errors);
        showReview(place, jobId, params, model);
        return "history/bulk-review";
    }

    /** The job: its progress while it runs (htmx polls the result part), then each file's result and the totals. */
    @GetMapping("/{jobId}")
    String job(@PathVariable String org, @PathVariable String slug, @PathVariable long jobId,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Place place = open(org, slug, model);
        BulkImports.Job job = bulk.find(place.organization().id(), place.community().id(), jobId);
        if (job.state() == BulkImports.State.PREPARED) {
            return "redirect:/manage/" + org + "/communities/" + slug + "/imports/" + jobId + "/review";
        }
        Map<Integer, List<ImportProblemMessages.Line>> problems = new LinkedHashMap<>();
        job.files().forEach(f -> f.rejection().ifPresent(r -> problems.put(f.position(), messages.lines(r))));
        model.addAttribute("job", job);
        model.addAttribute("problems", problems);
        model.addAttribute("eventTitles", bulk.eventsOf(place.organization().id(), place.community().id()).stream()
                .collect(java.util.stream.Collectors.toMap(e -> e.id(), e -> e.title(), (a, b) -> a)));
        return htmx != null ? "history/bulk-job :: result" : "history/bulk-job";
    }

    private void showReview(Place place, long jobId, Map<String, String> params, Model model) {
        List<BulkImports.Proposal> proposals = bulk.proposals(place.organization().id(), place.community().id(),
                jobId);
        List<Row> rows = proposals.stream().map(p -> new Row(p,
                params.getOrDefault("format-" + p.position(), p.format() == null ? "" : p.format().apiName()),
                params.getOrDefault("event-" + p.position(), p.eventId() == null ? NEW_EVENT
                        : String.valueOf(p.eventId())),
                params.getOrDefault("title-" + p.position(), p.title()),
                params.getOrDefault("startsAt-" + p.position(), p.startsAt() == null ? ""
                        : LocalDateTime.ofInstant(p.startsAt(), place.community().timeZone())
                                .truncatedTo(ChronoUnit.MINUTES).toString())))
                .toList();
        model.addAttribute("jobId", jobId);
        model.addAttribute("rows", rows);
        model.addAttribute("events", bulk.eventsOf(place.organization().id(), place.community().id()));
        model.addAttribute("newEvent", NEW_EVENT);
    }

    private static String fileOf(String field, List<BulkImports.Proposal> proposals) {
        return proposals.stream().filter(p -> ("files[" + p.position() + "]").equals(field))
                .map(p -> p.fileName() + ": ").findFirst().orElse("");
    }

    private String message(InvalidInputException refused) {
        InvalidInputException.FieldProblem first = refused.problems().get(0);
        return messages.text(first.code(), first.args().toArray());
    }

    private Place open(String org, String slug, Model model) {
        Organization organization = organizations.open(org, Role.ORGANIZATION_ADMIN);
        Community community = communities.inOrganization(organization.id(), slug);
        model.addAttribute("org", organization);
        model.addAttribute("community", community);
        model.addAttribute("formats", ImportFormat.values());
        return new Place(organization, community);
    }

    /** One file in the review step, with what is chosen for it. */
    record Row(BulkImports.Proposal proposal, String format, String event, String title, String startsAt) {
    }

    private record Place(Organization organization, Community community) {
    }
}
