package org.amicus.examples.screenpop;

import org.amicus.cti.CallListener;
import org.amicus.cti.Channel;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Pops the caller card when my phone rings: opens it, or brings it to the front, wherever the application keeps it
 * (the part service puts a new one beside the active part). An e4 add-on, living as long as the application, and a
 * {@link CallListener} service as long as it lives.
 */
public class ScreenPop implements CallListener {

    @Inject
    UISynchronize ui;

    @Inject
    EPartService parts;

    private ServiceRegistration<CallListener> registration;

    @PostConstruct
    public void listen() {
        registration = FrameworkUtil.getBundle(getClass()).getBundleContext().registerService(CallListener.class,
                this, null);
    }

    @PreDestroy
    public void stop() {
        registration.unregister();
    }

    /** Called on Amicus's event thread: the part service is used on the UI thread. */
    @Override
    public void ringing(Channel channel, boolean mine) {
        if (CallerCardPart.isForMe(channel, mine)) {
            ui.asyncExec(() -> parts.showPart(CallerCardPart.DESCRIPTOR_ID, PartState.VISIBLE));
        }
    }
}
