package org.scalestudy.check;

import java.util.Collection;
import java.util.Comparator;

/** "did you mean" hints and lists of valid names for diagnostics. */
final class Suggestions {
    private Suggestions() {
    }

    /** "; did you mean 'x'?" when a candidate is within two edits, else "; expected one of a, b, c". */
    static String hint(String wrong, Collection<String> candidates) {
        String best = candidates.stream()
                .filter(c -> distance(wrong.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT)) <= 2)
                .min(Comparator.comparingInt((String c) -> distance(wrong, c)).thenComparing(c -> c))
                .orElse(null);
        if (best != null) {
            return "; did you mean '" + best + "'?";
        }
        if (candidates.isEmpty()) {
            return "";
        }
        return "; expected one of " + String.join(", ", candidates.stream().sorted().toList());
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
