package care.tandem.domain.screening;

/** A severity band of a total score, inclusive at both ends (PHQ-9 "moderate" = 10–14). */
public record Band(String id, int min, int max) {

    public boolean contains(int total) {
        return total >= min && total <= max;
    }
}
