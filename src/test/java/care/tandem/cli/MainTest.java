package care.tandem.cli;

import care.tandem.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line as a person uses it: output, exit codes, and clear messages for bad input. */
class MainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path openedWindowOn;

    private int run(String... args) {
        CommandLine cli = CommandLineFactory.create(dir -> {
            openedWindowOn = dir;
            return 0;
        }, MutableClock.at("2026-11-23T16:00:00Z"));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void versionPrintsTheVersion() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().startsWith("Tandem 0."), out.toString());
    }

    @Test
    void noSubcommandOpensTheWindowOnTheChosenFolder(@TempDir Path dir) {
        assertEquals(0, run("--data-dir", dir.toString()));
        assertEquals(dir, openedWindowOn);
    }

    @Test
    void demoFillsAFolderAndPrintsTheDemoSignIns(@TempDir Path dir) {
        assertEquals(0, run("demo", "--families", "25", "--seed", "5", "--data-dir", dir.toString()));
        String text = out.toString();
        assertTrue(text.contains("Added 25 synthetic families"), text);
        assertTrue(text.contains("clinician-demo"), text);
        assertTrue(Files.exists(dir.resolve("tandem.db")));
    }

    @Test
    void demoRefusesAFolderWithRealDataWithExitCode2AndAClearMessage(@TempDir Path dir) {
        try (var app = care.tandem.testing.TestApp.signedIn(dir, MutableClock.at("2026-11-23T16:00:00Z"))) {
            assertTrue(app.clinic().info().clinicName().length() > 0);
        }
        assertEquals(2, run("demo", "--families", "5", "--data-dir", dir.toString()));
        assertTrue(err.toString().contains("real records"), err.toString());
    }

    @Test
    void aNegativeFamilyCountIsRefusedWithUsage(@TempDir Path dir) {
        assertEquals(2, run("demo", "--families", "-3", "--data-dir", dir.toString()));
        assertTrue(err.toString().contains("--families"), err.toString());
    }

    @Test
    void anUnknownOptionIsRefusedWithUsage() {
        assertEquals(2, run("--frobnicate"));
        assertTrue(err.toString().contains("Unknown option"), err.toString());
    }

    @Test
    void aDamagedDatabaseGetsAClearMessageAndExitCode1(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tandem.db"), "not a database ".repeat(200));
        assertEquals(1, run("demo", "--families", "5", "--data-dir", dir.toString()));
        assertTrue(err.toString().contains("damaged"), err.toString());
    }

    @Test
    void aNewDemoClinicTakesTheDemoPassphraseAndAWrongOneAddsNothing(@TempDir Path dir) throws Exception {
        assertEquals(0, run("demo", "--families", "3", "--seed", "5", "--data-dir", dir.toString()));
        assertTrue(out.toString().contains("sync passphrase"), out.toString());
        Path wrong = dir.resolveSibling(dir.getFileName() + "-wrong.txt");
        Files.writeString(wrong, "not the demo passphrase\n");
        assertEquals(2, run("demo", "--families", "3", "--passphrase-file", wrong.toString(),
                "--data-dir", dir.toString()));
        assertTrue(err.toString().contains("not this clinic's sync passphrase"), err.toString());
        assertTrue(out.toString().contains("(3 families in all)"), "nothing added after the refusal");
        Path right = dir.resolveSibling(dir.getFileName() + "-right.txt");
        Files.writeString(right, care.tandem.files.ClinicKey.DEMO_PASSPHRASE + "\n");
        assertEquals(0, run("demo", "--families", "2", "--passphrase-file", right.toString(),
                "--data-dir", dir.toString()));
        assertTrue(out.toString().contains("(5 families in all)"), out.toString());
        Files.delete(wrong);
        Files.delete(right);
    }

    @Test
    void aMissingPassphraseFileIsBadInput(@TempDir Path dir) {
        assertEquals(2, run("demo", "--families", "1", "--passphrase-file", dir.resolve("none.txt").toString(),
                "--data-dir", dir.toString()));
        assertTrue(err.toString().contains("Cannot read the passphrase file"), err.toString());
    }
}
