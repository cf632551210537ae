package care.tandem.interop.fhir;

/** A FHIR file Tandem cannot read, with the reason in words (never the file's content). */
public final class FhirFileException extends RuntimeException {
    public FhirFileException(String reason) {
        super(reason);
    }
}
