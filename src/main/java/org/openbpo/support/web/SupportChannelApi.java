package org.openbpo.support.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.openbpo.support.ChannelSettings;
import org.openbpo.support.ConfigureChannel;
import org.openbpo.support.SupportChannels;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping("/api/v1/clients/{clientId}/support")
@Tag(name = "Support channels", description = "Each client's email channel: addresses, mail servers, signature and branding")
class SupportChannelApi {

    private final SupportChannels channels;

    SupportChannelApi(SupportChannels channels) {
        this.channels = channels;
    }

    @GetMapping("/settings")
    @Operation(summary = "The client's email channel (provider staff); passwords are never shown")
    ChannelSettings settings(@PathVariable UUID clientId, @AuthenticationPrincipal CurrentUser user) {
        return channels.settings(clientId, user);
    }

    @PutMapping("/settings")
    @Operation(summary = "Set up or change the client's email channel (provider administrators)",
            description = "Leave a server's password out to keep the stored one; send an empty one to remove it.")
    ChannelSettings configure(@PathVariable UUID clientId, @Valid @RequestBody ConfigureChannel command,
                              @AuthenticationPrincipal CurrentUser user) {
        return channels.configure(clientId, command, user);
    }
}
