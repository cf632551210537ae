package care.tandem.interop.fhir.export;

import care.tandem.domain.billing.AcceptedCode;
import care.tandem.domain.billing.CodeSystem;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.note.Addendum;
import care.tandem.domain.note.Note;
import care.tandem.domain.note.NoteEvent;
import care.tandem.domain.note.NoteStatus;
import care.tandem.domain.referral.Referral;
import care.tandem.domain.referral.ReferralEvent;
import care.tandem.domain.referral.ReferralStatus;
import care.tandem.domain.screening.Answer;
import care.tandem.domain.screening.AnswerOption;
import care.tandem.domain.screening.DomainScore;
import care.tandem.domain.screening.Instrument;
import care.tandem.domain.screening.InstrumentLibrary;
import care.tandem.domain.screening.Item;
import care.tandem.domain.screening.Rule;
import care.tandem.domain.screening.Score;
import care.tandem.domain.screening.Screening;
import care.tandem.domain.screening.ScreeningDomain;
import care.tandem.domain.screening.ScreeningStatus;
import care.tandem.domain.screening.Visit;
import care.tandem.domain.user.User;
import care.tandem.i18n.Texts;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Signature;
import org.hl7.fhir.r4.model.Task;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static care.tandem.interop.fhir.export.FhirCodes.concept;

/**
 * Maps one family's records to FHIR R4 resources (docs/fhir-export.md has the table): Patients for the children and
 * the caregivers (each caregiver linked to each child by a RelatedPerson), Encounters, QuestionnaireResponses with
 * their Observations, Conditions, ServiceRequests with Tasks and their history as Provenance, DocumentReferences of
 * signed notes with their signatures as Provenance. Remembers which users the resources name, so the caller can add
 * their Practitioners once. Not thread-safe: one mapper per export.
 *
 * <p>Private content (interpersonal-safety answers and results, private referrals, confidential codes, a note's
 * confidential part) carries the v3-Confidentiality label {@code R}; everything of a synthetic (demo) family carries
 * the v3-ActReason tag {@code HTEST}.
 */
public final class FhirMapper {
    private static final Locale RECORD = Locale.US;

    private final InstrumentLibrary instruments;
    private final Map<UUID, User> users;
    private final Texts texts = new Texts(RECORD);
    private final Set<UUID> practitioners = new LinkedHashSet<>();

    public FhirMapper(InstrumentLibrary instruments, Map<UUID, User> users) {
        this.instruments = instruments;
        this.users = Map.copyOf(users);
    }

    /** The users named by the resources mapped so far, in the order first named. */
    public Set<UUID> practitionersNamed() {
        return Set.copyOf(practitioners);
    }

    /** A user as a Practitioner (name as shown in Tandem; no username or role). */
    public Practitioner practitioner(UUID userId) {
        Practitioner p = new Practitioner();
        p.setId(userId.toString());
        User u = users.get(userId);
        if (u != null) {
            p.setActive(u.active());
            p.addName().setText(u.displayName());
        }
        return p;
    }

    /**
     * The resources of one family, each record taken only when {@code include} accepts its id (the resources a record
     * yields follow it; a family's Patients and RelatedPersons follow the person's id).
     */
    public List<Resource> family(FamilyRecords f, Predicate<UUID> include) {
        Family family = f.family();
        Ctx x = new Ctx(family.synthetic());
        List<Resource> out = new ArrayList<>();
        for (Member m : family.members()) {
            x.members.put(m.id(), m);
        }
        for (Member m : family.members()) {
            if (include.test(m.id())) {
                out.add(patient(x, m, family));
                if (!m.isChild()) {
                    for (Member child : family.children()) {
                        out.add(relatedPerson(x, m, child));
                    }
                }
            }
        }
        Map<UUID, Visit> visits = new HashMap<>();
        f.visits().forEach(v -> visits.put(v.id(), v));
        Map<UUID, List<AcceptedCode>> reasons = new HashMap<>();
        List<FamilyRecords.Code> concerns = new ArrayList<>();
        for (FamilyRecords.Code c : f.codes()) {
            if (c.code().system() != CodeSystem.ICD_10_CM) {
                continue;
            }
            if (isScreeningEncounter(c.code())) {
                if (c.removedAt() == null) {
                    reasons.computeIfAbsent(c.code().visitId(), k -> new ArrayList<>()).add(c.code());
                }
            } else {
                concerns.add(c);
            }
        }
        for (Visit v : f.visits()) {
            if (include.test(v.id())) {
                out.add(encounter(x, v, reasons.getOrDefault(v.id(), List.of())));
            }
        }
        Map<UUID, Screening> screens = new HashMap<>();
        f.screenings().forEach(s -> screens.put(s.id(), s));
        for (Screening s : f.screenings()) {
            if (include.test(s.id())) {
                screening(x, s, out);
            }
        }
        for (FamilyRecords.Code c : concerns) {
            if (include.test(c.code().id()) && visits.containsKey(c.code().visitId())) {
                out.add(condition(x, c, visits.get(c.code().visitId()), screens));
            }
        }
        for (Referral r : f.referrals()) {
            if (include.test(r.id())) {
                referral(x, r, screens, out);
            }
        }
        for (FamilyRecords.SignedNote n : f.notes()) {
            if (include.test(n.note().id()) && visits.containsKey(n.note().visitId())) {
                note(x, n, visits.get(n.note().visitId()), out);
            }
        }
        return out;
    }

