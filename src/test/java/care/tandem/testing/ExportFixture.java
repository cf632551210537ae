package care.tandem.testing;

import care.tandem.AppContext;
import care.tandem.domain.billing.AcceptedCode;
import care.tandem.domain.billing.BillingSuggestion;
import care.tandem.domain.billing.CodeSystem;
import care.tandem.domain.billing.NoteFacts;
import care.tandem.domain.family.Family;
import care.tandem.domain.note.VisitKind;
import care.tandem.domain.screening.Screening;
import care.tandem.domain.screening.ScreeningStatus;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A demo folder for export tests: the thirteen showcase families of a demo run (every screening, referral and note
 * case), with the diagnosis codes billing help suggests accepted for each visit with finished screens (confidential
 * safety codes among them) and one of them removed again.
 */
public final class ExportFixture {
    private ExportFixture() {
    }

    public static void create(Path data, Clock clock) {
        try (AppContext app = TestApp.open(data, clock)) {
            app.demo().addFamilies(13, 3L, n -> { }, () -> false);
            app.accounts().signIn("clinician", "clinician-demo".toCharArray());
            Set<UUID> visits = new LinkedHashSet<>();
            for (Family f : app.families().search("")) {
                for (Screening s : app.screening().forFamily(f.id())) {
                    if (s.status() == ScreeningStatus.COMPLETED) {
                        visits.add(s.visitId());
                    }
                }
            }
            NoteFacts facts = new NoteFacts(VisitKind.WELL_CHILD_DYADIC, 30, Set.of(), Set.of(), true, Set.of());
            List<AcceptedCode> accepted = new ArrayList<>();
            for (UUID v : visits) {
                for (BillingSuggestion s : app.billing().suggestions(v, facts).suggestions()) {
                    if (s.code().system() == CodeSystem.ICD_10_CM) {
                        accepted.add(app.billing().accept(v, s));
                    }
                }
            }
            AcceptedCode removed = accepted.stream().filter(a -> !a.code().startsWith("Z13.")).findFirst()
                    .orElseThrow();
            app.billing().remove(removed.visitId(), removed.id());
        }
    }
}
