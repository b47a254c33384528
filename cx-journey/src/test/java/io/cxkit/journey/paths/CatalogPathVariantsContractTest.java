package io.cxkit.journey.paths;

import io.cxkit.core.TouchpointCatalog;

/**
 * The accumulator contract for path variants counted through a touchpoint catalog: payload version 2,
 * which carries the catalog mapping (its golden file {@code path-variants-catalog-v1.bin} is the
 * first committed encoding of that payload, named as the contract test names every golden file).
 */
class CatalogPathVariantsContractTest extends PathVariantsContractTest {
    @Override
    protected PathVariants create() {
        return PathVariants.ofLeadingTo("purchase", 2).collapsingRepeats()
                .throughCatalog(CatalogPathsProperties.CATALOG, TouchpointCatalog.Level.STAGE);
    }

    @Override
    protected PathVariants incompatible() {
        return PathVariants.ofLeadingTo("sales", 2).collapsingRepeats()
                .throughCatalog(CatalogPathsProperties.CATALOG, TouchpointCatalog.Level.AREA);
    }

    @Override
    protected String goldenName() {
        return "path-variants-catalog";
    }
}
