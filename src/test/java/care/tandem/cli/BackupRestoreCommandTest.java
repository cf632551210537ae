package care.tandem.cli;

import care.tandem.AppContext;
import care.tandem.testing.DatabaseDigest;
import care.tandem.testing.MutableClock;
import care.tandem.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tandem backup} and {@code tandem restore} as a person runs them: output, what changed, exit codes. */
class BackupRestoreCommandTest {
    private static final Set<String> CHANGED_BY_RESTORE = Set.of("audit_event", "install_meta");
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    /** What the person types at the prompt; null: input is not a terminal. */
    private String typed;

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = CommandLineFactory.create(d -> 0, MutableClock.at("2026-11-23T16:00:00Z"));
        RestoreCommand restore = cli.getSubcommands().get("restore").getCommand();
        restore.terminal = new RestoreCommand.Terminal() {
            @Override
            public boolean present() {
                return typed != null;
            }

            @Override
            public String ask(String question) {
                out.write(question);
                return typed;
            }
        };
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path demoFolder(String name, int families) {
        Path folder = dir.resolve(name);
        assertEquals(0, run("demo", "--families", Integer.toString(families), "--seed", "3", "--data-dir",
                folder.toString()));
        return folder;
    }

    private static Path onlyFile(Path folder, String ending) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().endsWith(ending)).toList();
            assertEquals(1, found.size(), found.toString());
            return found.get(0);
        }
    }

    @Test
    void backupToAFolderWritesOneEncryptedFileThatRestoreShowsAndRestoresWithYes() throws IOException {
        Path folder = demoFolder("data", 12);
        Path stick = dir.resolve("usb");

        assertEquals(0, run("backup", "--out", stick.toString(), "--data-dir", folder.toString()));
        assertTrue(out.toString().contains("encrypted backup"), out.toString());
        Path sealed = onlyFile(stick, ".tandem-backup");
        String atBackup = DatabaseDigest.digest(onlyFile(folder.resolve("backups"), ".db"), CHANGED_BY_RESTORE);

        Path laptop = dir.resolve("laptop");
        assertEquals(0, run("restore", sealed.toString(), "--yes", "--data-dir", laptop.toString()));

        String text = out.toString();
        assertTrue(text.contains("12 families"), text);
        assertTrue(text.contains("holds no database yet"), text);
        assertTrue(text.contains("Restored the backup made"), text);
        assertEquals(atBackup, DatabaseDigest.digest(laptop.resolve("tandem.db"), CHANGED_BY_RESTORE));
    }

    @Test
    void withoutYesAndWithoutATerminalRestoreShowsTheComparisonAndReplacesNothing() throws IOException {
        Path folder = demoFolder("data", 6);
        assertEquals(0, run("backup", "--data-dir", folder.toString()));
        Path plain = onlyFile(folder.resolve("backups"), ".db");
        try (AppContext app = TestApp.open(folder, MutableClock.at("2026-11-23T17:00:00Z"))) {
            app.demo().addFamilies(3, 9L, n -> { }, () -> false);
        }
        String before = DatabaseDigest.digest(folder.resolve("tandem.db"), Set.of());

        assertEquals(1, run("restore", plain.toString(), "--data-dir", folder.toString()));

        String text = out.toString();
        assertTrue(text.contains("6 families"), text);
        assertTrue(text.contains("9 families"), text);
        assertTrue(text.contains("Nothing was replaced."), text);
        assertEquals(before, DatabaseDigest.digest(folder.resolve("tandem.db"), Set.of()));
    }

    @Test
    void onATerminalTheRestoreIsAskedForAndOnlyYesReplaces() throws IOException {
        Path folder = demoFolder("data", 5);
        assertEquals(0, run("backup", "--data-dir", folder.toString()));
        Path plain = onlyFile(folder.resolve("backups"), ".db");
        try (AppContext app = TestApp.open(folder, MutableClock.at("2026-11-23T17:00:00Z"))) {
            app.demo().addFamilies(2, 9L, n -> { }, () -> false);
        }

        typed = "n";
        assertEquals(1, run("restore", plain.toString(), "--data-dir", folder.toString()));
        assertTrue(out.toString().contains("[y/N]"), out.toString());
        assertEquals(7, familiesIn(folder));

        typed = "y";
        assertEquals(0, run("restore", plain.toString(), "--data-dir", folder.toString()));
        assertEquals(5, familiesIn(folder));
    }

    private static long familiesIn(Path folder) {
        try (AppContext app = TestApp.open(folder, MutableClock.at("2026-11-23T18:00:00Z"))) {
            return app.families().count();
        }
    }

    @Test
    void aWrongPassphraseIsBadInputAndReplacesNothing() throws IOException {
        Path folder = demoFolder("data", 4);
        Path stick = dir.resolve("usb");
        assertEquals(0, run("backup", "--out", stick.toString(), "--data-dir", folder.toString()));
        Path sealed = onlyFile(stick, ".tandem-backup");
        Path wrong = dir.resolve("wrong.txt");
        Files.writeString(wrong, "not the clinic passphrase\n");
        String before = DatabaseDigest.digest(folder.resolve("tandem.db"), Set.of());

        assertEquals(2, run("restore", sealed.toString(), "--yes", "--passphrase-file", wrong.toString(),
                "--data-dir", folder.toString()));

        assertTrue(err.toString().contains("not this clinic's sync passphrase"), err.toString());
        assertEquals(before, DatabaseDigest.digest(folder.resolve("tandem.db"), Set.of()));
    }

    @Test
    void aFileThatIsNotABackupOrIsMissingIsBadInput() throws IOException {
        Path folder = demoFolder("data", 2);
        Path junk = dir.resolve("junk.db");
        Files.writeString(junk, "SQLite format 3\0 but not really".repeat(100));

        assertEquals(2, run("restore", junk.toString(), "--yes", "--data-dir", folder.toString()));
        assertTrue(err.toString().contains("damaged"), err.toString());
        assertEquals(2, run("restore", dir.resolve("absent.tandem-backup").toString(), "--yes",
                "--data-dir", folder.toString()));
    }

    @Test
    void restoreIsRefusedWhileTandemHasTheFolderOpen() throws IOException {
        Path folder = demoFolder("data", 2);
        assertEquals(0, run("backup", "--data-dir", folder.toString()));
        Path plain = onlyFile(folder.resolve("backups"), ".db");
        try (AppContext app = TestApp.open(folder, MutableClock.at("2026-11-23T17:00:00Z"))) {
            assertEquals(1, run("restore", plain.toString(), "--yes", "--data-dir", folder.toString()));
            assertTrue(err.toString().contains("already open"), err.toString());
        }
        assertFalse(out.toString().contains("Restored"));
    }
}
