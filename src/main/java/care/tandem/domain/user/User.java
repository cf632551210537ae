package care.tandem.domain.user;

import java.util.UUID;

/** A person who signs in to Tandem. {@code supervisorId} is set for associates only. */
public record User(UUID id, String username, String displayName, Role role, UUID supervisorId, boolean active) {
}
