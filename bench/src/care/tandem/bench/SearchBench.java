package care.tandem.bench;

import care.tandem.AppContext;
import care.tandem.domain.family.Family;
import care.tandem.service.SignInResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Search-as-you-type latency on a demo folder, through the real service and database (the same call
 * the Families screen makes for each keystroke), then this process's peak resident memory.
 * Usage: SearchBench DATA_DIR [QUERIES]
 */
public final class SearchBench {
    private static final String[] TYPED = {
            // what a clinician types: 2-4 letters of a name, a whole name, two names, a date, phone digits
            "ma", "mar", "mari", "maria", "gar", "garc", "garcia lopez", "sofia g", "lo", "lop", "her", "hern",
            "jo", "jos", "jose", "smi", "smith", "ol", "oliv", "nguyen", "o'b", "nu", "nun", "nunez", "ramirez m",
            "em", "emm", "emma", "liam s", "val", "vale", "cam", "ximena", "itz", "(213) 555", "555-01", "0142",
            "", "03/05/2024", "2023-11-02", "12/24/2022", "9123", "ana r", "juan c", "rosa", "zz", "qx"};

    private SearchBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        try (AppContext app = AppContext.open(dir, Clock.systemDefaultZone())) {
            if (!(app.accounts().signIn("clinician", "clinician-demo".toCharArray()) instanceof SignInResult.Success)) {
                throw new IllegalStateException("demo sign-in failed: is " + dir + " a demo folder?");
            }
            long families = app.families().count();
            Random random = new Random(42);
            for (int i = 0; i < 300; i++) { // warm-up: JIT and SQLite page cache
                app.families().search(TYPED[random.nextInt(TYPED.length)]);
            }
            double[] ms = new double[queries];
            long hits = 0;
            List<String> slowest = new ArrayList<>();
            double worst = 0;
            for (int i = 0; i < queries; i++) {
                String q = TYPED[random.nextInt(TYPED.length)];
                long t0 = System.nanoTime();
                List<Family> found = app.families().search(q);
                ms[i] = (System.nanoTime() - t0) / 1e6;
                hits += found.size();
                if (ms[i] > worst) {
                    worst = ms[i];
                    slowest.add(0, q);
                }
            }
            Arrays.sort(ms);
            System.out.printf("search: %,d families, %,d queries, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms"
                            + " (slowest query typed: \"%s\"), mean results %.1f%n",
                    families, queries, pct(ms, 50), pct(ms, 95), pct(ms, 99), ms[ms.length - 1],
                    slowest.isEmpty() ? "" : slowest.get(0), hits / (double) queries);
        }
        System.out.println("search process: peak resident memory " + peakRssMb() + " MB");
    }

    static double pct(double[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** VmHWM from /proc (Linux): the highest resident set size this process reached. */
    static String peakRssMb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                return String.format("%.0f", kb / 1024.0);
            }
        }
        return "?";
    }
}