    // ---- people ----

    private Patient patient(Ctx x, Member m, Family family) {
        Patient p = new Patient();
        p.setId(m.id().toString());
        x.meta(p, false);
        p.setActive(true);
        if (!m.givenName().isEmpty() || !m.familyName().isEmpty()) {
            HumanName name = p.addName().setUse(HumanName.NameUse.OFFICIAL);
            if (!m.familyName().isEmpty()) {
                name.setFamily(m.familyName());
            }
            if (!m.givenName().isEmpty()) {
                name.addGiven(m.givenName());
            }
        }
        if (m.sex() != null) {
            p.setGender(gender(m));
        }
        if (m.birthDate() != null) {
            p.setBirthDateElement(new DateType(m.birthDate().toString()));
        }
        if (!m.phone().isEmpty()) {
            p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(m.phone());
        }
        if (!m.mediCalId().isEmpty()) {
            p.addIdentifier().setValue(m.mediCalId()).setType(new CodeableConcept().setText("Medi-Cal ID"));
        }
        if (!m.preferredLanguage().isEmpty()) {
            p.addCommunication().setPreferred(true).setLanguage(concept(FhirCodes.LANGUAGE, m.preferredLanguage(),
                    null));
        }
        if (!m.isChild()) {
            for (Member child : family.children()) {
                p.addLink().setType(Patient.LinkType.SEEALSO)
                        .setOther(new Reference("RelatedPerson/" + relatedPersonId(m.id(), child.id())));
            }
        }
        return p;
    }

    private RelatedPerson relatedPerson(Ctx x, Member caregiver, Member child) {
        RelatedPerson r = new RelatedPerson();
        r.setId(relatedPersonId(caregiver.id(), child.id()));
        x.meta(r, false);
        r.setActive(true);
        r.setPatient(patientRef(child.id()));
        if (caregiver.relationship() != null) {
            CodeableConcept rel = new CodeableConcept().setText(switch (caregiver.relationship()) {
                case MOTHER -> "Mother";
                case FATHER -> "Father";
                case GRANDPARENT -> "Grandparent";
                case FOSTER_PARENT -> "Foster parent";
                case LEGAL_GUARDIAN -> "Legal guardian";
                case OTHER -> "Other caregiver";
            });
            String code = switch (caregiver.relationship()) {
                case MOTHER -> "MTH";
                case FATHER -> "FTH";
                case GRANDPARENT -> "GRPRN";
                case LEGAL_GUARDIAN -> "GUARD";
                default -> null;
            };
            if (code != null) {
                rel.addCoding(new Coding(FhirCodes.ROLE_CODE, code, null));
            }
            r.addRelationship(rel);
        }
        if (!caregiver.givenName().isEmpty() || !caregiver.familyName().isEmpty()) {
            HumanName name = r.addName();
            if (!caregiver.familyName().isEmpty()) {
                name.setFamily(caregiver.familyName());
            }
            if (!caregiver.givenName().isEmpty()) {
                name.addGiven(caregiver.givenName());
            }
        }
        if (!caregiver.phone().isEmpty()) {
            r.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(caregiver.phone());
        }
        if (caregiver.sex() != null) {
            r.setGender(gender(caregiver));
        }
        if (caregiver.birthDate() != null) {
            r.setBirthDateElement(new DateType(caregiver.birthDate().toString()));
        }
        return r;
    }

    /** The RelatedPerson that says how a caregiver is related to a child. */
    public static String relatedPersonId(UUID caregiverId, UUID childId) {
        return FhirIds.derived(caregiverId, "related-person:" + childId);
    }

    private static Enumerations.AdministrativeGender gender(Member m) {
        return switch (m.sex()) {
            case FEMALE -> Enumerations.AdministrativeGender.FEMALE;
            case MALE -> Enumerations.AdministrativeGender.MALE;
            case OTHER -> Enumerations.AdministrativeGender.OTHER;
            case UNKNOWN -> Enumerations.AdministrativeGender.UNKNOWN;
        };
    }

    // ---- visits ----

