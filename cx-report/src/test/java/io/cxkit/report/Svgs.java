package io.cxkit.report;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reading the charts' SVG back as XML, to check that the marks sit where the numbers say. */
final class Svgs {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    private Svgs() {
    }

    /** Parses the SVG (it must be well-formed XML) and checks that no non-finite number reached it. */
    static Document parse(String svg) {
        assertFalse(svg.contains("NaN"), "NaN in the markup");
        assertFalse(svg.contains("Infinity"), "Infinity in the markup");
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(false);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("SVG is not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** Elements with the tag whose class attribute starts with {@code cls} (exactly, or followed by a space). */
    static List<Element> byClass(Document d, String tag, String cls) {
        List<Element> out = new ArrayList<>();
        NodeList nl = d.getElementsByTagName(tag);
        for (int i = 0; i < nl.getLength(); i++) {
            Element e = (Element) nl.item(i);
            String c = e.getAttribute("class");
            if (c.equals(cls) || c.startsWith(cls + " ")) {
                out.add(e);
            }
        }
        return out;
    }

    /** The first descendant element with the tag. */
    static Element first(Element e, String tag) {
        NodeList nl = e.getElementsByTagName(tag);
        if (nl.getLength() == 0) {
            throw new AssertionError("no <" + tag + "> in <" + e.getTagName() + " class=" + e.getAttribute("class") + ">");
        }
        return (Element) nl.item(0);
    }

    static double num(Element e, String attr) {
        return Double.parseDouble(e.getAttribute(attr));
    }

    /** The coordinates of path data, as (x, y) pairs in order. */
    static List<double[]> points(String d) {
        Matcher m = NUMBER.matcher(d);
        List<Double> v = new ArrayList<>();
        while (m.find()) {
            v.add(Double.parseDouble(m.group()));
        }
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i + 1 < v.size(); i += 2) {
            out.add(new double[] {v.get(i), v.get(i + 1)});
        }
        return out;
    }

    /** The text content of the element's direct {@code <title>} child. */
    static String title(Element e) {
        return first(e, "title").getTextContent();
    }
}
