package care.tandem.files;

import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that a crash never leaves half a file under the real name: the content goes to a
 * temporary file in the same folder, which is then moved over the target. It lives outside the layers because
 * persistence (backups) and interop (PDFs) both write files this way, and neither may depend on the other.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes the whole content to a temporary file; an {@link IOException} fails the write. */
    @FunctionalInterface
    public interface Writer {
        void write(Path tmp) throws IOException;
    }

    /**
     * Calls {@code writer} with a temporary path beside {@code target}, then moves it into place. On any failure the
     * temporary file is removed and what was under the real name is left as it was.
     *
     * @throws ProblemException DISK_FULL or STORAGE_FAILED (with the folder) when the file cannot be written
     */
    public static void write(Path target, Writer writer) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + target.getFileName() + ".part");
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(tmp);
            writer.write(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ProblemException(isDiskFull(e) ? Problem.DISK_FULL : Problem.STORAGE_FAILED, e, dir);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // A leftover .part file holds no real name and is replaced by the next write.
            }
        }
    }

    private static boolean isDiskFull(IOException e) {
        return String.valueOf(e.getMessage()).contains("No space left");
    }
}
