package care.tandem.domain.referral;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static care.tandem.domain.referral.ReferralStatus.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The referral transition table (docs/referrals.md; statuses from DOMAIN.md §D.2(d)). */
class ReferralTransitionsTest {

    /** The whole table, row by row: from, then every status that may follow it. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = ';', value = {
            "DRAFT; SENT FAMILY_DECLINED REFERRED_ELSEWHERE ENTERED_IN_ERROR",
            "SENT; ACCEPTED IN_PROGRESS ON_HOLD COULD_NOT_CONTACT COMPLETED DECLINED_BY_ORGANISATION COULD_NOT_GET_HELP FAMILY_DECLINED REFERRED_ELSEWHERE ENTERED_IN_ERROR",
            "ACCEPTED; IN_PROGRESS ON_HOLD COULD_NOT_CONTACT COMPLETED DECLINED_BY_ORGANISATION COULD_NOT_GET_HELP FAMILY_DECLINED REFERRED_ELSEWHERE ENTERED_IN_ERROR",
            "IN_PROGRESS; ON_HOLD COULD_NOT_CONTACT COMPLETED DECLINED_BY_ORGANISATION COULD_NOT_GET_HELP FAMILY_DECLINED REFERRED_ELSEWHERE ENTERED_IN_ERROR",
            "ON_HOLD; SENT ACCEPTED IN_PROGRESS COULD_NOT_CONTACT COMPLETED DECLINED_BY_ORGANISATION COULD_NOT_GET_HELP FAMILY_DECLINED REFERRED_ELSEWHERE ENTERED_IN_ERROR",
            "COULD_NOT_CONTACT; SENT ACCEPTED IN_PROGRESS ON_HOLD COMPLETED DECLINED_BY_ORGANISATION COULD_NOT_GET_HELP FAMILY_DECLINED REFERRED_ELSEWHERE ENTERED_IN_ERROR",
            "COMPLETED; ENTERED_IN_ERROR",
            "DECLINED_BY_ORGANISATION; ENTERED_IN_ERROR",
            "COULD_NOT_GET_HELP; ENTERED_IN_ERROR",
            "FAMILY_DECLINED; ENTERED_IN_ERROR",
            "REFERRED_ELSEWHERE; ENTERED_IN_ERROR",
            "ENTERED_IN_ERROR; ",
    })
    void theTableAllowsExactlyTheseNextStatuses(ReferralStatus from, String next) {
        Set<ReferralStatus> expected = EnumSet.noneOf(ReferralStatus.class);
        if (next != null) {
            for (String s : next.trim().split("\\s+")) {
                expected.add(ReferralStatus.valueOf(s));
            }
        }
        assertEquals(expected, ReferralTransitions.next(from));
        for (ReferralStatus to : ReferralStatus.values()) {
            assertEquals(expected.contains(to), ReferralTransitions.allowed(from, to), from + " → " + to);
        }
    }

    @ParameterizedTest
    @EnumSource(value = ReferralStatus.class, names = "ENTERED_IN_ERROR", mode = EnumSource.Mode.EXCLUDE)
    void enteredInErrorIsReachableFromEveryOtherStatus(ReferralStatus from) {
        assertTrue(ReferralTransitions.allowed(from, ENTERED_IN_ERROR));
        assertEquals(Optional.empty(), ReferralTransitions.check(from, ENTERED_IN_ERROR, null));
    }

    @ParameterizedTest
    @EnumSource(value = ReferralStatus.class, names = {"COMPLETED", "DECLINED_BY_ORGANISATION", "COULD_NOT_GET_HELP",
            "FAMILY_DECLINED", "REFERRED_ELSEWHERE", "ENTERED_IN_ERROR"})
    void closedOutcomesAreFinal(ReferralStatus closed) {
        assertTrue(closed.closed());
        for (ReferralStatus to : ReferralStatus.values()) {
            if (to != ENTERED_IN_ERROR && to != closed) {
                assertEquals(Optional.of(ReferralTransitions.Refusal.CLOSED),
                        ReferralTransitions.check(closed, to, "a reason"), closed + " → " + to);
            }
        }
    }

    @Test
    void couldNotContactStaysOpenAndMayBeRetried() {
        assertFalse(COULD_NOT_CONTACT.closed());
        assertEquals(Optional.empty(), ReferralTransitions.check(COULD_NOT_CONTACT, SENT, null));
        assertEquals(Optional.empty(), ReferralTransitions.check(COULD_NOT_CONTACT, COMPLETED, null));
    }

    @Test
    void aDraftMustBeSentBeforeTheDestinationActsOnIt() {
        assertEquals(Optional.of(ReferralTransitions.Refusal.NOT_FROM_HERE),
                ReferralTransitions.check(DRAFT, COMPLETED, null));
        assertEquals(Optional.of(ReferralTransitions.Refusal.NOT_FROM_HERE),
                ReferralTransitions.check(DRAFT, ACCEPTED, null));
    }

    @Test
    void noStatusFollowsItself() {
        for (ReferralStatus s : ReferralStatus.values()) {
            assertFalse(ReferralTransitions.allowed(s, s), s.name());
        }
        assertEquals(Optional.of(ReferralTransitions.Refusal.SAME_STATUS), ReferralTransitions.check(SENT, SENT, null));
    }

    /** DOMAIN.md §D.2(d) "Needs reason?": yes for these; FHIR requires statusReason for rejected/cancelled/on-hold/failed. */
    @ParameterizedTest
    @CsvSource({
            "DECLINED_BY_ORGANISATION, true, rejected",
            "COULD_NOT_CONTACT, true, failed",
            "COULD_NOT_GET_HELP, true, failed",
            "FAMILY_DECLINED, true, cancelled",
            "REFERRED_ELSEWHERE, true, cancelled",
            "ON_HOLD, true, on-hold",
            "DRAFT, false, draft",
            "SENT, false, requested",
            "ACCEPTED, false, accepted",
            "IN_PROGRESS, false, in-progress",
            "COMPLETED, false, completed",
            "ENTERED_IN_ERROR, false, entered-in-error",
    })
    void reasonsAndFhirTaskStatusFollowTheDomainTable(ReferralStatus status, boolean needsReason, String task) {
        assertEquals(needsReason, status.needsReason());
        assertEquals(task, status.taskStatus());
        if (needsReason) {
            ReferralStatus from = status == ON_HOLD ? SENT : IN_PROGRESS;
            assertEquals(Optional.of(ReferralTransitions.Refusal.REASON_NEEDED),
                    ReferralTransitions.check(from, status, "  "));
            assertEquals(Optional.empty(), ReferralTransitions.check(from, status, "waitlist until March"));
        }
    }
}
