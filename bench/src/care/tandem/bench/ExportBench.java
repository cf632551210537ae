package care.tandem.bench;

import care.tandem.AppContext;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.screening.AdministrationMode;
import care.tandem.domain.screening.Answer;
import care.tandem.domain.screening.AnswerOption;
import care.tandem.domain.screening.Instrument;
import care.tandem.domain.screening.InstrumentLibrary;
import care.tandem.domain.screening.Item;
import care.tandem.domain.screening.ItemKind;
import care.tandem.domain.screening.Score;
import care.tandem.domain.screening.Scorer;
import care.tandem.domain.screening.Screening;
import care.tandem.domain.screening.ScreeningStatus;
import care.tandem.domain.screening.Visit;
import care.tandem.domain.sync.HybridClock;
import care.tandem.interop.fhir.FhirJson;
import care.tandem.interop.instrument.InstrumentReader;
import care.tandem.persistence.Database;
import care.tandem.persistence.FamilyRepository;
import care.tandem.persistence.FhirExportRepository;
import care.tandem.persistence.InstallRepository;
import care.tandem.persistence.ScreeningRepository;
import care.tandem.persistence.UserRepository;
import care.tandem.persistence.WriteStamp;
import care.tandem.service.ExportProgress;
import care.tandem.service.FhirExportService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The FHIR export at scale. {@code screens DIR N}: tops a demo folder up to N finished screens (the demo gives a
 * screening history to about one family in a hundred, realistic for a clinic's first year but too few to measure an
 * export by): each family without screens gets one past visit at which its first caregiver answered the PHQ-9,
 * GAD-7, Hunger Vital Sign, AHC HRSN and EPDS, with answers drawn mostly from the usual options, scored by the
 * instruments' own rules. Written straight through the repositories in large transactions, as the demo generator
 * does. {@code export DIR OUT fhir|ndjson}: one full export through the real service, printing the time, the output's
 * size, the resources written and this process's peak resident memory.
 */
public final class ExportBench {
    private static final List<String> SCREENS = List.of("phq9", "gad7", "hvs", "ahc-hrsn", "epds");
    private static final int FAMILIES_PER_TRANSACTION = 200;

