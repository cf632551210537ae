package care.tandem.domain.sync;

import java.util.Objects;

/**
 * How one field (or one whole record, for records with a lifecycle) merges when a package brings a version of it
 * that differs from this laptop's (ADR 0009).
 *
 * <ol>
 *   <li>The writer of the package already held this laptop's version: its value was written after it, so it is
 *       taken.</li>
 *   <li>This laptop already held the package's version: its own value came after, so it stays.</li>
 *   <li>Otherwise the two were written without either seeing the other: a true conflict. Every laptop picks the
 *       same winner, the higher {@code rank} (how far along its lifecycle a record is: a signed note over a draft)
 *       and then the later stamp, and a conflict is kept for a person when the values differ.</li>
 * </ol>
 * Every laptop that has seen the same versions ends with the same one, whatever order it read them in.
 */
public final class FieldMerge {
    private FieldMerge() {
    }

    /** What to do: take the package's value or keep this laptop's; {@code concurrent} when neither saw the other. */
    public record Decision(boolean takeRemote, boolean concurrent) {
        static final Decision KEEP = new Decision(false, false);
        static final Decision TAKE = new Decision(true, false);
    }

    /**
     * @param local      this laptop's version stamp (empty when it has none)
     * @param remote     the package's version stamp
     * @param sender     what the package's writer held
     * @param mine       what this laptop holds
     */
    public static Decision decide(String local, int localRank, String remote, int remoteRank, Knowledge sender,
                                  Knowledge mine) {
        Objects.requireNonNull(remote, "remote");
        if (remote.equals(local)) {
            return Decision.KEEP;
        }
        if (local == null || local.isEmpty() || sender.knows(local)) {
            return Decision.TAKE;
        }
        if (mine.knows(remote)) {
            return Decision.KEEP;
        }
        return new Decision(wins(remoteRank, remote, localRank, local), true);
    }

    /** The order in which concurrent versions win: rank first, then the later stamp. */
    public static boolean wins(int rank, String hlc, int otherRank, String otherHlc) {
        if (rank != otherRank) {
            return rank > otherRank;
        }
        return hlc.compareTo(otherHlc) > 0;
    }
}
