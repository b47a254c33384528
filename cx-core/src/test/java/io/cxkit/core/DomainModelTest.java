package io.cxkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class DomainModelTest {


    private static void assertMessage(Class<? extends Throwable> type, String message,
            org.junit.jupiter.api.function.Executable call) {
        assertEquals(message, assertThrows(type, call).getMessage());
    }

    @Test
    void channelNormalisesNamesAndReturnsConstants() {
        assertSame(Channel.MOBILE_APP, Channel.of("Mobile App"));
        assertSame(Channel.MOBILE_APP, Channel.of("mobile_app"));
        assertSame(Channel.MOBILE_APP, Channel.of("  MOBILE-app "));
        assertSame(Channel.WEB, Channel.of("Web"));
        assertEquals(Channel.MOBILE_APP, new Channel("mobile   app"));
        Channel kiosk = Channel.of("Self Service Kiosk");
        assertEquals("self_service_kiosk", kiosk.name());
        assertEquals("self_service_kiosk", kiosk.toString());
        assertEquals(8, Channel.predefined().size());
        for (Channel c : Channel.predefined()) {
            assertSame(c, Channel.of(c.name().toUpperCase(java.util.Locale.ROOT)));
        }
        assertMessage(InvalidInputException.class, "channel name must not be missing or blank: ' '",
                () -> Channel.of(" "));
        assertMessage(InvalidInputException.class, "channel name must not be missing or blank: null",
                () -> Channel.of(null));
    }

    @Test
    void cxAreaHasTheSevenAreas() {
        assertEquals(List.of(CxArea.MARKETING, CxArea.SALES, CxArea.PRODUCT, CxArea.SUPPORTING_SYSTEMS,
                CxArea.INTEGRATIONS, CxArea.SUPPORT, CxArea.POLICIES), List.of(CxArea.values()));
    }

    @Test
    void journeyStagesSortByOrder() {
        List<JourneyStage> d = JourneyStage.defaults();
        assertEquals(List.of("awareness", "consideration", "purchase", "onboarding", "support",
                "retention", "advocacy"), d.stream().map(JourneyStage::name).toList());
        for (int i = 0; i < d.size(); i++) {
            assertEquals(i, d.get(i).order());
        }
        List<JourneyStage> shuffled = new ArrayList<>(d);
        Collections.reverse(shuffled);
        JourneyStage trial = JourneyStage.of("trial", 2);
        shuffled.add(trial);
        Collections.sort(shuffled);
        assertEquals(JourneyStage.PURCHASE, shuffled.get(2));
        assertEquals(trial, shuffled.get(3));
        assertSame(JourneyStage.SUPPORT, JourneyStage.of("support", 4));
        assertNotEquals(JourneyStage.SUPPORT, JourneyStage.of("support", 5));
        assertEquals("purchase(2)", JourneyStage.PURCHASE.toString());
        assertMessage(IllegalArgumentException.class, "journey stage order must be >= 0: -1",
                () -> JourneyStage.of("x", -1));
        assertMessage(InvalidInputException.class, "journey stage name must not be missing or blank: ''",
                () -> JourneyStage.of("", 1));
    }

    @Test
    void touchpointValidatesAndPrints() {
        Touchpoint tp = Touchpoint.of("checkout", "Checkout page", Channel.WEB, JourneyStage.PURCHASE,
                CxArea.SALES);
        assertEquals("Touchpoint[checkout \"Checkout page\", web, purchase(2), SALES]", tp.toString());
        assertMessage(InvalidInputException.class, "touchpoint id must not be missing or blank: ''",
                () -> Touchpoint.of("", "n", Channel.WEB, JourneyStage.PURCHASE, CxArea.SALES));
        assertMessage(InvalidInputException.class, "touchpoint name must not be missing or blank: ''",
                () -> Touchpoint.of("id", "", Channel.WEB, JourneyStage.PURCHASE, CxArea.SALES));
        assertMessage(NullPointerException.class, "touchpoint channel must not be null",
                () -> Touchpoint.of("id", "n", null, JourneyStage.PURCHASE, CxArea.SALES));
        assertMessage(NullPointerException.class, "touchpoint stage must not be null",
                () -> Touchpoint.of("id", "n", Channel.WEB, null, CxArea.SALES));
        assertMessage(NullPointerException.class, "touchpoint area must not be null",
                () -> Touchpoint.of("id", "n", Channel.WEB, JourneyStage.PURCHASE, null));
    }
}