    private ExportBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("screens")) {
            screens(Path.of(args[1]), Integer.parseInt(args[2]));
        } else {
            export(Path.of(args[1]), Path.of(args[2]), args[3]);
        }
    }

    private static void export(Path dir, Path out, String format) throws Exception {
        try (AppContext app = AppContext.open(dir, Clock.systemDefaultZone())) {
            long[] families = new long[1];
            long t0 = System.nanoTime();
            FhirExportService.Result r = app.fhirExport().export(new FhirExportService.Request(
                    format.equals("fhir") ? FhirExportService.Format.FHIR : FhirExportService.Format.NDJSON, out, null),
                    new ExportProgress() {
                        @Override
                        public void step(String what, long done, long total) {
                            families[0] = done;
                        }

                        @Override
                        public boolean cancelled() {
                            return false;
                        }
                    });
            long ms = (System.nanoTime() - t0) / 1_000_000;
            long bytes;
            long files;
            try (Stream<Path> s = Files.list(out)) {
                List<Path> all = s.toList();
                files = all.size();
                bytes = 0;
                for (Path p : all) {
                    bytes += Files.size(p);
                }
            }
            System.out.printf("export %s: %,d families, %,d resources in %,d ms (%,.0f resources/s); %d files, %.1f MB;"
                            + " peak resident memory %s MB%n", format, r.families(), r.resourceCount(), ms,
                    r.resourceCount() * 1000.0 / Math.max(ms, 1), files, bytes / 1_048_576.0, SearchBench.peakRssMb());
            System.out.println("  by type: " + r.resources());
        }
    }

    private static void screens(Path dir, int target) throws Exception {
        Database db = Database.open(dir.resolve("tandem.db"));
        try {
            long existing = db.read(c -> {
                try (var ps = c.prepareStatement("SELECT count(*) FROM screening"); ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            });
            if (existing >= target) {
                System.out.printf("screens: %,d already%n", existing);
                return;
            }
            InstallRepository install = new InstallRepository();
            UUID device = UUID.fromString(db.read(c -> install.meta(c, InstallRepository.DEVICE_ID)).orElseThrow());
            UUID clinician = db.read(c -> new UserRepository().findByUsername(c, "clinician")).orElseThrow()
                    .user().id();
            InstrumentLibrary library = new InstrumentReader(new FhirJson()).bundled();
            HybridClock hlc = new HybridClock(Clock.systemUTC(), device);
            FamilyRepository families = new FamilyRepository();
            FhirExportRepository pages = new FhirExportRepository();
            ScreeningRepository screenings = new ScreeningRepository();
            Random random = new Random(20261123);
            Instant now = Instant.now();
            long written = existing;
            long t0 = System.nanoTime();
            // First pass: families with no screens yet; then, if still short, further visits for any family.
            for (int pass = 0; written < target && pass < 10; pass++) {
                boolean onlyNew = pass == 0;
                long after = 0;
                while (written < target) {
                    long from = after;
                    List<FhirExportRepository.FamilyRef> page = db.read(c -> pages.families(c, from,
                            FAMILIES_PER_TRANSACTION, null));
                    if (page.isEmpty()) {
                        break;
                    }
                    after = page.get(page.size() - 1).seq();
                    long left = target - written;
                    written += db.write(c -> {
                        int n = 0;
                        for (FhirExportRepository.FamilyRef ref : page) {
                            if (n >= left) {
                                break;
                            }
                            if (onlyNew && !screenings.forFamily(c, ref.id()).isEmpty()) {
                                continue;
                            }
                            Family f = families.find(c, ref.id()).orElse(null);
                            if (f == null || f.children().isEmpty() || f.caregivers().isEmpty()) {
                                continue;
                            }
                            n += visit(c, f, (int) Math.min(SCREENS.size(), left - n), clinician, device, library,
                                    hlc, screenings, random, now);
                        }
                        return n;
                    });
                }
            }
            System.out.printf("screens: %,d added (now %,d) in %,d ms%n", written - existing, written,
                    (System.nanoTime() - t0) / 1_000_000);
        } finally {
            db.close();
        }
    }

    /** One past visit at which the family's first caregiver answered {@code count} of the screens; returns count. */
    private static int visit(java.sql.Connection c, Family f, int count, UUID clinician, UUID device,
                             InstrumentLibrary library, HybridClock hlc, ScreeningRepository screenings,
                             Random random, Instant now) throws java.sql.SQLException {
        Member child = f.children().get(0);
        Member caregiver = f.caregivers().get(0);
        Instant at = now.minus(Duration.ofDays(1 + random.nextInt(360))).minus(Duration.ofMinutes(random.nextInt(600)));
        Visit v = new Visit(UUID.randomUUID(), f.id(), child.id(), LocalDate.ofInstant(at, ZoneOffset.UTC), clinician,
                List.of(caregiver.id()), 1);
        screenings.insertVisit(c, v, stamp(clinician, device, at, hlc));
        for (int i = 0; i < count; i++) {
            String id = SCREENS.get(i);
            Instrument ins = library.get(id);
            List<Answer> answers = answers(ins, random);
            Score score = Scorer.score(ins, answers);
            Instant started = at.plusSeconds(240L * i);
            Screening s = new Screening(UUID.randomUUID(), v.id(), f.id(), caregiver.id(), caregiver.id(), id,
                    ins.version(), "en", AdministrationMode.SELF, ScreeningStatus.IN_PROGRESS, null, null, null, null,
                    false, clinician, started, null, null, List.of(), 1);
            screenings.insertScreening(c, s, stamp(clinician, device, started, hlc));
            WriteStamp answered = stamp(clinician, device, started.plusSeconds(90), hlc);
            for (Answer a : answers) {
                screenings.putAnswer(c, s.id(), a, answered);
            }
            screenings.updateScore(c, s.id(), score, ScreeningStatus.COMPLETED, false, answered);
        }
        return count;
    }

    /** Every item answered, mostly with the first (lowest) options, now and then a higher one. */
    private static List<Answer> answers(Instrument ins, Random random) {
        List<Answer> out = new ArrayList<>();
        for (Item item : ins.items()) {
            if (item.kind() == ItemKind.INTEGER) {
                int min = item.min() == null ? 0 : item.min();
                int max = item.max() == null ? min + 3 : item.max();
                out.add(Answer.value(item.code(), min + random.nextInt(Math.max(1, Math.min(3, max - min + 1)))));
                continue;
            }
            List<AnswerOption> options = item.options();
            if (options.isEmpty()) {
                continue;
            }
            // A multi-select's last option is "None of the above"; a single choice's first is the lowest.
            int usual = item.kind() == ItemKind.MULTI_CHOICE ? options.size() - 1 : 0;
            int pick = random.nextInt(100) < 75 ? usual : random.nextInt(options.size());
            out.add(Answer.choice(item.code(), options.get(pick).code()));
        }
        return out;
    }

    private static WriteStamp stamp(UUID user, UUID device, Instant at, HybridClock hlc) {
        return new WriteStamp(user, device, at, hlc.now().encode());
    }
}
