package care.tandem.domain.backup;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What a Tandem database file holds, in counts only: shown before a restore replaces anything, for the backup and
 * for the database it would replace.
 *
 * @param schemaVersion its {@code user_version} (a newer one than this Tandem knows is refused)
 * @param clinicId      the clinic it belongs to (empty before the first start finished)
 * @param clinicName    the clinic's name ("" before set-up)
 * @param demo          whether it is a demo folder's database
 * @param families      families, not counting merged or deleted ones
 * @param screens       screens, not counting those entered in error
 * @param notes         visit notes
 * @param referrals     referrals, not counting those entered in error
 * @param users         user accounts
 * @param newestChange  when the newest change in it was made (its change log's newest stamp)
 */
public record DatabaseSummary(int schemaVersion, Optional<UUID> clinicId, String clinicName, boolean demo,
                              long families, long screens, long notes, long referrals, long users,
                              Optional<Instant> newestChange) {
}