    private Encounter encounter(Ctx x, Visit v, List<AcceptedCode> reasons) {
        Encounter e = new Encounter();
        e.setId(v.id().toString());
        x.meta(e, false);
        e.setStatus(Encounter.EncounterStatus.FINISHED);
        e.setClass_(switch (v.place()) {
            case CLINIC -> new Coding(FhirCodes.ACT_CODE, "AMB", "ambulatory");
            case HOME -> new Coding(FhirCodes.ACT_CODE, "HH", "home health");
            case SCHOOL, COMMUNITY -> new Coding(FhirCodes.ACT_CODE, "FLD", "field");
            case VIDEO, PHONE -> new Coding(FhirCodes.ACT_CODE, "VR", "virtual");
        });
        e.addType(concept(FhirCodes.TANDEM + "visit-kind", v.kind().name(), texts.get("visits.kind." + v.kind().name()))
                .setText(texts.get("visits.kind." + v.kind().name())));
        e.setSubject(patientRef(v.childId()));
        e.addParticipant().addType(concept(FhirCodes.PARTICIPATION, "PPRF", "primary performer"))
                .setIndividual(practitionerRef(v.clinicianId()));
        for (UUID caregiver : v.caregivers()) {
            if (x.members.containsKey(caregiver)) {
                e.addParticipant().addType(concept(FhirCodes.PARTICIPATION, "PART", "Participation"))
                        .setIndividual(new Reference("RelatedPerson/" + relatedPersonId(caregiver, v.childId())));
            }
        }
        e.setPeriod(new Period().setStartElement(new DateTimeType(v.date().toString())));
        if (v.minutes() != null) {
            Duration d = new Duration();
            d.setValue(v.minutes()).setUnit("min").setSystem(FhirCodes.UCUM).setCode("min");
            e.setLength(d);
        }
        e.addLocation().setLocation(new Reference().setDisplay(texts.get("visits.place." + v.place().name())));
        for (AcceptedCode c : reasons) {
            e.addReasonCode(concept(FhirCodes.ICD_10_CM, c.code(), c.label()).setText(c.label()));
        }
        return e;
    }

    /** Z13.x: an encounter for screening, the visit's reason rather than a health concern. */
    private static boolean isScreeningEncounter(AcceptedCode c) {
        return c.code().startsWith("Z13.");
    }

    // ---- screens ----

