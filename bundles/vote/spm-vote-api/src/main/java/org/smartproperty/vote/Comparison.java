package org.smartproperty.vote;

/** "以上" = GE (the boundary counts), "过半数"/"超过" = GT (the boundary does not count; Civil Code art. 1259). */
public enum Comparison {
    GE, GT
}
