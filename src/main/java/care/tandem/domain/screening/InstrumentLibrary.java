package care.tandem.domain.screening;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The instruments Tandem can give and score, by id ({@code phq9}, {@code ahc-hrsn}, ...): the current version of
 * each, which new screens use, and the other versions a clinic imported (ADR 0008), which screens begun with them
 * keep using.
 */
public final class InstrumentLibrary {
    private final Map<String, Instrument> byId = new LinkedHashMap<>();
    private final Map<String, List<Instrument>> versions = new LinkedHashMap<>();

    public InstrumentLibrary(Collection<Instrument> instruments) {
        this(instruments, List.of());
    }

    /**
     * @param current       one instrument per id: the version new screens use
     * @param otherVersions other versions of those ids (each id and version once)
     */
    public InstrumentLibrary(Collection<Instrument> current, Collection<Instrument> otherVersions) {
        for (Instrument i : current) {
            if (byId.putIfAbsent(i.id(), i) != null) {
                throw new IllegalArgumentException("two instruments with id " + i.id());
            }
            versions.computeIfAbsent(i.id(), k -> new ArrayList<>()).add(i);
        }
        for (Instrument i : otherVersions) {
            if (!byId.containsKey(i.id())) {
                throw new IllegalArgumentException("a version of " + i.id() + " without a current version");
            }
            List<Instrument> vs = versions.get(i.id());
            if (vs.stream().anyMatch(v -> v.version().equals(i.version()))) {
                throw new IllegalArgumentException("two versions " + i.version() + " of " + i.id());
            }
            vs.add(i);
        }
    }

    /** Every version of an instrument, the current one first. */
    public List<Instrument> versions(String id) {
        return List.copyOf(versions.getOrDefault(id, List.of()));
    }

    /** The versions that are not current, of every instrument. */
    public List<Instrument> otherVersions() {
        List<Instrument> out = new ArrayList<>();
        versions.values().forEach(vs -> out.addAll(vs.subList(1, vs.size())));
        return out;
    }

    /**
     * One version of an instrument: the one a screen was begun with. Falls back to the current version when that
     * version is no longer known (a screen begun before an import was withdrawn).
     */
    public Optional<Instrument> find(String id, String version) {
        return versions.getOrDefault(id, List.of()).stream().filter(v -> v.version().equals(version)).findFirst()
                .or(() -> find(id));
    }

    public List<Instrument> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Instrument> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Instrument get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no instrument " + id));
    }

    /**
     * Which instrument a response is of, in this order: its Questionnaire canonical (ours or a known other
     * form's); a panel code among its link ids; else the smallest instrument whose items hold every answered
     * item code (so items 1–2 of the PHQ are the PHQ-2, and a response with items Tandem does not know, such as
     * PRAPARE's, is of no instrument).
     *
     * @param canonical  the response's {@code questionnaire}, with or without {@code |version}; may be null
     * @param pathCodes  every code that appears as a segment of a link id (groups included)
     * @param itemCodes  the item codes that carry answers
     */
    public Optional<Instrument> recognise(String canonical, Set<String> pathCodes, Set<String> itemCodes) {
        if (canonical != null && !canonical.isBlank()) {
            String url = canonical.contains("|") ? canonical.substring(0, canonical.indexOf('|')) : canonical;
            for (Instrument i : byId.values()) {
                if (i.url().equals(url) || i.rules().canonicals().contains(url)) {
                    return Optional.of(i);
                }
            }
        }
        for (Instrument i : byId.values()) {
            if (i.rules().panelCodes().stream().anyMatch(pathCodes::contains)) {
                return Optional.of(i);
            }
        }
        if (itemCodes.isEmpty()) {
            return Optional.empty();
        }
        return byId.values().stream()
                .filter(i -> i.items().stream().map(Item::code).toList().containsAll(
                        itemCodes.stream().filter(c -> !isDerived(i, c)).toList()))
                .filter(i -> itemCodes.stream().anyMatch(c -> i.item(c).isPresent()))
                .min(Comparator.comparingInt(i -> i.items().size()));
    }

    /** A code an instrument computes rather than asks (its total, or a derived risk item). */
    public static boolean isDerived(Instrument instrument, String code) {
        return code.equals(instrument.rules().totalCode()) || instrument.rules().derivedCodes().contains(code);
    }
}
