package care.tandem.bench;

import care.tandem.AppContext;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.screening.AdministrationMode;
import care.tandem.domain.screening.Answer;
import care.tandem.domain.screening.Instrument;
import care.tandem.domain.screening.Item;
import care.tandem.domain.screening.Screening;
import care.tandem.domain.screening.ScreeningStatus;
import care.tandem.domain.screening.Visit;
import care.tandem.service.ScreeningProgress;
import care.tandem.service.SignInResult;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Saving and scoring a screen on a demo folder, through the real screening service and database, as the screening
 * form does it: today's visit, start a PHQ-9, record its nine answers one by one (each saved and rescored at once),
 * finish. Prints p50/p95 of "nine answers + finish" per screen, and of one answer, start and visit.
 * Writes to the folder: run it on a copy. Usage: ScreeningBench DATA_DIR [SCREENS]
 */
public final class ScreeningBench {
    private static final String[] QUERIES = {"ma", "jo", "lo", "ga", "sm", "he", "ro", "an", "em", "li", "so", "ca"};
    private static final int WARM_UP = 60;

    private ScreeningBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int screens = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        try (AppContext app = AppContext.open(dir, Clock.systemDefaultZone())) {
            if (!(app.accounts().signIn("clinician", "clinician-demo".toCharArray()) instanceof SignInResult.Success)) {
                throw new IllegalStateException("demo sign-in failed: is " + dir + " a demo folder?");
            }
            long t0 = System.nanoTime();
            Instrument phq9 = app.screening().instruments().get("phq9");
            double loadMs = (System.nanoTime() - t0) / 1e6;

            Map<UUID, Family> picked = new LinkedHashMap<>();
            for (String q : QUERIES) {
                for (Family f : app.families().search(q)) {
                    if (!f.children().isEmpty() && !f.caregivers().isEmpty()) {
                        picked.putIfAbsent(f.id(), f);
                    }
                }
            }
            List<Family> families = new ArrayList<>(picked.values());
            if (families.size() < WARM_UP + screens) {
                throw new IllegalStateException("only " + families.size() + " families found; make a larger demo folder");
            }
            Random random = new Random(42);
            double[] perScreen = new double[screens];
            double[] perAnswer = new double[screens * 9];
            double[] perStart = new double[screens];
            double[] perVisit = new double[screens];
            int alerts = 0;
            int positive = 0;
            for (int i = 0; i < WARM_UP + screens; i++) {
                Family f = families.get(i);
                Member child = f.children().stream().filter(c -> c.birthDate() != null)
                        .max(Comparator.comparing(Member::birthDate)).orElse(f.children().get(0));
                Member caregiver = f.caregivers().get(0);
                int m = i - WARM_UP;

                long a = System.nanoTime();
                Visit visit = app.screening().visitToday(f.id(), child.id(), List.of(caregiver.id()));
                long b = System.nanoTime();
                String language = app.screening().languages("phq9").contains(caregiver.preferredLanguage())
                        ? caregiver.preferredLanguage() : "en";
                Screening x = app.screening().start(visit.id(), caregiver.id(), caregiver.id(), "phq9", language,
                        AdministrationMode.SELF);
                long c = System.nanoTime();
                ScreeningProgress last = null;
                int k = 0;
                for (Item item : phq9.items().subList(0, 9)) {
                    // One in twenty answers item 9 above zero, so the alert path is measured too.
                    int points = item.number() == 9 ? (random.nextInt(20) == 0 ? 1 : 0) : random.nextInt(4);
                    Answer answer = Answer.choice(item.code(), phq9.optionForDigit(item, points).orElseThrow().code());
                    long s = System.nanoTime();
                    last = app.screening().answer(x.id(), answer);
                    if (m >= 0) {
                        perAnswer[m * 9 + k++] = (System.nanoTime() - s) / 1e6;
                    }
                }
                ScreeningProgress done = app.screening().finish(x.id());
                long d = System.nanoTime();
                if (done.screening().status() != ScreeningStatus.COMPLETED || done.screening().score().total() == null) {
                    throw new IllegalStateException("screen not finished and scored");
                }
                alerts += last.raised().size();
                if (m >= 0) {
                    perVisit[m] = (b - a) / 1e6;
                    perStart[m] = (c - b) / 1e6;
                    perScreen[m] = (d - c) / 1e6;
                    positive += done.screening().score().positive() ? 1 : 0;
                }
            }
            Arrays.sort(perScreen);
            Arrays.sort(perAnswer);
            Arrays.sort(perStart);
            Arrays.sort(perVisit);
            System.out.printf("screening: %,d families; instruments loaded on first use in %.0f ms%n",
                    app.families().count(), loadMs);
            System.out.printf("screening: %d PHQ-9s (after %d warm-up), nine answers + score + finish per screen:"
                            + " p50 %.2f ms, p95 %.2f ms, max %.2f ms (target p95 <= 20 ms); %d positive, %d alerts raised%n",
                    screens, WARM_UP, SearchBench.pct(perScreen, 50), SearchBench.pct(perScreen, 95),
                    perScreen[perScreen.length - 1], positive, alerts);
            System.out.printf("screening: one answer() (saved, rescored, alerts checked): p50 %.2f ms, p95 %.2f ms,"
                            + " p99 %.2f ms over %,d answers%n", SearchBench.pct(perAnswer, 50),
                    SearchBench.pct(perAnswer, 95), SearchBench.pct(perAnswer, 99), perAnswer.length);
            System.out.printf("screening: start() p50 %.2f ms, p95 %.2f ms; visitToday() p50 %.2f ms, p95 %.2f ms%n",
                    SearchBench.pct(perStart, 50), SearchBench.pct(perStart, 95), SearchBench.pct(perVisit, 50),
                    SearchBench.pct(perVisit, 95));
        }
    }
}
