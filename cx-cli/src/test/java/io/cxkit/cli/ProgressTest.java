package io.cxkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void onlyWhenStderrIsATerminal() {
        assertTrue(Progress.enabled("1", null, false));
        assertFalse(Progress.enabled("0", null, true));
        assertFalse(Progress.enabled("1", "1", true));
        assertTrue(Progress.enabled(null, null, true));
        assertFalse(Progress.enabled(null, null, false));
    }

    @Test
    void wrappedStreamPassesBytesThrough() throws IOException {
        try (Progress p = Progress.start(Path.of("x.csv"), 3)) {
            InputStream in = p.wrap(new ByteArrayInputStream(new byte[] {1, 2, 3}));
            assertEquals(1, in.read());
            assertEquals(2, in.read(new byte[5], 0, 5));
            assertEquals(-1, in.read());
        }
    }
}
