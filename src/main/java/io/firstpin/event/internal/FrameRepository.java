package io.firstpin.event.internal;

import io.firstpin.event.Frame;
import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

public interface FrameRepository extends ListCrudRepository<Frame, Long> {

    List<Frame> findByEventIdOrderByDisplayOrder(long eventId);
}
