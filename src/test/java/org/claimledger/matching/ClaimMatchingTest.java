package org.claimledger.matching;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.support.Fixtures.createClaim;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimledger.support.ApiTest;
import org.junit.jupiter.api.Test;

/**
 * The matching fixture: 21 stories, each a recorded claim, a probe that says the same in other
 * words (number words for digits, another language, another order) and near-misses worded like
 * them with another figure, actor or role — 67 claims in all. The expected claim must come first
 * for at least 90% of the probes, and no near-miss may rank above it.
 */
@QuarkusTest
class ClaimMatchingTest extends ApiTest {

    /** One story: the recorded claim, the probe that should find it, and near-misses that should not outrank it. */
    record Story(Map<String, Object> original, Map<String, Object> probe, List<Map<String, Object>> nearMisses) {
    }

    private final List<Story> stories = List.of(
            story(casualty("en", "2019-03-02", "A suicide bombing at the Maiduguri market killed more than 70 people", "KILLED", "MORE_THAN", 70, "people"),
                    casualty("en", "2019-03-02", "Over seventy dead after suicide blast hits Maiduguri market", "KILLED", "MORE_THAN", 70, "people"),
                    casualty("en", "2019-03-02", "A suicide bombing at the Maiduguri market killed more than 700 people", "KILLED", "MORE_THAN", 700, "people"),
                    casualty("en", "2019-03-02", "A suicide bombing at the Maiduguri market injured more than 70 people", "INJURED", "MORE_THAN", 70, "people")),
            story(casualty("en", "2019-05-22", "The eruption near Goma displaced about 400,000 people", "DISPLACED", "APPROXIMATELY", 400000, "people"),
                    casualty("en", "2019-05-23", "Some four hundred thousand residents fled their homes after the Goma eruption", "DISPLACED", "APPROXIMATELY", 400000, "residents"),
                    casualty("en", "2019-05-22", "The eruption near Goma displaced about 40,000 people", "DISPLACED", "APPROXIMATELY", 40000, "people")),
            story(casualty("fr", "2016-07-14", "L'attentat de Nice a fait 86 morts sur la promenade des Anglais", "KILLED", "EXACT", 86, "personnes"),
                    casualty("en", "2016-07-15", "Eighty-six people were killed in the Nice truck attack", "KILLED", "EXACT", 86, "people"),
                    casualty("en", "2016-07-15", "Eighty-four people were killed in the Nice truck attack", "KILLED", "EXACT", 84, "people")),
            story(casualty("es", "2024-10-30", "Más de 200 muertos en las inundaciones de Valencia", "KILLED", "MORE_THAN", 200, "personas"),
                    casualty("es", "2024-10-31", "Las inundaciones en Valencia dejaron más de doscientos muertos", "KILLED", "MORE_THAN", 200, "personas"),
                    casualty("es", "2024-10-30", "Más de 20 muertos en las inundaciones de Valencia", "KILLED", "MORE_THAN", 20, "personas")),
            story(attribution("en", "2019-09-14", "Officials blamed the Houthis for the drone attack on the Abqaiq refinery", "the Houthis", "ACCUSED"),
                    attribution("en", "2019-09-15", "Saudi officials accused Houthi rebels over the Abqaiq drone strike", "Houthis", "ACCUSED"),
                    attribution("en", "2019-09-14", "Officials blamed Iran for the drone attack on the Abqaiq refinery", "Iran", "ACCUSED"),
                    attribution("en", "2019-09-14", "The Houthis claimed responsibility for the drone attack on the Abqaiq refinery", "the Houthis", "CLAIMED_RESPONSIBILITY")),
            story(quantity("en", "2021-07-10", "Over 1,200 fighters surrendered in Kunduz in 2021", "MORE_THAN", 1200, "fighters"),
                    quantity("en", "2021-07-11", "More than twelve hundred fighters laid down their arms in Kunduz", "MORE_THAN", 1200, "fighters"),
                    quantity("en", "2021-07-10", "Over 120 fighters surrendered in Kunduz in 2021", "MORE_THAN", 120, "fighters"),
                    quantity("en", "2021-07-10", "Over 1,200 fighters surrendered in Herat in 2021", "MORE_THAN", 1200, "fighters")),
            story(casualty("pt", "2020-06-05", "Mais de 300 feridos no incêndio em Lisboa", "INJURED", "MORE_THAN", 300, "pessoas"),
                    casualty("pt", "2020-06-05", "O incêndio de Lisboa deixou mais de trezentos feridos", "INJURED", "MORE_THAN", 300, "pessoas"),
                    casualty("pt", "2020-06-05", "Mais de 30 feridos no incêndio em Lisboa", "INJURED", "MORE_THAN", 30, "pessoas")),
            story(casualty("en", "2020-05-20", "At least 45 fishermen are missing after the storm off Chittagong", "MISSING", "AT_LEAST", 45, "fishermen"),
                    casualty("en", "2020-05-21", "Forty-five fishermen remain missing since the Chittagong storm", "MISSING", "EXACT", 45, "fishermen"),
                    casualty("en", "2020-05-20", "At least 15 fishermen are missing after the storm off Chittagong", "MISSING", "AT_LEAST", 15, "fishermen"),
                    casualty("en", "2020-05-20", "At least 45 fishermen are missing after the storm off Karachi", "MISSING", "AT_LEAST", 45, "fishermen")),
            story(plain("EVENT", "en", "2021-08-15", "The Taliban took control of the presidential palace in Kabul"),
                    plain("EVENT", "en", "2021-08-15", "Taliban fighters seized the presidential palace in Kabul"),
                    plain("EVENT", "en", "2021-08-13", "The Taliban took control of the governor's palace in Kandahar")),
            story(plain("QUOTE", "de", "2022-02-20", "Der Kanzler sagte, die Lage an der Grenze sei unter Kontrolle"),
                    plain("QUOTE", "de", "2022-02-20", "Die Lage an der Grenze sei unter Kontrolle, sagte der Kanzler"),
                    plain("QUOTE", "de", "2022-02-20", "Der Minister sagte, die Lage an der Grenze sei außer Kontrolle")),
            story(casualty("en", "2021-11-24", "Twenty-seven migrants drowned when their boat capsized off Calais", "KILLED", "EXACT", 27, "migrants"),
                    casualty("en", "2021-11-25", "27 migrants died after a dinghy sank in the Channel near Calais", "KILLED", "EXACT", 27, "migrants"),
                    casualty("en", "2021-11-24", "Seventeen migrants drowned when their boat capsized off Calais", "KILLED", "EXACT", 17, "migrants")),
            story(range("en", "2022-01-21", "Between 60 and 80 people were killed in the Saada prison airstrike", "KILLED", 60, 80, "people"),
                    casualty("en", "2022-01-21", "The Saada prison air strike killed 72 people", "KILLED", "EXACT", 72, "people"),
                    casualty("en", "2022-01-21", "The Saada prison air strike killed 12 people", "KILLED", "EXACT", 12, "people")),
            story(attribution("fr", "2022-08-20", "Les autorités accusent Al-Shabaab de l'attaque de l'hôtel Hayat à Mogadiscio", "Al-Shabaab", "ACCUSED"),
                    attribution("en", "2022-08-20", "Authorities blamed al-Shabaab for the Hayat hotel attack in Mogadishu", "al-Shabaab", "ACCUSED"),
                    attribution("en", "2022-08-20", "Authorities blamed ISIS for the Hayat hotel attack in Mogadishu", "ISIS", "ACCUSED")),
            story(range("en", "2022-03-20", "Between 1 and 1.5 million people have fled Mariupol", "DISPLACED", 1000000, 1500000, "people"),
                    casualty("en", "2022-03-21", "More than a million people have fled Mariupol", "DISPLACED", "MORE_THAN", 1000000, "people"),
                    casualty("en", "2022-03-20", "More than 100,000 people have fled Mariupol", "DISPLACED", "MORE_THAN", 100000, "people")),
            story(casualty("en", "2020-08-16", "Police arrested 230 protesters in Minsk on Sunday", "ARRESTED", "EXACT", 230, "protesters"),
                    casualty("en", "2020-08-17", "Two hundred and thirty demonstrators were detained in Minsk", "ARRESTED", "EXACT", 230, "demonstrators"),
                    casualty("en", "2020-08-16", "Police arrested 2,300 protesters in Minsk on Sunday", "ARRESTED", "EXACT", 2300, "protesters")),
            story(casualty("it", "2018-08-14", "Almeno 43 morti nel crollo del ponte Morandi a Genova", "KILLED", "AT_LEAST", 43, "persone"),
                    casualty("it", "2018-08-15", "Il crollo del ponte Morandi a Genova ha causato 43 morti", "KILLED", "EXACT", 43, "persone"),
                    casualty("it", "2018-08-14", "Almeno 4 morti nel crollo del ponte Morandi a Genova", "KILLED", "AT_LEAST", 4, "persone")),
            story(attribution("en", "2022-09-27", "Ukraine denied responsibility for the Nord Stream explosions", "Ukraine", "DENIED"),
                    attribution("en", "2022-09-28", "Kyiv denies being behind the Nord Stream pipeline blasts", "Ukraine", "DENIED"),
                    attribution("en", "2022-09-27", "Russia denied responsibility for the Nord Stream explosions", "Russia", "DENIED")),
            story(casualty("en", "2020-08-04", "The Beirut port explosion injured about 6,000 people", "INJURED", "APPROXIMATELY", 6000, "people"),
                    casualty("en", "2020-08-05", "Some six thousand people were wounded in the Beirut blast", "INJURED", "APPROXIMATELY", 6000, "people"),
                    casualty("en", "2020-08-04", "The Beirut port explosion killed about 200 people", "KILLED", "APPROXIMATELY", 200, "people")),
            story(quantity("en", "2023-01-25", "Ukraine will receive 31 Abrams tanks from the United States", "EXACT", 31, "tanks"),
                    quantity("en", "2023-01-25", "The US is sending thirty-one Abrams tanks to Ukraine", "EXACT", 31, "tanks"),
                    quantity("en", "2023-01-25", "Ukraine will receive 14 Leopard tanks from Germany", "EXACT", 14, "tanks")),
            story(casualty("ru", "2024-03-22", "Более 140 человек погибли в теракте в Крокус Сити Холле", "KILLED", "MORE_THAN", 140, "человек"),
                    casualty("en", "2024-03-23", "More than 140 people were killed in the Crocus City Hall attack", "KILLED", "MORE_THAN", 140, "people"),
                    casualty("en", "2024-03-23", "More than 14 people were killed in the Crocus City Hall attack", "KILLED", "MORE_THAN", 14, "people")),
            story(attribution("es", "2019-01-18", "El gobierno culpó al ELN del atentado contra la escuela de policía en Bogotá", "ELN", "ACCUSED"),
                    attribution("es", "2019-01-18", "Gobierno colombiano atribuye al ELN el ataque a la escuela de cadetes de Bogotá", "ELN", "ACCUSED"),
                    attribution("es", "2019-01-18", "El gobierno culpó a las FARC del atentado contra la escuela de policía en Bogotá", "FARC", "ACCUSED")));

