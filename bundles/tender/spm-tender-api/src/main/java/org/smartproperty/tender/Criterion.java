package org.smartproperty.tender;

/** One evaluation criterion; the weights of a tender's criteria sum to 100 and a seat gives 0..weight points per bidder. */
public record Criterion(String code, String name, Integer weight) {
}
