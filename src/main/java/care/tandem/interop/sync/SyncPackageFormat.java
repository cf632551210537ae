package care.tandem.interop.sync;

import care.tandem.domain.sync.Knowledge;
import care.tandem.domain.sync.PackageInfo;
import care.tandem.domain.sync.SyncRecord;
import care.tandem.domain.sync.SyncRecord.LogEntry;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The body of a sync package (ADR 0009): gzipped JSON, streamed both ways so that a package of a whole clinic
 * never has to fit in memory. It is always sealed with the clinic key ({@code care.tandem.files.SealedFile}), which
 * checks it and says whose it is before a byte of it is read here.
 *
 * <pre>
 * {"format": 1, "clinic": uuid, "clinicName": text, "device": uuid, "seq": n, "demo": bool,
 *  "knowledge": {device: hlc, ...},
 *  "records": [{"t": table, "v": {column: value}, "l": [[hlc, user, fields], ...], "k": [{column: value}]}, ...]}
 * </pre>
 * The header fields come first, so the reader learns whose package it is before the first record.
 */
public final class SyncPackageFormat {
    /** The body format this version writes and reads. */
    public static final int FORMAT = 1;
    /** The kind of sealed file a sync package is. */
    public static final String KIND = "sync-package";

    private static final JsonFactory JSON = new JsonFactory();

    /** Writes records into the body. */
    @FunctionalInterface
    public interface RecordOut {
        void write(SyncRecord r) throws IOException;
    }

    /** Supplies the records of a package, writing each to {@code out}; returns how many. */
    @FunctionalInterface
    public interface Records {
        int writeAll(RecordOut out) throws IOException;
    }

    /** Told what the package says about itself, before its first record; may refuse it by throwing. */
    @FunctionalInterface
    public interface InfoIn {
        void read(PackageInfo info) throws IOException;
    }

    /** Takes in each record as it is read. */
    @FunctionalInterface
    public interface RecordIn {
        void read(SyncRecord r) throws IOException;
    }

    /** Thrown for a body that is not in this format; the package is refused whole. */
    public static final class FormatException extends IOException {
        private static final long serialVersionUID = 1L;
        private final boolean newer;

        FormatException(String what, boolean newer) {
            super(what);
            this.newer = newer;
        }

        /** True when a newer Tandem wrote the package. */
        public boolean newer() {
            return newer;
        }
    }

    private SyncPackageFormat() {
    }

    /** Writes a package body to {@code body} (left open); returns the number of records written. */
    public static int write(OutputStream body, PackageInfo info, Records records) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(new NonClosing(body), 1 << 16);
        int n;
        try (JsonGenerator g = JSON.createGenerator(gz).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            g.writeStartObject();
            g.writeNumberField("format", FORMAT);
            g.writeStringField("clinic", info.clinicId().toString());
            g.writeStringField("clinicName", info.clinicName());
            g.writeStringField("device", info.deviceId().toString());
            g.writeNumberField("seq", info.seq());
            g.writeBooleanField("demo", info.demo());
            g.writeObjectFieldStart("knowledge");
            for (var e : info.knowledge().asMap().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("records");
            n = records.writeAll(r -> writeRecord(g, r));
            g.writeEndArray();
            g.writeEndObject();
        }
        gz.finish();
        return n;
    }

