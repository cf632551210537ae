package care.tandem.service;

import care.tandem.AppContext;
import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;
import care.tandem.interop.csv.QualityCsv;
import care.tandem.interop.csv.QualityCsv.Sheet;
import care.tandem.testing.MutableClock;
import care.tandem.testing.TestApp;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CSV export for quality work, on a demo folder: files, encoding, private content, since, refusals. */
class CsvExportServiceTest {
    private static final MutableClock CLOCK = MutableClock.at("2026-11-23T16:00:00Z");
    @TempDir
    static Path dir;
    private static AppContext app;

    @BeforeAll
    static void demo() {
        app = TestApp.open(dir.resolve("data"), CLOCK);
        app.demo().addFamilies(150, 11L, n -> { }, () -> false);
    }

    @AfterAll
    static void close() {
        app.close();
    }

    private static void signIn(String user) {
        app.accounts().signOut();
        app.accounts().signIn(user, (user + "-demo").toCharArray());
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), "byte-order mark for Excel");
        assertTrue(text.contains("\r\n"), "CRLF line ends");
        return CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();
    }

    private static List<CSVRecord> rows(Path out, Sheet s) throws IOException {
        assertArrayEquals(s.header(), read(out.resolve(s.file())).get(0).values(), s.file() + " header");
        String text = Files.readString(out.resolve(s.file()), StandardCharsets.UTF_8).substring(1);
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
    }

    private static java.sql.Connection db() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data").resolve("tandem.db"));
    }

    private static long count(String sql) {
        try (var c = db(); var ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void writesEverySheetAndTheDictionaryAndNothingElse(@TempDir Path tmp) throws IOException {
        signIn("clinician");
        Path out = tmp.resolve("quality");
        CsvExportService.Result r = app.csvExport().export(out, null, false, ExportProgress.NONE);
        Set<String> expected = Arrays.stream(Sheet.values()).map(Sheet::file).collect(Collectors.toSet());
        expected = new java.util.HashSet<>(expected);
        expected.add(QualityCsv.DICTIONARY);
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(expected, files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
        assertEquals(count("SELECT count(*) FROM screening WHERE deleted_at IS NULL"),
                rows(out, Sheet.SCREENINGS).size());
        assertEquals(count("SELECT count(*) FROM visit WHERE deleted_at IS NULL"), rows(out, Sheet.VISITS).size());
        assertEquals(count("SELECT count(*) FROM referral WHERE deleted_at IS NULL AND private = 0"),
                rows(out, Sheet.REFERRALS).size());
        assertEquals(r.rows().get(Sheet.SCREENINGS), (long) rows(out, Sheet.SCREENINGS).size());
        long codes = count("SELECT count(*) FROM visit_billing_code WHERE removed_at IS NULL AND confidential = 0");
        assertTrue(codes > 0, "the demo's signed notes have accepted codes");
        assertEquals(codes, rows(out, Sheet.VISIT_CODES).size(), "confidential codes left out");
        List<CSVRecord> dictionary = read(out.resolve(QualityCsv.DICTIONARY));
        for (Sheet s : Sheet.values()) {
            for (QualityCsv.Column c : s.columns()) {
                assertTrue(dictionary.stream().anyMatch(d -> d.get(0).equals(s.file()) && d.get(1).equals(c.name())),
                        s.file() + " " + c.name() + " explained");
            }
        }
        assertTrue(dictionary.stream().anyMatch(d -> d.get(1).equals("private_content") && d.get(3).equals("left out")));
    }

    @Test
    void noNamesOrPhoneNumbersAreWritten(@TempDir Path tmp) throws IOException {
        signIn("clinician");
        Path out = tmp.resolve("quality");
        app.csvExport().export(out, null, true, ExportProgress.NONE);
        StringBuilder all = new StringBuilder();
        for (Sheet s : Sheet.values()) {
            all.append(Files.readString(out.resolve(s.file()), StandardCharsets.UTF_8));
        }
        List<String> names = new ArrayList<>();
        try (var c = db(); var ps = c.prepareStatement("SELECT given_name, family_name, phone FROM person LIMIT 200");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
                names.add(rs.getString(2));
                names.add(rs.getString(3));
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        for (String n : names) {
            if (n != null && n.length() > 3) {
                assertFalse(all.toString().contains("," + n + ","), n);
                assertFalse(all.toString().contains("," + n + "\r\n"), n);
            }
        }
    }

    @Test
    void privateContentIsLeftOutWithoutTellingWhichScreenHadIt(@TempDir Path tmp) throws IOException {
        signIn("clinician");
        assertTrue(count("SELECT count(*) FROM referral WHERE private = 1") > 0, "the demo has private referrals");
        Path out = tmp.resolve("without");
        app.csvExport().export(out, null, false, ExportProgress.NONE);
        assertTrue(rows(out, Sheet.SCREENING_DOMAINS).stream().noneMatch(r -> r.get("domain").equals("safety")));
        List<CSVRecord> ahc = rows(out, Sheet.SCREENINGS).stream()
                .filter(r -> r.get("instrument").equals("ahc-hrsn")).toList();
        assertFalse(ahc.isEmpty());
        for (CSVRecord r : ahc) { // every AHC screen alike, positive safety or not
            assertEquals("left out", r.get("private_parts"));
            assertEquals("", r.get("total"));
        }
        List<String> referralIds = rows(out, Sheet.REFERRALS).stream().map(r -> r.get("referral_id")).toList();
        assertTrue(rows(out, Sheet.REFERRAL_EVENTS).stream().allMatch(e -> referralIds.contains(e.get("referral_id"))),
                "no history of a referral left out");

        Path with = tmp.resolve("with");
        app.csvExport().export(with, null, true, ExportProgress.NONE);
        assertTrue(rows(with, Sheet.SCREENING_DOMAINS).stream().anyMatch(r -> r.get("domain").equals("safety")));
        assertEquals(count("SELECT count(*) FROM referral WHERE deleted_at IS NULL"),
                rows(with, Sheet.REFERRALS).size());
        assertEquals(count("SELECT count(*) FROM visit_billing_code WHERE removed_at IS NULL"),
                rows(with, Sheet.VISIT_CODES).size());
        assertTrue(rows(with, Sheet.SCREENINGS).stream().filter(r -> r.get("instrument").equals("ahc-hrsn"))
                .allMatch(r -> r.get("private_parts").equals("included")));
    }

    @Test
    void onlyCliniciansMayIncludePrivateContent(@TempDir Path tmp) {
        signIn("admin");
        Path out = tmp.resolve("quality");
        assertFalse(app.csvExport().mayIncludePrivate());
        assertEquals(Problem.NOT_ALLOWED, assertThrows(ProblemException.class,
                () -> app.csvExport().export(out, null, true, ExportProgress.NONE)).problem());
        assertFalse(Files.exists(out));
        signIn("supervisor");
        assertTrue(app.csvExport().mayIncludePrivate());
    }

    @Test
    void sinceTomorrowGivesHeadersOnlyAndSinceLongAgoEverything(@TempDir Path tmp) throws IOException {
        signIn("clinician");
        Path none = tmp.resolve("none");
        app.csvExport().export(none, LocalDate.of(2026, 11, 24), false, ExportProgress.NONE);
        for (Sheet s : Sheet.values()) {
            assertEquals(0, rows(none, s).size(), s.file());
        }
        Path recent = tmp.resolve("recent");
        app.csvExport().export(recent, LocalDate.of(2026, 11, 1), false, ExportProgress.NONE);
        Path all = tmp.resolve("all");
        app.csvExport().export(all, LocalDate.of(1990, 1, 1), false, ExportProgress.NONE);
        int recentVisits = rows(recent, Sheet.VISITS).size();
        assertTrue(recentVisits > 0 && recentVisits < rows(all, Sheet.VISITS).size(), "since filters visits");
        assertTrue(rows(recent, Sheet.VISITS).stream()
                .allMatch(r -> !LocalDate.parse(r.get("visit_date")).isBefore(LocalDate.of(2026, 11, 1))
                        || !r.get("codes").isEmpty()));
    }

    @Test
    void aCancelledExportLeavesNoFolderAndTheExportIsAudited(@TempDir Path tmp) {
        signIn("clinician");
        Path out = tmp.resolve("quality");
        assertThrows(CancellationException.class, () -> app.csvExport().export(out, null, false, new ExportProgress() {
            @Override
            public void step(String what, long done, long total) {
            }

            @Override
            public boolean cancelled() {
                return true;
            }
        }));
        assertFalse(Files.exists(out));
        long before = count("SELECT count(*) FROM audit_event WHERE action = 'EXPORT'");
        app.csvExport().export(out, null, false, ExportProgress.NONE);
        assertEquals(before + 1, count("SELECT count(*) FROM audit_event WHERE action = 'EXPORT'"));
    }
}
