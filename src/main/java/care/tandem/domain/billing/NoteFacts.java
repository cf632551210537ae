package care.tandem.domain.billing;

import care.tandem.domain.note.ChildScreen;
import care.tandem.domain.note.Intervention;
import care.tandem.domain.note.NoteContent;
import care.tandem.domain.note.NoteSection;
import care.tandem.domain.note.PresentingConcern;
import care.tandem.domain.note.VisitKind;
import care.tandem.domain.screening.Visit;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the billing rules need of a visit's note, filled in by the caller from the note.
 *
 * @param kind                    the kind of visit, or null while the note does not say
 * @param minutes                 minutes spent with the family (0 when not recorded)
 * @param childScreens            standardised child screens given on the publisher's form
 * @param followUpPlanDocumented  the note documents a follow-up plan (needed for G8431)
 */
public record NoteFacts(VisitKind kind, int minutes, Set<ChildScreen> childScreens, Set<Intervention> interventions,
                        boolean followUpPlanDocumented, Set<PresentingConcern> concerns) {

    public NoteFacts {
        if (minutes < 0) {
            throw new IllegalArgumentException("minutes must not be negative");
        }
        childScreens = copy(childScreens, ChildScreen.class);
        interventions = copy(interventions, Intervention.class);
        concerns = copy(concerns, PresentingConcern.class);
    }

    /**
     * What a visit's note tells the billing rules: kind, minutes, child screens, interventions, concerns, and
     * whether it documents a follow-up plan (a linked referral, a warm hand-off or referral intervention, or words in
     * a plan or follow-up section).
     */
    public static NoteFacts of(Visit visit, NoteContent content) {
        boolean plan = !content.referralIds().isEmpty()
                || content.interventions().contains(Intervention.WARM_HANDOFF)
                || content.interventions().contains(Intervention.REFERRAL)
                || content.sections().stream().filter(s -> s.key().contains("plan") || s.key().contains("follow"))
                .map(NoteSection::text).anyMatch(text -> !text.isBlank());
        return new NoteFacts(visit.kind(), visit.minutes() == null ? 0 : visit.minutes(), visit.childScreens(),
                content.interventions(), plan, content.concerns());
    }

    /** A note that says nothing yet. */
    public static NoteFacts empty() {
        return new NoteFacts(null, 0, Set.of(), Set.of(), false, Set.of());
    }

    private static <E extends Enum<E>> Set<E> copy(Set<E> set, Class<E> type) {
        // In the enum's order, so suggestions come in a stable order.
        return set == null || set.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(set));
    }
}
