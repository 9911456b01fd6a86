package io.firstpin.registration;

import io.firstpin.event.EventAgendas;
import io.firstpin.event.Session;
import io.firstpin.event.SessionKind;
import io.firstpin.registration.internal.RegistrationRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agenda draft a frame's own questions give: each confirmed registrant's answer to a question that feeds the agenda
 * (the LT frame asks the talk title) is a lightning talk with the registrant as its speaker, in registration order.
 */
@Service
public class AgendaDrafts {

    /** The longest title a session of the agenda takes. */
    private static final int SESSION_TITLE = 200;

    private final Questionnaires questionnaires;
    private final RegistrationRepository registrations;
    private final EventAgendas agendas;

    AgendaDrafts(Questionnaires questionnaires, RegistrationRepository registrations, EventAgendas agendas) {
        this.questionnaires = questionnaires;
        this.registrations = registrations;
        this.agendas = agendas;
    }

    /** A talk of the draft: its title as answered (cut to a session title's length) and who gives it. */
    public record Talk(String title, long speakerId, String speakerName) {
    }

    @Transactional(readOnly = true)
    public List<Talk> of(long eventId) {
        List<Question> feeding = questionnaires.of(eventId).stream().filter(Question::feedsAgenda).toList();
        if (feeding.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<Long, String>> answers = questionnaires.answersOfEvent(eventId);
        List<Talk> talks = new ArrayList<>();
        for (Registration registration : registrations.findByEventIdOrderByRegisteredAtAscIdAsc(eventId)) {
            if (registration.status() != RegistrationStatus.CONFIRMED) {
                continue;
            }
            for (Question question : feeding) {
                String answer = answers.getOrDefault(registration.id(), Map.of()).get(question.id());
                if (question.asks(registration.frameId()) && answer != null && !answer.isBlank()) {
                    talks.add(new Talk(title(answer), registration.memberId(), registration.name()));
                }
            }
        }
        return talks;
    }

    /** Adds the draft's talks the agenda does not have yet; answers how many were added. */
    @Transactional
    public int addToAgenda(long organizationId, long eventId) {
        List<Session> sessions = of(eventId).stream()
                .map(talk -> Session.of(SessionKind.LIGHTNING_TALK, talk.title(), null, null,
                        List.of(talk.speakerId()), List.of()))
                .toList();
        return agendas.append(organizationId, eventId, sessions);
    }

    private static String title(String answer) {
        String line = answer.strip().lines().findFirst().orElse("").strip();
        return line.length() <= SESSION_TITLE ? line : line.substring(0, SESSION_TITLE - 1) + "…";
    }
}
