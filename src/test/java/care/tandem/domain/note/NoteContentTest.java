package care.tandem.domain.note;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A note's content: sentences written in for the clinician, the family copy, and the content hash. */
class NoteContentTest {
    private static final NoteTemplate TEMPLATE = new NoteTemplate(UUID.randomUUID(), "Dyadic", Set.of(),
            List.of(new TemplateSection("child", "Child", "", SectionFill.NONE),
                    new TemplateSection("results", "Results", "", SectionFill.RESULTS),
                    new TemplateSection("interventions", "Interventions", "", SectionFill.INTERVENTIONS)),
            null, true, 1);

    private static NoteContent empty() {
        return NoteContent.from(TEMPLATE);
    }

    @Test
    void aTemplateLaysOutTheSectionsInItsOrder() {
        assertEquals(List.of("child", "results", "interventions"),
                empty().sections().stream().map(NoteSection::key).toList());
        assertTrue(empty().sections().stream().allMatch(s -> s.text().isEmpty()));
    }

    @Test
    void aTickedInterventionWritesItsSentenceOnceAndUntickingTakesItOutUnlessEdited() {
        NoteContent c = empty().withSectionText("interventions", "Discussed sleep.")
                .tick(Intervention.PSYCHOEDUCATION, "Psychoeducation given.");
        c = c.tick(Intervention.PSYCHOEDUCATION, "Psychoeducation given.");
        assertEquals("Discussed sleep.\nPsychoeducation given.", c.section("interventions").orElseThrow().text());
        assertEquals(Set.of(Intervention.PSYCHOEDUCATION), c.interventions());

        NoteContent off = c.untick(Intervention.PSYCHOEDUCATION, "Psychoeducation given.");
        assertEquals("Discussed sleep.", off.section("interventions").orElseThrow().text());
        assertTrue(off.interventions().isEmpty());

        NoteContent edited = c.withSectionText("interventions", "Psychoeducation given on sleep routines.")
                .untick(Intervention.PSYCHOEDUCATION, "Psychoeducation given.");
        assertEquals("Psychoeducation given on sleep routines.", edited.section("interventions").orElseThrow().text(),
                "the clinician's words are never taken out");
    }

    @Test
    void aSafetyPlanIsWrittenInTheConfidentialPartOnly() {
        NoteContent c = empty().tick(Intervention.SAFETY_PLANNING, "Safety plan made.");
        assertEquals("Safety plan made.", c.confidential());
        assertTrue(c.sections().stream().noneMatch(s -> s.text().contains("Safety")));
        assertEquals("", c.untick(Intervention.SAFETY_PLANNING, "Safety plan made.").confidential());
    }

    @Test
    void aPrivateReferralsSentenceGoesToTheConfidentialPartAndAnotherToTheResults() {
        UUID food = UUID.randomUUID();
        UUID hotline = UUID.randomUUID();
        NoteContent c = empty().withReferral(food, "Referred to CalFresh.", false)
                .withReferral(hotline, "Referred to the hotline.", true)
                .withReferral(food, "Referred to CalFresh.", false);
        assertEquals(List.of(food, hotline), c.referralIds());
        assertEquals("Referred to CalFresh.", c.section("results").orElseThrow().text());
        assertEquals("Referred to the hotline.", c.confidential());
    }

    @Test
    void aFamilyCopyHasNoConfidentialPartAndNoMandatedReport() {
        NoteContent c = empty().withConfidential("Safety answers positive.")
                .withMandatedReport(new MandatedReport(Instant.parse("2026-11-23T18:00:00Z"), "County CPS", "R-1"))
                .withSectionText("child", "Playful.");
        NoteContent family = c.familyCopy();
        assertEquals("", family.confidential());
        assertNull(family.mandatedReport());
        assertEquals("Playful.", family.section("child").orElseThrow().text());
    }

    @Test
    void theHashIsStableAndChangesWithAnyPartOfTheContent() {
        NoteContent c = empty().withSectionText("child", "Playful, babbling; Lucía smiled.");
        String hash = NoteHash.of(c);
        assertEquals(64, hash.length());
        assertEquals(hash, NoteHash.of(empty().withSectionText("child", "Playful, babbling; Lucía smiled.")));
        assertNotEquals(hash, NoteHash.of(c.withSectionText("child", "Playful, babbling; Lucia smiled.")));
        assertNotEquals(hash, NoteHash.of(c.withConfidential("x")));
        assertNotEquals(hash, NoteHash.of(c.withConcerns(Set.of(PresentingConcern.SLEEP), "")));
        assertNotEquals(hash, NoteHash.of(c.tick(Intervention.BRIEF_INTERVENTION, "")));
        assertNotEquals(hash, NoteHash.of(c.withMandatedReport(
                new MandatedReport(Instant.parse("2026-11-23T18:00:00Z"), "", ""))));
    }

    @Test
    void theCanonicalTextCannotBeForgedByMovingTextBetweenFields() {
        NoteContent a = empty().withSectionText("child", "ab").withSectionText("results", "c");
        NoteContent b = empty().withSectionText("child", "a").withSectionText("results", "bc");
        assertNotEquals(NoteHash.of(a), NoteHash.of(b));
    }

    @Test
    void aNoteIsIntactWhileItsContentMatchesTheHashStoredAtSigning() {
        NoteContent signed = empty().withSectionText("child", "Playful.");
        Note note = note(signed, NoteHash.of(signed));
        assertTrue(note.intact());
        assertFalse(note(signed.withSectionText("child", "Changed."), NoteHash.of(signed)).intact());
        assertTrue(note(signed, null).intact(), "an unsigned note has no hash to check");
    }

    private static Note note(NoteContent content, String hash) {
        return new Note(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), TEMPLATE.id(),
                hash == null ? NoteStatus.DRAFT : NoteStatus.SIGNED, content, UUID.randomUUID(), "", null, hash, null,
                "", "", List.of(), List.of(), Instant.EPOCH, Instant.EPOCH, 1);
    }
}
