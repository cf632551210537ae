package care.tandem.domain.family;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How families are indexed and queried for search-as-you-type: the one definition shared by the
 * index writer and the query builder, so that what is typed matches what was stored.
 *
 * <p>Every term is a single lower-case token of letters and digits, because SQLite's unicode61
 * tokenizer would split anything else. Name words are stored as they are; birth dates, phones and
 * Medi-Cal ids carry a one-letter tag ({@code d}, {@code p}, {@code m}) so that digits typed for a
 * phone never match a birth date or a name. (The price: a lone first letter d, p or m also matches
 * those tags until the second letter is typed.) Queries are prefix queries: the caller appends
 * {@code *} to each term.
 */
public final class SearchTerms {

    private static final Pattern US_DATE = Pattern.compile("(\\d{1,2})([/-])(\\d{1,2})\\2(\\d{4})");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    // Half-typed dates; read as phone digits they would hide the family being looked for.
    private static final Pattern PARTIAL_ISO_DATE = Pattern.compile("\\d{4}-\\d{0,2}(-\\d{0,2})?");
    private static final Pattern PARTIAL_US_DATE = Pattern.compile("(\\d{1,2})-(\\d{1,2})(-\\d{0,3})?");
    private static final Pattern TOKEN_SEPARATOR = Pattern.compile("[\\s,]+");
    private static final int MIN_NUMBER_DIGITS = 3;

    private SearchTerms() {
    }

    /** The terms under which {@code family} is found: names, birth dates, phones and Medi-Cal ids of every member. */
    public static List<String> indexTerms(Family family) {
        Set<String> terms = new LinkedHashSet<>();
        for (Member member : family.members()) {
            terms.addAll(SearchText.words(member.givenName()));
            terms.addAll(SearchText.words(member.familyName()));
            if (member.birthDate() != null) {
                dateTerm(member.birthDate()).ifPresent(terms::add);
            }
            addPhoneTerms(SearchText.digits(member.phone()), terms);
            String mediCal = String.join("", SearchText.words(member.mediCalId()));
            if (!mediCal.isEmpty()) {
                terms.add("m" + mediCal);
            }
        }
        return List.copyOf(terms);
    }

    /**
     * What {@code input} asks for: every inner list is a group of alternative prefix terms, and a
     * family matches when each group has a term that is a prefix of one of its index terms. Empty
     * when nothing searchable was typed.
     */
    public static List<List<String>> query(String input) {
        if (input == null) {
            return List.of();
        }
        Set<List<String>> groups = new LinkedHashSet<>();
        for (String token : TOKEN_SEPARATOR.split(input.strip())) {
            if (!token.isEmpty()) {
                groups.addAll(groupsFor(token));
            }
        }
        return List.copyOf(groups);
    }

    private static List<List<String>> groupsFor(String token) {
        boolean hasLetter = token.codePoints().anyMatch(Character::isLetter);
        if (hasLetter) {
            return wordGroups(token);
        }
        Matcher us = US_DATE.matcher(token);
        if (us.matches()) {
            return dateGroup(us.group(4), us.group(1), us.group(3));
        }
        Matcher iso = ISO_DATE.matcher(token);
        if (iso.matches()) {
            return dateGroup(iso.group(1), iso.group(2), iso.group(3));
        }
        if (looksLikePartialDate(token)) {
            return List.of();
        }
        String digits = SearchText.digits(token);
        if (digits.length() < MIN_NUMBER_DIGITS) {
            return List.of();
        }
        return List.of(List.of("p" + digits, "m" + digits));
    }

    private static List<List<String>> wordGroups(String token) {
        List<String> words = SearchText.words(token);
        boolean hasDigit = token.codePoints().anyMatch(Character::isDigit);
        List<List<String>> groups = new ArrayList<>();
        if (hasDigit) {
            // Typed like an id ("91234567A"): the id, or the words as names; (m OR w1) AND (m OR w2)
            // is exactly "the id, or all the words".
            String mediCal = "m" + String.join("", words);
            for (String word : words) {
                groups.add(List.of(mediCal, word));
            }
        } else {
            for (String word : words) {
                groups.add(List.of(word));
            }
        }
        return groups;
    }

    private static boolean looksLikePartialDate(String token) {
        if (token.indexOf('/') >= 0) {
            return true;
        }
        if (PARTIAL_ISO_DATE.matcher(token).matches()) {
            return true;
        }
        Matcher partialUs = PARTIAL_US_DATE.matcher(token);
        if (partialUs.matches()) {
            int month = Integer.parseInt(partialUs.group(1));
            int day = Integer.parseInt(partialUs.group(2));
            return month >= 1 && month <= 12 && day >= 1 && day <= 31;
        }
        return false;
    }

    private static List<List<String>> dateGroup(String year, String month, String day) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            return dateTerm(date).map(term -> List.of(List.of(term))).orElse(List.of());
        } catch (DateTimeException notADate) {
            return List.of();
        }
    }

    private static Optional<String> dateTerm(LocalDate date) {
        if (date.getYear() < 0 || date.getYear() > 9999) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "d%04d%02d%02d",
                date.getYear(), date.getMonthValue(), date.getDayOfMonth()));
    }

    private static void addPhoneTerms(String digits, Set<String> terms) {
        if (digits.isEmpty()) {
            return;
        }
        terms.add("p" + digits);
        // Suffixes let a number be found without its country code, area code or exchange.
        for (int suffix : new int[] {10, 7, 4}) {
            if (digits.length() > suffix) {
                terms.add("p" + digits.substring(digits.length() - suffix));
            }
        }
    }
}
