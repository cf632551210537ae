package care.tandem.domain.referral;

import care.tandem.domain.screening.DomainScore;
import care.tandem.domain.screening.Outcome;
import care.tandem.domain.screening.Score;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferralTest {
    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");

    private static Referral referral(ReferralStatus status, LocalDate followUp, Instant created, Instant first,
                                     Instant closed) {
        return new Referral(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), ReferralKind.COMMUNITY, Need.FOOD,
                null, "CalFresh", "", Urgency.ROUTINE, UUID.randomUUID(), followUp, true, null, null, null, null, false,
                status, "", created, first, closed, List.of(), 1);
    }

    @ParameterizedTest(name = "follow-up {0}, today {1} → {2} days overdue")
    @CsvSource({
            "2026-11-20, 2026-11-23, 3",
            "2026-11-22, 2026-11-23, 1",
            "2026-11-23, 2026-11-23, 0",
            "2026-11-30, 2026-11-23, 0",
    })
    void overdueCountsTheDaysPastTheFollowUpDateOfAnOpenReferral(LocalDate followUp, LocalDate today, long days) {
        Referral r = referral(ReferralStatus.SENT, followUp, Instant.parse("2026-11-01T17:00:00Z"), null, null);
        assertEquals(days, r.overdueDays(today));
        assertEquals(days > 0, r.overdue(today));
    }

    @Test
    void aClosedReferralIsNeverOverdue() {
        Referral r = referral(ReferralStatus.COMPLETED, LocalDate.parse("2026-10-01"),
                Instant.parse("2026-09-01T17:00:00Z"), null, Instant.parse("2026-10-02T17:00:00Z"));
        assertEquals(0, r.overdueDays(LocalDate.parse("2026-11-23")));
    }

    @Test
    void loopMeasuresCountCalendarDaysInTheClinicsZone() {
        // Created 16:30 Pacific on 2 Nov (00:30 UTC on 3 Nov): calendar days are the clinic's, not UTC's.
        Referral r = referral(ReferralStatus.COMPLETED, null, Instant.parse("2026-11-03T00:30:00Z"),
                Instant.parse("2026-11-05T18:00:00Z"), Instant.parse("2026-11-12T18:00:00Z"));
        LoopMeasures m = LoopMeasures.of(r, LA);
        assertEquals(3L, m.daysToFirstUpdate());
        assertEquals(10L, m.daysToClosure());
        assertEquals(ReferralStatus.Result.GOT_HELP, m.outcome());
    }

    @Test
    void anOpenReferralHasNoClosureYet() {
        LoopMeasures m = LoopMeasures.of(referral(ReferralStatus.SENT, LocalDate.parse("2026-11-30"),
                Instant.parse("2026-11-03T18:00:00Z"), null, null), LA);
        assertNull(m.daysToFirstUpdate());
        assertNull(m.daysToClosure());
        assertEquals(ReferralStatus.Result.OPEN, m.outcome());
    }

    @Test
    void onlyTheSafetyNeedIsPrivate() {
        for (Need n : Need.values()) {
            assertEquals(n == Need.INTERPERSONAL_SAFETY, n.isPrivate(), n.name());
        }
    }

    @Test
    void aScoreOffersOneNeedPerPositiveDomainAndCrisisFirstForACriticalItem() {
        Map<String, DomainScore> domains = new LinkedHashMap<>();
        domains.put("housing", new DomainScore("housing", Outcome.POSITIVE, null, true, false));
        domains.put("food", new DomainScore("food", Outcome.POSITIVE, null, true, false));
        domains.put("utilities", new DomainScore("utilities", Outcome.NEGATIVE, null, true, false));
        domains.put("safety", new DomainScore("safety", Outcome.POSITIVE, 12, true, true));
        domains.put("housing-quality", new DomainScore("housing-quality", Outcome.POSITIVE, null, true, false));
        Score ahc = new Score("ahc-hrsn", true, null, null, Outcome.POSITIVE, List.of(), List.of(), List.of(),
                List.of(), domains);
        assertEquals(List.of(Need.HOUSING, Need.FOOD, Need.INTERPERSONAL_SAFETY), ScreenNeeds.of(ahc));

        Score phq9 = new Score("phq9", true, 14, "moderate", Outcome.POSITIVE, List.of("44260-8"), List.of(),
                List.of(), List.of(), Map.of("depression", new DomainScore("depression", Outcome.POSITIVE, 14, true,
                false)));
        assertEquals(List.of(Need.CRISIS, Need.MENTAL_HEALTH), ScreenNeeds.of(phq9));
        Score negative = new Score("hvs", true, null, null, Outcome.NEGATIVE, List.of(), List.of(), List.of(),
                List.of(), Map.of("food", new DomainScore("food", Outcome.NEGATIVE, null, true, false)));
        assertTrue(ScreenNeeds.of(negative).isEmpty());
        assertFalse(ScreenNeeds.of((Score) null).contains(Need.OTHER));
    }
}