    private void screening(Ctx x, Screening s, List<Resource> out) {
        Optional<Instrument> found = instruments.find(s.instrument());
        if (found.isEmpty()) {
            return;
        }
        Instrument ins = found.get();
        Map<String, Answer> answers = new HashMap<>();
        s.answers().forEach(a -> answers.put(a.item(), a));
        Set<String> privateItems = ins.privateItems();
        boolean holdsPrivate = s.answers().stream().anyMatch(a -> privateItems.contains(a.item()));
        boolean sdoh = ins.rules().domains().stream().anyMatch(d -> isSdohDomain(d.id()));
        String qrId = s.id().toString();
        Instant when = s.completedAt() != null ? s.completedAt() : s.startedAt();
        if (s.status() == ScreeningStatus.NOT_DONE) {
            Observation o = observation(x, s, FhirIds.derived(s.id(), "panel"), panelCode(ins), when, false);
            o.setStatus(Observation.ObservationStatus.CANCELLED);
            o.setDataAbsentReason(notDone(s));
            if (sdoh) {
                o.addCategory(concept(FhirCodes.US_CORE_CATEGORY, "sdoh", "SDOH"));
            }
            out.add(o);
            return;
        }
        QuestionnaireResponse qr = new QuestionnaireResponse();
        qr.setId(qrId);
        x.meta(qr, holdsPrivate);
        qr.setQuestionnaire(ins.url() + "|" + s.instrumentVersion());
        qr.setStatus(switch (s.status()) {
            case COMPLETED -> QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED;
            case ENTERED_IN_ERROR -> QuestionnaireResponse.QuestionnaireResponseStatus.ENTEREDINERROR;
            default -> QuestionnaireResponse.QuestionnaireResponseStatus.INPROGRESS;
        });
        qr.setSubject(patientRef(s.subjectId()));
        qr.setEncounter(new Reference("Encounter/" + s.visitId()));
        qr.setAuthoredElement(dateTime(when));
        qr.setAuthor(practitionerRef(s.clinicianId()));
        Reference source = personRef(x, s.respondentId() != null ? s.respondentId() : s.subjectId(), s.subjectId());
        if (source != null) {
            qr.setSource(source);
        }
        qr.setLanguage(s.language());
        for (Item item : ins.items()) {
            Answer a = answers.get(item.code());
            if (a == null || !a.answered()) {
                continue;
            }
            QuestionnaireResponse.QuestionnaireResponseItemComponent qi = qr.addItem().setLinkId(item.code());
            if (item.text() != null && item.text().has("en")) {
                qi.setText(item.text().in("en"));
            }
            if (a.value() != null) {
                qi.addAnswer().setValue(new IntegerType(a.value()));
            }
            for (String code : a.codes()) {
                qi.addAnswer().setValue(answerCoding(ins, item, code));
            }
        }
        out.add(qr);

        Score score = s.score();
        Observation.ObservationStatus status = switch (s.status()) {
            case COMPLETED -> Observation.ObservationStatus.FINAL;
            case ENTERED_IN_ERROR -> Observation.ObservationStatus.ENTEREDINERROR;
            default -> Observation.ObservationStatus.PRELIMINARY;
        };
        Observation panel = observation(x, s, FhirIds.derived(s.id(), "panel"), panelCode(ins), when, holdsPrivate);
        panel.setStatus(status);
        panel.addDerivedFrom(new Reference("QuestionnaireResponse/" + qrId));
        if (sdoh) {
            panel.addCategory(concept(FhirCodes.US_CORE_CATEGORY, "sdoh", "SDOH"));
        }
        if (score != null && score.positive()) {
            positive(panel);
        }
        List<Observation> members = new ArrayList<>();
        if (score != null && score.total() != null && ins.rules().totalCode() != null) {
            Observation total = observation(x, s, FhirIds.derived(s.id(), "total"),
                    concept(FhirCodes.LOINC, ins.rules().totalCode(), null).setText(title(ins) + " total score"),
                    when, false);
            total.setStatus(status);
            total.setValue(new IntegerType(score.total()));
            if (score.positive()) {
                positive(total);
            }
            members.add(total);
        }
        if (score != null) {
            for (DomainScore d : score.domains().values()) {
                String code = FhirCodes.DOMAIN_SCORE_CODES.get(d.id());
                if (code == null || d.score() == null) {
                    continue;
                }
                Observation o = observation(x, s, FhirIds.derived(s.id(), "domain:" + d.id()),
                        concept(FhirCodes.LOINC, code, null).setText(d.id() + " score"), when, d.privateDomain());
                o.setStatus(status);
                o.setValue(new IntegerType(d.score()));
                categories(o, d.id());
                if (d.outcome() == care.tandem.domain.screening.Outcome.POSITIVE) {
                    positive(o);
                }
                members.add(o);
            }
        }
        for (Item item : ins.items()) {
            Answer a = answers.get(item.code());
            if (a == null) {
                continue;
            }
            Optional<ScreeningDomain> domain = ins.rules().domains().stream()
                    .filter(d -> d.items().contains(item.code())).findFirst();
            Observation o = observation(x, s, FhirIds.derived(s.id(), "item:" + item.code()),
                    itemCode(ins, item), when, privateItems.contains(item.code()));
            o.setStatus(status);
            domain.ifPresent(d -> categories(o, d.id()));
            if (!a.answered()) {
                o.setDataAbsentReason(concept(FhirCodes.DATA_ABSENT,
                        a.state() == care.tandem.domain.screening.AnswerState.DECLINED ? "asked-declined" : "not-asked",
                        null));
            } else if (a.value() != null) {
                o.setValue(new IntegerType(a.value()));
            } else if (a.codes().size() == 1) {
                Coding c = answerCoding(ins, item, a.codes().get(0));
                o.setValue(new CodeableConcept(c).setText(c.getDisplay()));
            } else {
                for (String code : a.codes()) {
                    Coding c = answerCoding(ins, item, code);
                    o.addComponent().setCode(itemCode(ins, item)).setValue(new CodeableConcept(c).setText(c.getDisplay()));
                }
            }
            if (a.answered() && needIndicated(ins, item, a, score)) {
                positive(o);
            }
            members.add(o);
        }
        for (Observation m : members) {
            m.addDerivedFrom(new Reference("QuestionnaireResponse/" + qrId));
            panel.addHasMember(new Reference("Observation/" + m.getIdElement().getIdPart()));
        }
        out.add(panel);
        out.addAll(members);
    }

    private Observation observation(Ctx x, Screening s, String id, CodeableConcept code, Instant when,
                                    boolean restricted) {
        Observation o = new Observation();
        o.setId(id);
        x.meta(o, restricted);
        o.addCategory(concept(FhirCodes.OBSERVATION_CATEGORY, "survey", "Survey"));
        o.setCode(code);
        o.setSubject(patientRef(s.subjectId()));
        o.setEncounter(new Reference("Encounter/" + s.visitId()));
        o.setEffective(dateTime(when));
        o.addPerformer(practitionerRef(s.clinicianId()));
        return o;
    }

