package care.tandem.interop.instrument;

import care.tandem.domain.screening.Item;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the FHIRPath {@code calculatedExpression}s that sum points, as forms write them; Tandem has no FHIRPath
 * engine and computes nothing else (ADR 0008). Recognised:
 * <ul>
 *   <li>the points of every answer: {@code %resource.answers().value.ordinal().sum()}, with {@code weight()},
 *       {@code repeat(item).answer} or {@code item.answer} forms;</li>
 *   <li>a sum of terms, each the points of exactly one item (its linkId in {@code linkId = '...'} and
 *       {@code ordinal}, {@code weight}, {@code ordinalValue}, {@code itemWeight} or LHC-Forms' {@code %scoreExt}),
 *       written directly or through {@code variable} extensions (up to three deep), with LHC-Forms'
 *       {@code iif(%x.exists(), %x, 0)} guards and an outer {@code iif(%anyAnswered, ..., {})}.</li>
 * </ul>
 * A term with arithmetic of its own (a product, a difference, a constant) makes the whole expression unrecognised.
 */
final class SumExpressions {
    private static final Pattern WHOLE_SUM = Pattern.compile(
            "%resource\\.(answers\\(\\)|repeat\\(item\\)\\.answer|item\\.answer)(\\.value)?\\.(ordinal|weight)\\(\\)\\.sum\\(\\)");
    private static final Pattern LINK_ID = Pattern.compile("linkId\\s*=\\s*'([^']+)'");
    private static final Pattern EXISTS_OR_ZERO = Pattern.compile(
            "iif\\(\\s*(%[A-Za-z_][\\w]*)\\.exists\\(\\)\\s*,\\s*\\1\\s*,\\s*0\\s*\\)");
    private static final Pattern WRAPPED = Pattern.compile("iif\\(\\s*%[A-Za-z_][\\w]*\\s*,(.*),\\s*(\\{\\s*}|0)\\s*\\)",
            Pattern.DOTALL);
    private static final int VARIABLE_DEPTH = 3;

    private SumExpressions() {
    }

    /**
     * The item codes an expression adds up, in order, or null when it is not a sum Tandem recognises.
     *
     * @param items     the questions Tandem asks (only their points can be summed)
     * @param linkIds   each linkId and the item code Tandem knows it by
     * @param variables the form's {@code variable} extensions by name
     */
    static List<String> summedItems(String expression, List<Item> items, Map<String, String> linkIds,
                                    Map<String, String> variables) {
        String e = expression.strip();
        if (WHOLE_SUM.matcher(e).matches()) {
            List<String> all = items.stream().filter(it -> !it.options().isEmpty()
                    && it.options().stream().allMatch(o -> o.points() != null)).map(Item::code).toList();
            return all.isEmpty() ? null : all;
        }
        Matcher wrapped = WRAPPED.matcher(e);
        if (wrapped.matches()) {
            e = wrapped.group(1).strip();
        }
        e = EXISTS_OR_ZERO.matcher(e).replaceAll("$1");
        List<String> terms = split(e);
        if (terms.size() < 2) {
            return null;
        }
        List<String> codes = new ArrayList<>();
        for (String term : terms) {
            String t = term.strip();
            for (int depth = 0; t.startsWith("%") && variables.containsKey(t.substring(1)) && depth < VARIABLE_DEPTH;
                 depth++) {
                t = variables.get(t.substring(1)).strip();
            }
            if (hasArithmetic(t)) {
                return null;
            }
            Matcher m = LINK_ID.matcher(t);
            Set<String> links = new LinkedHashSet<>();
            while (m.find()) {
                links.add(m.group(1));
            }
            boolean points = t.contains("ordinal") || t.contains("weight") || t.contains("%scoreExt")
                    || t.contains("itemWeight");
            if (links.size() != 1 || !points) {
                return null;
            }
            String code = linkIds.get(links.iterator().next());
            if (code == null || items.stream().noneMatch(it -> it.code().equals(code))) {
                return null;
            }
            codes.add(code);
        }
        return codes;
    }

    /** The expression's top-level terms around {@code +} (outside quotes, parentheses, braces and brackets). */
    static List<String> split(String e) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int k = 0; k < e.length(); k++) {
            char ch = e.charAt(k);
            if (ch == '\'') {
                quoted = !quoted;
            } else if (!quoted && (ch == '(' || ch == '{' || ch == '[')) {
                depth++;
            } else if (!quoted && (ch == ')' || ch == '}' || ch == ']')) {
                depth--;
            } else if (!quoted && depth == 0 && ch == '+') {
                out.add(e.substring(start, k));
                start = k + 1;
            }
        }
        out.add(e.substring(start));
        return out;
    }

    /** Whether a term does arithmetic of its own at its top level: {@code * / -}, {@code div}, {@code mod}. */
    private static boolean hasArithmetic(String t) {
        int depth = 0;
        boolean quoted = false;
        StringBuilder top = new StringBuilder();
        for (int k = 0; k < t.length(); k++) {
            char ch = t.charAt(k);
            if (ch == '\'') {
                quoted = !quoted;
            } else if (!quoted && (ch == '(' || ch == '{' || ch == '[')) {
                depth++;
            } else if (!quoted && (ch == ')' || ch == '}' || ch == ']')) {
                depth--;
            } else if (!quoted && depth == 0) {
                if (ch == '*' || ch == '/' || ch == '-') {
                    return true;
                }
                top.append(ch);
            }
        }
        String words = " " + top + " ";
        return words.contains(" div ") || words.contains(" mod ");
    }
}
