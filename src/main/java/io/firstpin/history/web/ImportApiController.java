package io.firstpin.history.web;

import io.firstpin.event.VisibleEvents;
import io.firstpin.history.HistoryImports;
import io.firstpin.history.ImportFormat;
import io.firstpin.history.ImportProgress;
import io.firstpin.history.ImportSummary;
import io.firstpin.identity.Role;
import io.firstpin.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "History")
class ImportApiController {

    private final HistoryImports imports;
    private final VisibleEvents visibleEvents;

    ImportApiController(HistoryImports imports, VisibleEvents visibleEvents) {
        this.imports = imports;
        this.visibleEvents = visibleEvents;
    }

    @PostMapping(path = "/events/{id}/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Import a connpass, Doorkeeper or Meetup export of the event: all rows or, with 422 and a "
            + "problem per row and column, none")
    ImportResponse importFile(@PathVariable long id, @RequestParam("file") MultipartFile file,
            @RequestParam("format") String format, @RequestParam(name = "mapping", required = false) String mapping) {
        long organizationId = visibleEvents.open(id, Role.ORGANIZATION_ADMIN).organizationId();
        ImportFormat chosen = ImportFormat.fromName(format)
                .orElseThrow(() -> InvalidInputException.of("format", "history.format.unknown", FORMATS));
        return ImportResponse.of(imports.importFile(organizationId, id, chosen, MappingRequest.parse(mapping),
                file.getOriginalFilename(), bytes(file), ImportProgress.NONE));
    }

    static final String FORMATS = ImportFormat.names();

    static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record ImportResponse(int rows, int registrations, int attendances, int membersCreated, int membersMatched,
            int mergeSuggestions) {

        static ImportResponse of(ImportSummary summary) {
            return new ImportResponse(summary.rows(), summary.registrations(), summary.attendances(),
                    summary.membersCreated(), summary.membersMatched(), summary.mergeSuggestions());
        }
    }
}
