package io.firstpin.output.web;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.history.ImportProblemMessages;
import io.firstpin.history.ImportRejected;
import io.firstpin.identity.AccessGuard;
import io.firstpin.identity.Role;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.output.OutputImports;
import io.firstpin.platform.ConflictException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The staff page that imports a CSV list of posts as the community's outputs: the counts, or every problem by row and
 * column (answered 422, nothing stored).
 */
@Controller
@RequestMapping("/manage/{org}/communities/{slug}/outputs/imports")
class OutputImportPagesController {

    private final Organizations organizations;
    private final Communities communities;
    private final OutputImports imports;
    private final ImportProblemMessages messages;
    private final AccessGuard access;

    OutputImportPagesController(Organizations organizations, Communities communities, OutputImports imports,
            ImportProblemMessages messages, AccessGuard access) {
        this.organizations = organizations;
        this.communities = communities;
        this.imports = imports;
        this.messages = messages;
        this.access = access;
    }

    @GetMapping
    String page(@PathVariable String org, @PathVariable String slug, Model model) {
        open(org, slug, model);
        return "output/import";
    }

    @PostMapping
    String upload(@PathVariable String org, @PathVariable String slug,
            @RequestParam(name = "file", required = false) MultipartFile file, Model model,
            HttpServletResponse response) {
        Community community = open(org, slug, model);
        if (file == null || file.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problems", List.of(new ImportProblemMessages.Line(null, null,
                    messages.text("history.file.empty"))));
            return "output/import";
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        try {
            model.addAttribute("summary", imports.importFile(community, OutputImportApiController.bytes(file)));
        } catch (ImportRejected rejected) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("problems", messages.lines(rejected));
            model.addAttribute("encoding", rejected.encoding().orElse(null));
        } catch (ConflictException concurrent) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("problems", List.of(new ImportProblemMessages.Line(null, null,
                    messages.text("output.import.concurrent"))));
        }
        return "output/import";
    }

    private Community open(String org, String slug, Model model) {
        Organization organization = organizations.enter(org, Role.COMMUNITY_LEADER);
        Community community = communities.inOrganization(organization.id(), slug);
        access.requireLeader(organization.id(), community.id(), "community " + slug);
        model.addAttribute("org", organization);
        model.addAttribute("community", community);
        return community;
    }
}
