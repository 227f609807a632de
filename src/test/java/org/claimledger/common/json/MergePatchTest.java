package org.claimledger.common.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON Merge Patch, RFC 7396 section 2 and the examples of its appendix A, without booting the service. */
class MergePatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Appendix A of RFC 7396: target | patch | result, one example a line. */
    private static final String RFC_EXAMPLES = """
            {"a":"b"}                 | {"a":"c"}                      | {"a":"c"}
            {"a":"b"}                 | {"b":"c"}                      | {"a":"b","b":"c"}
            {"a":"b"}                 | {"a":null}                     | {}
            {"a":"b","b":"c"}         | {"a":null}                     | {"b":"c"}
            {"a":["b"]}               | {"a":"c"}                      | {"a":"c"}
            {"a":"c"}                 | {"a":["b"]}                    | {"a":["b"]}
            {"a":{"b":"c"}}           | {"a":{"b":"d","c":null}}       | {"a":{"b":"d"}}
            {"a":[{"b":"c"}]}         | {"a":[1]}                      | {"a":[1]}
            ["a","b"]                 | ["c","d"]                      | ["c","d"]
            {"a":"b"}                 | ["c"]                          | ["c"]
            {"e":null}                | {"a":1}                        | {"e":null,"a":1}
            [1,2]                     | {"a":"b","c":null}             | {"a":"b"}
            {}                        | {"a":{"bb":{"ccc":null}}}      | {"a":{"bb":{}}}
            """;

    @Test
    void shouldFollowTheExamplesOfRfc7396() {
        List<String> examples = RFC_EXAMPLES.lines().toList();
        assertThat(examples).hasSize(13);
        for (String example : examples) {
            String[] columns = example.split("\\|");
            merges(columns[0].trim(), columns[1].trim(), columns[2].trim());
        }
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
