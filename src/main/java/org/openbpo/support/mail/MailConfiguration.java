package org.openbpo.support.mail;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({MailRules.class, WebFormRules.class})
class MailConfiguration {
}
