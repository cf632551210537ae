package care.tandem.interop.instrument;

/** An instrument file (Questionnaire or scoring rules) that fails its checks: which file and why. */
public final class InstrumentFileException extends RuntimeException {
    public InstrumentFileException(String file, String reason) {
        super(file + ": " + reason);
    }
}
