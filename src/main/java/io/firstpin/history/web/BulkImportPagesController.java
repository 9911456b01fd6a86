package io.firstpin.history.web;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.history.BulkChoice;
import io.firstpin.history.BulkImports;
import io.firstpin.history.BulkJob;
import io.firstpin.history.BulkProposal;
import io.firstpin.history.BulkProposals;
import io.firstpin.history.BulkUpload;
import io.firstpin.history.ImportFormat;
import io.firstpin.history.ImportProblemMessages;
import io.firstpin.history.ImportRejected;
import io.firstpin.history.ImportState;
import io.firstpin.history.UnmappedFiles;
import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Role;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.ConflictException;
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
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff page that brings a community's history in: upload many exports or a zip, choose each file's event (an
 * existing one, proposed when it matches, or a new one) and map the columns of generic files, then follow the
 * background job and see each file's result. An upload staff do not want is discarded from the review.
 */
@Controller
@RequestMapping("/manage/{org}/communities/{slug}/imports")
class BulkImportPagesController {

    static final String NEW_EVENT = "new";

    private final Organizations organizations;
    private final Communities communities;
    private final BulkImports bulk;
    private final BulkProposals bulkProposals;
    private final ImportProblemMessages messages;
    private final AccessGuard access;

    BulkImportPagesController(Organizations organizations, Communities communities, BulkImports bulk,
            BulkProposals bulkProposals, ImportProblemMessages messages, AccessGuard access) {
        this.organizations = organizations;
        this.communities = communities;
        this.bulk = bulk;
        this.bulkProposals = bulkProposals;
        this.messages = messages;
        this.access = access;
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
        try (BulkUpload upload = BulkImportApiController.upload(bulk, parts == null ? List.of() : parts)) {
            long job = bulk.prepare(place.organization().id(), place.community().id(), upload.files());
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
        List<BulkProposal> proposals = bulkProposals.proposals(place.organization().id(), place.community().id(),
                jobId);
        List<BulkChoice> choices = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (BulkProposal proposal : proposals) {
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
            choices.add(new BulkChoice(n, format, eventId, params.get("title-" + n), startsAt));
        }
        HttpStatus refusal = HttpStatus.BAD_REQUEST;
        if (errors.isEmpty()) {
            try {
                bulk.start(place.organization().id(), place.community().id(), jobId, choices);
                return "redirect:/manage/" + org + "/communities/" + slug + "/imports/" + jobId;
            } catch (InvalidInputException refused) {
                refused.problems().forEach(p -> errors.add(fileOf(p.field(), proposals)
                        + messages.text(p.code(), p.args().toArray())));
            } catch (ConflictException anotherRuns) {
                refusal = HttpStatus.CONFLICT;
                errors.add(messages.text(anotherRuns.code(), anotherRuns.args().toArray()));
            } catch (UnmappedFiles unmapped) {
                refusal = HttpStatus.UNPROCESSABLE_CONTENT;
                messages.lines(unmapped).forEach(line -> errors.add(line.message()));
            }
        }
        response.setStatus(refusal.value());
        model.addAttribute("errors", errors);
        showReview(place, jobId, params, model);
        return "history/bulk-review";
    }

    /**
     * The mapping step of a generic file: the same form as a single import's, as a page of its own, or for htmx as the
     * step alone to show under the review.
     */
    @GetMapping("/{jobId}/files/{position}/mapping")
    String mapping(@PathVariable String org, @PathVariable String slug, @PathVariable long jobId,
            @PathVariable int position, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model, HttpServletResponse response) {
        Place place = open(org, slug, model);
        // the same address answers the page or, for htmx, the step alone
        response.addHeader("Vary", "HX-Request");
        try {
            return mappingStep(place, jobId, position, htmx != null).show(bulk.preview(place.organization().id(),
                    place.community().id(), jobId, position, MappingStep.PREVIEW_ROWS), model);
        } catch (ImportRejected unreadable) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", messages.lines(unreadable).stream().map(ImportProblemMessages.Line::message)
                    .toList());
            showReview(place, jobId, Map.of(), model);
            return "history/bulk-review";
        }
    }

    /**
     * Remembers the mapping for the file's header in the community, so every file with that header is mapped, and
     * goes back to the review; for htmx, answers a notice and each file's mapping state afresh. A mapping that cannot
     * be one is shown again with its problems (for htmx with 200, since htmx swaps in only successful answers).
     */
    @PostMapping("/{jobId}/files/{position}/mapping")
    String map(@PathVariable String org, @PathVariable String slug, @PathVariable long jobId,
            @PathVariable int position, @ModelAttribute("mappingForm") MappingForm form,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            HttpServletResponse response) {
        Place place = open(org, slug, model);
        List<ImportProblemMessages.Line> problems;
        try {
            bulk.map(place.organization().id(), place.community().id(), jobId, position, form.mapping());
            if (htmx == null) {
                return "redirect:" + reviewPath(place, jobId);
            }
            showReview(place, jobId, Map.of(), model).stream().filter(r -> r.proposal().position() == position)
                    .findFirst().ifPresent(r -> model.addAttribute("mappedFile", r.proposal().fileName()));
            return "history/bulk-review :: mapped";
        } catch (ImportRejected refused) {
            problems = messages.lines(refused);
        } catch (InvalidInputException refused) {
            problems = messages.lines(refused);
        }
        if (htmx == null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        return mappingStep(place, jobId, position, htmx != null).again(bulk.preview(place.organization().id(),
                place.community().id(), jobId, position, MappingStep.PREVIEW_ROWS), problems, model);
    }

    /** Deletes an upload staff do not want to import, with its files. */
    @PostMapping("/{jobId}/discard")
    String discard(@PathVariable String org, @PathVariable String slug, @PathVariable long jobId, Model model,
            RedirectAttributes redirect) {
        Place place = open(org, slug, model);
        bulk.discard(place.organization().id(), place.community().id(), jobId);
        redirect.addFlashAttribute("discarded", true);
        return "redirect:/manage/" + org + "/communities/" + slug + "/imports";
    }

    /** The job: its progress while it runs (htmx polls the result part), then each file's result and the totals. */
    @GetMapping("/{jobId}")
    String job(@PathVariable String org, @PathVariable String slug, @PathVariable long jobId,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Place place = open(org, slug, model);
        BulkJob job = bulk.find(place.organization().id(), place.community().id(), jobId);
        if (job.state() == ImportState.PREPARED) {
            return "redirect:/manage/" + org + "/communities/" + slug + "/imports/" + jobId + "/review";
        }
        Map<Integer, List<ImportProblemMessages.Line>> problems = new LinkedHashMap<>();
        job.files().forEach(f -> f.rejection().ifPresent(r -> problems.put(f.position(), messages.lines(r))));
        model.addAttribute("job", job);
        model.addAttribute("problems", problems);
        model.addAttribute("eventTitles", bulkProposals.eventsOf(place.organization().id(), place.community().id())
                .stream().collect(java.util.stream.Collectors.toMap(e -> e.id(), e -> e.title(), (a, b) -> a)));
        return htmx != null ? "history/bulk-job :: result" : "history/bulk-job";
    }

    private List<Row> showReview(Place place, long jobId, Map<String, String> params, Model model) {
        List<BulkProposal> proposals = bulkProposals.proposals(place.organization().id(), place.community().id(),
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
        model.addAttribute("events", bulkProposals.eventsOf(place.organization().id(), place.community().id()));
        model.addAttribute("newEvent", NEW_EVENT);
        return rows;
    }

    private MappingStep mappingStep(Place place, long jobId, int position, boolean inline) {
        return new MappingStep(jobPath(place, jobId) + "/files/" + position + "/mapping", reviewPath(place, jobId),
                messages.text("history.bulk.review.title"), place.community().name(), "history.bulk.mapping.submit",
                inline);
    }

    private static String reviewPath(Place place, long jobId) {
        return jobPath(place, jobId) + "/review";
    }

    private static String jobPath(Place place, long jobId) {
        return "/manage/" + place.organization().slug() + "/communities/" + place.community().slug() + "/imports/"
                + jobId;
    }

    private static String fileOf(String field, List<BulkProposal> proposals) {
        return proposals.stream().filter(p -> ("files[" + p.position() + "]").equals(field))
                .map(p -> p.fileName() + ": ").findFirst().orElse("");
    }

    private String message(InvalidInputException refused) {
        InvalidInputException.FieldProblem first = refused.problems().get(0);
        return messages.text(first.code(), first.args().toArray());
    }

    private Place open(String org, String slug, Model model) {
        Organization organization = organizations.enter(org, Role.ORGANIZATION_ADMIN);
        Community community = communities.inOrganization(organization.id(), slug);
        access.requireAdmin(organization.id(), community.id(), "community " + slug);
        model.addAttribute("org", organization);
        model.addAttribute("community", community);
        model.addAttribute("formats", ImportFormat.values());
        return new Place(organization, community);
    }

    /** One file in the review step, with what is chosen for it. */
    record Row(BulkProposal proposal, String format, String event, String title, String startsAt) {

        /** Read through a column mapping, as proposed or as chosen: the review offers the mapping step. */
        public boolean generic() {
            return ImportFormat.GENERIC.apiName().equals(format);
        }
    }

    private record Place(Organization organization, Community community) {
    }
}
