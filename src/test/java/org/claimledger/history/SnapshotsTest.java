package org.claimledger.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Field-level diffs between two snapshots of a claim, without booting the service. */
class SnapshotsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A claim's keyed lists, as claim.ClaimSnapshots declares them. */
    private static final Map<String, SnapshotShape.KeyedList> CLAIM = Map.of(
            "sources", new SnapshotShape.KeyedList("id", Set.of("claimId")),
            "articles", new SnapshotShape.KeyedList("articleId", Set.of("claimId", "articleId", "url", "title")));

    @Test
    void shouldFindNoChangeBetweenEqualSnapshots() {
        String claim = "{\"id\":\"c1\",\"statement\":\"Over 70 killed\",\"quantity\":{\"value\":70}}";
        assertThat(Snapshots.diff(json(claim), json(claim), CLAIM)).isEmpty();
    }

    @Test
    void shouldNameANestedChangeByItsDottedPath() {
        List<Change> changes = Snapshots.diff(json("{\"quantity\":{\"value\":70,\"unit\":\"people\"}}"),
                json("{\"quantity\":{\"value\":90,\"unit\":\"people\"}}"), CLAIM);
        assertThat(changes).extracting(Change::field, c -> c.from().asInt(), c -> c.to().asInt())
                .containsExactly(tuple("quantity.value", 70, 90));
    }

    @Test
    void shouldIgnoreTheBookkeepingThatMovesWithEveryWrite() {
        assertThat(Snapshots.diff(
                json("{\"id\":\"c1\",\"version\":1,\"createdAt\":\"a\",\"updatedAt\":\"b\",\"claimant\":\"Reuters\"}"),
                json("{\"id\":\"c1\",\"version\":2,\"createdAt\":\"a\",\"updatedAt\":\"c\",\"claimant\":\"Reuters\"}"), CLAIM))
                .isEmpty();
    }

    @Test
    void shouldAddressASourceByItsIdNotItsPlaceInTheList() {
        JsonNode before = json("{\"sources\":[{\"id\":\"s1\",\"claimId\":\"c1\",\"stance\":\"SUPPORTS\"},"
                + "{\"id\":\"s2\",\"claimId\":\"c1\",\"stance\":\"REFUTES\"}]}");
        JsonNode after = json("{\"sources\":[{\"id\":\"s2\",\"claimId\":\"c1\",\"stance\":\"REFUTES\"},"
                + "{\"id\":\"s1\",\"claimId\":\"c1\",\"stance\":\"CONTEXT\"}]}");
        assertThat(Snapshots.diff(before, after, CLAIM)).extracting(Change::field, c -> c.from().asText(), c -> c.to().asText())
                .containsExactly(tuple("sources[s1].stance", "SUPPORTS", "CONTEXT"));
    }

    @Test
    void shouldShowAnAddedAndARemovedMemberWithANullSide() {
        List<Change> changes = Snapshots.diff(json("{\"claimant\":\"Reuters\",\"location\":null}"),
                json("{\"location\":\"Kabul\"}"), CLAIM);
        assertThat(changes).extracting(Change::field).containsExactly("claimant", "location");
        assertThat(changes.get(0).to()).isNull();
        assertThat(changes.get(1).from()).isNull();
        assertThat(changes.get(1).to().asText()).isEqualTo("Kabul");
    }

    @Test
    void shouldAddressAnArticleLinkByItsArticleAndSkipTheArticlesOwnFields() {
        JsonNode before = json("{\"articles\":[{\"articleId\":\"a1\",\"claimId\":\"c1\",\"url\":\"u\",\"role\":\"APPEARS_IN\"}]}");
        JsonNode after = json("{\"articles\":[{\"articleId\":\"a1\",\"claimId\":\"c1\",\"url\":\"v\",\"role\":\"CITED_BY\"}]}");
        assertThat(Snapshots.diff(before, after, CLAIM)).extracting(Change::field).containsExactly("articles[a1].role");
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
