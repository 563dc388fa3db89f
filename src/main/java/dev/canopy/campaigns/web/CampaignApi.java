package dev.canopy.campaigns.web;

import dev.canopy.campaigns.CampaignFeedback;
import dev.canopy.campaigns.CampaignInput;
import dev.canopy.campaigns.CampaignReport;
import dev.canopy.campaigns.CampaignStatus;
import dev.canopy.campaigns.CampaignTrigger;
import dev.canopy.campaigns.CampaignView;
import dev.canopy.campaigns.Campaigns;
import dev.canopy.campaigns.RecipientStatus;
import dev.canopy.campaigns.RecipientView;
import dev.canopy.campaigns.SkipReason;
import dev.canopy.enablement.Audience;
import dev.canopy.partners.PartnerType;
import dev.canopy.platform.Pages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** E-mail campaigns through the API: write them, send or schedule them, read whom they reached, report bounces. */
@RestController
@RequestMapping("/api/v1/campaigns")
@Tag(
        name = "Campaigns",
        description = "E-mail campaigns to partner segments (programmes, tiers, types, regions, named partners) or"
                + " triggered by what happens to a partner; each recipient mailed once, unsubscribes (RFC 8058 one"
                + " click) and announcement preferences honoured, sending stopped above the workspace's bounce rate.")
class CampaignApi {

    record CampaignFields(
            String name,

            @Schema(
                    description = "May use the merge fields {{partner.name}}, {{user.name}}, {{programme.name}},"
                            + " {{tier.name}} and {{unsubscribe_url}}")
            String subject,

            @Schema(description = "Markdown, with the same merge fields; an unsubscribe footer is always added")
            String body,

            @Schema(description = "SEGMENT (sent once to the segment; the default) or the event that sends it")
            @Nullable
            CampaignTrigger trigger,

            @Schema(description = "For NO_LEAD_AFTER_DAYS: days after joining") @Nullable
            Integer triggerDays,

            @Schema(description = "ALL (every criterion given must hold; the default) or ANY")
            Audience.@Nullable Match match,

            @Nullable List<String> programIds,
            @Nullable List<String> tierIds,
            @Nullable List<PartnerType> partnerTypes,
            @Nullable List<String> regions,

            @Schema(description = "Admitted whatever the criteria say") @Nullable
            List<String> partnerIds) {

        CampaignInput input() {
            return new CampaignInput(
                    name,
                    subject,
                    body,
                    trigger == null ? null : trigger.name(),
                    triggerDays == null ? null : triggerDays.toString(),
                    match == null ? null : match.name(),
                    programIds,
                    tierIds,
                    partnerTypes == null
                            ? null
                            : partnerTypes.stream().map(Enum::name).toList(),
                    regions,
                    partnerIds);
        }
    }

    record SendOrder(
            @Schema(
                    format = "date-time",
                    description = "When to send: left out, now; else an ISO date-time ahead (without an offset, in the"
                            + " workspace's time zone)")
            @Nullable
            String sendAt) {}

    record BounceNotice(
            @Schema(description = "The bounced message's Message-ID, as sent (<…@…>)") @Nullable
            String messageId,

            @Schema(description = "Or the address that bounced: its latest campaign message") @Nullable
            String address) {}

    record AddressToUnsubscribe(String address) {}

    record CampaignResponse(
            UUID id,
            String name,
            String subject,
            String body,
            CampaignTrigger trigger,
            @Nullable Integer triggerDays,
            Audience.Match match,
            List<UUID> programIds,
            List<UUID> tierIds,
            List<PartnerType> partnerTypes,
            List<String> regions,
            List<UUID> partnerIds,
            CampaignStatus status,
            @Nullable Instant scheduledAt,
            @Nullable Instant startedAt,
            @Nullable Instant finishedAt,
            @Nullable String stoppedReason,
            Instant createdAt) {

        static CampaignResponse of(CampaignView c) {
            Audience a = c.audience();
            return new CampaignResponse(
                    c.id(),
                    c.name(),
                    c.subject(),
                    c.body(),
                    c.trigger(),
                    c.triggerDays(),
                    a.match(),
                    a.programs().stream().sorted().toList(),
                    a.tiers().stream().sorted().toList(),
                    a.types().stream().sorted().toList(),
                    a.regions().stream().sorted().toList(),
                    a.partners().stream().map(p -> p.value()).sorted().toList(),
                    c.status(),
                    c.scheduledAt(),
                    c.startedAt(),
                    c.finishedAt(),
                    c.stoppedReason(),
                    c.createdAt());
        }
    }

    record ReportResponse(
            UUID campaignId,
            int recipients,
            @Schema(description = "Not mailed yet") int waiting,

            @Schema(description = "Taken by the mail server, opened and bounced ones included")
            int sent,

            int failed,
            int skippedUnsubscribed,
            int skippedPreference,
            int skippedNoAddress,
            int bounced,
            int opened,
            int unsubscribed,

            @Schema(description = "Percent of sent, a decimal string like \"2.5\"")
            String bounceRate,

            @Schema(description = "Percent of sent, a decimal string like \"40.0\"")
            String openRate) {

        static ReportResponse of(CampaignReport r) {
            return new ReportResponse(
                    r.campaign(),
                    r.recipients(),
                    r.waiting(),
                    r.sent(),
                    r.failed(),
                    r.skippedUnsubscribed(),
                    r.skippedPreference(),
                    r.skippedNoAddress(),
                    r.bounced(),
                    r.opened(),
                    r.unsubscribed(),
                    r.bounceRate().toPlainString(),
                    r.openRate().toPlainString());
        }
    }

