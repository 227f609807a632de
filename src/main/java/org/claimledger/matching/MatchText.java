package org.claimledger.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The text side of matching: statements folded to what they say, so that "more than seventy people
 * died" and "over 70 killed" compare as alike as they are. Lower case, accents removed, number
 * words written as digits (English, French and Spanish: "seventy-two", "soixante-dix", "setenta"),
 * a few words of the casualty vocabulary reduced to one form, and the pg_trgm measure of similarity.
 */
final class MatchText {

    private MatchText() {
    }

    private static final Map<String, Long> UNITS = new HashMap<>();
    private static final Map<String, Long> SCALES = Map.of("hundred", 100L, "cent", 100L, "cents", 100L,
            "cien", 100L, "ciento", 100L, "cientos", 100L, "thousand", 1000L, "mille", 1000L, "mil", 1000L,
            "million", 1_000_000L);
    private static final Set<String> JOINERS = Set.of("and", "et", "y");

    static {
        // a language's words for 0, 1, 2, ... and for 20, 30, 40, ...; the first language to name a word keeps it
        count(0, 1, "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen");
        count(20, 10, "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety");
        count(12, 0, "dozen");
        count(1, 1, "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
                "treize", "quatorze", "quinze", "seize");
        count(1, 0, "une", "una");
        count(20, 0, "vingt", "vingts");
        count(30, 10, "trente", "quarante", "cinquante", "soixante");
        count(0, 1, "cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once",
                "doce", "trece", "catorce", "quince", "dieciseis", "diecisiete", "dieciocho", "diecinueve", "veinte");
        count(30, 10, "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa");
    }

    /** Reads words[i] as first + i * step, unless an earlier language already gave the word a value. */
    private static void count(long first, long step, String... words) {
        for (int i = 0; i < words.length; i++) {
            UNITS.putIfAbsent(words[i], first + i * step);
        }
    }

    /** Words of the same meaning in casualty and attribution claims, reduced to one. */
    private static final Map<String, String> SYNONYMS = new HashMap<>();

    static {
        for (String w : List.of("killed", "kill", "kills", "died", "dead", "deaths", "death", "dies", "die", "fatalities",
                "lives", "slain", "muertos", "murieron", "morts", "tues", "tue", "mortos", "toll")) {
            SYNONYMS.put(w, "killed");
        }
        for (String w : List.of("injured", "wounded", "hurt", "injuries", "blesses", "heridos", "feridos")) {
            SYNONYMS.put(w, "injured");
        }
        for (String w : List.of("over", "above", "exceeds", "exceeded", "passes", "passed", "tops", "topped", "plus")) {
            SYNONYMS.put(w, "morethan");
        }
        for (String w : List.of("explosions", "explosion", "blasts", "blast", "bombings", "bombing", "bombs", "bomb",
                "attack", "attacks", "explosiones", "explosion", "attentat", "attentats", "atentado")) {
            SYNONYMS.put(w, "blast");
        }
        for (String w : List.of("people", "persons", "personnes", "personas", "pessoas", "persone", "человек", "residents")) {
            SYNONYMS.put(w, "people");
        }
        for (String w : List.of("blamed", "accused", "accuse", "accuses", "blames", "blame")) {
            SYNONYMS.put(w, "accused");
        }
        for (String w : List.of("protesters", "protestors", "demonstrators", "manifestants", "manifestantes")) {
            SYNONYMS.put(w, "protesters");
        }
        for (String w : List.of("arrested", "detained", "arrests", "detentions", "arrestations", "detenidos")) {
            SYNONYMS.put(w, "arrested");
        }
        for (String w : List.of("troops", "soldiers", "servicemembers", "service", "military")) {
            SYNONYMS.put(w, "troops");
        }
    }

    /** Words that say little about which claim this is. */
    private static final Set<String> STOP = Set.copyOf(List.of("the", "a", "an", "of", "in", "at", "on", "to", "by", "for", "and",
            "or", "is", "are", "was", "were", "be", "been", "that", "this", "with", "as", "it", "its", "their", "said",
            "says", "say", "than", "more", "least", "le", "la", "les", "de", "des", "du", "et", "a", "au", "dans", "en",
            "el", "los", "las", "y", "del", "que", "un", "una", "por", "plus", "mas", "de", "at", "have", "has", "had",
            "people"));

