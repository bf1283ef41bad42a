package org.openbpo.shared.database;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Connection settings for one run: migrations connect as the database owner, the application
 * pool switches every connection to the {@code openbpo_app} role, which row-level security binds.
 */
public record DatabaseSettings(String url, String owner, String password) {

    public static final String APPLICATION_ROLE = "openbpo_app";

    public Map<String, Object> springProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", url);
        properties.put("spring.datasource.username", owner);
        properties.put("spring.datasource.password", password);
        properties.put("spring.datasource.hikari.connection-init-sql", "set role " + APPLICATION_ROLE);
        properties.put("spring.flyway.url", url);
        properties.put("spring.flyway.user", owner);
        properties.put("spring.flyway.password", password);
        return properties;
    }
}
