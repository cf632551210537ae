package care.tandem.interop.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * FHIR R4 JSON through HAPI FHIR. The context is costly to build (about a second), so it is built on first use,
 * never on the way to the first window, and then shared (HAPI's contexts are thread-safe).
 */
public final class FhirJson {
    private volatile FhirContext context;

    public FhirContext context() {
        FhirContext c = context;
        if (c == null) {
            synchronized (this) {
                c = context;
                if (c == null) {
                    c = FhirContext.forR4();
                    context = c;
                }
            }
        }
        return c;
    }

    /**
     * Parses one resource of the given type.
     *
     * @throws FhirFileException saying what is wrong: not JSON, another resource type, or not valid FHIR
     */
    public <T extends IBaseResource> T parse(String json, Class<T> type) {
        IParser parser = context().newJsonParser();
        try {
            IBaseResource r = parser.parseResource(json);
            if (!type.isInstance(r)) {
                throw new FhirFileException("it is a " + context().getResourceType(r) + ", not a "
                        + context().getResourceType(type));
            }
            return type.cast(r);
        } catch (DataFormatException e) {
            throw new FhirFileException(reason(e));
        }
    }

    /** As {@link #parse}, refusing unknown elements too (Tandem's own bundled files must be exact). */
    public <T extends IBaseResource> T parseStrict(String json, Class<T> type) {
        IParser parser = context().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        try {
            return parser.parseResource(type, json);
        } catch (DataFormatException e) {
            throw new FhirFileException(reason(e));
        }
    }

    private static String reason(DataFormatException e) {
        String m = e.getMessage() == null ? "" : e.getMessage().replaceFirst("^HAPI-\\d+: ", "");
        if (m.contains("does not appear to be JSON") || m.contains("Failed to parse JSON")
                || m.contains("Unexpected character") || m.contains("Content does not start")) {
            return "it is not JSON";
        }
        if (m.contains("resourceType")) {
            return "it has no FHIR resourceType";
        }
        return "it is not valid FHIR R4 JSON";
    }
}
