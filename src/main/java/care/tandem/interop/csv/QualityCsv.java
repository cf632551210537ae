package care.tandem.interop.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The CSV files of an export for quality work, their columns and the data dictionary that explains them. Files are
 * UTF-8 with a byte-order mark and CRLF line ends (RFC 4180), so Excel opens accented Spanish names correctly and
 * LibreOffice detects the encoding; dates are ISO-8601 (yyyy-MM-dd), times ISO-8601 UTC; yes/no columns hold
 * {@code yes} or {@code no}; an empty cell means "not known" or "not yet". No names, phone numbers or free text of a
 * family are written: records are linked by Tandem's ids.
 */
public final class QualityCsv {
    /** One column and what it means, for the data dictionary. */
    public record Column(String name, String type, String meaning) {
    }

    /** One file of the export. */
    public enum Sheet {
        SCREENINGS("screenings.csv", "One row per caregiver or child screen: instrument, result and how it was given.",
                List.of(
                        col("screening_id", "id", "Tandem's id of the screen (the same in every export and on every laptop)"),
                        col("family_id", "id", "The family's id"),
                        col("synthetic", "yes/no", "yes: a synthetic demo family, not a real patient"),
                        col("visit_id", "id", "The visit the screen was given in"),
                        col("visit_date", "date", "Date of the visit"),
                        col("subject_id", "id", "The person screened"),
                        col("subject_role", "text", "child or caregiver"),
                        col("relationship", "text", "The caregiver's relationship to the child (MOTHER, FATHER, ...); empty for a child"),
                        col("child_age_months", "number", "The visit's child's age in whole months on the visit date"),
                        col("instrument", "text", "Instrument id (phq9, phq2, gad7, gad2, epds, hvs, ahc-hrsn, pearls, or an imported one)"),
                        col("instrument_version", "text", "Version of the instrument's definition"),
                        col("language", "text", "Language it was given in (en, es)"),
                        col("mode", "text", "SELF (caregiver alone on the laptop), CLINICIAN, or INTERPRETER"),
                        col("status", "text", "COMPLETED, IN_PROGRESS (unfinished), NOT_DONE, or ENTERED_IN_ERROR (kept, superseded by a correction)"),
                        col("not_done_reason", "text", "Why it was not done (DECLINED, CAREGIVER_NOT_PRESENT, NOT_APPROPRIATE_NOW, DONE_ELSEWHERE)"),
                        col("corrects_screening_id", "id", "The screen this one corrects (entered again after an error)"),
                        col("clinician", "text", "The clinician who gave it"),
                        col("started_at", "time", "When it started (UTC)"),
                        col("completed_at", "time", "When it was finished (UTC); empty while unfinished"),
                        col("total", "number", "Total score by the published rule; empty when incomplete, not scored, or when it would reveal a private result left out"),
                        col("band", "text", "Severity band by the published cut-offs (for example MILD, MODERATE)"),
                        col("outcome", "text", "POSITIVE, NEGATIVE, INCOMPLETE (never shown as negative) or NOT_SCORED; with private parts left out, the outcome of the other domains"),
                        col("critical_item", "yes/no", "yes: an urgent item was answered (for example PHQ-9 item 9 above 0)"),
                        col("private_parts", "text", "none (the instrument has no private part), included, or left out (interpersonal safety is private)"))),
        SCREENING_DOMAINS("screening-domains.csv", "One row per scored domain of a screen (AHC HRSN needs, EPDS anxiety, ...).",
                List.of(
                        col("screening_id", "id", "The screen (screenings.csv)"),
                        col("domain", "text", "Domain id (housing, food, transportation, utilities, safety, ...)"),
                        col("core", "yes/no", "yes: a core domain of the instrument; no: supplemental"),
                        col("score", "number", "Domain score where the rule sums points"),
                        col("outcome", "text", "POSITIVE, NEGATIVE, INCOMPLETE or NOT_SCORED"))),
        REFERRALS("referrals.csv", "One row per referral, with its current status and loop measures.",
                List.of(
                        col("referral_id", "id", "Tandem's id of the referral"),
                        col("family_id", "id", "The family's id"),
                        col("synthetic", "yes/no", "yes: a synthetic demo family"),
                        col("subject_id", "id", "The person referred"),
                        col("kind", "text", "COMMUNITY or WARM_HANDOFF"),
                        col("need", "text", "The need referred for (FOOD, HOUSING, DEPRESSION, ...)"),
                        col("destination", "text", "The resource referred to"),
                        col("urgency", "text", "ROUTINE, SOON, URGENT, SAME_DAY"),
                        col("status", "text", "Current status (SENT, ACCEPTED, IN_PROGRESS, COMPLETED, FAMILY_DECLINED, ...)"),
                        col("closed", "yes/no", "yes: the loop is closed"),
                        col("outcome", "text", "OPEN, GOT_HELP, NO_HELP, DECLINED, REDIRECTED or ERROR"),
                        col("created_at", "time", "When the referral was made (UTC)"),
                        col("first_update_at", "time", "First status change or follow-up after it was made (UTC)"),
                        col("closed_at", "time", "When the loop was closed (UTC)"),
                        col("follow_up_date", "date", "Next follow-up due"),
                        col("overdue_days", "number", "Days past the follow-up date on the export date; empty when not overdue or closed"),
                        col("days_to_first_update", "number", "Calendar days from referral to first update"),
                        col("days_to_closure", "number", "Calendar days from referral to closure"),
                        col("consent_to_share", "yes/no", "yes: the family consented to share details with the resource"),
                        col("referrer", "text", "The clinician who referred"),
                        col("visit_id", "id", "The visit it was made in"),
                        col("screening_id", "id", "The screen it followed"),
                        col("previous_referral_id", "id", "The referral it follows (referred elsewhere, or a new attempt)"))),
        REFERRAL_EVENTS("referral-events.csv", "One row per step of a referral's history (append-only).",
                List.of(
                        col("event_id", "id", "Tandem's id of the step"),
                        col("referral_id", "id", "The referral (referrals.csv)"),
                        col("at", "time", "When (UTC)"),
                        col("kind", "text", "CREATED, STATUS or FOLLOW_UP"),
                        col("status", "text", "Status after the step"),
                        col("previous_status", "text", "Status before the step"),
                        col("contact", "text", "Outcome of a follow-up call (REACHED, NO_ANSWER, ...)"),
                        col("follow_up_date", "date", "Next follow-up set by this step"),
                        col("by", "text", "Who recorded it"))),
        VISITS("visits.csv", "One row per visit, with its note status and accepted billing codes.",
                List.of(
                        col("visit_id", "id", "Tandem's id of the visit"),
                        col("family_id", "id", "The family's id"),
                        col("synthetic", "yes/no", "yes: a synthetic demo family"),
                        col("visit_date", "date", "Date of the visit"),
                        col("kind", "text", "WELL_CHILD_DYADIC, DYADIC_BEHAVIOURAL_HEALTH, FOLLOW_UP or TELEHEALTH"),
                        col("minutes", "number", "Minutes recorded for the visit"),
                        col("place", "text", "Where it took place"),
                        col("clinician", "text", "The clinician of the visit"),
                        col("child_age_months", "number", "The child's age in whole months on the visit date"),
                        col("caregivers_present", "number", "How many caregivers were present"),
                        col("child_screens", "text", "Child screens given on the publisher's form, separated by ';'"),
                        col("screens", "number", "Caregiver and child screens given in Tandem at this visit (not entered in error)"),
                        col("note_status", "text", "Status of the visit's note (DRAFT, AWAITING_COSIGN, RETURNED, SIGNED, COSIGNED); empty: no note"),
                        col("codes", "text", "Accepted billing codes (code-modifier), separated by ';'"))),
        VISIT_CODES("visit-codes.csv", "One row per billing code accepted for a visit (not removed).",
                List.of(
                        col("visit_id", "id", "The visit (visits.csv)"),
                        col("system", "text", "CPT, HCPCS or ICD_10_CM"),
                        col("code", "text", "The code"),
                        col("modifier", "text", "Modifier (for example HD)"),
                        col("verification", "text", "CONFIRMED, CONFLICTING or UNVERIFIED (verify with your plan) in Tandem's code table"),
                        col("screening_id", "id", "The screen the code is for"),
                        col("child_screen", "text", "The child screen the code is for"),
                        col("accepted_by", "text", "Who accepted it"),
                        col("accepted_at", "time", "When (UTC)")));

