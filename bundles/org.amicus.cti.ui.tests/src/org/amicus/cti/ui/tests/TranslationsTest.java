package org.amicus.cti.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Keeps every word a user reads in the message files, in English, Russian and German: reads the sources of all
 * bundles (the build passes their folder as {@code amicus.sources}). How it decides what a user reads is in
 * docs/extending.md, "Words in the agent's language".
 */
class TranslationsTest {

    /** The languages every bundle speaks besides English, its base file. */
    private static final List<String> LANGUAGES = List.of("ru", "de");
    /** Bundles whose every string literal of words is for a person: the agent UI and the command line. */
    private static final Set<String> WORDY = Set.of("org.amicus.cti.ui", "org.amicus.cli");
    /** A host workstation for the install test and an example extension: someone else's words. */
    private static final Set<String> NOT_AMICUS = Set.of("org.amicus.hostapp", "org.amicus.examples.screenpop");
    private static final Pattern MODEL_KEY = Pattern.compile("\"%([\\w.]+)\"|^Bundle-\\w+: %([\\w.]+)$",
            Pattern.MULTILINE);
    /** Words of the application model a person reads: every one a {@code %key}. */
    private static final Pattern MODEL_WORDS = Pattern.compile(
            "\\s(label|tooltip|commandName|description|localizedLabel)=\"([^\"%][^\"]*)\"");
    private static final Pattern MESSAGE_FIELD = Pattern.compile("^\\s*public (?:static )?String (\\w+);",
            Pattern.MULTILINE);
    private static final Pattern KEYED_FAILURE = Pattern.compile("CtiException\\.of\\(\"(\\w+)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    private final Path bundles = Path.of(System.getProperty("amicus.sources", "../.."), "bundles");

    @Test
    void everyLanguageHasEveryKeyAndTheSameArguments() {
        List<String> problems = new ArrayList<>();
        for (Path bundle : translatedBundles()) {
            Properties english = words(bundle, "");
            for (String language : LANGUAGES) {
                Properties translated = words(bundle, "_" + language);
                Set<String> missing = new TreeSet<>(english.stringPropertyNames());
                missing.removeAll(translated.stringPropertyNames());
                Set<String> extra = new TreeSet<>(translated.stringPropertyNames());
                extra.removeAll(english.stringPropertyNames());
                missing.forEach(key -> problems.add(where(bundle, language) + key + " is missing"));
                extra.forEach(key -> problems.add(where(bundle, language) + key + " is not in English"));
                for (String key : english.stringPropertyNames()) {
                    String text = translated.getProperty(key);
                    if (text != null && text.isBlank()) {
                        problems.add(where(bundle, language) + key + " is empty");
                    } else if (text != null && !placeholders(text).equals(placeholders(english.getProperty(key)))) {
                        problems.add(where(bundle, language) + key + " has other arguments than in English");
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void messageFilesAreAsciiWithApostrophesDoubledInPatterns() {
        List<String> problems = new ArrayList<>();
        for (Path bundle : translatedBundles()) {
            for (String suffix : List.of("", "_ru", "_de")) {
                Path file = wordsFile(bundle, suffix);
                byte[] bytes = read(file);
                for (byte b : bytes) {
                    if (b < 0) {
                        problems.add(bundles.relativize(file) + " holds a non-ASCII byte: write it as \\uXXXX");
                        break;
                    }
                }
                Properties words = words(bundle, suffix);
                for (String key : words.stringPropertyNames()) {
                    String text = words.getProperty(key);
                    if (PLACEHOLDER.matcher(text).find() && text.replace("''", "").contains("'")) {
                        problems.add(bundles.relativize(file) + ": " + key + " has a single ' in a pattern: write ''");
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyKeyTheModelTheManifestsAndTheCodeUseHasItsWords() {
        List<String> problems = new ArrayList<>();
        Properties failures = words(bundles.resolve("org.amicus.cti"), ""); // CtiException words its keys from there
        for (Path bundle : allBundles()) {
            Set<String> used = new TreeSet<>();
            for (String file : List.of("fragment.e4xmi", "Application.e4xmi", "plugin.xml", "META-INF/MANIFEST.MF")) {
                Path model = bundle.resolve(file);
                if (Files.exists(model)) {
                    matches(MODEL_KEY, text(model)).forEach(used::add);
                }
            }
            for (Path source : javaSources(bundle)) {
                String code = text(source);
                if (source.getFileName().toString().equals("Messages.java")) {
                    matches(MESSAGE_FIELD, code).forEach(used::add);
                }
                matches(KEYED_FAILURE, code).stream().filter(key -> !failures.containsKey(key))
                        .forEach(key -> problems.add(bundles.relativize(source) + ": CtiException key " + key
                                + " has no words in org.amicus.cti"));
            }
            if (used.isEmpty()) {
                continue;
            }
            if (!Files.exists(wordsFile(bundle, ""))) {
                problems.add(bundle.getFileName() + " uses keys but has no OSGI-INF/l10n/bundle.properties");
                continue;
            }
            Properties english = words(bundle, "");
            used.stream().filter(key -> !english.containsKey(key))
                    .forEach(key -> problems.add(bundle.getFileName() + ": " + key + " has no words"));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theApplicationModelsWordsAreKeys() {
        List<String> found = new ArrayList<>();
        for (Path bundle : allBundles()) {
            for (String file : List.of("fragment.e4xmi", "Application.e4xmi")) {
                Path model = bundle.resolve(file);
                if (Files.exists(model) && !NOT_AMICUS.contains(bundle.getFileName().toString())) {
                    Matcher words = MODEL_WORDS.matcher(text(model));
                    while (words.find()) {
                        found.add(bundles.relativize(model) + ": " + words.group(1) + "=\"" + words.group(2) + "\"");
                    }
                }
            }
        }
        assertEquals(List.of(), found, "the model's words belong in OSGI-INF/l10n/bundle*.properties as %keys");
    }

    @Test
    void wordsForAPersonAreInTheMessageFilesNotInTheCode() {
        List<String> found = new ArrayList<>();
        for (Path bundle : allBundles()) {
            boolean wordy = WORDY.contains(bundle.getFileName().toString());
            for (Path source : javaSources(bundle)) {
                for (Literals.Literal literal : Literals.of(text(source))) {
                    boolean forAPerson = wordy ? literal.isForAPerson() : literal.isServiceFailure();
                    if (forAPerson) {
                        found.add(bundles.relativize(source) + ":" + literal.line() + ": \"" + literal.text() + "\"");
                    }
                }
            }
        }
        assertEquals(List.of(), found, "words for a person belong in OSGI-INF/l10n/bundle*.properties (see "
                + "docs/extending.md); a literal that is not for a person is marked //$NON-NLS-n$");
    }

    @Test
    void theCheckSeesTheBundlesItChecks() {
        assertTrue(translatedBundles().size() >= 4, "found only " + translatedBundles());
    }

    private List<Path> allBundles() {
        try (Stream<Path> all = Files.list(bundles)) {
            return all.filter(bundle -> Files.exists(bundle.resolve("META-INF/MANIFEST.MF")))
                    .filter(bundle -> !bundle.getFileName().toString().endsWith(".tests"))
                    .filter(bundle -> !bundle.getFileName().toString().equals("org.amicus.testing"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Path> translatedBundles() {
        return allBundles().stream().filter(bundle -> Files.exists(wordsFile(bundle, ""))).toList();
    }

    private static List<Path> javaSources(Path bundle) {
        Path src = bundle.resolve("src");
        if (!Files.isDirectory(src)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(src)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path wordsFile(Path bundle, String suffix) {
        return bundle.resolve("OSGI-INF/l10n/bundle" + suffix + ".properties");
    }

    private static Properties words(Path bundle, String suffix) {
        Properties words = new Properties();
        try (InputStream in = Files.newInputStream(wordsFile(bundle, suffix))) {
            words.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    private static Set<String> placeholders(String text) {
        return new TreeSet<>(matches(PLACEHOLDER, text));
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
        }
        return found;
    }

    private String where(Path bundle, String language) {
        return bundle.getFileName() + " (" + language + "): ";
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Path file) {
        return new String(read(file), StandardCharsets.UTF_8);
    }
}
