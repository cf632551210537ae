package care.tandem.files;

import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * An export folder that ends holding exactly the files of one export, or is left as it was: the files are written
 * into a hidden staging folder beside it and the staging folder is moved into place when all are written. A failed
 * or cancelled export leaves nothing under the real name.
 */
public final class ExportFolder {
    private ExportFolder() {
    }

    /** Writes the export's files into the staging folder it is given. */
    @FunctionalInterface
    public interface Writer<T> {
        T write(Path staging) throws IOException;
    }

    /**
     * @throws ProblemException EXPORT_FOLDER_NOT_EMPTY when {@code out} holds anything (nothing is written), or
     *                          DISK_FULL / STORAGE_FAILED; a RuntimeException from the writer (a cancellation) passes
     *                          through after the staging folder is removed
     */
    public static <T> T write(Path out, Writer<T> writer) {
        Path target = out.toAbsolutePath().normalize();
        refuseNonEmpty(target);
        Path parent = target.getParent();
        Path staging = parent.resolve("." + target.getFileName() + ".partial-" + UUID.randomUUID());
        try {
            Files.createDirectories(staging);
            T result = writer.write(staging);
            refuseNonEmpty(target); // filled meanwhile by someone else
            Files.deleteIfExists(target);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, target);
            }
            return result;
        } catch (IOException e) {
            boolean full = String.valueOf(e.getMessage()).contains("No space left");
            throw new ProblemException(full ? Problem.DISK_FULL : Problem.STORAGE_FAILED, e, parent);
        } finally {
            deleteTree(staging);
        }
    }

    private static void refuseNonEmpty(Path target) {
        if (Files.isRegularFile(target)) {
            throw new ProblemException(Problem.EXPORT_FOLDER_NOT_EMPTY, target);
        }
        if (Files.isDirectory(target)) {
            try (Stream<Path> s = Files.list(target)) {
                if (s.findAny().isPresent()) {
                    throw new ProblemException(Problem.EXPORT_FOLDER_NOT_EMPTY, target);
                }
            } catch (IOException e) {
                throw new ProblemException(Problem.STORAGE_FAILED, e, target);
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // A leftover hidden staging folder holds no real name; the next export uses a new one.
        }
    }
}
