package care.tandem.bench;

import care.tandem.AppContext;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.note.Note;
import care.tandem.domain.referral.ContactOutcome;
import care.tandem.domain.screening.AdministrationMode;
import care.tandem.domain.screening.Answer;
import care.tandem.domain.screening.Instrument;
import care.tandem.domain.screening.Item;
import care.tandem.domain.screening.Screening;
import care.tandem.domain.screening.Visit;
import care.tandem.files.ClinicKey;
import care.tandem.service.ReferralFilter;
import care.tandem.service.ReferralListItem;
import care.tandem.service.SignInResult;
import care.tandem.service.SyncService;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A day's sync package for a busy clinic, on a demo folder, through the real services (issue 6, docs/sync.md):
 * <ol>
 *   <li>laptop A writes its first package (everything it holds: what a new laptop reads to join), and laptop B joins
 *       from it;</li>
 *   <li>a day's work on A: 40 visits with a PHQ-9 and a signed note each, 20 referral follow-ups, 30 demographic
 *       edits;</li>
 *   <li>A writes the day's package; B reads it.</li>
 * </ol>
 * Prints each package's size, write and read times, and peak heap. Writes to both folders: run it on copies.
 * Usage: SyncBench DEMO_COPY EMPTY_DIR SYNC_DIR
 */
public final class SyncBench {
    private static final String[] QUERIES = {"ma", "jo", "lo", "ga", "sm", "he", "ro", "an", "em", "li", "so", "ca"};

    private SyncBench() {
    }

    public static void main(String[] args) throws Exception {
        Path a = Path.of(args[0]);
        Path b = Path.of(args[1]);
        Path usb = Files.createDirectories(Path.of(args[2]));
        char[] pass = ClinicKey.DEMO_PASSPHRASE.toCharArray();
        Clock clock = Clock.systemDefaultZone();
        ClinicKey key;
        try (AppContext app = AppContext.open(a, clock)) {
            key = app.clinic().unlock(pass).key();
            long t = System.nanoTime();
            SyncService.Summary first = app.sync().syncNow(usb, key, SyncService.Progress.NONE);
            double ms = (System.nanoTime() - t) / 1e6;
            System.out.printf("sync: %,d families; first package (everything A holds): %,d records, %s, written in"
                            + " %,.0f ms%n", app.families().count(), first.recordsOut(),
                    size(usb.resolve(first.written())), ms);
        }
        ClinicKey joinKey = key;
        try (AppContext app = AppContext.open(b, clock)) {
            long t = System.nanoTime();
            SyncService.Summary joined = app.sync().join(usb, id -> joinKey, SyncService.Progress.NONE);
            double ms = (System.nanoTime() - t) / 1e6;
            System.out.printf("sync: laptop B joined from it: %,d records taken in, %,.0f ms; peak heap so far %s%n",
                    joined.recordsIn(), ms, peakHeap());
        }
        resetPeaks();

        int visits;
        int followUps;
        int edits;
        try (AppContext app = AppContext.open(a, clock)) {
            if (!(app.accounts().signIn("clinician", "clinician-demo".toCharArray()) instanceof SignInResult.Success)) {
                throw new IllegalStateException("demo sign-in failed: is " + a + " a demo folder?");
            }
            Map<UUID, Family> picked = new LinkedHashMap<>();
            for (String q : QUERIES) {
                for (Family f : app.families().search(q)) {
                    if (!f.children().isEmpty() && !f.caregivers().isEmpty()) {
                        picked.putIfAbsent(f.id(), f);
                    }
                }
            }
            List<Family> families = new ArrayList<>(picked.values());
            Instrument phq9 = app.screening().instruments().get("phq9");
            Random random = new Random(7);
            visits = 0;
            for (Family f : families.subList(0, 40)) {
                Member child = f.children().stream().filter(c -> c.birthDate() != null)
                        .max(Comparator.comparing(Member::birthDate)).orElse(f.children().get(0));
                Member caregiver = f.caregivers().get(0);
                Visit v = app.screening().visitToday(f.id(), child.id(), List.of(caregiver.id()));
                Screening x = app.screening().start(v.id(), caregiver.id(), caregiver.id(), "phq9", "en",
                        AdministrationMode.SELF);
                for (Item item : phq9.items().subList(0, 9)) {
                    int points = item.number() == 9 ? 0 : random.nextInt(4);
                    app.screening().answer(x.id(),
                            Answer.choice(item.code(), phq9.optionForDigit(item, points).orElseThrow().code()));
                }
                app.screening().finish(x.id());
                Note n = app.notes().openForVisit(v.id());
                long rev = app.notes().saveDraft(n.id(), n.revision(), n.content()
                        .withSectionText(n.content().sections().get(0).key(), "Seen today; doing well."));
                app.notes().sign(n.id(), rev);
                visits++;
            }
            followUps = 0;
            for (ReferralListItem r : app.referrals().worklist(ReferralFilter.open())) {
                if (followUps == 20) {
                    break;
                }
                app.referrals().recordFollowUp(r.referral().id(), ContactOutcome.LEFT_MESSAGE, "Left a message.",
                        null);
                followUps++;
            }
            edits = 0;
            for (Family f : families.subList(40, 70)) {
                Family fresh = app.families().open(f.id());
                String phone = String.format("510555%04d", random.nextInt(10_000));
                app.families().save(fresh.withMembers(fresh.members().stream()
                        .map(m -> m.id().equals(fresh.caregivers().get(0).id()) ? withPhone(m, phone) : m).toList()));
                edits++;
            }
            long t = System.nanoTime();
            SyncService.Summary day = app.sync().syncNow(usb, key, SyncService.Progress.NONE);
            double ms = (System.nanoTime() - t) / 1e6;
            System.out.printf("sync: a day's package (%d visits with a PHQ-9 and a signed note, %d referral follow-ups,"
                            + " %d demographic edits): %,d records, %s, written in %,.0f ms%n", visits, followUps, edits,
                    day.recordsOut(), size(usb.resolve(day.written())), ms);
        }
        try (AppContext app = AppContext.open(b, clock)) {
            long t = System.nanoTime();
            SyncService.Summary read = app.sync().syncNow(usb, key, SyncService.Progress.NONE);
            double ms = (System.nanoTime() - t) / 1e6;
            System.out.printf("sync: laptop B read it: %d package(s), %,d records taken in, %,.0f ms (with B's own"
                            + " package written)%n", read.read(), read.recordsIn(), ms);
        }
        System.out.printf("sync: peak heap during the day's sync %s; peak resident %s%n", peakHeap(), peakResident());
    }

    private static Member withPhone(Member m, String phone) {
        return new Member(m.id(), m.kind(), m.givenName(), m.familyName(), m.birthDate(), m.sex(),
                m.preferredLanguage(), m.interpreterNeeded(), m.relationship(), phone, m.contact(), m.mayConsent(),
                m.restricted(), m.mediCalId(), m.notes());
    }

    private static String size(Path file) throws Exception {
        long bytes = Files.size(file);
        return bytes >= 1 << 20 ? String.format("%.1f MB", bytes / 1048576.0)
                : String.format("%.1f kB", bytes / 1024.0);
    }

    private static String peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return String.format("%.0f MB", peak / 1048576.0);
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static String peakResident() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return line.substring(6).strip();
            }
        }
        return "?";
    }
}
