package care.tandem.service;

import java.util.UUID;

/** Identity of this installation: the clinic, this laptop, and whether the folder holds demo data. */
public record ClinicInfo(UUID clinicId, UUID deviceId, String clinicName, boolean demo) {
}
