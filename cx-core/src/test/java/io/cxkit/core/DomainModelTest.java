package io.cxkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DomainModelTest {

    private static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");

    private static void assertMessage(Class<? extends Throwable> type, String message,
            org.junit.jupiter.api.function.Executable call) {
        assertEquals(message, assertThrows(type, call).getMessage());
    }

    @Test
    void customerCopiesAttributesAndAnswersLookups() {
        Map<String, String> attrs = new HashMap<>(Map.of("segment", "smb", "region", "emea"));
        Customer c = Customer.of("c-42", attrs, LocalDate.of(2025, 3, 1));
        attrs.put("segment", "enterprise");
        assertEquals(Optional.of("smb"), c.attribute("segment"));
        assertEquals(Optional.empty(), c.attribute("persona"));
        assertEquals(Optional.of(LocalDate.of(2025, 3, 1)), c.firstSeen());
        assertThrows(UnsupportedOperationException.class, () -> c.attributes().put("x", "y"));
        assertEquals("Customer[c-42, {region=emea, segment=smb}, firstSeen=2025-03-01]", c.toString());
        assertEquals("Customer[c-7, {}]", Customer.of("c-7").toString());
        assertEquals(Customer.of("c-7"), new Customer("c-7", Map.of(), null));
        assertEquals(Customer.of("c-7", Map.of()), Customer.of("c-7", Map.of(), null));
    }

    @Test
    void customerRejectsBadInput() {
        assertMessage(InvalidInputException.class, "customer id must not be missing or blank: ''",
                () -> Customer.of(""));
        assertMessage(InvalidInputException.class, "customer id must not be missing or blank: '  '",
                () -> Customer.of("  "));
        assertMessage(InvalidInputException.class, "customer id must not be missing or blank: null",
                () -> Customer.of(null));
        assertMessage(IllegalArgumentException.class, "customer attributes key must not be blank: ' '",
                () -> Customer.of("c", Map.of(" ", "x")));
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("segment", null);
        assertMessage(NullPointerException.class, "customer attributes value for 'segment' must not be null",
                () -> Customer.of("c", nullValue));
        Map<String, String> nullKey = new HashMap<>();
        nullKey.put(null, "x");
        assertMessage(NullPointerException.class, "customer attributes must not contain a null key",
                () -> Customer.of("c", nullKey));
        assertMessage(NullPointerException.class, "attribute name must not be null",
                () -> Customer.of("c").attribute(null));
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

    @Test
    void interactionBuildsImmutably() {
        Interaction base = Interaction.of("c-42", "hotline", Channel.PHONE, T0);
        Interaction full = base.withDuration(Duration.ofMinutes(7)).withOutcome("resolved")
                .withAttributes(Map.of("agent", "a1"));
        assertEquals(Optional.empty(), base.duration());
        assertEquals(Optional.of(Duration.ofMinutes(7)), full.duration());
        assertEquals(Optional.of("resolved"), full.outcome());
        assertEquals("Interaction[c-42 @ hotline via phone at 2026-01-15T10:00:00Z]", base.toString());
        assertEquals("Interaction[c-42 @ hotline via phone at 2026-01-15T10:00:00Z, PT7M, resolved, "
                + "{agent=a1}]", full.toString());
        assertEquals(base, full.withDuration(null).withOutcome(null).withAttributes(Map.of()));
        assertEquals(base, new Interaction("c-42", "hotline", Channel.PHONE, T0, null, null, Map.of()));
    }

    @Test
    void interactionRejectsBadInput() {
        Interaction base = Interaction.of("c", "tp", Channel.WEB, T0);
        assertMessage(InvalidInputException.class, "customer id must not be missing or blank: ''",
                () -> Interaction.of("", "tp", Channel.WEB, T0));
        assertMessage(InvalidInputException.class, "touchpoint id must not be missing or blank: ' '",
                () -> Interaction.of("c", " ", Channel.WEB, T0));
        assertMessage(NullPointerException.class, "channel must not be null",
                () -> Interaction.of("c", "tp", null, T0));
        assertMessage(NullPointerException.class, "timestamp must not be null",
                () -> Interaction.of("c", "tp", Channel.WEB, null));
        assertMessage(IllegalArgumentException.class, "interaction duration must not be negative: PT-1S",
                () -> base.withDuration(Duration.ofSeconds(-1)));
        assertMessage(InvalidInputException.class, "interaction outcome must not be missing or blank: ''",
                () -> base.withOutcome(""));
    }

    @Test
    void journeySortsStablyAndSummarises() {
        Interaction a = Interaction.of("c", "ad", Channel.SOCIAL, T0);
        Interaction b = Interaction.of("c", "site", Channel.WEB, T0.plusSeconds(60));
        Interaction b2 = Interaction.of("c", "cart", Channel.WEB, T0.plusSeconds(60));
        Interaction c = Interaction.of("c", "hotline", Channel.PHONE, T0.plusSeconds(3600));
        Journey j = Journey.of("c", List.of(c, b, a, b2), "converted");
        assertEquals(List.of(a, b, b2, c), j.interactions());
        assertEquals(List.of("ad", "site", "cart", "hotline"), j.touchpointIds());
        assertEquals(List.of(Channel.SOCIAL, Channel.WEB, Channel.PHONE), j.channels());
        assertEquals(T0, j.start());
        assertEquals(T0.plusSeconds(3600), j.end());
        assertEquals(Duration.ofHours(1), j.duration());
        assertEquals(4, j.size());
        assertEquals(Optional.of("converted"), j.outcome());
        assertEquals("Journey[c, 4 interactions, 2026-01-15T10:00:00Z..2026-01-15T11:00:00Z, "
                + "path=[ad, site, cart, hotline], outcome=converted]", j.toString());
        Journey single = Journey.of("c", List.of(a));
        assertEquals(Duration.ZERO, single.duration());
        assertEquals("Journey[c, 1 interaction, 2026-01-15T10:00:00Z..2026-01-15T10:00:00Z, path=[ad]]",
                single.toString());
        assertThrows(UnsupportedOperationException.class, () -> j.interactions().add(a));
    }

    @Test
    void journeyRejectsBadInput() {
        Interaction mine = Interaction.of("c", "tp", Channel.WEB, T0);
        Interaction theirs = Interaction.of("d", "tp", Channel.WEB, T0);
        assertMessage(IllegalArgumentException.class,
                "journey interactions must all belong to customer c: interactions[1] belongs to d",
                () -> Journey.of("c", List.of(mine, theirs)));
        assertMessage(IllegalArgumentException.class, "journey interactions must not be empty: customer c",
                () -> Journey.of("c", List.of()));
        assertMessage(InvalidInputException.class, "customer id must not be missing or blank: ''",
                () -> Journey.of("", List.of(mine)));
        assertMessage(InvalidInputException.class, "journey outcome must not be missing or blank: ' '",
                () -> Journey.of("c", List.of(mine), " "));
        List<Interaction> withNull = new ArrayList<>();
        withNull.add(mine);
        withNull.add(null);
        assertMessage(NullPointerException.class, "interactions[1] must not be null",
                () -> Journey.of("c", withNull));
    }
}
