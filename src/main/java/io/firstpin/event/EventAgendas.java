package io.firstpin.event;

import io.firstpin.event.internal.EventRepository;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adds to an event's agenda what other modules draft for it, such as the talks the LT frame's registrants named. */
@Service
public class EventAgendas {

    private final Events events;
    private final EventRepository repository;
    private final ApplicationEventPublisher publisher;

    EventAgendas(Events events, EventRepository repository, ApplicationEventPublisher publisher) {
        this.events = events;
        this.repository = repository;
        this.publisher = publisher;
    }

    /**
     * Adds the sessions at the end of the agenda, leaving out those whose title the agenda already has, so that adding
     * the same draft again adds only what is new.
     *
     * @return how many were added
     */
    @Transactional
    public int append(long organizationId, long eventId, List<Session> drafted) {
        Event event = events.inOrganization(organizationId, eventId);
        Set<String> titles = new HashSet<>();
        List<Session> agenda = new ArrayList<>();
        for (Session kept : event.sessions()) {
            titles.add(kept.title());
            // saved again as new rows, as every change of the agenda does
            agenda.add(Session.of(kept.kind(), kept.title(), kept.startsAt(), kept.durationMinutes(),
                    kept.speakerIds(), kept.materials()));
        }
        List<Session> added = drafted.stream().filter(session -> titles.add(session.title())).toList();
        if (added.isEmpty()) {
            return 0;
        }
        agenda.addAll(added);
        event.setAgenda(agenda);
        repository.save(event);
        publisher.publishEvent(new AgendaChanged(eventId));
        return added.size();
    }
}
