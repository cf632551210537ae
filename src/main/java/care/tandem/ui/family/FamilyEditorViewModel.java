package care.tandem.ui.family;

import care.tandem.domain.family.Family;
import care.tandem.domain.family.FamilyValidation;
import care.tandem.domain.family.Member;
import care.tandem.domain.family.Relationship;
import care.tandem.domain.family.ValidationFailedException;
import care.tandem.domain.family.ValidationProblem;
import care.tandem.domain.family.ValidationProblem.Field;
import care.tandem.domain.problem.ProblemException;
import care.tandem.service.FamilyService;
import care.tandem.ui.common.BackgroundRunner;
import care.tandem.ui.common.DialogService;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The new/edit family form: children first, then caregivers, then what applies to the household. Saving
 * checks the record (errors block, warnings do not), looks for the same family already registered before
 * a new one is saved, and keeps everything typed when the save fails.
 */
public final class FamilyEditorViewModel {
    private final FamilyService families;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final FamilyPrompts prompts;
    private final FamilyFormat format;
    private final Family base;
    private final ObservableList<MemberForm> children = FXCollections.observableArrayList();
    private final ObservableList<MemberForm> caregivers = FXCollections.observableArrayList();
    private final BooleanProperty protectiveOrder = new SimpleBooleanProperty(this, "protectiveOrder");
    private final StringProperty restrictionNote = new SimpleStringProperty(this, "restrictionNote", "");
    private final StringProperty notes = new SimpleStringProperty(this, "notes", "");
    private final ObservableList<ValidationProblem> problems = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper showAllProblems = new ReadOnlyBooleanWrapper(this, "showAllProblems");
    private final ReadOnlyStringWrapper formMessage = new ReadOnlyStringWrapper(this, "formMessage", "");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final InvalidationListener onChange = obs -> recomputeDirty();
    private Family savedState;
    private boolean messageFromChecks;
    private Consumer<Family> onSaved = f -> { };
    private Consumer<Family> onOpenExisting = f -> { };

