package care.tandem.cli;

import care.tandem.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tandem export} as a person uses it: what it writes, and exit status 2 with a clear message for bad input. */
class ExportCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = CommandLineFactory.create(dir -> 0, MutableClock.at("2026-11-23T16:00:00Z"));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path demo(Path dir) {
        Path data = dir.resolve("data");
        assertEquals(0, run("demo", "--families", "15", "--seed", "3", "--data-dir", data.toString()));
        return data;
    }

    @Test
    void exportsNdjsonOfADemoFolderAndSaysItIsTestData(@TempDir Path dir) throws IOException {
        Path data = demo(dir);
        Path target = dir.resolve("export");
        assertEquals(0, run("export", "--format", "ndjson", "--out", target.toString(), "--data-dir", data.toString()),
                err.toString());
        assertTrue(out.toString().contains("Exported 15 families"), out.toString());
        assertTrue(out.toString().contains("HTEST"), out.toString());
        try (Stream<Path> files = Files.list(target)) {
            assertTrue(files.map(p -> p.getFileName().toString()).toList().contains("Patient.ndjson"));
        }
    }

    @Test
    void exportsFhirBundlesChangedSinceADate(@TempDir Path dir) throws IOException {
        Path data = demo(dir);
        Path target = dir.resolve("export");
        assertEquals(0, run("export", "--format", "fhir", "--out", target.toString(), "--since", "2026-11-01",
                "--data-dir", data.toString()), err.toString());
        try (Stream<Path> files = Files.list(target)) {
            assertEquals(List.of("bundle-00001.json"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aBadDateIsRefusedWithTheFormatExpected(@TempDir Path dir) {
        Path data = demo(dir);
        assertEquals(2, run("export", "--format", "fhir", "--out", dir.resolve("x").toString(), "--since",
                "31/01/2026", "--data-dir", data.toString()));
        assertTrue(err.toString().contains("YYYY-MM-DD"), err.toString());
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @Test
    void aFolderThatIsNotEmptyIsRefused(@TempDir Path dir) throws IOException {
        Path data = demo(dir);
        Path target = Files.createDirectories(dir.resolve("export"));
        Files.writeString(target.resolve("keep.txt"), "keep");
        assertEquals(2, run("export", "--format", "ndjson", "--out", target.toString(), "--data-dir", data.toString()));
        assertTrue(err.toString().contains("is not empty"), err.toString());
        try (Stream<Path> files = Files.list(target)) {
            assertEquals(List.of(target.resolve("keep.txt")), files.toList());
        }
    }

    @Test
    void anUnknownFormatIsRefused(@TempDir Path dir) {
        Path data = demo(dir);
        assertEquals(2, run("export", "--format", "xml", "--out", dir.resolve("x").toString(), "--data-dir",
                data.toString()));
        assertTrue(err.toString().contains("fhir, ndjson or csv"), err.toString());
    }

    @Test
    void csvIsWrittenWithoutPrivateContentWhichTheCommandLineCannotInclude(@TempDir Path dir) throws IOException {
        Path data = demo(dir);
        assertEquals(2, run("export", "--format", "csv", "--include-private", "--out", dir.resolve("p").toString(),
                "--data-dir", data.toString()));
        assertTrue(err.toString().contains("--include-private needs a clinician"), err.toString());
        assertFalse(Files.exists(dir.resolve("p")));
        Path target = dir.resolve("csv");
        assertEquals(0, run("export", "--format", "csv", "--out", target.toString(), "--data-dir", data.toString()),
                err.toString());
        assertTrue(out.toString().contains("with its data dictionary"), out.toString());
        try (Stream<Path> files = Files.list(target)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().endsWith(".csv")));
        }
    }
}
