package org.amicus.examples.screenpop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The model fragment the workbench reads: declared in the manifest, naming the classes the bundle has. */
class FragmentTest {

    private final Bundle bundle = FrameworkUtil.getBundle(CallerCardPart.class);

    @Test
    void contributesTheCallerCardAndTheAddOnThatPopsIt() throws Exception {
        assertEquals("fragment.e4xmi", bundle.getHeaders().get("Model-Fragment"));
        List<Element> elements = new ArrayList<>();
        try (InputStream in = bundle.getEntry("fragment.e4xmi").openStream()) {
            NodeList found = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in)
                    .getElementsByTagName("elements");
            for (int i = 0; i < found.getLength(); i++) {
                elements.add((Element) found.item(i));
            }
        }

        assertEquals(List.of(CallerCardPart.DESCRIPTOR_ID, "org.amicus.examples.screenpop.addon.screenPop"),
                elements.stream().map(element -> element.getAttribute("elementId")).toList());
        assertEquals(List.of(CallerCardPart.class, ScreenPop.class),
                elements.stream().map(element -> contribution(element.getAttribute("contributionURI"))).toList());
    }

    private Class<?> contribution(String uri) {
        String prefix = "bundleclass://" + bundle.getSymbolicName() + "/";
        assertTrue(uri.startsWith(prefix), uri);
        try {
            return bundle.loadClass(uri.substring(prefix.length()));
        } catch (ClassNotFoundException e) {
            throw new AssertionError(uri + " names no class of the bundle", e);
        }
    }
}
