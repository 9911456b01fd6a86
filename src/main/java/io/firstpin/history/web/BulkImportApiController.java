package io.firstpin.history.web;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.history.BulkChoice;
import io.firstpin.history.BulkImports;
import io.firstpin.history.BulkJob;
import io.firstpin.history.BulkTotals;
import io.firstpin.history.BulkUpload;
import io.firstpin.history.ImportFormat;
import io.firstpin.history.ImportProblemMessages;
import io.firstpin.history.ImportState;
import io.firstpin.history.StatedTime;
import io.firstpin.history.UnmappedFiles;
import io.firstpin.history.UploadedFile;
import io.firstpin.identity.AccessGuard;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.web.ApiError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/communities/{slug}/imports")
@Tag(name = "History")
class BulkImportApiController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BulkImports bulk;
    private final Communities communities;
    private final AccessGuard access;
    private final ImportProblemMessages messages;

    BulkImportApiController(BulkImports bulk, Communities communities, AccessGuard access,
            ImportProblemMessages messages) {
        this.bulk = bulk;
        this.communities = communities;
        this.access = access;
        this.messages = messages;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Import many exports of the community at once (files or a zip) in the background, each into "
            + "an existing event or one created from a title and start; each file all or nothing")
    Queued start(@PathVariable String slug, @RequestParam("files") List<MultipartFile> parts,
            @RequestParam("manifest") String manifest) {
        Community community = community(slug);
        Map<String, ManifestEntry> entries = manifest(manifest);
        try (BulkUpload upload = upload(bulk, parts)) {
            return queue(slug, community, upload.files(), entries);
        }
    }

    private Queued queue(String slug, Community community, List<UploadedFile> files,
            Map<String, ManifestEntry> entries) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        List<BulkChoice> choices = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < files.size(); i++) {
            String name = files.get(i).name();
            ManifestEntry entry = entries.get(name);
            if (entry == null) {
                problems.add(new InvalidInputException.FieldProblem("manifest", "history.bulk.manifest-missing",
                        List.of(name)));
                continue;
            }
            used.add(name);
            choices.add(entry.choice(i + 1, community, problems));
        }
        entries.keySet().stream().filter(name -> !used.contains(name)).forEach(name -> problems.add(
                new InvalidInputException.FieldProblem("manifest", "history.bulk.manifest-unknown-file",
                        List.of(name))));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long job = bulk.queue(community.organizationId(), community.id(), files, choices);
        return new Queued(job, ImportState.QUEUED.name(), files.size(),
                "/api/v1/communities/" + slug + "/imports/" + job);
    }

    @GetMapping("/{jobId}")
    @Operation(summary = "A bulk import: its progress while it runs, then each file's counts or problems")
    JobResponse status(@PathVariable String slug, @PathVariable long jobId) {
        Community community = community(slug);
        BulkJob job = bulk.find(community.organizationId(), community.id(), jobId);
        List<FileResponse> files = job.files().stream().map(f -> new FileResponse(f.position(), f.fileName(),
                f.format() == null ? null : f.format().apiName(), f.state().name(), f.eventId(), f.eventCreated(),
                f.summary() == null ? null : ImportApiController.ImportResponse.of(f.summary()),
                f.rejection().map(r -> messages.lines(r).stream()
                        .map(l -> new ProblemResponse(l.row(), l.column(), l.message())).toList()).orElse(List.of())))
                .toList();
        BulkTotals total = job.total();
        return new JobResponse(job.id(), job.state().name(), job.fileAt(), files.size(),
                job.running() ? job.currentFile() : null, job.running() && job.stage() != null ? job.stage().name()
                        : null, job.running() ? job.fileRows() : null, job.percent(), files,
                new TotalResponse(job.imported(), job.refused(), job.eventsCreated(), total.rows(),
                        total.registrations(), total.attendances(), total.membersCreated(), total.membersMatched()));
    }

    /** Generic files without a mapping that fits: 422 naming each file, nothing queued. */
    @ExceptionHandler(UnmappedFiles.class)
    ResponseEntity<ApiError> unmapped(UnmappedFiles e) {
        List<ApiError.Detail> details = messages.lines(e).stream()
                .map(l -> new ApiError.Detail("files[" + l.position() + "]", l.row(), l.column(), l.message()))
                .toList();
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(new ApiError("mapping_required",
                messages.text("history.bulk.unmapped", e.files().size()) + " " + details.get(0).message(),
                details));
    }

    private Community community(String slug) {
        Community community = communities.findBySlug(slug).orElseThrow(() -> NotFoundException.of("community", slug));
        access.requireAdmin(community.organizationId(), community.id(), "community " + slug);
        return community;
    }

    /**
     * The uploaded files, a zip among them given as the files in it, spooled to disk under the upload's budget; the
     * caller closes it.
     */
    static BulkUpload upload(BulkImports bulk, List<MultipartFile> parts) {
        BulkUpload upload = bulk.upload();
        try {
            for (MultipartFile part : parts) {
                if (part.isEmpty()) {
                    continue;
                }
                try (InputStream content = part.getInputStream()) {
                    upload.add(part.getOriginalFilename(), content);
                }
            }
            if (upload.files().isEmpty()) {
                throw InvalidInputException.of("files", "history.bulk.no-files");
            }
            return upload;
        } catch (IOException e) {
            upload.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException refused) {
            upload.close();
            throw refused;
        }
    }

    private static Map<String, ManifestEntry> manifest(String manifest) {
        try {
            List<ManifestEntry> entries = JSON.readValue(manifest, new TypeReference<List<ManifestEntry>>() {
            });
            if (entries.stream().anyMatch(e -> e == null || e.file() == null)) {
                throw InvalidInputException.of("manifest", "history.bulk.manifest");
            }
            return entries.stream().collect(Collectors.toMap(ManifestEntry::file, Function.identity(),
                    (a, b) -> a, java.util.LinkedHashMap::new));
        } catch (JacksonException unreadable) {
            throw InvalidInputException.of("manifest", "history.bulk.manifest");
        }
    }

    /**
     * One file of the manifest: its name as uploaded (or its path in the zip), its site, its event, and for a generic
     * file its column mapping (as the single import's {@code mapping} part; a file given one is generic).
     */
    record ManifestEntry(String file, String format, Long eventId, String title, String startsAt,
            MappingRequest mapping) {

        BulkChoice choice(int position, Community community, List<InvalidInputException.FieldProblem> problems) {
            ImportFormat chosen = null;
            if (format != null && !format.isBlank()) {
                chosen = ImportFormat.fromName(format).orElse(null);
                if (chosen == null) {
                    problems.add(new InvalidInputException.FieldProblem("manifest", "history.format.unknown",
                            List.of(ImportApiController.FORMATS)));
                }
            }
            java.time.Instant start = null;
            if (startsAt != null && !startsAt.isBlank()) {
                start = StatedTime.parse(startsAt).map(t -> t.in(community.timeZone())).orElse(null);
                if (start == null) {
                    problems.add(new InvalidInputException.FieldProblem("manifest", "history.cell.date",
                            List.of(startsAt)));
                }
            }
            io.firstpin.history.ColumnMapping columns = null;
            if (mapping != null) {
                try {
                    columns = mapping.mapping();
                } catch (InvalidInputException invalid) {
                    invalid.problems().forEach(p -> problems.add(new InvalidInputException.FieldProblem(
                            "files[" + position + "]." + p.field(), p.code(), p.args())));
                }
            }
            return new BulkChoice(position, chosen, eventId, title, start, columns);
        }
    }

    record Queued(long id, String state, int files, String status) {
    }

    record ProblemResponse(Integer row, String column, String message) {
    }

    record FileResponse(int position, String file, String format, String state, Long eventId, boolean eventCreated,
            ImportApiController.ImportResponse summary, List<ProblemResponse> problems) {
    }

    record TotalResponse(long filesImported, long filesRefused, long eventsCreated, int rows, int registrations,
            int attendances, int membersCreated, int membersMatched) {
    }

    /** While running: file {@code fileAt} of {@code fileCount} ({@code currentFile}) at {@code stage}, of fileRows. */
    record JobResponse(long id, String state, Integer fileAt, int fileCount, String currentFile, String stage,
            Integer fileRows, int percent, List<FileResponse> files, TotalResponse total) {
    }
}
