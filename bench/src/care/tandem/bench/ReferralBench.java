package care.tandem.bench;

import care.tandem.AppContext;
import care.tandem.domain.family.Family;
import care.tandem.domain.referral.ContactOutcome;
import care.tandem.domain.referral.Destination;
import care.tandem.domain.referral.Need;
import care.tandem.domain.referral.ReferralKind;
import care.tandem.domain.referral.ReferralStatus;
import care.tandem.domain.referral.Urgency;
import care.tandem.service.NewReferral;
import care.tandem.service.ReferralFilter;
import care.tandem.service.SignInResult;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The referral worklist and its steps on a demo folder, through the real service and database: loading the open
 * worklist (as the Referrals section does), the overdue count (the status bar, on every refresh), and one referral's
 * life (refer, record a follow-up call, close as got help). Writes to the folder: run it on a copy.
 * Usage: ReferralBench DATA_DIR [REFERRALS]
 */
public final class ReferralBench {
    private static final String[] QUERIES = {"ma", "jo", "lo", "ga", "sm", "he", "ro", "an", "em", "li", "so", "ca"};
    private static final int WARM_UP = 30;

    private ReferralBench() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        try (AppContext app = AppContext.open(dir, Clock.systemDefaultZone())) {
            if (!(app.accounts().signIn("clinician", "clinician-demo".toCharArray()) instanceof SignInResult.Success)) {
                throw new IllegalStateException("demo sign-in failed: is " + dir + " a demo folder?");
            }
            var referrals = app.referrals();
            Destination calfresh = referrals.suggest(Need.FOOD).get(0);
            double[] list = new double[n];
            double[] overdue = new double[n];
            int rows = 0;
            int late = 0;
            for (int i = 0; i < WARM_UP + n; i++) {
                long a = System.nanoTime();
                rows = referrals.worklist(ReferralFilter.open()).size();
                long b = System.nanoTime();
                late = referrals.overdueCount();
                long c = System.nanoTime();
                if (i >= WARM_UP) {
                    list[i - WARM_UP] = (b - a) / 1e6;
                    overdue[i - WARM_UP] = (c - b) / 1e6;
                }
            }
            Map<UUID, Family> picked = new LinkedHashMap<>();
            for (String q : QUERIES) {
                for (Family f : app.families().search(q)) {
                    if (!f.caregivers().isEmpty()) {
                        picked.putIfAbsent(f.id(), f);
                    }
                }
            }
            List<Family> families = new ArrayList<>(picked.values());
            double[] life = new double[n];
            for (int i = 0; i < WARM_UP + n; i++) {
                Family f = families.get(i % families.size());
                long a = System.nanoTime();
                var r = referrals.create(new NewReferral(f.id(), f.caregivers().get(0).id(), ReferralKind.COMMUNITY,
                        Need.FOOD, calfresh.id(), "", Urgency.ROUTINE, null, true, true, null, null, null));
                referrals.recordFollowUp(r.id(), ContactOutcome.REACHED, "", null);
                referrals.changeStatus(r.id(), ReferralStatus.COMPLETED, null, "", null);
                if (i >= WARM_UP) {
                    life[i - WARM_UP] = (System.nanoTime() - a) / 1e6;
                }
            }
            Arrays.sort(list);
            Arrays.sort(overdue);
            Arrays.sort(life);
            System.out.printf("referrals: open worklist (%,d rows, families and referrers included): p50 %.2f ms, "
                    + "p95 %.2f ms%n", rows, SearchBench.pct(list, 50), SearchBench.pct(list, 95));
            System.out.printf("referrals: overdue count (%,d overdue): p50 %.2f ms, p95 %.2f ms%n", late,
                    SearchBench.pct(overdue, 50), SearchBench.pct(overdue, 95));
            System.out.printf("referrals: refer + follow-up call + close as got help (%d referrals): p50 %.2f ms, "
                    + "p95 %.2f ms%n", n, SearchBench.pct(life, 50), SearchBench.pct(life, 95));
        }
    }
}
