package care.tandem.ui.note;

import care.tandem.domain.note.ChildScreen;
import care.tandem.domain.note.Intervention;
import care.tandem.domain.note.NoteStatus;
import care.tandem.domain.note.PresentingConcern;
import care.tandem.domain.note.Signature;
import care.tandem.domain.note.VisitKind;
import care.tandem.domain.note.VisitPlace;
import care.tandem.i18n.Texts;
import care.tandem.ui.common.FormatLocale;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Visits and notes in the clinician's words: kinds, places, concerns, interventions, statuses, signatures. */
public final class NoteWords {
    private final Texts texts;
    private final DateTimeFormatter dates;
    private final DateTimeFormatter times;

    public NoteWords(Texts texts, ZoneId zone) {
        this.texts = texts;
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(FormatLocale.of(texts));
        this.times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(FormatLocale.of(texts)).withZone(zone);
    }

    public Texts texts() {
        return texts;
    }

    public String kind(VisitKind k) {
        return texts.get("visits.kind." + k.name());
    }

    public String place(VisitPlace p) {
        return texts.get("visits.place." + p.name());
    }

    public String concern(PresentingConcern c) {
        return texts.get("visits.concern." + c.name());
    }

    public String intervention(Intervention i) {
        return texts.get("visits.intervention." + i.name());
    }

    public String childScreen(ChildScreen s) {
        return texts.get("visits.childScreen." + s.name());
    }

    public String status(NoteStatus s) {
        return texts.get("visits.status." + s.name());
    }

    public String date(LocalDate d) {
        return d == null ? "" : dates.format(d);
    }

    /** "Signed by Ada Admin, 4 Dec 2026, 10:42". */
    public String signed(String key, Signature s) {
        return s == null ? "" : texts.get(key, s.name(), times.format(s.at()));
    }
}
