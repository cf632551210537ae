package care.tandem.files;

import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A file sealed with the clinic key: what Tandem writes whenever records leave a data folder (sync packages,
 * backups). ADR 0011.
 *
 * <pre>
 * "TNDMSEAL" · format (1 byte) · header length (4 bytes) · header (JSON, readable without the key)
 * · nonce prefix (8 random bytes)
 * · segments: length (4 bytes, high bit = last) · AES-256-GCM ciphertext of up to 1 MiB of body
 * · SHA-256 of everything before it (32 bytes)
 * </pre>
 *
 * Each segment's nonce is the prefix and the segment number; its associated data is the header's SHA-256, the
 * segment number and the last-segment flag, so a changed header, reordered, dropped or truncated segments all
 * fail authentication. The trailing checksum tells accidental damage (a bad USB stick, an interrupted copy) from
 * tampering, and is checked over the whole file before anything is decrypted. The header holds no patient data:
 * the kind of file, the clinic id, the key's public fingerprint, when it was written and the caller's fields.
 * Files are written atomically ({@link AtomicFiles}).
 */
public final class SealedFile {
    /** The newest file format this version reads and the one it writes. */
    public static final int FORMAT = 1;
    private static final byte[] MAGIC = "TNDMSEAL".getBytes(StandardCharsets.US_ASCII);
    private static final int SEGMENT = 1 << 20;
    private static final int TAG_BITS = 128;
    private static final int LAST = 0x8000_0000;
    private static final int MAX_HEADER = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private SealedFile() {
    }

    /** The readable part of a sealed file. {@code fields} are the writer's own (no patient data). */
    public record Header(int format, String kind, UUID clinicId, String keyCheck, Instant created,
                         Map<String, String> fields) {
        public Header {
            fields = Map.copyOf(fields);
        }
    }

    /** Writes the body to the (encrypting) stream; must not close it. */
    @FunctionalInterface
    public interface BodyWriter {
        void write(OutputStream body) throws IOException;
    }

    /** Reads the (decrypted) body. An {@link IOException} it throws fails the read. */
    @FunctionalInterface
    public interface BodyReader<T> {
        T read(InputStream body) throws IOException;
    }

