package care.tandem.domain.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class HlcTest {

    private static final UUID DEVICE = UUID.fromString("6f1c2b9e-0d4a-4c3b-9a8e-1f2d3c4b5a69");
    // The high bit set: a signed comparison would put it before LOW_DEVICE.
    private static final UUID HIGH_DEVICE = UUID.fromString("f0000000-0000-4000-8000-000000000000");
    private static final UUID LOW_DEVICE = UUID.fromString("0fffffff-ffff-4fff-bfff-ffffffffffff");

    @Test
    void encodesAsFixedWidthHexMillisCounterAndDevice() {
        Hlc hlc = new Hlc(0x18f_ffc1_cc00L, 42, DEVICE);
        assertEquals("0018fffc1cc00-002a-6f1c2b9e-0d4a-4c3b-9a8e-1f2d3c4b5a69", hlc.encode());
        assertEquals(55, new Hlc(0, 0, DEVICE).encode().length());
        assertEquals(55, new Hlc(Hlc.MAX_MILLIS, Hlc.MAX_COUNTER, DEVICE).encode().length());
    }

    @Test
    void parseReadsWhatEncodeWrote() {
        for (Hlc hlc : samples()) {
            assertEquals(hlc, Hlc.parse(hlc.encode()));
        }
    }

    @Test
    void textOrderIsTheSameAsTimestampOrder() {
        List<Hlc> byValue = new ArrayList<>(samples());
        byValue.sort(Comparator.naturalOrder());
        List<Hlc> byText = new ArrayList<>(samples());
        byText.sort(Comparator.comparing(Hlc::encode));
        assertEquals(byValue, byText);
    }

    @Test
    void ordersByMillisThenCounterThenDevice() {
        assertTrue(new Hlc(2, 0, LOW_DEVICE).isAfter(new Hlc(1, 9, HIGH_DEVICE)));
        assertTrue(new Hlc(1, 2, LOW_DEVICE).isAfter(new Hlc(1, 1, HIGH_DEVICE)));
        assertTrue(new Hlc(1, 1, HIGH_DEVICE).isAfter(new Hlc(1, 1, LOW_DEVICE)));
        assertEquals(0, new Hlc(1, 1, DEVICE).compareTo(new Hlc(1, 1, DEVICE)));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {
            "garbage",
            "0018fffc1cc00-002a-6f1c2b9e-0d4a-4c3b-9a8e-1f2d3c4b5a6",
            "0018fffc1cc00-002a-6f1c2b9e-0d4a-4c3b-9a8e-1f2d3c4b5a699",
            "0018FFFC1CC00-002A-6F1C2B9E-0D4A-4C3B-9A8E-1F2D3C4B5A69",
            "0018fffc1cc00_002a-6f1c2b9e-0d4a-4c3b-9a8e-1f2d3c4b5a69",
            "0018fffc1cc0g-002a-6f1c2b9e-0d4a-4c3b-9a8e-1f2d3c4b5a69",
            "018fffc1cc00-0002a-6f1c2b9e-0d4a-4c3b-9a8e-1f2d3c4b5a69",
            "0018fffc1cc00-002a-6f1c2b9e0d4a-4c3b-9a8e-1f2d3c4b5a69-",
    })
    void parseRejectsAnythingElseWithAClearMessage(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Hlc.parse(text));
        assertTrue(e.getMessage().contains("HLC"), e.getMessage());
    }

    @Test
    void valuesThatDoNotFitTheTextFormAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Hlc(-1, 0, DEVICE));
        assertThrows(IllegalArgumentException.class, () -> new Hlc(Hlc.MAX_MILLIS + 1, 0, DEVICE));
        assertThrows(IllegalArgumentException.class, () -> new Hlc(0, Hlc.MAX_COUNTER + 1, DEVICE));
        assertThrows(IllegalArgumentException.class, () -> new Hlc(0, -1, DEVICE));
        assertThrows(NullPointerException.class, () -> new Hlc(0, 0, null));
    }

    private static List<Hlc> samples() {
        List<Hlc> samples = new ArrayList<>();
        for (long millis : new long[] {0, 1, 15, 16, 255, 1_718_000_000_000L, Hlc.MAX_MILLIS}) {
            for (int counter : new int[] {0, 1, 15, 16, 4096, Hlc.MAX_COUNTER}) {
                for (UUID device : List.of(DEVICE, HIGH_DEVICE, LOW_DEVICE)) {
                    samples.add(new Hlc(millis, counter, device));
                }
            }
        }
        return samples;
    }
}
