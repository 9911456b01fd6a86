package io.firstpin.attendance.internal;

import io.firstpin.attendance.Attendance;
import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface AttendanceRepository extends ListCrudRepository<Attendance, Long> {

    Optional<Attendance> findByEventIdAndMemberId(long eventId, long memberId);

    List<Attendance> findByEventId(long eventId);
}
