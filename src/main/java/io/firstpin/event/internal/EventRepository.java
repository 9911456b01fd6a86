package io.firstpin.event.internal;

import io.firstpin.event.Event;
import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface EventRepository extends ListCrudRepository<Event, Long> {

    Optional<Event> findByOrganizationIdAndId(long organizationId, long id);

    List<Event> findByParentEventIdOrderByStartsAtAscIdAsc(long parentEventId);
}
