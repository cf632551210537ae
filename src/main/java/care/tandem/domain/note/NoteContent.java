package care.tandem.domain.note;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a note says: the template's sections in order, the presenting concerns picked (and any in the clinician's
 * words), the interventions ticked, the referrals linked, a mandated report if one was made, and the confidential
 * part: private (interpersonal-safety) results and other sensitive caregiver content, which a family copy never
 * shows. The text is the clinician's: Tandem writes sentences into it (results, referrals, interventions) for the
 * clinician to keep or edit, and never rewrites what was typed.
 *
 * @param mandatedReport the mandated report made, or null
 * @param confidential   the confidential part's text
 */
public record NoteContent(List<NoteSection> sections, Set<PresentingConcern> concerns, String concernText,
                          Set<Intervention> interventions, List<UUID> referralIds, MandatedReport mandatedReport,
                          String confidential) {

    public NoteContent {
        sections = List.copyOf(sections);
        concerns = Collections.unmodifiableSet(concerns == null || concerns.isEmpty()
                ? EnumSet.noneOf(PresentingConcern.class) : EnumSet.copyOf(concerns));
        concernText = Objects.requireNonNullElse(concernText, "");
        interventions = Collections.unmodifiableSet(interventions == null || interventions.isEmpty()
                ? EnumSet.noneOf(Intervention.class) : EnumSet.copyOf(interventions));
        referralIds = referralIds == null ? List.of() : List.copyOf(new LinkedHashSet<>(referralIds));
        confidential = Objects.requireNonNullElse(confidential, "");
    }

    /** An empty note laid out by a template. */
    public static NoteContent from(NoteTemplate template) {
        return new NoteContent(template.sections().stream()
                .map(s -> new NoteSection(s.key(), s.heading(), s.fill(), "")).toList(),
                Set.of(), "", Set.of(), List.of(), null, "");
    }

    public Optional<NoteSection> section(String key) {
        return sections.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** The same note with one section's text replaced. */
    public NoteContent withSectionText(String key, String text) {
        if (section(key).isEmpty()) {
            throw new IllegalArgumentException("no section " + key);
        }
        return withSections(sections.stream().map(s -> s.key().equals(key) ? s.withText(text) : s).toList());
    }

    public NoteContent withConcerns(Set<PresentingConcern> picked, String text) {
        return new NoteContent(sections, picked, text, interventions, referralIds, mandatedReport, confidential);
    }

    public NoteContent withMandatedReport(MandatedReport report) {
        return new NoteContent(sections, concerns, concernText, interventions, referralIds, report, confidential);
    }

    public NoteContent withConfidential(String text) {
        return new NoteContent(sections, concerns, concernText, interventions, referralIds, mandatedReport, text);
    }

    /**
     * Adds a sentence as a line of its own: to the confidential part when {@code confidentialSentence}, else to the
     * first section Tandem fills with {@code fill} (or the last section when the template has none). A sentence
     * already there is not written twice.
     */
    public NoteContent withSentence(SectionFill fill, String sentence, boolean confidentialSentence) {
        if (confidentialSentence) {
            return withConfidential(appendLine(confidential, sentence));
        }
        String key = target(fill).key();
        return withSections(sections.stream()
                .map(s -> s.key().equals(key) ? s.withText(appendLine(s.text(), sentence)) : s).toList());
    }

    /** Ticks an intervention and writes its sentence into the note (a confidential one's in the confidential part). */
    public NoteContent tick(Intervention i, String sentence) {
        if (interventions.contains(i)) {
            return this;
        }
        Set<Intervention> ticked = EnumSet.of(i);
        ticked.addAll(interventions);
        return new NoteContent(sections, concerns, concernText, ticked, referralIds, mandatedReport, confidential)
                .withSentence(SectionFill.INTERVENTIONS, sentence, i.confidential());
    }

    /** Unticks an intervention and takes its sentence out, unless the clinician has edited that line. */
    public NoteContent untick(Intervention i, String sentence) {
        Set<Intervention> ticked = EnumSet.noneOf(Intervention.class);
        ticked.addAll(interventions);
        ticked.remove(i);
        List<NoteSection> out = sections.stream().map(s -> s.fill() == SectionFill.INTERVENTIONS
                ? s.withText(removeLine(s.text(), sentence)) : s).toList();
        return new NoteContent(out, concerns, concernText, ticked, referralIds, mandatedReport,
                i.confidential() ? removeLine(confidential, sentence) : confidential);
    }

    /** Links a referral, with its sentence (a private referral's in the confidential part). */
    public NoteContent withReferral(UUID referralId, String sentence, boolean privateReferral) {
        if (referralIds.contains(referralId)) {
            return this;
        }
        List<UUID> ids = new ArrayList<>(referralIds);
        ids.add(referralId);
        return new NoteContent(sections, concerns, concernText, interventions, ids, mandatedReport, confidential)
                .withSentence(SectionFill.RESULTS, sentence, privateReferral);
    }

    /** What a family copy may show: everything but the confidential part and the mandated report. */
    public NoteContent familyCopy() {
        return new NoteContent(sections, concerns, concernText, interventions, referralIds, null, "");
    }

    /**
     * The content as one unambiguous text (each value length-prefixed, sets in declaration order), the input of the
     * content hash: the same content always gives the same text, and any change gives another.
     */
    public String canonical() {
        StringBuilder b = new StringBuilder("tandem-note-content/1\n");
        for (NoteSection s : sections) {
            put(b, "section", s.key());
            put(b, "heading", s.heading());
            put(b, "fill", s.fill().name());
            put(b, "text", s.text());
        }
        put(b, "concerns", concerns.stream().map(Enum::name).collect(Collectors.joining(",")));
        put(b, "concernText", concernText);
        put(b, "interventions", interventions.stream().map(Enum::name).collect(Collectors.joining(",")));
        put(b, "referrals", referralIds.stream().map(UUID::toString).collect(Collectors.joining(",")));
        if (mandatedReport != null) {
            put(b, "reportAt", mandatedReport.madeAt().toString());
            put(b, "reportTo", mandatedReport.agency());
            put(b, "reportRef", mandatedReport.reference());
        }
        put(b, "confidential", confidential);
        return b.toString();
    }

    private static void put(StringBuilder b, String name, String value) {
        b.append(name).append(':').append(value.length()).append(':').append(value).append('\n');
    }

    private NoteSection target(SectionFill fill) {
        return sections.stream().filter(s -> s.fill() == fill).findFirst().orElse(sections.get(sections.size() - 1));
    }

    private NoteContent withSections(List<NoteSection> newSections) {
        return new NoteContent(newSections, concerns, concernText, interventions, referralIds, mandatedReport,
                confidential);
    }

    private static String appendLine(String text, String line) {
        if (line.isBlank() || text.lines().anyMatch(l -> l.strip().equals(line.strip()))) {
            return text;
        }
        return text.isBlank() ? line : text.stripTrailing() + "\n" + line;
    }

    private static String removeLine(String text, String line) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        if (!lines.removeIf(l -> l.strip().equals(line.strip()))) {
            return text;
        }
        return String.join("\n", lines);
    }
}
