package org.amicus.cti.ui.tests;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The string literals of a Java source with the calls they are passed to: a small lexer that knows comments, text
 * blocks, character literals and parentheses, enough to tell words for a person from log lines, ids and JSON names.
 */
final class Literals {

    /** Words: two letters in a row, and a space between words or a capital starting a word ("Busy"). */
    private static final Pattern WORDS = Pattern.compile("(?s).*\\p{L}\\p{L}.*");
    private static final Pattern SENTENCE = Pattern.compile("(?s)(\\p{Lu}\\p{Ll}.*|.*\\p{L}\\s+\\p{L}.*)");
    /** Calls whose text is for a developer or a machine, never shown to a user as it is. */
    private static final Set<String> NOT_FOR_A_PERSON = Set.of("IllegalArgumentException", "IllegalStateException",
            "UnsupportedOperationException", "NullPointerException", "AssertionError", "requireNonNull", "setData",
            "getData", "getProperty", "getenv", "getLogger", "equals", "startsWith", "compile", "matches");
    private static final Set<String> LOGGERS = Set.of("LOG", "log", "LOGGER", "logger");

    /**
     * A literal.
     *
     * @param calls the calls it is passed to, innermost first, each as "receiver.method" or "new Type"
     */
    record Literal(String text, int line, List<String> calls, boolean markedNonNls) {

        /** Words a person reads, unless logged, marked non-NLS or passed to a call for developers. */
        boolean isForAPerson() {
            if (markedNonNls || !WORDS.matcher(text).matches() || !SENTENCE.matcher(text).matches()) {
                return false;
            }
            for (String call : calls) {
                int dot = call.lastIndexOf('.');
                if (dot > 0 && LOGGERS.contains(call.substring(0, dot).replace("new ", ""))) {
                    return false;
                }
            }
            return calls.isEmpty() || !NOT_FOR_A_PERSON.contains(method(calls.get(0)));
        }

        /** Words given to a service's failure as they are, where a key and arguments belong. */
        boolean isServiceFailure() {
            return !markedNonNls && WORDS.matcher(text).matches() && calls.contains("new CtiException");
        }

        private static String method(String call) {
            return call.substring(Math.max(call.lastIndexOf('.'), call.lastIndexOf(' ')) + 1);
        }
    }

    private final String source;
    private final List<Literal> found = new ArrayList<>();
    private final Deque<String> calls = new ArrayDeque<>();
    private int at;
    private int line = 1;

    private Literals(String source) {
        this.source = source;
    }

    static List<Literal> of(String source) {
        Literals lexer = new Literals(source);
        lexer.read();
        return lexer.found;
    }

    private void read() {
        while (at < source.length()) {
            char c = source.charAt(at);
            if (source.startsWith("//", at)) {
                skipTo("\n");
            } else if (source.startsWith("/*", at)) {
                skipTo("*/");
            } else if (source.startsWith("\"\"\"", at)) {
                int start = line;
                at += 3;
                int end = source.indexOf("\"\"\"", at);
                literal(source.substring(at, end), start);
                countLines(at, end + 3);
                at = end + 3;
            } else if (c == '"') {
                int end = endOfQuoted('"');
                literal(source.substring(at + 1, end), line);
                at = end + 1;
            } else if (c == '\'') {
                at = endOfQuoted('\'') + 1;
            } else if (c == '(') {
                calls.push(callBefore(at));
                at++;
            } else if (c == ')') {
                if (!calls.isEmpty()) {
                    calls.pop();
                }
                at++;
            } else if (c == ';' || c == '{' || c == '}') {
                at++;
            } else {
                if (c == '\n') {
                    line++;
                }
                at++;
            }
        }
    }

    private void literal(String text, int startLine) {
        int lineEnd = source.indexOf('\n', at);
        String rest = source.substring(at, lineEnd < 0 ? source.length() : lineEnd);
        found.add(new Literal(text, startLine, List.copyOf(calls), rest.contains("$NON-NLS-")));
    }

    /** "LOG.info", "messages.format", "new CtiException", or "" for a bare parenthesis. */
    private String callBefore(int paren) {
        int end = paren;
        while (end > 0 && Character.isWhitespace(source.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && (Character.isJavaIdentifierPart(source.charAt(start - 1))
                || source.charAt(start - 1) == '.')) {
            start--;
        }
        String name = source.substring(start, end);
        int before = start;
        while (before > 0 && Character.isWhitespace(source.charAt(before - 1))) {
            before--;
        }
        boolean constructor = before >= 3 && source.startsWith("new", before - 3);
        return constructor ? "new " + name : name;
    }

    private int endOfQuoted(char quote) {
        int i = at + 1;
        while (source.charAt(i) != quote) {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return i;
    }

    private void skipTo(String end) {
        int found = source.indexOf(end, at);
        int stop = found < 0 ? source.length() : found + end.length();
        countLines(at, stop);
        at = stop;
    }

    private void countLines(int from, int to) {
        for (int i = from; i < to && i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
    }
}
