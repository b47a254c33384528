package io.cxkit.journey.paths;

import io.cxkit.core.TouchpointCatalog;

/**
 * The accumulator contract for a transition graph counted through a touchpoint catalog: payload
 * version 2, which carries the catalog mapping (golden file {@code transition-graph-catalog-v1.bin},
 * the first committed encoding of that payload).
 */
class CatalogTransitionGraphContractTest extends TransitionGraphContractTest {
    @Override
    protected TransitionGraph create() {
        return TransitionGraph.create().throughCatalog(CatalogPathsProperties.CATALOG, TouchpointCatalog.Level.AREA);
    }

    @Override
    protected TransitionGraph incompatible() {
        return TransitionGraph.create();
    }

    @Override
    protected String goldenName() {
        return "transition-graph-catalog";
    }
}
