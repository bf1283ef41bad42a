package org.openbpo.web.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI openBpoApi() {
        return new OpenAPI()
                .info(new Info().title("OpenBPO API").version("v1").description("""
                        The REST API of OpenBPO. Authenticate with a personal API token \
                        (`Authorization: Bearer obpo_…`, issued in the web UI under API tokens). \
                        Every POST honours `Idempotency-Key`; every error is an RFC 9457 problem detail \
                        with a stable `code` and, where one field is at fault, its `field`; lists are \
                        paged with the opaque `cursor` of the previous page."""))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
