package org.claimledger.common.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** JSON Merge Patch, RFC 7396 section 2 and the examples of its appendix A, without booting the service. */
class MergePatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldFollowTheExamplesOfRfc7396() {
        merges("{\"a\":\"b\"}", "{\"a\":\"c\"}", "{\"a\":\"c\"}");
        merges("{\"a\":\"b\"}", "{\"b\":\"c\"}", "{\"a\":\"b\",\"b\":\"c\"}");
        merges("{\"a\":\"b\"}", "{\"a\":null}", "{}");
        merges("{\"a\":\"b\",\"b\":\"c\"}", "{\"a\":null}", "{\"b\":\"c\"}");
        merges("{\"a\":[\"b\"]}", "{\"a\":\"c\"}", "{\"a\":\"c\"}");
        merges("{\"a\":\"c\"}", "{\"a\":[\"b\"]}", "{\"a\":[\"b\"]}");
        merges("{\"a\":{\"b\":\"c\"}}", "{\"a\":{\"b\":\"d\",\"c\":null}}", "{\"a\":{\"b\":\"d\"}}");
        merges("{\"a\":[{\"b\":\"c\"}]}", "{\"a\":[1]}", "{\"a\":[1]}");
        merges("[\"a\",\"b\"]", "[\"c\",\"d\"]", "[\"c\",\"d\"]");
        merges("{\"a\":\"b\"}", "[\"c\"]", "[\"c\"]");
        merges("{\"e\":null}", "{\"a\":1}", "{\"e\":null,\"a\":1}");
        merges("[1,2]", "{\"a\":\"b\",\"c\":null}", "{\"a\":\"b\"}");
        merges("{}", "{\"a\":{\"bb\":{\"ccc\":null}}}", "{\"a\":{\"bb\":{}}}");
    }

    @Test
    void shouldMergeANestedObjectMemberByMember() {
        merges("{\"quantity\":{\"value\":70,\"unit\":\"people\"},\"claimant\":\"Global News\"}",
                "{\"quantity\":{\"value\":90}}",
                "{\"quantity\":{\"value\":90,\"unit\":\"people\"},\"claimant\":\"Global News\"}");
    }

    @Test
    void shouldLeaveTheTargetUntouched() throws JsonProcessingException {
        JsonNode target = JSON.readTree("{\"a\":{\"b\":\"c\"}}");
        MergePatch.merge(target, JSON.readTree("{\"a\":{\"b\":null}}"));
        assertThat(target).isEqualTo(JSON.readTree("{\"a\":{\"b\":\"c\"}}"));
    }

    private static void merges(String target, String patch, String result) {
        try {
            assertThat(MergePatch.merge(JSON.readTree(target), JSON.readTree(patch)))
                    .as("%s + %s", target, patch).isEqualTo(JSON.readTree(result));
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
