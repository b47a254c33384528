package io.cxkit.report;

/**
 * The Okabe–Ito palette (Okabe &amp; Ito 2008, "Color Universal Design"), distinguishable under
 * protanopia, deuteranopia and tritanopia, plus the greys of axes and grid. Series colours are taken
 * in {@link #series(int)} order; yellow is left out of the series because it is weak on white.
 */
final class Palette {
    static final String BLUE = "#0072B2";
    static final String VERMILLION = "#D55E00";
    static final String GREEN = "#009E73";
    static final String ORANGE = "#E69F00";
    static final String SKY = "#56B4E9";
    static final String PURPLE = "#CC79A7";
    static final String BLACK = "#000000";
    static final String INK = "#222222";
    static final String MUTED = "#666666";
    static final String AXIS = "#888888";
    static final String GRID = "#e4e4e4";
    static final String BAND = "#0072B2";

    private static final String[] SERIES = {BLUE, VERMILLION, GREEN, ORANGE, SKY, PURPLE, BLACK};

    private Palette() {
    }

    /** The colour of the i-th series (cycles after seven). */
    static String series(int i) {
        return SERIES[Math.floorMod(i, SERIES.length)];
    }
}
