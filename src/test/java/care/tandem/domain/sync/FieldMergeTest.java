package care.tandem.domain.sync;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The merge rule of one field: causal order first, then rank, then the later stamp; the same on every laptop. */
class FieldMergeTest {
    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID C = UUID.fromString("00000000-0000-0000-0000-00000000000c");

    private static String at(long millis, UUID device) {
        return new Hlc(millis, 0, device).encode();
    }

    @Test
    void knowledgeKnowsEverythingUpToTheNewestStampOfEachDevice() {
        Knowledge k = Knowledge.of(Map.of(A.toString(), at(100, A)));
        assertTrue(k.knows(at(100, A)));
        assertTrue(k.knows(at(99, A)));
        assertFalse(k.knows(at(101, A)));
        assertFalse(k.knows(at(1, B)));
        Knowledge both = k.merge(Knowledge.none().with(at(5, B)));
        assertTrue(both.knows(at(5, B)) && both.knows(at(100, A)));
        assertEquals(both, both.with(at(50, A)), "an older stamp adds nothing");
    }

    @Test
    void aValueWrittenAfterSeeingMineIsTakenEvenIfItsRankIsLower() {
        String awaiting = at(100, A);
        String returned = at(200, B);
        Knowledge sender = Knowledge.none().with(awaiting).with(returned);
        FieldMerge.Decision d = FieldMerge.decide(awaiting, 1, returned, 0, sender, Knowledge.none().with(awaiting));
        assertTrue(d.takeRemote());
        assertFalse(d.concurrent());
    }

    @Test
    void aValueIAlreadySawStays() {
        String old = at(100, B);
        String mine = at(200, A);
        Knowledge me = Knowledge.none().with(old).with(mine);
        FieldMerge.Decision d = FieldMerge.decide(mine, 0, old, 0, Knowledge.none().with(old), me);
        assertFalse(d.takeRemote());
        assertFalse(d.concurrent());
    }

    @Test
    void concurrentValuesAreAConflictWonByRankThenTheLaterStamp() {
        String signed = at(100, A);
        String draft = at(300, B);
        Knowledge a = Knowledge.none().with(signed);
        Knowledge b = Knowledge.none().with(draft);
        FieldMerge.Decision onA = FieldMerge.decide(signed, 2, draft, 0, b, a);
        FieldMerge.Decision onB = FieldMerge.decide(draft, 0, signed, 2, a, b);
        assertTrue(onA.concurrent() && onB.concurrent());
        assertFalse(onA.takeRemote(), "the signed note stays on A");
        assertTrue(onB.takeRemote(), "and replaces the draft on B");
        FieldMerge.Decision sameRank = FieldMerge.decide(at(100, A), 0, at(300, B), 0, b, a);
        assertTrue(sameRank.takeRemote() && sameRank.concurrent(), "the later stamp wins a tie");
    }

    /** Three concurrent versions delivered in every order end with the same winner everywhere. */
    @Test
    void everyOrderOfDeliveryEndsWithTheSameWinner() {
        List<String> versions = List.of(at(300, A), at(200, B), at(250, C));
        List<Integer> ranks = List.of(0, 1, 0);
        Random random = new Random(1);
        String expected = null;
        for (int round = 0; round < 50; round++) {
            List<Integer> order = new ArrayList<>(List.of(0, 1, 2));
            Collections.shuffle(order, random);
            String held = versions.get(order.get(0));
            int heldRank = ranks.get(order.get(0));
            Knowledge me = Knowledge.none().with(held);
            for (int i : order.subList(1, 3)) {
                String v = versions.get(i);
                FieldMerge.Decision d = FieldMerge.decide(held, heldRank, v, ranks.get(i), Knowledge.none().with(v), me);
                if (d.takeRemote()) {
                    held = v;
                    heldRank = ranks.get(i);
                }
                me = me.with(v);
            }
            if (expected == null) {
                expected = held;
            }
            assertEquals(expected, held);
        }
        assertEquals(at(200, B), expected, "rank first: the finished one");
    }
}
