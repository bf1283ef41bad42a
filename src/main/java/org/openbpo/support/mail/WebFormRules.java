package org.openbpo.support.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The provider's limit on the public support forms ({@code openbpo.support.web-form.*}): requests per sender per hour. */
@ConfigurationProperties("openbpo.support.web-form")
public record WebFormRules(@DefaultValue("5") int maxPerSenderPerHour) {
}