    /** Recorded ids: the original of each story, and its near-misses. */
    private final List<String> originals = new ArrayList<>();
    private final List<List<String>> nearMissIds = new ArrayList<>();
    private final Set<String> fixtureIds = new HashSet<>();

    /** Records every story once (REST Assured knows the test port only once a test runs). */
    private void recordTheStories() {
        if (!originals.isEmpty()) {
            return;
        }
        for (Story s : stories) {
            String id = createClaim(s.original());
            originals.add(id);
            fixtureIds.add(id);
            List<String> misses = new ArrayList<>();
            for (Map<String, Object> miss : s.nearMisses()) {
                String missId = createClaim(miss);
                misses.add(missId);
                fixtureIds.add(missId);
            }
            nearMissIds.add(misses);
        }
    }

    @Test
    void shouldPutTheSameClaimFirstForNineInTenProbesAndNeverANearMissAboveIt() {
        recordTheStories();
        int first = 0;
        int truePositives = 0;
        int falsePositives = 0;
        List<String> report = new ArrayList<>();
        for (int i = 0; i < stories.size(); i++) {
            List<Map<String, Object>> items = match(stories.get(i).probe());
            List<String> ranked = items.stream().map(m -> (String) m.get("claimId")).toList();
            String expected = originals.get(i);
            int at = ranked.indexOf(expected);
            if (at == 0) {
                first++;
            }
            report.add(i + ": expected at " + at + " " + items.stream().limit(3)
                    .map(m -> m.get("score") + " " + m.get("statement")).toList());
            for (String miss : nearMissIds.get(i)) {
                int missAt = ranked.indexOf(miss);
                assertThat(missAt == -1 || (at != -1 && missAt > at))
                        .as("story %d: near-miss %s ranks at %d, the expected claim at %d: %s", i, miss, missAt, at, items)
                        .isTrue();
            }
            // precision and recall of possibleDuplicates (score >= 0.5), over the fixture's claims
            for (Map<String, Object> m : items) {
                String id = (String) m.get("claimId");
                if (((Number) m.get("score")).doubleValue() >= MatchService.DUPLICATE_THRESHOLD && fixtureIds.contains(id)) {
                    if (id.equals(expected)) {
                        truePositives++;
                    } else {
                        falsePositives++;
                    }
                }
            }
        }
        double precision = truePositives / (double) Math.max(1, truePositives + falsePositives);
        double recall = truePositives / (double) stories.size();
        System.out.printf("MATCHING FIXTURE: %d probes, expected first for %d (%.0f%%); at score >= %.2f: precision %.2f,"
                + " recall %.2f%n%s%n", stories.size(), first, 100.0 * first / stories.size(),
                MatchService.DUPLICATE_THRESHOLD, precision, recall, String.join("\n", report));
        assertThat(first).as(String.join("\n", report)).isGreaterThanOrEqualTo((int) Math.ceil(0.9 * stories.size()));
        assertThat(recall).isGreaterThanOrEqualTo(0.8);
        assertThat(precision).isGreaterThanOrEqualTo(0.8);
    }

