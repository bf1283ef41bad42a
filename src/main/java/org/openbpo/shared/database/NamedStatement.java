package org.openbpo.shared.database;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A statement written with named parameters ({@code :name}) and turned into PostgreSQL's positional
 * form once, when the class that holds it loads. Spring's named-parameter support parses, rewrites
 * and binds through maps on every call; for the work engine's statements (thousands of characters,
 * twenty-odd parameters, several per lifecycle) that was a fifth of the request threads' time. Run
 * it as {@code jdbc.sql(statement.sql()).params(statement.bind()....values())}.
 */
public final class NamedStatement {

    private final String sql;
    private final Map<String, int[]> positions;
    private final int count;

    private NamedStatement(String sql, Map<String, int[]> positions, int count) {
        this.sql = sql;
        this.positions = positions;
        this.count = count;
    }

    public static NamedStatement of(String namedSql) {
        ParsedSql parsed = NamedParameterUtils.parseSqlStatement(namedSql);
        // Each placeholder's name, in the order of the positional parameters.
        Object[] names = NamedParameterUtils.buildValueArray(parsed, new NameOf(), null);
        Map<String, List<Integer>> byName = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            byName.computeIfAbsent((String) names[i], n -> new ArrayList<>()).add(i);
        }
        Map<String, int[]> positions = new HashMap<>();
        byName.forEach((name, at) -> positions.put(name, at.stream().mapToInt(Integer::intValue).toArray()));
        return new NamedStatement(NamedParameterUtils.substituteNamedParameters(parsed, null), Map.copyOf(positions),
                names.length);
    }

    /** The statement with {@code ?} for each parameter. */
    public String sql() {
        return sql;
    }

    /** Values for one run of the statement; every name must be given a value (null included). */
    public Values bind() {
        return new Values();
    }

    public final class Values {

        private final @Nullable Object[] values = new Object[count];
        private final boolean[] given = new boolean[count];

        private Values() {
        }

        public Values set(String name, @Nullable Object value) {
            int[] at = positions.get(name);
            if (at == null) {
                throw new IllegalArgumentException("The statement has no parameter :" + name);
            }
            for (int i : at) {
                values[i] = value;
                given[i] = true;
            }
            return this;
        }

        /** Lets {@code binder} set some of the values (a fragment of the statement that binds its own). */
        public Values with(Consumer<BiConsumer<String, @Nullable Object>> binder) {
            binder.accept(this::set);
            return this;
        }

        /** The values in positional order. */
        public @Nullable Object[] values() {
            for (int i = 0; i < count; i++) {
                if (!given[i]) {
                    throw new IllegalStateException("Parameter " + (i + 1) + " of the statement was given no value");
                }
            }
            return values;
        }
    }

    /** A parameter source whose every value is the parameter's own name. */
    private static final class NameOf implements SqlParameterSource {

        @Override
        public boolean hasValue(String paramName) {
            return true;
        }

        @Override
        public Object getValue(String paramName) {
            return paramName;
        }
    }
}
