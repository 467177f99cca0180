package brokenmodules.orders;

import brokenmodules.billing.Invoice;

/** Uses billing… */
public record Order(String id, Invoice invoice) {}
