package care.tandem.interop.fhir.export;

import org.hl7.fhir.r4.model.Resource;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;

/** Where exported resources go, one at a time, so an export never holds more than a bounded part in memory. */
public interface ResourceSink extends Closeable {

    void add(Resource resource) throws IOException;

    /** Resources written so far, by resource type. */
    Map<String, Long> counts();

    /** Bytes written so far (after {@link #close()}: all of them). */
    long bytes();
}
