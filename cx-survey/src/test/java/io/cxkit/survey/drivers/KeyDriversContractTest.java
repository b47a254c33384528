package io.cxkit.survey.drivers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.core.contract.AccumulatorContractTest;
import java.util.List;
import java.util.SplittableRandom;

class KeyDriversContractTest extends AccumulatorContractTest<KeyDrivers, KeyDriversResult> {
    @Override
    protected KeyDrivers create() {
        return KeyDrivers.of("overall", List.of("ease", "speed", "price"));
    }

    @Override
    protected void accept(KeyDrivers acc, SplittableRandom random) {
        double ease = random.nextInt(1, 6);
        double speed = random.nextInt(1, 6);
        double price = random.nextInt(1, 6);
        double y = 0.5 * ease + 0.3 * speed + random.nextGaussian();
        if (random.nextInt(20) == 0) {
            speed = Double.NaN;
        }
        acc.accept(y, new double[] {ease, speed, price}, 0.5 + random.nextDouble());
    }

    @Override
    protected KeyDrivers decode(byte[] bytes) {
        return KeyDrivers.decode(bytes);
    }

    @Override
    protected KeyDrivers incompatible() {
        return KeyDrivers.of("overall", List.of("ease", "speed"));
    }

    @Override
    protected String goldenName() {
        return "key-drivers";
    }

    @Override
    protected void readOut(KeyDrivers acc) {
        try {
            String.valueOf(acc.result());
        } catch (IllegalArgumentException e) {
            // documented: too few complete rows, or a variable that does not vary
            assertTrue(e.getMessage().startsWith("key-driver"), e::getMessage);
        }
    }

    @Override
    protected void assertPossible(KeyDrivers acc) {
        KeyDriversResult r;
        try {
            r = acc.result();
        } catch (IllegalArgumentException e) {
            return;
        }
        assertTrue(Double.isNaN(r.rSquared()) || (r.rSquared() >= -1e-9 && r.rSquared() <= 1 + 1e-9), r::toString);
    }
}
