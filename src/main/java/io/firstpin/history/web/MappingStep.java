package io.firstpin.history.web;

import io.firstpin.history.ColumnMappings;
import io.firstpin.history.ImportProblemMessages;
import java.util.List;
import org.springframework.ui.Model;

/**
 * The mapping step of a generic CSV, wherever the file waits (a single import, a file of a bulk import): where the form
 * posts, where the page leads back to, what it is titled after and what its button says. {@code inline} renders the
 * step alone, for htmx to put into the page that asked for it.
 */
record MappingStep(String action, String back, String backLabel, String subject, String submit, boolean inline) {

    static final int PREVIEW_ROWS = 5;

    /** The step as first shown: the mapping remembered for the header chosen, or else a guess from its names. */
    String show(ColumnMappings.Preview preview, Model model) {
        model.addAttribute("mappingForm", preview.remembered().map(MappingForm::of)
                .orElseGet(() -> MappingForm.guess(preview.header())));
        model.addAttribute("remembered", preview.remembered().isPresent());
        return again(preview, List.of(), model);
    }

    /** The step shown again with what staff chose (the {@code mappingForm} in the model) and its problems. */
    String again(ColumnMappings.Preview preview, List<ImportProblemMessages.Line> problems, Model model) {
        if (!problems.isEmpty()) {
            model.addAttribute("problems", problems);
            model.addAttribute("remembered", false);
        }
        model.addAttribute("preview", preview);
        model.addAttribute("step", this);
        model.addAttribute("identityKinds", MappingForm.IDENTITY_KINDS);
        model.addAttribute("meanings", MappingForm.MEANINGS);
        return inline ? "history/mapping :: step" : "history/mapping";
    }
}