    record RecipientResponse(
            UUID id,
            String address,
            String name,
            @Nullable UUID partnerId,
            String partnerName,
            RecipientStatus status,
            @Nullable SkipReason skipReason,
            @Nullable String error,
            @Nullable Instant sentAt,
            @Nullable Instant openedAt,
            @Nullable Instant bouncedAt) {

        static RecipientResponse of(RecipientView r) {
            return new RecipientResponse(
                    r.id(),
                    r.address(),
                    r.name(),
                    r.partnerId(),
                    r.partnerName(),
                    r.status(),
                    r.skipReason(),
                    r.error(),
                    r.sentAt(),
                    r.openedAt(),
                    r.bouncedAt());
        }
    }

    record BounceResponse(
            UUID campaignId,

            @Schema(description = "Why the campaign stopped; null when it goes on") @Nullable
            String stoppedBecause) {}

    record CampaignList(
            List<CampaignResponse> data, @Nullable String nextCursor) {}

    record RecipientList(
            List<RecipientResponse> data, @Nullable String nextCursor) {}

    private final Campaigns campaigns;
    private final CampaignFeedback feedback;

    CampaignApi(Campaigns campaigns, CampaignFeedback feedback) {
        this.campaigns = campaigns;
        this.feedback = feedback;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('campaigns:read')")
    @Operation(summary = "List campaigns", description = "Newest first.")
    CampaignList listCampaigns(
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Pages.Page<CampaignResponse> page = Pages.of(
                campaigns.list().stream().map(CampaignResponse::of).toList(), c -> c.id().toString(), cursor, limit);
        return new CampaignList(page.items(), page.nextCursor());
    }

    @PostMapping
    @PreAuthorize("hasAuthority('campaigns:write')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a campaign", description = "A draft: send, schedule or activate it next.")
    ResponseEntity<CampaignResponse> createCampaign(@RequestBody CampaignFields request) {
        CampaignView created = campaigns.create(request.input());
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + created.id()))
                .body(CampaignResponse.of(created));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('campaigns:read')")
    @Operation(summary = "Get a campaign")
    CampaignResponse getCampaign(@PathVariable UUID id) {
        return CampaignResponse.of(campaigns.get(id));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('campaigns:write')")
    @Operation(summary = "Change a campaign", description = "While a draft or scheduled: nothing has been mailed yet.")
    CampaignResponse updateCampaign(@PathVariable UUID id, @RequestBody CampaignFields request) {
        return CampaignResponse.of(campaigns.update(id, request.input()));
    }

    @PostMapping("/{id}/send")
    @PreAuthorize("hasAuthority('campaigns:write')")
    @Operation(
            summary = "Send or schedule a segment campaign",
            description = "Now (its recipients are fixed at once and mailed within a minute), or at sendAt.")
    CampaignResponse sendCampaign(@PathVariable UUID id, @RequestBody SendOrder request) {
        return CampaignResponse.of(
                request.sendAt() == null ? campaigns.sendNow(id) : campaigns.schedule(id, request.sendAt()));
    }

    @PostMapping("/{id}/activate")
    @PreAuthorize("hasAuthority('campaigns:write')")
    @Operation(
            summary = "Switch a triggered campaign on",
            description = "Each partner user it names is mailed it once.")
    CampaignResponse activateCampaign(@PathVariable UUID id) {
        return CampaignResponse.of(campaigns.activate(id));
    }

    @PostMapping("/{id}/stop")
    @PreAuthorize("hasAuthority('campaigns:write')")
    @Operation(summary = "Stop a sending or active campaign", description = "Its remaining recipients are not mailed.")
    CampaignResponse stopCampaign(@PathVariable UUID id) {
        return CampaignResponse.of(campaigns.stop(id));
    }

    @GetMapping("/{id}/report")
    @PreAuthorize("hasAuthority('campaigns:read')")
    @Operation(summary = "A campaign's report", description = "Sent, skipped by reason, bounced, opened, rates.")
    ReportResponse getCampaignReport(@PathVariable UUID id) {
        return ReportResponse.of(campaigns.report(id));
    }

    @GetMapping("/{id}/recipients")
    @PreAuthorize("hasAuthority('campaigns:read')")
    @Operation(summary = "A campaign's recipients", description = "By partner and address, with each one's status.")
    RecipientList listCampaignRecipients(
            @PathVariable UUID id,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Pages.Page<RecipientResponse> page = Pages.of(
                campaigns.recipients(id).stream().map(RecipientResponse::of).toList(),
                r -> r.id().toString(),
                cursor,
                limit);
        return new RecipientList(page.items(), page.nextCursor());
    }

    @PostMapping("/bounces")
    @PreAuthorize("hasAuthority('campaigns:write')")
    @Operation(
            summary = "Record a bounce",
            description =
                    "As a mail provider's webhook: by Message-ID, or by address. The campaign stops when its bounce"
                            + " rate passes the workspace's threshold (5 % after 20 sent unless changed).")
    BounceResponse recordCampaignBounce(@RequestBody BounceNotice request) {
        CampaignFeedback.Bounce bounce = feedback.bounce(request.messageId(), request.address());
        return new BounceResponse(bounce.campaign(), bounce.stoppedBecause());
    }

    @PostMapping("/unsubscribes")
    @PreAuthorize("hasAuthority('campaigns:write')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Unsubscribe an address", description = "From every campaign of the workspace, from now on.")
    void unsubscribeAddress(@RequestBody AddressToUnsubscribe request) {
        feedback.unsubscribeAddress(request.address());
    }
}
