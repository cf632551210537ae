package care.tandem.domain.family;

import java.util.Collections;
import java.util.List;

/**
 * Decides when two member records probably describe the same person, so that a family is not
 * registered twice.
 */
public final class DuplicateRule {

    private DuplicateRule() {
    }

    /**
     * Same birth date (both known), same given name and same family name, ignoring accents, case,
     * spaces and punctuation ("O'Brien" is "OBrien"). Because Latin American compound surnames are
     * often recorded with only one of the two ("García López", "García", "López"), a family name
     * also matches when its words appear in order inside the other.
     */
    public static boolean samePerson(Member a, Member b) {
        if (a.birthDate() == null || !a.birthDate().equals(b.birthDate())) {
            return false;
        }
        String givenA = letters(a.givenName());
        if (givenA.isEmpty() || !givenA.equals(letters(b.givenName()))) {
            return false;
        }
        return surnamesMatch(SearchText.words(a.familyName()), SearchText.words(b.familyName()));
    }

    private static String letters(String name) {
        return String.join("", SearchText.words(name));
    }

    private static boolean surnamesMatch(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        if (String.join("", a).equals(String.join("", b))) {
            return true;
        }
        List<String> longer = a.size() >= b.size() ? a : b;
        List<String> shorter = longer == a ? b : a;
        return Collections.indexOfSubList(longer, shorter) >= 0;
    }
}
