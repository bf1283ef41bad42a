package org.openbpo.support.mail;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({MailRules.class, WebFormRules.class, org.openbpo.support.SurveyRules.class})
class MailConfiguration {
}
