package io.firstpin.attendance.web;

import io.firstpin.attendance.CheckInMethod;
import io.firstpin.attendance.CheckIns;
import io.firstpin.event.VisibleEvents;
import io.firstpin.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Registration")
class CheckInApiController {

    private final CheckIns checkIns;
    private final VisibleEvents visibleEvents;

    CheckInApiController(CheckIns checkIns, VisibleEvents visibleEvents) {
        this.checkIns = checkIns;
        this.visibleEvents = visibleEvents;
    }

    @PostMapping("/events/{id}/checkins")
    @Operation(summary = "Check a confirmed registrant in: 201, or 200 when they had already checked in")
    ResponseEntity<CheckInResponse> checkIn(@PathVariable long id, @Valid @RequestBody CheckInRequest request) {
        long organizationId = visibleEvents.open(id, Role.COMMUNITY_LEADER).organizationId();
        CheckIns.CheckInResult result = checkIns.checkIn(organizationId, id, request.registrationId(),
                CheckInMethod.STAFF);
        var attendance = result.attendance();
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new CheckInResponse(attendance.id(), attendance.registrationId(), attendance.memberId(),
                        attendance.method().name().toLowerCase(Locale.ROOT), attendance.checkedInAt()));
    }

    record CheckInRequest(@NotNull Long registrationId) {
    }

    record CheckInResponse(long id, Long registrationId, long memberId, String method, Instant checkedInAt) {
    }
}
