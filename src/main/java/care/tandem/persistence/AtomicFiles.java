package care.tandem.persistence;

import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;

/**
 * Writes a file so that a crash never leaves half a file under the real name: the content goes to a
 * temporary file in the same folder, which is then moved over the target.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Calls {@code writer} with a temporary path beside {@code target}, then moves it into place. */
    public static void write(Path target, Consumer<Path> writer) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + target.getFileName() + ".part");
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(tmp);
            writer.accept(tmp);
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
