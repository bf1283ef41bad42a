package org.openbpo.web.api;

import org.openbpo.shared.money.Decimals;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.module.SimpleModule;

import java.math.BigDecimal;

/**
 * Every decimal in a request body is refused, naming its field, when it is too large or too fine
 * to compute with (see {@link Decimals}), before any command sees it. Spring Boot registers the
 * module with the one JSON mapper.
 */
@Component
class WorkableDecimals extends SimpleModule {

    WorkableDecimals() {
        super("openbpo-workable-decimals");
        addDeserializer(BigDecimal.class, new Bounded());
    }

    private static final class Bounded extends NumberDeserializers.BigDecimalDeserializer {
        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
            BigDecimal value = super.deserialize(parser, context);
            if (value != null && !Decimals.workable(value)) {
                throw new IllegalArgumentException(Decimals.tooLarge(value.toString()));
            }
            return value;
        }
    }
}
