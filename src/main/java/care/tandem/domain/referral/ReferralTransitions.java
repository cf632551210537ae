package care.tandem.domain.referral;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static care.tandem.domain.referral.ReferralStatus.ACCEPTED;
import static care.tandem.domain.referral.ReferralStatus.COMPLETED;
import static care.tandem.domain.referral.ReferralStatus.COULD_NOT_CONTACT;
import static care.tandem.domain.referral.ReferralStatus.COULD_NOT_GET_HELP;
import static care.tandem.domain.referral.ReferralStatus.DECLINED_BY_ORGANISATION;
import static care.tandem.domain.referral.ReferralStatus.DRAFT;
import static care.tandem.domain.referral.ReferralStatus.ENTERED_IN_ERROR;
import static care.tandem.domain.referral.ReferralStatus.FAMILY_DECLINED;
import static care.tandem.domain.referral.ReferralStatus.IN_PROGRESS;
import static care.tandem.domain.referral.ReferralStatus.ON_HOLD;
import static care.tandem.domain.referral.ReferralStatus.REFERRED_ELSEWHERE;
import static care.tandem.domain.referral.ReferralStatus.SENT;

/**
 * Which status may follow which (docs/referrals.md holds the same table for people). The rules:
 * <ul>
 *   <li>closed outcomes are final; only "entered in error" may follow them, and nothing follows that;</li>
 *   <li>"entered in error" is reachable from every other status;</li>
 *   <li>"could not contact" stays open and may be retried (sent again) or lead to any outcome;</li>
 *   <li>a draft must be sent before the destination can accept, work on or complete it, but the family may
 *       decline it or it may go elsewhere;</li>
 *   <li>no status follows itself (a follow-up call without a change is a follow-up event, not a transition).</li>
 * </ul>
 */
public final class ReferralTransitions {

    /** Why a transition is refused; each has a message for people (bundle {@code referral.refused.<NAME>}). */
    public enum Refusal {
        /** The referral has a final outcome: record a new, linked referral instead. */
        CLOSED,
        /** Already in that status. */
        SAME_STATUS,
        /** That status cannot follow this one (for example, completed straight from draft). */
        NOT_FROM_HERE,
        /** The status needs a reason and none was given. */
        REASON_NEEDED
    }

    private static final Set<ReferralStatus> OUTCOMES = EnumSet.of(COMPLETED, DECLINED_BY_ORGANISATION,
            COULD_NOT_GET_HELP, FAMILY_DECLINED, REFERRED_ELSEWHERE);
    private static final Map<ReferralStatus, Set<ReferralStatus>> NEXT = new EnumMap<>(ReferralStatus.class);

    static {
        NEXT.put(DRAFT, EnumSet.of(SENT, FAMILY_DECLINED, REFERRED_ELSEWHERE, ENTERED_IN_ERROR));
        Set<ReferralStatus> working = EnumSet.copyOf(OUTCOMES);
        working.addAll(EnumSet.of(ACCEPTED, IN_PROGRESS, ON_HOLD, COULD_NOT_CONTACT, ENTERED_IN_ERROR));
        NEXT.put(SENT, without(working, SENT));
        NEXT.put(ACCEPTED, without(working, ACCEPTED));
        NEXT.put(IN_PROGRESS, without(working, ACCEPTED, IN_PROGRESS));
        Set<ReferralStatus> resumable = EnumSet.copyOf(working);
        resumable.add(SENT);
        NEXT.put(ON_HOLD, without(resumable, ON_HOLD));
        NEXT.put(COULD_NOT_CONTACT, without(resumable, COULD_NOT_CONTACT));
        for (ReferralStatus closed : OUTCOMES) {
            NEXT.put(closed, EnumSet.of(ENTERED_IN_ERROR));
        }
        NEXT.put(ENTERED_IN_ERROR, EnumSet.noneOf(ReferralStatus.class));
    }

    private ReferralTransitions() {
    }

    private static Set<ReferralStatus> without(Set<ReferralStatus> all, ReferralStatus... drop) {
        Set<ReferralStatus> s = EnumSet.copyOf(all);
        for (ReferralStatus d : drop) {
            s.remove(d);
        }
        return s;
    }

    /** The statuses that may follow {@code from}, in declaration order. */
    public static Set<ReferralStatus> next(ReferralStatus from) {
        return Collections.unmodifiableSet(NEXT.get(from));
    }

    public static boolean allowed(ReferralStatus from, ReferralStatus to) {
        return NEXT.get(from).contains(to);
    }

    /** Why {@code from → to} with this reason is refused, or empty when it is allowed. */
    public static Optional<Refusal> check(ReferralStatus from, ReferralStatus to, String reason) {
        if (from == to) {
            return Optional.of(Refusal.SAME_STATUS);
        }
        if (!allowed(from, to)) {
            return Optional.of(from.closed() ? Refusal.CLOSED : Refusal.NOT_FROM_HERE);
        }
        if (to.needsReason() && (reason == null || reason.isBlank())) {
            return Optional.of(Refusal.REASON_NEEDED);
        }
        return Optional.empty();
    }
}
