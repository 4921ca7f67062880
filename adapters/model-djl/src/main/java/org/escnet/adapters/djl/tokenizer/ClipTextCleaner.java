package org.escnet.adapters.djl.tokenizer;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text cleaning of OpenAI's CLIP tokenizer without ftfy: NFC, HTML unescape twice, Python-style strip,
 * whitespace runs to one space, lower case. ftfy's mojibake repair is left out: it only changes text that is
 * already broken (UTF-8 decoded as Latin-1 and the like), which class names and prompt templates are not.
 * HTML unescaping covers numeric references and the named entities that occur in practice (amp, lt, gt, quot,
 * apos, nbsp); other named entities stay as written.
 */
public final class ClipTextCleaner {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);");
    private static final Map<String, String> NAMED = Map.of(
            "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", "\u00a0");

    private ClipTextCleaner() {
    }

    /** @return the cleaned text the BPE pre-tokeniser sees */
    public static String clean(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFC);
        t = unescapeHtml(unescapeHtml(t));
        t = pythonStrip(t);
        t = WHITESPACE.matcher(t).replaceAll(" ");
        t = pythonStrip(t);
        return t.toLowerCase(Locale.ROOT);
    }

    static String unescapeHtml(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = ENTITY.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String body = m.group(1);
            String replacement;
            if (body.startsWith("#x") || body.startsWith("#X")) {
                replacement = codePoint(body.substring(2), 16, m.group());
            } else if (body.startsWith("#")) {
                replacement = codePoint(body.substring(1), 10, m.group());
            } else {
                replacement = NAMED.getOrDefault(body, m.group());
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String codePoint(String digits, int radix, String original) {
        try {
            int cp = Integer.parseInt(digits, radix);
            return Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : "\ufffd";
        } catch (NumberFormatException e) {
            return original;
        }
    }

    /** Python's {@code str.strip()}: also removes U+00A0 and the other Unicode spaces Java's strip keeps. */
    static String pythonStrip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isPythonSpace(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && isPythonSpace(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    private static boolean isPythonSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
    }
}
