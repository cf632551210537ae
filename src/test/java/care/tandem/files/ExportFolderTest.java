package care.tandem.files;

import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExportFolderTest {
    private static long count(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void aNewFolderEndsHoldingExactlyTheExport(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("export");
        int n = ExportFolder.write(out, staging -> {
            Files.writeString(staging.resolve("a.csv"), "x");
            Files.writeString(staging.resolve("b.csv"), "y");
            return 2;
        });
        assertEquals(2, n);
        assertEquals(2, count(out));
        assertEquals(1, count(dir), "no staging folder left");
    }

    @Test
    void anEmptyFolderIsUsed(@TempDir Path dir) throws IOException {
        Path out = Files.createDirectory(dir.resolve("export"));
        ExportFolder.write(out, staging -> Files.writeString(staging.resolve("a.csv"), "x"));
        assertEquals(1, count(out));
    }

    @Test
    void aNonEmptyFolderIsRefusedAndLeftAsItWas(@TempDir Path dir) throws IOException {
        Path out = Files.createDirectory(dir.resolve("export"));
        Files.writeString(out.resolve("mine.txt"), "keep");
        ProblemException e = assertThrows(ProblemException.class,
                () -> ExportFolder.write(out, staging -> Files.writeString(staging.resolve("a.csv"), "x")));
        assertEquals(Problem.EXPORT_FOLDER_NOT_EMPTY, e.problem());
        assertEquals(1, count(out));
        assertEquals("keep", Files.readString(out.resolve("mine.txt")));
    }

    @Test
    void aCancelledExportLeavesNothing(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("export");
        assertThrows(CancellationException.class, () -> ExportFolder.write(out, staging -> {
            Files.writeString(staging.resolve("a.csv"), "x");
            throw new CancellationException();
        }));
        assertFalse(Files.exists(out));
        assertEquals(0, count(dir));
    }
}
