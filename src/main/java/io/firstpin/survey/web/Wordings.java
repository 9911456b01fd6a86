package io.firstpin.survey.web;

import io.firstpin.survey.BuiltInQuestion;
import io.firstpin.survey.BuiltInSetting;
import io.firstpin.survey.SurveyQuestionnaire;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/** The built-in questions' wording as an event asks them: its own, or the default of the reader's language. */
final class Wordings {

    private Wordings() {
    }

    /** By question key ({@code nps}, {@code ces}, ...). */
    static Map<String, String> of(SurveyQuestionnaire questionnaire, MessageSource messages, Locale locale) {
        Map<String, String> wording = new HashMap<>();
        for (BuiltInSetting setting : questionnaire.builtInSettings()) {
            wording.put(setting.question().key(), setting.wording() != null ? setting.wording()
                    : defaultOf(setting.question(), messages, locale));
        }
        return wording;
    }

    static String defaultOf(BuiltInQuestion question, MessageSource messages, Locale locale) {
        return messages.getMessage(question.messageCode(), null, locale);
    }
}
