package org.redress.complaint;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A complaint exactly as it was submitted (7.2). Never changed after it is stored. */
public record Complaint(
    String reference,
    Channel channel,
    String complainantName,
    String complainantOrganisation,
    String complainantEmail,
    String complainantPhone,
    String complainantAddress,
    String preferredChannel,
    String preferredLanguage,
    String onBehalfOf,
    String productOrService,
    String orderReference,
    LocalDate problemDate,
    String description,
    String remedyRequested,
    BigDecimal amountAtStake,
    boolean safetyConcern,
    boolean legalOrRegulatory,
    String immediateActionAtReceipt,
    OffsetDateTime receivedAt,
    String receivedBy) {}