        private final String file;
        private final String about;
        private final List<Column> columns;

        Sheet(String file, String about, List<Column> columns) {
            this.file = file;
            this.about = about;
            this.columns = columns;
        }

        public String file() {
            return file;
        }

        public String about() {
            return about;
        }

        public List<Column> columns() {
            return columns;
        }

        public String[] header() {
            return columns.stream().map(Column::name).toArray(String[]::new);
        }
    }

    /** The name of the data dictionary file. */
    public static final String DICTIONARY = "data-dictionary.csv";

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private QualityCsv() {
    }

    private static Column col(String name, String type, String meaning) {
        return new Column(name, type, meaning);
    }

    /** Opens a sheet's file for writing: the byte-order mark and the header row are written. */
    public static CSVPrinter open(Path dir, Sheet sheet) throws IOException {
        return printer(dir.resolve(sheet.file()), sheet.header());
    }

    private static CSVPrinter printer(Path file, String... header) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
                1 << 16);
        w.write('\uFEFF');
        CSVPrinter p = new CSVPrinter(w, FORMAT);
        p.printRecord((Object[]) header);
        return p;
    }

    /**
     * Writes the data dictionary: what the export is (when, since, private content), then every file and column.
     *
     * @param facts "about this export" rows: name and value
     */
    public static void writeDictionary(Path dir, List<List<String>> facts) throws IOException {
        try (CSVPrinter p = printer(dir.resolve(DICTIONARY), "file", "column", "type", "meaning")) {
            for (List<String> fact : facts) {
                p.printRecord("(this export)", fact.get(0), "", fact.get(1));
            }
            for (Sheet s : Sheet.values()) {
                p.printRecord(s.file(), "", "", s.about());
                for (Column c : s.columns()) {
                    p.printRecord(s.file(), c.name(), c.type(), c.meaning());
                }
            }
        }
    }
}
