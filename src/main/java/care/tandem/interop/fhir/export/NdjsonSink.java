package care.tandem.interop.fhir.export;

import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.r4.model.Resource;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * FHIR bulk-data NDJSON: one {@code <ResourceType>.ndjson} file per resource type, one resource per line (JSON with no
 * line breaks), UTF-8. Files are opened as their first resource arrives and stay open until {@link #close()}.
 */
public final class NdjsonSink implements ResourceSink {
    private final Path folder;
    private final IParser parser;
    private final Map<String, Writer> writers = new TreeMap<>();
    private final Map<String, Long> counts = new TreeMap<>();
    private long bytes;

    /** @param parser a JSON parser, not pretty-printing */
    public NdjsonSink(Path folder, IParser parser) {
        this.folder = folder;
        this.parser = parser.setPrettyPrint(false);
    }

    @Override
    public void add(Resource resource) throws IOException {
        String type = resource.fhirType();
        Writer w = writers.get(type);
        if (w == null) {
            w = new BufferedWriter(Files.newBufferedWriter(folder.resolve(type + ".ndjson"), StandardCharsets.UTF_8),
                    1 << 16);
            writers.put(type, w);
        }
        String line = parser.encodeResourceToString(resource);
        w.write(line);
        w.write('\n');
        bytes += line.getBytes(StandardCharsets.UTF_8).length + 1L;
        counts.merge(type, 1L, Long::sum);
    }

    @Override
    public Map<String, Long> counts() {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    @Override
    public long bytes() {
        return bytes;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (Writer w : writers.values()) {
            try {
                w.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        writers.clear();
        if (first != null) {
            throw first;
        }
    }
}
