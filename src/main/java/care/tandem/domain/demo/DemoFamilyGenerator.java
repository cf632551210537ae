package care.tandem.domain.demo;

import care.tandem.domain.family.ContactPreferences;
import care.tandem.domain.family.Family;
import care.tandem.domain.family.Member;
import care.tandem.domain.family.MemberKind;
import care.tandem.domain.family.Relationship;
import care.tandem.domain.family.Sex;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Makes realistic synthetic households for practice, demos and benchmarks: English and Spanish names,
 * children mostly under six (the dyadic age range), caregivers of plausible ages, fictional phone
 * numbers (555-01xx, reserved for fiction) and plainly marked as synthetic. The same seed gives the
 * same families, ids included.
 */
public final class DemoFamilyGenerator {
    /** Written into every demo family's notes so that a printout can never pass for a real record. */
    public static final String SYNTHETIC_NOTE = "SYNTHETIC DEMO FAMILY — not a real person.";

    private static final String[] GIVEN_F_EN = {"Emma", "Olivia", "Ava", "Sophia", "Mia", "Harper", "Ella",
            "Abigail", "Emily", "Madison", "Chloe", "Grace", "Hannah", "Zoe", "Lily", "Nora", "Ruby", "Aaliyah",
            "Jasmine", "Kayla", "Brianna", "Taylor", "Morgan", "Jade", "Hazel"};
    private static final String[] GIVEN_M_EN = {"Liam", "Noah", "Oliver", "Elijah", "James", "William",
            "Benjamin", "Lucas", "Henry", "Jackson", "Ethan", "Aiden", "Caleb", "Owen", "Wyatt", "Isaac",
            "Dylan", "Jayden", "Marcus", "Tyler", "Jordan", "Malik", "Andre", "Connor", "Ryan"};
    private static final String[] GIVEN_F_ES = {"María", "Sofía", "Valentina", "Camila", "Ximena", "Lucía",
            "Isabella", "Guadalupe", "Daniela", "Mariana", "Fernanda", "Renata", "Paola", "Andrea", "Alejandra",
            "Itzel", "Yesenia", "Rocío", "Araceli", "Juana", "Leticia", "Verónica", "Natalia", "Beatriz", "Inés"};
    private static final String[] GIVEN_M_ES = {"José", "Juan", "Luis", "Carlos", "Miguel", "Santiago",
            "Mateo", "Sebastián", "Diego", "Alejandro", "Jesús", "Ángel", "Emiliano", "Joaquín", "Fernando",
            "Ricardo", "Javier", "Andrés", "Raúl", "Tomás", "Héctor", "Iván", "Rubén", "Julián", "Óscar"};
    private static final String[] FAMILY_EN = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Miller",
            "Davis", "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Jackson", "Martin", "Lee", "Thompson",
            "White", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright",
            "Scott", "Green", "Baker", "Adams", "Nelson", "Hill", "Campbell", "Mitchell", "Roberts", "Carter",
            "Nguyen", "Tran", "Kim", "Patel", "O'Brien", "Washington", "Brooks", "Foster", "Hayes"};
    private static final String[] FAMILY_ES = {"García", "Rodríguez", "Martínez", "Hernández", "López",
            "González", "Pérez", "Sánchez", "Ramírez", "Torres", "Flores", "Rivera", "Gómez", "Díaz", "Reyes",
            "Morales", "Cruz", "Ortiz", "Gutiérrez", "Chávez", "Ramos", "Ruiz", "Álvarez", "Mendoza", "Castillo",
            "Jiménez", "Vásquez", "Moreno", "Herrera", "Medina", "Aguilar", "Vargas", "Castro", "Núñez", "Rojas",
            "Domínguez", "Salazar", "Peña", "Ibáñez", "Muñoz"};
    private static final String[] AREA_CODES = {"213", "323", "310", "408", "415", "510", "559", "619", "661",
            "707", "714", "760", "805", "818", "909", "916", "951"};
    private static final String[] OTHER_LANGUAGES = {"vi", "zh", "tl", "ko", "hy", "ru", "fa", "ar"};

    private final Random random;
    private final LocalDate today;

    public DemoFamilyGenerator(long seed, LocalDate today) {
        this.random = new Random(seed);
        this.today = today;
    }

    /** The next synthetic household. */
    public Family next() {
        boolean spanish = random.nextInt(100) < 45;
        String surname = surname(spanish);
        String language = spanish ? (random.nextInt(100) < 75 ? "es" : "en")
                : (random.nextInt(100) < 8 ? pick(OTHER_LANGUAGES) : "en");
        List<Member> members = new ArrayList<>();
        int children = weighted(new int[] {62, 28, 8, 2}) + 1;
        LocalDate youngest = today.minusDays(random.nextInt(6 * 365));
        for (int i = 0; i < children; i++) {
            LocalDate born = i == 0 ? youngest : youngest.minusDays(300 + random.nextInt(5 * 365));
            members.add(child(spanish, surname, born, language));
        }
        Relationship first = switch (weighted(new int[] {78, 10, 6, 3, 3})) {
            case 0 -> Relationship.MOTHER;
            case 1 -> Relationship.FATHER;
            case 2 -> Relationship.GRANDPARENT;
            case 3 -> Relationship.FOSTER_PARENT;
            default -> Relationship.LEGAL_GUARDIAN;
        };
        members.add(caregiver(spanish, surname, first, youngest, language, true));
        if (random.nextInt(100) < 45) {
            Relationship second = first == Relationship.FATHER ? Relationship.MOTHER
                    : random.nextInt(100) < 80 ? Relationship.FATHER : Relationship.GRANDPARENT;
            members.add(caregiver(spanish, surname, second, youngest, language, random.nextBoolean()));
        }
        boolean protectiveOrder = random.nextInt(100) < 2;
        String note = protectiveOrder ? SYNTHETIC_NOTE + " Practice case: protective order on file." : SYNTHETIC_NOTE;
        return new Family(uuid(), members, protectiveOrder, protectiveOrder ? "Former partner (practice case)" : "",
                note, true, null);
    }

    private Member child(boolean spanish, String surname, LocalDate born, String language) {
        Sex sex = random.nextBoolean() ? Sex.FEMALE : Sex.MALE;
        String given = given(spanish, sex);
        String mediCal = random.nextInt(100) < 70 ? mediCalId() : "";
        return new Member(uuid(), MemberKind.CHILD, given, surname, born, sex, language, false, null, "",
                ContactPreferences.NONE, false, false, mediCal, "");
    }

    private Member caregiver(boolean spanish, String surname, Relationship rel, LocalDate youngest, String language,
                             boolean mayConsent) {
        Sex sex = switch (rel) {
            case MOTHER -> Sex.FEMALE;
            case FATHER -> Sex.MALE;
            default -> random.nextInt(100) < 75 ? Sex.FEMALE : Sex.MALE;
        };
        int ageAtBirth = rel == Relationship.GRANDPARENT ? 38 + random.nextInt(25) : 17 + random.nextInt(24);
        LocalDate born = youngest.minusYears(ageAtBirth).minusDays(random.nextInt(365));
        String family = rel == Relationship.MOTHER && spanish && random.nextBoolean() ? surname(true) : surname;
        boolean interpreter = !"en".equals(language) && random.nextInt(100) < 60;
        ContactPreferences contact = new ContactPreferences(random.nextInt(100) < 90, random.nextInt(100) < 75,
                random.nextInt(100) < 60);
        boolean consent = mayConsent || rel == Relationship.MOTHER || rel == Relationship.LEGAL_GUARDIAN;
        return new Member(uuid(), MemberKind.CAREGIVER, given(spanish, sex), family, born, sex, language,
                interpreter, rel, phone(), contact, consent, false, "", "");
    }

    private String surname(boolean spanish) {
        if (spanish && random.nextInt(100) < 30) {
            return pick(FAMILY_ES) + " " + pick(FAMILY_ES);
        }
        return spanish ? pick(FAMILY_ES) : pick(FAMILY_EN);
    }

    private String given(boolean spanish, Sex sex) {
        boolean female = sex == Sex.FEMALE;
        if (spanish) {
            return pick(female ? GIVEN_F_ES : GIVEN_M_ES);
        }
        return pick(female ? GIVEN_F_EN : GIVEN_M_EN);
    }

    private String phone() {
        return "(" + pick(AREA_CODES) + ") 555-01" + String.format("%02d", random.nextInt(100));
    }

    private String mediCalId() {
        return String.format("9%07d%c", random.nextInt(10_000_000), (char) ('A' + random.nextInt(26)));
    }

    private UUID uuid() {
        return randomUuid(random);
    }

    /** A version-4 UUID drawn from a seeded random, so that the same seed gives the same ids. */
    public static UUID randomUuid(Random random) {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    private int weighted(int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
