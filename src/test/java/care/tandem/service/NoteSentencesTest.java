package care.tandem.service;

import care.tandem.domain.family.Member;
import care.tandem.domain.family.Relationship;
import care.tandem.domain.note.Intervention;
import care.tandem.domain.note.NoteLifecycle;
import care.tandem.domain.screening.AdministrationMode;
import care.tandem.domain.screening.NotDoneReason;
import care.tandem.domain.screening.Outcome;
import care.tandem.domain.screening.Score;
import care.tandem.domain.screening.Screening;
import care.tandem.domain.screening.ScreeningStatus;
import care.tandem.i18n.Texts;
import care.tandem.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sentences Tandem writes into a note: short clinical English, private findings worded for the confidential part. */
class NoteSentencesTest {
    private final NoteSentences sentences = new NoteSentences();
    private final Member mother = TestApp.caregiver("Ana", "Pérez", Relationship.MOTHER, "");

    private static Screening screen(String instrument, ScreeningStatus status, Score score, NotDoneReason reason) {
        return new Screening(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null,
                instrument, "1", "en", AdministrationMode.SELF, status, reason, null, null, null, false,
                UUID.randomUUID(), Instant.EPOCH, Instant.EPOCH, score, List.of(), 1);
    }

    private static Score score(String instrument, Integer total, String band, Outcome outcome, List<String> critical) {
        return new Score(instrument, true, total, band, outcome, critical, List.of(), List.of(), List.of(), Map.of());
    }

    @Test
    void aResultGivesTheInstrumentThePersonTheTotalAndBandAndTheOutcome() {
        NoteSentences.Result r = sentences.result(screen("phq9", ScreeningStatus.COMPLETED,
                score("phq9", 12, "moderate", Outcome.POSITIVE, List.of()), null), null, mother);
        assertEquals(List.of("PHQ-9 for Ana Pérez (mother): total 12 (moderate), positive."), r.open());
        assertTrue(r.confidential().isEmpty());
    }

    @Test
    void aCriticalItemIsMentionedOnlyInTheConfidentialPart() {
        NoteSentences.Result r = sentences.result(screen("phq9", ScreeningStatus.COMPLETED,
                score("phq9", 6, "mild", Outcome.NEGATIVE, List.of("44260-8")), null), null, mother);
        assertEquals(List.of("PHQ-9 for Ana Pérez (mother): total 6 (mild), negative."), r.open());
        assertEquals(List.of("PHQ-9 for Ana Pérez (mother): a critical item was answered; an urgent alert was raised."),
                r.confidential());
    }

    @Test
    void pearlsGivesItsTotalWithoutTheUnverifiedTier() {
        NoteSentences.Result r = sentences.result(screen("pearls", ScreeningStatus.COMPLETED,
                score("pearls", 4, "high", Outcome.POSITIVE, List.of()), null), null, mother);
        assertEquals(List.of("PEARLS for Ana Pérez (mother): total 4, positive."), r.open());
    }

    @Test
    void aScreenNotDoneSaysWhyAndOneEnteredInErrorSaysNothing() {
        assertEquals(List.of("EPDS for Ana Pérez (mother): not done (declined)."), sentences.result(
                screen("epds", ScreeningStatus.NOT_DONE, null, NotDoneReason.DECLINED), null, mother).open());
        NoteSentences.Result wrong = sentences.result(screen("epds", ScreeningStatus.ENTERED_IN_ERROR,
                score("epds", 14, "possible-depression", Outcome.POSITIVE, List.of()), null), null, mother);
        assertTrue(wrong.open().isEmpty() && wrong.confidential().isEmpty());
    }

    @Test
    void aChildIsNamedWithoutARelationship() {
        Member child = TestApp.child("Lucía", "Pérez", LocalDate.of(2026, 9, 20));
        assertEquals("Lucía Pérez", sentences.person(child));
    }

    @ParameterizedTest
    @EnumSource(Intervention.class)
    void everyInterventionHasItsSentenceInBothLanguages(Intervention i) {
        String key = "note.sentence.intervention." + i.name();
        for (Locale l : Texts.LANGUAGES) {
            assertNotEquals(key, new Texts(l).get(key), l + " " + key);
        }
        assertTrue(sentences.intervention(i).endsWith("."));
    }

    @ParameterizedTest
    @EnumSource(Outcome.class)
    void everyOutcomeHasItsWordInBothLanguages(Outcome o) {
        for (Locale l : Texts.LANGUAGES) {
            assertNotEquals("note.sentence.outcome." + o.name(), new Texts(l).get("note.sentence.outcome." + o.name()));
        }
    }

    @ParameterizedTest
    @EnumSource(NoteLifecycle.Refusal.class)
    void everyRefusalHasItsMessageInBothLanguages(NoteLifecycle.Refusal r) {
        for (Locale l : Texts.LANGUAGES) {
            assertNotEquals("note.refused." + r.name(), new Texts(l).get("note.refused." + r.name()));
        }
    }
}