    private static void writeRecord(JsonGenerator g, SyncRecord r) throws IOException {
        g.writeStartObject();
        g.writeStringField("t", r.table());
        g.writeFieldName("v");
        writeValues(g, r.values());
        if (!r.log().isEmpty()) {
            g.writeArrayFieldStart("l");
            for (LogEntry e : r.log()) {
                g.writeStartArray();
                g.writeString(e.hlc());
                g.writeString(e.user());
                g.writeString(e.fields());
                g.writeEndArray();
            }
            g.writeEndArray();
        }
        if (!r.children().isEmpty()) {
            g.writeArrayFieldStart("k");
            for (Map<String, Object> child : r.children()) {
                writeValues(g, child);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void writeValues(JsonGenerator g, Map<String, Object> values) throws IOException {
        g.writeStartObject();
        for (var e : values.entrySet()) {
            Object v = e.getValue();
            g.writeFieldName(e.getKey());
            if (v == null) {
                g.writeNull();
            } else if (v instanceof Long || v instanceof Integer) {
                g.writeNumber(((Number) v).longValue());
            } else if (v instanceof Double d) {
                g.writeNumber(d);
            } else {
                g.writeString(v.toString());
            }
        }
        g.writeEndObject();
    }

    /**
     * Reads a package body: {@code info} first, then each record in order. Reads the body to its end, so that a
     * sealed file's last segment is checked before the caller commits anything.
     *
     * @throws FormatException when the body is not a sync package this version can read
     */
    public static void read(InputStream body, InfoIn info, RecordIn records) throws IOException {
        GZIPInputStream gz;
        try {
            gz = new GZIPInputStream(body, 1 << 16);
        } catch (java.util.zip.ZipException e) {
            throw new FormatException("not gzip", false);
        }
        try (JsonParser p = JSON.createParser(gz).disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            Map<String, Object> head = new LinkedHashMap<>();
            Map<String, String> knowledge = new LinkedHashMap<>();
            boolean told = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (name.equals("knowledge")) {
                    expect(t, JsonToken.START_OBJECT);
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String device = p.currentName();
                        p.nextToken();
                        knowledge.put(device, p.getText());
                    }
                } else if (name.equals("records")) {
                    expect(t, JsonToken.START_ARRAY);
                    if (!told) {
                        info.read(info(head, knowledge));
                        told = true;
                    }
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        records.read(readRecord(p));
                    }
                } else if (t.isScalarValue()) {
                    head.put(name, t == JsonToken.VALUE_NULL ? null : p.getText());
                    if (name.equals("format") && t == JsonToken.VALUE_NUMBER_INT && p.getIntValue() > FORMAT) {
                        throw new FormatException("format " + p.getIntValue(), true);
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (!told) {
                info.read(info(head, knowledge));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new FormatException("not a sync package body", false);
        }
        byte[] rest = new byte[8192];
        while (body.read(rest) >= 0) {
            // drain: the sealed file's last segment is authenticated as it is read
        }
    }

    private static PackageInfo info(Map<String, Object> head, Map<String, String> knowledge) throws FormatException {
        if (!String.valueOf(FORMAT).equals(head.get("format"))) {
            throw new FormatException("format", false);
        }
        try {
            return new PackageInfo(UUID.fromString((String) head.get("clinic")), String.valueOf(head.get("clinicName")),
                    UUID.fromString((String) head.get("device")), Long.parseLong((String) head.get("seq")),
                    Boolean.parseBoolean((String) head.get("demo")), Knowledge.of(knowledge));
        } catch (RuntimeException e) {
            throw new FormatException("header", false);
        }
    }

    private static SyncRecord readRecord(JsonParser p) throws IOException {
        String table = null;
        Map<String, Object> values = Map.of();
        List<LogEntry> log = new ArrayList<>();
        List<Map<String, Object>> children = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "t" -> table = p.getText();
                case "v" -> values = readValues(p, t);
                case "l" -> {
                    expect(t, JsonToken.START_ARRAY);
                    while (p.nextToken() == JsonToken.START_ARRAY) {
                        p.nextToken();
                        String hlc = p.getText();
                        p.nextToken();
                        String user = p.currentToken() == JsonToken.VALUE_NULL ? null : p.getText();
                        p.nextToken();
                        String fields = p.getText();
                        expect(p.nextToken(), JsonToken.END_ARRAY);
                        log.add(new LogEntry(hlc, user, fields));
                    }
                }
                case "k" -> {
                    expect(t, JsonToken.START_ARRAY);
                    JsonToken k;
                    while ((k = p.nextToken()) == JsonToken.START_OBJECT) {
                        children.add(readValues(p, k));
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (table == null) {
            throw new FormatException("record without a table", false);
        }
        return new SyncRecord(table, values, log, children);
    }

    private static Map<String, Object> readValues(JsonParser p, JsonToken start) throws IOException {
        expect(start, JsonToken.START_OBJECT);
        Map<String, Object> values = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String column = p.currentName();
            JsonToken t = p.nextToken();
            values.put(column, switch (t) {
                case VALUE_NULL -> null;
                case VALUE_NUMBER_INT -> p.getLongValue();
                case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                case VALUE_STRING -> p.getText();
                case VALUE_TRUE -> 1L;
                case VALUE_FALSE -> 0L;
                default -> throw new FormatException("value of " + column, false);
            });
        }
        return values;
    }

    private static void expect(JsonToken actual, JsonToken expected) throws FormatException {
        if (actual != expected) {
            throw new FormatException("expected " + expected, false);
        }
    }

    /** Lets the gzip stream finish without closing the sealed file's stream under it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
