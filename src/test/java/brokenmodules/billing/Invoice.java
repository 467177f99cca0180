package brokenmodules.billing;

import brokenmodules.orders.Order;

/** …which uses orders: a cycle. */
public record Invoice(String id, Order order) {}
