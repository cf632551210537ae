package care.tandem.ui.family;

import care.tandem.domain.family.Family;

import java.util.List;

/**
 * The family screens' own question to the user, beyond the yes/no of the dialog service: what to do
 * about possible duplicates before a new family is saved. Tests answer it without a toolkit.
 */
public interface FamilyPrompts {

    /** The user's answer to "This family may already be registered". */
    enum DuplicateChoice { OPEN_EXISTING, SAVE_AS_NEW, GO_BACK }

    /** @param existing the family to open for {@link DuplicateChoice#OPEN_EXISTING}, else null */
    record DuplicateDecision(DuplicateChoice choice, Family existing) {
    }

    /** Shows the families that may be this one and asks what to do. */
    DuplicateDecision possibleDuplicates(List<Family> candidates);
}