    public FamilyEditorViewModel(FamilyService families, BackgroundRunner runner, DialogService dialogs,
                                 FamilyPrompts prompts, FamilyFormat format, Family family) {
        this.families = families;
        this.runner = runner;
        this.dialogs = dialogs;
        this.prompts = prompts;
        this.format = format;
        this.base = family;
        ListChangeListener<MemberForm> watchMembers = change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(m -> m.observables().forEach(o -> o.addListener(onChange)));
                change.getRemoved().forEach(m -> m.observables().forEach(o -> o.removeListener(onChange)));
            }
            recomputeDirty();
        };
        children.addListener(watchMembers);
        caregivers.addListener(watchMembers);
        for (Member m : family.members()) {
            (m.isChild() ? children : caregivers).add(new MemberForm(m));
        }
        protectiveOrder.set(family.protectiveOrder());
        restrictionNote.set(family.restrictionNote());
        notes.set(family.notes());
        protectiveOrder.addListener(onChange);
        restrictionNote.addListener(onChange);
        notes.addListener(onChange);
        savedState = toFamily();
        recomputeDirty();
    }

    /** True for a household not saved yet. */
    public boolean isNew() {
        return base.isNew();
    }

    /** The window title's bundle key. */
    public String titleKey() {
        return isNew() ? "family.edit.titleNew" : "family.edit.titleEdit";
    }

    public FamilyFormat format() {
        return format;
    }

    public MemberForm addChild() {
        MemberForm child = new MemberForm(Member.newChild());
        children.add(child);
        return child;
    }

    public MemberForm addCaregiver() {
        MemberForm caregiver = new MemberForm(Member.newCaregiver(caregivers.isEmpty() ? Relationship.MOTHER : null));
        caregivers.add(caregiver);
        return caregiver;
    }

    /** Removes a member, unless they are the last child or the last caregiver (a family needs one of each). */
    public boolean remove(MemberForm member) {
        ObservableList<MemberForm> list = member.isChild() ? children : caregivers;
        if (list.size() <= 1) {
            return false;
        }
        return list.remove(member);
    }

    /** The household as it would be saved now. */
    public Family toFamily() {
        List<Member> members = new ArrayList<>();
        children.forEach(c -> members.add(c.toMember()));
        caregivers.forEach(c -> members.add(c.toMember()));
        return new Family(base.id(), members, protectiveOrder.get(), restrictionNote.get(), notes.get(),
                base.synthetic(), base.stamp());
    }

    /**
     * The inline problem for one field of one member, shown after it was touched or a save was tried; none
     * once the member was removed from the form, since what is not saved cannot block the save.
     */
    public Optional<ValidationProblem> check(MemberForm member, Field field) {
        if (!children.contains(member) && !caregivers.contains(member)) {
            return Optional.empty();
        }
        return member.check(field, format.today());
    }

    /** Every problem with the form now, unreadable dates included. */
    public List<ValidationProblem> checkAll() {
        List<ValidationProblem> all = new ArrayList<>();
        for (MemberForm m : allMembers()) {
            for (Field f : Field.values()) {
                m.check(f, format.today()).ifPresent(all::add);
            }
        }
        FamilyValidation.validate(toFamily(), format.today()).stream()
                .filter(p -> p.memberId() == null)
                .forEach(all::add);
        return all;
    }

    /**
     * Saves: with errors, marks them and stops; for a new family, first asks about possible duplicates;
     * then writes through the service on the db-worker thread.
     */
    public void save() {
        if (saving.get()) {
            return;
        }
        List<ValidationProblem> found = checkAll();
        problems.setAll(found);
        showAllProblems.set(true);
        long errors = found.stream().filter(ValidationProblem::isError).count();
        showChecks(found);
        if (errors > 0) {
            return;
        }
        Family family = toFamily();
        saving.set(true);
        if (!isNew()) {
            write(family);
            return;
        }
        runner.read(() -> families.possibleDuplicates(family), candidates -> {
            if (candidates.isEmpty()) {
                write(family);
                return;
            }
            FamilyPrompts.DuplicateDecision decision = prompts.possibleDuplicates(candidates);
            switch (decision.choice()) {
                case SAVE_AS_NEW -> write(family);
                case OPEN_EXISTING -> {
                    saving.set(false);
                    onOpenExisting.accept(decision.existing() != null ? decision.existing() : candidates.get(0));
                }
                case GO_BACK -> saving.set(false);
            }
        }, this::saveFailed);
    }

    private void write(Family family) {
        runner.write(() -> families.save(family), saved -> {
            saving.set(false);
            // What was written, not what the form holds now: nothing typed after Save may pass as saved.
            savedState = family;
            recomputeDirty();
            onSaved.accept(saved);
        }, this::saveFailed);
    }

    private void saveFailed(Throwable failure) {
        saving.set(false);
        if (failure instanceof ValidationFailedException invalid) {
            problems.setAll(invalid.problems());
            showAllProblems.set(true);
            showChecks(invalid.problems());
            return;
        }
        if (failure instanceof ProblemException problem) {
            messageFromChecks = false;
            formMessage.set(format.texts().problem(problem));
        }
        dialogs.showProblem(failure);
    }

    /** The message above the buttons after a check: what blocks the save, or nothing. */
    private void showChecks(List<ValidationProblem> found) {
        long errors = found.stream().filter(ValidationProblem::isError).count();
        messageFromChecks = true;
        formMessage.set(errors == 0 ? ""
                : familyLevelMessage(found).orElse(format.texts().get("problem.VALIDATION_FAILED", errors)));
    }

    private Optional<String> familyLevelMessage(List<ValidationProblem> found) {
        return found.stream().filter(p -> p.memberId() == null && p.isError()).findFirst()
                .map(p -> format.texts().get(p.messageKey()));
    }

    /** Asks before throwing away changes; true when the window may close. */
    public boolean mayClose() {
        if (!dirty.get()) {
            return true;
        }
        return dialogs.confirm("family.edit.discard.title", "family.edit.discard.message");
    }

    private void recomputeDirty() {
        if (savedState == null) {
            return;
        }
        boolean unreadable = allMembers().stream().anyMatch(MemberForm::isBirthDateUnreadable);
        dirty.set(unreadable || !toFamily().equals(savedState));
        if (messageFromChecks && !saving.get()) {
            // Once the user fixes what blocked the save, the message says so at once rather than at the next Save.
            showChecks(checkAll());
        }
    }

    private List<MemberForm> allMembers() {
        List<MemberForm> all = new ArrayList<>(children);
        all.addAll(caregivers);
        return all;
    }

    /** Finds a member's form by id (to point at a problem the service reported). */
    public Optional<MemberForm> member(UUID id) {
        return allMembers().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    public void setOnSaved(Consumer<Family> onSaved) {
        this.onSaved = onSaved;
    }

    public void setOnOpenExisting(Consumer<Family> onOpenExisting) {
        this.onOpenExisting = onOpenExisting;
    }

    public ObservableList<MemberForm> children() {
        return children;
    }

    public ObservableList<MemberForm> caregivers() {
        return caregivers;
    }

    public BooleanProperty protectiveOrderProperty() {
        return protectiveOrder;
    }

    public StringProperty restrictionNoteProperty() {
        return restrictionNote;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    /** The problems found by the latest save attempt. */
    public ObservableList<ValidationProblem> problems() {
        return problems;
    }

    /** True once a save was tried: every field shows its problem, touched or not. */
    public ReadOnlyBooleanProperty showAllProblemsProperty() {
        return showAllProblems.getReadOnlyProperty();
    }

    /** The message above the buttons: what blocks the save, or why it failed. */
    public ReadOnlyStringProperty formMessageProperty() {
        return formMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** True from Save until the outcome is known; the form is read-only meanwhile. */
    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }
}
