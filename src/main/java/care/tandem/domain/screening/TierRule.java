package care.tandem.domain.screening;

/**
 * A risk tier computed from two answers, shown as the band: the ACEs Aware tier from the PEARLS ACE count
 * ({@code countItem}) and the ACE-associated health condition question ({@code conditionItem}, yes = {@code yesCode}).
 */
public record TierRule(String countItem, String conditionItem, String yesCode) {
}
