package org.claimledger.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's table of enumerated values lists exactly the values of each enum in the code, in its order. */
class ReadmeEnumsTest {

    /** README row -> the enum behind it (by name: most enums are package-private to their feature). */
    private static final Map<String, String> ENUMS = Map.ofEntries(
            Map.entry("claim `type`", "org.claimledger.claim.ClaimType"),
            Map.entry("claim `status`", "org.claimledger.claim.ClaimStatus"),
            Map.entry("claim `claimantKind`", "org.claimledger.claim.ClaimantKind"),
            Map.entry("`quantity.measure`", "org.claimledger.claim.Measure"),
            Map.entry("`quantity.qualifier`", "org.claimledger.claim.Qualifier"),
            Map.entry("`attribution.role`", "org.claimledger.claim.AttributionRole"),
            Map.entry("source `kind`", "org.claimledger.claim.SourceKind"),
            Map.entry("source `stance`", "org.claimledger.claim.Stance"),
            Map.entry("article link `role`", "org.claimledger.claim.LinkRole"),
            Map.entry("API key `role`", "org.claimledger.security.Role"),
            Map.entry("history entry `type`", "org.claimledger.history.ChangeType"),
            Map.entry("history `entityType`", "org.claimledger.history.EntityType"));

    @Test
    void shouldListEveryValueOfEveryEnumInTheReadme() throws IOException, ClassNotFoundException {
        Map<String, List<String>> documented = valuesTable();
        assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(ENUMS.keySet());
        for (var entry : ENUMS.entrySet()) {
            List<String> values = Arrays.stream(Class.forName(entry.getValue()).getEnumConstants())
                    .map(v -> ((Enum<?>) v).name()).toList();
            assertThat(documented.get(entry.getKey())).as("README values of " + entry.getKey()).isEqualTo(values);
        }
    }

    private static Map<String, List<String>> valuesTable() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("### Values");
        assertThat(start).as("README has a ### Values section").isPositive();
        String section = readme.substring(start, readme.indexOf("\n#", start + 1));
        Map<String, List<String>> rows = new LinkedHashMap<>();
        Matcher row = Pattern.compile("(?m)^\\| (.+?) \\| (`[A-Z_]+`(?:, `[A-Z_]+`)*) \\|$").matcher(section);
        while (row.find()) {
            rows.put(row.group(1), Arrays.stream(row.group(2).split(", ")).map(v -> v.replace("`", "")).toList());
        }
        return rows;
    }
}