    // compiled once: String.replaceAll and split compile their pattern at every call, and a create
    // scores its draft against up to 80 candidates
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern THOUSANDS = Pattern.compile("(\\d),(\\d{3})");
    private static final Pattern MORE_THAN =
            Pattern.compile("\\b(more than|greater than|in excess of|upwards of|plus de|mas de|mais de)\\b");
    private static final Pattern AT_LEAST = Pattern.compile("\\b(at least|au moins|al menos|pelo menos)\\b");
    private static final Pattern KILLED = Pattern.compile("\\b(death toll|lost their lives)\\b");
    private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{N}.]+|(?<!\\d)\\.|\\.(?!\\d)");
    private static final Pattern TRIGRAM_WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Statements prepared lately, by their text: a pure function of it, so never stale. About 3 KB each. */
    private static final int PREPARED_MAX = 2048;
    private static final Map<String, Text> PREPARED = new ConcurrentHashMap<>();

    /** A statement prepared for comparison: normalised, its trigrams and its keywords, computed once. */
    record Text(String normalised, Set<String> trigrams, Set<String> keywords) {

        /**
         * The statement prepared, from memory when it was lately: a create scores its draft against up
         * to 80 recorded claims, and the same claims come up as candidates again and again.
         */
        static Text of(String raw) {
            if (raw == null) {
                return prepare(null);
            }
            Text known = PREPARED.get(raw);
            if (known == null) {
                known = prepare(raw);
                if (PREPARED.size() >= PREPARED_MAX) {
                    PREPARED.clear();
                }
                PREPARED.put(raw, known);
            }
            return known;
        }

        private static Text prepare(String raw) {
            String normalised = normalise(raw);
            return new Text(normalised, Set.copyOf(MatchText.trigrams(normalised)),
                    java.util.Collections.unmodifiableSet(MatchText.keywords(normalised)));
        }
    }

    /** Lower case, no accents, one space between words, number words as digits, synonyms reduced. */
    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        // "more than" and its kin are one idea; digits keep their decimal point, thousands separators go
        folded = THOUSANDS.matcher(folded).replaceAll("$1$2");
        folded = MORE_THAN.matcher(folded).replaceAll(" morethan ");
        folded = AT_LEAST.matcher(folded).replaceAll(" atleast ");
        folded = KILLED.matcher(folded).replaceAll(" killed ");
        String[] words = WORDS.split(folded);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            if (words[i].isEmpty()) {
                continue;
            }
            int end = numberEnd(words, i);
            if (end > i) {
                out.add(Long.toString(numberValue(words, i, end)));
                i = end - 1;
                continue;
            }
            out.add(SYNONYMS.getOrDefault(words[i], words[i]));
        }
        return String.join(" ", out);
    }

    /** The words that identify a claim: normalised, without stop words, crudely stemmed. */
    static Set<String> keywords(String normalised) {
        Set<String> words = new LinkedHashSet<>();
        for (String w : normalised.split(" ")) {
            if (w.isEmpty() || STOP.contains(w)) {
                continue;
            }
            words.add(w.length() > 4 && w.endsWith("s") && !w.endsWith("ss") ? w.substring(0, w.length() - 1) : w);
        }
        return words;
    }

    /**
     * How alike two statements are, in [0, 1]: the mean of pg_trgm's trigram similarity of the
     * normalised texts and the Dice overlap of their keywords.
     */
    static double similarity(String a, String b) {
        return similarity(Text.of(a), Text.of(b));
    }

    static double similarity(Text a, Text b) {
        double trigrams = jaccard(a.trigrams(), b.trigrams());
        Set<String> ka = a.keywords();
        Set<String> kb = b.keywords();
        double dice = 0;
        if (!ka.isEmpty() && !kb.isEmpty()) {
            dice = 2.0 * common(ka, kb) / (ka.size() + kb.size());
        }
        return (trigrams + dice) / 2;
    }

    /** pg_trgm's similarity: each word padded with two spaces before and one after, |A∩B| / |A∪B|. */
    static double trigramSimilarity(String a, String b) {
        return jaccard(trigrams(a), trigrams(b));
    }

    private static double jaccard(Set<String> ta, Set<String> tb) {
        if (ta.isEmpty() || tb.isEmpty()) {
            return 0;
        }
        int common = common(ta, tb);
        return (double) common / (ta.size() + tb.size() - common);
    }

    /** How many elements two sets share, counted without copying either. */
    private static int common(Set<String> a, Set<String> b) {
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int n = 0;
        for (String e : small) {
            if (large.contains(e)) {
                n++;
            }
        }
        return n;
    }

    private static Set<String> trigrams(String text) {
        Set<String> out = new HashSet<>();
        for (String word : TRIGRAM_WORDS.split(text)) {
            if (word.isEmpty()) {
                continue;
            }
            String padded = "  " + word + " ";
            for (int i = 0; i + 3 <= padded.length(); i++) {
                out.add(padded.substring(i, i + 3));
            }
        }
        return out;
    }

    /** The index after the number words starting at i ("seventy", "two", "hundred", "and", ...); i if none. */
    private static int numberEnd(String[] words, int i) {
        int end = i;
        int j = i;
        while (j < words.length) {
            String w = words[j];
            for (String part : w.split("-")) {
                if (!UNITS.containsKey(part) && !SCALES.containsKey(part)) {
                    return end;
                }
            }
            j++;
            end = j;
            // "and" inside a number ("one hundred and twenty", "treinta y dos") continues it
            if (j + 1 < words.length && JOINERS.contains(words[j]) && isNumberWord(words[j + 1])) {
                j++;
            }
        }
        return end;
    }

    private static boolean isNumberWord(String w) {
        for (String part : w.split("-")) {
            if (!UNITS.containsKey(part) && !SCALES.containsKey(part)) {
                return false;
            }
        }
        return true;
    }

    private static long numberValue(String[] words, int from, int to) {
        long total = 0;
        long current = 0;
        List<String> parts = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (JOINERS.contains(words[i])) {
                continue;
            }
            parts.addAll(List.of(words[i].split("-")));
        }
        for (int i = 0; i < parts.size(); i++) {
            String p = parts.get(i);
            if (p.isEmpty() || JOINERS.contains(p)) {
                continue;
            }
            // quatre-vingt(s): four twenties
            if (p.equals("quatre") && i + 1 < parts.size() && parts.get(i + 1).startsWith("vingt")) {
                current += 80;
                i++;
                continue;
            }
            Long scale = SCALES.get(p);
            if (scale != null) {
                if (scale >= 1000) {
                    total += Math.max(current, 1) * scale;
                    current = 0;
                } else {
                    current = Math.max(current, 1) * scale;
                }
            } else {
                current += UNITS.get(p);
            }
        }
        return total + current;
    }
}
