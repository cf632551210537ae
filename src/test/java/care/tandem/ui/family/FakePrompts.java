package care.tandem.ui.family;

import care.tandem.domain.family.Family;

import java.util.ArrayList;
import java.util.List;

/** Answers "this family may already be registered" as the test says, and remembers what it was shown. */
final class FakePrompts implements FamilyPrompts {
    final List<List<Family>> shown = new ArrayList<>();
    DuplicateChoice choice = DuplicateChoice.GO_BACK;

    @Override
    public DuplicateDecision possibleDuplicates(List<Family> candidates) {
        shown.add(candidates);
        return new DuplicateDecision(choice, choice == DuplicateChoice.OPEN_EXISTING ? candidates.get(0) : null);
    }
}
