package care.tandem.cli;

import care.tandem.AppContext;
import care.tandem.testing.MutableClock;
import care.tandem.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tandem sync} as a person uses it: joining, syncing, demo clinics, refusals and exit codes. */
class SyncCommandTest {
    @TempDir
    Path root;
    private final MutableClock clock = MutableClock.at("2026-11-23T16:00:00Z");
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        try {
            CommandLine cli = CommandLineFactory.create(dir -> 0, clock);
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            return cli.execute(args);
        } finally {
            Locale.setDefault(before);
        }
    }

    private static long families(Path dataDir, MutableClock clock) {
        try (AppContext app = TestApp.open(dataDir, clock)) {
            return app.families().count();
        }
    }

    @Test
    void aNewLaptopJoinsADemoClinicAndDemoAddsFamiliesToIt() throws Exception {
        Path usb = Files.createDirectories(root.resolve("usb"));
        Path a = root.resolve("a");
        Path b = root.resolve("b");
        assertEquals(0, run("demo", "--families", "30", "--seed", "3", "--data-dir", a.toString()), err.toString());
        assertEquals(0, run("sync", "--folder", usb.toString(), "--data-dir", a.toString()), err.toString());
        assertTrue(out.toString().contains("Wrote "), out.toString());

        // B is an empty folder: it joins the demo clinic with the documented demo passphrase.
        assertEquals(0, run("sync", "--folder", usb.toString(), "--data-dir", b.toString()), err.toString());
        assertTrue(out.toString().contains("This laptop joined"), out.toString());
        assertEquals(30, families(b, clock));

        // The joined folder is a demo folder: demo adds families to the same clinic, and sync brings them to A.
        assertEquals(0, run("demo", "--families", "10", "--seed", "4", "--data-dir", b.toString()), err.toString());
        assertEquals(0, run("sync", "--folder", usb.toString(), "--data-dir", b.toString()), err.toString());
        assertEquals(0, run("sync", "--folder", usb.toString(), "--data-dir", a.toString()), err.toString());
        assertTrue(out.toString().contains("2 package(s) read"), out.toString()); // B's first, and the one after demo
        assertEquals(40, families(a, clock));
        assertEquals(40, families(b, clock));
    }

    @Test
    void aRealClinicNeedsItsPassphraseAndDemoRefusesAFolderThatJoinedIt() throws Exception {
        Path usb = Files.createDirectories(root.resolve("usb"));
        Path real = root.resolve("real");
        try (AppContext app = TestApp.signedIn(real, clock)) {
            app.families().save(TestApp.family(TestApp.child("Ana", "Soto", java.time.LocalDate.of(2025, 3, 1)),
                    TestApp.caregiver("Inés", "Soto", care.tandem.domain.family.Relationship.MOTHER, "5105550100")));
        }
        Path pass = Files.writeString(root.resolve("pass.txt"), "the clinic's passphrase\n");
        Path wrong = Files.writeString(root.resolve("wrong.txt"), "not the passphrase\n");
        assertEquals(2, run("sync", "--folder", usb.toString(), "--data-dir", real.toString()));
        assertTrue(err.toString().contains("passphrase"), err.toString());
        assertEquals(0, run("sync", "--folder", usb.toString(), "--data-dir", real.toString(),
                "--passphrase-file", pass.toString()), err.toString());

        Path joined = root.resolve("joined");
        assertEquals(2, run("sync", "--folder", usb.toString(), "--data-dir", joined.toString(),
                "--passphrase-file", wrong.toString()));
        assertTrue(err.toString().contains("passphrase"), err.toString());
        assertEquals(0, run("sync", "--folder", usb.toString(), "--data-dir", joined.toString(),
                "--passphrase-file", pass.toString()), err.toString());
        assertEquals(1, families(joined, clock));

        assertEquals(2, run("demo", "--families", "5", "--data-dir", joined.toString()));
        assertEquals(1, families(joined, clock), "demo added nothing to a real clinic");

        // A damaged package: refused with a clear message and exit status 2; the rest of the sync still happens.
        try (AppContext app = TestApp.open(real, clock)) {
            app.accounts().signIn(TestApp.ADMIN, TestApp.PASSWORD.toCharArray());
            app.families().save(TestApp.family(TestApp.child("Eva", "Soto", java.time.LocalDate.of(2025, 4, 1)),
                    TestApp.caregiver("Inés", "Soto", care.tandem.domain.family.Relationship.MOTHER, "5105550100")));
        }
        assertEquals(0, run("sync", "--folder", usb.toString(), "--data-dir", real.toString(),
                "--passphrase-file", pass.toString()), err.toString());
        Path latest;
        try (Stream<Path> s = Files.list(usb)) {
            latest = s.filter(p -> p.getFileName().toString().endsWith("000002.tandem-sync")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(latest);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(latest, bytes);
        assertEquals(2, run("sync", "--folder", usb.toString(), "--data-dir", joined.toString(),
                "--passphrase-file", pass.toString()));
        assertTrue(err.toString().contains("Refused: The file " + latest.getFileName() + " is damaged"), err.toString());
        assertEquals(1, families(joined, clock));

        assertEquals(2, run("sync", "--folder", root.resolve("no-such-folder").toString(), "--data-dir",
                joined.toString(), "--passphrase-file", pass.toString()));
        assertTrue(err.toString().contains("cannot be used"), err.toString());
    }
}
