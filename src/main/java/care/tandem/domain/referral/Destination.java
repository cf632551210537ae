package care.tandem.domain.referral;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One entry of the clinic's resource directory: where a family can be referred.
 *
 * @param needs       the needs it serves (suggested for them)
 * @param text        how to reach it by text message (for example "text START to 88788")
 * @param languages   languages it serves, as written by the clinic
 * @param source      where its facts come from (DOMAIN.md §D.1 for the seeded ones)
 * @param privateUse  a destination whose very name reveals a private need (a domestic-violence hotline)
 * @param seedKey     the key of a destination Tandem seeded, or null for one the clinic added
 * @param active      false once the clinic removed it from the directory (kept for old referrals)
 */
public record Destination(UUID id, String name, Set<Need> needs, String phone, String text, String web,
                          String languages, String hours, String notes, String source, boolean privateUse,
                          String seedKey, boolean active, long revision) {

    public Destination {
        Objects.requireNonNull(id, "id");
        name = Objects.requireNonNullElse(name, "").strip();
        needs = needs == null || needs.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(needs));
        phone = Objects.requireNonNullElse(phone, "").strip();
        text = Objects.requireNonNullElse(text, "").strip();
        web = Objects.requireNonNullElse(web, "").strip();
        languages = Objects.requireNonNullElse(languages, "").strip();
        hours = Objects.requireNonNullElse(hours, "").strip();
        notes = Objects.requireNonNullElse(notes, "").strip();
        source = Objects.requireNonNullElse(source, "").strip();
    }

    public boolean serves(Need need) {
        return needs.contains(need);
    }
}
