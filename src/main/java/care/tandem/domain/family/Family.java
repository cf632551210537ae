package care.tandem.domain.family;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A household: one or more children and one or more caregivers, cared for together.
 *
 * @param protectiveOrder  a protective order or restricted-person situation applies
 * @param restrictionNote  who must not receive information, in the clinician's words
 * @param synthetic        made by {@code tandem demo}; never a real family
 * @param stamp            null for a family not saved yet
 */
public record Family(UUID id, List<Member> members, boolean protectiveOrder, String restrictionNote,
                     String notes, boolean synthetic, RecordStamp stamp) {

    public Family {
        Objects.requireNonNull(id, "id");
        members = List.copyOf(members);
        restrictionNote = Objects.requireNonNullElse(restrictionNote, "");
        notes = Objects.requireNonNullElse(notes, "");
    }

    /** A new household with one empty child and one empty caregiver (mother), as the new-family dialog starts. */
    public static Family newDraft() {
        return new Family(UUID.randomUUID(),
                List.of(Member.newChild(), Member.newCaregiver(Relationship.MOTHER)),
                false, "", "", false, null);
    }

    public List<Member> children() {
        return members.stream().filter(Member::isChild).toList();
    }

    public List<Member> caregivers() {
        return members.stream().filter(m -> !m.isChild()).toList();
    }

    public Family withMembers(List<Member> newMembers) {
        return new Family(id, newMembers, protectiveOrder, restrictionNote, notes, synthetic, stamp);
    }

    public boolean isNew() {
        return stamp == null;
    }
}
