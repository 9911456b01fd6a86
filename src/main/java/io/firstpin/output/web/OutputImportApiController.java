package io.firstpin.output.web;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.identity.AccessGuard;
import io.firstpin.output.OutputImportSummary;
import io.firstpin.output.OutputImports;
import io.firstpin.platform.NotFoundException;
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
@Tag(name = "Outputs")
class OutputImportApiController {

    private final Communities communities;
    private final OutputImports imports;
    private final AccessGuard access;

    OutputImportApiController(Communities communities, OutputImports imports, AccessGuard access) {
        this.communities = communities;
        this.imports = imports;
        this.access = access;
    }

    @PostMapping(path = "/communities/{slug}/outputs/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Import a CSV list of posts (url, title, type, publishedAt, author, event, text) as the "
            + "community's outputs: all rows or, with 422 and a problem per row and column, none")
    OutputImportSummary importFile(@PathVariable String slug, @RequestParam("file") MultipartFile file) {
        Community community = communities.findBySlug(slug).orElseThrow(() -> NotFoundException.of("community", slug));
        access.requireLeader(community.organizationId(), community.id(), "community " + slug);
        return imports.importFile(community, bytes(file));
    }

    static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
