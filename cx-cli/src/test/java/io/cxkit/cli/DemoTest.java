package io.cxkit.cli;

import static io.cxkit.cli.CxTestSupport.cx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxkit.survey.NpsResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The demo reveals the story the generator's model puts in the data, for more than one seed. */
class DemoTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {2026, 7})
    void revealsTheStory(long seed) {
        Demo.Findings f = Demo.run(new SampleCompany(30_000, 6_000, seed), dir);
        // Phone support hurts most; e-mail support and app onboarding hurt too.
        assertEquals("support_phone", f.worstTouchpoint());
        assertTrue(f.hurting().containsAll(List.of("support_phone", "support_email", "onboarding_app")), f.hurting()
                .toString());
        assertTrue(!f.hurting().contains("checkout_web") && !f.hurting().contains("support_chat"), f.hurting()
                .toString());
        // The biggest mover is the app onboarding collapse in July.
        Demo.Mover top = f.movers().get(0);
        assertEquals("onboarding_app", top.touchpoint());
        assertEquals("2026-07", top.month());
        assertTrue(top.change().difference() < -30, top.toString());
        // Movers are selected at a false-discovery rate of 1% (Benjamini-Hochberg over all comparisons).
        assertTrue(f.comparisons() > f.movers().size(), f.comparisons() + " comparisons");
        f.movers().forEach(m -> assertTrue(m.adjustedP() < Demo.FDR && m.adjustedP() >= m.change().pValue(),
                m.toString()));
        // Support NPS falls with every resolution-time band.
        List<NpsResult> bands = new ArrayList<>(f.supportNpsByResolution().values());
        assertEquals(4, bands.size());
        for (int i = 1; i < bands.size(); i++) {
            assertTrue(bands.get(i).estimate() < bands.get(i - 1).estimate(), f.supportNpsByResolution().toString());
        }
        // Promoters churn less and spend more.
        Map<String, Demo.Outcome> o = f.outcomes();
        assertTrue(o.get("promoter").churnRate() < o.get("passive").churnRate());
        assertTrue(o.get("passive").churnRate() < o.get("detractor").churnRate());
        assertTrue(o.get("promoter").meanSpend() > o.get("passive").meanSpend(), o.toString());
        assertTrue(o.get("passive").meanSpend() > o.get("detractor").meanSpend(), o.toString());
    }

    @Test
    void demoCommandPrintsTheHeadlineReport() {
        CxTestSupport.Run r = cx("demo", "--responses", "20000", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        for (String s : List.of("By touchpoint", "By month", "Biggest movers", "significant at FDR 1%",
                "Benjamini-Hochberg", "onboarding_app   2026-07 vs 2026-06",
                "Where the story is", "The worst is support_phone.", "95% CI")) {
            assertTrue(r.out().contains(s), s + " in\n" + r.out());
        }
    }
}
