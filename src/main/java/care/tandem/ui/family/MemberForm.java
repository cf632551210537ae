package care.tandem.ui.family;

import care.tandem.domain.family.ContactPreferences;
import care.tandem.domain.family.FamilyValidation;
import care.tandem.domain.family.Member;
import care.tandem.domain.family.MemberKind;
import care.tandem.domain.family.Relationship;
import care.tandem.domain.family.Sex;
import care.tandem.domain.family.ValidationProblem;
import care.tandem.domain.family.ValidationProblem.Field;
import care.tandem.domain.family.ValidationProblem.Severity;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One household member as the family form edits it: a property per field, the typed date-of-birth text
 * (kept even when it cannot be read, so nothing typed is silently dropped) and the per-field checks
 * of {@link FamilyValidation} for inline validation.
 */
public final class MemberForm {
    /** Shown beside a date of birth that cannot be read as MM/DD/YYYY. */
    public static final String BIRTH_DATE_UNREADABLE = "family.edit.birthDate.unreadable";

    private final UUID id;
    private final MemberKind kind;
    private final StringProperty givenName = new SimpleStringProperty(this, "givenName", "");
    private final StringProperty familyName = new SimpleStringProperty(this, "familyName", "");
    private final ObjectProperty<LocalDate> birthDate = new SimpleObjectProperty<>(this, "birthDate");
    private final StringProperty birthDateText = new SimpleStringProperty(this, "birthDateText", "");
    private final ObjectProperty<Sex> sex = new SimpleObjectProperty<>(this, "sex");
    private final StringProperty language = new SimpleStringProperty(this, "language", "en");
    private final BooleanProperty interpreterNeeded = new SimpleBooleanProperty(this, "interpreterNeeded");
    private final ObjectProperty<Relationship> relationship = new SimpleObjectProperty<>(this, "relationship");
    private final StringProperty phone = new SimpleStringProperty(this, "phone", "");
    private final BooleanProperty okToCall = new SimpleBooleanProperty(this, "okToCall");
    private final BooleanProperty okToText = new SimpleBooleanProperty(this, "okToText");
    private final BooleanProperty okToLeaveMessage = new SimpleBooleanProperty(this, "okToLeaveMessage");
    private final BooleanProperty mayConsent = new SimpleBooleanProperty(this, "mayConsent");
    private final BooleanProperty restricted = new SimpleBooleanProperty(this, "restricted");
    private final StringProperty mediCalId = new SimpleStringProperty(this, "mediCalId", "");
    private final StringProperty notes = new SimpleStringProperty(this, "notes", "");

    public MemberForm(Member m) {
        this.id = m.id();
        this.kind = m.kind();
        givenName.set(m.givenName());
        familyName.set(m.familyName());
        birthDate.set(m.birthDate());
        birthDateText.set(m.birthDate() == null ? "" : DateInput.format(m.birthDate()));
        sex.set(m.sex());
        language.set(m.preferredLanguage());
        interpreterNeeded.set(m.interpreterNeeded());
        relationship.set(m.relationship());
        phone.set(m.phone());
        okToCall.set(m.contact().okToCall());
        okToText.set(m.contact().okToText());
        okToLeaveMessage.set(m.contact().okToLeaveMessage());
        mayConsent.set(m.mayConsent());
        restricted.set(m.restricted());
        mediCalId.set(m.mediCalId());
        notes.set(m.notes());
        // The typed text is the truth: a readable date sets the date, anything else clears it and is flagged.
        birthDateText.addListener((obs, old, text) -> birthDate.set(DateInput.parse(text).orElse(null)));
    }

    /** The member as it would be saved. */
    public Member toMember() {
        return new Member(id, kind, givenName.get(), familyName.get(), birthDate.get(), sex.get(), language.get(),
                interpreterNeeded.get(), kind == MemberKind.CHILD ? null : relationship.get(), phone.get(),
                new ContactPreferences(okToCall.get(), okToText.get(), okToLeaveMessage.get()),
                mayConsent.get(), restricted.get(), mediCalId.get(), notes.get());
    }

    /** The problem to show beside {@code field}, if any, on {@code today}. */
    public Optional<ValidationProblem> check(Field field, LocalDate today) {
        Member m = toMember();
        return switch (field) {
            case GIVEN_NAME -> FamilyValidation.givenName(m);
            case FAMILY_NAME -> FamilyValidation.familyName(m);
            case BIRTH_DATE -> isBirthDateUnreadable()
                    ? Optional.of(new ValidationProblem(id, Field.BIRTH_DATE, Severity.ERROR, BIRTH_DATE_UNREADABLE))
                    : FamilyValidation.birthDate(m, today);
            case RELATIONSHIP -> FamilyValidation.relationship(m);
            case PHONE -> FamilyValidation.phone(m);
            case MEDI_CAL_ID -> FamilyValidation.mediCalId(m);
            case MEMBERS -> Optional.empty();
        };
    }

    /** True when the date-of-birth field holds text that is not a date. */
    public boolean isBirthDateUnreadable() {
        return DateInput.isUnreadable(birthDateText.get());
    }

    /** Every property, so the form can notice any change. */
    List<Observable> observables() {
        return List.of(givenName, familyName, birthDateText, sex, language, interpreterNeeded, relationship, phone,
                okToCall, okToText, okToLeaveMessage, mayConsent, restricted, mediCalId, notes);
    }

    public UUID id() {
        return id;
    }

    public MemberKind kind() {
        return kind;
    }

    public boolean isChild() {
        return kind == MemberKind.CHILD;
    }

    public StringProperty givenNameProperty() {
        return givenName;
    }

    public StringProperty familyNameProperty() {
        return familyName;
    }

    /** The date read from {@link #birthDateTextProperty()}; null when blank or unreadable. */
    public ObjectProperty<LocalDate> birthDateProperty() {
        return birthDate;
    }

    /** What is typed in the date-of-birth field. */
    public StringProperty birthDateTextProperty() {
        return birthDateText;
    }

    public ObjectProperty<Sex> sexProperty() {
        return sex;
    }

    /** BCP 47 tag: "en", "es", ... */
    public StringProperty languageProperty() {
        return language;
    }

    public BooleanProperty interpreterNeededProperty() {
        return interpreterNeeded;
    }

    public ObjectProperty<Relationship> relationshipProperty() {
        return relationship;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public BooleanProperty okToCallProperty() {
        return okToCall;
    }

    public BooleanProperty okToTextProperty() {
        return okToText;
    }

    public BooleanProperty okToLeaveMessageProperty() {
        return okToLeaveMessage;
    }

    public BooleanProperty mayConsentProperty() {
        return mayConsent;
    }

    public BooleanProperty restrictedProperty() {
        return restricted;
    }

    public StringProperty mediCalIdProperty() {
        return mediCalId;
    }

    public StringProperty notesProperty() {
        return notes;
    }
}
