package care.tandem.ui.signin;

import care.tandem.i18n.Texts;
import care.tandem.service.SignInResult;
import care.tandem.ui.common.FormatLocale;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** What a refused sign-in or unlock tells the person: attempts left, or until when sign-in is paused. */
public final class SignInMessages {
    private SignInMessages() {
    }

    /** The text for a refused sign-in; empty for a success. */
    public static String describe(SignInResult result, Texts texts, ZoneId zone, Instant now) {
        return describe(result, texts, zone, now, "signin.rejected.");
    }

    /** The text for a refused unlock, where only the password can be wrong; empty for a success. */
    public static String describeUnlock(SignInResult result, Texts texts, ZoneId zone, Instant now) {
        return describe(result, texts, zone, now, "lock.rejected.");
    }

    private static String describe(SignInResult result, Texts texts, ZoneId zone, Instant now, String rejected) {
        if (result instanceof SignInResult.Rejected r) {
            int left = r.remainingAttempts();
            return left == 1 ? texts.get(rejected + "one") : texts.get(rejected + "other", left);
        }
        if (result instanceof SignInResult.LockedOut lockedOut) {
            return texts.get("signin.lockedOut", when(lockedOut.until(), texts, zone, now));
        }
        return "";
    }

    /** A time today as "2:45 PM" ("14:45" in Spanish); another day with its date. */
    static String when(Instant until, Texts texts, ZoneId zone, Instant now) {
        ZonedDateTime at = until.atZone(zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        DateTimeFormatter format = at.toLocalDate().equals(today)
                ? DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);
        return format.withLocale(FormatLocale.of(texts)).format(at);
    }
}
