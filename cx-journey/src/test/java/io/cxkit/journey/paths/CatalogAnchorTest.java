package io.cxkit.journey.paths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cxkit.core.TouchpointCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Found in review: {@code ofLeadingTo("checkout", 2).throughCatalog(c, STAGE)} accepted an anchor
 * no journey could reach (touchpoints are counted as stages), and reported every journey as "without
 * the touchpoint".
 */
class CatalogAnchorTest {

    @Test
    void anAnchorThatIsNoSegmentOfTheLevelIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PathVariants.ofLeadingTo("checkout", 2).throughCatalog(CatalogPathsProperties.CATALOG,
                        TouchpointCatalog.Level.STAGE));
        assertEquals(true, e.getMessage().startsWith("path touchpoint 'checkout' is not a stage of the touchpoint"
                + " catalog"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PathVariants.ofFollowing("cart", 1)
                .throughCatalog(CatalogPathsProperties.CATALOG, TouchpointCatalog.Level.AREA));
    }

    @Test
    void aSegmentOfTheLevelIsTheAnchor() {
        PathVariants p = PathVariants.ofLeadingTo("purchase", 2).throughCatalog(CatalogPathsProperties.CATALOG,
                TouchpointCatalog.Level.STAGE);
        p.accept(List.of("home", "product", "checkout"));
        assertEquals(1, p.result().journeys(), p.result().toString());
        assertEquals(0, p.result().skipped(), p.result().toString());
    }
}
