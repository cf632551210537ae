package care.tandem.interop.fhir.export;

import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Resource;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * FHIR Bundles of type {@code collection}, written as {@code bundle-00001.json}, {@code bundle-00002.json}, ...: a new
 * file once the current one holds {@code maxEntries} resources or about {@code maxBytes} (attached PDFs counted), so
 * no file (and no bundle in memory) grows without bound. Each entry's {@code fullUrl} is
 * {@code urn:uuid:<id>}; references between resources are {@code Type/id}, which stay valid across files.
 */
public final class BundleSink implements ResourceSink {
    /** Resources per file by default. */
    public static final int MAX_ENTRIES = 2_000;
    /** About this many bytes per file by default. */
    public static final long MAX_BYTES = 32L * 1024 * 1024;

    private final Path folder;
    private final IParser parser;
    private final int maxEntries;
    private final long maxBytes;
    private final Map<String, Long> counts = new TreeMap<>();
    private Bundle bundle;
    private long estimate;
    private int files;
    private long bytes;

    public BundleSink(Path folder, IParser parser) {
        this(folder, parser, MAX_ENTRIES, MAX_BYTES);
    }

    public BundleSink(Path folder, IParser parser, int maxEntries, long maxBytes) {
        this.folder = folder;
        this.parser = parser.setPrettyPrint(false);
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    @Override
    public void add(Resource resource) throws IOException {
        if (bundle == null) {
            bundle = new Bundle();
            bundle.setId(UUID.randomUUID().toString());
            bundle.setType(Bundle.BundleType.COLLECTION);
            bundle.setTimestamp(new Date());
            estimate = 0;
        }
        bundle.addEntry().setFullUrl("urn:uuid:" + resource.getIdElement().getIdPart()).setResource(resource);
        estimate += 1_500;
        if (resource instanceof DocumentReference d) {
            for (DocumentReference.DocumentReferenceContentComponent c : d.getContent()) {
                estimate += c.getAttachment().getSize() * 4L / 3;
            }
        }
        counts.merge(resource.fhirType(), 1L, Long::sum);
        if (bundle.getEntry().size() >= maxEntries || estimate >= maxBytes) {
            flush();
        }
    }

    private void flush() throws IOException {
        if (bundle == null || bundle.getEntry().isEmpty()) {
            return;
        }
        files++;
        Path file = folder.resolve(String.format("bundle-%05d.json", files));
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            parser.encodeResourceToWriter(bundle, w);
        }
        bytes += Files.size(file);
        bundle = null;
    }

    @Override
    public Map<String, Long> counts() {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    @Override
    public long bytes() {
        return bytes;
    }

    /** Files written so far. */
    public int files() {
        return files;
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
