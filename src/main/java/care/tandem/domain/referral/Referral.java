package care.tandem.domain.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A referral from the visit to a destination, and where it stands. The current status is kept here for lists; the
 * history is the append-only {@link ReferralEvent}s.
 *
 * @param subjectId        the child or the caregiver the referral is for
 * @param destinationName  the destination's name when referred (the directory may change later)
 * @param referrerId       the user who referred
 * @param followUpDate     when to follow up next; null once closed
 * @param consentToShare   the family agreed that information may be shared with the destination
 * @param visitId          the visit it was made in, or null
 * @param screeningId      the screen that prompted it, or null
 * @param alertId          the urgent alert it answers (a warm hand-off), or null
 * @param previousId       the referral this one follows (after "referred elsewhere", or a new attempt), or null
 * @param privateReferral  reveals a private (interpersonal-safety) need: "Private referral" until opened, never on a
 *                         family copy
 * @param firstUpdateAt    when the first step after its creation was recorded, or null
 * @param closedAt         when it reached a closed status, or null
 * @param events           its history, oldest first (empty in lists)
 */
public record Referral(UUID id, UUID familyId, UUID subjectId, ReferralKind kind, Need need, UUID destinationId,
                       String destinationName, String reason, Urgency urgency, UUID referrerId, LocalDate followUpDate,
                       boolean consentToShare, UUID visitId, UUID screeningId, UUID alertId, UUID previousId,
                       boolean privateReferral, ReferralStatus status, String statusReason, Instant createdAt,
                       Instant firstUpdateAt, Instant closedAt, List<ReferralEvent> events, long revision) {

    public Referral {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(need, "need");
        Objects.requireNonNull(status, "status");
        destinationName = Objects.requireNonNullElse(destinationName, "");
        reason = Objects.requireNonNullElse(reason, "");
        statusReason = Objects.requireNonNullElse(statusReason, "");
        events = events == null ? List.of() : List.copyOf(events);
    }

    public boolean open() {
        return !status.closed();
    }

    /**
     * Days past its follow-up date with no update since (each update sets the next date), or 0 when it is not
     * overdue; {@code today} comes from the clinic's clock, never read here.
     */
    public long overdueDays(LocalDate today) {
        if (!open() || followUpDate == null || !followUpDate.isBefore(today)) {
            return 0;
        }
        return ChronoUnit.DAYS.between(followUpDate, today);
    }

    public boolean overdue(LocalDate today) {
        return overdueDays(today) > 0;
    }
}
