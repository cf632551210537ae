package care.tandem.domain.family;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Merges two records of one household. The kept record's values win; a blank field is filled from the
 * other record; members of the other record who are the same person as a kept member (same name and
 * birth date, {@link DuplicateRule}) are folded into that member, the rest move to the kept family.
 */
public final class FamilyMerge {

    /**
     * @param family          the kept family with its new member list
     * @param personMergedInto for each member of the merged-away record folded into a kept member, that member's id
     */
    public record Result(Family family, Map<UUID, UUID> personMergedInto) {
    }

    private FamilyMerge() {
    }

    public static Result merge(Family kept, Family other) {
        if (kept.id().equals(other.id())) {
            throw new IllegalArgumentException("a family cannot be merged with itself");
        }
        List<Member> members = new ArrayList<>(kept.members());
        Map<UUID, UUID> folded = new HashMap<>();
        for (Member m : other.members()) {
            int match = indexOfSamePerson(members, m);
            if (match >= 0) {
                members.set(match, fillBlanks(members.get(match), m));
                folded.put(m.id(), members.get(match).id());
            } else {
                members.add(m);
            }
        }
        members.sort((a, b) -> Boolean.compare(!a.isChild(), !b.isChild()));
        Family merged = new Family(kept.id(), members,
                kept.protectiveOrder() || other.protectiveOrder(),
                joinText(kept.restrictionNote(), other.restrictionNote()),
                joinText(kept.notes(), other.notes()),
                kept.synthetic() && other.synthetic(), kept.stamp());
        return new Result(merged, Map.copyOf(folded));
    }

    private static int indexOfSamePerson(List<Member> members, Member m) {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).kind() == m.kind() && DuplicateRule.samePerson(members.get(i), m)) {
                return i;
            }
        }
        return -1;
    }

    private static Member fillBlanks(Member k, Member o) {
        return new Member(k.id(), k.kind(), k.givenName(), k.familyName(),
                k.birthDate() != null ? k.birthDate() : o.birthDate(),
                k.sex() != null ? k.sex() : o.sex(),
                k.preferredLanguage(), k.interpreterNeeded() || o.interpreterNeeded(),
                k.relationship() != null ? k.relationship() : o.relationship(),
                k.phone().isBlank() ? o.phone() : k.phone(),
                k.phone().isBlank() ? o.contact() : k.contact(),
                k.mayConsent() || o.mayConsent(),
                // A restriction on either record stays: losing it could send information to the wrong person.
                k.restricted() || o.restricted(),
                k.mediCalId().isBlank() ? o.mediCalId() : k.mediCalId(),
                joinText(k.notes(), o.notes()));
    }

    private static String joinText(String a, String b) {
        if (b.isBlank() || a.strip().equals(b.strip())) {
            return a;
        }
        return a.isBlank() ? b : a + "\n" + b;
    }
}