    /**
     * Seals a body into {@code target}, atomically: on any failure what was under that name stays as it was.
     *
     * @param kind   what the file is ("sync-package", "backup"); {@link #read} refuses a file of another kind
     * @param fields header fields readable without the key; never patient data
     * @throws ProblemException DISK_FULL or STORAGE_FAILED when it cannot be written
     */
    public static void write(Path target, ClinicKey key, String kind, Instant created, Map<String, String> fields,
                             BodyWriter body) {
        byte[] header = headerJson(new Header(FORMAT, kind, key.clinicId(), key.check(), created, fields));
        AtomicFiles.write(target, tmp -> {
            MessageDigest sha = sha256();
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                DataOutputStream out = new DataOutputStream(new DigestOutputStream(file, sha));
                out.write(MAGIC);
                out.writeByte(FORMAT);
                out.writeInt(header.length);
                out.write(header);
                byte[] prefix = new byte[8];
                RANDOM.nextBytes(prefix);
                out.write(prefix);
                try (Segments segments = new Segments(out, key, prefix, sha256().digest(header))) {
                    body.write(segments);
                }
                out.flush();
                file.write(sha.digest());
            }
        });
    }

    /**
     * The header of a sealed file, read without the key (to say whose and what it is).
     *
     * @throws ProblemException FILE_NOT_TANDEM, FILE_NEWER_FORMAT or FILE_DAMAGED (with the file name)
     */
    public static Header header(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            return parseHeader(in, file).header;
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /**
     * Checks the whole file's checksum, that it is a {@code kind} file of the key's clinic sealed with this key,
     * then decrypts the body through {@code reader}. Whatever the reader leaves unread is still authenticated
     * before this returns, so a caller that applies the body inside a transaction commits only after a fully
     * verified read.
     *
     * @throws ProblemException FILE_NOT_TANDEM, FILE_NEWER_FORMAT, FILE_WRONG_KIND, FILE_DAMAGED, FILE_OTHER_CLINIC,
     *                          PASSPHRASE_WRONG or FILE_TAMPERED, each naming the file
     */
    public static <T> T read(Path file, ClinicKey key, String kind, BodyReader<T> reader) {
        String name = String.valueOf(file.getFileName());
        verifyChecksum(file);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            Parsed parsed = parseHeader(in, file);
            Header h = parsed.header;
            if (!kind.equals(h.kind())) {
                throw new ProblemException(Problem.FILE_WRONG_KIND, name);
            }
            if (!key.clinicId().equals(h.clinicId())) {
                throw new ProblemException(Problem.FILE_OTHER_CLINIC, name);
            }
            if (!key.matches(h.keyCheck())) {
                throw new ProblemException(Problem.PASSPHRASE_WRONG, name);
            }
            byte[] prefix = in.readNBytes(8);
            long bodyEnd = Files.size(file) - 32 - parsed.length - 8;
            try (Opened body = new Opened(new LimitedInput(in, bodyEnd), key, prefix,
                    sha256().digest(parsed.rawHeader))) {
                T result = reader.read(body);
                body.drain();
                return result;
            }
        } catch (TamperedException e) {
            throw new ProblemException(Problem.FILE_TAMPERED, name);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static ProblemException unreadable(Path file, IOException e) {
        if (e instanceof EOFException) {
            return new ProblemException(Problem.FILE_DAMAGED, String.valueOf(file.getFileName()));
        }
        return new ProblemException(Problem.STORAGE_FAILED, e, file.toAbsolutePath().getParent());
    }

    private static void verifyChecksum(Path file) {
        String name = String.valueOf(file.getFileName());
        try {
            long size = Files.size(file);
            if (size < MAGIC.length + 1 + 4 + 8 + 32) {
                header(file); // says "not a Tandem file" rather than "damaged" for a short foreign file
                throw new ProblemException(Problem.FILE_DAMAGED, name);
            }
            MessageDigest sha = sha256();
            byte[] stored;
            try (DigestInputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16),
                    sha)) {
                byte[] buf = new byte[1 << 16];
                long left = size - 32;
                while (left > 0) {
                    int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                    if (n < 0) {
                        throw new EOFException();
                    }
                    left -= n;
                }
                in.on(false);
                stored = in.readNBytes(32);
            }
            if (!MessageDigest.isEqual(stored, sha.digest())) {
                header(file); // a foreign file is "not a Tandem file", not "damaged"
                throw new ProblemException(Problem.FILE_DAMAGED, name);
            }
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private record Parsed(Header header, byte[] rawHeader, long length) {
    }

    private static Parsed parseHeader(DataInputStream in, Path file) throws IOException {
        String name = String.valueOf(file.getFileName());
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new ProblemException(Problem.FILE_NOT_TANDEM, name);
        }
        int format = in.readUnsignedByte();
        if (format > FORMAT) {
            throw new ProblemException(Problem.FILE_NEWER_FORMAT, name);
        }
        int length = in.readInt();
        if (length <= 0 || length > MAX_HEADER) {
            throw new ProblemException(Problem.FILE_DAMAGED, name);
        }
        byte[] raw = in.readNBytes(length);
        if (raw.length < length) {
            throw new ProblemException(Problem.FILE_DAMAGED, name);
        }
        try {
            JsonNode node = JSON.readTree(raw);
            Map<String, String> fields = new LinkedHashMap<>();
            node.path("fields").fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().asText()));
            Header h = new Header(format, node.get("kind").asText(), UUID.fromString(node.get("clinic").asText()),
                    node.get("keyCheck").asText(), Instant.parse(node.get("created").asText()), fields);
            return new Parsed(h, raw, MAGIC.length + 1 + 4 + (long) length);
        } catch (RuntimeException | JsonProcessingException e) {
            throw new ProblemException(Problem.FILE_DAMAGED, name);
        }
    }

    private static byte[] headerJson(Header h) {
        ObjectNode node = JSON.createObjectNode();
        node.put("kind", h.kind());
        node.put("clinic", h.clinicId().toString());
        node.put("keyCheck", h.keyCheck());
        node.put("created", h.created().toString());
        ObjectNode fields = node.putObject("fields");
        h.fields().forEach(fields::put);
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static Cipher cipher(int mode, ClinicKey key, byte[] prefix, int index, byte[] headerDigest, boolean last)
            throws GeneralSecurityException {
        byte[] nonce = ByteBuffer.allocate(12).put(prefix).putInt(index).array();
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, key.aes(), new GCMParameterSpec(TAG_BITS, nonce));
        c.updateAAD(ByteBuffer.allocate(37).put(headerDigest).putInt(index).put((byte) (last ? 1 : 0)).array());
        return c;
    }

    /** Encrypts what is written to it in 1 MiB segments; closing writes the last segment. */
    private static final class Segments extends OutputStream {
        private final DataOutputStream out;
        private final ClinicKey key;
        private final byte[] prefix;
        private final byte[] headerDigest;
        private final byte[] buf = new byte[SEGMENT];
        private int used;
        private int index;
        private boolean closed;

        Segments(DataOutputStream out, ClinicKey key, byte[] prefix, byte[] headerDigest) {
            this.out = out;
            this.key = key;
            this.prefix = prefix;
            this.headerDigest = headerDigest;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (used == SEGMENT) {
                    seal(false);
                }
                int n = Math.min(len, SEGMENT - used);
                System.arraycopy(b, off, buf, used, n);
                used += n;
                off += n;
                len -= n;
            }
        }

        private void seal(boolean last) throws IOException {
            try {
                byte[] sealed = cipher(Cipher.ENCRYPT_MODE, key, prefix, index++, headerDigest, last)
                        .doFinal(buf, 0, used);
                out.writeInt(sealed.length | (last ? LAST : 0));
                out.write(sealed);
                used = 0;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
            }
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                seal(true);
            }
        }
    }

    private static final class TamperedException extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** Decrypts segment by segment; a failed tag, a missing last segment or bytes after it are tampering. */
    private static final class Opened extends InputStream {
        private final DataInputStream in;
        private final ClinicKey key;
        private final byte[] prefix;
        private final byte[] headerDigest;
        private byte[] plain = new byte[0];
        private int pos;
        private int index;
        private boolean ended;

        Opened(InputStream in, ClinicKey key, byte[] prefix, byte[] headerDigest) {
            this.in = new DataInputStream(in);
            this.key = key;
            this.prefix = prefix;
            this.headerDigest = headerDigest;
        }

        private boolean fill() throws IOException {
            while (pos == plain.length) {
                if (ended) {
                    return false;
                }
                int word;
                try {
                    word = in.readInt();
                } catch (EOFException e) {
                    throw new TamperedException();
                }
                boolean last = (word & LAST) != 0;
                int length = word & ~LAST;
                if (length < TAG_BITS / 8 || length > SEGMENT + TAG_BITS / 8) {
                    throw new TamperedException();
                }
                byte[] sealed = in.readNBytes(length);
                if (sealed.length < length) {
                    throw new TamperedException();
                }
                try {
                    plain = cipher(Cipher.DECRYPT_MODE, key, prefix, index++, headerDigest, last).doFinal(sealed);
                } catch (AEADBadTagException e) {
                    throw new TamperedException();
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
                }
                pos = 0;
                if (last) {
                    ended = true;
                    if (in.read() >= 0) {
                        throw new TamperedException();
                    }
                }
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            return fill() ? plain[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, plain.length - pos);
            System.arraycopy(plain, pos, b, off, n);
            pos += n;
            return n;
        }

        void drain() throws IOException {
            while (fill()) {
                pos = plain.length;
            }
        }
    }

    /** The body's bytes only, so the trailing checksum is never taken for a segment. */
    private static final class LimitedInput extends InputStream {
        private final InputStream in;
        private long left;

        LimitedInput(InputStream in, long left) {
            this.in = in;
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
