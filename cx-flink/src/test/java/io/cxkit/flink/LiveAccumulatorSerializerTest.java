package io.cxkit.flink;

import io.cxkit.survey.SurveyAccumulatorKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.survey.CustomerEffort;
import io.cxkit.survey.CustomerSatisfaction;
import io.cxkit.survey.drivers.KeyDrivers;
import io.cxkit.survey.NetPromoterScore;
import java.io.IOException;
import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** The state's serializer: round trips through the library's encoding, copies, and damaged bytes. */
class LiveAccumulatorSerializerTest {
    private final LiveAccumulatorSerializer serializer = new LiveAccumulatorSerializer();

    private static LiveAccumulator nps() {
        NetPromoterScore a = NetPromoterScore.create();
        a.accept(10);
        a.accept(9, 2.5);
        a.accept(3);
        a.acceptMissing();
        return new LiveAccumulator(SurveyAccumulatorKind.NPS, a);
    }

    private byte[] bytes(LiveAccumulator acc) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(acc, out);
        return out.getCopyOfBuffer();
    }

    @Test
    void roundTripsEveryMetricThroughTheEncoding() throws IOException {
        CustomerSatisfaction csat = CustomerSatisfaction.create();
        csat.accept(4, 1.5);
        CustomerEffort ces = CustomerEffort.create();
        ces.accept(6);
        KeyDrivers kd = KeyDrivers.of("overall", List.of("ease", "speed"));
        kd.accept(7, new double[] {6, 5});
        kd.accept(3, new double[] {2, 4});
        kd.accept(5, new double[] {5, Double.NaN});
        kd.accept(6, new double[] {4, 6});
        kd.accept(2, new double[] {3, 1});
        for (LiveAccumulator acc : new LiveAccumulator[] {nps(), new LiveAccumulator(SurveyAccumulatorKind.CSAT, csat),
            new LiveAccumulator(SurveyAccumulatorKind.CES, ces), new LiveAccumulator(SurveyAccumulatorKind.KEY_DRIVERS, kd)}) {
            LiveAccumulator back = serializer.deserialize(new DataInputDeserializer(bytes(acc)));
            assertEquals(acc.kind(), back.kind());
            assertEquals(acc.accumulator().result().toString(), back.accumulator().result().toString());
            LiveAccumulator reused = serializer.deserialize(serializer.createInstance(),
                    new DataInputDeserializer(bytes(acc)));
            assertEquals(acc.toString(), reused.toString());
        }
    }

    @Test
    void copiesAreIndependent() throws IOException {
        LiveAccumulator original = nps();
        LiveAccumulator copy = serializer.copy(original);
        assertNotSame(original.accumulator(), copy.accumulator());
        ((NetPromoterScore) copy.accumulator()).accept(0);
        assertEquals(3L, ((NetPromoterScore) original.accumulator()).result().n());
        assertEquals(4L, ((NetPromoterScore) copy.accumulator()).result().n());
        assertEquals(3L, ((NetPromoterScore) serializer.copy(original, copy).accumulator()).result().n());

        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.copy(new DataInputDeserializer(bytes(original)), out);
        assertEquals(original.toString(),
                serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer())).toString());
    }

    @Test
    void combineChecksTheMetric() {
        LiveAccumulator a = nps();
        a.combine(nps());
        assertEquals(6L, ((NetPromoterScore) a.accumulator()).result().n());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> a.combine(new LiveAccumulator(SurveyAccumulatorKind.CES, CustomerEffort.create())));
        assertEquals("cannot combine a CES state into a NPS state", e.getMessage());
    }

    @Test
    void damagedStateFailsWithAMessageInsteadOfMergingGarbage() throws IOException {
        byte[] good = bytes(nps());
        // Layout: writeUTF("NPS") = 2 + 3 bytes, then the int length, then the encoding.
        byte[] badEncoding = good.clone();
        badEncoding[9] ^= (byte) 0xFF;
        IOException e = assertThrows(IOException.class,
                () -> serializer.deserialize(new DataInputDeserializer(badEncoding)));
        assertTrue(e.getMessage().startsWith("cx-flink state is not a valid NPS encoding: "), e.getMessage());

        byte[] badLength = good.clone();
        badLength[5] = 0x7F;
        IOException l = assertThrows(IOException.class,
                () -> serializer.deserialize(new DataInputDeserializer(badLength)));
        assertEquals("cx-flink state: encoded length must be in [1, 1048576]: " + ((0x7F << 24) | (good[6] & 0xFF) << 16
                | (good[7] & 0xFF) << 8 | (good[8] & 0xFF)), l.getMessage());

        DataOutputSerializer out = new DataOutputSerializer(16);
        out.writeUTF("NPX");
        out.writeInt(1);
        IOException m = assertThrows(IOException.class,
                () -> serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer())));
        assertEquals("cx-flink state names an unknown accumulator: 'NPX'", m.getMessage());
    }

    @Test
    void theSnapshotRestoresAnEqualSerializer() throws IOException {
        TypeSerializerSnapshot<LiveAccumulator> snapshot = serializer.snapshotConfiguration();
        DataOutputSerializer out = new DataOutputSerializer(16);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
        TypeSerializerSnapshot<LiveAccumulator> read = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());
        TypeSerializer<LiveAccumulator> restored = read.restoreSerializer();
        assertEquals(serializer, restored);
        assertEquals(serializer.hashCode(), restored.hashCode());
        assertTrue(read.resolveSchemaCompatibility(snapshot).isCompatibleAsIs());
        assertEquals(-1, serializer.getLength());
        assertTrue(!serializer.isImmutableType() && serializer.duplicate() == serializer);
    }
}
