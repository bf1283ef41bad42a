package org.openbpo.support;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the customers' answer links point ({@code openbpo.support.csat.public-url}): the address customers reach OpenBPO at. */
@ConfigurationProperties("openbpo.support.csat")
public record SurveyRules(@DefaultValue("http://localhost:8080") String publicUrl) {
}
