package care.tandem.domain.note;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The content hash stored when a note is signed and checked whenever it is opened: SHA-256 of the content's
 * canonical text ({@link NoteContent#canonical()}) in lowercase hex. The text is hashed as ASCII, every other
 * character written as its {@code \\uXXXX} escape, so the hash never depends on a platform's default encoding.
 */
public final class NoteHash {
    private NoteHash() {
    }

    public static String of(NoteContent content) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        String text = content.canonical();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch < 0x80 && ch != '\\') {
                sha.update((byte) ch);
            } else {
                String escape = String.format("\\u%04x", (int) ch);
                for (int k = 0; k < escape.length(); k++) {
                    sha.update((byte) escape.charAt(k));
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
