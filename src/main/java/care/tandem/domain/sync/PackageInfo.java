package care.tandem.domain.sync;

import java.util.UUID;

/**
 * What a sync package says about itself: whose clinic, which laptop wrote it and its number in that laptop's series,
 * whether the clinic is a demo clinic, and what the writer held (its {@link Knowledge}) when it wrote it.
 */
public record PackageInfo(UUID clinicId, String clinicName, UUID deviceId, long seq, boolean demo,
                          Knowledge knowledge) {
}
