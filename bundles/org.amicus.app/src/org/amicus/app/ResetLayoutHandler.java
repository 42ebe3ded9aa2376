package org.amicus.app;

import java.io.IOException;
import java.io.InputStream;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.MApplicationElement;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.osgi.framework.FrameworkUtil;

/**
 * Reset layout: the window is replaced, while Amicus runs, by the one the application model defines — its parts,
 * stacks, sizes and place as on a first start. What the parts show comes from the services, so nothing is lost.
 */
public class ResetLayoutHandler {

    @Execute
    public void execute(MApplication application, MWindow window) throws IOException {
        MWindow pristine = defaultOf(application, window.getElementId());
        application.getChildren().add(pristine);
        application.setSelectedElement(pristine);
        window.setToBeRendered(false);
        application.getChildren().remove(window);
    }

    /** The window of this id as the application model defines it, read afresh. */
    private static MWindow defaultOf(MApplication application, String windowId) throws IOException {
        ResourceSet resources = ((EObject) application).eResource().getResourceSet();
        URI uri = URI.createPlatformPluginURI("org.amicus.app/" + ModelFingerprint.APPLICATION_MODEL, true);
        // a resource of its own, outside the running model's set, so that the model's own file is not touched
        Resource model = resources.getResourceFactoryRegistry().getFactory(uri).createResource(uri);
        try (InputStream in = FrameworkUtil.getBundle(ResetLayoutHandler.class)
                .getEntry(ModelFingerprint.APPLICATION_MODEL).openStream()) {
            model.load(in, resources.getLoadOptions());
        }
        MApplication defaults = (MApplication) model.getContents().get(0);
        MWindow pristine = defaults.getChildren().stream()
                .filter(candidate -> windowId.equals(candidate.getElementId())).findFirst()
                .orElseThrow(() -> new IOException("The application model has no window " + windowId));
        translatedFromThisBundle(pristine);
        return pristine;
    }

    /**
     * Its {@code %key} labels are worded from this bundle's messages, as the workbench does for the model it loads at
     * start: it finds the messages through each element's contributor.
     */
    private static void translatedFromThisBundle(MWindow window) {
        String contributor = "platform:/plugin/" + FrameworkUtil.getBundle(ResetLayoutHandler.class).getSymbolicName();
        window.setContributorURI(contributor);
        ((EObject) window).eAllContents().forEachRemaining(element -> {
            if (element instanceof MApplicationElement modelElement && modelElement.getContributorURI() == null) {
                modelElement.setContributorURI(contributor);
            }
        });
    }
}