    private static void categories(Observation o, String domainId) {
        if (!isSdohDomain(domainId)) {
            return;
        }
        o.addCategory(concept(FhirCodes.US_CORE_CATEGORY, "sdoh", "SDOH"));
        String[] codes = FhirCodes.GRAVITY_DOMAINS.get(domainId);
        if (codes == null) {
            o.addCategory(concept(FhirCodes.GRAVITY, "sdoh-category-unspecified", "SDOH Category Unspecified")
                    .setText(domainId));
        } else {
            for (String c : codes) {
                o.addCategory(concept(FhirCodes.GRAVITY, c, null));
            }
        }
    }

    /** Social-needs domains (the AHC HRSN's and the Hunger Vital Sign's), as against depression, anxiety, ACEs. */
    private static boolean isSdohDomain(String domainId) {
        return !Set.of("depression", "anxiety", "aces").contains(domainId);
    }

    private static void positive(Observation o) {
        o.addInterpretation(concept(FhirCodes.INTERPRETATION, "POS", "Positive"));
    }

    /**
     * Whether this answer may mean a need (interpretation POS; never NEG, DOMAIN.md §3.4): one of its rule's positive
     * answers, a whole number at its rule's threshold, or a critical item.
     */
    private static boolean needIndicated(Instrument ins, Item item, Answer a, Score score) {
        if (score != null && score.critical().contains(item.code())) {
            return true;
        }
        for (ScreeningDomain d : ins.rules().domains()) {
            for (Rule r : d.rules()) {
                if (!r.items().contains(item.code())) {
                    continue;
                }
                if (r instanceof Rule.AnswerIn in && a.codes().stream().anyMatch(in.answers()::contains)) {
                    return true;
                }
                if (r instanceof Rule.ValueAtLeast v && a.value() != null && a.value() >= v.threshold()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static CodeableConcept notDone(Screening s) {
        String reason = s.notDoneReason() == null ? "not-performed" : switch (s.notDoneReason()) {
            case DECLINED -> "asked-declined";
            case CAREGIVER_NOT_PRESENT -> "not-asked";
            case NOT_APPROPRIATE_NOW, DONE_ELSEWHERE -> "not-performed";
        };
        CodeableConcept c = concept(FhirCodes.DATA_ABSENT, reason, null);
        if (s.notDoneReason() != null) {
            c.setText(s.notDoneReason().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        return c;
    }

    private CodeableConcept panelCode(Instrument ins) {
        if (ins.panelCode() != null && !ins.panelCode().isBlank()) {
            return concept(FhirCodes.LOINC, ins.panelCode(), null).setText(title(ins));
        }
        return concept(ins.url(), ins.id(), title(ins)).setText(title(ins));
    }

    private static String title(Instrument ins) {
        return ins.title() != null && ins.title().has("en") ? ins.title().in("en") : ins.id();
    }

    private static CodeableConcept itemCode(Instrument ins, Item item) {
        String system = FhirCodes.isLoinc(item.code()) ? FhirCodes.LOINC : ins.url();
        CodeableConcept c = concept(system, item.code(), null);
        if (item.text() != null && item.text().has("en")) {
            c.setText(item.text().in("en"));
        }
        return c;
    }

    private static Coding answerCoding(Instrument ins, Item item, String code) {
        String system = FhirCodes.isLoinc(code) ? FhirCodes.LOINC : ins.url();
        Coding c = new Coding(system, code, null);
        item.option(code).map(AnswerOption::display).filter(d -> d.has("en")).ifPresent(d -> c.setDisplay(d.in("en")));
        return c;
    }

    // ---- health concerns ----

    private Condition condition(Ctx x, FamilyRecords.Code row, Visit visit, Map<UUID, Screening> screens) {
        AcceptedCode a = row.code();
        Condition c = new Condition();
        c.setId(a.id().toString());
        x.meta(c, a.confidential());
        if (row.removedAt() == null) {
            c.setClinicalStatus(concept(FhirCodes.CONDITION_CLINICAL, "active", "Active"));
            c.setVerificationStatus(concept(FhirCodes.CONDITION_VERIFICATION, "confirmed", "Confirmed"));
        } else {
            c.setVerificationStatus(concept(FhirCodes.CONDITION_VERIFICATION, "entered-in-error", "Entered in Error"));
        }
        c.addCategory(concept(FhirCodes.US_CORE_CONDITION_CATEGORY, "health-concern", "Health Concern"));
        c.addCategory(concept(FhirCodes.US_CORE_CATEGORY, "sdoh", "SDOH"));
        c.setCode(concept(FhirCodes.ICD_10_CM, a.code(), a.label()).setText(a.label()));
        Screening screen = a.screeningId() == null ? null : screens.get(a.screeningId());
        c.setSubject(patientRef(screen != null ? screen.subjectId() : visit.childId()));
        c.setEncounter(new Reference("Encounter/" + visit.id()));
        c.setRecordedDateElement(dateTime(a.acceptedAt()));
        c.setRecorder(practitionerRef(a.acceptedBy()));
        if (screen != null) {
            c.addEvidence().addDetail(new Reference("Observation/" + FhirIds.derived(screen.id(), "panel")));
        }
        return c;
    }

    // ---- referrals ----

    private void referral(Ctx x, Referral r, Map<UUID, Screening> screens, List<Resource> out) {
        boolean restricted = r.privateReferral() || r.need().isPrivate();
        String needText = texts.get("referral.need." + r.need().name());
        ServiceRequest sr = new ServiceRequest();
        sr.setId(r.id().toString());
        x.meta(sr, restricted);
        sr.setStatus(switch (r.status()) {
            case DRAFT -> ServiceRequest.ServiceRequestStatus.DRAFT;
            case ENTERED_IN_ERROR -> ServiceRequest.ServiceRequestStatus.ENTEREDINERROR;
            case COMPLETED -> ServiceRequest.ServiceRequestStatus.COMPLETED;
            case ON_HOLD -> ServiceRequest.ServiceRequestStatus.ONHOLD;
            default -> r.status().closed() ? ServiceRequest.ServiceRequestStatus.REVOKED
                    : ServiceRequest.ServiceRequestStatus.ACTIVE;
        });
        sr.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        sr.addCategory(concept(FhirCodes.US_CORE_CATEGORY, "sdoh", "SDOH"));
        sr.addCategory(concept(FhirCodes.SNOMED, "410606002", "Social service procedure"));
        sr.setCode(concept(FhirCodes.TANDEM + "referral-need", r.need().name(), needText)
                .setText("Referral: " + needText));
        sr.setPriority(switch (r.urgency()) {
            case ROUTINE -> ServiceRequest.ServiceRequestPriority.ROUTINE;
            case SOON -> ServiceRequest.ServiceRequestPriority.URGENT;
            case URGENT -> ServiceRequest.ServiceRequestPriority.ASAP;
            case SAME_DAY -> ServiceRequest.ServiceRequestPriority.STAT;
        });
        sr.setSubject(patientRef(r.subjectId()));
        if (r.visitId() != null) {
            sr.setEncounter(new Reference("Encounter/" + r.visitId()));
        }
        sr.setAuthoredOnElement(dateTime(r.createdAt()));
        sr.setRequester(practitionerRef(r.referrerId()));
        if (!r.destinationName().isBlank()) {
            sr.addPerformer(new Reference().setDisplay(r.destinationName()));
        }
        if (r.screeningId() != null && screens.containsKey(r.screeningId())) {
            sr.addReasonReference(new Reference("Observation/" + FhirIds.derived(r.screeningId(), "panel")));
        }
        if (r.previousId() != null) {
            sr.addReplaces(new Reference("ServiceRequest/" + r.previousId()));
        }
        if (!r.reason().isBlank()) {
            sr.addNote().setText(r.reason());
        }
        out.add(sr);

        String taskId = FhirIds.derived(r.id(), "task");
        Task t = new Task();
        t.setId(taskId);
        x.meta(t, restricted);
        t.setStatus(Task.TaskStatus.fromCode(r.status().taskStatus()));
        t.setBusinessStatus(concept(FhirCodes.TANDEM + "referral-status", r.status().name(), status(r.status()))
                .setText(status(r.status())));
        String reason = statusReason(r);
        if (!reason.isBlank()) {
            t.setStatusReason(new CodeableConcept().setText(reason));
        }
        t.setIntent(Task.TaskIntent.ORDER);
        t.setCode(concept(FhirCodes.TASK_CODE, "fulfill", "Fulfill the focal request"));
        t.setFocus(new Reference("ServiceRequest/" + r.id()));
        t.setFor(patientRef(r.subjectId()));
        if (r.visitId() != null) {
            t.setEncounter(new Reference("Encounter/" + r.visitId()));
        }
        t.setAuthoredOnElement(dateTime(r.createdAt()));
        Instant last = r.events().isEmpty() ? r.createdAt() : r.events().get(r.events().size() - 1).at();
        t.setLastModifiedElement(dateTime(last));
        t.setRequester(practitionerRef(r.referrerId()));
        if (!r.destinationName().isBlank()) {
            t.setOwner(new Reference().setDisplay(r.destinationName()));
        }
        Period p = new Period().setStartElement(dateTime(r.createdAt()));
        if (r.closedAt() != null) {
            p.setEndElement(dateTime(r.closedAt()));
        }
        t.setExecutionPeriod(p);
        out.add(t);

        for (ReferralEvent e : r.events()) {
            Provenance pv = new Provenance();
            pv.setId(e.id().toString());
            x.meta(pv, restricted);
            pv.addTarget(new Reference("Task/" + taskId));
            pv.setOccurred(dateTime(e.at()));
            pv.setRecordedElement(new InstantType(Date.from(e.at()), TemporalPrecisionEnum.MILLI));
            boolean created = e.kind() == ReferralEvent.Kind.CREATED;
            String what = switch (e.kind()) {
                case CREATED -> "Referral created: " + status(e.status());
                case STATUS -> "Status changed from " + (e.previousStatus() == null ? "?" : status(e.previousStatus()))
                        + " to " + status(e.status());
                case FOLLOW_UP -> "Follow-up" + (e.contact() == null ? "" : ": "
                        + e.contact().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            };
            pv.setActivity(concept(FhirCodes.DATA_OPERATION, created ? "CREATE" : "UPDATE", created ? "create" : "update")
                    .setText(what));
            CodeableConcept outcome = concept(FhirCodes.TASK_STATUS, e.status().taskStatus(), null)
                    .setText(status(e.status()));
            pv.addReason(outcome);
            if (!e.reason().isBlank()) {
                pv.addReason(new CodeableConcept().setText(e.reason()));
            }
            if (!e.note().isBlank()) {
                pv.addReason(new CodeableConcept().setText(e.note()));
            }
            pv.addAgent().setType(concept(FhirCodes.PROVENANCE_AGENT, "author", "Author")).setWho(e.by() == null
                    ? new Reference().setDisplay("Tandem") : practitionerRef(e.by()));
            out.add(pv);
        }
    }

    private static String statusReason(Referral r) {
        if (!r.statusReason().isBlank()) {
            return r.statusReason();
        }
        if (!r.status().needsReason()) {
            return "";
        }
        for (int i = r.events().size() - 1; i >= 0; i--) {
            ReferralEvent e = r.events().get(i);
            if (e.status() == r.status() && !e.reason().isBlank()) {
                return e.reason();
            }
        }
        return status(r.status());
    }

    private static String status(ReferralStatus s) {
        String n = s.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    // ---- notes ----

    private void note(Ctx x, FamilyRecords.SignedNote signed, Visit visit, List<Resource> out) {
        Note n = signed.note();
        if (n.signature() == null || n.status().editable()) {
            return;
        }
        String docId = n.id().toString();
        out.add(document(x, n, visit, docId, signed.pdf(), false));
        String fullId = null;
        if (signed.confidentialPdf() != null) {
            fullId = FhirIds.derived(n.id(), "confidential");
            out.add(document(x, n, visit, fullId, signed.confidentialPdf(), true));
        }
        // The signature over the content as it stands: the last signing (an earlier one was returned by the
        // supervisor), and the co-signature.
        NoteEvent signing = null;
        NoteEvent cosigning = null;
        for (NoteEvent e : n.events()) {
            if (e.kind() == NoteEvent.Kind.SIGNED) {
                signing = e;
            } else if (e.kind() == NoteEvent.Kind.COSIGNED) {
                cosigning = e;
            }
        }
        for (NoteEvent e : java.util.Arrays.asList(signing, n.status() == NoteStatus.COSIGNED ? cosigning : null)) {
            if (e == null) {
                continue;
            }
            out.add(signature(x, e, docId, e.id().toString(), false));
            if (fullId != null) {
                out.add(signature(x, e, fullId, FhirIds.derived(e.id(), "confidential"), true));
            }
        }
        for (Addendum a : n.addenda()) {
            out.add(addendum(x, a, docId, a.id().toString(), false));
            if (fullId != null) {
                out.add(addendum(x, a, fullId, FhirIds.derived(a.id(), "confidential"), true));
            }
        }
    }

    private DocumentReference document(Ctx x, Note n, Visit visit, String id, byte[] pdf, boolean confidential) {
        DocumentReference d = new DocumentReference();
        d.setId(id);
        x.meta(d, confidential);
        d.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        d.setDocStatus(n.status() == NoteStatus.AWAITING_COSIGN ? DocumentReference.ReferredDocumentStatus.PRELIMINARY
                : n.addenda().isEmpty() ? DocumentReference.ReferredDocumentStatus.FINAL
                : DocumentReference.ReferredDocumentStatus.AMENDED);
        d.setType(concept(FhirCodes.LOINC, "11506-3", "Progress note").setText("Visit note"));
        d.addCategory(concept(FhirCodes.US_CORE_DOCUMENT_CATEGORY, "clinical-note", "Clinical Note"));
        d.setSubject(patientRef(visit.childId()));
        Instant signedAt = n.cosignature() != null ? n.cosignature().at() : n.signature().at();
        d.setDate(Date.from(signedAt));
        d.addAuthor(practitionerRef(n.authorId()));
        if (n.cosignature() != null) {
            d.setAuthenticator(practitionerRef(n.cosignature().userId()));
        }
        d.setDescription(confidential ? "Visit note, complete with its confidential part" : "Visit note");
        Attachment a = new Attachment();
        a.setContentType("application/pdf");
        a.setLanguage("en-US");
        a.setData(pdf);
        a.setSize(pdf.length);
        a.setHash(sha1(pdf));
        a.setTitle("Visit note " + visit.date());
        a.setCreationElement(dateTime(signedAt));
        d.addContent().setAttachment(a);
        d.getContext().addEncounter(new Reference("Encounter/" + visit.id()))
                .setPeriod(new Period().setStartElement(new DateTimeType(visit.date().toString())));
        return d;
    }

    private Provenance signature(Ctx x, NoteEvent e, String docId, String id, boolean confidential) {
        boolean cosign = e.kind() == NoteEvent.Kind.COSIGNED;
        Provenance p = provenance(x, id, docId, e.at(), confidential);
        p.setActivity(concept(FhirCodes.DOCUMENT_COMPLETION, "LA", "legally authenticated")
                .setText(cosign ? "Co-signed by the supervisor" : "Signed by the author"));
        UUID by = e.by();
        p.addAgent().setType(concept(FhirCodes.PROVENANCE_AGENT, cosign ? "attester" : "author",
                cosign ? "Attester" : "Author")).setWho(practitionerRef(by));
        if (cosign && !e.comment().isBlank()) {
            p.addReason(new CodeableConcept().setText("Attestation: " + e.comment()));
        }
        Signature s = p.addSignature();
        s.addType(new Coding(FhirCodes.SIGNATURE_TYPE, cosign ? "1.2.840.10065.1.12.1.5" : "1.2.840.10065.1.12.1.1",
                cosign ? "Verification Signature" : "Author's Signature"));
        s.setWhenElement(new InstantType(Date.from(e.at()), TemporalPrecisionEnum.MILLI));
        s.setWho(practitionerRef(by));
        return p;
    }

    private Provenance addendum(Ctx x, Addendum a, String docId, String id, boolean confidential) {
        Provenance p = provenance(x, id, docId, a.signature().at(), confidential);
        p.setActivity(concept(FhirCodes.DATA_OPERATION, "APPEND", "append").setText("Addendum signed by its author"));
        p.addAgent().setType(concept(FhirCodes.PROVENANCE_AGENT, "author", "Author"))
                .setWho(practitionerRef(a.signature().userId()));
        Signature s = p.addSignature();
        s.addType(new Coding(FhirCodes.SIGNATURE_TYPE, "1.2.840.10065.1.12.1.1", "Author's Signature"));
        s.setWhenElement(new InstantType(Date.from(a.signature().at()), TemporalPrecisionEnum.MILLI));
        s.setWho(practitionerRef(a.signature().userId()));
        return p;
    }

    private static Provenance provenance(Ctx x, String id, String docId, Instant at, boolean confidential) {
        Provenance p = new Provenance();
        p.setId(id);
        x.meta(p, confidential);
        p.addTarget(new Reference("DocumentReference/" + docId));
        p.setOccurred(dateTime(at));
        p.setRecordedElement(new InstantType(Date.from(at), TemporalPrecisionEnum.MILLI));
        return p;
    }

    // ---- references and values ----

    private static Reference patientRef(UUID personId) {
        return new Reference("Patient/" + personId);
    }

    private Reference practitionerRef(UUID userId) {
        practitioners.add(userId);
        return new Reference("Practitioner/" + userId);
    }

    /** Who answered: the person screened themself (Patient), or a caregiver answering about a child. */
    private static Reference personRef(Ctx x, UUID respondent, UUID subject) {
        if (respondent.equals(subject)) {
            return patientRef(subject);
        }
        Member r = x.members.get(respondent);
        Member s = x.members.get(subject);
        if (r != null && s != null && !r.isChild() && s.isChild()) {
            return new Reference("RelatedPerson/" + relatedPersonId(respondent, subject));
        }
        return patientRef(respondent);
    }

    private static DateTimeType dateTime(Instant at) {
        return new DateTimeType(Date.from(at), TemporalPrecisionEnum.SECOND, java.util.TimeZone.getTimeZone("UTC"));
    }

    private static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the mapping of one family shares: its people and whether it is synthetic. */
    private static final class Ctx {
        final boolean synthetic;
        final Map<UUID, Member> members = new HashMap<>();

        Ctx(boolean synthetic) {
            this.synthetic = synthetic;
        }

        void meta(Resource r, boolean restricted) {
            if (restricted) {
                r.getMeta().addSecurity(FhirCodes.CONFIDENTIALITY, "R", "restricted");
            }
            if (synthetic) {
                r.getMeta().addTag(FhirCodes.ACT_REASON, "HTEST", "test health data");
            }
        }
    }
}
