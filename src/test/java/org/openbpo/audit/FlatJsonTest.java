package org.openbpo.audit;

import org.junit.jupiter.api.Test;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A flat map's JSON text, written directly, is exactly what the application's Jackson writes; other maps are left to it. */
class FlatJsonTest extends IntegrationTest {

    @Autowired
    ObjectMapper jackson;

    @Test
    void writesWhatJacksonWritesForTextNumbersFlagsAndNothing() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("state", "open");
        map.put("assignee", UUID.fromString("0192f0c4-7a8e-7000-8000-000000000001"));
        map.put("priority", 3);
        map.put("handled", 12_345_678_901L);
        map.put("escalated", true);
        map.put("note", null);
        map.put("quote \" back \\ slash", "tab\tline\nfeed\rbell\u0007 nul\u0000 ff\f bs\b del\u007f é ✓ 𝄞");
        assertThat(FlatJson.write(map)).isEqualTo(jackson.writeValueAsString(map));
        assertThat(FlatJson.write(Map.of())).isEqualTo("{}");
    }

    @Test
    void agreesWithJacksonOnRandomText() {
        Random random = new Random(20261124);
        for (int round = 0; round < 2_000; round++) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(4); i++) {
                StringBuilder text = new StringBuilder();
                for (int c = 0; c < random.nextInt(12); c++) {
                    text.append((char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0xD800)));
                }
                parts.add(text.toString());
            }
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i + 1 < parts.size(); i += 2) {
                map.put(parts.get(i), parts.get(i + 1));
            }
            assertThat(FlatJson.write(map)).isEqualTo(jackson.writeValueAsString(map));
        }
    }

    @Test
    void leavesNestedValuesAndOtherNumbersToJackson() {
        assertThat(FlatJson.write(Map.of("lines", List.of("a", "b")))).isNull();
        assertThat(FlatJson.write(Map.of("rate", 1.5))).isNull();
        assertThat(FlatJson.write(Map.of("form", Map.of("a", "b")))).isNull();
        assertThat(FlatJson.write(Map.of(7, "seven"))).isNull();
    }
}
