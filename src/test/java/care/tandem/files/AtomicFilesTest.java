package care.tandem.files;

import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AtomicFilesTest {

    @Test
    void theContentReplacesTheFileAndNoPartFileIsLeft(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sub").resolve("out.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "old");

        AtomicFiles.write(file, tmp -> Files.writeString(tmp, "new"));

        assertEquals("new", Files.readString(file));
        assertEquals(List.of(file), list(file.getParent()));
    }

    @Test
    void aFailureHalfWayLeavesTheOldFileAsItWasAndNoPartFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("out.txt");
        Files.writeString(file, "old");

        ProblemException e = assertThrows(ProblemException.class, () -> AtomicFiles.write(file, tmp -> {
            Files.writeString(tmp, "half of the n");
            throw new IOException("simulated failure");
        }));

        assertEquals(Problem.STORAGE_FAILED, e.problem());
        assertEquals("old", Files.readString(file));
        assertEquals(List.of(file), list(dir));
    }

    @Test
    void aFailedFirstWriteLeavesNoFileUnderTheRealName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("out.txt");

        assertThrows(ProblemException.class, () -> AtomicFiles.write(file, tmp -> {
            Files.writeString(tmp, "half");
            throw new IOException("simulated failure");
        }));

        assertEquals(List.of(), list(dir));
    }

    @Test
    void aFullDiskIsToldApartFromOtherFailures(@TempDir Path dir) {
        ProblemException e = assertThrows(ProblemException.class, () -> AtomicFiles.write(dir.resolve("out.txt"),
                tmp -> {
                    throw new IOException("No space left on device");
                }));

        assertEquals(Problem.DISK_FULL, e.problem());
        assertEquals(List.of(dir.toAbsolutePath()), e.args(), "the folder, never the file name, is named");
    }

    @Test
    void aFolderThatCannotBeMadeIsAStorageFailure(@TempDir Path dir) throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("a-file"), "x");

        ProblemException e = assertThrows(ProblemException.class,
                () -> AtomicFiles.write(notAFolder.resolve("out.txt"), tmp -> Files.writeString(tmp, "new")));

        assertEquals(Problem.STORAGE_FAILED, e.problem());
        assertFalse(Files.exists(notAFolder.resolve("out.txt")));
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
