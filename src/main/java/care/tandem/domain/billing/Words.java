package care.tandem.domain.billing;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Text from the message bundles: a key and the arguments for its {0}, {1}, ... (numbers and codes, never names). */
public record Words(String key, List<String> args) {

    public Words {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    public static Words of(String key, Object... args) {
        return new Words(key, Arrays.stream(args).map(String::valueOf).toList());
    }
}
