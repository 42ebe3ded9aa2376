package org.amicus.examples.screenpop;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.amicus.cti.AgentProfiles;
import org.amicus.cti.CallListener;
import org.amicus.cti.Channel;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.Party;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The caller card: who is calling on my phone, and what the contact list knows of them. An e4 part (a POJO the
 * workbench makes by dependency injection). While it is open it is a {@link CallListener} service of its own, and
 * when it opens it shows the call ringing on my phone at that moment, if any.
 */
public class CallerCardPart implements CallListener {

    /** The part descriptor of {@code fragment.e4xmi}. */
    public static final String DESCRIPTOR_ID = "org.amicus.examples.screenpop.partdescriptor.callerCard";
    /** The key under which the card's labels carry their ids ({@code label.getData(WIDGET_ID)}), for tests. */
    public static final String WIDGET_ID = "org.amicus.examples.screenpop.widget";
    public static final String CALL = "card.call";
    public static final String NAME = "card.name";
    public static final String NUMBER = "card.number";
    public static final String COMPANY = "card.company";
    public static final String NOTE = "card.note";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    @Inject
    UISynchronize ui;

    @Inject
    AgentProfiles agents;

    @Inject
    ChannelRegistry channels;

    private final ContactList contacts = ContactList.builtIn();
    private Label call;
    private Label name;
    private Label number;
    private Label company;
    private Label note;
    private ServiceRegistration<CallListener> registration;

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new GridLayout());
        call = label(parent, CALL);
        name = label(parent, NAME);
        makeLarge(name);
        number = label(parent, NUMBER);
        company = label(parent, COMPANY);
        note = label(parent, NOTE);

        String myPhone = agents.current().device();
        call.setText(myPhone.isEmpty() ? "My phone is not set: choose it in Amicus's settings"
                : "Waiting for a call on " + myPhone);
        channels.snapshot().channels().stream()
                .filter(channel -> channel.isRinging() && isForMe(channel, channel.device().equals(myPhone)))
                .findFirst().ifPresent(this::show);
        registration = FrameworkUtil.getBundle(getClass()).getBundleContext().registerService(CallListener.class,
                this, null);
    }

    @PreDestroy
    public void close() {
        registration.unregister();
    }

    /** Whether a ringing channel deserves a card: it rings on my phone, from a number that can be looked up. */
    public static boolean isForMe(Channel ringingChannel, boolean mine) {
        return mine && !ringingChannel.connectedLine().number().isEmpty();
    }

    /** Called on Amicus's event thread: the card changes on the UI thread. */
    @Override
    public void ringing(Channel channel, boolean mine) {
        if (isForMe(channel, mine)) {
            ui.asyncExec(() -> show(channel));
        }
    }

    private void show(Channel channel) {
        if (name.isDisposed()) {
            return; // the card was closed meanwhile
        }
        Party caller = channel.connectedLine(); // on my ringing phone: who calls
        Optional<Contact> contact = contacts.find(caller.number());
        call.setText("Call on " + channel.device() + " at " + time(channel.started()));
        show(name, contact.map(Contact::name).orElse(caller.name().isEmpty() ? "Unknown caller" : caller.name()));
        show(number, caller.number());
        show(company, contact.map(Contact::company).orElse("Not in the contact list"));
        show(note, contact.map(Contact::note).orElse(""));
        name.getParent().layout(true, true);
    }

    /** Shows the text as it is: a label would take an ampersand (Martin &amp; Fils) for a mnemonic. */
    private static void show(Label label, String text) {
        label.setText(text.replace("&", "&&"));
    }

    private static String time(Instant instant) {
        return instant == null ? "now" : TIME.format(instant);
    }

    private static void makeLarge(Label label) {
        FontData[] large = label.getFont().getFontData();
        for (FontData data : large) {
            data.setHeight(data.getHeight() * 2);
            data.setStyle(SWT.BOLD);
        }
        Font font = new Font(label.getDisplay(), large);
        label.setFont(font);
        label.addDisposeListener(event -> font.dispose());
    }

    private static Label label(Composite parent, String id) {
        Label label = new Label(parent, SWT.WRAP);
        label.setData(WIDGET_ID, id);
        label.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        return label;
    }
}
