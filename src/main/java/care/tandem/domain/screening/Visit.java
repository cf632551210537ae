package care.tandem.domain.screening;

import care.tandem.domain.note.ChildScreen;
import care.tandem.domain.note.VisitKind;
import care.tandem.domain.note.VisitPlace;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A visit: the date, the child seen, the caregivers present and the clinician; what kind of visit it was, how long it
 * took, where, and which child screens were given on the publisher's form. Its note and referrals attach to it.
 *
 * @param minutes the minutes spent, or null while not yet recorded
 */
public record Visit(UUID id, UUID familyId, UUID childId, LocalDate date, UUID clinicianId, List<UUID> caregivers,
                    VisitKind kind, Integer minutes, VisitPlace place, Set<ChildScreen> childScreens, long revision) {

    public Visit {
        caregivers = List.copyOf(caregivers);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(place, "place");
        if (minutes != null && minutes < 0) {
            throw new IllegalArgumentException("minutes");
        }
        childScreens = Collections.unmodifiableSet(childScreens == null || childScreens.isEmpty()
                ? EnumSet.noneOf(ChildScreen.class) : EnumSet.copyOf(childScreens));
    }

    /** A new visit as screening starts it: a well-child visit with dyadic screening, in the clinic, minutes to come. */
    public Visit(UUID id, UUID familyId, UUID childId, LocalDate date, UUID clinicianId, List<UUID> caregivers,
                 long revision) {
        this(id, familyId, childId, date, clinicianId, caregivers, VisitKind.WELL_CHILD_DYADIC, null, VisitPlace.CLINIC,
                Set.of(), revision);
    }
}
