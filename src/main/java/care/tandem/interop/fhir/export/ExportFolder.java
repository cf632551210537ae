package care.tandem.interop.fhir.export;

import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;

/**
 * The export's output folder, which must hold nothing but the export: the files are written into a staging folder
 * beside it ({@code .<name>.export-<random>}) and moved into place whole when the export has finished, so a failed
 * or cancelled export leaves nothing under the real name (and removes its staging folder).
 */
public final class ExportFolder {
    private final Path target;
    private final Path staging;

    private ExportFolder(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /** Whether an export may go to {@code folder}: it does not exist yet, or is an empty folder. */
    public static boolean usable(Path folder) {
        if (!Files.exists(folder)) {
            return true;
        }
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (DirectoryStream<Path> d = Files.newDirectoryStream(folder)) {
            return !d.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Makes the staging folder beside {@code target}.
     *
     * @throws ProblemException EXPORT_FOLDER_NOT_EMPTY when {@code target} holds anything (or is a file);
     *                          STORAGE_FAILED or DISK_FULL when the staging folder cannot be made
     */
    public static ExportFolder stage(Path target) {
        Path t = target.toAbsolutePath().normalize();
        if (!usable(t)) {
            throw new ProblemException(Problem.EXPORT_FOLDER_NOT_EMPTY, t);
        }
        Path parent = t.getParent();
        try {
            Files.createDirectories(parent);
            Path staging = parent.resolve("." + t.getFileName() + ".export-" + UUID.randomUUID().toString()
                    .substring(0, 8));
            Files.createDirectory(staging);
            return new ExportFolder(t, staging);
        } catch (IOException e) {
            throw new ProblemException(diskFull(e) ? Problem.DISK_FULL : Problem.STORAGE_FAILED, e, parent);
        }
    }

    /** Where to write the files. */
    public Path staging() {
        return staging;
    }

    public Path target() {
        return target;
    }

    /**
     * Moves the finished export into place (as one rename where the file system allows).
     *
     * @throws ProblemException EXPORT_FOLDER_NOT_EMPTY when something was put in the target meanwhile
     */
    public void commit() {
        try {
            if (Files.isDirectory(target)) {
                if (!usable(target)) {
                    throw new ProblemException(Problem.EXPORT_FOLDER_NOT_EMPTY, target);
                }
                Files.delete(target);
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, target);
            }
        } catch (IOException e) {
            discard();
            throw new ProblemException(diskFull(e) ? Problem.DISK_FULL : Problem.STORAGE_FAILED, e, target);
        }
    }

    /** Removes the staging folder and everything in it. */
    public void discard() {
        if (!Files.exists(staging)) {
            return;
        }
        try {
            Files.walkFileTree(staging, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // What is left is a hidden staging folder, never the export's real name.
        }
    }

    private static boolean diskFull(IOException e) {
        return String.valueOf(e.getMessage()).contains("No space left");
    }
}
