package org.openbpo.payables;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InvoiceMailRules.class)
class InvoiceMailConfiguration {
}