    private static List<Map<String, Object>> match(Map<String, Object> draft) {
        return given().contentType(ContentType.JSON).body(draft).queryParam("limit", 10)
                .when().post("/api/v1/claims:match").then().statusCode(200).extract().path("items");
    }

    private static Story story(Map<String, Object> original, Map<String, Object> probe, Map<String, Object>... misses) {
        return new Story(original, probe, List.of(misses));
    }

    static Map<String, Object> plain(String type, String language, String date, String statement) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statement", statement);
        body.put("type", type);
        body.put("language", language);
        body.put("claimDate", date);
        return body;
    }

    static Map<String, Object> casualty(String language, String date, String statement, String measure, String qualifier,
            long value, String subject) {
        Map<String, Object> body = plain("CASUALTY_COUNT", language, date, statement);
        body.put("quantity", Map.of("measure", measure, "qualifier", qualifier, "value", value, "subject", subject));
        return body;
    }

    static Map<String, Object> range(String language, String date, String statement, String measure, long from, long to,
            String subject) {
        Map<String, Object> body = plain("CASUALTY_COUNT", language, date, statement);
        body.put("quantity", Map.of("measure", measure, "qualifier", "RANGE", "value", from, "upperValue", to, "subject", subject));
        return body;
    }

    static Map<String, Object> quantity(String language, String date, String statement, String qualifier, long value,
            String subject) {
        Map<String, Object> body = plain("QUANTITY", language, date, statement);
        body.put("quantity", Map.of("measure", "OTHER", "qualifier", qualifier, "value", value, "subject", subject));
        return body;
    }

    static Map<String, Object> attribution(String language, String date, String statement, String actor, String role) {
        Map<String, Object> body = plain("ATTRIBUTION", language, date, statement);
        body.put("attribution", Map.of("actor", actor, "role", role, "attributedBy", "officials"));
        return body;
    }
}
