package care.tandem.domain.screening;

/**
 * An item that needs same-day action whatever the total (PHQ-9 item 9, EPDS item 10): critical when its
 * points reach {@code minPoints}. {@code askDirectlyIfDeclined}: a declined answer is flagged "ask directly".
 */
public record CriticalRule(String item, int minPoints, boolean askDirectlyIfDeclined) {
}
