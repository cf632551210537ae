package care.tandem.domain.billing;

import java.time.LocalDate;
import java.util.Objects;

/** A code accepted on another visit of the same child: its rule key and that visit's date (for frequency limits). */
public record BilledBefore(String key, LocalDate visitDate) {

    public BilledBefore {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(visitDate, "visitDate");
    }
}
