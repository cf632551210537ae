package care.tandem.domain.screening;

import care.tandem.interop.fhir.FhirJson;
import care.tandem.interop.instrument.InstrumentReader;

import java.util.ArrayList;
import java.util.List;

/**
 * The instruments shipped with Tandem, read once per test JVM through {@link InstrumentReader} (building the FHIR
 * context costs about a second), and small helpers that pick answers by points or by printed position.
 */
final class BundledLibrary {
    private static InstrumentLibrary library;

    private BundledLibrary() {
    }

    static synchronized InstrumentLibrary library() {
        if (library == null) {
            library = new InstrumentReader(new FhirJson()).bundled();
        }
        return library;
    }

    static Instrument instrument(String id) {
        return library().get(id);
    }

    /** The answer to {@code item} whose option is worth {@code points}. */
    static Answer points(Instrument instrument, String item, int points) {
        AnswerOption o = instrument.item(item).orElseThrow().options().stream()
                .filter(x -> x.points() != null && x.points() == points).findFirst()
                .orElseThrow(() -> new AssertionError(item + " has no option worth " + points));
        return Answer.choice(item, o.code());
    }

    /** The answer at printed position {@code position} (1 = first answer on the form). */
    static Answer position(Instrument instrument, String item, int position) {
        return Answer.choice(item, instrument.item(item).orElseThrow().options().get(position - 1).code());
    }

    /** Answers to {@code items} adding up to {@code total}, filling each item in turn up to its highest points. */
    static List<Answer> totalling(Instrument instrument, List<String> items, int total) {
        List<Answer> out = new ArrayList<>();
        int left = total;
        for (String code : items) {
            int max = instrument.item(code).orElseThrow().options().stream().mapToInt(AnswerOption::points).max()
                    .orElseThrow();
            int p = Math.min(max, left);
            out.add(points(instrument, code, p));
            left -= p;
        }
        if (left != 0) {
            throw new AssertionError("cannot reach " + total + " with " + items);
        }
        return out;
    }
}
