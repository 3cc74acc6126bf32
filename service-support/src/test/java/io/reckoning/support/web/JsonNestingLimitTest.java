package io.reckoning.support.web;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class JsonNestingLimitTest {

    @Test
    void shouldAllowSixtyFourLevelsAndRefuseSixtyFive() {
        assertThat(JsonNestingLimit.tooDeep(nested(64))).isFalse();
        assertThat(JsonNestingLimit.tooDeep(nested(65))).isTrue();
    }

    @Test
    void shouldCountOnlyBracketsOutsideStrings() {
        String inString = "{\"note\":\"" + "[{".repeat(100) + "\\\"" + "[".repeat(100) + "\"}";

        assertThat(JsonNestingLimit.tooDeep(inString.getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void shouldCountSiblingsAsTheSameLevel() {
        String wide = "{\"a\":[" + "{\"b\":[1]},".repeat(1000) + "{}]}";

        assertThat(JsonNestingLimit.tooDeep(wide.getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    private static byte[] nested(int depth) {
        return ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8);
    }
}
