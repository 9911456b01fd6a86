package io.firstpin.history.web;

import io.firstpin.event.Event;
import io.firstpin.event.Events;
import io.firstpin.event.VisibleEvents;
import io.firstpin.history.HistoryImports;
import io.firstpin.history.ImportFormat;
import io.firstpin.history.ImportJob;
import io.firstpin.history.ImportJobs;
import io.firstpin.history.ImportProblemMessages;
import io.firstpin.history.ImportRejected;
import io.firstpin.history.internal.HistoryProperties;
import io.firstpin.identity.Role;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
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

/**
 * The staff page that imports an export of a past event: pick the file and its site, then see the counts, or every
 * problem by row and column (answered 422, nothing stored), with the encoding the file was read in.
 */
@Controller
@RequestMapping("/manage/{org}/events/{id}/imports")
class ImportPagesController {

    private final Organizations organizations;
    private final Events events;
    private final HistoryImports imports;
    private final ImportProblemMessages messages;
    private final ImportJobs jobs;
    private final HistoryProperties properties;
    private final VisibleEvents visibleEvents;

    ImportPagesController(Organizations organizations, Events events, HistoryImports imports,
            ImportProblemMessages messages, ImportJobs jobs, HistoryProperties properties,
            VisibleEvents visibleEvents) {
        this.organizations = organizations;
        this.events = events;
        this.imports = imports;
        this.messages = messages;
        this.jobs = jobs;
        this.properties = properties;
        this.visibleEvents = visibleEvents;
    }

    @GetMapping
    String page(@PathVariable String org, @PathVariable long id, Model model) {
        open(org, id, model);
        model.addAttribute("format", ImportFormat.CONNPASS.apiName());
        return "history/import";
    }

    @PostMapping
    String upload(@PathVariable String org, @PathVariable long id,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "") String format, Model model, HttpServletResponse response) {
        ImportTarget target = open(org, id, model);
        model.addAttribute("format", format);
        ImportFormat chosen = ImportFormat.fromName(format).orElse(null);
        if (chosen == null || file == null || file.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problems", List.of(new ImportProblemMessages.Line(null, null,
                    messages.text(chosen == null ? "history.format.unknown" : "history.file.empty",
                            ImportApiController.FORMATS))));
            return "history/import";
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        if (chosen.needsMapping()) {
            long job = jobs.awaitMapping(target.organization().id(), id, file.getOriginalFilename(),
                    ImportApiController.bytes(file));
            return "redirect:/manage/" + org + "/events/" + id + "/imports/jobs/" + job + "/mapping";
        }
        if (file.getSize() >= properties.backgroundFrom().toBytes()) {
            long job = jobs.start(target.organization().id(), id, chosen, file.getOriginalFilename(),
                    ImportApiController.bytes(file));
            return "redirect:/manage/" + org + "/events/" + id + "/imports/jobs/" + job;
        }
        try {
            model.addAttribute("summary", imports.importFile(target.organization().id(), id, chosen,
                    file.getOriginalFilename(), ImportApiController.bytes(file)));
        } catch (ImportRejected rejected) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("problems", messages.lines(rejected));
            model.addAttribute("encoding", rejected.encoding().orElse(null));
        }
        return "history/import";
    }

    /** A background import: its progress while it runs, then its counts or its problems. htmx polls the result part. */
    @GetMapping("/jobs/{jobId}")
    String job(@PathVariable String org, @PathVariable long id, @PathVariable long jobId,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        ImportTarget target = open(org, id, model);
        ImportJob job = jobs.find(target.organization().id(), id, jobId);
        if (job.waitsForMapping()) {
            return "redirect:/manage/" + org + "/events/" + id + "/imports/jobs/" + jobId + "/mapping";
        }
        model.addAttribute("format", ImportFormat.CONNPASS.apiName());
        model.addAttribute("job", job);
        model.addAttribute("fileName", job.fileName());
        model.addAttribute("summary", job.summary());
        job.rejection().ifPresent(rejected -> {
            model.addAttribute("problems", messages.lines(rejected));
            model.addAttribute("encoding", rejected.encoding().orElse(null));
        });
        return htmx != null ? "history/import :: result" : "history/import";
    }

    /** A generic CSV: its header and first rows, and which column holds what (the remembered mapping chosen). */
    @GetMapping("/jobs/{jobId}/mapping")
    String mapping(@PathVariable String org, @PathVariable long id, @PathVariable long jobId, Model model,
            HttpServletResponse response) {
        ImportTarget target = open(org, id, model);
        try {
            return mappingStep(target, jobId).show(jobs.preview(target.organization().id(), id, jobId,
                    MappingStep.PREVIEW_ROWS), model);
        } catch (ImportRejected unreadable) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("format", ImportFormat.GENERIC.apiName());
            model.addAttribute("problems", messages.lines(unreadable));
            model.addAttribute("encoding", unreadable.encoding().orElse(null));
            return "history/import";
        }
    }

    @PostMapping("/jobs/{jobId}/mapping")
    String map(@PathVariable String org, @PathVariable long id, @PathVariable long jobId,
            @ModelAttribute("mappingForm") MappingForm form, Model model, HttpServletResponse response) {
        ImportTarget target = open(org, id, model);
        List<ImportProblemMessages.Line> problems;
        try {
            jobs.startMapped(target.organization().id(), id, jobId, form.mapping());
            return "redirect:/manage/" + org + "/events/" + id + "/imports/jobs/" + jobId;
        } catch (ImportRejected refused) {
            problems = messages.lines(refused);
        } catch (InvalidInputException refused) {
            problems = messages.lines(refused);
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return mappingStep(target, jobId).again(jobs.preview(target.organization().id(), id, jobId,
                MappingStep.PREVIEW_ROWS), problems, model);
    }

    private MappingStep mappingStep(ImportTarget target, long jobId) {
        String imports = "/manage/" + target.organization().slug() + "/events/" + target.event().id() + "/imports";
        return new MappingStep(imports + "/jobs/" + jobId + "/mapping", imports, messages.text("history.import.title"),
                target.event().title(), "history.mapping.submit", false);
    }

    private ImportTarget open(String org, long id, Model model) {
        Organization organization = organizations.enter(org, Role.ORGANIZATION_ADMIN);
        Event event = visibleEvents.open(organization.id(), id, Role.ORGANIZATION_ADMIN);
        model.addAttribute("org", organization);
        model.addAttribute("event", event);
        model.addAttribute("formats", ImportFormat.values());
        return new ImportTarget(organization, event);
    }

    private record ImportTarget(Organization organization, Event event) {
    }
}
