package org.amicus.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.util.Properties;
import java.util.jar.JarFile;

import org.eclipse.e4.core.di.suppliers.ExtendedObjectSupplier;
import org.eclipse.e4.core.di.suppliers.IObjectDescriptor;
import org.eclipse.e4.core.di.suppliers.IRequestor;
import org.eclipse.e4.core.internal.di.osgi.ProviderHelper;
import org.eclipse.e4.core.services.nls.Translation;

/**
 * Gives the parts' {@code @Translation} messages outside OSGi, where e4 finds no supplier for them: each public
 * {@code String} field of the message class is set from the English {@code OSGI-INF/l10n/bundle.properties} of the
 * jar that holds the class, as e4's message factory sets it in the product ({@code a_b} also read as {@code a.b}).
 */
final class EnglishMessages extends ExtendedObjectSupplier {

    private EnglishMessages() {
    }

    /** Registers the supplier with e4's injector, which looks there first for a qualifier's supplier. */
    static void install() {
        Registry.put(Translation.class.getName(), new EnglishMessages());
    }

    @Override
    public Object get(IObjectDescriptor descriptor, IRequestor requestor, boolean track, boolean group) {
        Class<?> type = (Class<?>) descriptor.getDesiredType();
        try {
            Properties words = words(type);
            Object messages = type.getConstructor().newInstance();
            for (Field field : type.getFields()) {
                if (field.getType() == String.class && !Modifier.isStatic(field.getModifiers())) {
                    String name = field.getName();
                    field.set(messages, words.getProperty(name, words.getProperty(name.replace('_', '.'))));
                }
            }
            return messages;
        } catch (ReflectiveOperationException | IOException e) {
            throw new IllegalStateException("no English messages for " + type.getName(), e);
        }
    }

    private static Properties words(Class<?> type) throws IOException {
        URL jar = type.getProtectionDomain().getCodeSource().getLocation();
        Properties words = new Properties();
        try (JarFile file = new JarFile(jar.getPath());
                InputStream in = file.getInputStream(file.getEntry("OSGI-INF/l10n/bundle.properties"))) {
            words.load(in);
        }
        return words;
    }

    /** e4's table of the suppliers it found, which it reads before asking OSGi (absent here). */
    private static final class Registry extends ProviderHelper {
        static void put(String qualifier, ExtendedObjectSupplier supplier) {
            synchronized (extendedSuppliers) {
                extendedSuppliers.put(qualifier, supplier);
            }
        }
    }
}
